/** Backpropagation of one example into the network's gradient accumulators. */
import {
  HEAD_SIGMOID_BCE,
  HEAD_SIGMOID_MSE,
  HEAD_SOFTMAX_CE,
  HEAD_TANH_MSE,
  type Network,
} from './network';

/**
 * Sets `delta` of the output units to dLoss/dLogit for the last forward pass.
 * Sigmoid + BCE and softmax + cross-entropy give the familiar `y - t`; the squared-error heads
 * multiply `y - t` by the output activation's slope.
 */
function setOutputDeltas(net: Network, targets: ArrayLike<number>, offset: number): void {
  const { out, delta } = net;
  const start = net.unitStart[net.outputLayer] as number;
  const size = net.outputSize;
  let targetSum = 0;
  if (net.head === HEAD_SOFTMAX_CE) {
    for (let k = 0; k < size; k++) targetSum += targets[offset + k] as number;
  }
  for (let k = 0; k < size; k++) {
    const y = out[start + k] as number;
    const t = targets[offset + k] as number;
    switch (net.head) {
      case HEAD_TANH_MSE:
        delta[start + k] = (y - t) * (1 - y * y);
        break;
      case HEAD_SIGMOID_MSE:
        delta[start + k] = (y - t) * y * (1 - y);
        break;
      case HEAD_SOFTMAX_CE:
        // d/dz_k of -Σ t_i log softmax(z)_i is y_k Σ t_i - t_k.
        delta[start + k] = y * targetSum - t;
        break;
      case HEAD_SIGMOID_BCE:
      default:
        delta[start + k] = y - t;
    }
  }
}

/**
 * Backpropagates the last forward pass against `targets` (from `offset`): adds this example's
 * dLoss/dWeight and dLoss/dBias to `gradWeights` / `gradBiases`, and records the hidden units'
 * pre-activation range and |dLoss/dPre| in the running statistics.
 */
export function backward(net: Network, targets: ArrayLike<number>, offset = 0): void {
  setOutputDeltas(net, targets, offset);
  for (let k = net.outputLayer; k >= 1; k--) {
    accumulateLayerGradient(net, k);
    if (k > 1) propagateDeltas(net, k);
  }
  net.statExamples++;
}

/**
 * Adds `delta[u]` to `gradBiases[u]` and `delta[u] · out[i]` to `gradWeights[u][i]` for the
 * units u of layer k and the units i below. Four rows at a time, for the reason given at
 * forward.ts `affineLayer`; every entry gets the same single addition as one row at a time.
 */
function accumulateLayerGradient(net: Network, k: number): void {
  const { gradWeights, gradBiases, delta, out } = net;
  const fanIn = net.sizes[k - 1] as number;
  const prevStart = net.unitStart[k - 1] as number;
  const end = net.unitStart[k + 1] as number;
  let u = net.unitStart[k] as number;
  let w0 = net.weightStart[k] as number;
  for (; u + 4 <= end; u += 4) {
    const w1 = w0 + fanIn;
    const w2 = w1 + fanIn;
    const w3 = w2 + fanIn;
    const d0 = delta[u] as number;
    const d1 = delta[u + 1] as number;
    const d2 = delta[u + 2] as number;
    const d3 = delta[u + 3] as number;
    gradBiases[u] = (gradBiases[u] as number) + d0;
    gradBiases[u + 1] = (gradBiases[u + 1] as number) + d1;
    gradBiases[u + 2] = (gradBiases[u + 2] as number) + d2;
    gradBiases[u + 3] = (gradBiases[u + 3] as number) + d3;
    for (let i = 0; i < fanIn; i++) {
      const x = out[prevStart + i] as number;
      gradWeights[w0 + i] = (gradWeights[w0 + i] as number) + d0 * x;
      gradWeights[w1 + i] = (gradWeights[w1 + i] as number) + d1 * x;
      gradWeights[w2 + i] = (gradWeights[w2 + i] as number) + d2 * x;
      gradWeights[w3 + i] = (gradWeights[w3 + i] as number) + d3 * x;
    }
    w0 = w3 + fanIn;
  }
  for (; u < end; u++) {
    const d = delta[u] as number;
    gradBiases[u] = (gradBiases[u] as number) + d;
    for (let i = 0; i < fanIn; i++) {
      gradWeights[w0 + i] = (gradWeights[w0 + i] as number) + d * (out[prevStart + i] as number);
    }
    w0 += fanIn;
  }
}

/**
 * Sets the deltas of layer k − 1 from those of layer k: delta[i] = slope[i] · Σ_u delta[u] ·
 * weight[u][i], and records the statistics of those units. Why column-wise, four columns at a
 * time: the four sums stay in registers while the loop walks down the rows (no zeroing pass,
 * no store per term), and each still adds its terms in row order, as one column at a time.
 */
function propagateDeltas(net: Network, k: number): void {
  const { weights, delta, slope } = net;
  const fanIn = net.sizes[k - 1] as number;
  const prevStart = net.unitStart[k - 1] as number;
  const start = net.unitStart[k] as number;
  const end = net.unitStart[k + 1] as number;
  const firstWeight = net.weightStart[k] as number;
  let i = 0;
  for (; i + 4 <= fanIn; i += 4) {
    let sum0 = 0;
    let sum1 = 0;
    let sum2 = 0;
    let sum3 = 0;
    let w = firstWeight + i;
    for (let u = start; u < end; u++) {
      const d = delta[u] as number;
      sum0 += d * (weights[w] as number);
      sum1 += d * (weights[w + 1] as number);
      sum2 += d * (weights[w + 2] as number);
      sum3 += d * (weights[w + 3] as number);
      w += fanIn;
    }
    const p = prevStart + i;
    delta[p] = sum0 * (slope[p] as number);
    delta[p + 1] = sum1 * (slope[p + 1] as number);
    delta[p + 2] = sum2 * (slope[p + 2] as number);
    delta[p + 3] = sum3 * (slope[p + 3] as number);
  }
  for (; i < fanIn; i++) {
    let sum = 0;
    let w = firstWeight + i;
    for (let u = start; u < end; u++) {
      sum += (delta[u] as number) * (weights[w] as number);
      w += fanIn;
    }
    delta[prevStart + i] = sum * (slope[prevStart + i] as number);
  }
  recordStats(net, prevStart, prevStart + fanIn);
}

/** Widens the pre-activation ranges and adds |delta| for the units first ≤ p < end. */
function recordStats(net: Network, first: number, end: number): void {
  const { pre, delta, statPreMin, statPreMax, statGradAbsSum } = net;
  for (let p = first; p < end; p++) {
    const x = pre[p] as number;
    if (x < (statPreMin[p] as number)) statPreMin[p] = x;
    if (x > (statPreMax[p] as number)) statPreMax[p] = x;
    statGradAbsSum[p] = (statGradAbsSum[p] as number) + Math.abs(delta[p] as number);
  }
}
