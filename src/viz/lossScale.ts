/**
 * The loss chart's scale, robust to a divergence: a run that blew up to 4e227 before it was
 * put back must not flatten the rest of the curve into the bottom pixel for good. Non-finite
 * values never count; values above ABSURD_LOSS count only when nothing else is left; and a
 * spike above SPIKE_FACTOR times the median of the rest does not set the top (it is drawn
 * clamped at the top edge). So the scale follows the body of the curve, and recovers as soon
 * as training goes on from the last good state.
 */
import { format } from 'd3';

/** A loss above this is an overflow on its way, not a value to read off a chart. */
export const ABSURD_LOSS = 1e6;
/** A loss this many times above the median of the curve is a spike, not the scale. */
export const SPIKE_FACTOR = 1000;

/** The finite values of the series, each read up to `count`. */
function finiteValues(series: readonly ArrayLike<number>[], count: number): number[] {
  const values: number[] = [];
  for (const s of series) {
    for (let i = 0; i < Math.min(count, s.length); i++) {
      const v = s[i] as number;
      if (Number.isFinite(v) && v >= 0) values.push(v);
    }
  }
  return values;
}

/**
 * The [low, high] the loss axis should span for the first `count` values of `series`: low is
 * the smallest positive value kept (for a log scale), high the largest kept; [NaN, NaN] when
 * there is none.
 */
export function lossExtent(series: readonly ArrayLike<number>[], count: number): [number, number] {
  const all = finiteValues(series, count);
  const sane = all.filter((v) => v <= ABSURD_LOSS);
  const values = sane.length > 0 ? sane : all;
  if (values.length === 0) return [NaN, NaN];
  const sorted = [...values].sort((a, b) => a - b);
  const median = sorted[Math.floor((sorted.length - 1) / 2)] as number;
  const ceiling = median > 0 ? median * SPIKE_FACTOR : Infinity;
  let low = Infinity;
  let high = 0;
  for (const v of sorted) {
    if (v > ceiling) break;
    if (v > 0 && v < low) low = v;
    if (v > high) high = v;
  }
  return [Number.isFinite(low) ? low : NaN, high];
}

/**
 * A loss tick: plain below 1000 (0.25, not 250m), SI prefixes below a million (600k), an
 * exponent above (4e+227: d3's prefixes end at yotta and would print every digit after it).
 */
export function lossTick(value: number | { valueOf(): number }): string {
  const v = Number(value);
  const size = Math.abs(v);
  if (size >= 1e6) return format('.1~e')(v);
  return size >= 1000 ? format('.2~s')(v) : format('.2~g')(v);
}
