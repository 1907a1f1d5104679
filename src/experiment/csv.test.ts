import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config';
import { definitionFromFile, resultsCsv, resultsJson } from './csv';
import { checkDefinition } from './check';
import type { ExperimentResults } from './experiment';
import type { RunOutcome } from './run';

const DEFINITION = checkDefinition({
  base: DEFAULT_CONFIG,
  variants: [
    { name: 'All Tanh', rule: { kind: 'all', x: 'tanh' } },
    { name: 'Sine, "two"', rule: { kind: 'alternate', x: 'tanh', y: 'sin' } },
  ],
  seeds: { first: 7, count: 2 },
  epochs: 100,
}).definition;

function outcome(testLoss: number, diverged = false): RunOutcome {
  return {
    epochs: diverged ? 41 : 100,
    testLossCurve: new Float64Array(diverged ? 42 : 101),
    final: { trainLoss: 0.1, trainAccuracy: 0.96, testLoss, testAccuracy: 0.9 },
    epochsToTarget: diverged ? null : 35,
    diverged: diverged ? { epoch: 42, step: 1040 } : null,
  };
}

const RESULTS: ExperimentResults = {
  definition: DEFINITION,
  outcomes: [outcome(0.2), outcome(0.1 + 0.2), undefined, outcome(0, true)],
  status: 'cancelled',
  message: null,
  restarts: 0,
};

describe('result files', () => {
  it('writes one CSV row per finished run, diverged runs without final numbers', () => {
    expect(resultsCsv(RESULTS).split('\r\n')).toEqual([
      'variant,seed,epochs,final_train_loss,final_train_accuracy,final_test_loss,final_test_accuracy,epochs_to_target,diverged,diverged_at_epoch',
      'All Tanh,7,100,0.1,0.96,0.2,0.9,35,false,',
      'All Tanh,8,100,0.1,0.96,0.30000000000000004,0.9,35,false,',
      '"Sine, ""two""",8,41,,,,,,true,42',
      '',
    ]);
  });

  it('writes JSON with the definition, its link, the status and the runs, and reads the definition back', () => {
    const text = resultsJson(RESULTS);
    const file = JSON.parse(text);
    expect(file).toMatchObject({
      format: 'activation-playground-experiment',
      version: 1,
      status: 'cancelled',
      partial: true,
      definition: JSON.parse(JSON.stringify(DEFINITION)),
    });
    expect(file.link).toContain('&exp=variants:all(tanh)+alt(tanh,sin)@');
    expect(file.runs).toHaveLength(3);
    expect(file.runs[2]).toMatchObject({
      name: 'Sine, "two"',
      final: null,
      diverged: { epoch: 42 },
    });
    expect(file.summary[1]).toMatchObject({ name: 'Sine, "two"', finished: 1, diverged: 1 });
    expect(definitionFromFile(text)).toEqual({ ok: true, definition: DEFINITION, notes: [] });
  });

  it('refuses files that are not experiments, with a reason', () => {
    expect(definitionFromFile('{')).toEqual({ ok: false, problem: 'The file is not JSON.' });
    expect(definitionFromFile('{"format":"x"}')).toMatchObject({ ok: false });
    expect(definitionFromFile('{"format":"activation-playground-experiment","version":9}')).toEqual(
      {
        ok: false,
        problem: 'The file is of version 9; this page reads version 1.',
      },
    );
  });
});
