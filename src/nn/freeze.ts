/**
 * Freezing the choices the learned activations made: every mixture becomes the fixed palette
 * entry it weighs most, and a PReLU or Swish whose parameter sits next to a fixed activation
 * becomes that one. Weights are never touched here (setActivation keeps them).
 */
import { type ActivationId } from './activations';
import { setActivation } from './edit';
import type { Network } from './network';

/** How close a PReLU's a or a Swish's β must be to a fixed activation's value to become it. */
export const FREEZE_TOLERANCE = 0.02;

/** The fixed activation a PReLU with slope a equals at these a, and a Swish with β. */
const PRELU_EQUIVALENTS: readonly (readonly [number, ActivationId])[] = [
  [0, 'relu'],
  [0.01, 'leaky_relu'],
  [1, 'linear'],
];
const SWISH_EQUIVALENTS: readonly (readonly [number, ActivationId])[] = [[1, 'silu']];

/** The nearest equivalent within FREEZE_TOLERANCE of `value`, or undefined. */
function nearest(value: number, equivalents: readonly (readonly [number, ActivationId])[]) {
  let best: ActivationId | undefined;
  let distance = FREEZE_TOLERANCE;
  for (const [at, id] of equivalents) {
    const d = Math.abs(value - at);
    if (d <= distance) {
      best = id;
      distance = d;
    }
  }
  return best;
}

/**
 * The hidden activations after a freeze, as the spec's nested lists (nothing is changed):
 * a mixture takes the palette entry with the largest softmax weight, i.e. the largest α (ties:
 * the first in palette order); a PReLU or Swish within FREEZE_TOLERANCE of a fixed equivalent
 * takes it (a = 0 ReLU, a = 0.01 leaky ReLU, a = 1 linear, β = 1 SiLU); the others stay.
 */
export function freezeMixtures(net: Network): ActivationId[][] {
  const { activationParams: params, activationParamStart: start } = net;
  return net.activations.map((layer, l) =>
    layer.map((id, j) => {
      const h = net.unitIndex(l + 1, j) - net.inputSize;
      const from = start[h] as number;
      if (id === 'mixture') {
        let best = 0;
        for (let k = 1; k < (start[h + 1] as number) - from; k++) {
          if ((params[from + k] as number) > (params[from + best] as number)) best = k;
        }
        return net.mixturePalette[best] ?? id;
      }
      if (id === 'prelu') return nearest(params[from] as number, PRELU_EQUIVALENTS) ?? id;
      if (id === 'swish') return nearest(params[from] as number, SWISH_EQUIVALENTS) ?? id;
      return id;
    }),
  );
}

/** One neuron a freeze changed. */
export interface FrozenNeuron {
  /** 1-based hidden layer and 0-based neuron, as in `Network`. */
  readonly layer: number;
  readonly neuron: number;
  readonly from: ActivationId;
  readonly to: ActivationId;
}

/** Gives every hidden neuron its activation in `hidden` (weights kept); returns the changes. */
export function applyActivations(
  net: Network,
  hidden: readonly (readonly ActivationId[])[],
): FrozenNeuron[] {
  const changed: FrozenNeuron[] = [];
  net.activations.forEach((layer, l) =>
    layer.forEach((from, j) => {
      const to = hidden[l]?.[j];
      if (to === undefined || to === from) return;
      setActivation(net, l + 1, j, to);
      changed.push({ layer: l + 1, neuron: j, from, to });
    }),
  );
  return changed;
}
