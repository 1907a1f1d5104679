/** Training steps, epochs and evaluation over flat example sets. */
import { backward } from './backward';
import { DivergenceError } from './errors';
import { exampleLoss, forward, forwardExample } from './forward';
import {
  HEAD_LINEAR_MSE,
  HEAD_SIGMOID_BCE,
  HEAD_SIGMOID_MSE,
  HEAD_SOFTMAX_CE,
  type Network,
} from './network';
import { applyOptimizer, finishGradient } from './optimizer';
import type { Rng } from './rng';

/**
 * A set of examples, flat and row-major: example n's inputs are
 * `inputs[n * inputSize + i]`, its targets `targets[n * outputSize + k]`.
 * Targets are ±1 for tanh heads, 0/1 for sigmoid, one-hot for softmax, reals for regression.
 */
export interface Examples {
  readonly inputs: Float64Array;
  readonly targets: Float64Array;
  readonly count: number;
}

/**
 * One optimizer step on `size` examples: positions `start, start+1, …` (mod count) of `order`,
 * or of the examples themselves when `order` is null. Returns the batch's mean data loss.
 * Throws a DivergenceError, leaving every parameter as it was, when the loss or gradient is
 * non-finite; when the update itself overflows it throws too (the parameters are then spent).
 */
export function trainStep(
  net: Network,
  examples: Examples,
  order: Int32Array | null,
  start: number,
  size: number,
): number {
  const { inputs, targets, count } = examples;
  const inputSize = net.inputSize;
  const outputSize = net.outputSize;
  net.gradWeights.fill(0);
  net.gradBiases.fill(0);
  let lossSum = 0;
  let position = start % count;
  for (let b = 0; b < size; b++) {
    const n = order ? (order[position] as number) : position;
    // Wrapping by comparison, not `%`: an integer division per example is measurable here.
    position = position + 1 === count ? 0 : position + 1;
    forwardExample(net, inputs, n * inputSize);
    lossSum += exampleLoss(net, targets, n * outputSize);
    backward(net, targets, n * outputSize);
  }
  const step = net.stepCount + 1;
  if (!Number.isFinite(lossSum)) throw new DivergenceError(step, 'loss');
  if (!finishGradient(net, size)) throw new DivergenceError(step, 'gradient');
  const finite = applyOptimizer(net);
  net.stepCount = step;
  net.examplesSeen += size;
  if (!finite) throw new DivergenceError(step, 'parameters');
  return lossSum / size;
}

/**
 * One epoch: shuffles `order` (a permutation of the example indices, reused between epochs
 * so nothing is allocated) and steps through it in batches of `batchSize`; the last batch
 * takes what is left. Resets the per-neuron statistics first, so afterwards they describe
 * this epoch. Returns the mean data loss seen during the epoch.
 */
export function trainEpoch(
  net: Network,
  examples: Examples,
  batchSize: number,
  rng: Rng,
  order: Int32Array,
): number {
  rng.shuffle(order);
  net.resetStats();
  let lossSum = 0;
  for (let start = 0; start < examples.count; start += batchSize) {
    const size = Math.min(batchSize, examples.count - start);
    lossSum += trainStep(net, examples, order, start, size) * size;
  }
  return examples.count > 0 ? lossSum / examples.count : 0;
}

/** The identity permutation 0..count-1, for `trainEpoch` to shuffle. */
export function identityOrder(count: number): Int32Array {
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  return order;
}

export interface Evaluation {
  /** Mean data loss per example (no penalty); 0 for an empty set. */
  readonly loss: number;
  /** Fraction classified right; NaN for regression heads. */
  readonly accuracy: number;
}

/** Mean loss and accuracy of the network on `examples`, without changing anything learned. */
export function evaluate(net: Network, examples: Examples): Evaluation {
  const { inputs, targets, count } = examples;
  const { out, outputSize, inputSize } = net;
  const first = net.unitStart[net.outputLayer] as number;
  let lossSum = 0;
  let correct = 0;
  for (let n = 0; n < count; n++) {
    forwardExample(net, inputs, n * inputSize);
    lossSum += exampleLoss(net, targets, n * outputSize);
    if (isCorrect(net.head, out, first, targets, n * outputSize, outputSize)) correct++;
  }
  if (count === 0) return { loss: 0, accuracy: NaN };
  return {
    loss: lossSum / count,
    accuracy: net.head === HEAD_LINEAR_MSE ? NaN : correct / count,
  };
}

function isCorrect(
  head: number,
  out: Float64Array,
  first: number,
  targets: ArrayLike<number>,
  offset: number,
  size: number,
): boolean {
  if (head === HEAD_SOFTMAX_CE) {
    let best = 0;
    let bestTarget = 0;
    for (let k = 1; k < size; k++) {
      if ((out[first + k] as number) > (out[first + best] as number)) best = k;
      if ((targets[offset + k] as number) > (targets[offset + bestTarget] as number))
        bestTarget = k;
    }
    return best === bestTarget;
  }
  const threshold = head === HEAD_SIGMOID_BCE || head === HEAD_SIGMOID_MSE ? 0.5 : 0;
  for (let k = 0; k < size; k++) {
    const predicted = (out[first + k] as number) > threshold;
    const actual = (targets[offset + k] as number) > threshold;
    if (predicted !== actual) return false;
  }
  return true;
}

/**
 * The gradient of (mean data loss over all `examples` + penalty) with respect to every
 * parameter, left in `gradWeights` / `gradBiases`; nothing is updated. Returns the mean loss.
 */
export function computeGradient(net: Network, examples: Examples): number {
  net.gradWeights.fill(0);
  net.gradBiases.fill(0);
  let lossSum = 0;
  for (let n = 0; n < examples.count; n++) {
    forwardExample(net, examples.inputs, n * net.inputSize);
    lossSum += exampleLoss(net, examples.targets, n * net.outputSize);
    backward(net, examples.targets, n * net.outputSize);
  }
  finishGradient(net, examples.count);
  return lossSum / examples.count;
}

/** The outputs of the network for one input vector (a fresh copy). */
export function predict(net: Network, input: ArrayLike<number>): Float64Array {
  forward(net, input, 0);
  const first = net.unitStart[net.outputLayer] as number;
  return net.out.slice(first, first + net.outputSize);
}
