/**
 * An experiment's results in numbers: per variant the final losses and accuracies (mean, sd,
 * median, quartiles, 95% interval), epochs to target, the paired difference to the first
 * variant seed by seed, the mean test-loss curve with its band and the per-seed final values.
 * Diverged runs are counted and listed, never averaged in. Pure over the results.
 */
import { datasetInfo, type TaskKind } from '../data';
import type { ExperimentDefinition } from './definition';
import { finishedRuns, isPartial, type ExperimentResults, type RunRecord } from './experiment';
import {
  describeSample,
  intervalHalfWidth,
  pairedDifference,
  summarizeEpochsToTarget,
  type PairedDifference,
  type Spread,
  type TargetSummary,
} from './stats';
import type { FinalNumbers } from './run';

/** Mean test loss per epoch (index 0 = untrained) with its 95% interval, over `n` runs. */
export interface Curve {
  readonly n: number;
  readonly mean: Float64Array;
  /** NaN where n < 2. */
  readonly low: Float64Array;
  readonly high: Float64Array;
}

/** One run's final test loss, for the dots beside the curves. */
export interface SeedDot {
  readonly seed: number;
  readonly testLoss: number;
  readonly testAccuracy: number;
}

export interface VariantSummary {
  readonly index: number;
  readonly name: string;
  readonly planned: number;
  /** Runs that finished (including those that diverged). */
  readonly finished: number;
  readonly diverged: number;
  readonly divergedSeeds: readonly number[];
  /** Over the finished runs that did not diverge; null when there are none. */
  readonly trainLoss: Spread | null;
  readonly testLoss: Spread | null;
  /** Null for regression, which has no accuracy. */
  readonly trainAccuracy: Spread | null;
  readonly testAccuracy: Spread | null;
  /** Over every finished run; a diverged run reached the target only if it did before. */
  readonly epochsToTarget: TargetSummary;
  /** Final test loss of this variant minus the first's, seed by seed; null for the first. */
  readonly versusFirst: PairedDifference | null;
  /** The same for test accuracy (classification only). */
  readonly versusFirstAccuracy: PairedDifference | null;
  readonly curve: Curve | null;
  readonly dots: readonly SeedDot[];
}

export interface ExperimentSummary {
  readonly definition: ExperimentDefinition;
  readonly kind: TaskKind;
  readonly variants: readonly VariantSummary[];
  readonly finished: number;
  readonly total: number;
  /** Some runs are missing (cancelled or failed, or still running). */
  readonly partial: boolean;
  readonly status: ExperimentResults['status'];
}

/** One point of a sweep's chart: final test loss against p, with its 95% interval. */
export interface SweepPoint {
  readonly p: number;
  readonly spread: Spread | null;
  readonly diverged: number;
}

/** Final test loss per seed index (null: missing or diverged), for pairing. */
function finalsBySeed(
  runs: readonly RunRecord[],
  seeds: number,
  pick: (final: FinalNumbers) => number,
): (number | null)[] {
  const values: (number | null)[] = Array.from({ length: seeds }, () => null);
  for (const run of runs) {
    if (!run.outcome.diverged) values[run.seedIndex] = pick(run.outcome.final);
  }
  return values;
}

/** Mean test-loss curve over runs that all trained the whole budget. */
export function meanCurve(curves: readonly Float64Array[]): Curve | null {
  const n = curves.length;
  const length = curves[0]?.length ?? 0;
  if (n === 0 || curves.some((c) => c.length !== length)) return null;
  const mean = new Float64Array(length);
  const low = new Float64Array(length);
  const high = new Float64Array(length);
  for (let e = 0; e < length; e++) {
    let sum = 0;
    for (const c of curves) sum += c[e] as number;
    const m = sum / n;
    let squares = 0;
    for (const c of curves) squares += ((c[e] as number) - m) ** 2;
    const half = intervalHalfWidth(Math.sqrt(squares / (n - 1)), n);
    mean[e] = m;
    low[e] = m - half;
    high[e] = m + half;
  }
  return { n, mean, low, high };
}

function summarizeVariant(
  definition: ExperimentDefinition,
  kind: TaskKind,
  index: number,
  runs: readonly RunRecord[],
  first: readonly RunRecord[],
): VariantSummary {
  const kept = runs.filter((run) => !run.outcome.diverged);
  const finals = kept.map((run) => run.outcome.final);
  const classify = kind !== 'regression';
  const seeds = definition.seeds.count;
  const pair = (pick: (final: FinalNumbers) => number, lowerIsBetter: boolean) =>
    index === 0
      ? null
      : pairedDifference(
          finalsBySeed(first, seeds, pick),
          finalsBySeed(runs, seeds, pick),
          lowerIsBetter,
        );
  return {
    index,
    name: definition.variants[index]?.name ?? `Variant ${index + 1}`,
    planned: seeds,
    finished: runs.length,
    diverged: runs.length - kept.length,
    divergedSeeds: runs.filter((run) => run.outcome.diverged).map((run) => run.seed),
    trainLoss: describeSample(finals.map((f) => f.trainLoss)),
    testLoss: describeSample(finals.map((f) => f.testLoss)),
    trainAccuracy: classify ? describeSample(finals.map((f) => f.trainAccuracy)) : null,
    testAccuracy: classify ? describeSample(finals.map((f) => f.testAccuracy)) : null,
    epochsToTarget: summarizeEpochsToTarget(runs.map((run) => run.outcome.epochsToTarget)),
    versusFirst: pair((f) => f.testLoss, true),
    versusFirstAccuracy: classify ? pair((f) => f.testAccuracy, false) : null,
    curve: meanCurve(kept.map((run) => run.outcome.testLossCurve)),
    dots: kept.map((run) => ({
      seed: run.seed,
      testLoss: run.outcome.final.testLoss,
      testAccuracy: run.outcome.final.testAccuracy,
    })),
  };
}

/** Every number the results page shows, from the results so far. */
export function summarize(results: ExperimentResults): ExperimentSummary {
  const { definition } = results;
  const kind = datasetInfo(definition.base.dataset).kind;
  const runs = finishedRuns(results);
  const byVariant = definition.variants.map((_, v) => runs.filter((run) => run.variant === v));
  const first = byVariant[0] ?? [];
  return {
    definition,
    kind,
    variants: byVariant.map((variantRuns, v) =>
      summarizeVariant(definition, kind, v, variantRuns, first),
    ),
    finished: runs.length,
    total: definition.variants.length * definition.seeds.count,
    partial: isPartial(results),
    status: results.status,
  };
}

/** A sweep's points (final test loss against p); empty when the experiment is no sweep. */
export function sweepPoints(summary: ExperimentSummary): SweepPoint[] {
  if (!summary.definition.sweep) return [];
  return summary.variants.map((variant) => {
    const rule = summary.definition.variants[variant.index]?.rule;
    return {
      p: rule?.kind === 'fraction' ? rule.p : NaN,
      spread: variant.testLoss,
      diverged: variant.diverged,
    };
  });
}
