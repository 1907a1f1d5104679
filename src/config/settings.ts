/**
 * Every setting of the playground, declared once. The configuration type and its defaults,
 * validation and its messages, the link codec, the store's setter, which changes rebuild the
 * network and which patch it, the worker's checks, and each control's label, help, bounds and
 * options are all derived from these rows (in the spirit of TensorFlow Playground's
 * `State.PROPS`, with bounds and effects on the row as well).
 *
 * Adding a setting is one row here, plus a control where the page should show it.
 */
import {
  ACTIVATIONS,
  DEFAULT_MIXTURE_PALETTE,
  INIT_SCHEMES,
  LIMITS,
  type ActivationId,
  type InitScheme,
} from '../nn';
import { DATASETS, MAX_NOISE, type DatasetId, type FeatureId } from '../data';
import {
  choiceRow,
  featuresRow,
  flagRow,
  idChoices,
  networkRow,
  numberRow,
  paletteRow,
  type Choice,
  type ValueOf,
} from './settingRows';

export const OPTIMIZERS = ['sgd', 'momentum', 'adam'] as const;
export type OptimizerChoice = (typeof OPTIMIZERS)[number];

export const REGULARIZATIONS = ['none', 'l1', 'l2'] as const;
export type RegularizationChoice = (typeof REGULARIZATIONS)[number];

/** The loss of two-class data: TensorFlow Playground's tanh + squared error, or sigmoid + BCE. */
export const BINARY_LOSSES = ['mse', 'bce'] as const;
export type BinaryLoss = (typeof BINARY_LOSSES)[number];

/** TensorFlow Playground's learning rates. */
export const LEARNING_RATES = [
  0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10,
] as const;
/** TensorFlow Playground's regularisation rates. */
export const REGULARIZATION_RATES = [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10] as const;

/** Epochs per second while running; null means as fast as the machine allows ("Max"). */
export type Speed = number | null;

/** The speeds of the speed control, slowest first; null ("Max") last. */
export const SPEEDS: readonly Speed[] = [1, 3, 10, 30, 100, 300, 1000, null];

/** What the speed control shows, e.g. "10 epochs/s", "1 epoch/s" or "Max". */
export function speedLabel(speed: Speed): string {
  if (speed === null) return 'Max';
  return `${speed} ${speed === 1 ? 'epoch' : 'epochs'}/s`;
}

const OPTIMIZER_LABELS: Record<OptimizerChoice, string> = {
  sgd: 'SGD',
  momentum: 'SGD + momentum',
  adam: 'Adam',
};
const REGULARIZATION_LABELS: Record<RegularizationChoice, string> = {
  none: 'None',
  l1: 'L1',
  l2: 'L2',
};
const INIT_LABELS: Record<InitScheme, string> = {
  auto: 'Auto (He / Xavier)',
  uniform: 'Uniform ±0.5',
  xavier: 'Xavier',
  he: 'He',
};
const BINARY_LOSS_LABELS: Record<BinaryLoss, string> = {
  mse: 'Squared error',
  bce: 'Cross-entropy',
};

const DATASET_CHOICES: readonly Choice<DatasetId>[] = DATASETS.map((d) => ({
  value: d.id,
  token: d.id,
  label: d.label,
}));
const ACTIVATION_CHOICES: readonly Choice<ActivationId>[] = ACTIVATIONS.map((a) => ({
  value: a.id,
  token: a.id,
  label: a.label,
}));
const SPEED_CHOICES: readonly Choice<Speed>[] = SPEEDS.map((speed) => ({
  value: speed,
  token: speed === null ? 'max' : String(speed),
  label: speedLabel(speed),
}));

/**
 * The rows, in link order. The first visit is the circle with a first hidden layer whose four
 * neurons already differ (tanh, ReLU, sine, Gaussian), so the per-neuron idea shows at first
 * glance; it learns the circle within a few seconds at 30 epochs a second.
 */
export const SETTINGS = {
  dataset: choiceRow<DatasetId>({
    link: 'dataset',
    tfHide: 'dataset',
    label: 'Data set',
    help: 'The points the network learns to separate or fit',
    effect: 'rebuild',
    default: 'circle',
    choices: DATASET_CHOICES,
  }),
  noise: numberRow({
    link: 'noise',
    tfHide: 'noise',
    label: 'Noise',
    help: 'How far points stray from their pattern, in percent',
    effect: 'rebuild',
    default: 0,
    min: 0,
    max: MAX_NOISE,
    step: 5,
    outOfRange: 'clamp',
  }),
  trainPercent: numberRow({
    link: 'train',
    tfHide: 'percTrainData',
    label: 'Training data',
    help: 'Share of the points used for training; the rest are the test set',
    effect: 'rebuild',
    default: 50,
    min: 10,
    max: 90,
    step: 10,
    outOfRange: 'clamp',
    unit: '%',
  }),
  seed: numberRow({
    link: 'seed',
    label: 'Seed',
    help: 'Fixes the points, the split, the initial weights and the shuffles',
    effect: 'rebuild',
    default: 1,
    min: 0,
    max: 0xffffffff,
    integer: true,
    outOfRange: 'refuse',
  }),
  features: featuresRow({
    link: 'features',
    label: 'Input features',
    help: 'What the network is given about each point',
    effect: 'rebuild',
    default: ['x1', 'x2'] satisfies readonly FeatureId[],
  }),
  hidden: networkRow({
    link: 'net',
    tfHide: 'numHiddenLayers',
    label: 'Hidden layers',
    help: `Up to ${LIMITS.maxHiddenLayers} layers of ${LIMITS.minNeurons} to ${LIMITS.maxNeurons} neurons, each with its own activation`,
    // A new shape rebuilds; new activations on the same shape patch (see changeEffect).
    effect: 'rebuild',
    default: [
      ['tanh', 'relu', 'sin', 'gaussian'],
      ['tanh', 'tanh'],
    ],
  }),
  mixPalette: paletteRow({
    link: 'mix',
    label: 'Learned mix palette',
    help: 'The fixed activations every Learned mix neuron blends, 2 to 17; changing it restarts the blends',
    // Only the mixtures' blend weights start again; every weight is kept.
    effect: 'patch',
    default: DEFAULT_MIXTURE_PALETTE,
  }),
  learningRate: numberRow({
    link: 'lr',
    tfHide: 'learningRate',
    label: 'Learning rate',
    help: 'Step size of every update; too high and training diverges',
    effect: 'patch',
    default: 0.03,
    // Below a millionth a step changes nothing a person could see.
    min: 0.000001,
    max: 10,
    outOfRange: 'clamp',
    options: LEARNING_RATES,
  }),
  optimizer: choiceRow<OptimizerChoice>({
    link: 'opt',
    label: 'Optimizer',
    help: 'How gradients become updates',
    effect: 'patch',
    default: 'sgd',
    choices: idChoices(OPTIMIZERS, (id) => OPTIMIZER_LABELS[id]),
  }),
  batchSize: numberRow({
    link: 'batch',
    tfHide: 'batchSize',
    label: 'Batch size',
    help: 'Examples per update',
    effect: 'patch',
    default: 10,
    min: 1,
    max: 30,
    integer: true,
    outOfRange: 'clamp',
  }),
  regularization: choiceRow<RegularizationChoice>({
    link: 'reg',
    tfHide: 'regularization',
    label: 'Regularization',
    help: 'Penalty on large weights (never on biases)',
    effect: 'patch',
    default: 'none',
    choices: idChoices(REGULARIZATIONS, (id) => REGULARIZATION_LABELS[id]),
  }),
  regularizationRate: numberRow({
    link: 'regRate',
    tfHide: 'regularizationRate',
    label: 'Regularization rate',
    help: 'Strength of the penalty',
    effect: 'patch',
    default: 0,
    min: 0,
    max: 10,
    outOfRange: 'clamp',
    options: REGULARIZATION_RATES,
  }),
  init: choiceRow<InitScheme>({
    link: 'init',
    label: 'Initialization',
    help: 'How initial weights are drawn (from the seed)',
    effect: 'rebuild',
    default: 'auto',
    choices: idChoices(INIT_SCHEMES, (id) => INIT_LABELS[id]),
  }),
  loss: choiceRow<BinaryLoss>({
    link: 'loss',
    label: 'Loss',
    help: 'Two classes: squared error on a tanh output (TensorFlow Playground) or cross-entropy on a sigmoid output; several classes always use softmax cross-entropy, regression squared error',
    effect: 'rebuild',
    default: 'mse',
    choices: idChoices(BINARY_LOSSES, (id) => BINARY_LOSS_LABELS[id]),
  }),
  defaultActivation: choiceRow<ActivationId>({
    link: 'act',
    label: 'Activation for new neurons',
    help: 'Given to neurons and layers added from now on, and by "Apply to all"',
    effect: 'display',
    default: 'tanh',
    choices: ACTIVATION_CHOICES,
  }),
  showTestData: flagRow({
    link: 'test',
    tfHide: 'showTestData',
    label: 'Show test data',
    help: 'Draw the test points too, with a dark outline',
    effect: 'display',
    default: false,
  }),
  discretize: flagRow({
    link: 'discretize',
    tfHide: 'discretize',
    label: 'Discretize output',
    help: 'Show the decision only, without the shades of confidence',
    effect: 'display',
    default: false,
  }),
  speed: choiceRow<Speed>({
    link: 'speed',
    label: 'Speed',
    help: 'Slow motion to as fast as this machine allows',
    effect: 'pace',
    default: 30,
    choices: SPEED_CHOICES,
  }),
  logScale: flagRow({
    link: 'log',
    label: 'Log-scale loss',
    help: 'Draw the loss chart on a logarithmic scale',
    effect: 'display',
    default: false,
  }),
};

export type Settings = typeof SETTINGS;
export type SettingKey = keyof Settings;

/** Every setting's key, in link order. */
export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];

/** The playground's settings as plain data: everything a link records and the worker uses. */
export type PlaygroundConfig = { readonly [K in SettingKey]: ValueOf<Settings[K]> };

/** The configuration of a first visit: every row's default. */
export const DEFAULT_CONFIG: PlaygroundConfig = Object.fromEntries(
  SETTING_KEYS.map((key) => [key, SETTINGS[key].default]),
) as PlaygroundConfig;
