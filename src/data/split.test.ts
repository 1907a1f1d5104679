import { describe, it, expect } from 'vitest';
import { Rng } from '../nn/rng';
import { splitTrainTest } from './split';

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('splitTrainTest', () => {
  it.each([
    [0.1, 500, 50],
    [0.5, 500, 250],
    [0.7, 301, 211],
    [0.9, 1200, 1080],
    [0.5, 7, 4],
    [0.3, 0, 0],
  ])('with ratio %s of %s points trains on %s', (ratio, n, trainCount) => {
    const { train, test } = splitTrainTest(range(n), ratio, new Rng(1));
    expect(train).toHaveLength(trainCount);
    expect(test).toHaveLength(n - trainCount);
  });

  it('uses every point exactly once across the two parts', () => {
    const points = range(500);
    const { train, test } = splitTrainTest(points, 0.6, new Rng(2));
    const trainSet = new Set(train);
    expect(test.some((p) => trainSet.has(p))).toBe(false);
    expect([...train, ...test].sort((a, b) => a - b)).toEqual(points);
  });

  it('shuffles, so the training part is not simply the first points', () => {
    const { train } = splitTrainTest(range(500), 0.5, new Rng(3));
    expect(train).not.toEqual(range(250));
    expect(Math.max(...train)).toBeGreaterThan(400);
  });

  it('leaves the input array as it was', () => {
    const points = range(50);
    splitTrainTest(points, 0.5, new Rng(4));
    expect(points).toEqual(range(50));
  });

  it('splits the same way for the same seed and differently for another', () => {
    const a = splitTrainTest(range(100), 0.5, new Rng(5));
    const b = splitTrainTest(range(100), 0.5, new Rng(5));
    const c = splitTrainTest(range(100), 0.5, new Rng(6));
    expect(b).toEqual(a);
    expect(c.train).not.toEqual(a.train);
  });

  it('rejects a ratio outside 0..1', () => {
    for (const ratio of [-0.1, 1.5, NaN]) {
      expect(() => splitTrainTest(range(10), ratio, new Rng(7))).toThrow(RangeError);
    }
  });
});
