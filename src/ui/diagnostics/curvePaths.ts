/**
 * The paths of a neuron's curve-with-histogram, from one health pass: plain functions of the
 * numbers, so they are tested without a browser. d3 computes the scales and the line.
 */
import { line, scaleLinear } from 'd3';
import { CURVE_POINTS, HISTOGRAM_BINS, curveSpan, type NetworkHealth } from '../../nn';

export interface CurvePaths {
  /** The activation's curve over the span. */
  readonly curve: string;
  /** The histogram's bars, under the curve. */
  readonly bars: string;
  /** The flat regions, as shaded rectangles over the whole height. */
  readonly flat: string;
  /** The vertical line at pre-activation 0 (empty when 0 is outside the span). */
  readonly zero: string;
  /** The span drawn, [low, high]. */
  readonly span: readonly [number, number];
  /** Share of examples in the flat region (0 to 1). */
  readonly flatShare: number;
}

/** Height shares: the histogram takes the lower part, the curve the whole box above a margin. */
const HISTOGRAM_SHARE = 0.4;
const MARGIN = 3;

/** The paths of unit `unit` of `health` in a box `width` × `height`; null without data. */
export function curvePaths(
  health: NetworkHealth,
  unit: number,
  width: number,
  height: number,
): CurvePaths | null {
  const low = health.low[unit];
  const high = health.high[unit];
  if (low === undefined || high === undefined || !Number.isFinite(low) || !Number.isFinite(high)) {
    return null;
  }
  const span = curveSpan(low, high);
  const x = scaleLinear().domain(span).range([0, width]);
  const xs = (i: number) => span[0] + ((span[1] - span[0]) * i) / (CURVE_POINTS - 1);
  const values: number[] = [];
  for (let i = 0; i < CURVE_POINTS; i++) values.push(health.curve[unit * CURVE_POINTS + i] ?? NaN);
  const finite = values.filter(Number.isFinite);
  let lo = Math.min(...finite);
  let hi = Math.max(...finite);
  if (!(hi > lo)) {
    lo -= 0.5;
    hi += 0.5;
  }
  const y = scaleLinear()
    .domain([lo, hi])
    .range([height - MARGIN, MARGIN]);
  const curve =
    line<number>()
      .defined((v) => Number.isFinite(v))
      .x((_, i) => x(xs(i)))
      .y((v) => y(v))(values) ?? '';

  let most = 0;
  for (let b = 0; b < HISTOGRAM_BINS; b++) {
    most = Math.max(most, health.histogram[unit * HISTOGRAM_BINS + b] ?? 0);
  }
  const barWidth = width / HISTOGRAM_BINS;
  const barsHeight = height * HISTOGRAM_SHARE;
  let bars = '';
  for (let b = 0; b < HISTOGRAM_BINS && most > 0; b++) {
    const count = health.histogram[unit * HISTOGRAM_BINS + b] ?? 0;
    if (count === 0) continue;
    const h = Math.max(1, (count / most) * barsHeight);
    bars += `M${(b * barWidth + 0.5).toFixed(1)},${height}v${(-h).toFixed(1)}h${(barWidth - 1).toFixed(1)}v${h.toFixed(1)}Z`;
  }

  // Flat runs of curve points, each point standing for half a step either side.
  const step = width / (CURVE_POINTS - 1);
  let flat = '';
  for (let i = 0; i < CURVE_POINTS;) {
    if (health.curveFlat[unit * CURVE_POINTS + i] !== 1) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < CURVE_POINTS && health.curveFlat[unit * CURVE_POINTS + j + 1] === 1) j++;
    const left = Math.max(0, (i - 0.5) * step);
    const right = Math.min(width, (j + 0.5) * step);
    flat += `M${left.toFixed(1)},0H${right.toFixed(1)}V${height}H${left.toFixed(1)}Z`;
    i = j + 1;
  }
  const zero = span[0] < 0 && span[1] > 0 ? `M${x(0).toFixed(1)},0V${height}` : '';
  return { curve, bars, flat, zero, span, flatShare: health.flatShare[unit] ?? 0 };
}
