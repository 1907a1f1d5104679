/**
 * The bounded activations: tanh, sigmoid, softsign and the Gaussian bump. Where the output
 * holds the expensive part (tanh, sigmoid, e^(-x²)) the slope reuses it instead of calling exp
 * again.
 */
import { defineActivation, type ActivationEntry } from './activationEntry';
import { exp, EXP_MIN, expInRange, sigmoid, tanh } from './exactMath';

/**
 * The slow path of the runs that call `expInRange`: sets `out[i]` and `slope[i]` from the
 * entry's `value` and `derivative` wherever `power(pre[i])`, the run's power of e, is not
 * above EXP_MIN (NaN included), the values the run clamped.
 */
function redoBeyondExp(
  entry: Pick<ActivationEntry, 'value' | 'derivative'>,
  power: (x: number) => number,
  pre: Float64Array,
  out: Float64Array,
  slope: Float64Array,
  start: number,
  end: number,
): void {
  for (let i = start; i < end; i++) {
    const x = pre[i] as number;
    if (power(x) > EXP_MIN) continue;
    const y = entry.value(x);
    out[i] = y;
    slope[i] = entry.derivative(x, y);
  }
}

export const tanhActivation = defineActivation({
  id: 'tanh',
  label: 'Tanh',
  formula: 'tanh(x)',
  range: [-1, 1],
  initFamily: 'xavier',
  parameterCount: 0,
  value: (x) => tanh(x),
  derivative: (_x, y) => 1 - y * y,
  run(pre, out, slope, start, end) {
    for (let i = start; i < end; i++) {
      const y = tanh(pre[i] as number);
      out[i] = y;
      slope[i] = 1 - y * y;
    }
  },
  display: { kind: 'table', highSlope: 0, highIntercept: 1 },
});

export const sigmoidActivation = defineActivation({
  id: 'sigmoid',
  label: 'Sigmoid',
  formula: '1 / (1 + e^-x)',
  range: [0, 1],
  initFamily: 'xavier',
  parameterCount: 0,
  value: (x) => sigmoid(x),
  derivative: (_x, y) => y * (1 - y),
  // exp's range is checked once for the run (see exactMath `expInRange`); the values beyond
  // it, |x| ≥ 708 or NaN, are computed again with `sigmoid`.
  run(pre, out, slope, start, end) {
    const low = EXP_MIN; // read once: a module's constant is loaded at every use
    let beyond = false;
    // Two passes, e = e^-|x| into `out` first, why: in one, the numerator's pick waited on
    // the exp before it, and the loop ran a sixth slower.
    for (let i = start; i < end; i++) {
      const power = -Math.abs(pre[i] as number);
      if (!(power > low)) beyond = true;
      out[i] = expInRange(Math.max(power, low));
    }
    for (let i = start; i < end; i++) {
      const e = out[i] as number;
      // exactMath `sigmoid`, its numerator (1 for x ≥ 0, else e) picked by arithmetic, exact
      // as 0 ≤ e ≤ 1, rather than by a branch on the sign, a coin toss mispredicted half
      // the time.
      const negative = +((pre[i] as number) < 0);
      const y = (negative * e + (1 - negative)) / (1 + e);
      out[i] = y;
      slope[i] = y * (1 - y);
    }
    if (beyond) redoBeyondExp(sigmoidActivation, (x) => -Math.abs(x), pre, out, slope, start, end);
  },
  display: { kind: 'table', highSlope: 0, highIntercept: 1 },
});

export const gaussian = defineActivation({
  id: 'gaussian',
  label: 'Gaussian',
  formula: 'e^(-x²)',
  range: [0, 1],
  initFamily: 'xavier',
  parameterCount: 0,
  value: (x) => exp(-x * x),
  // x · y first: for |x| near MAX_VALUE, -2x overflows and Infinity · 0 would be NaN.
  derivative: (x, y) => -2 * (x * y),
  // As sigmoid's run: the values beyond exp's range, x² ≥ 708 or NaN, are computed again.
  run(pre, out, slope, start, end) {
    const low = EXP_MIN; // read once: a module's constant is loaded at every use
    let beyond = false;
    for (let i = start; i < end; i++) {
      const x = pre[i] as number;
      const power = -x * x;
      if (!(power > low)) beyond = true;
      const y = expInRange(Math.max(power, low));
      out[i] = y;
      slope[i] = -2 * (x * y); // as in `derivative`
    }
    if (beyond) redoBeyondExp(gaussian, (x) => -x * x, pre, out, slope, start, end);
  },
  display: { kind: 'table', highSlope: 0, highIntercept: 0 },
});

export const softsign = defineActivation({
  id: 'softsign',
  label: 'Softsign',
  formula: 'x / (1 + |x|)',
  range: [-1, 1],
  initFamily: 'xavier',
  parameterCount: 0,
  value: (x) => x / (1 + Math.abs(x)),
  derivative(x) {
    const d = 1 + Math.abs(x);
    return 1 / (d * d);
  },
  run(pre, out, slope, start, end) {
    for (let i = start; i < end; i++) {
      const x = pre[i] as number;
      const d = 1 + Math.abs(x);
      out[i] = x / d;
      slope[i] = 1 / (d * d);
    }
  },
  display: {
    kind: 'exact',
    row(src, shift, dst, start, end) {
      for (let p = start; p < end; p++) {
        const x = src[p + shift] as number;
        dst[p] = x / (1 + Math.abs(x));
      }
    },
  },
});
