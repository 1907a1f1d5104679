/**
 * The hidden activations as the training pass runs them: over a run of consecutive units
 * that share one activation, each unit's output and slope (dOut/dPre) at once.
 *
 * Why runs of units rather than one call per unit: V8 inlines only small functions, and a
 * 17-way switch with its exp/tanh kernels is far over the limit; an out-of-line call that
 * returns a number also boxes it on the heap. Here the switch runs once per run, every
 * kernel is inlined into a small loop, and results go straight into the typed arrays.
 * A uniform layer is one run; a mixed one costs one call per neuron.
 *
 * The scalar `activate` / `activationDerivative` (activations.ts) use the same formulas.
 */
import { cos, exp, expm1, sigmoid, sin, tanh } from './exactMath';

// Codes as constants so the switches read as names (they must follow ACTIVATION_IDS).
export const RELU = 0,
  TANH = 1,
  SIGMOID = 2,
  LINEAR = 3,
  SIN = 4,
  COS = 5,
  GAUSSIAN = 6,
  LEAKY_RELU = 7,
  ELU = 8,
  SELU = 9,
  GELU = 10,
  SILU = 11,
  MISH = 12,
  SOFTPLUS = 13,
  ABS = 14,
  SQUARE = 15,
  SOFTSIGN = 16;

export const SELU_SCALE = 1.0507009873554805;
export const SELU_ALPHA = 1.6732632423543772;
export const LEAKY_SLOPE = 0.01;
/** sqrt(2 / pi), the constant of GELU's tanh approximation. */
export const GELU_K = Math.sqrt(2 / Math.PI);
export const GELU_C = 0.044715;
/** Above this softplus is x itself and its slope 1, as in PyTorch (threshold = 20). */
export const SOFTPLUS_THRESHOLD = 20;

/** GELU's inner tanh argument √(2/π)·(x + 0.044715·x³). */
export function geluInner(x: number): number {
  return GELU_K * (x + GELU_C * x * x * x);
}

/** GELU's slope from x and t = tanh(geluInner(x)). */
export function geluSlope(x: number, t: number): number {
  const sech2 = 1 - t * t;
  // Once tanh saturates the second term is 0; computing it for |x| > 1e154 gives 0 · ∞.
  if (sech2 === 0) return 0.5 * (1 + t);
  return 0.5 * (1 + t) + 0.5 * x * sech2 * GELU_K * (1 + 3 * GELU_C * x * x);
}

/** SiLU's slope from x and s = sigmoid(x). */
export function siluSlope(x: number, s: number): number {
  return s * (1 + x * (1 - s));
}

/** sigmoid(x) = e / (1 + e) from e = e^x, for x ≤ SOFTPLUS_THRESHOLD (e cannot overflow). */
export function logistic(e: number): number {
  return e / (1 + e);
}

/**
 * tanh(softplus(x)) for x ≤ SOFTPLUS_THRESHOLD from e = e^x, without a logarithm:
 * tanh(ln(1 + e)) = ((1 + e)² − 1) / ((1 + e)² + 1) = e(e + 2) / (e(e + 2) + 2).
 */
export function tanhSoftplus(e: number): number {
  const n = e * (e + 2);
  return n / (n + 2);
}

/** Mish's slope t + x·(1 − t²)·sigmoid(x) from x ≤ SOFTPLUS_THRESHOLD and e = e^x. */
export function mishSlope(x: number, e: number): number {
  const t = tanhSoftplus(e);
  return t + x * (1 - t * t) * logistic(e);
}

/**
 * Sets `out[u]` = activation(`pre[u]`) and `slope[u]` = its derivative for the units
 * start ≤ u < end, which all have activation `code`.
 */
export function activateRun(
  code: number,
  pre: Float64Array,
  out: Float64Array,
  slope: Float64Array,
  start: number,
  end: number,
): void {
  switch (code) {
    case RELU:
      return reluRun(pre, out, slope, start, end);
    case TANH:
      return tanhRun(pre, out, slope, start, end);
    case SIGMOID:
      return sigmoidRun(pre, out, slope, start, end);
    case LINEAR:
      return linearRun(pre, out, slope, start, end);
    case SIN:
      return sinRun(pre, out, slope, start, end);
    case COS:
      return cosRun(pre, out, slope, start, end);
    case GAUSSIAN:
      return gaussianRun(pre, out, slope, start, end);
    case LEAKY_RELU:
      return leakyReluRun(pre, out, slope, start, end);
    case ELU:
      return eluRun(pre, out, slope, start, end, 1, 1);
    case SELU:
      return eluRun(pre, out, slope, start, end, SELU_SCALE, SELU_SCALE * SELU_ALPHA);
    case GELU:
      return geluRun(pre, out, slope, start, end);
    case SILU:
      return siluRun(pre, out, slope, start, end);
    case MISH:
      return mishRun(pre, out, slope, start, end);
    case SOFTPLUS:
      return softplusRun(pre, out, slope, start, end);
    case ABS:
      return absRun(pre, out, slope, start, end);
    case SQUARE:
      return squareRun(pre, out, slope, start, end);
    case SOFTSIGN:
      return softsignRun(pre, out, slope, start, end);
    default:
      out.fill(NaN, start, end);
      slope.fill(NaN, start, end);
  }
}

type Run = (
  pre: Float64Array,
  out: Float64Array,
  slope: Float64Array,
  start: number,
  end: number,
) => void;

// At the kinks the slopes follow PyTorch: relu'(0) = 0, abs'(0) = 0, leaky_relu'(0) = 0.01.

const reluRun: Run = (pre, out, slope, start, end) => {
  for (let u = start; u < end; u++) {
    const x = pre[u] as number;
    out[u] = x <= 0 ? 0 : x; // not `x > 0 ? x : 0`, which would turn NaN into 0
    slope[u] = x > 0 ? 1 : 0;
  }
};

const tanhRun: Run = (pre, out, slope, start, end) => {
  for (let u = start; u < end; u++) {
    const y = tanh(pre[u] as number);
    out[u] = y;
    slope[u] = 1 - y * y;
  }
};

const sigmoidRun: Run = (pre, out, slope, start, end) => {
  for (let u = start; u < end; u++) {
    const y = sigmoid(pre[u] as number);
    out[u] = y;
    slope[u] = y * (1 - y);
  }
};

const linearRun: Run = (pre, out, slope, start, end) => {
  for (let u = start; u < end; u++) {
    out[u] = pre[u] as number;
    slope[u] = 1;
  }
};

const sinRun: Run = (pre, out, slope, start, end) => {
  for (let u = start; u < end; u++) {
    const x = pre[u] as number;
    out[u] = sin(x);
    slope[u] = cos(x);
  }
};

const cosRun: Run = (pre, out, slope, start, end) => {
  for (let u = start; u < end; u++) {
    const x = pre[u] as number;
    out[u] = cos(x);
    slope[u] = -sin(x);
  }
};

const gaussianRun: Run = (pre, out, slope, start, end) => {
  for (let u = start; u < end; u++) {
    const x = pre[u] as number;
    const y = exp(-x * x);
    out[u] = y;
    // x · y first: for |x| near MAX_VALUE, -2x overflows and Infinity · 0 would be NaN.
    slope[u] = -2 * (x * y);
  }
};

const leakyReluRun: Run = (pre, out, slope, start, end) => {
  for (let u = start; u < end; u++) {
    const x = pre[u] as number;
    out[u] = x > 0 ? x : LEAKY_SLOPE * x;
    slope[u] = x > 0 ? 1 : LEAKY_SLOPE;
  }
};

/** ELU (scale = alpha·scale = 1) and SELU: scale·x above 0, alphaScale·(e^x − 1) below. */
function eluRun(
  pre: Float64Array,
  out: Float64Array,
  slope: Float64Array,
  start: number,
  end: number,
  scale: number,
  alphaScale: number,
): void {
  for (let u = start; u < end; u++) {
    const x = pre[u] as number;
    if (x > 0) {
      out[u] = scale * x;
      slope[u] = scale;
    } else {
      const y = alphaScale * expm1(x);
      out[u] = y;
      slope[u] = y + alphaScale; // alphaScale·e^x, from the output
    }
  }
}

const geluRun: Run = (pre, out, slope, start, end) => {
  for (let u = start; u < end; u++) {
    const x = pre[u] as number;
    const t = tanh(geluInner(x));
    out[u] = 0.5 * x * (1 + t);
    slope[u] = geluSlope(x, t);
  }
};

const siluRun: Run = (pre, out, slope, start, end) => {
  for (let u = start; u < end; u++) {
    const x = pre[u] as number;
    const s = sigmoid(x);
    out[u] = x * s;
    slope[u] = siluSlope(x, s);
  }
};

const mishRun: Run = (pre, out, slope, start, end) => {
  for (let u = start; u < end; u++) {
    const x = pre[u] as number;
    if (x > SOFTPLUS_THRESHOLD) {
      out[u] = x;
      slope[u] = 1;
    } else {
      const e = exp(x);
      out[u] = x * tanhSoftplus(e);
      slope[u] = mishSlope(x, e);
    }
  }
};

const softplusRun: Run = (pre, out, slope, start, end) => {
  for (let u = start; u < end; u++) {
    const x = pre[u] as number;
    if (x > SOFTPLUS_THRESHOLD) {
      out[u] = x;
      slope[u] = 1;
    } else {
      const e = exp(x);
      out[u] = Math.log1p(e);
      slope[u] = logistic(e);
    }
  }
};

const absRun: Run = (pre, out, slope, start, end) => {
  for (let u = start; u < end; u++) {
    const x = pre[u] as number;
    out[u] = Math.abs(x);
    slope[u] = x > 0 ? 1 : x < 0 ? -1 : 0;
  }
};

const squareRun: Run = (pre, out, slope, start, end) => {
  for (let u = start; u < end; u++) {
    const x = pre[u] as number;
    out[u] = x * x;
    slope[u] = 2 * x;
  }
};

const softsignRun: Run = (pre, out, slope, start, end) => {
  for (let u = start; u < end; u++) {
    const x = pre[u] as number;
    const d = 1 + Math.abs(x);
    out[u] = x / d;
    slope[u] = 1 / (d * d);
  }
};
