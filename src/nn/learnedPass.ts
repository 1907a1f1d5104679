/**
 * The path of the learned activations through the passes, a run of neighbouring neurons with
 * one activation at a time: forward, the parameter gradients in backpropagation, and (one
 * neuron at a time) the heatmaps. The fixed activations never come here.
 *
 * `kernelsOf` is the one place that maps an activation code beyond the fixed ones to its
 * kernels; a kind of activation whose kernels come from the network (not a table) is added
 * there.
 */
import { learnedEntryOf } from './activationIds';
import { CUSTOM_ACTIVATION_CODE } from './customActivation';
import type { LearnedActivationEntry } from './learnedEntry';
import { refreshMixWeights } from './learnedParams';
import type { Network } from './network';
import { ROWS } from './rows';

/** The kernels of learned activation code `code`, or undefined for a code that is none. */
function kernelsOf(net: Network, code: number): LearnedActivationEntry | undefined {
  if (code === CUSTOM_ACTIVATION_CODE) return net.customActivation ?? undefined;
  return learnedEntryOf(code);
}

/** Brings the mixture weights up to date if the α changed since they were computed. */
export function prepareLearned(net: Network): void {
  if (net.mixWeightsStale) refreshMixWeights(net);
}

/**
 * Activates learned units `first` to `end` − 1, neighbours in one layer with one activation, in
 * all `rows` rows of a pass (learnedEntry.ts `LearnedRun`).
 */
export function activateLearned(net: Network, first: number, end: number, rows: number): void {
  const entry = kernelsOf(net, net.codes[first] as number);
  if (!entry) {
    net.out.fill(NaN, first * rows, end * rows);
    net.slope.fill(NaN, first * rows, end * rows);
    return;
  }
  entry.run(net, first, end, rows);
}

/**
 * For the learned units of hidden layer k, whose `delta` holds ∂loss/∂out after the deltas
 * were propagated into the layer (their `slope` is 1): adds ∂loss/∂param, row by row, to
 * `gradActivationParams`, then turns `delta` into ∂loss/∂pre with the true slope. One call
 * per run of neighbouring units with one activation, as forward.
 */
export function learnedLayerBackward(net: Network, k: number, rows: number): void {
  const { codes } = net;
  const end = net.unitStart[k + 1] as number;
  let u = net.unitStart[k] as number;
  while (u < end) {
    const code = codes[u] as number;
    let runEnd = u + 1;
    while (runEnd < end && codes[runEnd] === code) runEnd++;
    const entry = kernelsOf(net, code); // none for a fixed code
    if (entry) (entry.backward ?? backwardFromParamDer)(net, u, runEnd, rows);
    u = runEnd;
  }
}

/** The default `LearnedBackward`: sums δ · ∂f/∂θ from `activationParamDer`. */
function backwardFromParamDer(net: Network, first: number, end: number, rows: number): void {
  const { delta, learnedSlope, activationParamDer: der, gradActivationParams: grad } = net;
  const start = net.activationParamStart;
  for (let u = first; u < end; u++) {
    const h = u - net.inputSize;
    const at = u * rows;
    for (let p = start[h] as number; p < (start[h + 1] as number); p++) {
      let sum = grad[p] as number;
      const d0 = p * ROWS;
      for (let r = 0; r < rows; r++) sum += (delta[at + r] as number) * (der[d0 + r] as number);
      grad[p] = sum;
    }
    for (let r = at; r < at + rows; r++)
      delta[r] = (delta[r] as number) * (learnedSlope[r] as number);
  }
}

/** Replaces `tile[at …at + count]` by unit `unit`'s activation of it, to display precision. */
export function activateLearnedForDisplay(
  net: Network,
  unit: number,
  tile: Float64Array,
  at: number,
  count: number,
): void {
  const entry = kernelsOf(net, net.codes[unit] as number);
  if (!entry) {
    tile.fill(NaN, at, at + count);
    return;
  }
  entry.display(net, net.activationParamStart[unit - net.inputSize] as number, tile, at, count);
}
