/**
 * exp, expm1, log1p, tanh, sigmoid, sin and cos in plain arithmetic, within a few ulp of the
 * true values (tested against Math.*: exactMath.test.ts). Why: V8 compiles Math.exp / tanh /
 * sin / log1p to calls into C that cost 10–30 ns each, several times the rest of a neuron's
 * work; these inline into the training loops and cost a few nanoseconds. Special values
 * (±0, ±Infinity, NaN, huge inputs) give what Math.* gives, some by falling back to it.
 *
 * The recipe throughout: split x into a point c of a fixed grid and a small exact remainder,
 * read the function's value at c from a table built with Math.* at start-up, and correct it
 * with a short polynomial in the remainder. Tables live in typed arrays, a few kB each.
 *
 * The kernels declare the numbers they use as local constants, repeating those the tables
 * are built with, why: V8 (Node 20) loads a module-level constant from the module's context,
 * with a check of its type, at every use, loops included; a local constant is folded into
 * the code. For tanh that was a third of its time. A local copy that disagreed with its
 * table would be caught by the tests (exactMath.test.ts reads every table point back).
 */

/** The table steps per doubling: exp reads 2^(j/256) for j = 0..255. */
const STEPS = 256;

/** 2^(j/256), correctly rounded, for j = 0..255 (2 kB). */
const POW2_STEP = new Float64Array(STEPS);
for (let j = 0; j < STEPS; j++) POW2_STEP[j] = Math.pow(2, j / STEPS);

/** 2^m for m = -1023..1023 at index m + POW2_BIAS: exact powers, built by halving/doubling. */
const POW2_BIAS = 1023;
const POW2_INT = new Float64Array(2 * POW2_BIAS + 1);
POW2_INT[POW2_BIAS] = 1;
for (let m = 1; m <= POW2_BIAS; m++) {
  POW2_INT[POW2_BIAS + m] = (POW2_INT[POW2_BIAS + m - 1] as number) * 2;
  POW2_INT[POW2_BIAS - m] = (POW2_INT[POW2_BIAS - m + 1] as number) / 2;
}

/** e^r − 1 for |r| ≤ 1/64: Taylor to r^7, whose remainder is below 6e-18 · |r|. */
function expm1Kernel(r: number): number {
  const r2 = r * r;
  return (
    r +
    r2 *
      (1 / 2 +
        r * (1 / 6 + r * (1 / 24 + r * (1 / 120 + r * (1 / 720 + r * (1 / 5040 + r / 40320))))))
  );
}

/**
 * e^r − 1 for |r| ≤ ln2/512, exp's remainder: Taylor to r⁵, whose remainder is below 1e-20,
 * with the terms paired (Estrin) so that two short chains of multiply-adds run side by side,
 * why: one chain of seven, with the 32-step table, was half of exp's time.
 */
function expRemainderKernel(r: number): number {
  const r2 = r * r;
  return r + r2 * (1 / 2 + r * (1 / 6) + r2 * (1 / 24 + r * (1 / 120)));
}

/** Within (EXP_MIN, EXP_MAX) e^x is a normal double and 2^(k>>8) is in POW2_INT. */
export const EXP_MIN = -708;

/** e^x, within 2 ulp of Math.exp. */
export function exp(x: number): number {
  const EXP_MIN = -708; // as above, a local constant (see the top of the file)
  const EXP_MAX = 709;
  if (!(x > EXP_MIN && x < EXP_MAX)) return Math.exp(x); // also NaN
  return expInRange(x);
}

/**
 * `exp` without its range check: e^x bit for bit as `exp` for EXP_MIN < x < EXP_MAX, and some
 * number (read from the tables' bounds, so no exception) for EXP_MIN ≤ x ≤ 0 and NaN. For run
 * kernels that clamp to EXP_MIN and redo the values that were out of range, why: the check's
 * fallback call in a loop makes V8 keep fewer values in registers, a fifth of the kernel's time.
 */
export function expInRange(x: number): number {
  const POW2_BIAS = 1023;
  const STEP_MASK = 255; // STEPS − 1
  const STEP_SHIFT = 8; // log2 STEPS
  const INV_STEP = 256 / Math.LN2;
  // ln2/256 split in two (Cody–Waite): the high part has 21 trailing zero bits, so k·STEP_HI
  // is exact for |k| < 2^21 (here |k| < 709·256/ln2 < 2^18) and r = x − k·ln2/256 keeps full
  // precision however large k is.
  const STEP_HI = 6.9314718036912381649e-1 / 256;
  const STEP_LO = 1.90821492927058770002e-10 / 256;
  // Adding and subtracting 1.5·2^52 rounds to the nearest integer in two float additions: at
  // that magnitude doubles have no fraction bits (valid for |value| < 2^51).
  const ROUND_SHIFT = 6755399441055744;
  const kf = x * INV_STEP + ROUND_SHIFT - ROUND_SHIFT;
  const r = x - kf * STEP_HI - kf * STEP_LO;
  const k = kf | 0;
  const t = POW2_STEP[k & STEP_MASK] as number;
  return (POW2_INT[(k >> STEP_SHIFT) + POW2_BIAS] as number) * (t + t * expRemainderKernel(r));
}

/** e^x − 1 is tabulated at the multiples of 1/EXPM1_STEPS in [-EXPM1_SATURATE, 0]. */
const EXPM1_STEPS = 32;
/** Below -EXPM1_SATURATE, e^x − 1 rounds to -1. */
const EXPM1_SATURATE = 40;
/** e^c − 1 and e^c for c = -k / EXPM1_STEPS at index k. */
const EXPM1_TABLE = new Float64Array(EXPM1_SATURATE * EXPM1_STEPS + 1);
const EXP_TABLE = new Float64Array(EXPM1_TABLE.length);
for (let k = 0; k < EXPM1_TABLE.length; k++) {
  EXPM1_TABLE[k] = Math.expm1(-k / EXPM1_STEPS);
  EXP_TABLE[k] = Math.exp(-k / EXPM1_STEPS);
}

/**
 * e^x − 1 for x ≤ 0 (or NaN), within 2 ulp: x = c + d with c the nearest multiple of 1/32 (d
 * exact, |d| ≤ 1/64) and e^x − 1 = (e^c − 1) + e^c·(e^d − 1), both factors of c from tables.
 * No cancellation: |e^c·(e^d − 1)| < 1/60 < |e^c − 1| / 2 unless c = 0. No branches (see
 * `tanh`); clamping to [-40, 0] gives exactly -1 below and lets NaN through.
 */
export function expm1NonPositive(x: number): number {
  const EXPM1_SATURATE = 40;
  const EXPM1_STEPS = 32;
  const ROUND_SHIFT = 6755399441055744; // see `exp`
  const clamped = Math.min(Math.max(x, -EXPM1_SATURATE), 0);
  const steps = ROUND_SHIFT - clamped * EXPM1_STEPS - ROUND_SHIFT; // -c in steps, rounded
  const d = clamped + steps * (1 / EXPM1_STEPS);
  const k = steps | 0;
  return (EXPM1_TABLE[k] as number) + (EXP_TABLE[k] as number) * expm1Kernel(d);
}

/** log(1 + c) for c = j / LOG1P_STEPS at index j, for 0 ≤ c ≤ 1. */
const LOG1P_STEPS = 32;
const LOG1P_TABLE = new Float64Array(LOG1P_STEPS + 1);
for (let j = 0; j <= LOG1P_STEPS; j++) LOG1P_TABLE[j] = Math.log1p(j / LOG1P_STEPS);

/**
 * log(1 + u) for 0 ≤ u ≤ 1 (or NaN), within 2 ulp: with c the nearest multiple of 1/32 and
 * s = (u − c) / (2 + u + c), (1 + u) / (1 + c) = (1 + s) / (1 − s), so log(1 + u) =
 * log(1 + c) + 2·atanh s = log(1 + c) + 2(s + s³/3 + s⁵/5 + s⁷/7 + …), |s| ≤ 1/128 (remainder
 * below 2e-18 · |s|). u − c is exact, and |2·atanh s| < 1/63 < log(1 + c) / 2 unless c = 0.
 */
export function log1pUnit(u: number): number {
  const LOG1P_STEPS = 32;
  const ROUND_SHIFT = 6755399441055744; // see `exp`
  const j = (u * LOG1P_STEPS + ROUND_SHIFT - ROUND_SHIFT) | 0;
  const c = j * (1 / LOG1P_STEPS);
  const s = (u - c) / (2 + u + c);
  const s2 = s * s;
  return (LOG1P_TABLE[j] as number) + 2 * s * (1 + s2 * (1 / 3 + s2 * (1 / 5 + s2 / 7)));
}

/**
 * tanh is tabulated at the multiples of 1/TANH_STEPS in [-TANH_SATURATE, TANH_SATURATE]; from
 * TANH_SATURATE on, tanh x rounds to ±1 (tanh 20 = 1 − 8e-18).
 */
const TANH_STEPS = 32;
const TANH_SATURATE = 20;
/** tanh(k / TANH_STEPS) at index k + TANH_ZERO, for |k| ≤ TANH_SATURATE·TANH_STEPS. */
const TANH_ZERO = TANH_SATURATE * TANH_STEPS;
const TANH_TABLE = new Float64Array(2 * TANH_ZERO + 1);
for (let i = 0; i < TANH_TABLE.length; i++) TANH_TABLE[i] = Math.tanh((i - TANH_ZERO) / TANH_STEPS);
// -0 rather than 0 at 0, why: tanh(-0) must be -0, and -0 + d keeps the sign of d = ±0.
TANH_TABLE[TANH_ZERO] = -0;

/**
 * tanh x, within 4 ulp: x = c + d with c the nearest multiple of 1/32 (so d is exact and
 * |d| ≤ 1/64), then tanh(c + d) = (tanh c + tanh d) / (1 + tanh c · tanh d), with tanh c from
 * the table and tanh d from its Taylor series to d⁷ (remainder below 8e-17 · |d|). No
 * cancellation: |tanh d| ≤ 1/64 < |tanh c| / 2 unless c = 0.
 *
 * No branches, why: the sign of a pre-activation is a coin toss, and a branch on it (or on
 * anything as random) is mispredicted half the time, which cost more than the rest. Clamping
 * to ±20 gives exactly ±1 beyond (the table's ends) and lets NaN through (index 0 + NaN).
 */
export function tanh(x: number): number {
  const TANH_STEPS = 32;
  const TANH_SATURATE = 20;
  const TANH_ZERO = 640; // TANH_SATURATE · TANH_STEPS
  const ROUND_SHIFT = 6755399441055744; // see `exp`
  // Taylor coefficients of tanh d = d − d³/3 + 2d⁵/15 − 17d⁷/315 + 62d⁹/2835 − …
  const TANH_P1 = -1 / 3;
  const TANH_P2 = 2 / 15;
  const TANH_P3 = -17 / 315;
  const clamped = Math.min(Math.max(x, -TANH_SATURATE), TANH_SATURATE);
  const k = clamped * TANH_STEPS + ROUND_SHIFT - ROUND_SHIFT;
  const d = clamped - k * (1 / TANH_STEPS);
  const d2 = d * d;
  const tanhD = d * (1 + d2 * (TANH_P1 + d2 * (TANH_P2 + d2 * TANH_P3)));
  const tanhC = TANH_TABLE[(k | 0) + TANH_ZERO] as number;
  return (tanhC + tanhD) / (1 + tanhC * tanhD);
}

/**
 * The logistic sigmoid, within 3 ulp: e^-|x| / (1 + e^-|x|) below 0 and 1 / (1 + e^-|x|) above,
 * so e^x is only taken for x ≤ 0 and never overflows. Only the numerator depends on the sign
 * (a select, not a branch around the exp: the sign of a pre-activation is a coin toss).
 */
export function sigmoid(x: number): number {
  const e = exp(-Math.abs(x)); // NaN stays NaN
  return (x >= 0 ? 1 : e) / (1 + e);
}

/** sin r for |r| ≤ π/4: fdlibm's minimax polynomial (k_sin.c), error below 2^-58. */
function sinKernel(r: number): number {
  const S1 = -1.66666666666666324348e-1;
  const S2 = 8.33333333332248946124e-3;
  const S3 = -1.98412698298579493134e-4;
  const S4 = 2.75573137070700676789e-6;
  const S5 = -2.50507602534068634195e-8;
  const S6 = 1.58969099521155010221e-10;
  const z = r * r;
  const w = z * z;
  const p = S2 + z * (S3 + z * S4) + z * w * (S5 + z * S6);
  return r + r * z * (S1 + z * p);
}

/**
 * cos r for |r| ≤ π/4: fdlibm's minimax polynomial (k_cos.c), error below 2^-58, with its
 * care for the 1 − r²/2 rounding.
 */
function cosKernel(r: number): number {
  const C1 = 4.16666666666666019037e-2;
  const C2 = -1.38888888888741095749e-3;
  const C3 = 2.48015872894767294178e-5;
  const C4 = -2.75573143513906633035e-7;
  const C5 = 2.0875723212981748279e-9;
  const C6 = -1.13596475577881948265e-11;
  const z = r * r;
  const w = z * z;
  const p = z * (C1 + z * (C2 + z * C3)) + w * w * (C4 + z * (C5 + z * C6));
  const hz = 0.5 * z;
  const v = 1 - hz;
  return v + (1 - v - hz + z * p);
}

// Reduction x = n·π/2 + r (Cody–Waite): π/2 is split into pieces short enough that n times
// each is exact, and r = x − n·piece₁ − n·piece₂ − … loses nothing while the terms cancel.

/** n = x·2/π rounded to the nearest integer (as a double): the quarter turns in x. */
function quarterTurns(x: number): number {
  const INV_PIO2 = 6.36619772367581382433e-1;
  const ROUND_SHIFT = 6755399441055744; // see `exp`
  return x * INV_PIO2 + ROUND_SHIFT - ROUND_SHIFT;
}

/**
 * Fills `cycle[q]` with sin(x + q·π/2) for q = 0 to 3: sin x, cos x, −sin x, −cos x. Near 0
 * (|x| < TRIG_NEAR) as `sinStepNear` computes them; farther, with x = n·π/2 + r, as sin r,
 * cos r, −sin r, −cos r rotated by n, written through indices rather than picked by a switch
 * on n, why: n is as random as x, and a branch on it is mispredicted most of the time. One
 * call serves both an output and its slope.
 */
export function sinCycle(x: number, cycle: Float64Array): void {
  // Below this |x| the step reduction is used (sinStepNear).
  const TRIG_NEAR = 1e6;
  // Beyond this |x| (so |n| ≥ 2^36) use Math.sin / Math.cos.
  const TRIG_MAX = 1e11;
  // Below this |x|, sin x rounds to x (the x³/6 term is under half an ulp); keeps -0 too.
  const SIN_TINY = 2 ** -27;
  const a = Math.abs(x);
  if (a < SIN_TINY) return fillCycle(cycle, x, 1); // keeps -0
  if (a < TRIG_NEAR) {
    // sinStepNear's values for q = 2 and 3 are exactly those for 0 and 1 negated.
    const sinX = sinStepNear(x, 0, COS_OUT, 0);
    return fillCycle(cycle, sinX, COS_OUT[0] as number);
  }
  if (!(a < TRIG_MAX)) return fillCycle(cycle, Math.sin(x), Math.cos(x));
  const nf = quarterTurns(x);
  const r = farRemainder(x, nf);
  const s = sinKernel(r);
  const c = cosKernel(r);
  const n = nf | 0; // modulo 2^32 when |nf| ≥ 2^31: its low two bits are all that matter
  cycle[-n & 3] = s;
  cycle[(1 - n) & 3] = c;
  cycle[(2 - n) & 3] = -s;
  cycle[(3 - n) & 3] = -c;
}

/** Where `sinStepNear` writes cos x for `sinCycle`. */
const COS_OUT = new Float64Array(1);

/**
 * sin(jπ/128) for j = 0 to 255, one full turn (2 kB). Built from angles of at most π/4 (the
 * rest by symmetry, exactly), why: Math.sin of j·π/128 itself would carry the rounding of an
 * angle up to 2π, four ulp of sin at 0.39. Entry j + 128 is exactly −entry j.
 */
const SIN_STEP = new Float64Array(256);
for (let j = 0; j <= 64; j++) {
  const v = j <= 32 ? Math.sin((j * Math.PI) / 128) : Math.cos(((64 - j) * Math.PI) / 128);
  SIN_STEP[j] = v;
  SIN_STEP[128 - j] = v;
  SIN_STEP[(128 + j) & 255] = -v;
  SIN_STEP[(256 - j) & 255] = -v;
}

/**
 * The |x| that `sinStepNear` takes on its own: from SIN_NEAR_MIN (sinCycle's SIN_TINY) to
 * below SIN_NEAR_MAX (its TRIG_NEAR).
 */
export const SIN_NEAR_MIN = 2 ** -27;
export const SIN_NEAR_MAX = 1e6;

/**
 * Returns sin(x + q·π/2) and writes its derivative cos(x + q·π/2) to `slope[i]`, within 2 ulp
 * (or 2e-16), for |x| < SIN_NEAR_MAX (beyond, some number): x = j·π/128 + r with |r| ≤ π/256,
 * then sin(c + r) = sin c + (sin c·(cos r − 1) + cos c·sin r), sin c and cos c = sin(c + π/2)
 * from SIN_STEP, sin r and cos r − 1 from their Taylor series to r⁷ and r⁶ (remainders below
 * 2e-23 and 1e-20). For |x| ≥ SIN_NEAR_MIN it is `sinCycle` bit for bit (which calls it).
 * Why this way: the reduction to quarter turns and the two minimax polynomials of fdlibm were
 * one long chain of dependent operations, twice as slow.
 */
export function sinStepNear(x: number, q: number, slope: Float64Array, i: number): number {
  const ROUND_SHIFT = 6755399441055744; // see `exp`
  const STEPS_PER_RADIAN = 40.74366543152521; // 128/π
  // π/128 as a 27-bit head, so k·STEP_HI is exact for |k| < 2^26 (|x| < 1.6e6), and its tail.
  const STEP_HI = 0.024543692590668797;
  const STEP_LO = 1.5501462182508444e-11;
  const kf = x * STEPS_PER_RADIAN + ROUND_SHIFT - ROUND_SHIFT;
  const r = x - kf * STEP_HI - kf * STEP_LO;
  const k = (kf | 0) + 64 * q; // modulo 2^32 for huge kf: only its low 8 bits are read
  const sinC = SIN_STEP[k & 255] as number;
  const cosC = SIN_STEP[(k + 64) & 255] as number;
  const z = r * r;
  const sinR = r + r * z * (-1 / 6 + z * (1 / 120 - z * (1 / 5040)));
  const cosRMinus1 = z * (-1 / 2 + z * (1 / 24 - z * (1 / 720)));
  slope[i] = cosC + (cosC * cosRMinus1 - sinC * sinR);
  return sinC + (sinC * cosRMinus1 + cosC * sinR);
}

/**
 * x − nf·π/2 for |nf| < 2^36, with π/2 in six pieces of at most 17 bits: exact for
 * |nf| < 2^36, the remainder within about 2^-115·|nf|. Why bother: a layer fed by squares
 * easily reaches 1e10, where Math.sin costs ten times more.
 */
function farRemainder(x: number, nf: number): number {
  const PIO2_1 = 1.57080078125;
  const PIO2_2 = -4.45445766672492e-6;
  const PIO2_3 = 2.5633384304057927e-12;
  const PIO2_4 = 5.721178163110765e-18;
  const PIO2_5 = 1.0563011603977634e-23;
  const PIO2_6 = -1.253703356598315e-29;
  return x - nf * PIO2_1 - nf * PIO2_2 - nf * PIO2_3 - nf * PIO2_4 - nf * PIO2_5 - nf * PIO2_6;
}

function fillCycle(cycle: Float64Array, sinX: number, cosX: number): void {
  cycle[0] = sinX;
  cycle[1] = cosX;
  cycle[2] = -sinX;
  cycle[3] = -cosX;
}

/** Scratch for the scalar `sin` and `cos`. */
const CYCLE = new Float64Array(4);

/** sin x, within 2 ulp of Math.sin (absolutely within 1e-16 where sin x is near 0). */
export function sin(x: number): number {
  sinCycle(x, CYCLE);
  return CYCLE[0] as number;
}

/** cos x, within 2 ulp of Math.cos (absolutely within 1e-16 where cos x is near 0). */
export function cos(x: number): number {
  sinCycle(x, CYCLE);
  return CYCLE[1] as number;
}
