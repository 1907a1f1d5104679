/**
 * The arithmetic exp, expm1, log1p, tanh, sigmoid, sin and cos against Math.*: within a few
 * units in the last place over wide ranges (absolutely within 1e-16 where sin or cos is near
 * 0, as the reduction by π/2 carries an absolute error), and the same answers at the special
 * values (within each function's domain: expm1 is for x ≤ 0, log1p for 0 ≤ u ≤ 1). Math.* is
 * itself only good to about 1 ulp, so the bounds allow for both errors.
 */
import { describe, expect, it } from 'vitest';
import {
  cos,
  exp,
  EXP_MIN,
  expInRange,
  expm1NonPositive,
  log1pUnit,
  sigmoid,
  sin,
  SIN_NEAR_MAX,
  SIN_NEAR_MIN,
  sinCycle,
  sinStepNear,
  tanh,
} from './exactMath';
import { Rng } from './rng';

/** The spacing of doubles at |v| (the smallest subnormal at 0). */
function ulp(v: number): number {
  const a = Math.abs(v);
  if (a < 2 ** -1022) return 2 ** -1074;
  return 2 ** (Math.floor(Math.log2(a)) - 52);
}

const SAMPLES = 200_000;

interface Sweep {
  name: string;
  actual: (x: number) => number;
  expected: (x: number) => number;
  low: number;
  high: number;
  /** Allowed error in ulp of the expected value. */
  ulps: number;
  /** Allowed absolute error besides (for sin and cos near their zeros). */
  absolute?: number;
  /** Sample |x| log-uniformly from 1e-8 to high instead (sign at random). */
  logarithmic?: boolean;
}

const logistic = (x: number) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));

const SWEEPS: Sweep[] = [
  { name: 'exp', actual: exp, expected: Math.exp, low: -707, high: 709, ulps: 3 },
  { name: 'exp near 0', actual: exp, expected: Math.exp, low: -2, high: 2, ulps: 3 },
  {
    name: 'expm1 below 0',
    actual: expm1NonPositive,
    expected: Math.expm1,
    low: -45,
    high: 0,
    ulps: 3,
  },
  {
    name: 'expm1 near 0',
    actual: expm1NonPositive,
    expected: Math.expm1,
    low: -0.05,
    high: 0,
    ulps: 3,
  },
  { name: 'log1p on [0, 1]', actual: log1pUnit, expected: Math.log1p, low: 0, high: 1, ulps: 4 },
  {
    name: 'log1p near 0',
    actual: log1pUnit,
    expected: Math.log1p,
    low: 0,
    high: 0.02,
    ulps: 4,
  },
  { name: 'tanh', actual: tanh, expected: Math.tanh, low: -25, high: 25, ulps: 6 },
  { name: 'tanh near 0', actual: tanh, expected: Math.tanh, low: -0.05, high: 0.05, ulps: 4 },
  {
    name: 'tanh, small |x|',
    actual: tanh,
    expected: Math.tanh,
    low: 0,
    high: 1,
    ulps: 4,
    logarithmic: true,
  },
  { name: 'sigmoid', actual: sigmoid, expected: logistic, low: -745, high: 40, ulps: 4 },
  { name: 'sin', actual: sin, expected: Math.sin, low: -10, high: 10, ulps: 3, absolute: 1e-16 },
  { name: 'cos', actual: cos, expected: Math.cos, low: -10, high: 10, ulps: 3, absolute: 1e-16 },
  {
    name: 'sin, large |x|',
    actual: sin,
    expected: Math.sin,
    low: 0,
    high: 1e11,
    ulps: 3,
    absolute: 4e-16,
    logarithmic: true,
  },
  {
    name: 'cos, large |x|',
    actual: cos,
    expected: Math.cos,
    low: 0,
    high: 1e11,
    ulps: 3,
    absolute: 4e-16,
    logarithmic: true,
  },
];

describe('the arithmetic functions agree with Math.*', () => {
  it.each(SWEEPS.map((s) => [s.name, s] as const))('%s', (_name, sweep) => {
    const rng = new Rng(42);
    const wrong: string[] = [];
    let worst = 0;
    for (let n = 0; n < SAMPLES; n++) {
      const x = sweep.logarithmic
        ? (rng.next() < 0.5 ? -1 : 1) * Math.exp(rng.uniform(Math.log(1e-8), Math.log(sweep.high)))
        : rng.uniform(sweep.low, sweep.high);
      const actual = sweep.actual(x);
      const expected = sweep.expected(x);
      const error = Math.abs(actual - expected);
      if (error <= (sweep.absolute ?? 0)) continue;
      const ulps = error / ulp(expected);
      worst = Math.max(worst, ulps);
      if (!(ulps <= sweep.ulps)) wrong.push(`x = ${x}: ${actual} vs ${expected} (${ulps} ulp)`);
    }
    expect(wrong.slice(0, 5)).toEqual([]);
    expect(worst).toBeLessThanOrEqual(sweep.ulps);
  });
});

describe('special values', () => {
  const FAR = [Infinity, -Infinity, NaN];
  const cases: [string, (x: number) => number, (x: number) => number, number[]][] = [
    ['exp', exp, Math.exp, [0, -0, 709.7, 710, -745, -746, 1e308, -1e308, ...FAR]],
    ['expm1', expm1NonPositive, Math.expm1, [-40, -41, -1e300, -5e-324, -Infinity, NaN]],
    ['log1p', log1pUnit, Math.log1p, [0, 1, 5e-324, 1e-300, NaN]],
    ['tanh', tanh, Math.tanh, [0, -0, 19.99, 20, -20, 21, -21, 1e300, -1e300, 5e-324, ...FAR]],
    ['sigmoid', sigmoid, logistic, [0, -0, 40, -40, 800, -800, ...FAR]],
    ['sin', sin, Math.sin, [0, -0, 5e-324, -1e-300, 1e11, -1e15, 1e300, ...FAR]],
    ['cos', cos, Math.cos, [0, -0, 5e-324, 1e11, -1e15, 1e300, ...FAR]],
  ];
  it.each(cases)('%s matches Math at its edges, infinities and NaN', (_name, f, g, points) => {
    for (const x of points) {
      const [actual, expected] = [f(x), g(x)];
      const same =
        Object.is(actual, expected) ||
        Math.abs(actual - expected) <= 4 * ulp(expected) ||
        (Number.isNaN(actual) && Number.isNaN(expected));
      expect([x, actual, same]).toEqual([x, actual, true]);
    }
  });

  // At a table's own points the correction is 0 and a kernel returns the entry itself, built
  // with Math.*: this pins the kernels' local copies of the grid (steps, offsets) to the
  // tables (exactMath.ts says why the kernels keep copies).
  it('returns Math.* exactly at every point of its tables', () => {
    for (let k = -640; k <= 640; k++) expect(tanh(k / 32)).toBe(Math.tanh(k / 32));
    for (let k = 1; k <= 40 * 32; k++) expect(expm1NonPositive(-k / 32)).toBe(Math.expm1(-k / 32));
    for (let j = 0; j <= 32; j++) expect(log1pUnit(j / 32)).toBe(Math.log1p(j / 32));
    // exp's table of powers 2^m, read at x = m·ln 2 (not exact, hence the relative bound).
    for (let m = -1000; m <= 1000; m += 7) {
      expect(Math.abs(exp(m * Math.LN2) / 2 ** m - 1)).toBeLessThan(1e-12);
    }
  });

  it('keeps the sign of zero where Math does', () => {
    expect(Object.is(tanh(-0), -0)).toBe(true);
    expect(Object.is(sin(-0), -0)).toBe(true);
    expect(Object.is(tanh(0), 0)).toBe(true);
  });

  it('fills the sine cycle sin x, cos x, −sin x, −cos x in every quadrant', () => {
    const cycle = new Float64Array(4);
    for (const x of [0.3, 2, 3.5, 5, -0.3, -2, -3.5, -5, 1e7 + 0.5]) {
      sinCycle(x, cycle);
      const expected = [Math.sin(x), Math.cos(x), -Math.sin(x), -Math.cos(x)];
      expected.forEach((v, q) => expect(cycle[q]).toBeCloseTo(v, 14));
    }
  });
});

describe('the unchecked kernels that runs call', () => {
  const rng = new Rng(29);
  const randomIn = (low: number, high: number) =>
    Array.from({ length: 20_000 }, () => rng.uniform(low, high));

  it('expInRange is exp bit for bit within (EXP_MIN, 0]', () => {
    const xs = [...randomIn(EXP_MIN, 0), ...randomIn(-1, 0), EXP_MIN + 1e-9, -0, 0];
    const wrong = xs.filter((x) => !Object.is(expInRange(x), exp(x)));
    expect(wrong).toEqual([]);
  });

  it("sinStepNear gives sinCycle's sin(x + q·π/2) and its slope within its range", () => {
    const cycle = new Float64Array(4);
    const slope = new Float64Array(1);
    const xs = [...randomIn(-20, 20), ...randomIn(-SIN_NEAR_MAX, SIN_NEAR_MAX), SIN_NEAR_MIN];
    const wrong = xs.filter((x) => {
      sinCycle(x, cycle);
      return [0, 1, 2, 3].some(
        (q) =>
          !Object.is(sinStepNear(x, q, slope, 0), cycle[q]) ||
          !Object.is(slope[0], cycle[(q + 1) & 3]),
      );
    });
    expect(wrong).toEqual([]);
  });
});
