import { describe, expect, it } from 'vitest';
import { HISTORY_CAPACITY, PendingHistory } from './history';

describe('PendingHistory', () => {
  it('hands over every point once and then holds none', () => {
    const history = new PendingHistory();
    history.push(1, 0.5, 0.6);
    history.push(2, 0.4, 0.5);
    const first = history.drain();
    expect(Array.from(first.epochs)).toEqual([1, 2]);
    expect(Array.from(first.trainLoss)).toEqual([0.5, 0.4]);
    expect(Array.from(first.testLoss)).toEqual([0.6, 0.5]);
    expect(history.drain().epochs).toHaveLength(0);
  });

  it('thins to every other point, evenly spread and ending at the newest, when it fills up', () => {
    const history = new PendingHistory();
    const offered = HISTORY_CAPACITY * 3;
    for (let epoch = 1; epoch <= offered; epoch++) history.push(epoch, 1 / epoch, 2 / epoch);
    const { epochs, trainLoss } = history.drain();
    expect(epochs.length).toBeLessThanOrEqual(HISTORY_CAPACITY);
    expect(epochs.length).toBeGreaterThan(HISTORY_CAPACITY / 2);
    expect(epochs.at(-1)).toBe(offered);
    expect(epochs[0]).toBeLessThanOrEqual(4);
    const gaps = new Set(Array.from(epochs.subarray(1), (e, i) => e - (epochs[i] as number)));
    expect([...gaps]).toEqual([4]);
    expect(trainLoss.at(-1)).toBe(1 / offered);
  });

  it('keeps a forced point even while thinning skips others', () => {
    const history = new PendingHistory();
    for (let epoch = 1; epoch <= HISTORY_CAPACITY + 1; epoch++) history.push(epoch, 0, 0);
    history.push(HISTORY_CAPACITY + 2, 0, 0, true);
    expect(history.lastEpoch).toBe(HISTORY_CAPACITY + 2);
  });
});
