/**
 * The hidden activations with parameters learned per neuron, in palette order after the fixed
 * ones (their codes are FIXED_ACTIVATION_COUNT + their position here):
 * - PReLU: x if x > 0, else a·x; slope a at x = 0, as PyTorch;
 * - Swish: x·sigmoid(β·x);
 * - Learned mix: Σ_k softmax(α)_k · g_k(x) over the network's palette of fixed activations.
 * Their parameters live in `Network.activationParams` (learnedParams.ts lays them out).
 */
import { ACTIVATION_TABLE } from './activationTable';
import { sigmoid } from './exactMath';
import { defineLearnedActivation } from './learnedEntry';
import { displayMixture, mixtureBackward, runMixture } from './mixtureKernels';
import { ROWS } from './rows';

export const prelu = defineLearnedActivation({
  id: 'prelu',
  label: 'PReLU',
  formula: 'x if x > 0, else a·x',
  learns: 'Learns its slope a for negative inputs (starts at 0.25).',
  range: [-Infinity, Infinity],
  initFamily: 'he',
  parameterCount: 1,
  defaultParameter: 0.25,
  value: (x, params) => (x > 0 ? x : (params[0] as number) * x),
  run(net, first, end, rows) {
    const { pre, out, slope, learnedSlope, activationParamDer: der } = net;
    for (let u = first; u < end; u++) {
      const p0 = net.activationParamStart[u - net.inputSize] as number;
      const a = net.activationParams[p0] as number;
      const at = u * rows;
      const d0 = p0 * ROWS;
      for (let r = 0; r < rows; r++) {
        const x = pre[at + r] as number;
        const positive = x > 0;
        out[at + r] = positive ? x : a * x;
        learnedSlope[at + r] = positive ? 1 : a; // a at x = 0, as PyTorch
        slope[at + r] = 1;
        der[d0 + r] = positive ? 0 : x;
      }
    }
  },
  display(net, p0, tile, at, count) {
    const a = net.activationParams[p0] as number;
    for (let p = at; p < at + count; p++) {
      const x = tile[p] as number;
      tile[p] = x > 0 ? x : a * x;
    }
  },
});

export const swish = defineLearnedActivation({
  id: 'swish',
  label: 'Swish (learned β)',
  formula: 'x · sigmoid(β·x)',
  learns: 'Learns its sharpness β (starts at 1, where it is SiLU).',
  range: [-Infinity, Infinity],
  initFamily: 'he',
  parameterCount: 1,
  defaultParameter: 1,
  value: (x, params) => x * sigmoid((params[0] as number) * x),
  run(net, first, end, rows) {
    const { pre, out, slope, learnedSlope, activationParamDer: der } = net;
    for (let u = first; u < end; u++) {
      const p0 = net.activationParamStart[u - net.inputSize] as number;
      const beta = net.activationParams[p0] as number;
      const at = u * rows;
      const d0 = p0 * ROWS;
      for (let r = 0; r < rows; r++) {
        const x = pre[at + r] as number;
        const s = sigmoid(beta * x);
        const spread = s * (1 - s); // sigmoid′(β·x)
        out[at + r] = x * s;
        learnedSlope[at + r] = s + beta * x * spread;
        slope[at + r] = 1;
        der[d0 + r] = x * x * spread;
      }
    }
  },
  display(net, p0, tile, at, count) {
    const beta = net.activationParams[p0] as number;
    for (let p = at; p < at + count; p++) {
      const x = tile[p] as number;
      tile[p] = x * sigmoid(beta * x);
    }
  },
});

/** softmax(α)_k · g_k summed over the palette, exactly; for `value`. */
function mixtureValue(x: number, alphas: ArrayLike<number>, paletteCodes: ArrayLike<number>) {
  let largest = -Infinity;
  for (let k = 0; k < paletteCodes.length; k++) largest = Math.max(largest, alphas[k] as number);
  let total = 0;
  let weighted = 0;
  for (let k = 0; k < paletteCodes.length; k++) {
    const e = Math.exp((alphas[k] as number) - largest);
    total += e;
    const entry = ACTIVATION_TABLE[paletteCodes[k] as number];
    weighted += e * (entry ? entry.value(x) : NaN);
  }
  return weighted / total;
}

export const mixture = defineLearnedActivation({
  id: 'mixture',
  label: 'Learned mix',
  formula: 'Σ softmax(α)ₖ · gₖ(x) over the palette',
  learns: 'Learns one weight per palette entry (starts as an even blend).',
  range: [-Infinity, Infinity],
  initFamily: 'xavier',
  parameterCount: 'palette',
  defaultParameter: 0,
  value: mixtureValue,
  run: runMixture,
  backward: mixtureBackward,
  display: displayMixture,
});

/** The activations with learned parameters, in palette order (after the fixed ones). */
export const LEARNED_ACTIVATION_TABLE = [prelu, swish, mixture] as const;
