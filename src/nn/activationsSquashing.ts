/**
 * The bounded activations: tanh, sigmoid, softsign and the Gaussian bump. Where the output
 * holds the expensive part (tanh, sigmoid, e^(-x²)) the slope reuses it instead of calling exp
 * again.
 */
import { defineActivation } from './activationEntry';
import { exp, sigmoid, tanh } from './exactMath';

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
  run(pre, out, slope, start, end) {
    for (let i = start; i < end; i++) {
      const y = sigmoid(pre[i] as number);
      out[i] = y;
      slope[i] = y * (1 - y);
    }
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
  run(pre, out, slope, start, end) {
    for (let i = start; i < end; i++) {
      const x = pre[i] as number;
      const y = exp(-x * x);
      out[i] = y;
      slope[i] = -2 * (x * y); // as in `derivative`
    }
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
