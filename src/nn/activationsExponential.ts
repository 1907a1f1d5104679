/** The activations built on e^x: ELU, SELU and softplus. */
import { defineActivation } from './activationEntry';
import { exp, expm1NonPositive, log1pUnit, sigmoid } from './exactMath';

export const SELU_SCALE = 1.0507009873554805;
export const SELU_ALPHA = 1.6732632423543772;
/** Above this softplus is x itself and its slope 1, as in PyTorch (threshold = 20). */
export const SOFTPLUS_THRESHOLD = 20;

/**
 * ln(1 + e^x) without overflow, as max(x, 0) + ln(1 + e^-|x|): softplus(40) is exactly 40,
 * softplus(-40) is e^-40.
 */
export function softplus(x: number): number {
  return x > SOFTPLUS_THRESHOLD ? x : Math.max(x, 0) + log1pUnit(exp(-Math.abs(x)));
}

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

export const elu = defineActivation({
  id: 'elu',
  label: 'ELU',
  formula: 'x if x > 0, else e^x − 1',
  range: [-1, Infinity],
  initFamily: 'he',
  parameterCount: 0,
  value: (x) => (x > 0 ? x : expm1NonPositive(x)),
  derivative: (x, y) => (x > 0 ? 1 : y + 1),
  run: (pre, out, slope, start, end) => eluRun(pre, out, slope, start, end, 1, 1),
  display: { kind: 'table', highSlope: 1, highIntercept: 0 },
});

export const selu = defineActivation({
  id: 'selu',
  label: 'SELU',
  formula: '1.0507·(x if x > 0, else 1.6733·(e^x − 1))',
  range: [-SELU_SCALE * SELU_ALPHA, Infinity],
  initFamily: 'he',
  parameterCount: 0,
  value: (x) => (x > 0 ? SELU_SCALE * x : SELU_SCALE * SELU_ALPHA * expm1NonPositive(x)),
  derivative: (x, y) => (x > 0 ? SELU_SCALE : y + SELU_SCALE * SELU_ALPHA),
  run: (pre, out, slope, start, end) =>
    eluRun(pre, out, slope, start, end, SELU_SCALE, SELU_SCALE * SELU_ALPHA),
  display: { kind: 'table', highSlope: SELU_SCALE, highIntercept: 0 },
});

export const softplusActivation = defineActivation({
  id: 'softplus',
  label: 'Softplus',
  formula: 'ln(1 + e^x)',
  range: [0, Infinity],
  initFamily: 'he',
  parameterCount: 0,
  value: softplus,
  derivative: (x) => (x > SOFTPLUS_THRESHOLD ? 1 : sigmoid(x)),
  run(pre, out, slope, start, end) {
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
  },
  display: { kind: 'table', highSlope: 1, highIntercept: 0 },
});
