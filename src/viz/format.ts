/**
 * Number formatting for readouts and tooltips. Widths stay steady while a number changes
 * every frame (no trimmed zeros), and anything that is not a number reads as a dash.
 */
import { formatLocale } from 'd3';

/** What a readout shows for NaN (no value yet, or regression accuracy). */
export const MISSING = '—';

/**
 * d3's default locale prints negatives with the typographic minus U+2212. Why not here: a
 * formatted weight is also the starting text of the weight editor, and Number('−0.5') is
 * NaN; the ASCII hyphen-minus parses.
 */
const locale = formatLocale({
  decimal: '.',
  thousands: ',',
  grouping: [3],
  currency: ['', ''],
  minus: '-',
});

const threeSignificant = locale.format('.3r');
const exponent = locale.format('.2e');
const threeDecimals = locale.format('.3f');

/** Below this (and above 0) a loss is shown with an exponent: 0.000012 reads as 1.20e-5. */
const TINY_LOSS = 1e-3;
/** From this up a loss is shown with an exponent too, instead of a long run of digits. */
const HUGE_LOSS = 1e5;

/** A loss to 3 significant digits: '0.123', '1.20e-5', '∞', '—' for NaN. */
export function formatLoss(x: number): string {
  if (Number.isNaN(x)) return MISSING;
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '-∞';
  const magnitude = Math.abs(x);
  if (magnitude !== 0 && (magnitude < TINY_LOSS || magnitude >= HUGE_LOSS)) return exponent(x);
  return threeSignificant(x);
}

/**
 * A weight or bias to 3 decimals: '0.500', '-1.235', '—' for NaN. A tiny negative prints
 * '0.000', not '-0.000' (d3-format drops the sign of a value that rounds to zero).
 */
export function formatWeight(x: number): string {
  if (Number.isNaN(x)) return MISSING;
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '-∞';
  return threeDecimals(x);
}

const percentFormats = new Map<number, (n: number) => string>();

/** A fraction as a percentage: formatPercent(0.975) is '97.5%'; '—' for NaN. */
export function formatPercent(fraction: number, digits = 1): string {
  if (!Number.isFinite(fraction)) return MISSING;
  let format = percentFormats.get(digits);
  if (format === undefined) {
    format = locale.format(`.${digits}%`);
    percentFormats.set(digits, format);
  }
  return format(fraction);
}
