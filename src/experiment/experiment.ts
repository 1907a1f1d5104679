/**
 * Running a whole experiment: its runs planned from the definition, spread over the pool,
 * and the results as they stand after every finished run. This is what the page calls.
 */
import { runCount, type ExperimentDefinition } from './definition';
import { planRuns, seedOf } from './plan';
import { runPool, type PoolStatus, type WorkerFactory } from './pool';
import type { RunOutcome } from './run';

/** An experiment's results so far; `complete` only when every run finished. */
export interface ExperimentResults {
  readonly definition: ExperimentDefinition;
  /** By run index: variant by variant, seed by seed within a variant (plan.ts `resultIndex`). */
  readonly outcomes: readonly (RunOutcome | undefined)[];
  readonly status: 'running' | PoolStatus;
  /** Why it stopped early (failed), or what went wrong and was mended (workers replaced). */
  readonly message: string | null;
  readonly restarts: number;
}

/** One finished run with its place in the experiment. */
export interface RunRecord {
  readonly variant: number;
  readonly seedIndex: number;
  readonly seed: number;
  readonly outcome: RunOutcome;
}

/** Runs that finished, in result order (variant by variant, seed by seed). */
export function finishedRuns(results: ExperimentResults): RunRecord[] {
  const count = results.definition.seeds.count;
  const records: RunRecord[] = [];
  results.outcomes.forEach((outcome, index) => {
    if (!outcome) return;
    const seedIndex = index % count;
    const seed = seedOf(results.definition, seedIndex);
    records.push({ variant: Math.floor(index / count), seedIndex, seed, outcome });
  });
  return records;
}

/** True when some runs are missing: the results of a cancelled or failed experiment. */
export function isPartial(results: ExperimentResults): boolean {
  return finishedRuns(results).length < runCount(results.definition);
}

export interface ExperimentOptions {
  readonly createWorker: WorkerFactory;
  /** Workers to use: `defaultPoolSize(cores)` in the page. */
  readonly workers: number;
  /** Called after every finished run (and worker replacement) with the results so far. */
  readonly onUpdate?: (results: ExperimentResults) => void;
}

export interface ExperimentHandle {
  /** Stops now, keeping the finished runs; `done` then resolves as cancelled. */
  cancel(): void;
  readonly done: Promise<ExperimentResults>;
}

/** Starts every run of `definition` (a checked one) on a pool of workers. */
export function startExperiment(
  definition: ExperimentDefinition,
  options: ExperimentOptions,
): ExperimentHandle {
  const outcomes: (RunOutcome | undefined)[] = Array.from(
    { length: runCount(definition) },
    () => undefined,
  );
  let message: string | null = null;
  let restarts = 0;
  const snapshot = (): ExperimentResults => ({
    definition,
    outcomes: [...outcomes],
    status: 'running',
    message,
    restarts,
  });
  const pool = runPool(planRuns(definition), {
    createWorker: options.createWorker,
    size: options.workers,
    onResult: (job, outcome) => {
      outcomes[job.index] = outcome;
      options.onUpdate?.(snapshot());
    },
    onRestart: (text, progress) => {
      message = text;
      restarts = progress.restarts;
      options.onUpdate?.(snapshot());
    },
  });
  const done = pool.done.then((result): ExperimentResults => ({
    definition,
    outcomes: result.outcomes,
    status: result.status,
    message: result.message ?? message,
    restarts: result.restarts,
  }));
  return { cancel: pool.cancel, done };
}
