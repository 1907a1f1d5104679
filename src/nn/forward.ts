/** The forward pass and per-example losses, exact in float64. */
import { activateRun } from './activationKernels';
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
  const { codes, pre, out, slope, unitStart, outputLayer } = net;
  for (let k = 1; k <= outputLayer; k++) {
    affineLayer(net, k);
    if (k < outputLayer) {
      activateLayer(codes, pre, out, slope, unitStart[k] as number, unitStart[k + 1] as number);
    }
  }
  applyOutputActivation(net);
}

/**
 * `pre[u] = bias[u] + Σ_i weight[u][i] · out[i]` for the units u of layer k.
 *
 * Four units at a time, why: in V8 every typed-array access in a loop costs a map check, a
 * bounds check and pointer reloads besides the multiply-add, so a loop over one row of 7–8
 * weights is mostly overhead; four rows per pass read each input once and pay that overhead
 * once for four independent sums, which the CPU also overlaps. Each sum still adds its terms
 * in input order: the result is bit-identical to one unit at a time.
 */
function affineLayer(net: Network, k: number): void {
  const { weights, biases, pre, out } = net;
  const fanIn = net.sizes[k - 1] as number;
  const prevStart = net.unitStart[k - 1] as number;
  const end = net.unitStart[k + 1] as number;
  let u = net.unitStart[k] as number;
  let w0 = net.weightStart[k] as number;
  for (; u + 4 <= end; u += 4) {
    const w1 = w0 + fanIn;
    const w2 = w1 + fanIn;
    const w3 = w2 + fanIn;
    let sum0 = biases[u] as number;
    let sum1 = biases[u + 1] as number;
    let sum2 = biases[u + 2] as number;
    let sum3 = biases[u + 3] as number;
    for (let i = 0; i < fanIn; i++) {
      const x = out[prevStart + i] as number;
      sum0 += (weights[w0 + i] as number) * x;
      sum1 += (weights[w1 + i] as number) * x;
      sum2 += (weights[w2 + i] as number) * x;
      sum3 += (weights[w3 + i] as number) * x;
    }
    pre[u] = sum0;
    pre[u + 1] = sum1;
    pre[u + 2] = sum2;
    pre[u + 3] = sum3;
    w0 = w3 + fanIn;
  }
  for (; u < end; u++) {
    let sum = biases[u] as number;
    for (let i = 0; i < fanIn; i++)
      sum += (weights[w0 + i] as number) * (out[prevStart + i] as number);
    pre[u] = sum;
    w0 += fanIn;
  }
}

/** Applies each hidden unit's activation, one call per run of units that share one. */
function activateLayer(
  codes: Uint8Array,
  pre: Float64Array,
  out: Float64Array,
  slope: Float64Array,
  start: number,
  end: number,
): void {
  let u = start;
  while (u < end) {
    const code = codes[u] as number;
    let runEnd = u + 1;
    while (runEnd < end && codes[runEnd] === code) runEnd++;
    activateRun(code, pre, out, slope, u, runEnd);
    u = runEnd;
  }
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
