/**
 * The network as plain data: what crosses to the worker, goes into links and files, and is
 * checked once by `validateSpec` before anything is built from it.
 */
import {
  checkActivationId,
  FIXED_ACTIVATION_COUNT,
  isFixedActivationId,
  type ActivationId,
  type FixedActivationId,
} from './activations';
import { SpecError } from './errors';
import { outputHeadOf, type LossId, type OutputActivation } from './outputHeads';

export type { LossId, OutputActivation } from './outputHeads';

/** Limits of the engine (and so of the page). */
export const LIMITS = {
  minInputs: 1,
  maxInputs: 7,
  maxHiddenLayers: 8,
  minNeurons: 1,
  maxNeurons: 16,
  minOutputs: 1,
  maxOutputs: 6,
  minClasses: 2,
} as const;

export type Limits = { readonly [K in keyof typeof LIMITS]: number };

export interface OutputSpec {
  /** Output units: 1 for binary classes and regression, one per class for softmax. */
  readonly size: number;
  readonly activation: OutputActivation;
  readonly loss: LossId;
}

export interface NetworkSpec {
  /** Number of inputs (input features), 1 to 7. */
  readonly inputSize: number;
  /** `hidden[l][j]` is the activation of neuron j of hidden layer l; 0 to 8 layers of 1 to 16. */
  readonly hidden: readonly (readonly ActivationId[])[];
  readonly output: OutputSpec;
  /**
   * The fixed activations every `mixture` neuron blends, in order: 2 to 17 distinct ids
   * (DEFAULT_MIXTURE_PALETTE when absent). May be empty when no neuron is a mixture.
   */
  readonly mixturePalette?: readonly FixedActivationId[];
}

/** Throws a SpecError unless `palette` is a valid mixture palette (see NetworkSpec). */
export function checkMixturePalette(palette: unknown, used = true): void {
  const expected = `a list of 2 to ${FIXED_ACTIVATION_COUNT} distinct fixed activation ids`;
  if (!Array.isArray(palette)) throw new SpecError('mixturePalette', expected, palette);
  palette.forEach((id, k) => {
    if (!isFixedActivationId(id)) {
      throw new SpecError(`mixturePalette[${k}]`, 'the id of a fixed activation', id);
    }
  });
  const distinct = new Set(palette).size === palette.length;
  if (!distinct || palette.length > FIXED_ACTIVATION_COUNT || (used && palette.length < 2)) {
    throw new SpecError('mixturePalette', expected, palette);
  }
}

export type OptimizerSpec =
  | { readonly name: 'sgd'; readonly learningRate: number; readonly momentum: number }
  | {
      readonly name: 'adam';
      readonly learningRate: number;
      readonly beta1: number;
      readonly beta2: number;
      readonly epsilon: number;
    };

export interface RegularizationSpec {
  readonly name: 'none' | 'l1' | 'l2';
  /** Penalty rate (0 or more); the penalty applies to weights, never biases. */
  readonly rate: number;
}

/** Everything that changes how a step updates parameters, patchable on a live network. */
export interface TrainingSpec {
  readonly optimizer: OptimizerSpec;
  readonly regularization: RegularizationSpec;
}

/** Plain SGD at a learning rate, no regularisation: the defaults of a new network. */
export function defaultTraining(learningRate = 0.03): TrainingSpec {
  return {
    optimizer: { name: 'sgd', learningRate, momentum: 0 },
    regularization: { name: 'none', rate: 0 },
  };
}

function checkInteger(field: string, value: unknown, min: number, max: number): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new SpecError(field, `an integer from ${min} to ${max}`, value);
  }
}

function checkNumber(field: string, value: unknown, min: number, max: number, openMin = false) {
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (openMin ? value > min : value >= min) &&
    value <= max;
  if (!ok) {
    const low = openMin ? `more than ${min}` : `${min} or more`;
    const high = Number.isFinite(max) ? ` and at most ${max}` : '';
    throw new SpecError(field, `a finite number ${low}${high}`, value);
  }
}

/**
 * Throws a SpecError naming the first invalid field of `spec`.
 * @param limits the playground's LIMITS unless a caller (the reference cases, whose widest
 *   layer has every activation) needs wider ones; the computation does not depend on them.
 */
export function validateSpec(spec: NetworkSpec, limits: Limits = LIMITS): void {
  checkInteger('inputSize', spec.inputSize, limits.minInputs, limits.maxInputs);
  if (!Array.isArray(spec.hidden) || spec.hidden.length > limits.maxHiddenLayers) {
    throw new SpecError(
      'hidden',
      `a list of 0 to ${limits.maxHiddenLayers} layers`,
      Array.isArray(spec.hidden) ? `${spec.hidden.length} layers` : spec.hidden,
    );
  }
  spec.hidden.forEach((layer, l) => {
    const field = `hidden[${l}]`;
    if (
      !Array.isArray(layer) ||
      layer.length < limits.minNeurons ||
      layer.length > limits.maxNeurons
    ) {
      throw new SpecError(
        field,
        `a layer of ${limits.minNeurons} to ${limits.maxNeurons} neurons`,
        Array.isArray(layer) ? `${layer.length} neurons` : layer,
      );
    }
    layer.forEach((id, j) => checkActivationId(`${field}[${j}]`, id));
  });
  if (spec.mixturePalette !== undefined) {
    checkMixturePalette(
      spec.mixturePalette,
      spec.hidden.some((layer) => layer.includes('mixture')),
    );
  }
  const output = spec.output;
  const head = outputHeadOf(output);
  // One output per class, and a one-hot target needs at least two classes to mean anything.
  const minSize = head.targets === 'oneHot' ? limits.minClasses : limits.minOutputs;
  checkInteger('output.size', output.size, minSize, limits.maxOutputs);
}

/** Throws a SpecError naming the first invalid field of `training`. */
export function validateTraining(training: TrainingSpec): void {
  const opt = training.optimizer;
  checkNumber('optimizer.learningRate', opt?.learningRate, 0, Infinity);
  if (opt.name === 'sgd') {
    checkNumber('optimizer.momentum', opt.momentum, 0, 1);
    if (opt.momentum >= 1) throw new SpecError('optimizer.momentum', 'from 0 to less than 1', 1);
  } else if (opt.name === 'adam') {
    checkNumber('optimizer.beta1', opt.beta1, 0, 1);
    checkNumber('optimizer.beta2', opt.beta2, 0, 1);
    if (opt.beta1 >= 1) throw new SpecError('optimizer.beta1', 'from 0 to less than 1', opt.beta1);
    if (opt.beta2 >= 1) throw new SpecError('optimizer.beta2', 'from 0 to less than 1', opt.beta2);
    checkNumber('optimizer.epsilon', opt.epsilon, 0, Infinity, true);
  } else {
    throw new SpecError('optimizer.name', '"sgd" or "adam"', (opt as { name?: unknown })?.name);
  }
  const reg = training.regularization;
  if (reg?.name !== 'none' && reg?.name !== 'l1' && reg?.name !== 'l2') {
    throw new SpecError('regularization.name', '"none", "l1" or "l2"', reg?.name);
  }
  checkNumber('regularization.rate', reg.rate, 0, Infinity);
}
