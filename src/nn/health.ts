/**
 * Where every neuron works on its curve: a forward pass over a set of examples at the current
 * weights (never during training, so the training pass stays as it is) that records, per
 * hidden and output unit, the span of its pre-activations, a histogram of them, its curve over
 * that span with the flat parts marked, and whether it is dead or saturated.
 *
 * The rules, stated once (the page's tooltip quotes them):
 * - **flat**: an example lands in the flat region of a unit when |f′(pre)| is below FLAT_RATIO
 *   of the activation's reference slope (the largest |f′| over [-3, 3], where inputs usually
 *   sit: 1 for tanh and ReLU, 0.25 for the sigmoid, 6 for Square);
 * - **dead**: |f′(pre)| below DEAD_SLOPE (an absolute tolerance) for at least DEAD_SHARE of the
 *   examples: no gradient passes, whatever the loss. A Linear neuron (f′ = 1) never is, nor a
 *   Square one unless nearly every input is 0;
 * - **saturated**: not dead, and at least SATURATED_SHARE of the examples in the flat region.
 *
 * Every rule reads the unit's own f′ (the pass's `slope`), never the gradient that reached it,
 * so an output that saturates (and so passes no gradient down) is the output's badge, not its
 * inputs'. The slopes come from the same kernels as training, so any activation the table
 * runs is diagnosed alike.
 */
import { activateRun } from './activationTable';
import { forwardRows, loadRows } from './forward';
import { ROWS, type Network } from './network';
import type { OutputActivation } from './outputHeads';
import type { Examples } from './train';

/** Bars of each unit's histogram of pre-activations. */
export const HISTOGRAM_BINS = 24;
/** Points of each unit's curve over its span. */
export const CURVE_POINTS = 41;
/** |f′| below this (absolute) counts as no gradient at all, for the dead rule. */
export const DEAD_SLOPE = 1e-4;
/** Share of examples with no gradient that makes a unit dead. */
export const DEAD_SHARE = 0.99;
/** |f′| below this fraction of the reference slope is the flat region. */
export const FLAT_RATIO = 0.05;
/** Share of examples in the flat region that makes a unit saturated ("most examples"). */
export const SATURATED_SHARE = 0.9;
/** The window the reference slope is taken over, ± this. */
const REFERENCE_HALF_WIDTH = 3;

/** A unit's state by the rules above. */
export const HEALTH_OK = 0;
export const HEALTH_DEAD = 1;
export const HEALTH_SATURATED = 2;
export type HealthState = typeof HEALTH_OK | typeof HEALTH_DEAD | typeof HEALTH_SATURATED;

/**
 * The diagnosis of every hidden and output unit, unit order (first hidden layer first, outputs
 * last), `units` of them; flat typed arrays, so they can be transferred as they are.
 */
export interface NetworkHealth {
  readonly units: number;
  /** Examples the pass ran; 0 leaves every figure NaN or 0. */
  readonly examples: number;
  /** Smallest and largest pre-activation per unit. */
  readonly low: Float64Array;
  readonly high: Float64Array;
  /** HISTOGRAM_BINS counts per unit over [low, high]. */
  readonly histogram: Uint16Array;
  /** CURVE_POINTS values f(x) per unit at x evenly spaced over [low, high] (NaN: none). */
  readonly curve: Float32Array;
  /** 1 where the curve's point lies in the flat region. */
  readonly curveFlat: Uint8Array;
  /** Share of examples in the flat region, and with no gradient at all, per unit. */
  readonly flatShare: Float32Array;
  readonly deadShare: Float32Array;
  /** HealthState per unit. */
  readonly state: Uint8Array;
}

/** f(x) and f′(x) of an output activation, unit by unit (softmax as its one-unit sigmoid). */
const OUTPUT_CURVES: Record<OutputActivation, (x: number) => [number, number]> = {
  tanh: (x) => {
    const y = Math.tanh(x);
    return [y, 1 - y * y];
  },
  sigmoid: (x) => sigmoidPair(x),
  // A softmax output's slope in its own logit is p(1 − p), as a sigmoid's; its curve depends on
  // the other logits, so the one-unit sigmoid stands for it.
  softmax: (x) => sigmoidPair(x),
  linear: (x) => [x, 1],
};

/** The output activations' reference slopes (largest |f′|). */
const OUTPUT_REFERENCE_SLOPE: Record<OutputActivation, number> = {
  tanh: 1,
  sigmoid: 0.25,
  softmax: 0.25,
  linear: 1,
};

function sigmoidPair(x: number): [number, number] {
  const y = 1 / (1 + Math.exp(-x));
  return [y, y * (1 - y)];
}

const referenceSlopes = new Map<number, number>();

/** The largest |f′| of activation `code` over [-3, 3] (cached per code). */
export function referenceSlope(code: number): number {
  const known = referenceSlopes.get(code);
  if (known !== undefined) return known;
  const n = 601;
  const xs = new Float64Array(n);
  for (let i = 0; i < n; i++)
    xs[i] = -REFERENCE_HALF_WIDTH + (2 * REFERENCE_HALF_WIDTH * i) / (n - 1);
  const ys = new Float64Array(n);
  const slopes = new Float64Array(n);
  activateRun(code, xs, ys, slopes, 0, n);
  let most = 0;
  for (let i = 0; i < n; i++) most = Math.max(most, Math.abs(slopes[i] as number));
  referenceSlopes.set(code, most);
  return most;
}

/**
 * The pass's pre-activations and slopes, kept between diagnoses and grown when a larger
 * network or data set needs more, why: the worker diagnoses four times a second, and two
 * fresh arrays of units × examples each time (400 kB for the 6×8 network) kept its garbage
 * collector busy while it trained.
 */
let passScratch = { pre: new Float64Array(0), slope: new Float64Array(0) };

function scratchOf(size: number): { pre: Float64Array; slope: Float64Array } {
  if (passScratch.pre.length < size) {
    passScratch = { pre: new Float64Array(size), slope: new Float64Array(size) };
  }
  return passScratch;
}

/**
 * Runs every example of `examples` forward through `net` (changing only its pass scratch,
 * nothing learned) and diagnoses every hidden and output unit by the rules above.
 */
export function diagnoseNetwork(net: Network, examples: Examples): NetworkHealth {
  const first = net.inputSize;
  const units = net.unitCount - first;
  const count = examples.count;
  const outputFirst = (net.unitStart[net.outputLayer] as number) - first;
  const outputActivation = net.spec.output.activation;
  // Every example's pre-activation and slope per unit: the histogram needs the span first.
  const { pre, slope } = scratchOf(units * count);
  for (let done = 0; done < count; done += ROWS) {
    const rows = Math.min(ROWS, count - done);
    loadRows(net, examples.inputs, count, null, done, rows);
    forwardRows(net, rows);
    for (let u = 0; u < units; u++) {
      const from = (first + u) * rows;
      const output = u >= outputFirst;
      for (let r = 0; r < rows; r++) {
        const at = u * count + done + r;
        const x = net.pre[from + r] as number;
        pre[at] = x;
        slope[at] = output
          ? OUTPUT_CURVES[outputActivation](x)[1]
          : (net.slope[from + r] as number);
      }
    }
  }
  const health = emptyHealth(units, count);
  const xs = new Float64Array(CURVE_POINTS);
  const ys = new Float64Array(CURVE_POINTS);
  const ss = new Float64Array(CURVE_POINTS);
  for (let u = 0; u < units; u++) {
    const output = u >= outputFirst;
    const code = net.codes[first + u] as number;
    const reference = output ? OUTPUT_REFERENCE_SLOPE[outputActivation] : referenceSlope(code);
    const flatBelow = FLAT_RATIO * reference;
    let low = Infinity;
    let high = -Infinity;
    let flat = 0;
    let dead = 0;
    for (let n = 0; n < count; n++) {
      const x = pre[u * count + n] as number;
      const s = Math.abs(slope[u * count + n] as number);
      if (x < low) low = x;
      if (x > high) high = x;
      if (s < flatBelow) flat++;
      if (s < DEAD_SLOPE) dead++;
    }
    if (count === 0 || !Number.isFinite(low) || !Number.isFinite(high)) continue;
    health.low[u] = low;
    health.high[u] = high;
    const [spanLow, spanHigh] = curveSpan(low, high);
    const width = spanHigh - spanLow;
    for (let n = 0; n < count; n++) {
      const x = pre[u * count + n] as number;
      const bin = Math.min(
        HISTOGRAM_BINS - 1,
        Math.floor(((x - spanLow) / width) * HISTOGRAM_BINS),
      );
      const at = u * HISTOGRAM_BINS + bin;
      health.histogram[at] = Math.min(0xffff, (health.histogram[at] as number) + 1);
    }
    for (let i = 0; i < CURVE_POINTS; i++) xs[i] = spanLow + (width * i) / (CURVE_POINTS - 1);
    if (output) {
      for (let i = 0; i < CURVE_POINTS; i++) {
        [ys[i], ss[i]] = OUTPUT_CURVES[outputActivation](xs[i] as number);
      }
    } else {
      activateRun(code, xs, ys, ss, 0, CURVE_POINTS);
    }
    for (let i = 0; i < CURVE_POINTS; i++) {
      health.curve[u * CURVE_POINTS + i] = ys[i] as number;
      health.curveFlat[u * CURVE_POINTS + i] = Math.abs(ss[i] as number) < flatBelow ? 1 : 0;
    }
    health.flatShare[u] = flat / count;
    health.deadShare[u] = dead / count;
    health.state[u] = healthState(dead / count, flat / count, output);
  }
  return health;
}

/** The state of a unit with those shares (outputs are never "dead": they are the loss's). */
export function healthState(deadShare: number, flatShare: number, output = false): HealthState {
  if (!output && deadShare >= DEAD_SHARE) return HEALTH_DEAD;
  if (flatShare >= SATURATED_SHARE) return HEALTH_SATURATED;
  return HEALTH_OK;
}

/**
 * The span a unit's curve and histogram are drawn over: its pre-activations' [low, high],
 * widened by 5% each side, and to at least ±0.5 around the middle when they (nearly) coincide.
 */
export function curveSpan(low: number, high: number): [number, number] {
  const middle = (low + high) / 2;
  const half = Math.max(0.5, ((high - low) / 2) * 1.05);
  return [middle - half, middle + half];
}

function emptyHealth(units: number, examples: number): NetworkHealth {
  return {
    units,
    examples,
    low: new Float64Array(units).fill(NaN),
    high: new Float64Array(units).fill(NaN),
    histogram: new Uint16Array(units * HISTOGRAM_BINS),
    curve: new Float32Array(units * CURVE_POINTS).fill(NaN),
    curveFlat: new Uint8Array(units * CURVE_POINTS),
    flatShare: new Float32Array(units),
    deadShare: new Float32Array(units),
    state: new Uint8Array(units),
  };
}
