/**
 * The playground's settings as plain data: everything a link records, what the worker is
 * configured with, and the defaults of a first visit. Pure; imports only the engine and data.
 */
import {
  outputColourRange as headColourRange,
  type ActivationId,
  type InitScheme,
  type NetworkSpec,
  type OutputSpec,
  type TrainingSpec,
} from '../nn';
import { datasetInfo, outputForTask, type DatasetId, type FeatureId } from '../data';

export const OPTIMIZERS = ['sgd', 'momentum', 'adam'] as const;
export type OptimizerChoice = (typeof OPTIMIZERS)[number];

export const REGULARIZATIONS = ['none', 'l1', 'l2'] as const;
export type RegularizationChoice = (typeof REGULARIZATIONS)[number];

/** TensorFlow Playground's learning rates. */
export const LEARNING_RATES = [
  0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10,
] as const;
/** TensorFlow Playground's regularisation rates (0 is listed as "none" by the page). */
export const REGULARIZATION_RATES = [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10] as const;

export const LIMITS_UI = {
  minBatch: 1,
  maxBatch: 30,
  minNoise: 0,
  maxNoise: 50,
  minTrainPercent: 10,
  maxTrainPercent: 90,
} as const;

export interface PlaygroundConfig {
  readonly dataset: DatasetId;
  /** Noise in percent, 0 to 50, as in TensorFlow Playground. */
  readonly noise: number;
  /** Percentage of the points used for training, 10 to 90. */
  readonly trainPercent: number;
  /** Seed of the data, the initial weights and the shuffles (a 32-bit unsigned integer). */
  readonly seed: number;
  /** Enabled input features, in FEATURE_IDS order. */
  readonly features: readonly FeatureId[];
  /** Activation of every hidden neuron: `hidden[l][j]`. */
  readonly hidden: readonly (readonly ActivationId[])[];
  readonly learningRate: number;
  readonly optimizer: OptimizerChoice;
  readonly batchSize: number;
  readonly regularization: RegularizationChoice;
  readonly regularizationRate: number;
  readonly init: InitScheme;
  /** Activation given to neurons added later (and by "apply to all"). */
  readonly defaultActivation: ActivationId;
  /** Display only: show the test points, and a thresholded output. */
  readonly showTestData: boolean;
  readonly discretize: boolean;
}

/**
 * The first view: the circle, and a first hidden layer whose four neurons already differ
 * (tanh, ReLU, sine, Gaussian), so the per-neuron idea shows at first glance; it learns the
 * circle within a few seconds.
 */
export const DEFAULT_CONFIG: PlaygroundConfig = {
  dataset: 'circle',
  noise: 0,
  trainPercent: 50,
  seed: 1,
  features: ['x1', 'x2'],
  hidden: [
    ['tanh', 'relu', 'sin', 'gaussian'],
    ['tanh', 'tanh'],
  ],
  learningRate: 0.03,
  optimizer: 'sgd',
  batchSize: 10,
  regularization: 'none',
  regularizationRate: 0,
  init: 'auto',
  defaultActivation: 'tanh',
  showTestData: false,
  discretize: false,
};

/** The output head the dataset's task calls for. */
export function outputSpecFor(config: PlaygroundConfig): OutputSpec {
  return outputSpecOfDataset(config.dataset);
}

/** The output head a data set's task calls for. */
export function outputSpecOfDataset(dataset: DatasetId): OutputSpec {
  const info = datasetInfo(dataset);
  return outputForTask(info.kind, info.classes);
}

/** The engine's network spec of a configuration. */
export function networkSpecOf(config: PlaygroundConfig): NetworkSpec {
  return {
    inputSize: config.features.length,
    hidden: config.hidden,
    output: outputSpecFor(config),
  };
}

/** The engine's training spec of a configuration. */
export function trainingSpecOf(config: PlaygroundConfig): TrainingSpec {
  const optimizer: TrainingSpec['optimizer'] =
    config.optimizer === 'adam'
      ? { name: 'adam', learningRate: config.learningRate, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 }
      : {
          name: 'sgd',
          learningRate: config.learningRate,
          momentum: config.optimizer === 'momentum' ? 0.9 : 0,
        };
  return {
    optimizer,
    regularization: { name: config.regularization, rate: config.regularizationRate },
  };
}

/** True when going from `a` to `b` needs a new network (and new data), not a patch. */
export function needsRebuild(a: PlaygroundConfig, b: PlaygroundConfig): boolean {
  return (
    a.dataset !== b.dataset ||
    a.noise !== b.noise ||
    a.trainPercent !== b.trainPercent ||
    a.seed !== b.seed ||
    a.init !== b.init ||
    a.features.join() !== b.features.join() ||
    a.hidden.length !== b.hidden.length ||
    a.hidden.some((layer, l) => layer.length !== b.hidden[l]?.length)
  );
}

/** Independent generator seeds for the data, the initial weights and the shuffles. */
export function seedStreams(seed: number): { data: number; weights: number; shuffle: number } {
  return {
    data: seed >>> 0,
    weights: (seed ^ 0x5bd1e995) >>> 0,
    shuffle: (seed ^ 0x27d4eb2f) >>> 0,
  };
}

/**
 * True when going from `a` to `b` (same shape) changes what training computes: an activation,
 * the optimizer, its rate, the batch size or the regularisation. Display settings (test
 * points, discretize, the activation for new neurons) need nothing from the worker.
 */
export function needsPatch(a: PlaygroundConfig, b: PlaygroundConfig): boolean {
  return (
    a.learningRate !== b.learningRate ||
    a.optimizer !== b.optimizer ||
    a.batchSize !== b.batchSize ||
    a.regularization !== b.regularization ||
    a.regularizationRate !== b.regularizationRate ||
    a.hidden.some((layer, l) => layer.some((id, j) => id !== b.hidden[l]?.[j]))
  );
}

/**
 * The values the output heatmaps map onto the colour scale, as the output head declares them
 * (src/nn/outputHeads.ts): its range, and [-1, 1] for regression.
 */
export function outputColourRange(output: OutputSpec): readonly [number, number] {
  return headColourRange(output);
}
