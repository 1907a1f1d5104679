/**
 * What the learned-activation views need of the engine, the store and the frames (issue 9),
 * gathered in one place so the views import it from here.
 */
import type { PlaygroundConfig } from '../../config';
import {
  ACTIVATIONS,
  activationParamLayout,
  isLearned,
  LEARNED_ACTIVATION_IDS,
  type ActivationId,
  type ActivationInfo,
  type ActivationParamLayout,
  type FixedActivationId,
  type LearnedActivationId,
} from '../../nn';
import type { Frame } from '../../worker/protocol';

export { activationParamLayout, isLearned };

/** The activations that learn parameters per neuron, in the palette's order. */
export const LEARNED_IDS = LEARNED_ACTIVATION_IDS;
export type LearnedId = LearnedActivationId;
export type AnyActivationId = ActivationId;
export type ParamLayout = ActivationParamLayout;
/** A learned mix's palette: fixed activations, in order. */
export type MixPalette = readonly FixedActivationId[];

/** The fixed activations, in palette order (those a learned mix may blend). */
export const FIXED_ACTIVATIONS = ACTIVATIONS.filter(
  (a): a is ActivationInfo & { readonly id: FixedActivationId } => !isLearned(a.id),
);

/** The palette a learned mix blends in `config` (the `mixPalette` setting). */
export function mixPaletteOf(config: PlaygroundConfig): MixPalette {
  return config.mixPalette;
}

/** The frame's learned parameters (in `activationParamLayout`), or null before any frame. */
export function frameParams(frame: Frame | null): Float64Array | null {
  return frame?.activationParams ?? null;
}

const layouts = new WeakMap<object, { size: number; layout: ParamLayout }>();

/** `activationParamLayout`, computed once per network (hidden array) and palette size. */
export function layoutOf(
  hidden: readonly (readonly ActivationId[])[],
  paletteSize: number,
): ParamLayout {
  const kept = layouts.get(hidden);
  if (kept && kept.size === paletteSize) return kept.layout;
  const layout = activationParamLayout(hidden, paletteSize);
  layouts.set(hidden, { size: paletteSize, layout });
  return layout;
}

/** Whether any hidden neuron is a learned mix. */
export function hasMixture(hidden: readonly (readonly ActivationId[])[]): boolean {
  return hidden.some((layer) => layer.includes('mixture'));
}

/** Whether any hidden neuron has a learned activation. */
export function hasLearned(hidden: readonly (readonly ActivationId[])[]): boolean {
  return hidden.some((layer) => layer.some(isLearned));
}
