/** The forward pass and per-example losses, exact in float64. */
import { activateWithSlope } from './activations';
import {
  HEAD_LINEAR_MSE,
  HEAD_SIGMOID_BCE,
  HEAD_SIGMOID_MSE,
  HEAD_SOFTMAX_CE,
  HEAD_TANH_MSE,
  type Network,
} from './network';
import { exp, sigmoid, tanh } from './exactMath';

/**
 * Runs one example forward: fills `net.pre`, `net.out` and (for hidden units) `net.slope`.
 * @param inputs flat example inputs; the example starts at `offset`
 */
export function forward(net: Network, inputs: ArrayLike<number>, offset = 0): void {
  const { out } = net;
  for (let i = 0; i < net.inputSize; i++) out[i] = inputs[offset + i] as number;
  propagate(net);
}

/**
 * `forward` for the training loops. Why a second entry: `forward` also takes number[], and
 * V8 compiles a function for the array kinds it has seen; reading a Float64Array here keeps
 * this hot path monomorphic whatever the slow paths (predict, the reference cases) pass.
 */
export function forwardExample(net: Network, inputs: Float64Array, offset: number): void {
  const { out } = net;
  for (let i = 0; i < net.inputSize; i++) out[i] = inputs[offset + i] as number;
  propagate(net);
}

/** Runs the inputs already in `out` through every layer. */
function propagate(net: Network): void {
  const { weights, biases, codes, pre, out, slope, sizes, unitStart, weightStart, outputLayer } =
    net;
  for (let k = 1; k <= outputLayer; k++) {
    const fanIn = sizes[k - 1] as number;
    const prevStart = unitStart[k - 1] as number;
    const start = unitStart[k] as number;
    const end = unitStart[k + 1] as number;
    let w = weightStart[k] as number;
    const hidden = k < outputLayer;
    for (let u = start; u < end; u++) {
      let sum = biases[u] as number;
      for (let i = 0; i < fanIn; i++)
        sum += (weights[w + i] as number) * (out[prevStart + i] as number);
      w += fanIn;
      pre[u] = sum;
      if (hidden) activateWithSlope(codes[u] as number, sum, out, slope, u);
    }
  }
  applyOutputActivation(net);
}

/** Turns the output layer's logits (`pre`) into its outputs (`out`). */
function applyOutputActivation(net: Network): void {
  const { pre, out } = net;
  const start = net.unitStart[net.outputLayer] as number;
  const end = net.unitCount;
  switch (net.head) {
    case HEAD_TANH_MSE:
      for (let u = start; u < end; u++) out[u] = tanh(pre[u] as number);
      break;
    case HEAD_SIGMOID_BCE:
    case HEAD_SIGMOID_MSE:
      for (let u = start; u < end; u++) out[u] = sigmoid(pre[u] as number);
      break;
    case HEAD_SOFTMAX_CE: {
      // Subtract the largest logit so exp never overflows.
      let max = -Infinity;
      for (let u = start; u < end; u++) max = Math.max(max, pre[u] as number);
      let sum = 0;
      for (let u = start; u < end; u++) {
        const e = exp((pre[u] as number) - max);
        out[u] = e;
        sum += e;
      }
      for (let u = start; u < end; u++) out[u] = (out[u] as number) / sum;
      break;
    }
    case HEAD_LINEAR_MSE:
    default:
      for (let u = start; u < end; u++) out[u] = pre[u] as number;
  }
}

/**
 * The per-example loss of the last forward pass against `targets` (starting at `offset`).
 * BCE and cross-entropy are computed from the logits, so they stay finite where the
 * probabilities round to 0 or 1.
 */
export function exampleLoss(net: Network, targets: ArrayLike<number>, offset = 0): number {
  const { pre, out } = net;
  const start = net.unitStart[net.outputLayer] as number;
  const size = net.outputSize;
  let loss = 0;
  switch (net.head) {
    case HEAD_SIGMOID_BCE:
      for (let k = 0; k < size; k++) {
        const z = pre[start + k] as number;
        const t = targets[offset + k] as number;
        // -[t log σ(z) + (1-t) log(1-σ(z))] = max(z, 0) - z t + log(1 + e^-|z|)
        loss += Math.max(z, 0) - z * t + Math.log1p(Math.exp(-Math.abs(z)));
      }
      return loss;
    case HEAD_SOFTMAX_CE: {
      let max = -Infinity;
      for (let k = 0; k < size; k++) max = Math.max(max, pre[start + k] as number);
      let sum = 0;
      for (let k = 0; k < size; k++) sum += Math.exp((pre[start + k] as number) - max);
      const logSumExp = max + Math.log(sum);
      for (let k = 0; k < size; k++) {
        const t = targets[offset + k] as number;
        if (t !== 0) loss -= t * ((pre[start + k] as number) - logSumExp);
      }
      return loss;
    }
    default:
      for (let k = 0; k < size; k++) {
        const d = (out[start + k] as number) - (targets[offset + k] as number);
        loss += 0.5 * d * d;
      }
      return loss;
  }
}
