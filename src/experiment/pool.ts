/**
 * A pool of workers that runs an experiment's runs, one run per worker at a time, reporting
 * each result as it finishes. Workers come from an injected factory, so tests use in-process
 * or failing fakes and the benchmark uses Node worker threads.
 *
 * Results are kept by each run's index, never by the order they finish in, so the outcome is
 * the same with one worker or many. Cancelling stops every worker at once and keeps what had
 * finished. A worker that dies is replaced and its run started again; a run whose worker dies
 * MAX_ATTEMPTS times stops the experiment with a message.
 */
import type { ExperimentCommand, ExperimentEvent } from './messages';
import type { RunJob } from './plan';
import type { RunOutcome } from './run';

/** What a worker tells the pool. */
export interface WorkerHandlers {
  onEvent(event: ExperimentEvent): void;
  /** The worker died or could not start; it will send nothing more. */
  onCrash(reason: string): void;
}

/** The pool's view of a worker. */
export interface WorkerLike {
  send(command: ExperimentCommand): void;
  terminate(): void;
}

export type WorkerFactory = (handlers: WorkerHandlers) => WorkerLike;

/** Times one run is tried before the pool gives up on its workers. */
export const MAX_ATTEMPTS = 3;

/**
 * Workers for a machine with `cores` logical cores: all but one, which is left to the page,
 * and at least one.
 */
export function defaultPoolSize(cores: number): number {
  return Math.max(1, Math.floor(cores) - 1);
}

export type PoolStatus = 'complete' | 'cancelled' | 'failed';

export interface PoolProgress {
  readonly finished: number;
  readonly total: number;
  /** Workers replaced after dying. */
  readonly restarts: number;
}

export interface PoolOptions {
  readonly createWorker: WorkerFactory;
  /** Workers to start (at most one per run); `defaultPoolSize` in the page. */
  readonly size: number;
  /** Called with each run's result as it finishes. */
  readonly onResult?: (job: RunJob, outcome: RunOutcome, progress: PoolProgress) => void;
  /** Called when a worker died and its run is started again, with a sentence for the page. */
  readonly onRestart?: (message: string, progress: PoolProgress) => void;
  readonly maxAttempts?: number;
}

export interface PoolOutcome {
  /** By run index; undefined for runs that did not finish. */
  readonly outcomes: readonly (RunOutcome | undefined)[];
  readonly status: PoolStatus;
  /** Why the pool stopped early, for the page; null when complete or cancelled. */
  readonly message: string | null;
  readonly restarts: number;
}

export interface PoolHandle {
  /** Stops every worker now; finished runs are kept and `done` resolves as cancelled. */
  cancel(): void;
  readonly done: Promise<PoolOutcome>;
}

interface Slot {
  worker: WorkerLike | null;
  job: RunJob | null;
  alive: boolean;
}

/** Runs `jobs` (in this order as workers come free) and resolves with every outcome. */
export function runPool(jobs: readonly RunJob[], options: PoolOptions): PoolHandle {
  const pool = new Pool(jobs, options);
  return { cancel: () => pool.finish('cancelled', null), done: pool.done };
}

class Pool {
  readonly done: Promise<PoolOutcome>;
  private resolve!: (outcome: PoolOutcome) => void;
  private readonly outcomes: (RunOutcome | undefined)[];
  private readonly slots: Slot[] = [];
  /** Runs to start again after their worker died; before any new run. */
  private readonly retries: RunJob[] = [];
  private readonly attempts = new Map<number, number>();
  private next = 0;
  private finished = 0;
  private restarts = 0;
  /** Workers in a row that died before being given a run: they cannot start at all. */
  private idleDeaths = 0;
  private settled = false;

  constructor(
    private readonly jobs: readonly RunJob[],
    private readonly options: PoolOptions,
  ) {
    this.done = new Promise((resolve) => (this.resolve = resolve));
    const total = jobs.reduce((most, job) => Math.max(most, job.index + 1), 0);
    this.outcomes = Array.from({ length: total }, () => undefined);
    const size = Math.max(1, Math.min(Math.floor(options.size), jobs.length));
    if (jobs.length === 0) this.finish('complete', null);
    for (let i = 0; i < size && !this.settled; i++) this.startWorker();
  }

  private progress(): PoolProgress {
    return { finished: this.finished, total: this.jobs.length, restarts: this.restarts };
  }

  private startWorker(): void {
    const slot: Slot = { worker: null, job: null, alive: true };
    this.slots.push(slot);
    let worker: WorkerLike;
    try {
      worker = this.options.createWorker({
        onEvent: (event) => this.onEvent(slot, event),
        onCrash: (reason) => this.onCrash(slot, reason),
      });
    } catch (error) {
      slot.alive = false;
      const reason = error instanceof Error ? error.message : String(error);
      this.finish('failed', `Could not start a worker for the experiment: ${reason}`);
      return;
    }
    // It may have died while starting (onCrash already replaced it).
    if (!slot.alive || this.settled) return worker.terminate();
    slot.worker = worker;
    this.dispatch(slot);
  }

  /** Gives the slot its next run, or finishes the pool when nothing is left anywhere. */
  private dispatch(slot: Slot): void {
    if (this.settled || !slot.alive || !slot.worker) return;
    const job = this.retries.shift() ?? this.jobs[this.next++];
    if (!job) {
      slot.job = null;
      if (this.slots.every((s) => !s.alive || s.job === null)) this.finish('complete', null);
      return;
    }
    slot.job = job;
    this.attempts.set(job.index, (this.attempts.get(job.index) ?? 0) + 1);
    slot.worker.send({ type: 'run', job });
  }

  private onEvent(slot: Slot, event: ExperimentEvent): void {
    const job = slot.job;
    // A late message from a replaced worker, or one about another run, changes nothing.
    if (this.settled || !slot.alive || !job || event.index !== job.index) return;
    if (event.type === 'error') {
      this.finish('failed', `Run ${describeJob(job)} failed: ${event.message.replace(/\.$/, '')}.`);
      return;
    }
    this.outcomes[job.index] = event.outcome;
    this.finished++;
    slot.job = null;
    this.options.onResult?.(job, event.outcome, this.progress());
    this.dispatch(slot);
  }

  private onCrash(slot: Slot, reason: string): void {
    if (this.settled || !slot.alive) return;
    slot.alive = false;
    slot.worker?.terminate();
    const job = slot.job;
    slot.job = null;
    this.restarts++;
    this.idleDeaths = job ? 0 : this.idleDeaths + 1;
    const max = this.options.maxAttempts ?? MAX_ATTEMPTS;
    if (this.idleDeaths >= max) {
      this.finish('failed', `The experiment's workers could not start (${reason}).`);
      return;
    }
    if (job) {
      if ((this.attempts.get(job.index) ?? 0) >= max) {
        this.finish(
          'failed',
          `The experiment stopped: a worker died ${max} times on run ${describeJob(job)} ` +
            `(${reason}). The runs that finished are kept.`,
        );
        return;
      }
      this.retries.push(job);
      this.options.onRestart?.(
        `A worker stopped (${reason}); run ${describeJob(job)} is being done again.`,
        this.progress(),
      );
    }
    // No replacement is needed once nothing is left to run.
    if (this.retries.length > 0 || this.next < this.jobs.length) this.startWorker();
    else if (this.slots.every((s) => !s.alive || s.job === null)) this.finish('complete', null);
  }

  finish(status: PoolStatus, message: string | null): void {
    if (this.settled) return;
    this.settled = true;
    for (const slot of this.slots) {
      if (slot.alive) slot.worker?.terminate();
      slot.alive = false;
    }
    this.resolve({ outcomes: [...this.outcomes], status, message, restarts: this.restarts });
  }
}

function describeJob(job: RunJob): string {
  return `(variant ${job.variant + 1}, seed ${job.seed})`;
}
