/**
 * The activation glyph: a small plot of an activation function, drawn from the engine's own
 * `activate` so the picture can never disagree with what trains.
 */
import { line, scaleLinear } from 'd3';
import { activate, activationCode, type ActivationId } from '../nn/activations';

/** The x range a glyph shows when none is given. */
export const DEFAULT_X_DOMAIN: readonly [number, number] = [-4, 4];
/** Points sampled along x; enough for sin and cos to look smooth at palette size. */
export const CURVE_SAMPLES = 64;
/** Inset from the box edges (px), so a stroke along an edge is not cut in half. */
export const CURVE_PADDING = 1.5;

export interface ActivationGlyph {
  /** SVG path `d` of the curve, inside [0, width] × [0, height]; may have gaps where clipped. */
  readonly path: string;
  /** Pixel x of the vertical axis (x = 0), or null when 0 is outside the x domain. */
  readonly zeroX: number | null;
  /** Pixel y of the horizontal axis (y = 0); the y window always contains 0. */
  readonly zeroY: number;
  /** The y values the height shows, bottom to top. */
  readonly yDomain: readonly [number, number];
}

type Point = [number, number];
/** A break in the polyline: d3.line leaves a gap at points that are not `defined`. */
const GAP: Point = [NaN, NaN];

/**
 * The y values a glyph shows: the curve's observed extent over the x domain, always
 * including 0 (so the axis is there to read against), clamped to ±max|x|. Why the clamp:
 * square reaches 16 on [-4, 4] and would flatten into a thin U; no steeper than the diagonal,
 * the glyph stays a recognisable parabola that leaves through the top.
 */
export function yWindow(ys: Float64Array, xDomain: readonly [number, number]): [number, number] {
  const limit = Math.max(Math.abs(xDomain[0]), Math.abs(xDomain[1]), 1);
  let lo = 0;
  let hi = 0;
  for (const y of ys) {
    if (!Number.isFinite(y)) continue;
    if (y < lo) lo = y;
    if (y > hi) hi = y;
  }
  lo = Math.max(lo, -limit);
  hi = Math.min(hi, limit);
  if (hi - lo < 1e-9) return [lo - 1, hi + 1];
  return [lo, hi];
}

/**
 * The sampled curve cut to the band lo ≤ y ≤ hi: each segment is clipped to the band, with
 * GAP entries where the curve leaves it, so nothing is drawn outside the glyph's box.
 */
function clipToBand(xs: Float64Array, ys: Float64Array, lo: number, hi: number): Point[] {
  const points: Point[] = [];
  let penDown = false;
  for (let i = 1; i < xs.length; i++) {
    const x0 = xs[i - 1] as number;
    const y0 = ys[i - 1] as number;
    const x1 = xs[i] as number;
    const y1 = ys[i] as number;
    let enter = 0;
    let exit = 1;
    const dy = y1 - y0;
    if (!Number.isFinite(y0) || !Number.isFinite(y1)) {
      enter = 1;
      exit = 0;
    } else if (dy === 0) {
      if (y0 < lo || y0 > hi) exit = 0;
    } else {
      const tLo = (lo - y0) / dy;
      const tHi = (hi - y0) / dy;
      enter = Math.max(0, Math.min(tLo, tHi));
      exit = Math.min(1, Math.max(tLo, tHi));
    }
    if (enter > exit) {
      if (penDown) points.push(GAP);
      penDown = false;
      continue;
    }
    if (!penDown || enter > 0) {
      if (penDown) points.push(GAP);
      points.push([x0 + enter * (x1 - x0), y0 + enter * dy]);
    }
    points.push([x0 + exit * (x1 - x0), y0 + exit * dy]);
    penDown = exit === 1;
    if (!penDown) points.push(GAP);
  }
  return points;
}

/**
 * Everything an activation glyph draws, for a `width` × `height` px box: the curve sampled
 * at CURVE_SAMPLES points of `xDomain`, scaled to the y window (see `yWindow`), and where
 * the two zero axes fall.
 */
export function activationGlyph(
  id: ActivationId,
  width: number,
  height: number,
  xDomain: readonly [number, number] = DEFAULT_X_DOMAIN,
  /** f itself, for an activation the tables do not hold (the custom f(x)). */
  value: ((x: number) => number) | null = null,
): ActivationGlyph {
  const code = activationCode(id);
  const [x0, x1] = xDomain;
  const xs = new Float64Array(CURVE_SAMPLES);
  const ys = new Float64Array(CURVE_SAMPLES);
  for (let i = 0; i < CURVE_SAMPLES; i++) {
    const x = x0 + ((x1 - x0) * i) / (CURVE_SAMPLES - 1);
    xs[i] = x;
    ys[i] = value ? value(x) : activate(code, x);
  }
  const yDomain = yWindow(ys, xDomain);
  const pad = Math.min(CURVE_PADDING, width / 4, height / 4);
  const xScale = scaleLinear()
    .domain([x0, x1])
    .range([pad, width - pad]);
  // SVG y grows downwards: the window's top (hi) goes to the top of the box.
  const yScale = scaleLinear()
    .domain(yDomain)
    .range([height - pad, pad]);
  const curve = line<Point>()
    .defined((point) => !Number.isNaN(point[1]))
    .x((point) => xScale(point[0]))
    .y((point) => yScale(point[1]));
  const path = curve(clipToBand(xs, ys, yDomain[0], yDomain[1])) ?? '';
  const zeroInX = Math.min(x0, x1) <= 0 && Math.max(x0, x1) >= 0;
  return { path, zeroX: zeroInX ? xScale(0) : null, zeroY: yScale(0), yDomain };
}
