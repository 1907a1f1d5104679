import { describe, expect, it, vi } from 'vitest';
import { FrameHub } from './frameHub';
import { FakeAnimationFrames, makeData, makeFrame } from './testFrames';

function setup() {
  const raf = new FakeAnimationFrames();
  const errors: unknown[] = [];
  const hub = new FrameHub({
    requestAnimationFrame: raf.request,
    reportError: (error) => errors.push(error),
  });
  return { raf, hub, errors };
}

describe('FrameHub generations', () => {
  it('stops showing the old network as soon as a rebuild is sent, and drops its late frames', () => {
    const { hub } = setup();
    hub.pushData(makeData(1));
    hub.pushFrame(makeFrame(1, 5));
    expect(hub.latestFrame?.epoch).toBe(5);
    hub.expectGeneration(2);
    expect(hub.latestFrame).toBeNull();
    expect(hub.latestData).toBeNull();
    const ack = vi.fn();
    expect(hub.pushFrame(makeFrame(1, 6), ack)).toBe(false);
    expect(ack).toHaveBeenCalledTimes(1);
    expect(hub.latestFrame).toBeNull();
    expect(hub.pushFrame(makeFrame(2, 0))).toBe(true);
    expect(hub.latestFrame?.generation).toBe(2);
  });

  it('ignores a generation it has already entered', () => {
    const { hub } = setup();
    hub.pushFrame(makeFrame(3, 1));
    hub.expectGeneration(3);
    expect(hub.latestFrame?.epoch).toBe(1);
  });
});

describe('FrameHub painting', () => {
  it('paints a frame in the next animation frame, not before', () => {
    const { raf, hub } = setup();
    const listener = vi.fn();
    hub.subscribe(listener);
    hub.pushFrame(makeFrame(1, 0));
    expect(listener).not.toHaveBeenCalled();
    raf.runFrame();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener).toHaveBeenCalledWith(hub);
  });

  it('coalesces frames between two refreshes into one paint of the newest', () => {
    const { raf, hub } = setup();
    const seen: number[] = [];
    hub.subscribe((h) => seen.push(h.latestFrame?.epoch ?? -1));
    hub.pushFrame(makeFrame(1, 1));
    hub.pushFrame(makeFrame(1, 2));
    hub.pushFrame(makeFrame(1, 3));
    expect(raf.pending).toBe(1);
    raf.runFrame();
    expect(seen).toEqual([3]);
  });

  it('acknowledges a frame after the listeners painted it, once per paint', () => {
    const { raf, hub } = setup();
    const order: string[] = [];
    hub.subscribe(() => order.push('paint'));
    hub.pushFrame(makeFrame(1, 1), () => order.push('ack 1'));
    hub.pushFrame(makeFrame(1, 2), () => order.push('ack 2'));
    expect(order).toEqual([]);
    raf.runFrame();
    expect(order).toEqual(['paint', 'ack 2']);
  });

  it('still acknowledges and paints the others when a listener throws', () => {
    const { raf, hub, errors } = setup();
    const boom = new Error('boom');
    const after = vi.fn();
    const ack = vi.fn();
    hub.subscribe(() => {
      throw boom;
    });
    hub.subscribe(after);
    hub.pushFrame(makeFrame(1, 1), ack);
    raf.runFrame();
    expect(errors).toEqual([boom]);
    expect(after).toHaveBeenCalledTimes(1);
    expect(ack).toHaveBeenCalledTimes(1);
  });

  it('paints when the data of a build arrives, without acknowledging anything', () => {
    const { raf, hub } = setup();
    const listener = vi.fn();
    hub.subscribe(listener);
    const data = makeData(1);
    expect(hub.pushData(data)).toBe(true);
    raf.runFrame();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(hub.latestData).toBe(data);
  });

  it('stops calling a listener once unsubscribed', () => {
    const { raf, hub } = setup();
    const listener = vi.fn();
    const unsubscribe = hub.subscribe(listener);
    unsubscribe();
    hub.pushFrame(makeFrame(1, 1));
    raf.runFrame();
    expect(listener).not.toHaveBeenCalled();
  });

  it('paints nothing after dispose', () => {
    const { raf, hub } = setup();
    const listener = vi.fn();
    hub.subscribe(listener);
    hub.pushFrame(makeFrame(1, 1));
    hub.dispose();
    raf.runFrame();
    expect(listener).not.toHaveBeenCalled();
  });
});

describe('FrameHub generations', () => {
  it('drops a frame of an older generation and acknowledges it at once', () => {
    const { raf, hub } = setup();
    hub.pushFrame(makeFrame(2, 5));
    const ack = vi.fn();
    expect(hub.pushFrame(makeFrame(1, 9), ack)).toBe(false);
    expect(ack).toHaveBeenCalledTimes(1);
    expect(hub.latestFrame?.epoch).toBe(5);
    expect(hub.isStale(1)).toBe(true);
    expect(hub.isStale(2)).toBe(false);
    raf.runFrame();
  });

  it('drops the data of an older generation', () => {
    const { hub } = setup();
    hub.pushData(makeData(3));
    expect(hub.pushData(makeData(2))).toBe(false);
    expect(hub.latestData?.generation).toBe(3);
  });

  it('clears the loss history and the old frame when a new generation begins', () => {
    const { hub } = setup();
    hub.pushFrame(makeFrame(1, 0, { history: [1, 2, 3] }));
    expect(hub.lossHistory().length).toBe(3);
    hub.pushData(makeData(2));
    expect(hub.lossHistory().length).toBe(0);
    expect(hub.latestFrame).toBeNull();
    hub.pushFrame(makeFrame(2, 1, { history: [1] }));
    expect(Array.from(hub.lossHistory().epochs)).toEqual([1]);
  });

  it('keeps the loss history up to the checkpoint and the last frame when a restarted worker continues', () => {
    const { hub } = setup();
    hub.pushFrame(makeFrame(1, 75, { history: [60, 65, 70, 75] }));
    hub.continueAs(2, 70);
    expect(Array.from(hub.lossHistory().epochs)).toEqual([60, 65, 70]);
    expect(hub.latestFrame?.epoch).toBe(75);
    expect(hub.isStale(1)).toBe(true);
    hub.pushData(makeData(2));
    hub.pushFrame(makeFrame(2, 72, { history: [71, 72] }));
    expect(Array.from(hub.lossHistory().epochs)).toEqual([60, 65, 70, 71, 72]);
    expect(hub.latestFrame?.generation).toBe(2);
  });

  it('keeps the loss points of coalesced frames', () => {
    const { hub } = setup();
    hub.pushFrame(makeFrame(1, 2, { history: [1, 2] }));
    hub.pushFrame(makeFrame(1, 4, { history: [3, 4] }));
    const history = hub.lossHistory();
    expect(Array.from(history.epochs)).toEqual([1, 2, 3, 4]);
    expect(history.trainLoss[3]).toBeCloseTo(1 / 5);
    expect(history.testLoss[3]).toBeCloseTo(1.1 / 5);
  });

  it('clears the history on request and repaints', () => {
    const { raf, hub } = setup();
    const listener = vi.fn();
    hub.subscribe(listener);
    hub.pushFrame(makeFrame(1, 2, { history: [1, 2] }));
    raf.runFrame();
    hub.clearHistory();
    expect(hub.lossHistory().length).toBe(0);
    raf.runFrame();
    expect(listener).toHaveBeenCalledTimes(2);
  });
});
