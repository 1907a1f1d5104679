/**
 * The kernels of the learned mix, f(x) = Σ_k s_k · g_k(x) with s = softmax(α) over
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
 * writes it through the view `mixValueViews[k]` at the indices it reads `pre` from. The default
 * palette's forward skips the kernels and the blend (mixtureFused.ts) and writes the values
 * only, as the blend leaves them; so does its heatmap (`displayMixture`).
 */
import { activateRun, FIXED_ACTIVATION_COUNT } from './activationTable';
import { activateRowForDisplay } from './fastActivations';
import { displayFusedPalette, isFusedPalette, runFusedPalette } from './mixtureFused';
import type { Network } from './network';

/**
 * The mixture's `LearnedRun` (learnedEntry.ts) for units `first` to `end` − 1: the default
 * palette in one pass (mixtureFused.ts) where its rows allow, else the general path.
 */
export function runMixture(net: Network, first: number, end: number, rows: number): void {
  if (isFusedPalette(net.paletteCodes) && runFusedPalette(net, first, end, rows)) return;
  runMixtureByEntry(net, first, end, rows);
}

/** The general path of `runMixture`: each palette entry's kernel, then the blend. */
export function runMixtureByEntry(net: Network, first: number, end: number, rows: number): void {
  const { pre, paletteCodes, mixValueViews, mixSlopeViews } = net;
  const palette = paletteCodes.length;
  for (let k = 0; k < palette; k++) {
    const values = mixValueViews[k] as Float64Array;
    const slopes = mixSlopeViews[k] as Float64Array;
    activateRun(paletteCodes[k] as number, pre, values, slopes, first * rows, end * rows);
  }
  // The weights are the softmax of α computed once per step (learnedParams.ts), not per row;
  // a run's neurons have theirs one after another, `palette` each.
  let p0 = net.activationParamStart[first - net.inputSize] as number;
  for (let u = first; u < end; u++, p0 += palette) {
    // Five rows per pass (a batch of 10 is two), the last one repeated in a pass past the
    // unit's rows (the same values, written again).
    const last = (u + 1) * rows - 1;
    for (let i = u * rows; i <= last; i += 5) {
      const left = last - i;
      blendRows(
        net,
        p0,
        i,
        Math.min(1, left),
        Math.min(2, left),
        Math.min(3, left),
        Math.min(4, left),
      );
    }
  }
}

/**
 * Sets `out`, `learnedSlope` and `slope` (to 1) of the mixture unit whose weights start at
 * `mixWeights[p0]` in rows `i`, `i + b`, `i + c`, `i + d` and `i + e`: y = Σ_k s_k·g_k and
 * dy = Σ_k s_k·g′_k, each from 0 in palette order. Five rows per pass, why: they share the
 * weights' loads and the loop's overheads, which are most of a term's cost (V8 reloads each
 * typed array's length and address at every turn of a loop); ten sums still fit in
 * registers. The indices step through the palette's blocks rather than being recomputed.
 */
function blendRows(
  net: Network,
  p0: number,
  i: number,
  b: number,
  c: number,
  d: number,
  e: number,
): void {
  const { out, slope, learnedSlope, mixWeights, mixValues, mixSlopes, mixStride } = net;
  const stop = net.paletteCodes.length * mixStride; // past the last block (i < mixStride)
  let y0 = 0;
  let y1 = 0;
  let y2 = 0;
  let y3 = 0;
  let y4 = 0;
  let dy0 = 0;
  let dy1 = 0;
  let dy2 = 0;
  let dy3 = 0;
  let dy4 = 0;
  for (let at = i, w = p0; at < stop; at += mixStride, w++) {
    const s = mixWeights[w] as number;
    y0 += s * (mixValues[at] as number);
    y1 += s * (mixValues[at + b] as number);
    y2 += s * (mixValues[at + c] as number);
    y3 += s * (mixValues[at + d] as number);
    y4 += s * (mixValues[at + e] as number);
    dy0 += s * (mixSlopes[at] as number);
    dy1 += s * (mixSlopes[at + b] as number);
    dy2 += s * (mixSlopes[at + c] as number);
    dy3 += s * (mixSlopes[at + d] as number);
    dy4 += s * (mixSlopes[at + e] as number);
  }
  // Equal offsets hold equal sums, so the order of these stores does not matter.
  out[i] = y0;
  out[i + b] = y1;
  out[i + c] = y2;
  out[i + d] = y3;
  out[i + e] = y4;
  learnedSlope[i] = dy0;
  learnedSlope[i + b] = dy1;
  learnedSlope[i + c] = dy2;
  learnedSlope[i + d] = dy3;
  learnedSlope[i + e] = dy4;
  slope[i] = 1;
  slope[i + b] = 1;
  slope[i + c] = 1;
  slope[i + d] = 1;
  slope[i + e] = 1;
}

/** G_k = Σ δ·g_k of one neuron's palette entries (distinct fixed activations, spec.ts). */
const ENTRY_SUMS = new Float64Array(FIXED_ACTIVATION_COUNT);

/**
 * The mixture's `LearnedBackward`: ∂f/∂α_k = s_k · (g_k − f), the softmax's Jacobian applied
 * to the palette values, so with δ = ∂loss/∂out and G_k = Σ δ·g_k (sums over the rows in row
 * order) the gradient gains s_k · (G_k − Σ_j s_j·G_j), as PyTorch's softmax backward takes
 * it. Σ_j s_j·G_j is Σ δ·f, here taken from the G_j rather than by a pass over the rows.
 * Then δ becomes ∂loss/∂pre = δ · f′. A palette of six, the default's size, in one pass.
 */
export function mixtureBackward(net: Network, first: number, end: number, rows: number): void {
  if (net.paletteCodes.length === 6) mixtureBackwardSix(net, first, end, rows);
  else mixtureBackwardByEntry(net, first, end, rows);
}

/**
 * `mixtureBackward` for a palette of six: the six sums and δ · f′ in one pass over the rows,
 * each sum a chain of its own. Bit for bit `mixtureBackwardByEntry`, which costs half as much
 * again: its passes of three entries read δ twice and keep their sums in memory.
 */
function mixtureBackwardSix(net: Network, first: number, end: number, rows: number): void {
  const { delta, learnedSlope, mixWeights, mixValues, mixStride: m } = net;
  const { gradActivationParams: grad } = net;
  let p0 = net.activationParamStart[first - net.inputSize] as number;
  for (let u = first; u < end; u++, p0 += 6) {
    const stop = (u + 1) * rows;
    let g0 = 0;
    let g1 = 0;
    let g2 = 0;
    let g3 = 0;
    let g4 = 0;
    let g5 = 0;
    for (let i = u * rows; i < stop; i++) {
      const d = delta[i] as number;
      g0 += d * (mixValues[i] as number);
      g1 += d * (mixValues[i + m] as number);
      g2 += d * (mixValues[i + 2 * m] as number);
      g3 += d * (mixValues[i + 3 * m] as number);
      g4 += d * (mixValues[i + 4 * m] as number);
      g5 += d * (mixValues[i + 5 * m] as number);
      delta[i] = d * (learnedSlope[i] as number);
    }
    const s0 = mixWeights[p0] as number;
    const s1 = mixWeights[p0 + 1] as number;
    const s2 = mixWeights[p0 + 2] as number;
    const s3 = mixWeights[p0 + 3] as number;
    const s4 = mixWeights[p0 + 4] as number;
    const s5 = mixWeights[p0 + 5] as number;
    let deltaOut = 0; // Σ δ·f = Σ_j s_j·G_j
    deltaOut += s0 * g0;
    deltaOut += s1 * g1;
    deltaOut += s2 * g2;
    deltaOut += s3 * g3;
    deltaOut += s4 * g4;
    deltaOut += s5 * g5;
    grad[p0] = (grad[p0] as number) + s0 * (g0 - deltaOut);
    grad[p0 + 1] = (grad[p0 + 1] as number) + s1 * (g1 - deltaOut);
    grad[p0 + 2] = (grad[p0 + 2] as number) + s2 * (g2 - deltaOut);
    grad[p0 + 3] = (grad[p0 + 3] as number) + s3 * (g3 - deltaOut);
    grad[p0 + 4] = (grad[p0 + 4] as number) + s4 * (g4 - deltaOut);
    grad[p0 + 5] = (grad[p0 + 5] as number) + s5 * (g5 - deltaOut);
  }
}

/** `mixtureBackward` for any palette, its entries three at a time. */
export function mixtureBackwardByEntry(
  net: Network,
  first: number,
  end: number,
  rows: number,
): void {
  const { delta, learnedSlope, mixWeights, mixValues, mixStride } = net;
  const { gradActivationParams: grad } = net;
  const sums = ENTRY_SUMS; // read once: a module's constant is loaded at every use
  const palette = net.paletteCodes.length;
  let p0 = net.activationParamStart[first - net.inputSize] as number;
  // Three entries per pass over the rows (the last one repeated at the end), why: each sum
  // is a chain of dependent additions, one per row, and three chains let the CPU overlap
  // them. Two rows per turn of the loop, the indices stepping along, to pay the loop's
  // overheads once for six terms.
  for (let u = first; u < end; u++, p0 += palette) {
    const at = u * rows;
    const stop = at + rows;
    for (let k = 0; k < palette; k += 3) {
      const kB = Math.min(k + 1, palette - 1);
      const kC = Math.min(k + 2, palette - 1);
      const toB = (kB - k) * mixStride;
      const toC = (kC - k) * mixStride;
      let sumA = 0;
      let sumB = 0;
      let sumC = 0;
      let i = at;
      let g = k * mixStride + at;
      for (; i + 1 < stop; i += 2, g += 2) {
        const d0 = delta[i] as number;
        const d1 = delta[i + 1] as number;
        sumA += d0 * (mixValues[g] as number);
        sumB += d0 * (mixValues[g + toB] as number);
        sumC += d0 * (mixValues[g + toC] as number);
        sumA += d1 * (mixValues[g + 1] as number);
        sumB += d1 * (mixValues[g + toB + 1] as number);
        sumC += d1 * (mixValues[g + toC + 1] as number);
      }
      if (i < stop) {
        const d0 = delta[i] as number;
        sumA += d0 * (mixValues[g] as number);
        sumB += d0 * (mixValues[g + toB] as number);
        sumC += d0 * (mixValues[g + toC] as number);
      }
      sums[k] = sumA; // a repeated entry writes its one sum twice
      sums[kB] = sumB;
      sums[kC] = sumC;
    }
    let deltaOut = 0; // Σ δ·f = Σ_j s_j·G_j
    for (let k = 0; k < palette; k++)
      deltaOut += (mixWeights[p0 + k] as number) * (sums[k] as number);
    for (let k = 0; k < palette; k++) {
      const s = mixWeights[p0 + k] as number;
      grad[p0 + k] = (grad[p0 + k] as number) + s * ((sums[k] as number) - deltaOut);
    }
    for (let i = at; i < stop; i++) delta[i] = (delta[i] as number) * (learnedSlope[i] as number);
  }
}

/** Scratch rows of the mixture's display kernel, grown on demand (no allocation per frame). */
let displayInput = new Float64Array(0);
let displayValue = new Float64Array(0);

/**
 * The mixture's `LearnedDisplayRow` (learnedEntry.ts): the default palette in one pass
 * (mixtureFused.ts), else entry by entry.
 */
export function displayMixture(
  net: Network,
  p0: number,
  tile: Float64Array,
  at: number,
  count: number,
): void {
  if (isFusedPalette(net.paletteCodes)) displayFusedPalette(net, p0, tile, at, count);
  else displayMixtureByEntry(net, p0, tile, at, count);
}

/**
 * The general path of `displayMixture`: each entry's display row, blended into the tile from
 * 0 in palette order.
 */
export function displayMixtureByEntry(
  net: Network,
  p0: number,
  tile: Float64Array,
  at: number,
  count: number,
): void {
  if (displayInput.length < count) {
    displayInput = new Float64Array(count);
    displayValue = new Float64Array(count);
  }
  const { paletteCodes, mixWeights } = net;
  for (let p = 0; p < count; p++) displayInput[p] = tile[at + p] as number;
  tile.fill(0, at, at + count);
  for (let k = 0; k < paletteCodes.length; k++) {
    const s = mixWeights[p0 + k] as number;
    activateRowForDisplay(paletteCodes[k] as number, displayInput, displayValue, 0, count, 0);
    for (let p = 0; p < count; p++) {
      tile[at + p] = (tile[at + p] as number) + s * (displayValue[p] as number);
    }
  }
}
