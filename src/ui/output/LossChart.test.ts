import { describe, expect, it } from 'vitest';
import { logTicks } from './LossChart';

describe('logTicks', () => {
  it('labels whole powers of ten only, never every 2..9 of a decade', () => {
    expect(logTicks(0.002, 0.9)).toEqual([0.01, 0.1]);
  });

  it('thins many decades to at most four labels', () => {
    const ticks = logTicks(1e-9, 10);
    expect(ticks.length).toBeLessThanOrEqual(4);
    expect(ticks[0]).toBe(1e-9);
  });

  it('gives the two ends when fewer than two powers of ten lie inside', () => {
    expect(logTicks(0.3, 0.8)).toEqual([0.3, 0.8]);
    expect(logTicks(0.5, 2)).toEqual([0.5, 2]);
  });

  it('gives nothing for a domain a log scale cannot have', () => {
    expect(logTicks(0, 1)).toEqual([]);
  });
});
