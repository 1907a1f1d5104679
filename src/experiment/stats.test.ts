import { describe, expect, it } from 'vitest';
import {
  crossesZero,
  describeSample,
  mean,
  median,
  pairedDifference,
  quantileSorted,
  sampleSd,
  summarizeEpochsToTarget,
  tQuantile,
} from './stats';

describe('experiment statistics', () => {
  it('computes mean, sample sd (n − 1) and median by hand-checked values', () => {
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    // Squares of deviations 2.25 + 0.25 + 0.25 + 2.25 = 5, over n − 1 = 3.
    expect(sampleSd([1, 2, 3, 4])).toBeCloseTo(Math.sqrt(5 / 3), 14);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([5, 1, 3])).toBe(3);
    expect(mean([])).toBeNaN();
    expect(sampleSd([7])).toBeNaN();
  });

  it('takes quartiles by linear interpolation (type 7)', () => {
    // h = (n − 1) q: 0.75 and 2.25 for n = 4.
    expect(quantileSorted([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantileSorted([1, 2, 3, 4], 0.75)).toBe(3.25);
    expect(quantileSorted([10, 20, 30, 40, 50], 0.25)).toBe(20);
    expect(quantileSorted([1, 2, Infinity], 0.5)).toBe(2);
    expect(quantileSorted([1, 2, Infinity], 0.75)).toBe(Infinity);
  });

  it('takes t quantiles matching the tables', () => {
    expect(tQuantile(0.975, 1)).toBeCloseTo(12.7062047, 6);
    expect(tQuantile(0.975, 3)).toBeCloseTo(3.1824463, 6);
    expect(tQuantile(0.975, 9)).toBeCloseTo(2.2621572, 6);
    expect(tQuantile(0.975, 99)).toBeCloseTo(1.9842169, 6);
  });

  it('gives the 95% interval of a mean with the t-distribution', () => {
    // 2.5 ± 3.1824463 · sqrt(5/3) / 2 = 2.5 ± 2.0542603.
    const spread = describeSample([4, 2, 1, 3]);
    expect(spread).toMatchObject({ n: 4, mean: 2.5, median: 2.5, q1: 1.75, q3: 3.25 });
    expect(spread?.ciLow).toBeCloseTo(0.4457397, 6);
    expect(spread?.ciHigh).toBeCloseTo(4.5542603, 6);
    const one = describeSample([0.3]);
    expect(one).toMatchObject({ n: 1, mean: 0.3, median: 0.3 });
    expect(one?.sd).toBeNaN();
    expect(one?.ciLow).toBeNaN();
    expect(describeSample([])).toBeNull();
  });

  it('pairs seed by seed, skipping seeds missing on either side, and counts wins', () => {
    // Pairs (1, 0.5), (2, 2.5), (3, 2): differences −0.5, 0.5, −1; mean −1/3,
    // sd sqrt(7/12) = 0.7637626, half width 4.3026527 · 0.7637626 / sqrt(3) = 1.8972912.
    const paired = pairedDifference([1, 2, 3, null, 4], [0.5, 2.5, 2, 1, null], true);
    expect(paired.n).toBe(3);
    expect(paired.differences).toEqual([-0.5, 0.5, -1]);
    expect(paired.mean).toBeCloseTo(-1 / 3, 14);
    expect(paired.sd).toBeCloseTo(Math.sqrt(7 / 12), 14);
    expect(paired.ciLow).toBeCloseTo(-2.2306245, 6);
    expect(paired.ciHigh).toBeCloseTo(1.5639578, 6);
    expect(paired).toMatchObject({ wins: 2, losses: 1, ties: 0 });
    // For accuracies higher is better: the same differences win the other way round.
    expect(pairedDifference([1, 2, 3], [0.5, 2.5, 3], false)).toMatchObject({
      wins: 1,
      losses: 1,
      ties: 1,
    });
  });

  it('says an interval crosses zero when it holds zero or is unknown', () => {
    expect(crossesZero(-0.1, 0.2)).toBe(true);
    expect(crossesZero(0, 0.2)).toBe(true);
    expect(crossesZero(0.01, 0.2)).toBe(false);
    expect(crossesZero(-0.3, -0.2)).toBe(false);
    expect(crossesZero(NaN, NaN)).toBe(true);
  });

  it('summarises epochs to target with the runs that never reached it counted as last', () => {
    // Sorted 40, 50, 60, 90, never, never: h = 1.25, 2.5, 3.75.
    const summary = summarizeEpochsToTarget([90, null, 40, 60, null, 50]);
    expect(summary).toEqual({ runs: 6, reached: 4, q1: 52.5, median: 75, q3: null });
    expect(summarizeEpochsToTarget([null, null, 10])).toMatchObject({ reached: 1, median: null });
    expect(summarizeEpochsToTarget([])).toMatchObject({ runs: 0, reached: 0, median: null });
  });
});
