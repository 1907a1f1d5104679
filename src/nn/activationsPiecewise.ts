/**
 * The piecewise-linear and polynomial activations: ReLU, leaky ReLU, linear, absolute value
 * and square. All are cheap, so the heatmaps compute them exactly.
 */
import { defineActivation } from './activationEntry';

export const LEAKY_SLOPE = 0.01;

/** ReLU's run picks its output from here: entry 0 stays 0, entry 1 is set to x. */
const ZERO_OR_X = new Float64Array(2);

export const relu = defineActivation({
  id: 'relu',
  label: 'ReLU',
  formula: 'max(0, x)',
  range: [0, Infinity],
  initFamily: 'he',
  parameterCount: 0,
  value: (x) => (x <= 0 ? 0 : x), // not `x > 0 ? x : 0`, which would turn NaN into 0
  derivative: (x) => (x > 0 ? 1 : 0),
  // No branches, why: the sign of a pre-activation is a coin toss, and a mispredicted branch
  // cost twice the rest. The output is picked from (0, x) by index; +(x > 0) is a setcc.
  run(pre, out, slope, start, end) {
    const zeroOrX = ZERO_OR_X; // read once: a module's constant is loaded at every use
    for (let i = start; i < end; i++) {
      const x = pre[i] as number;
      zeroOrX[1] = x;
      out[i] = zeroOrX[+!(x <= 0)] as number; // as in `value`: x for x > 0 and for NaN
      slope[i] = +(x > 0);
    }
  },
  display: {
    kind: 'exact',
    row(src, shift, dst, start, end) {
      for (let p = start; p < end; p++) dst[p] = Math.max(src[p + shift] as number, 0);
    },
  },
});

export const linear = defineActivation({
  id: 'linear',
  label: 'Linear',
  formula: 'x',
  range: [-Infinity, Infinity],
  initFamily: 'xavier',
  parameterCount: 0,
  value: (x) => x,
  derivative: () => 1,
  run(pre, out, slope, start, end) {
    for (let i = start; i < end; i++) {
      out[i] = pre[i] as number;
      slope[i] = 1;
    }
  },
  display: {
    kind: 'exact',
    row(src, shift, dst, start, end) {
      for (let p = start; p < end; p++) dst[p] = src[p + shift] as number;
    },
  },
});

export const leakyRelu = defineActivation({
  id: 'leaky_relu',
  label: 'Leaky ReLU',
  formula: 'x if x > 0, else 0.01·x',
  range: [-Infinity, Infinity],
  initFamily: 'he',
  parameterCount: 0,
  value: (x) => (x > 0 ? x : LEAKY_SLOPE * x),
  derivative: (x) => (x > 0 ? 1 : LEAKY_SLOPE),
  run(pre, out, slope, start, end) {
    for (let i = start; i < end; i++) {
      const x = pre[i] as number;
      out[i] = x > 0 ? x : LEAKY_SLOPE * x;
      slope[i] = x > 0 ? 1 : LEAKY_SLOPE;
    }
  },
  display: {
    kind: 'exact',
    row(src, shift, dst, start, end) {
      for (let p = start; p < end; p++) {
        const x = src[p + shift] as number;
        dst[p] = x > 0 ? x : LEAKY_SLOPE * x;
      }
    },
  },
});

export const abs = defineActivation({
  id: 'abs',
  label: 'Absolute',
  formula: '|x|',
  range: [0, Infinity],
  initFamily: 'xavier',
  parameterCount: 0,
  value: (x) => Math.abs(x),
  derivative: (x) => (x > 0 ? 1 : x < 0 ? -1 : 0),
  run(pre, out, slope, start, end) {
    for (let i = start; i < end; i++) {
      const x = pre[i] as number;
      out[i] = Math.abs(x);
      slope[i] = x > 0 ? 1 : x < 0 ? -1 : 0;
    }
  },
  display: {
    kind: 'exact',
    row(src, shift, dst, start, end) {
      for (let p = start; p < end; p++) dst[p] = Math.abs(src[p + shift] as number);
    },
  },
});

export const square = defineActivation({
  id: 'square',
  label: 'Square',
  formula: 'x²',
  range: [0, Infinity],
  initFamily: 'xavier',
  parameterCount: 0,
  value: (x) => x * x,
  derivative: (x) => 2 * x,
  run(pre, out, slope, start, end) {
    for (let i = start; i < end; i++) {
      const x = pre[i] as number;
      out[i] = x * x;
      slope[i] = 2 * x;
    }
  },
  display: {
    kind: 'exact',
    row(src, shift, dst, start, end) {
      for (let p = start; p < end; p++) {
        const x = src[p + shift] as number;
        dst[p] = x * x;
      }
    },
  },
});
