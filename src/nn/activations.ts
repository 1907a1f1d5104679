/**
 * The hidden-layer activation functions, each with its derivative and what a legend needs.
 *
 * The hot loops never call through a function object: a neuron stores a small integer code
 * (its index in ACTIVATION_IDS) and `activate` / `activationDerivative` switch on it, which V8
 * compiles to a jump table. The training pass uses activationKernels.ts, the same formulas
 * over runs of units.
 */
import {
  ABS,
  COS,
  ELU,
  GAUSSIAN,
  GELU,
  geluInner,
  geluSlope,
  LEAKY_RELU,
  LEAKY_SLOPE,
  LINEAR,
  MISH,
  mishSlope,
  RELU,
  SELU,
  SELU_ALPHA,
  SELU_SCALE,
  SIGMOID,
  SILU,
  siluSlope,
  SIN,
  SOFTPLUS,
  SOFTPLUS_THRESHOLD,
  SOFTSIGN,
  SQUARE,
  TANH,
  tanhSoftplus,
} from './activationKernels';
import { cos, exp, expm1NonPositive, log1pUnit, sigmoid, sin, tanh } from './exactMath';

export { sigmoid };

/** Every hidden activation, in palette order; the ids are those of the PyTorch reference. */
export const ACTIVATION_IDS = [
  'relu',
  'tanh',
  'sigmoid',
  'linear',
  'sin',
  'cos',
  'gaussian',
  'leaky_relu',
  'elu',
  'selu',
  'gelu',
  'silu',
  'mish',
  'softplus',
  'abs',
  'square',
  'softsign',
] as const;

export type ActivationId = (typeof ACTIVATION_IDS)[number];

/** What the UI shows about an activation. */
export interface ActivationInfo {
  readonly id: ActivationId;
  /** Display name, e.g. "Leaky ReLU". */
  readonly label: string;
  /** One-line formula in plain text. */
  readonly formula: string;
  /** Output range [low, high]; ±Infinity where unbounded. */
  readonly range: readonly [number, number];
  /** The initialisation family the "auto" scheme uses: He for the ReLU family, Xavier otherwise. */
  readonly initFamily: 'he' | 'xavier';
}

const INFO: Record<ActivationId, Omit<ActivationInfo, 'id'>> = {
  relu: { label: 'ReLU', formula: 'max(0, x)', range: [0, Infinity], initFamily: 'he' },
  tanh: { label: 'Tanh', formula: 'tanh(x)', range: [-1, 1], initFamily: 'xavier' },
  sigmoid: { label: 'Sigmoid', formula: '1 / (1 + e^-x)', range: [0, 1], initFamily: 'xavier' },
  linear: { label: 'Linear', formula: 'x', range: [-Infinity, Infinity], initFamily: 'xavier' },
  sin: { label: 'Sine', formula: 'sin(x)', range: [-1, 1], initFamily: 'xavier' },
  cos: { label: 'Cosine', formula: 'cos(x)', range: [-1, 1], initFamily: 'xavier' },
  gaussian: { label: 'Gaussian', formula: 'e^(-x²)', range: [0, 1], initFamily: 'xavier' },
  leaky_relu: {
    label: 'Leaky ReLU',
    formula: 'x if x > 0, else 0.01·x',
    range: [-Infinity, Infinity],
    initFamily: 'he',
  },
  elu: {
    label: 'ELU',
    formula: 'x if x > 0, else e^x − 1',
    range: [-1, Infinity],
    initFamily: 'he',
  },
  selu: {
    label: 'SELU',
    formula: '1.0507·(x if x > 0, else 1.6733·(e^x − 1))',
    range: [-SELU_SCALE * SELU_ALPHA, Infinity],
    initFamily: 'he',
  },
  gelu: {
    label: 'GELU',
    formula: '0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))',
    range: [-0.17, Infinity],
    initFamily: 'he',
  },
  silu: { label: 'SiLU', formula: 'x · sigmoid(x)', range: [-0.28, Infinity], initFamily: 'he' },
  mish: {
    label: 'Mish',
    formula: 'x · tanh(softplus(x))',
    range: [-0.31, Infinity],
    initFamily: 'he',
  },
  softplus: { label: 'Softplus', formula: 'ln(1 + e^x)', range: [0, Infinity], initFamily: 'he' },
  abs: { label: 'Absolute', formula: '|x|', range: [0, Infinity], initFamily: 'xavier' },
  square: { label: 'Square', formula: 'x²', range: [0, Infinity], initFamily: 'xavier' },
  softsign: { label: 'Softsign', formula: 'x / (1 + |x|)', range: [-1, 1], initFamily: 'xavier' },
};

/** Display data for every activation, in palette order. */
export const ACTIVATIONS: readonly ActivationInfo[] = ACTIVATION_IDS.map((id) => ({
  id,
  ...INFO[id],
}));

const CODE_BY_ID = new Map<string, number>(ACTIVATION_IDS.map((id, code) => [id, code]));

/** True when `value` is one of the 17 activation ids. */
export function isActivationId(value: unknown): value is ActivationId {
  return typeof value === 'string' && CODE_BY_ID.has(value);
}

/** The integer code the hot loops switch on. Throws for an unknown id. */
export function activationCode(id: ActivationId): number {
  const code = CODE_BY_ID.get(id);
  if (code === undefined) throw new RangeError(`unknown activation "${String(id)}"`);
  return code;
}

/** The id of an activation code. */
export function activationIdOf(code: number): ActivationId {
  const id = ACTIVATION_IDS[code];
  if (id === undefined) throw new RangeError(`unknown activation code ${code}`);
  return id;
}

/** Display data of one activation. */
export function activationInfo(id: ActivationId): ActivationInfo {
  return ACTIVATIONS[activationCode(id)] as ActivationInfo;
}

/**
 * ln(1 + e^x) without overflow, as max(x, 0) + ln(1 + e^-|x|): softplus(40) is exactly 40,
 * softplus(-40) is e^-40.
 */
export function softplus(x: number): number {
  return x > SOFTPLUS_THRESHOLD ? x : Math.max(x, 0) + log1pUnit(exp(-Math.abs(x)));
}

/** The activation with code `code` at pre-activation `x`. */
export function activate(code: number, x: number): number {
  switch (code) {
    case RELU:
      return x <= 0 ? 0 : x; // not `x > 0 ? x : 0`, which would turn NaN into 0
    case TANH:
      return tanh(x);
    case SIGMOID:
      return sigmoid(x);
    case LINEAR:
      return x;
    case SIN:
      return sin(x);
    case COS:
      return cos(x);
    case GAUSSIAN:
      return exp(-x * x);
    case LEAKY_RELU:
      return x > 0 ? x : LEAKY_SLOPE * x;
    case ELU:
      return x > 0 ? x : expm1NonPositive(x);
    case SELU:
      return x > 0 ? SELU_SCALE * x : SELU_SCALE * SELU_ALPHA * expm1NonPositive(x);
    case GELU:
      return 0.5 * x * (1 + tanh(geluInner(x)));
    case SILU:
      return x * sigmoid(x);
    case MISH:
      return x > SOFTPLUS_THRESHOLD ? x : x * tanhSoftplus(exp(x));
    case SOFTPLUS:
      return softplus(x);
    case ABS:
      return Math.abs(x);
    case SQUARE:
      return x * x;
    case SOFTSIGN:
      return x / (1 + Math.abs(x));
    default:
      return NaN;
  }
}

/**
 * dy/dx of the activation with code `code`, given the pre-activation `x` and the output
 * `y = activate(code, x)`. Where the output already holds the expensive part (tanh, sigmoid,
 * gaussian, ELU) the derivative reuses it instead of calling exp again.
 * At the kinks it follows PyTorch: relu'(0) = 0, abs'(0) = 0, leaky_relu'(0) = 0.01.
 */
export function activationDerivative(code: number, x: number, y: number): number {
  switch (code) {
    case RELU:
      return x > 0 ? 1 : 0;
    case TANH:
      return 1 - y * y;
    case SIGMOID:
      return y * (1 - y);
    case LINEAR:
      return 1;
    case SIN:
      return cos(x);
    case COS:
      return -sin(x);
    case GAUSSIAN:
      // x · y first: for |x| near MAX_VALUE, -2x overflows and Infinity · 0 would be NaN.
      return -2 * (x * y);
    case LEAKY_RELU:
      return x > 0 ? 1 : LEAKY_SLOPE;
    case ELU:
      return x > 0 ? 1 : y + 1;
    case SELU:
      return x > 0 ? SELU_SCALE : y + SELU_SCALE * SELU_ALPHA;
    case GELU:
      return geluSlope(x, tanh(geluInner(x)));
    case SILU:
      return siluSlope(x, sigmoid(x));
    case MISH:
      return x > SOFTPLUS_THRESHOLD ? 1 : mishSlope(x, exp(x));
    case SOFTPLUS:
      return x > SOFTPLUS_THRESHOLD ? 1 : sigmoid(x);
    case ABS:
      return x > 0 ? 1 : x < 0 ? -1 : 0;
    case SQUARE:
      return 2 * x;
    case SOFTSIGN: {
      const d = 1 + Math.abs(x);
      return 1 / (d * d);
    }
    default:
      return NaN;
  }
}
