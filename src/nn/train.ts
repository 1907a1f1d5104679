/**
 * Training steps, epochs and evaluation over flat example sets.
 *
 * Examples go through the network ROWS at a time, layer by layer (network.ts), why: one
 * example alone is a chain of dependent steps (each layer waits for the one below, and an
 * activation's result comes some 60 cycles after its input), so the CPU idles on latency; the
 * rows of a layer are independent work it can overlap, and each layer's loop overheads are
 * paid once for all of them. Gradients are still summed example by example in order, as one
 * at a time would.
 */
import { backwardRows } from './backward';
import { DivergenceError } from './errors';
import { forward, forwardRows, loadRows } from './forward';
import { ROWS, type Network } from './network';
import type { Decision } from './outputHeadEntry';
import { applyOptimizer, finishGradient, gradientFinite } from './optimizer';
import type { Rng } from './rng';

/**
 * A set of examples, flat and row-major: example n's inputs are
 * `inputs[n * inputSize + i]`, its targets `targets[n * outputSize + k]`.
 * Targets are encoded as the head's `targets` says (outputHeadEntry.ts): ±1 for tanh heads,
 * 0/1 for sigmoid, one-hot for softmax, reals for regression.
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
  const lossSum = accumulateGradient(net, examples, order, start, size);
  const step = net.stepCount + 1;
  if (!Number.isFinite(lossSum)) throw new DivergenceError(step, 'loss');
  if (!gradientFinite(net, size)) throw new DivergenceError(step, 'gradient');
  const finite = applyOptimizer(net, size);
  net.stepCount = step;
  net.examplesSeen += size;
  if (!finite) throw new DivergenceError(step, 'parameters');
  return lossSum / size;
}

/**
 * Runs `size` examples (positions from `start` of `order`, as in `trainStep`) forward and
 * backward, leaving the sums of their gradients in `gradWeights` / `gradBiases` /
 * `gradActivationParams`. Returns their loss sum.
 *
 * The first pass writes the weight and bias sums rather than adding to them, why: with small
 * networks and batches, zeroing the arrays first (three `fill` calls) cost as much as a
 * layer's work. Sums start from 0 either way, so the numbers are the same.
 */
function accumulateGradient(
  net: Network,
  examples: Examples,
  order: Int32Array | null,
  start: number,
  size: number,
): number {
  const { inputs, targets, count } = examples;
  if (net.gradActivationParams.length > 0) net.gradActivationParams.fill(0);
  if (size === 0) {
    net.gradWeights.fill(0);
    net.gradBiases.fill(0);
  }
  let lossSum = 0;
  let position = start % count;
  for (let done = 0; done < size; done += ROWS) {
    const rows = Math.min(ROWS, size - done);
    position = loadRows(net, inputs, count, order, position, rows);
    forwardRows(net, rows);
    lossSum = backwardRows(net, targets, rows, lossSum, done === 0);
  }
  return lossSum;
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
  const { out, outputSize } = net;
  const { decision } = net.head;
  const first = net.unitStart[net.outputLayer] as number;
  let lossSum = 0;
  let correct = 0;
  for (let done = 0; done < count; done += ROWS) {
    const rows = Math.min(ROWS, count - done);
    loadRows(net, inputs, count, null, done, rows);
    forwardRows(net, rows);
    lossSum = net.head.losses(net, first * rows, rows, targets, lossSum);
    for (let r = 0; r < rows; r++) {
      const offset = (done + r) * outputSize;
      if (isCorrect(decision, out, first * rows + r, rows, targets, offset, outputSize)) {
        correct++;
      }
    }
  }
  if (count === 0) return { loss: 0, accuracy: NaN };
  return {
    loss: lossSum / count,
    accuracy: decision.rule === 'none' ? NaN : correct / count,
  };
}

/**
 * Whether the outputs at out[first], out[first + stride], … match the example's targets by the
 * head's decision rule (always false for `none`: regression has no accuracy).
 */
function isCorrect(
  decision: Decision,
  out: Float64Array,
  first: number,
  stride: number,
  targets: ArrayLike<number>,
  offset: number,
  size: number,
): boolean {
  if (decision.rule === 'none') return false;
  if (decision.rule === 'argmax') {
    let best = 0;
    let bestTarget = 0;
    for (let k = 1; k < size; k++) {
      if ((out[first + k * stride] as number) > (out[first + best * stride] as number)) best = k;
      if ((targets[offset + k] as number) > (targets[offset + bestTarget] as number))
        bestTarget = k;
    }
    return best === bestTarget;
  }
  const { threshold } = decision;
  for (let k = 0; k < size; k++) {
    const predicted = (out[first + k * stride] as number) > threshold;
    const actual = (targets[offset + k] as number) > threshold;
    if (predicted !== actual) return false;
  }
  return true;
}

/**
 * The gradient of (mean data loss over all `examples` + penalty) with respect to every
 * parameter, left in `gradWeights` / `gradBiases` / `gradActivationParams`; nothing is updated. Returns the mean loss.
 */
export function computeGradient(net: Network, examples: Examples): number {
  const lossSum = accumulateGradient(net, examples, null, 0, examples.count);
  finishGradient(net, examples.count);
  return lossSum / examples.count;
}

/** The outputs of the network for one input vector (a fresh copy). */
export function predict(net: Network, input: ArrayLike<number>): Float64Array {
  forward(net, input, 0);
  const first = net.unitStart[net.outputLayer] as number;
  return net.out.slice(first, first + net.outputSize);
}
