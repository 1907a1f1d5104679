import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config';
import { Rng } from '../nn';
import { checkDefinition } from './check';
import { type ExperimentDefinition } from './definition';
import { startExperiment, finishedRuns } from './experiment';
import { createInProcessWorker } from './inProcessWorker';
import type { ExperimentCommand } from './messages';
import { planRuns, type RunJob } from './plan';
import { defaultPoolSize, runPool, type WorkerFactory, type WorkerHandlers } from './pool';
import type { RunOutcome } from './run';

const SMALL: ExperimentDefinition = checkDefinition({
  base: { ...DEFAULT_CONFIG, hidden: [['tanh', 'tanh', 'tanh']] },
  variants: [
    { name: 'tanh', rule: { kind: 'all', x: 'tanh' } },
    { name: 'one sine', rule: { kind: 'fraction', x: 'tanh', y: 'sin', p: 0.34 } },
    { name: 'relu', rule: { kind: 'all', x: 'relu' } },
  ],
  seeds: { first: 4, count: 3 },
  epochs: 4,
}).definition;

/** A made-up outcome that names its run, so tests can tell where every result went. */
function fakeOutcome(job: RunJob): RunOutcome {
  return {
    epochs: job.epochs,
    testLossCurve: new Float64Array([job.index]),
    final: { trainLoss: job.index, trainAccuracy: 1, testLoss: job.index, testAccuracy: 1 },
    epochsToTarget: null,
    diverged: null,
  };
}

interface FakeWorker {
  handlers: WorkerHandlers;
  commands: ExperimentCommand[];
  terminated: boolean;
}

/**
 * Workers that answer with fake outcomes after a random delay (so runs finish out of order),
 * unless `crashOn(job, attempt)` says this worker dies on that run instead.
 */
function fakeWorkers(seed: number, crashOn?: (job: RunJob, attempt: number) => boolean) {
  const rng = new Rng(seed);
  const workers: FakeWorker[] = [];
  const attempts = new Map<number, number>();
  const factory: WorkerFactory = (handlers) => {
    const fake: FakeWorker = { handlers, commands: [], terminated: false };
    workers.push(fake);
    return {
      send(command) {
        fake.commands.push(command);
        const { job } = command;
        const attempt = (attempts.get(job.index) ?? 0) + 1;
        attempts.set(job.index, attempt);
        setTimeout(() => {
          if (fake.terminated) return;
          if (crashOn?.(job, attempt)) handlers.onCrash('out of memory');
          else handlers.onEvent({ type: 'done', index: job.index, outcome: fakeOutcome(job) });
        }, rng.int(5));
      },
      terminate() {
        fake.terminated = true;
      },
    };
  };
  return { factory, workers };
}

describe('the experiment pool', () => {
  it('leaves one core to the page and uses at least one worker', () => {
    expect(defaultPoolSize(1)).toBe(1);
    expect(defaultPoolSize(2)).toBe(1);
    expect(defaultPoolSize(8)).toBe(7);
  });

  it('gives the same results, in the same order, with 1, 2 or 4 workers', async () => {
    const results = [];
    for (const workers of [1, 2, 4]) {
      const handle = startExperiment(SMALL, { createWorker: createInProcessWorker, workers });
      results.push(await handle.done);
    }
    const [one, two, four] = results;
    expect(one?.status).toBe('complete');
    expect(one?.outcomes.every((o) => o !== undefined)).toBe(true);
    expect(two?.outcomes).toEqual(one?.outcomes);
    expect(four?.outcomes).toEqual(one?.outcomes);
    expect(finishedRuns(one!).map((r) => [r.variant, r.seed])).toEqual([
      [0, 4],
      [0, 5],
      [0, 6],
      [1, 4],
      [1, 5],
      [1, 6],
      [2, 4],
      [2, 5],
      [2, 6],
    ]);
  });

  it('keeps results by run, not by the order runs finish in', async () => {
    const jobs = planRuns(SMALL);
    const finishOrder: number[] = [];
    const { factory } = fakeWorkers(3);
    const pool = runPool(jobs, {
      createWorker: factory,
      size: 4,
      onResult: (job) => finishOrder.push(job.index),
    });
    const outcome = await pool.done;
    expect(outcome.status).toBe('complete');
    expect(outcome.outcomes.map((o) => o?.final.testLoss)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(finishOrder).toHaveLength(9);
    expect(finishOrder).not.toEqual([...finishOrder].sort((a, b) => a - b));
  });

  it('starts runs seed by seed, every variant of a seed first', () => {
    expect(planRuns(SMALL).map((job) => [job.variant, job.seed])).toEqual([
      [0, 4],
      [1, 4],
      [2, 4],
      [0, 5],
      [1, 5],
      [2, 5],
      [0, 6],
      [1, 6],
      [2, 6],
    ]);
  });

  it('keeps the finished runs when cancelled, marks the results cancelled and stops every worker', async () => {
    const { factory, workers } = fakeWorkers(5);
    let handle: ReturnType<typeof startExperiment> | null = null;
    let seen = 0;
    handle = startExperiment(SMALL, {
      createWorker: factory,
      workers: 2,
      onUpdate: () => {
        seen++;
        if (seen === 4) handle?.cancel();
      },
    });
    const results = await handle.done;
    expect(results.status).toBe('cancelled');
    expect(results.outcomes.filter((o) => o !== undefined)).toHaveLength(4);
    expect(workers.every((w) => w.terminated)).toBe(true);
  });

  it('replaces a worker that dies and does its run again', async () => {
    const { factory, workers } = fakeWorkers(8, (job, attempt) => job.index === 4 && attempt === 1);
    const messages: string[] = [];
    const outcome = await runPool(planRuns(SMALL), {
      createWorker: factory,
      size: 2,
      onRestart: (message) => messages.push(message),
    }).done;
    expect(outcome.status).toBe('complete');
    expect(outcome.restarts).toBe(1);
    expect(outcome.outcomes.map((o) => o?.final.testLoss)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(workers).toHaveLength(3);
    expect(messages).toEqual([
      'A worker stopped (out of memory); run (variant 2, seed 5) is being done again.',
    ]);
  });

  it('gives up with a message when a run keeps killing its worker, keeping what finished', async () => {
    const { factory, workers } = fakeWorkers(9, (job) => job.index === 4);
    const outcome = await runPool(planRuns(SMALL), { createWorker: factory, size: 1 }).done;
    expect(outcome.status).toBe('failed');
    expect(outcome.message).toBe(
      'The experiment stopped: a worker died 3 times on run (variant 2, seed 5) (out of memory). ' +
        'The runs that finished are kept.',
    );
    // Seed-major order: runs 0, 3, 6 (seed 4) and 1 (variant 1, seed 5) came before it.
    expect(outcome.outcomes.flatMap((o, i) => (o ? [i] : []))).toEqual([0, 1, 3, 6]);
    expect(workers.every((w) => w.terminated)).toBe(true);
  });

  it('stops at once on a run that throws, since running it again gives the same error', async () => {
    const factory: WorkerFactory = (handlers) => ({
      send: ({ job }) =>
        setTimeout(() => handlers.onEvent({ type: 'error', index: job.index, message: 'bad' })),
      terminate: () => {},
    });
    const outcome = await runPool(planRuns(SMALL), { createWorker: factory, size: 2 }).done;
    expect(outcome.status).toBe('failed');
    expect(outcome.message).toBe('Run (variant 1, seed 4) failed: bad.');
  });

  it('fails with a message when workers cannot be created', async () => {
    const outcome = await runPool(planRuns(SMALL), {
      createWorker: () => {
        throw new Error('Workers are not allowed here');
      },
      size: 2,
    }).done;
    expect(outcome).toMatchObject({
      status: 'failed',
      message: 'Could not start a worker for the experiment: Workers are not allowed here',
    });
  });
});
