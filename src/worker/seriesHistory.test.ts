import { describe, expect, it } from 'vitest';
import { LossHistory } from './lossHistory';
import { SeriesHistory } from './seriesHistory';

describe('SeriesHistory', () => {
  it('keeps the same epochs as the loss history under the same thinning', () => {
    const series = new SeriesHistory(3, 8);
    const loss = new LossHistory(8);
    for (let e = 1; e <= 53; e++) {
      series.appendPoint(e, [e, 2 * e, 3 * e]);
      loss.appendPoint(e, e, e);
    }
    const view = series.view();
    expect([...view.epochs]).toEqual([...loss.view().epochs]);
    expect(view.length).toBeLessThanOrEqual(8);
    for (let i = 0; i < view.length; i++) {
      const epoch = view.epochs[i] as number;
      expect([...view.values.subarray(i * 3, i * 3 + 3)]).toEqual([epoch, 2 * epoch, 3 * epoch]);
    }
    // The newest point is always shown.
    expect(series.lastEpoch).toBe(53);
  });

  it('drains into fresh arrays another history appends in order', () => {
    const pending = new SeriesHistory(2);
    pending.appendPoint(1, [0.5, 0.25]);
    pending.appendPoint(2, [0.4, 0.2]);
    const drained = pending.drain();
    expect(pending.length).toBe(0);
    const whole = new SeriesHistory(2);
    whole.append(drained.epochs, drained.values);
    expect([...whole.view().values]).toEqual([0.5, 0.25, 0.4, 0.2]);
    whole.dropAfter(1);
    expect(whole.lastEpoch).toBe(1);
  });
});
