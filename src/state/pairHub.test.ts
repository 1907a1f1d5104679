import { describe, expect, it } from 'vitest';
import type { PairFrame, SideFrame } from '../worker/lockstepProtocol';
import { PairHub } from './pairHub';
import { FakeAnimationFrames } from './testFrames';

function side(epoch: number): SideFrame {
  return {
    epoch,
    trainLoss: 1 / (1 + epoch),
    testLoss: 1 / (1 + epoch),
    trainAccuracy: NaN,
    testAccuracy: NaN,
    grid: new Float32Array(0),
    historyEpochs: new Float64Array([epoch]),
    historyTrainLoss: new Float64Array([1 / (1 + epoch)]),
    historyTestLoss: new Float64Array([1 / (1 + epoch)]),
    reachedAt: null,
    diverged: null,
  };
}

function pair(generation: number, epoch: number): PairFrame {
  return {
    type: 'pair',
    generation,
    epoch,
    running: true,
    gridN: 0,
    sides: [side(epoch), side(epoch)],
    epochsPerSecond: 0,
  };
}

describe('PairHub', () => {
  it('paints once per refresh, the newest frame, keeping every history point', () => {
    const raf = new FakeAnimationFrames();
    const hub = new PairHub({ requestAnimationFrame: raf.request });
    const painted: number[] = [];
    const acks: number[] = [];
    hub.subscribe((h) => painted.push(h.latestFrame?.epoch ?? -1));
    hub.pushFrame(pair(1, 1), () => acks.push(1));
    hub.pushFrame(pair(1, 2), () => acks.push(2));
    raf.runFrame();
    expect(painted).toEqual([2]);
    expect(acks).toEqual([2]);
    expect(Array.from(hub.lossHistory(0).epochs)).toEqual([1, 2]);
    expect(Array.from(hub.lossHistory(1).epochs)).toEqual([1, 2]);
  });

  it('drops and answers frames of an older generation, and forgets the old history', () => {
    const raf = new FakeAnimationFrames();
    const hub = new PairHub({ requestAnimationFrame: raf.request });
    hub.pushFrame(pair(1, 5));
    hub.expectGeneration(2);
    expect(hub.latestFrame).toBeNull();
    expect(hub.lossHistory(0).length).toBe(0);
    let answered = false;
    expect(hub.pushFrame(pair(1, 6), () => (answered = true))).toBe(false);
    expect(answered).toBe(true);
    expect(hub.pushFrame(pair(2, 0))).toBe(true);
  });
});
