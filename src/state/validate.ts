/**
 * What a valid playground configuration is, field by field. The URL parser and the actions
 * both check against these, so the store never holds a configuration the worker would refuse.
 */
import {
  LEARNING_RATES,
  LIMITS_UI,
  OPTIMIZERS,
  REGULARIZATIONS,
  REGULARIZATION_RATES,
  networkSpecOf,
  type OptimizerChoice,
  type PlaygroundConfig,
  type RegularizationChoice,
} from '../config/config';
import { FEATURE_IDS, isDatasetId, isFeatureId } from '../data';
import { LIMITS, isActivationId, isInitScheme, validateSpec } from '../nn';

/** Every bound a configuration field must keep (the engine's LIMITS and the page's). */
export const CONFIG_BOUNDS = {
  ...LIMITS_UI,
  maxHiddenLayers: LIMITS.maxHiddenLayers,
  minNeurons: LIMITS.minNeurons,
  maxNeurons: LIMITS.maxNeurons,
  /** Learning rates are more than 0 and at most this (the largest of LEARNING_RATES). */
  maxLearningRate: Math.max(...LEARNING_RATES),
  /** Regularisation rates are 0 or more and at most this. */
  maxRegularizationRate: Math.max(...REGULARIZATION_RATES),
  /** Seeds are 32-bit unsigned integers. */
  maxSeed: 0xffffffff,
  /** Neurons in a layer that "add layer" creates. */
  newLayerSize: 2,
} as const;

/** `value` limited to [low, high]; -0 becomes 0 so a clamped value prints as "0". */
export function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value)) + 0;
}

export function isOptimizerChoice(value: unknown): value is OptimizerChoice {
  return (OPTIMIZERS as readonly unknown[]).includes(value);
}

export function isRegularizationChoice(value: unknown): value is RegularizationChoice {
  return (REGULARIZATIONS as readonly unknown[]).includes(value);
}

function inRange(value: unknown, low: number, high: number): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= low && value <= high;
}

function integerInRange(value: unknown, low: number, high: number): value is number {
  return inRange(value, low, high) && Number.isInteger(value);
}

/** Noise in percent, 0 to 50. */
export function isNoise(value: unknown): value is number {
  return inRange(value, CONFIG_BOUNDS.minNoise, CONFIG_BOUNDS.maxNoise);
}

/** Training share in percent, 10 to 90. */
export function isTrainPercent(value: unknown): value is number {
  return inRange(value, CONFIG_BOUNDS.minTrainPercent, CONFIG_BOUNDS.maxTrainPercent);
}

/** A 32-bit unsigned integer. */
export function isSeed(value: unknown): value is number {
  return integerInRange(value, 0, CONFIG_BOUNDS.maxSeed);
}

/** A finite learning rate more than 0 and at most 10 (any value, not only the listed ones). */
export function isLearningRate(value: unknown): value is number {
  return inRange(value, 0, CONFIG_BOUNDS.maxLearningRate) && value > 0;
}

/** A whole batch size from 1 to 30. */
export function isBatchSize(value: unknown): value is number {
  return integerInRange(value, CONFIG_BOUNDS.minBatch, CONFIG_BOUNDS.maxBatch);
}

/** A regularisation rate from 0 to 10. */
export function isRegularizationRate(value: unknown): value is number {
  return inRange(value, 0, CONFIG_BOUNDS.maxRegularizationRate);
}

/**
 * Every way `config` breaks the bounds above, in words; empty for a valid configuration.
 * Never throws, whatever the fields of `config` hold.
 */
export function configProblems(config: PlaygroundConfig): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, text: string) => {
    if (!ok) problems.push(text);
  };
  check(isDatasetId(config.dataset), 'dataset is not a known dataset');
  check(isNoise(config.noise), 'noise is not from 0 to 50');
  check(isTrainPercent(config.trainPercent), 'trainPercent is not from 10 to 90');
  check(isSeed(config.seed), 'seed is not a 32-bit unsigned integer');
  const features = featuresProblem(config.features);
  if (features !== null) problems.push(features);
  check(isLearningRate(config.learningRate), 'learningRate is not more than 0 and at most 10');
  check(isOptimizerChoice(config.optimizer), 'optimizer is not sgd, momentum or adam');
  check(isBatchSize(config.batchSize), 'batchSize is not a whole number from 1 to 30');
  check(isRegularizationChoice(config.regularization), 'regularization is not none, l1 or l2');
  check(isRegularizationRate(config.regularizationRate), 'regularizationRate is not 0 to 10');
  check(isInitScheme(config.init), 'init is not an initialisation scheme');
  check(isActivationId(config.defaultActivation), 'defaultActivation is not an activation');
  check(typeof config.showTestData === 'boolean', 'showTestData is not a boolean');
  check(typeof config.discretize === 'boolean', 'discretize is not a boolean');
  if (problems.length === 0) {
    try {
      validateSpec(networkSpecOf(config));
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
  }
  return problems;
}

function featuresProblem(features: unknown): string | null {
  if (!Array.isArray(features) || features.length === 0) return 'features is empty';
  if (!features.every(isFeatureId)) return 'features holds an unknown feature';
  // Features are kept in FEATURE_IDS order without repeats, so equal sets compare equal.
  const ordered = FEATURE_IDS.filter((id) => features.includes(id));
  return ordered.join() === features.join() ? null : 'features is not in FEATURE_IDS order';
}

/** True when one more hidden layer fits. */
export function canAddLayer(config: PlaygroundConfig): boolean {
  return config.hidden.length < CONFIG_BOUNDS.maxHiddenLayers;
}

/** True when there is a hidden layer to remove (a network may have none). */
export function canRemoveLayer(config: PlaygroundConfig): boolean {
  return config.hidden.length > 0;
}

/** True when hidden layer `layer` (from 1) exists and has room for one more neuron. */
export function canAddNeuron(config: PlaygroundConfig, layer: number): boolean {
  const neurons = config.hidden[layer - 1];
  return neurons !== undefined && neurons.length < CONFIG_BOUNDS.maxNeurons;
}

/** True when hidden layer `layer` (from 1) exists and keeps a neuron after removing one. */
export function canRemoveNeuron(config: PlaygroundConfig, layer: number): boolean {
  const neurons = config.hidden[layer - 1];
  return neurons !== undefined && neurons.length > CONFIG_BOUNDS.minNeurons;
}
