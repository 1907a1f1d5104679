/**
 * The results table in words and numbers, pure over an experiment's summary: one row per
 * variant, each cell a few short lines (mean ± sd, median, 95% interval) and the full number
 * it leads with, for the page's `data-value` (tests compare it with the CSV bit for bit).
 */
import {
  formatNumber,
  type ExperimentSummary,
  type PairedDifference,
  type Spread,
  type TargetSummary,
  type VariantSummary,
} from '../../experiment';

export interface ResultCell {
  /** Shown one under the other; the first is the cell's headline. */
  readonly lines: readonly string[];
  /** The headline's full-precision value, when it is one number. */
  readonly value?: number;
}

export interface ResultColumn {
  readonly key: string;
  readonly header: string;
  /** What the column means, for its header's title. */
  readonly help: string;
}

export interface ResultRow {
  readonly name: string;
  readonly cells: readonly ResultCell[];
}

const EMPTY: ResultCell = { lines: ['—'] };

/** A loss: three significant digits, true minus. */
const loss = formatNumber;

/** An accuracy (a fraction) as a percentage of three significant digits: "97.5%". */
function percent(fraction: number): string {
  return `${formatNumber(fraction * 100)}%`;
}

/**
 * A spread's cell: mean ± sd, median, 95% interval (the last two when they exist). The
 * interval is cut at the metric's bounds (a loss is never below 0, an accuracy never above
 * 100%): a t interval of a few bounded values can reach past them.
 */
export function spreadCell(
  spread: Spread | null,
  format: (v: number) => string,
  bounds: readonly [number, number] = [-Infinity, Infinity],
): ResultCell {
  if (!spread) return EMPTY;
  const { n, mean, sd, median, ciLow, ciHigh } = spread;
  const lines = [n >= 2 ? `${format(mean)} ± ${format(sd)}` : format(mean)];
  lines.push(`median ${format(median)}`);
  if (n >= 2) {
    const low = Math.max(bounds[0], ciLow);
    const high = Math.min(bounds[1], ciHigh);
    lines.push(`95% CI ${format(low)} to ${format(high)}`);
  }
  return { lines, value: mean };
}

const LOSS_BOUNDS = [0, Infinity] as const;
const ACCURACY_BOUNDS = [0, 1] as const;

function epochText(value: number | null): string {
  return value === null ? 'not reached' : formatNumber(value);
}

/**
 * Epochs to target: median, interquartile range and how many runs reached it. A run that never
 * reached it counts as later than any that did, so a median over fewer than half is "not
 * reached", and the count leads instead.
 */
export function targetCell(target: TargetSummary): ResultCell {
  if (target.runs === 0) return EMPTY;
  const reached = `${target.reached} of ${target.runs} reached`;
  if (target.reached === 0) return { lines: ['not reached', reached] };
  const iqr = target.q1 === null ? [] : [`IQR ${epochText(target.q1)} to ${epochText(target.q3)}`];
  if (target.median === null) return { lines: [reached, 'median not reached', ...iqr] };
  return { lines: [`median ${epochText(target.median)}`, ...iqr, reached], value: target.median };
}

/** A signed difference: "+0.012", "−0.084". */
function signed(value: number): string {
  return value > 0 ? `+${loss(value)}` : loss(value);
}

/** The paired difference of final test loss to the first variant. */
export function differenceCell(d: PairedDifference | null, isFirst: boolean): ResultCell {
  if (isFirst) return { lines: ['reference'] };
  if (!d || d.n === 0) return { lines: ['—', 'no seed to pair'] };
  if (d.n === 1) return { lines: [signed(d.mean), 'on 1 seed: no interval'], value: d.mean };
  return {
    lines: [
      signed(d.mean),
      `95% CI ${signed(d.ciLow)} to ${signed(d.ciHigh)}`,
      `lower on ${d.wins} of ${d.n} seeds`,
    ],
    value: d.mean,
  };
}

function divergedCell(variant: VariantSummary): ResultCell {
  if (variant.diverged === 0) return { lines: ['0'], value: 0 };
  const seeds = variant.divergedSeeds;
  return {
    lines: [
      String(variant.diverged),
      `${seeds.length === 1 ? 'seed' : 'seeds'} ${seeds.join(', ')}`,
    ],
    value: variant.diverged,
  };
}

/**
 * The columns after the variant's name, the ones a comparison turns on first (a narrow screen
 * scrolls to the rest); accuracy only for classification.
 */
export function resultColumns(summary: ExperimentSummary): ResultColumn[] {
  const classify = summary.kind !== 'regression';
  const spread = 'mean ± sd over the seeds that did not diverge; median; 95% CI of the mean';
  return [
    { key: 'runs', header: 'Runs', help: 'Runs finished of those planned (one per seed)' },
    { key: 'testLoss', header: 'Final test loss', help: spread },
    {
      key: 'versusFirst',
      header: 'Test loss vs first',
      help: 'Final test loss minus the first variant’s, seed by seed: mean, 95% CI, seeds where it was lower',
    },
    ...(classify ? [{ key: 'testAccuracy', header: 'Test accuracy', help: spread }] : []),
    {
      key: 'target',
      header: 'Epochs to target',
      help: 'Median and interquartile range of the first epoch that met the target; runs that never did count as latest',
    },
    {
      key: 'diverged',
      header: 'Diverged',
      help: 'Runs that diverged; they are left out of every mean',
    },
    { key: 'trainLoss', header: 'Final training loss', help: spread },
    ...(classify ? [{ key: 'trainAccuracy', header: 'Training accuracy', help: spread }] : []),
  ];
}

/** One row per variant, cells in the order of `resultColumns`. */
export function resultRows(summary: ExperimentSummary): ResultRow[] {
  const classify = summary.kind !== 'regression';
  return summary.variants.map((variant) => {
    const runs =
      variant.finished === variant.planned
        ? String(variant.finished)
        : `${variant.finished} of ${variant.planned}`;
    return {
      name: variant.name,
      cells: [
        { lines: [runs], value: variant.finished },
        spreadCell(variant.testLoss, loss, LOSS_BOUNDS),
        differenceCell(variant.versusFirst, variant.index === 0),
        ...(classify ? [spreadCell(variant.testAccuracy, percent, ACCURACY_BOUNDS)] : []),
        targetCell(variant.epochsToTarget),
        divergedCell(variant),
        spreadCell(variant.trainLoss, loss, LOSS_BOUNDS),
        ...(classify ? [spreadCell(variant.trainAccuracy, percent, ACCURACY_BOUNDS)] : []),
      ],
    };
  });
}

/** A duration for "time left": "about 40 s", "about 3 min", "about 1 h 5 min". */
export function formatDuration(ms: number): string {
  const seconds = Math.max(1, Math.round(ms / 1000));
  if (seconds < 60) return `about ${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `about ${minutes} min`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return `about ${hours} h${rest > 0 ? ` ${rest} min` : ''}`;
}

/** The progress bar's words: "3 of 20 runs, about 40 s left". */
export function progressText(finished: number, total: number, msLeft: number | null): string {
  const runs = `${finished} of ${total} ${total === 1 ? 'run' : 'runs'}`;
  if (finished >= total) return runs;
  return msLeft === null
    ? `${runs}, estimating the time left`
    : `${runs}, ${formatDuration(msLeft)} left`;
}
