import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../config';
import {
  definitionFromConfig,
  summarize,
  type ExperimentResults,
  type RunOutcome,
} from '../../experiment';
import {
  differenceCell,
  formatDuration,
  progressText,
  resultColumns,
  resultRows,
  spreadCell,
  targetCell,
} from './resultsTable';

function outcome(testLoss: number, epochsToTarget: number | null, diverged = false): RunOutcome {
  return {
    epochs: diverged ? 1 : 2,
    testLossCurve: new Float64Array(diverged ? [1, 0.9] : [1, 0.8, testLoss]),
    final: { trainLoss: testLoss / 2, trainAccuracy: 0.9, testLoss, testAccuracy: 0.85 },
    epochsToTarget,
    diverged: diverged ? { epoch: 2, step: 30 } : null,
  };
}

/** Two variants × three seeds; variant 2's seed 3 diverged. */
function results(): ExperimentResults {
  const definition = { ...definitionFromConfig(DEFAULT_CONFIG), seeds: { first: 1, count: 3 } };
  return {
    definition,
    outcomes: [
      outcome(0.3, 10),
      outcome(0.2, 20),
      outcome(0.1, null),
      outcome(0.25, 5),
      outcome(0.1, 8),
      outcome(NaN, null, true),
    ],
    status: 'complete',
    message: null,
    restarts: 0,
  };
}

describe('the results table', () => {
  it('has a row per variant, first cell its name, accuracy columns for classification', () => {
    const summary = summarize(results());
    const columns = resultColumns(summary);
    const rows = resultRows(summary);
    expect(rows.map((r) => r.name)).toEqual(['As set', 'All Tanh']);
    expect(columns.map((c) => c.header)).toEqual([
      'Runs',
      'Final test loss',
      'Test loss vs first',
      'Test accuracy',
      'Epochs to target',
      'Diverged',
      'Final training loss',
      'Training accuracy',
    ]);
    expect(rows.every((r) => r.cells.length === columns.length)).toBe(true);
  });

  it('shows mean ± sd, median and 95% interval, the mean in full as the value', () => {
    const [first] = resultRows(summarize(results()));
    const testLoss = first?.cells[1];
    expect(testLoss?.lines).toEqual(['0.2 ± 0.1', 'median 0.2', '95% CI 0 to 0.448']);
    expect(testLoss?.value).toBe((0.3 + 0.2 + 0.1) / 3);
    expect(first?.cells[3]?.lines[0]).toBe('85% ± 0%');
  });

  it('counts a diverged run, leaves it out of the means, and pairs the seeds that are left', () => {
    const [, second] = resultRows(summarize(results()));
    expect(second?.cells[0]?.lines).toEqual(['3']);
    expect(second?.cells[1]?.lines[0]).toBe('0.175 ± 0.106');
    expect(second?.cells[5]?.lines).toEqual(['1', 'seed 3']);
    expect(second?.cells[2]?.lines).toEqual([
      '−0.075',
      '95% CI −0.393 to +0.243',
      'lower on 2 of 2 seeds',
    ]);
  });

  it('says how many runs reached the target and counts those that did not as latest', () => {
    expect(targetCell({ runs: 3, reached: 2, median: 20, q1: 15, q3: null }).lines).toEqual([
      'median 20',
      'IQR 15 to not reached',
      '2 of 3 reached',
    ]);
    expect(targetCell({ runs: 3, reached: 1, median: null, q1: 30, q3: null }).lines).toEqual([
      '1 of 3 reached',
      'median not reached',
      'IQR 30 to not reached',
    ]);
    expect(targetCell({ runs: 2, reached: 0, median: null, q1: null, q3: null }).lines).toEqual([
      'not reached',
      '0 of 2 reached',
    ]);
  });

  it('leaves out what one value cannot give', () => {
    const one = {
      n: 1,
      mean: 0.5,
      sd: NaN,
      median: 0.5,
      q1: 0.5,
      q3: 0.5,
      ciLow: NaN,
      ciHigh: NaN,
    };
    expect(spreadCell(one, String).lines).toEqual(['0.5', 'median 0.5']);
    expect(spreadCell(null, String).lines).toEqual(['—']);
    expect(differenceCell(null, true).lines).toEqual(['reference']);
  });

  it('has no accuracy columns for regression', () => {
    const r = results();
    const base = { ...r.definition.base, dataset: 'reg-plane' as const };
    const summary = summarize({ ...r, definition: { ...r.definition, base } });
    expect(resultColumns(summary).map((c) => c.key)).not.toContain('testAccuracy');
    expect(resultRows(summary)[0]?.cells).toHaveLength(6);
  });
});

describe('progress words', () => {
  it('says the runs done and the time left', () => {
    expect(progressText(0, 20, null)).toBe('0 of 20 runs, estimating the time left');
    expect(progressText(5, 20, 42_000)).toBe('5 of 20 runs, about 42 s left');
    expect(progressText(20, 20, 0)).toBe('20 of 20 runs');
  });

  it('rounds durations to what a person reads', () => {
    expect(formatDuration(300)).toBe('about 1 s');
    expect(formatDuration(150_000)).toBe('about 3 min');
    expect(formatDuration(65 * 60_000)).toBe('about 1 h 5 min');
  });
});
