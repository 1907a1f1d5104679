import { describe, expect, it } from 'vitest';
import { lossExtent, lossTick } from './lossScale';

describe('lossExtent', () => {
  it('is set by the body of the curve, not by a divergence’s absurd values', () => {
    // Epochs before a divergence were put back, and training went on from there.
    const train = [0.9, 0.7, 0.6, 4e227, Infinity, NaN, 0.55, 0.5, 0.45];
    const test = [0.95, 0.75, 0.65, 1e180, Infinity, NaN, 0.6, 0.55, 0.5];
    expect(lossExtent([train, test], train.length)).toEqual([0.45, 0.95]);
  });

  it('ignores a spike far above the rest but keeps an honest high start', () => {
    expect(lossExtent([[64, 26, 14, 9, 6, 5, 4]], 7)).toEqual([4, 64]);
    expect(lossExtent([[0.5, 0.4, 900, 0.3, 0.3]], 5)).toEqual([0.3, 0.5]);
  });

  it('falls back to what there is when every value is absurd, and to NaN for none', () => {
    expect(lossExtent([[1e10, 2e10]], 2)).toEqual([1e10, 2e10]);
    expect(lossExtent([[NaN, Infinity]], 2)).toEqual([NaN, NaN]);
  });
});

describe('lossTick', () => {
  it('keeps labels short at every size', () => {
    expect(lossTick(0.25)).toBe('0.25');
    expect(lossTick(600000)).toBe('600k');
    expect(lossTick(4e227)).toBe('4e+227');
    for (const v of [1e9, 2e50, 4e227, 1.7e308]) expect(lossTick(v).length).toBeLessThanOrEqual(8);
  });
});
