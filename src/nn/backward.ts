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
  const {
    weights,
    pre,
    out,
    slope,
    delta,
    sizes,
    unitStart,
    weightStart,
    gradWeights,
    gradBiases,
  } = net;
  const { statPreMin, statPreMax, statGradAbsSum } = net;
  setOutputDeltas(net, targets, offset);

  for (let k = net.outputLayer; k >= 1; k--) {
    const fanIn = sizes[k - 1] as number;
    const prevStart = unitStart[k - 1] as number;
    const start = unitStart[k] as number;
    const end = unitStart[k + 1] as number;
    let w = weightStart[k] as number;
    if (k === 1) {
      // The layer below is the inputs: only weight gradients, no deltas to pass on.
      for (let u = start; u < end; u++) {
        const d = delta[u] as number;
        gradBiases[u] = (gradBiases[u] as number) + d;
        for (let i = 0; i < fanIn; i++) {
          gradWeights[w + i] = (gradWeights[w + i] as number) + d * (out[prevStart + i] as number);
        }
        w += fanIn;
      }
      continue;
    }
    const prevEnd = prevStart + fanIn;
    for (let p = prevStart; p < prevEnd; p++) delta[p] = 0;
    for (let u = start; u < end; u++) {
      const d = delta[u] as number;
      gradBiases[u] = (gradBiases[u] as number) + d;
      for (let i = 0; i < fanIn; i++) {
        gradWeights[w + i] = (gradWeights[w + i] as number) + d * (out[prevStart + i] as number);
        delta[prevStart + i] = (delta[prevStart + i] as number) + d * (weights[w + i] as number);
      }
      w += fanIn;
    }
    for (let p = prevStart; p < prevEnd; p++) {
      const x = pre[p] as number;
      const d = (delta[p] as number) * (slope[p] as number);
      delta[p] = d;
      if (x < (statPreMin[p] as number)) statPreMin[p] = x;
      if (x > (statPreMax[p] as number)) statPreMax[p] = x;
      statGradAbsSum[p] = (statGradAbsSum[p] as number) + Math.abs(d);
    }
  }
  net.statExamples++;
}
