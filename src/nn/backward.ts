/**
 * Backpropagation of a block of rows (examples, see network.ts) into the network's gradient
 * accumulators. The learned activations' parameters get theirs from learnedPass.ts.
 */
import { learnedLayerBackward } from './learnedPass';
import type { Network } from './network';

/**
 * Backpropagates the last pass forward, of `rows` rows, row r against the targets of example
 * `rowExample[r]`: adds their dLoss/dWeight and dLoss/dBias, in row order, to `gradWeights` /
 * `gradBiases` (or, when `fresh`, sets those to them, as if the arrays held zeros), and records the hidden units' pre-activation range and |dLoss/dPre| in the
 * running statistics. Returns `lossSum` plus the rows' losses, added in row order (the
 * output head computes them with its deltas, see outputHeadEntry.ts `LossesAndDeltas`).
 */
export function backwardRows(
  net: Network,
  targets: Float64Array,
  rows: number,
  lossSum: number,
  fresh: boolean,
): number {
  const outputs = (net.unitStart[net.outputLayer] as number) * rows;
  lossSum = net.head.lossesAndDeltas(net, outputs, rows, targets, lossSum);
  for (let k = net.outputLayer; k >= 1; k--) {
    if (k < net.outputLayer) biasSumsAndStats(net, k, rows, fresh);
    else biasSums(net, k, rows, fresh);
    accumulateLayerGradient(net, k, rows, fresh);
    if (k > 1) {
      propagateDeltas(net, k, rows);
      if (net.learnedUnitCount > 0) learnedLayerBackward(net, k - 1, rows);
    }
  }
  net.statExamples += rows;
  return lossSum;
}

/** Adds `delta[u]` to `gradBiases[u]`, row by row, for the units u of layer k. */
function biasSums(net: Network, k: number, rows: number, fresh: boolean): void {
  const { gradBiases, delta } = net;
  const end = net.unitStart[k + 1] as number;
  for (let u = net.unitStart[k] as number; u < end; u++) {
    let sum = fresh ? 0 : (gradBiases[u] as number);
    for (let r = u * rows; r < (u + 1) * rows; r++) sum += delta[r] as number;
    gradBiases[u] = sum;
  }
}

/**
 * `biasSums` for hidden layer k, which also widens its units' pre-activation ranges and adds
 * their |delta| to the statistics, row by row. One loop for both, why: they read the same
 * deltas, and with small layers a second pass over them cost as much as the work.
 */
function biasSumsAndStats(net: Network, k: number, rows: number, fresh: boolean): void {
  const { gradBiases, pre, delta, statPreMin, statPreMax, statGradAbsSum } = net;
  const end = net.unitStart[k + 1] as number;
  for (let u = net.unitStart[k] as number; u < end; u++) {
    let sum = fresh ? 0 : (gradBiases[u] as number);
    let low = statPreMin[u] as number;
    let high = statPreMax[u] as number;
    let gradAbsSum = statGradAbsSum[u] as number;
    for (let at = u * rows; at < (u + 1) * rows; at++) {
      const x = pre[at] as number;
      const e = delta[at] as number;
      sum += e;
      if (x < low) low = x;
      if (x > high) high = x;
      gradAbsSum += Math.abs(e);
    }
    gradBiases[u] = sum;
    statPreMin[u] = low;
    statPreMax[u] = high;
    statGradAbsSum[u] = gradAbsSum;
  }
}

/**
 * Adds `delta[u] · out[i]` to `gradWeights[u][i]`, row by row, for the units u of layer k
 * and the units i below.
 *
 * Four weight rows by two columns at a time with the examples innermost, why: the eight sums
 * stay in registers across the examples, stored once rather than once per example, each
 * delta is read for two weights and each input for four, and the loop overheads (see
 * forward.ts `affineBlock`) are paid once per eight multiply-adds. Every entry still
 * receives the examples' terms in row order. With an odd fan-in the last pair is that column
 * twice (both sums start from the same stored value, so it is added once).
 */
function accumulateLayerGradient(net: Network, k: number, rows: number, fresh: boolean): void {
  const { gradWeights, delta, out } = net;
  const fanIn = net.sizes[k - 1] as number;
  const below = (net.unitStart[k - 1] as number) * rows;
  const start = net.unitStart[k] as number;
  const end = net.unitStart[k + 1] as number;
  let u = start;
  let w0 = net.weightStart[k] as number;
  for (; u + 4 <= end; u += 4) {
    const w1 = w0 + fanIn;
    const w2 = w1 + fanIn;
    const w3 = w2 + fanIn;
    const d0 = u * rows;
    for (let i = 0; i < fanIn; i += 2) {
      const j = Math.min(i + 1, fanIn - 1);
      const xI = below + i * rows;
      const xJ = below + j * rows;
      let a0 = fresh ? 0 : (gradWeights[w0 + i] as number);
      let a1 = fresh ? 0 : (gradWeights[w1 + i] as number);
      let a2 = fresh ? 0 : (gradWeights[w2 + i] as number);
      let a3 = fresh ? 0 : (gradWeights[w3 + i] as number);
      let b0 = fresh ? 0 : (gradWeights[w0 + j] as number);
      let b1 = fresh ? 0 : (gradWeights[w1 + j] as number);
      let b2 = fresh ? 0 : (gradWeights[w2 + j] as number);
      let b3 = fresh ? 0 : (gradWeights[w3 + j] as number);
      for (let r = 0; r < rows; r++) {
        const xA = out[xI + r] as number;
        const xB = out[xJ + r] as number;
        const e0 = delta[d0 + r] as number;
        const e1 = delta[d0 + rows + r] as number;
        const e2 = delta[d0 + 2 * rows + r] as number;
        const e3 = delta[d0 + 3 * rows + r] as number;
        a0 += e0 * xA;
        a1 += e1 * xA;
        a2 += e2 * xA;
        a3 += e3 * xA;
        b0 += e0 * xB;
        b1 += e1 * xB;
        b2 += e2 * xB;
        b3 += e3 * xB;
      }
      gradWeights[w0 + i] = a0;
      gradWeights[w1 + i] = a1;
      gradWeights[w2 + i] = a2;
      gradWeights[w3 + i] = a3;
      gradWeights[w0 + j] = b0;
      gradWeights[w1 + j] = b1;
      gradWeights[w2 + j] = b2;
      gradWeights[w3 + j] = b3;
    }
    w0 = w3 + fanIn;
  }
  // The units left over (narrow layers, the output) one at a time, four columns per pass
  // (the last repeated at the end, as above), why: each sum is a chain of dependent
  // additions, one per row, so one column at a time leaves the CPU waiting on that chain.
  for (; u < end; u++) {
    const d = u * rows;
    for (let i = 0; i < fanIn; i += 4) {
      const i1 = Math.min(i + 1, fanIn - 1);
      const i2 = Math.min(i + 2, fanIn - 1);
      const i3 = Math.min(i + 3, fanIn - 1);
      const x0 = below + i * rows;
      const x1 = below + i1 * rows;
      const x2 = below + i2 * rows;
      const x3 = below + i3 * rows;
      let a0 = fresh ? 0 : (gradWeights[w0 + i] as number);
      let a1 = fresh ? 0 : (gradWeights[w0 + i1] as number);
      let a2 = fresh ? 0 : (gradWeights[w0 + i2] as number);
      let a3 = fresh ? 0 : (gradWeights[w0 + i3] as number);
      for (let r = 0; r < rows; r++) {
        const e = delta[d + r] as number;
        a0 += e * (out[x0 + r] as number);
        a1 += e * (out[x1 + r] as number);
        a2 += e * (out[x2 + r] as number);
        a3 += e * (out[x3 + r] as number);
      }
      gradWeights[w0 + i] = a0;
      gradWeights[w0 + i1] = a1;
      gradWeights[w0 + i2] = a2;
      gradWeights[w0 + i3] = a3;
    }
    w0 += fanIn;
  }
}

/**
 * Sets the deltas of layer k − 1 from those of layer k in every row: delta[i] = slope[i] ·
 * Σ_u delta[u] · weight[u][i]. Column-wise, four columns by two rows at a time, why: the eight
 * sums stay in registers while the loop walks down the weight rows (no zeroing pass, no store
 * per term), each weight serves two rows, and each sum still adds its terms in unit order.
 * With an odd number of rows the last pair is that row twice (same values, written twice).
 */
function propagateDeltas(net: Network, k: number, rows: number): void {
  const { weights, delta, slope } = net;
  const fanIn = net.sizes[k - 1] as number;
  const below = (net.unitStart[k - 1] as number) * rows;
  const first = (net.unitStart[k] as number) * rows;
  const last = (net.unitStart[k + 1] as number) * rows;
  const firstWeight = net.weightStart[k] as number;
  if (last - first === rows) return propagateFromOneUnit(net, k, rows);
  for (let r = 0; r < rows; r += 2) {
    const s = Math.min(r + 1, rows - 1);
    let i = 0;
    for (; i + 4 <= fanIn; i += 4) {
      let a0 = 0;
      let a1 = 0;
      let a2 = 0;
      let a3 = 0;
      let b0 = 0;
      let b1 = 0;
      let b2 = 0;
      let b3 = 0;
      let w = firstWeight + i;
      for (let d = first; d < last; d += rows) {
        const dA = delta[d + r] as number;
        const dB = delta[d + s] as number;
        const v0 = weights[w] as number;
        const v1 = weights[w + 1] as number;
        const v2 = weights[w + 2] as number;
        const v3 = weights[w + 3] as number;
        a0 += dA * v0;
        a1 += dA * v1;
        a2 += dA * v2;
        a3 += dA * v3;
        b0 += dB * v0;
        b1 += dB * v1;
        b2 += dB * v2;
        b3 += dB * v3;
        w += fanIn;
      }
      const p = below + i * rows;
      setDelta(delta, slope, p + r, a0);
      setDelta(delta, slope, p + rows + r, a1);
      setDelta(delta, slope, p + 2 * rows + r, a2);
      setDelta(delta, slope, p + 3 * rows + r, a3);
      setDelta(delta, slope, p + s, b0);
      setDelta(delta, slope, p + rows + s, b1);
      setDelta(delta, slope, p + 2 * rows + s, b2);
      setDelta(delta, slope, p + 3 * rows + s, b3);
    }
    for (; i < fanIn; i++) {
      let a = 0;
      let b = 0;
      let w = firstWeight + i;
      for (let d = first; d < last; d += rows) {
        const v = weights[w] as number;
        a += (delta[d + r] as number) * v;
        b += (delta[d + s] as number) * v;
        w += fanIn;
      }
      const p = below + i * rows;
      setDelta(delta, slope, p + r, a);
      setDelta(delta, slope, p + s, b);
    }
  }
}

/**
 * `propagateDeltas` when layer k is a single unit (most often the output): each delta below
 * is one product, delta[i] = slope[i] · (0 + delta[u] · weight[u][i]), the same number the
 * general loop's sum of one term gives, in a loop over the rows, why: the general loop's
 * blocks of columns and rows were mostly setup for a single term.
 */
function propagateFromOneUnit(net: Network, k: number, rows: number): void {
  const { weights, delta, slope } = net;
  const fanIn = net.sizes[k - 1] as number;
  const below = (net.unitStart[k - 1] as number) * rows;
  const above = (net.unitStart[k] as number) * rows;
  const firstWeight = net.weightStart[k] as number;
  for (let i = 0; i < fanIn; i++) {
    const v = weights[firstWeight + i] as number;
    const p = below + i * rows;
    for (let r = 0; r < rows; r++) {
      delta[p + r] = (0 + (delta[above + r] as number) * v) * (slope[p + r] as number);
    }
  }
}

/** delta[at] = dLoss/dOut · dOut/dPre, from the sum dLoss/dOut over the layer above. */
function setDelta(delta: Float64Array, slope: Float64Array, at: number, sum: number): void {
  delta[at] = sum * (slope[at] as number);
}
