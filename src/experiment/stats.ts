/**
 * The statistics of an experiment, pure over plain numbers: mean, sample standard deviation,
 * median and quartiles, the 95% confidence interval of a mean, paired differences seed by
 * seed, and epochs to target. Student's t quantiles come from jstat (see `tQuantile`).
 */
import jStat from 'jstat';

/** Confidence of every interval reported. */
export const CONFIDENCE = 0.95;

/** Arithmetic mean; NaN for no values. */
export function mean(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Sample standard deviation (divisor n − 1); NaN for fewer than two values. */
export function sampleSd(values: readonly number[]): number {
  const n = values.length;
  if (n < 2) return NaN;
  const m = mean(values);
  let squares = 0;
  for (const v of values) squares += (v - m) * (v - m);
  return Math.sqrt(squares / (n - 1));
}

/**
 * The q-quantile of values sorted ascending, interpolating linearly between order statistics
 * (Hyndman and Fan's type 7, the default of R and NumPy). Values may be +Infinity (a run that
 * never reached its target): a quantile that lands on or beyond one is Infinity.
 */
export function quantileSorted(sorted: readonly number[], q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * q;
  const low = Math.floor(h);
  const below = sorted[low] as number;
  const fraction = h - low;
  // Why the test: 0 · Infinity is NaN, and an exact order statistic needs no neighbour.
  if (fraction === 0 || low + 1 >= n) return below;
  const above = sorted[low + 1] as number;
  if (!Number.isFinite(above)) return Infinity;
  return below + fraction * (above - below);
}

function ascending(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

/** Median (type 7: the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  return quantileSorted(ascending(values), 0.5);
}

/**
 * The p-quantile of Student's t-distribution with `df` degrees of freedom, from jstat's
 * `studentt.inv` (an inverse of the regularised incomplete beta function). Why jstat:
 * simple-statistics has no t quantile function, and writing one here would be a numerical
 * routine without an oracle. jstat agrees with R's `qt` to about 1e-8, far below the three
 * digits a page shows (qt(0.975, 9) = 2.262157163; jstat 2.262157158).
 */
export function tQuantile(p: number, df: number): number {
  return jStat.studentt.inv(p, df);
}

/** A sample described: size, centre, spread and the confidence interval of its mean. */
export interface Spread {
  readonly n: number;
  readonly mean: number;
  /** Sample standard deviation; NaN for one value. */
  readonly sd: number;
  readonly median: number;
  /** First and third quartiles (type 7); the interquartile range is q3 − q1. */
  readonly q1: number;
  readonly q3: number;
  /** 95% confidence interval of the mean (t with n − 1 degrees of freedom); NaN for one value. */
  readonly ciLow: number;
  readonly ciHigh: number;
}

/** Half the width of the 95% interval of a mean of n values with sample sd `sd`. */
export function intervalHalfWidth(sd: number, n: number): number {
  if (n < 2) return NaN;
  return (tQuantile((1 + CONFIDENCE) / 2, n - 1) * sd) / Math.sqrt(n);
}

/** Size, mean, sd, median, quartiles and 95% interval of the mean; null for no values. */
export function describeSample(values: readonly number[]): Spread | null {
  const n = values.length;
  if (n === 0) return null;
  const sorted = ascending(values);
  const m = mean(values);
  const sd = sampleSd(values);
  const half = intervalHalfWidth(sd, n);
  return {
    n,
    mean: m,
    sd,
    median: quantileSorted(sorted, 0.5),
    q1: quantileSorted(sorted, 0.25),
    q3: quantileSorted(sorted, 0.75),
    ciLow: m - half,
    ciHigh: m + half,
  };
}

/** How a variant compares with the reference seed by seed: differences other − reference. */
export interface PairedDifference {
  /** Seeds with a finished, finite value in both. */
  readonly n: number;
  readonly differences: readonly number[];
  readonly mean: number;
  readonly sd: number;
  readonly ciLow: number;
  readonly ciHigh: number;
  /** Seeds on which the other variant did better, worse, or exactly as well. */
  readonly wins: number;
  readonly losses: number;
  readonly ties: number;
}

/**
 * Paired differences `other[i] − reference[i]` over the seeds where both are numbers (null
 * marks a run that did not finish or diverged), with the 95% interval of their mean and the
 * number of seeds each side won.
 * @param lowerIsBetter true for losses, false for accuracies
 */
export function pairedDifference(
  reference: readonly (number | null)[],
  other: readonly (number | null)[],
  lowerIsBetter: boolean,
): PairedDifference {
  const differences: number[] = [];
  let wins = 0;
  let losses = 0;
  let ties = 0;
  reference.forEach((a, i) => {
    const b = other[i];
    if (a === null || b === null || b === undefined) return;
    if (!Number.isFinite(a) || !Number.isFinite(b)) return;
    const d = b - a;
    differences.push(d);
    if (d === 0) ties++;
    else if (d < 0 === lowerIsBetter) wins++;
    else losses++;
  });
  const n = differences.length;
  const m = mean(differences);
  const sd = sampleSd(differences);
  const half = intervalHalfWidth(sd, n);
  return { n, differences, mean: m, sd, ciLow: m - half, ciHigh: m + half, wins, losses, ties };
}

/** True when the interval holds zero (or is unknown): then there is no clear difference. */
export function crossesZero(low: number, high: number): boolean {
  return !(low > 0 || high < 0);
}

/** Epochs to the target over a variant's runs. */
export interface TargetSummary {
  readonly runs: number;
  /** Runs that met the target within the budget. */
  readonly reached: number;
  /**
   * Median and quartiles over all runs, a run that never reached it counting as later than
   * any that did (so they are not biased towards the lucky runs); null where that quantile
   * falls on runs that never reached the target.
   */
  readonly median: number | null;
  readonly q1: number | null;
  readonly q3: number | null;
}

/** Summary of epochs to target; `null` entries are runs that never reached it. */
export function summarizeEpochsToTarget(values: readonly (number | null)[]): TargetSummary {
  const sorted = ascending(values.map((v) => (v === null ? Infinity : v)));
  const at = (q: number): number | null => {
    const value = quantileSorted(sorted, q);
    return Number.isFinite(value) ? value : null;
  };
  return {
    runs: values.length,
    reached: values.filter((v) => v !== null).length,
    median: at(0.5),
    q1: at(0.25),
    q3: at(0.75),
  };
}
