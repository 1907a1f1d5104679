import { describe, expect, it } from 'vitest';
import { RateMeter } from './rateMeter';

describe('RateMeter', () => {
  it('measures epochs per second over the last second only', () => {
    const meter = new RateMeter();
    // 10 epochs a second for two seconds, then 100 a second for one.
    for (let t = 0; t <= 2000; t += 100) meter.record(t, t / 100);
    for (let t = 2100; t <= 3000; t += 100) meter.record(t, 20 + (t - 2000) / 10);
    expect(meter.rate(3000)).toBeCloseTo(100, 6);
  });

  it('measures a rate slower than one epoch a second from the last two samples', () => {
    const meter = new RateMeter();
    meter.record(0, 1);
    meter.record(2000, 2);
    expect(meter.rate(2000)).toBeCloseTo(0.5, 6);
  });

  it('reports 0 without two samples, and after being cleared', () => {
    const meter = new RateMeter();
    meter.record(0, 5);
    expect(meter.rate(10)).toBe(0);
    meter.record(100, 15);
    expect(meter.rate(100)).toBeCloseTo(100, 6);
    meter.clear();
    expect(meter.rate(100)).toBe(0);
  });
});
