/**
 * The training kernels of the learned mix, f(x) = Σ_k s_k · g_k(x) with s = softmax(α) over
 * the palette's fixed activations g_k, for a run of mixture neurons of one layer at once.
 *
 * Forward runs each palette entry's fixed kernel once over the whole run (every unit, every
 * row), into the network's scratch `mixValues` / `mixSlopes`, then blends; backward reads the
 * g_k kept there instead of forward writing ∂f/∂α_k for every row. Why: one neuron at a time
 * cost a kernel call per palette entry per neuron for a handful of rows, and the calls, not
 * the arithmetic, were most of the time.
 *
 * The scratch holds entry k's value of unit u in row r at `k·mixStride + u·rows + r`, where
 * `mixStride` is `ROWS · unitCount`: entry k's block is laid out like `pre`, so its kernel
 * writes it through the view `mixValueViews[k]` at the indices it reads `pre` from.
 */
import { activateRun } from './activationTable';
import type { Network } from './network';

/** The mixture's `LearnedRun` (learnedEntry.ts) for units `first` to `end` − 1. */
export function runMixture(net: Network, first: number, end: number, rows: number): void {
  const { pre, out, slope, learnedSlope, mixWeights, paletteCodes } = net;
  const { mixValues, mixSlopes, mixValueViews, mixSlopeViews, mixStride } = net;
  const palette = paletteCodes.length;
  for (let k = 0; k < palette; k++) {
    const values = mixValueViews[k] as Float64Array;
    const slopes = mixSlopeViews[k] as Float64Array;
    activateRun(paletteCodes[k] as number, pre, values, slopes, first * rows, end * rows);
  }
  // The weights are the softmax of α computed once per step (learnedParams.ts), not per row;
  // a run's neurons have theirs one after another, `palette` each.
  // Two rows per pass (the last one twice when `rows` is odd: same values, written twice), why:
  // they share the weights' loads and the loop's overheads, which are most of a term's cost.
  let p0 = net.activationParamStart[first - net.inputSize] as number;
  for (let u = first; u < end; u++, p0 += palette) {
    const last = (u + 1) * rows - 1;
    for (let i = u * rows; i <= last; i += 2) {
      const j = Math.min(i + 1, last);
      let yI = 0;
      let yJ = 0;
      let dyI = 0;
      let dyJ = 0;
      for (let k = 0, at = 0; k < palette; k++, at += mixStride) {
        const s = mixWeights[p0 + k] as number;
        yI += s * (mixValues[at + i] as number);
        yJ += s * (mixValues[at + j] as number);
        dyI += s * (mixSlopes[at + i] as number);
        dyJ += s * (mixSlopes[at + j] as number);
      }
      out[i] = yI;
      out[j] = yJ;
      learnedSlope[i] = dyI;
      learnedSlope[j] = dyJ;
      slope[i] = 1;
      slope[j] = 1;
    }
  }
}

/**
 * The mixture's `LearnedBackward`: ∂f/∂α_k = s_k · (g_k − f), the softmax's Jacobian applied
 * to the palette values, times ∂loss/∂out, summed in row order onto the gradient.
 */
export function mixtureBackward(net: Network, first: number, end: number, rows: number): void {
  const { out, delta, learnedSlope, mixWeights, mixValues, mixStride } = net;
  const { gradActivationParams: grad } = net;
  const palette = net.paletteCodes.length;
  let p0 = net.activationParamStart[first - net.inputSize] as number;
  // Three entries per pass over the rows (the last one repeated at the end: both sums start
  // from the same stored value, so it is added once), why: each sum is a chain of dependent
  // additions, one per row, and three chains let the CPU overlap them.
  for (let u = first; u < end; u++, p0 += palette) {
    const at = u * rows;
    for (let k = 0; k < palette; k += 3) {
      const kB = Math.min(k + 1, palette - 1);
      const kC = Math.min(k + 2, palette - 1);
      const sA = mixWeights[p0 + k] as number;
      const sB = mixWeights[p0 + kB] as number;
      const sC = mixWeights[p0 + kC] as number;
      const gA = k * mixStride + at;
      const gB = kB * mixStride + at;
      const gC = kC * mixStride + at;
      let sumA = grad[p0 + k] as number;
      let sumB = grad[p0 + kB] as number;
      let sumC = grad[p0 + kC] as number;
      for (let r = 0; r < rows; r++) {
        const d = delta[at + r] as number;
        const y = out[at + r] as number;
        sumA += d * (sA * ((mixValues[gA + r] as number) - y));
        sumB += d * (sB * ((mixValues[gB + r] as number) - y));
        sumC += d * (sC * ((mixValues[gC + r] as number) - y));
      }
      grad[p0 + k] = sumA;
      grad[p0 + kB] = sumB;
      grad[p0 + kC] = sumC;
    }
    for (let i = at; i < at + rows; i++)
      delta[i] = (delta[i] as number) * (learnedSlope[i] as number);
  }
}
