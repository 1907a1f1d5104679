/**
 * The custom activation as the page shows it: its name with the network's expression
 * ("Custom: x * sin(x)") and its compiled f for the glyphs.
 */
import { checkExpression } from '../expr';
import { activationInfo, CUSTOM_ACTIVATION_ID, type ActivationId } from '../nn';
import { usePlayground } from '../state';

/** The network's f(x) text, for components that show custom neurons. */
export function useCustomText(): string {
  return usePlayground((s) => s.config.customActivation);
}

/** "Tanh", or for the custom activation "Custom: x * sin(x)". */
export function activationName(id: ActivationId, customText: string): string {
  return id === CUSTOM_ACTIVATION_ID ? `Custom: ${customText}` : activationInfo(id).label;
}

/** f of the custom activation `text` (checked by the settings table), or null. */
export function customValue(text: string): ((x: number) => number) | null {
  const check = checkExpression(text);
  return check.ok ? check.activation.value : null;
}
