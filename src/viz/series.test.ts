import { describe, expect, it } from 'vitest';
import { positiveDomain, seriesColor, thinIndices } from './series';

describe('series helpers', () => {
  it('repeat colours past six', () => {
    expect(seriesColor(6)).toBe(seriesColor(0));
  });

  it('give a log domain over the positive finite values, at least a factor of ten wide', () => {
    expect(positiveDomain([0.001, 0.5, NaN, 0, -1, Infinity])).toEqual([0.001, 0.5]);
    const [lo, hi] = positiveDomain([0.2, 0.4]);
    expect(hi / lo).toBeCloseTo(10);
    expect(Math.sqrt(lo * hi)).toBeCloseTo(Math.sqrt(0.08));
    expect(positiveDomain([])).toEqual([1e-3, 1]);
    const [a, b] = positiveDomain([0.2, 0.4], 3);
    expect(b / a).toBeCloseTo(3);
  });

  it('thin long curves keeping both ends', () => {
    expect(thinIndices(5, 10)).toEqual([0, 1, 2, 3, 4]);
    const thin = thinIndices(5001, 500);
    expect(thin.length).toBeLessThanOrEqual(502);
    expect(thin[0]).toBe(0);
    expect(thin[thin.length - 1]).toBe(5000);
    expect(thinIndices(0, 10)).toEqual([]);
  });
});
