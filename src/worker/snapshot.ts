/**
 * A copy of everything an epoch changes in a network, to put back when the epoch diverges
 * (and, with the configuration and the shuffle position beside it, a timeline snapshot).
 */
import type { Network } from '../nn';

/**
 * Preallocated copies of a network's parameters, optimizer moments, counters, per-neuron
 * statistics and the shuffle order. Taking one costs a few array copies of the network's
 * size, small beside an epoch, and allocates nothing.
 *
 * Not covered: the shuffle generator's position, left where the diverged epoch moved it. After
 * a restore the next epochs therefore shuffle differently from a run that never diverged; the
 * numbers stay reproducible because divergence itself is. (A checkpoint, sessionState.ts,
 * does carry the position: it must continue exactly.)
 */
export class ParameterSnapshot {
  private readonly weights: Float64Array;
  private readonly biases: Float64Array;
  private readonly moment1Weights: Float64Array;
  private readonly moment1Biases: Float64Array;
  private readonly moment2Weights: Float64Array;
  private readonly moment2Biases: Float64Array;
  private readonly statPreMin: Float64Array;
  private readonly statPreMax: Float64Array;
  private readonly statGradAbsSum: Float64Array;
  private order = new Int32Array(0);
  /** The learned activations' parameters and moments; their layout changes with edits. */
  private activationParams = new Float64Array(0);
  private moment1ActivationParams = new Float64Array(0);
  private moment2ActivationParams = new Float64Array(0);
  private adamSteps = 0;
  private stepCount = 0;
  private examplesSeen = 0;
  private statExamples = 0;

  constructor(net: Network) {
    this.weights = new Float64Array(net.weights.length);
    this.biases = new Float64Array(net.biases.length);
    this.moment1Weights = new Float64Array(net.weights.length);
    this.moment1Biases = new Float64Array(net.biases.length);
    this.moment2Weights = new Float64Array(net.weights.length);
    this.moment2Biases = new Float64Array(net.biases.length);
    this.statPreMin = new Float64Array(net.unitCount);
    this.statPreMax = new Float64Array(net.unitCount);
    this.statGradAbsSum = new Float64Array(net.unitCount);
  }

  /** Copies the state of `net` (and the epoch order) into the snapshot. */
  take(net: Network, order: Int32Array): void {
    this.weights.set(net.weights);
    this.biases.set(net.biases);
    this.moment1Weights.set(net.moment1Weights);
    this.moment1Biases.set(net.moment1Biases);
    this.moment2Weights.set(net.moment2Weights);
    this.moment2Biases.set(net.moment2Biases);
    this.statPreMin.set(net.statPreMin);
    this.statPreMax.set(net.statPreMax);
    this.statGradAbsSum.set(net.statGradAbsSum);
    if (this.order.length !== order.length) this.order = new Int32Array(order.length);
    this.order.set(order);
    // Reallocated only when an edit changed the layout since the last epoch.
    if (this.activationParams.length !== net.activationParams.length) {
      this.activationParams = new Float64Array(net.activationParams.length);
      this.moment1ActivationParams = new Float64Array(net.activationParams.length);
      this.moment2ActivationParams = new Float64Array(net.activationParams.length);
    }
    this.activationParams.set(net.activationParams);
    this.moment1ActivationParams.set(net.moment1ActivationParams);
    this.moment2ActivationParams.set(net.moment2ActivationParams);
    this.adamSteps = net.adamSteps;
    this.stepCount = net.stepCount;
    this.examplesSeen = net.examplesSeen;
    this.statExamples = net.statExamples;
  }

  /** Whether the snapshot was taken of a network and order of the sizes of these. */
  fits(net: Network, order: Int32Array): boolean {
    return (
      this.weights.length === net.weights.length &&
      this.biases.length === net.biases.length &&
      this.order.length === order.length
    );
  }

  /** Puts the last taken state back into `net` and `order`. */
  restore(net: Network, order: Int32Array): void {
    net.weights.set(this.weights);
    net.biases.set(this.biases);
    net.moment1Weights.set(this.moment1Weights);
    net.moment1Biases.set(this.moment1Biases);
    net.moment2Weights.set(this.moment2Weights);
    net.moment2Biases.set(this.moment2Biases);
    net.statPreMin.set(this.statPreMin);
    net.statPreMax.set(this.statPreMax);
    net.statGradAbsSum.set(this.statGradAbsSum);
    if (this.order.length === order.length) order.set(this.order);
    if (this.activationParams.length === net.activationParams.length) {
      net.activationParams.set(this.activationParams);
      net.moment1ActivationParams.set(this.moment1ActivationParams);
      net.moment2ActivationParams.set(this.moment2ActivationParams);
      net.mixWeightsStale = true;
    }
    net.adamSteps = this.adamSteps;
    net.stepCount = this.stepCount;
    net.examplesSeen = this.examplesSeen;
    net.statExamples = this.statExamples;
  }
}
