import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, configFromHash } from '../config';
import { resultsCsv } from './csv';
import { checkDefinition } from './check';
import { startExperiment, finishedRuns, type ExperimentResults } from './experiment';
import { createInProcessWorker } from './inProcessWorker';
import { experimentFromHash, experimentToHash } from './link';
import { planRuns, runConfig, runHash } from './plan';
import { runOne } from './run';
import { summarize } from './summary';
import { verdict } from './verdict';

/** Squares on the plane at this rate diverge in the first epoch; tanh does not. */
const DIVERGING = checkDefinition({
  base: { ...DEFAULT_CONFIG, dataset: 'reg-plane', learningRate: 0.3, hidden: [['tanh', 'tanh']] },
  variants: [
    { name: 'All tanh', rule: { kind: 'all', x: 'tanh' } },
    { name: 'All square', rule: { kind: 'all', x: 'square' } },
  ],
  seeds: { first: 1, count: 3 },
  epochs: 5,
}).definition;

function run(definition = DIVERGING): Promise<ExperimentResults> {
  return startExperiment(definition, { createWorker: createInProcessWorker, workers: 2 }).done;
}

describe('an experiment from end to end', () => {
  it('counts diverged runs and reports them as diverged, never averaging them in', async () => {
    const results = await run();
    expect(results.status).toBe('complete');
    const summary = summarize(results);
    const [tanh, square] = summary.variants;
    expect(tanh).toMatchObject({ finished: 3, diverged: 0 });
    expect(square).toMatchObject({ finished: 3, diverged: 3, divergedSeeds: [1, 2, 3] });
    expect(square?.testLoss).toBeNull();
    expect(square?.curve).toBeNull();
    expect(Number.isFinite(tanh?.testLoss?.mean)).toBe(true);
    expect(verdict(summary)).toBe(
      'All square cannot be compared with All tanh: no seed finished both without diverging; ' +
        '3 runs diverged and are left out (All square: 3).',
    );
    const rows = resultsCsv(results).trim().split('\r\n');
    expect(rows.slice(4)).toEqual([
      'All square,1,0,,,,,,true,1',
      'All square,2,0,,,,,,true,1',
      'All square,3,0,,,,,,true,1',
    ]);
  });

  it('runs the same runs again from its link, with identical numbers', async () => {
    const first = await run();
    const parsed = experimentFromHash(experimentToHash(DIVERGING));
    expect(parsed.definition && planRuns(parsed.definition)).toEqual(planRuns(DIVERGING));
    const again = await run(parsed.definition ?? undefined);
    expect(again.outcomes).toEqual(first.outcomes);
  });

  it('gives each run a playground link that opens its configuration', async () => {
    const results = await run();
    const record = finishedRuns(results)[1];
    expect(record).toBeDefined();
    if (!record) return;
    const hash = runHash(DIVERGING, record.variant, record.seed);
    const { config, ignored } = configFromHash(hash);
    expect(ignored).toEqual([]);
    expect(config).toEqual(runConfig(DIVERGING, record.variant, record.seed));
    expect(runOne(config, DIVERGING.epochs, DIVERGING.target)).toEqual(record.outcome);
  });
});
