import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config';
import { checkDefinition } from './check';
import { type ExperimentDefinition } from './definition';
import type { ExperimentResults } from './experiment';
import type { RunOutcome } from './run';
import { meanCurve, summarize, sweepPoints } from './summary';
import { formatNumber, verdict } from './verdict';

function outcome(
  testLoss: number,
  options: { diverged?: boolean; toTarget?: number | null; curve?: number[] } = {},
): RunOutcome {
  const curve = options.curve ?? [1, testLoss];
  return {
    epochs: options.diverged ? 0 : curve.length - 1,
    testLossCurve: new Float64Array(options.diverged ? [1] : curve),
    final: { trainLoss: testLoss / 2, trainAccuracy: 0.9, testLoss, testAccuracy: 1 - testLoss },
    epochsToTarget: options.toTarget ?? null,
    diverged: options.diverged ? { epoch: 1, step: 7 } : null,
  };
}

function definition(seeds: number, names = ['All Tanh', 'Two sine']): ExperimentDefinition {
  return checkDefinition({
    base: { ...DEFAULT_CONFIG, dataset: 'spiral' },
    variants: names.map((name, i) => ({
      name,
      rule: i === 0 ? { kind: 'all', x: 'tanh' } : { kind: 'alternate', x: 'tanh', y: 'sin' },
    })),
    seeds: { first: 1, count: seeds },
    epochs: 1,
  }).definition;
}

function results(
  def: ExperimentDefinition,
  outcomes: (RunOutcome | undefined)[],
  status: ExperimentResults['status'] = 'complete',
): ExperimentResults {
  return { definition: def, outcomes, status, message: null, restarts: 0 };
}

describe('experiment summary', () => {
  const def = definition(4);
  // Variant 1's fourth seed diverged.
  const res = results(def, [
    outcome(0.5, { toTarget: 90, curve: [1, 0.8, 0.5] }),
    outcome(0.4, { toTarget: 40, curve: [1, 0.6, 0.4] }),
    outcome(0.6, { toTarget: null, curve: [1, 0.7, 0.6] }),
    outcome(0.5, { toTarget: 60, curve: [1, 0.9, 0.5] }),
    outcome(0.3, { toTarget: 20, curve: [1, 0.5, 0.3] }),
    outcome(0.35, { toTarget: 30, curve: [1, 0.5, 0.35] }),
    outcome(0.5, { toTarget: 50, curve: [1, 0.6, 0.5] }),
    outcome(9, { diverged: true, toTarget: 10 }),
  ]);
  const summary = summarize(res);
  const [first, second] = summary.variants;

  it('describes each variant’s final numbers over the runs that did not diverge', () => {
    expect(first?.testLoss?.mean).toBeCloseTo(0.5, 14);
    expect(first?.testLoss?.sd).toBeCloseTo(Math.sqrt(0.02 / 3), 14);
    expect(first?.trainLoss?.median).toBeCloseTo(0.25, 14);
    expect(second).toMatchObject({ finished: 4, diverged: 1, divergedSeeds: [4] });
    expect(second?.testLoss?.n).toBe(3);
    expect(second?.testLoss?.mean).toBeCloseTo(0.3833333, 6);
    expect(second?.dots.map((d) => d.seed)).toEqual([1, 2, 3]);
  });

  it('pairs final test losses seed by seed with the first variant, leaving out diverged seeds', () => {
    // Differences −0.2, −0.05, −0.1: mean −0.1166667, sd 0.0763763, half width 0.1897291.
    const d = second?.versusFirst;
    expect(d?.n).toBe(3);
    expect(d?.mean).toBeCloseTo(-0.1166667, 6);
    expect(d?.ciLow).toBeCloseTo(-0.3063958, 6);
    expect(d?.ciHigh).toBeCloseTo(0.0730624, 6);
    expect(d).toMatchObject({ wins: 3, losses: 0 });
    expect(first?.versusFirst).toBeNull();
    expect(second?.versusFirstAccuracy?.wins).toBe(3);
  });

  it('summarises epochs to target over every run, a diverged one counting only if it got there', () => {
    expect(first?.epochsToTarget).toEqual({ runs: 4, reached: 3, q1: 55, median: 75, q3: null });
    expect(second?.epochsToTarget).toMatchObject({ runs: 4, reached: 4, median: 25 });
  });

  it('averages the test-loss curves with a 95% band', () => {
    expect(Array.from(first?.curve?.mean ?? []).map((v) => Number(v.toFixed(6)))).toEqual([
      1, 0.75, 0.5,
    ]);
    expect(first?.curve?.low[0]).toBe(1);
    expect(second?.curve?.n).toBe(3);
    const curve = meanCurve([new Float64Array([2, 4]), new Float64Array([4, 8])]);
    // Epoch 1: mean 6, sd 2·sqrt(2), half width 12.7062047 · 2·sqrt(2) / sqrt(2) = 25.4124095.
    expect(curve?.high[1]).toBeCloseTo(6 + 25.4124095, 5);
    expect(meanCurve([])).toBeNull();
  });

  it('says "no clear difference" when the interval crosses zero, even if one side won every seed', () => {
    expect(verdict(summary)).toBe(
      'Over 3 seeds, no clear difference in final test loss between Two sine and All Tanh ' +
        '(mean difference \u22120.117, 95% CI \u22120.306 to 0.0731; lower on 3 of 3 seeds); ' +
        '1 run diverged and is left out (Two sine: 1).',
    );
  });

  it('names a clear difference with its size, interval and win count', () => {
    const a = [0.5, 0.6, 0.55, 0.5, 0.45];
    const gap = [0.1, 0.12, 0.09, 0.11, 0.1];
    const clear = results(definition(5), [
      ...a.map((v) => outcome(v)),
      ...a.map((v, i) => outcome(v - (gap[i] as number))),
    ]);
    expect(verdict(summarize(clear))).toBe(
      'Over 5 seeds, Two sine ended with a lower test loss than All Tanh ' +
        '(by 0.104 on average, 95% CI 0.0898 to 0.118; lower on 5 of 5 seeds).',
    );
  });

  it('labels partial results and will not compare on one seed', () => {
    const partial = results(
      def,
      [outcome(0.5), undefined, undefined, undefined, outcome(0.4)],
      'cancelled',
    );
    const s = summarize(partial);
    expect(s).toMatchObject({ partial: true, finished: 2, total: 8 });
    expect(verdict(s)).toBe(
      'Partial results (2 of 8 runs): Two sine cannot be compared with All Tanh on 1 seed alone.',
    );
    expect(verdict(summarize(results(def, [], 'cancelled')))).toBe(
      'Partial results (0 of 8 runs): No run has finished yet.',
    );
  });

  it('describes a single variant without comparing', () => {
    const one = definition(2, ['Only']);
    expect(verdict(summarize(results(one, [outcome(0.2), outcome(0.4)])))).toBe(
      'Over 2 seeds, Only ended with a mean test loss of 0.3, 95% CI \u22120.971 to 1.57.',
    );
  });

  it('gives a sweep’s points as final test loss against p', () => {
    const sweep = checkDefinition({
      base: DEFAULT_CONFIG,
      sweep: { x: 'tanh', y: 'silu', steps: 3 },
      seeds: { first: 1, count: 1 },
    }).definition;
    const points = sweepPoints(
      summarize(results(sweep, [outcome(0.3), outcome(0.2), outcome(0.1)])),
    );
    expect(points.map((p) => [p.p, p.spread?.mean])).toEqual([
      [0, 0.3],
      [0.5, 0.2],
      [1, 0.1],
    ]);
    expect(sweepPoints(summary)).toEqual([]);
  });

  it('formats numbers to three significant digits with a true minus', () => {
    expect(formatNumber(-0.041234)).toBe('\u22120.0412');
    expect(formatNumber(123456)).toBe('123000');
    expect(formatNumber(0.5)).toBe('0.5');
  });
});

describe('the verdict of several variants', () => {
  it('compares each with the first in one sentence of short clauses', () => {
    const def = definition(3, ['A', 'B', 'C']);
    const res = results(def, [
      outcome(0.5),
      outcome(0.6),
      outcome(0.7),
      outcome(0.4),
      outcome(0.5),
      outcome(0.6),
      outcome(0.6),
      outcome(0.5),
      outcome(0.9),
    ]);
    expect(verdict(summarize(res))).toBe(
      'Over 3 seeds, in final test loss against A: ' +
        'B is lower by 0.1 on average (95% CI 0.1 to 0.1; lower on 3 of 3 seeds); ' +
        'C shows no clear difference (mean difference 0.0667, 95% CI \u22120.313 to 0.446; ' +
        'lower on 1 of 3 seeds).',
    );
  });
});
