import { describe, expect, it } from 'vitest';
import { LossHistory } from './lossHistory';

describe('LossHistory', () => {
  function appendEpochs(history: LossHistory, from: number, to: number): void {
    const epochs = Float64Array.from({ length: to - from + 1 }, (_, i) => from + i);
    history.append(epochs, epochs, epochs);
  }

  it('grows past its first capacity', () => {
    const history = new LossHistory(10000);
    appendEpochs(history, 1, 1000);
    expect(history.length).toBe(1000);
    expect(history.view().epochs[999]).toBe(1000);
  });

  it('thins to evenly spaced points once full and stays bounded', () => {
    const history = new LossHistory(100);
    appendEpochs(history, 0, 9999);
    expect(history.length).toBeLessThanOrEqual(101);
    expect(history.length).toBeGreaterThan(40);
    const epochs = Array.from(history.view().epochs);
    const kept = epochs.slice(0, history.keepEvery === 1 ? epochs.length : -1);
    const gaps = new Set(kept.slice(1).map((e, i) => e - (kept[i] as number)));
    expect([...gaps]).toEqual([history.keepEvery]);
    expect(epochs[0]).toBe(0);
  });

  it('always ends at the newest point', () => {
    const history = new LossHistory(16);
    for (let e = 0; e < 500; e++) {
      appendEpochs(history, e, e);
      const view = history.view();
      expect(view.epochs[view.length - 1]).toBe(e);
    }
  });

  it('starts over at full resolution after clear', () => {
    const history = new LossHistory(16);
    appendEpochs(history, 0, 99);
    history.clear();
    expect(history.length).toBe(0);
    expect(history.keepEvery).toBe(1);
    appendEpochs(history, 0, 4);
    expect(Array.from(history.view().epochs)).toEqual([0, 1, 2, 3, 4]);
  });

  it('drops the points after an epoch and goes on from there', () => {
    const history = new LossHistory(8);
    for (let epoch = 0; epoch <= 20; epoch++) history.appendPoint(epoch, 1 / (1 + epoch), 0);
    const stride = history.keepEvery;
    const before = Array.from(history.view().epochs);
    history.dropAfter(12);
    const after = Array.from(history.view().epochs);
    expect(after).toEqual(before.filter((e) => e <= 12));
    expect(history.lastEpoch).toBeLessThanOrEqual(12);
    history.appendPoint(13, 0.1, 0);
    expect(history.lastEpoch).toBe(13);
    expect(history.keepEvery).toBe(stride);
    history.dropAfter(100);
    expect(history.lastEpoch).toBe(13);
  });

  it('refuses a capacity too small to thin', () => {
    expect(() => new LossHistory(2)).toThrow(RangeError);
  });
});

describe('LossHistory as the worker uses it', () => {
  it('hands over every point once and then holds none', () => {
    const history = new LossHistory(2048);
    history.appendPoint(1, 0.5, 0.6);
    history.appendPoint(2, 0.4, 0.5);
    const first = history.drain();
    expect(Array.from(first.epochs)).toEqual([1, 2]);
    expect(Array.from(first.trainLoss)).toEqual([0.5, 0.4]);
    expect(Array.from(first.testLoss)).toEqual([0.6, 0.5]);
    expect(history.drain().epochs).toHaveLength(0);
  });

  it('thins to evenly spread points ending at the newest when it fills up', () => {
    const capacity = 2048;
    const history = new LossHistory(capacity);
    const offered = capacity * 3;
    for (let epoch = 1; epoch <= offered; epoch++) history.appendPoint(epoch, 1 / epoch, 2 / epoch);
    expect(history.lastEpoch).toBe(offered);
    const { epochs, trainLoss } = history.drain();
    expect(epochs.length).toBeLessThanOrEqual(capacity + 1);
    expect(epochs.length).toBeGreaterThan(capacity / 2);
    expect(epochs.at(-1)).toBe(offered);
    const inner = epochs.subarray(0, -1);
    const gaps = new Set(Array.from(inner.subarray(1), (e, i) => e - (inner[i] as number)));
    expect(gaps.size).toBe(1);
    expect(trainLoss.at(-1)).toBe(1 / offered);
  });
});
