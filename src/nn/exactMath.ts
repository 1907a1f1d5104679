/**
 * exp, expm1, tanh, sigmoid and sin/cos in plain arithmetic, within a few ulp of Math.*
 * (tested: exactMath.test.ts). Why: V8 compiles Math.exp / tanh / sin to calls into C that
 * cost 20–30 ns each, several times the rest of a neuron's work; these inline into the
 * training loops and cost a few nanoseconds. Inputs outside the ranges below (huge, infinite,
 * NaN) fall back to Math.*, so special values behave exactly as before.
 *
 * exp: x = k·ln2/32 + r with k an integer and |r| ≤ ln2/64, so e^x = 2^(k>>5) · 2^((k&31)/32) ·
 * e^r: two table reads and a degree-7 Taylor polynomial for e^r − 1 (truncation below 1e-19).
 * sin/cos: x = n·π/2 + r with |r| ≤ π/4 and fdlibm's kernel polynomials.
 */

/** The table steps per doubling: exp reads 2^(j/32) for j = 0..31. */
const STEPS = 32;
const STEP_MASK = STEPS - 1;
const STEP_SHIFT = 5;
const INV_STEP = STEPS / Math.LN2;
/**
 * ln2/32 split in two (Cody–Waite): the high part has 21 trailing zero bits, so k·STEP_HI is
 * exact for |k| < 2^21 and r = x − k·ln2/32 keeps full precision however large k is.
 */
const STEP_HI = 6.9314718036912381649e-1 / STEPS;
const STEP_LO = 1.90821492927058770002e-10 / STEPS;
/**
 * Adding and subtracting 1.5·2^52 rounds to the nearest integer in two float additions: at
 * that magnitude doubles have no fraction bits (valid for |value| < 2^51).
 */
const ROUND_SHIFT = 6755399441055744;

/** 2^(j/32) and 2^(j/32) − 1, each correctly rounded, for j = 0..31. */
const POW2_STEP = new Float64Array(STEPS);
const POW2_STEP_M1 = new Float64Array(STEPS);
for (let j = 0; j < STEPS; j++) {
  POW2_STEP[j] = Math.pow(2, j / STEPS);
  POW2_STEP_M1[j] = Math.expm1((j * Math.LN2) / STEPS);
}

/** Within (EXP_MIN, EXP_MAX) e^x is a normal double and 2^(k>>5) is in POW2_INT. */
const EXP_MIN = -708;
const EXP_MAX = 709;
const POW2_BIAS = 1023;
/** 2^m for m = -1023..1023 at index m + POW2_BIAS: exact powers, built by halving/doubling. */
const POW2_INT = new Float64Array(2 * POW2_BIAS + 1);
POW2_INT[POW2_BIAS] = 1;
for (let m = 1; m <= POW2_BIAS; m++) {
  POW2_INT[POW2_BIAS + m] = (POW2_INT[POW2_BIAS + m - 1] as number) * 2;
  POW2_INT[POW2_BIAS - m] = (POW2_INT[POW2_BIAS - m + 1] as number) / 2;
}

/** e^r − 1 for |r| ≤ ln2/64: Taylor to r^7, whose remainder is below 2.4e-19 · |r|. */
function expm1Kernel(r: number): number {
  const r2 = r * r;
  return (
    r +
    r2 *
      (1 / 2 +
        r * (1 / 6 + r * (1 / 24 + r * (1 / 120 + r * (1 / 720 + r * (1 / 5040 + r / 40320))))))
  );
}

/** e^x, within 2 ulp of Math.exp. */
export function exp(x: number): number {
  if (!(x > EXP_MIN && x < EXP_MAX)) return Math.exp(x); // also NaN
  const kf = x * INV_STEP + ROUND_SHIFT - ROUND_SHIFT;
  const r = x - kf * STEP_HI - kf * STEP_LO;
  const k = kf | 0;
  const t = POW2_STEP[k & STEP_MASK] as number;
  return (POW2_INT[(k >> STEP_SHIFT) + POW2_BIAS] as number) * (t + t * expm1Kernel(r));
}

/** e^x − 1 for x ≥ 0 (or NaN), within 2 ulp of Math.expm1 even near 0. */
function expm1NonNegative(x: number): number {
  if (!(x < EXP_MAX)) return Math.expm1(x);
  const kf = x * INV_STEP + ROUND_SHIFT - ROUND_SHIFT;
  const r = x - kf * STEP_HI - kf * STEP_LO;
  const k = kf | 0;
  const j = k & STEP_MASK;
  const m = k >> STEP_SHIFT;
  const t = POW2_STEP[j] as number;
  const q = expm1Kernel(r);
  // Below ln2 the result may be tiny: (2^(j/32) − 1) + 2^(j/32)·q never cancels, as both
  // terms are ≥ 0 or the first is ≥ ln2/32 > 2|q|. Above ln2 the result is ≥ 1: no cancellation.
  if (m === 0) return (POW2_STEP_M1[j] as number) + t * q;
  return (POW2_INT[m + POW2_BIAS] as number) * (t + t * q) - 1;
}

/** Below -EXPM1_SATURATE, e^x − 1 rounds to -1. */
const EXPM1_SATURATE = 40;
/** Below this |x|, e^x − 1 rounds to x (the x²/2 term is under half an ulp); keeps -0 too. */
const EXPM1_TINY = 2 ** -54;

/** e^x − 1, within 3 ulp of Math.expm1. */
export function expm1(x: number): number {
  if (Math.abs(x) < EXPM1_TINY) return x;
  if (!(x < 0)) return expm1NonNegative(x); // also NaN
  if (x < -EXPM1_SATURATE) return -1;
  // e^x − 1 = −E/(1 + E) with E = e^|x| − 1: no cancellation near 0, unlike e^x − 1 itself.
  const e = expm1NonNegative(-x);
  return -e / (1 + e);
}

/** tanh is tabulated at the multiples of 1/TANH_STEPS in (-TANH_SATURATE, TANH_SATURATE). */
const TANH_STEPS = 32;
/** From here on tanh x rounds to ±1. */
const TANH_SATURATE = 20;
/** tanh(k / TANH_STEPS) at index k + TANH_ZERO, for |k| ≤ TANH_SATURATE·TANH_STEPS. */
const TANH_ZERO = TANH_SATURATE * TANH_STEPS;
const TANH_TABLE = new Float64Array(2 * TANH_ZERO + 1);
for (let i = 0; i < TANH_TABLE.length; i++) TANH_TABLE[i] = Math.tanh((i - TANH_ZERO) / TANH_STEPS);
// Taylor coefficients of tanh d = d − d³/3 + 2d⁵/15 − 17d⁷/315 + 62d⁹/2835 − …
const TANH_P1 = -1 / 3;
const TANH_P2 = 2 / 15;
const TANH_P3 = -17 / 315;

/**
 * tanh x, within 4 ulp: x = c + d with c the nearest multiple of 1/32 (so d is exact and
 * |d| ≤ 1/64), then tanh(c + d) = (tanh c + tanh d) / (1 + tanh c · tanh d), with tanh c from
 * the table and tanh d from its Taylor series to d⁷ (remainder below 8e-17 · |d|). No
 * cancellation: |tanh d| ≤ 1/64 < |tanh c| / 2 unless c = 0.
 *
 * It works on x itself, not |x| and a sign, why: the sign of a pre-activation is a coin toss,
 * and a branch on it is mispredicted half the time, which cost more than the rest.
 */
export function tanh(x: number): number {
  if (!(x > -TANH_SATURATE && x < TANH_SATURATE)) return x > 0 ? 1 : x < 0 ? -1 : NaN;
  if (x === 0) return x; // keeps -0 (the sum below would give +0)
  const k = x * TANH_STEPS + ROUND_SHIFT - ROUND_SHIFT;
  const d = x - k * (1 / TANH_STEPS);
  const d2 = d * d;
  const tanhD = d + d * d2 * (TANH_P1 + d2 * (TANH_P2 + d2 * TANH_P3));
  const tanhC = TANH_TABLE[(k | 0) + TANH_ZERO] as number;
  return (tanhC + tanhD) / (1 + tanhC * tanhD);
}

/** The logistic sigmoid 1 / (1 + e^-x), within 3 ulp; e^x is only taken for x ≤ 0. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + exp(-x));
  const e = exp(x); // NaN goes this way and stays NaN
  return e / (1 + e);
}

// π/2 as a 33-bit head and its tail (fdlibm): n·PIO2_HI is exact for |n| < 2^20, so
// r = x − n·π/2 is accurate to about 2^-86 · |n| absolutely.
const INV_PIO2 = 6.36619772367581382433e-1;
const PIO2_HI = 1.57079632673412561417;
const PIO2_LO = 6.07710050650619224932e-11;
/** Beyond this |x|, n·PIO2_HI is no longer exact: use Math.sin / Math.cos. */
const TRIG_MAX = 1e6;
/** Below this |x|, sin x rounds to x (the x³/6 term is under half an ulp); keeps -0 too. */
const SIN_TINY = 2 ** -27;

// fdlibm's minimax polynomials on [-π/4, π/4] (k_sin.c, k_cos.c), error below 2^-58.
const S1 = -1.66666666666666324348e-1;
const S2 = 8.33333333332248946124e-3;
const S3 = -1.98412698298579493134e-4;
const S4 = 2.75573137070700676789e-6;
const S5 = -2.50507602534068634195e-8;
const S6 = 1.58969099521155010221e-10;
const C1 = 4.16666666666666019037e-2;
const C2 = -1.38888888888741095749e-3;
const C3 = 2.48015872894767294178e-5;
const C4 = -2.75573143513906633035e-7;
const C5 = 2.0875723212981748279e-9;
const C6 = -1.13596475577881948265e-11;

/** sin r for |r| ≤ π/4. */
function sinKernel(r: number): number {
  const z = r * r;
  const w = z * z;
  const p = S2 + z * (S3 + z * S4) + z * w * (S5 + z * S6);
  return r + r * z * (S1 + z * p);
}

/** cos r for |r| ≤ π/4, with fdlibm's care for the 1 − r²/2 rounding. */
function cosKernel(r: number): number {
  const z = r * r;
  const w = z * z;
  const p = z * (C1 + z * (C2 + z * C3)) + w * w * (C4 + z * (C5 + z * C6));
  const hz = 0.5 * z;
  const v = 1 - hz;
  return v + (1 - v - hz + z * p);
}

/** The quadrant n mod 4 and remainder r of x = n·π/2 + r, for |x| < TRIG_MAX. */
function quadrant(x: number): number {
  return (x * INV_PIO2 + ROUND_SHIFT - ROUND_SHIFT) | 0;
}

function remainder(x: number, n: number): number {
  return x - n * PIO2_HI - n * PIO2_LO;
}

/** sin x, within 2 ulp of Math.sin (absolutely within 1e-16 where sin x is near 0). */
export function sin(x: number): number {
  const a = Math.abs(x);
  if (a < SIN_TINY) return x;
  if (!(a < TRIG_MAX)) return Math.sin(x);
  const n = quadrant(x);
  const r = remainder(x, n);
  switch (n & 3) {
    case 0:
      return sinKernel(r);
    case 1:
      return cosKernel(r);
    case 2:
      return -sinKernel(r);
    default:
      return -cosKernel(r);
  }
}

/** cos x, within 2 ulp of Math.cos (absolutely within 1e-16 where cos x is near 0). */
export function cos(x: number): number {
  if (!(Math.abs(x) < TRIG_MAX)) return Math.cos(x);
  const n = quadrant(x);
  const r = remainder(x, n);
  switch (n & 3) {
    case 0:
      return cosKernel(r);
    case 1:
      return -sinKernel(r);
    case 2:
      return -cosKernel(r);
    default:
      return sinKernel(r);
  }
}
