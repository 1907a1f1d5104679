/**
 * The learned mix's forward over the default palette (ReLU, tanh, sine, Gaussian, sigmoid,
 * linear) in one pass: each row's pre-activation is read once, its six values and slopes
 * are computed and blended in registers, and only the values, which backward reads
 * (mixtureKernels.ts `mixtureBackward`), are stored. Why a pass of its own for one palette:
 * through the general path, one kernel pass per entry and then the blend, a row cost six
 * loads, twelve stores and twelve more loads besides the arithmetic; in one pass an
 * all-mixture network trains a seventh faster (`npm run bench`), and this is the palette
 * every "Let the network choose" starts with.
 *
 * Bit for bit the general path: each value is the same exactMath expression its kernel
 * computes (activationsPiecewise / activationsSquashing / activationsPeriodic), and the
 * blend adds the same terms from 0 in palette order. Rows beyond the kernels' fast ranges
 * (|x| ≥ 26.6, where x² leaves exp's range; |x| < 2^-27 or ≥ 1e6 for sine; NaN) make it
 * report failure, and the caller redoes the run by the general path.
 *
 * The heatmaps' display kernel of the same palette, `displayFusedPalette`, blends the six
 * display values (fastActivations.ts) in one pass the same way.
 */
import { FIXED_ACTIVATION_CODES, type FixedActivationId } from './activationTable';
import { EXP_MIN, expInRange, SIN_NEAR_MAX, SIN_NEAR_MIN, sinStepNear, tanh } from './exactMath';
import {
  displayTableOf,
  tabulatedSine,
  tabulatedValue,
  type DisplayTable,
} from './fastActivations';
import type { Network } from './network';

/**
 * The palette this pass computes, in its order: the default (activations.ts
 * `DEFAULT_MIXTURE_PALETTE`, which a test holds it to; not imported, as that module imports
 * this one's users).
 */
export const FUSED_PALETTE: readonly FixedActivationId[] = [
  'relu',
  'tanh',
  'sin',
  'gaussian',
  'sigmoid',
  'linear',
];
const FUSED_CODES = FUSED_PALETTE.map((id) => FIXED_ACTIVATION_CODES[id]);

/** Whether the passes of this file compute a mixture over `paletteCodes`. */
export function isFusedPalette(paletteCodes: Uint8Array): boolean {
  if (paletteCodes.length !== FUSED_CODES.length) return false;
  for (let k = 0; k < FUSED_CODES.length; k++) if (paletteCodes[k] !== FUSED_CODES[k]) return false;
  return true;
}

/** Sine's slope, written by `sinStepNear`. */
const COS = new Float64Array(1);

/**
 * The mixture's forward for units `first` to `end` − 1 over the fused palette, as
 * mixtureKernels.ts `runMixture` leaves it: `out`, `learnedSlope`, `slope` (1) and the
 * palette values in `mixValues` (not `mixSlopes`). Returns false, having written some rows,
 * when a row was beyond the fast ranges.
 */
export function runFusedPalette(net: Network, first: number, end: number, rows: number): boolean {
  const { pre, out, slope, learnedSlope, mixWeights, mixValues, mixStride } = net;
  // Read once: a module's constant is loaded at every use.
  const low = EXP_MIN;
  const sinLow = SIN_NEAR_MIN;
  const sinHigh = SIN_NEAR_MAX;
  const cos = COS;
  let inRange = true;
  let p0 = net.activationParamStart[first - net.inputSize] as number;
  for (let u = first; u < end; u++, p0 += 6) {
    const s0 = mixWeights[p0] as number;
    const s1 = mixWeights[p0 + 1] as number;
    const s2 = mixWeights[p0 + 2] as number;
    const s3 = mixWeights[p0 + 3] as number;
    const s4 = mixWeights[p0 + 4] as number;
    const s5 = mixWeights[p0 + 5] as number;
    const stop = (u + 1) * rows;
    for (let i = u * rows; i < stop; i++) {
      const x = pre[i] as number;
      const a = Math.abs(x);
      const relu = Math.max(x, 0); // ReLU's value: 0 for x ≤ 0, else x (and NaN)
      const tanhX = tanh(x);
      if (!(a >= sinLow && a < sinHigh)) inRange = false;
      const sinX = sinStepNear(x, 0, cos, 0);
      const gaussPower = -x * x;
      if (!(gaussPower > low)) inRange = false;
      const gauss = expInRange(Math.max(gaussPower, low));
      const e = expInRange(Math.max(-a, low)); // e^-|x|; -a > low whenever x² is in range
      const negative = +(x < 0);
      const sigmoid = (negative * e + (1 - negative)) / (1 + e);
      mixValues[i] = relu;
      mixValues[i + mixStride] = tanhX;
      mixValues[i + 2 * mixStride] = sinX;
      mixValues[i + 3 * mixStride] = gauss;
      mixValues[i + 4 * mixStride] = sigmoid;
      mixValues[i + 5 * mixStride] = x;
      let y = 0;
      y += s0 * relu;
      y += s1 * tanhX;
      y += s2 * sinX;
      y += s3 * gauss;
      y += s4 * sigmoid;
      y += s5 * x;
      let dy = 0;
      dy += s0 * +(x > 0);
      dy += s1 * (1 - tanhX * tanhX);
      dy += s2 * (cos[0] as number);
      dy += s3 * (-2 * (x * gauss));
      dy += s4 * (sigmoid * (1 - sigmoid));
      dy += s5;
      out[i] = y;
      learnedSlope[i] = dy;
      slope[i] = 1;
    }
  }
  return inRange;
}

/** The display tables of the fused palette's tanh, Gaussian and sigmoid. */
const [TANH_TABLE, GAUSSIAN_TABLE, SIGMOID_TABLE] = (['tanh', 'gaussian', 'sigmoid'] as const).map(
  (id) => displayTableOf(FIXED_ACTIVATION_CODES[id]) as DisplayTable,
) as [DisplayTable, DisplayTable, DisplayTable];

/**
 * The mixture's display kernel (learnedEntry.ts `display`) over the fused palette: replaces
 * `tile[at … at + count]` by the blend of the six display values, bit for bit what the
 * general display (mixtureKernels.ts) computes entry by entry, in one pass instead of
 * six passes and six blends (it made an all-mixture network's grid a third faster).
 */
export function displayFusedPalette(
  net: Network,
  p0: number,
  tile: Float64Array,
  at: number,
  count: number,
): void {
  const { mixWeights } = net;
  const s0 = mixWeights[p0] as number;
  const s1 = mixWeights[p0 + 1] as number;
  const s2 = mixWeights[p0 + 2] as number;
  const s3 = mixWeights[p0 + 3] as number;
  const s4 = mixWeights[p0 + 4] as number;
  const s5 = mixWeights[p0 + 5] as number;
  // The tables' fields as plain numbers, read once: see fastActivations.ts `tabulatedRow`.
  const { values: tanhValues, highSlope: tanhSlope, highIntercept: tanhHigh } = TANH_TABLE;
  const tanhLow = TANH_TABLE.lowValue;
  const { values: gaussValues, highSlope: gaussSlope, highIntercept: gaussHigh } = GAUSSIAN_TABLE;
  const gaussLow = GAUSSIAN_TABLE.lowValue;
  const { values: sigValues, highSlope: sigSlope, highIntercept: sigHigh } = SIGMOID_TABLE;
  const sigLow = SIGMOID_TABLE.lowValue;
  for (let p = at; p < at + count; p++) {
    const x = tile[p] as number;
    let y = 0;
    y += s0 * Math.max(x, 0);
    y += s1 * tabulatedValue(tanhValues, tanhSlope, tanhHigh, tanhLow, x);
    y += s2 * tabulatedSine(x, 0);
    y += s3 * tabulatedValue(gaussValues, gaussSlope, gaussHigh, gaussLow, x);
    y += s4 * tabulatedValue(sigValues, sigSlope, sigHigh, sigLow, x);
    y += s5 * x;
    tile[p] = y;
  }
}
