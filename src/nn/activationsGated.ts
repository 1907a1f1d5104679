/** The self-gated activations x · gate(x): GELU (tanh approximation), SiLU and Mish. */
import { defineActivation } from './activationEntry';
import { SOFTPLUS_THRESHOLD } from './activationsExponential';
import { exp, sigmoid, tanh } from './exactMath';

// GELU's constants are local to the functions that use them, why: see exactMath.ts (a
// module-level constant costs a load and a type check at every use).

/** GELU's inner tanh argument √(2/π)·(x + 0.044715·x³). */
function geluInner(x: number): number {
  const GELU_K = 0.7978845608028654; // √(2/π)
  const GELU_C = 0.044715;
  return GELU_K * (x + GELU_C * x * x * x);
}

/** GELU's slope from x and t = tanh(geluInner(x)). */
function geluSlope(x: number, t: number): number {
  const GELU_K = 0.7978845608028654; // √(2/π)
  const GELU_C = 0.044715;
  const sech2 = 1 - t * t;
  // Once tanh saturates the second term is 0; computing it for |x| > 1e154 gives 0 · ∞.
  if (sech2 === 0) return 0.5 * (1 + t);
  return 0.5 * (1 + t) + 0.5 * x * sech2 * GELU_K * (1 + 3 * GELU_C * x * x);
}

/** SiLU's slope from x and s = sigmoid(x). */
function siluSlope(x: number, s: number): number {
  return s * (1 + x * (1 - s));
}

/** sigmoid(x) = e / (1 + e) from e = e^x, for x ≤ SOFTPLUS_THRESHOLD (e cannot overflow). */
function logistic(e: number): number {
  return e / (1 + e);
}

/**
 * tanh(softplus(x)) for x ≤ SOFTPLUS_THRESHOLD from e = e^x, without a logarithm:
 * tanh(ln(1 + e)) = ((1 + e)² − 1) / ((1 + e)² + 1) = e(e + 2) / (e(e + 2) + 2).
 */
function tanhSoftplus(e: number): number {
  const n = e * (e + 2);
  return n / (n + 2);
}

/** Mish's slope t + x·(1 − t²)·sigmoid(x) from x ≤ SOFTPLUS_THRESHOLD and e = e^x. */
function mishSlope(x: number, e: number): number {
  const t = tanhSoftplus(e);
  return t + x * (1 - t * t) * logistic(e);
}

export const gelu = defineActivation({
  id: 'gelu',
  label: 'GELU',
  formula: '0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))',
  range: [-0.17, Infinity],
  initFamily: 'he',
  parameterCount: 0,
  value: (x) => 0.5 * x * (1 + tanh(geluInner(x))),
  derivative: (x) => geluSlope(x, tanh(geluInner(x))),
  run(pre, out, slope, start, end) {
    for (let i = start; i < end; i++) {
      const x = pre[i] as number;
      const t = tanh(geluInner(x));
      out[i] = 0.5 * x * (1 + t);
      slope[i] = geluSlope(x, t);
    }
  },
  display: { kind: 'table', highSlope: 1, highIntercept: 0 },
});

export const silu = defineActivation({
  id: 'silu',
  label: 'SiLU',
  formula: 'x · sigmoid(x)',
  range: [-0.28, Infinity],
  initFamily: 'he',
  parameterCount: 0,
  value: (x) => x * sigmoid(x),
  derivative: (x) => siluSlope(x, sigmoid(x)),
  run(pre, out, slope, start, end) {
    for (let i = start; i < end; i++) {
      const x = pre[i] as number;
      const s = sigmoid(x);
      out[i] = x * s;
      slope[i] = siluSlope(x, s);
    }
  },
  display: { kind: 'table', highSlope: 1, highIntercept: 0 },
});

export const mish = defineActivation({
  id: 'mish',
  label: 'Mish',
  formula: 'x · tanh(softplus(x))',
  range: [-0.31, Infinity],
  initFamily: 'he',
  parameterCount: 0,
  value: (x) => (x > SOFTPLUS_THRESHOLD ? x : x * tanhSoftplus(exp(x))),
  derivative: (x) => (x > SOFTPLUS_THRESHOLD ? 1 : mishSlope(x, exp(x))),
  run(pre, out, slope, start, end) {
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
  },
  display: { kind: 'table', highSlope: 1, highIntercept: 0 },
});
