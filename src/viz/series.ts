/**
 * Colours and dashes that tell up to six series apart (an experiment's variants, the two sides
 * of a comparison): the Okabe–Ito palette, readable with the common colour-vision deficiencies,
 * and a dash pattern per series for a projector that washes colours out.
 */

export const SERIES_COLORS: readonly string[] = [
  '#0072b2',
  '#d55e00',
  '#009e73',
  '#cc79a7',
  '#e69f00',
  '#56b4e9',
];

/** SVG stroke-dasharray per series; the first is solid. */
export const SERIES_DASHES: readonly string[] = ['', '7 3', '2 3', '9 3 2 3', '4 4', '1 2'];

/** The colour of series `index` (repeating past six). */
export function seriesColor(index: number): string {
  return SERIES_COLORS[index % SERIES_COLORS.length] as string;
}

export function seriesDash(index: number): string {
  return SERIES_DASHES[index % SERIES_DASHES.length] as string;
}

/**
 * A log scale's domain over `values`: the smallest and largest positive finite values, widened
 * to at least a factor of `minRatio` so that a flat curve does not fill the chart; [1e-3, 1]
 * for none.
 */
export function positiveDomain(values: Iterable<number>, minRatio = 10): [number, number] {
  let lo = Infinity;
  let hi = 0;
  for (const v of values) {
    if (!Number.isFinite(v) || v <= 0) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (hi === 0) return [1e-3, 1];
  const middle = Math.sqrt(lo * hi);
  if (hi / lo < minRatio) return [middle / Math.sqrt(minRatio), middle * Math.sqrt(minRatio)];
  return [lo, hi];
}

/** Indices 0..length−1 thinned to at most `most` (first and last kept), for drawing long curves. */
export function thinIndices(length: number, most: number): number[] {
  const stride = Math.max(1, Math.ceil(length / Math.max(2, most)));
  const shown: number[] = [];
  for (let i = 0; i < length; i += stride) shown.push(i);
  if (length > 0 && shown[shown.length - 1] !== length - 1) shown.push(length - 1);
  return shown;
}
