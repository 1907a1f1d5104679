/**
 * The hidden activations as the training pass runs them: over a run of values of units that
 * share one activation (neighbouring units, in all the rows of a pass), each value's output
 * and slope (dOut/dPre) at once.
 *
 * Why runs rather than one call per value: V8 inlines only small functions, and a 17-way
 * switch with its exp/tanh kernels is far over the limit; an out-of-line call that returns a
 * number also boxes it on the heap. Here the dispatch happens once per run, every kernel is
 * inlined into a small loop, and results go straight into the typed arrays. A uniform layer
 * is one run; a mixed one costs one call per neuron.
 *
 * The scalar `activate` / `activationDerivative` (activations.ts) use the same formulas.
 */
import { exp, expm1NonPositive, log1pUnit, sigmoid, sinCycle, tanh } from './exactMath';

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
 * Sets `out[i]` = activation(`pre[i]`) and `slope[i]` = its derivative for start ≤ i < end,
 * values of units that all have activation `code`.
 *
 * Dispatched through a table indexed by code rather than a switch, why: V8 inlines a switch's
 * small callees into it until its inlining budget runs out, and the run functions left over
 * then call their exp or sin kernels out of line, boxing every result on the heap. A call
 * through the table is not inlined once it has seen several activations, so each run function
 * is compiled on its own, with its kernel inlined.
 */
export function activateRun(
  code: number,
  pre: Float64Array,
  out: Float64Array,
  slope: Float64Array,
  start: number,
  end: number,
): void {
  const run = RUNS[code];
  if (run) return run(pre, out, slope, start, end);
  out.fill(NaN, start, end);
  slope.fill(NaN, start, end);
}

/** See `activateRun`. */
type Run = (
  pre: Float64Array,
  out: Float64Array,
  slope: Float64Array,
  start: number,
  end: number,
) => void;

// At the kinks the slopes follow PyTorch: relu'(0) = 0, abs'(0) = 0, leaky_relu'(0) = 0.01.

const reluRun: Run = (pre, out, slope, start, end) => {
  for (let i = start; i < end; i++) {
    const x = pre[i] as number;
    out[i] = x <= 0 ? 0 : x; // not `x > 0 ? x : 0`, which would turn NaN into 0
    slope[i] = x > 0 ? 1 : 0;
  }
};

const tanhRun: Run = (pre, out, slope, start, end) => {
  for (let i = start; i < end; i++) {
    const y = tanh(pre[i] as number);
    out[i] = y;
    slope[i] = 1 - y * y;
  }
};

const sigmoidRun: Run = (pre, out, slope, start, end) => {
  for (let i = start; i < end; i++) {
    const y = sigmoid(pre[i] as number);
    out[i] = y;
    slope[i] = y * (1 - y);
  }
};

const linearRun: Run = (pre, out, slope, start, end) => {
  for (let i = start; i < end; i++) {
    out[i] = pre[i] as number;
    slope[i] = 1;
  }
};

/** sin(x + q·π/2) for q = 0 to 3, filled by `sinCycle`. */
const cycle = new Float64Array(4);

/** sin (quarterTurns = 0) or cos (1) = sin(x + π/2), with slope sin(x + (quarterTurns + 1)·π/2). */
function sineRun(
  pre: Float64Array,
  out: Float64Array,
  slope: Float64Array,
  start: number,
  end: number,
  quarterTurns: number,
): void {
  for (let i = start; i < end; i++) {
    sinCycle(pre[i] as number, cycle);
    out[i] = cycle[quarterTurns] as number;
    slope[i] = cycle[quarterTurns + 1] as number;
  }
}

const gaussianRun: Run = (pre, out, slope, start, end) => {
  for (let i = start; i < end; i++) {
    const x = pre[i] as number;
    const y = exp(-x * x);
    out[i] = y;
    // x · y first: for |x| near MAX_VALUE, -2x overflows and Infinity · 0 would be NaN.
    slope[i] = -2 * (x * y);
  }
};

const leakyReluRun: Run = (pre, out, slope, start, end) => {
  for (let i = start; i < end; i++) {
    const x = pre[i] as number;
    out[i] = x > 0 ? x : LEAKY_SLOPE * x;
    slope[i] = x > 0 ? 1 : LEAKY_SLOPE;
  }
};

/**
 * ELU (scale = alphaScale = 1) and SELU: scale·x above 0, alphaScale·(e^x − 1) below.
 * Written as scale·max(x, 0) + alphaScale·(e^min(x, 0) − 1), whose second term is 0 above 0
 * and first term 0 below, why: a branch on the sign of x is a coin toss, mispredicted half
 * the time, and cost more than the exp it skipped. The values are those of the two cases.
 */
function eluRun(
  pre: Float64Array,
  out: Float64Array,
  slope: Float64Array,
  start: number,
  end: number,
  scale: number,
  alphaScale: number,
): void {
  for (let i = start; i < end; i++) {
    const x = pre[i] as number;
    const below = alphaScale * expm1NonPositive(Math.min(x, 0));
    out[i] = scale * Math.max(x, 0) + below;
    slope[i] = x > 0 ? scale : below + alphaScale; // alphaScale·e^x, from the output
  }
}

const geluRun: Run = (pre, out, slope, start, end) => {
  for (let i = start; i < end; i++) {
    const x = pre[i] as number;
    const t = tanh(geluInner(x));
    out[i] = 0.5 * x * (1 + t);
    slope[i] = geluSlope(x, t);
  }
};

const siluRun: Run = (pre, out, slope, start, end) => {
  for (let i = start; i < end; i++) {
    const x = pre[i] as number;
    const s = sigmoid(x);
    out[i] = x * s;
    slope[i] = siluSlope(x, s);
  }
};

const mishRun: Run = (pre, out, slope, start, end) => {
  for (let i = start; i < end; i++) {
    const x = pre[i] as number;
    if (x > SOFTPLUS_THRESHOLD) {
      out[i] = x;
      slope[i] = 1;
    } else {
      const e = exp(x);
      out[i] = x * tanhSoftplus(e);
      slope[i] = mishSlope(x, e);
    }
  }
};

const softplusRun: Run = (pre, out, slope, start, end) => {
  for (let i = start; i < end; i++) {
    const x = pre[i] as number;
    if (x > SOFTPLUS_THRESHOLD) {
      out[i] = x;
      slope[i] = 1;
    } else {
      // ln(1 + e^x) = max(x, 0) + ln(1 + u) with u = e^-|x| ≤ 1; the slope is sigmoid(x),
      // which is (x ≥ 0 ? 1 : u) / (1 + u) (see exactMath `sigmoid`).
      const u = exp(-Math.abs(x));
      out[i] = Math.max(x, 0) + log1pUnit(u);
      slope[i] = (x >= 0 ? 1 : u) / (1 + u);
    }
  }
};

const absRun: Run = (pre, out, slope, start, end) => {
  for (let i = start; i < end; i++) {
    const x = pre[i] as number;
    out[i] = Math.abs(x);
    slope[i] = x > 0 ? 1 : x < 0 ? -1 : 0;
  }
};

const squareRun: Run = (pre, out, slope, start, end) => {
  for (let i = start; i < end; i++) {
    const x = pre[i] as number;
    out[i] = x * x;
    slope[i] = 2 * x;
  }
};

const softsignRun: Run = (pre, out, slope, start, end) => {
  for (let i = start; i < end; i++) {
    const x = pre[i] as number;
    const d = 1 + Math.abs(x);
    out[i] = x / d;
    slope[i] = 1 / (d * d);
  }
};

const sinRun: Run = (pre, out, slope, start, end) => sineRun(pre, out, slope, start, end, 0);
const cosRun: Run = (pre, out, slope, start, end) => sineRun(pre, out, slope, start, end, 1);
const plainEluRun: Run = (pre, out, slope, start, end) => eluRun(pre, out, slope, start, end, 1, 1);
const seluRun: Run = (pre, out, slope, start, end) =>
  eluRun(pre, out, slope, start, end, SELU_SCALE, SELU_SCALE * SELU_ALPHA);

/** The run function of each activation code. */
const RUNS: Run[] = [];
RUNS[RELU] = reluRun;
RUNS[TANH] = tanhRun;
RUNS[SIGMOID] = sigmoidRun;
RUNS[LINEAR] = linearRun;
RUNS[SIN] = sinRun;
RUNS[COS] = cosRun;
RUNS[GAUSSIAN] = gaussianRun;
RUNS[LEAKY_RELU] = leakyReluRun;
RUNS[ELU] = plainEluRun;
RUNS[SELU] = seluRun;
RUNS[GELU] = geluRun;
RUNS[SILU] = siluRun;
RUNS[MISH] = mishRun;
RUNS[SOFTPLUS] = softplusRun;
RUNS[ABS] = absRun;
RUNS[SQUARE] = squareRun;
RUNS[SOFTSIGN] = softsignRun;
