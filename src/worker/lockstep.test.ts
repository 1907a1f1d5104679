import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type PlaygroundConfig } from '../config';
import { runOne } from '../experiment/run';
import { LockstepTrainer, lockstepProblem } from './lockstep';
import type { LockstepEvent, LockstepTarget, PairFrame } from './lockstepProtocol';
import { buildSession } from './session';
import { FRAME_INTERVAL_MS } from './trainer';

const TANH: PlaygroundConfig = {
  ...DEFAULT_CONFIG,
  dataset: 'spiral',
  seed: 4,
  optimizer: 'adam',
  learningRate: 0.01,
  hidden: [
    ['tanh', 'tanh', 'tanh', 'tanh'],
    ['tanh', 'tanh'],
  ],
};
const SINE: PlaygroundConfig = {
  ...TANH,
  hidden: [
    ['tanh', 'sin', 'tanh', 'sin'],
    ['tanh', 'tanh'],
  ],
};
const TARGET: LockstepTarget = { metric: 'testAccuracy', value: 0.7 };

/**
 * A trainer on a fake clock that moves `msPerSlice` between slices and `msPerRead` at every
 * reading; `settle` runs slices (answering every frame) until idle.
 */
function harness(budgetMs = 10, msPerSlice = FRAME_INTERVAL_MS, msPerRead = 0) {
  const events: LockstepEvent[] = [];
  let time = 0;
  const trainer = new LockstepTrainer(
    (event) => events.push(event),
    () => (time += msPerRead),
  );
  const frames = () => events.filter((e): e is PairFrame => e.type === 'pair');
  const settle = (maxSlices = 10_000) => {
    trainer.handle({ type: 'frameDone' });
    for (let i = 0; i < maxSlices && trainer.nextDelayMs() !== null; i++) {
      time += msPerSlice;
      trainer.runSlice(budgetMs);
      trainer.handle({ type: 'frameDone' });
    }
  };
  const last = () => {
    const all = frames();
    const frame = all[all.length - 1];
    if (!frame) throw new Error('no frame yet');
    return frame;
  };
  return { trainer, events, frames, settle, last, tick: (ms: number) => (time += ms) };
}

describe('lockstepProblem', () => {
  it('accepts two networks that differ in activations only', () => {
    expect(lockstepProblem(TANH, SINE)).toBeNull();
  });

  it('refuses other differences, which would break the pairing', () => {
    expect(lockstepProblem(TANH, { ...SINE, learningRate: 0.03 })).toContain('learningRate');
    expect(lockstepProblem(TANH, { ...SINE, seed: 5 })).toContain('seed');
    expect(lockstepProblem(TANH, { ...TANH, hidden: [['tanh']] })).toContain('layer sizes');
  });
});

describe('LockstepTrainer', () => {
  it('starts both sides from the same random draws (same initialisation family here)', () => {
    const a = buildSession(TANH, 1);
    const b = buildSession(SINE, 1);
    expect(Array.from(b.net.weights)).toEqual(Array.from(a.net.weights));
    expect(b.trainPoints).toEqual(a.trainPoints);
  });

  it('after k steps both sides are at epoch k with the numbers of one run each, bit for bit', () => {
    const k = 25;
    const h = harness();
    h.trainer.handle({ type: 'build', generation: 1, configs: [TANH, SINE], target: TARGET });
    h.settle();
    h.trainer.handle({ type: 'step', epochs: k });
    h.settle();
    const frame = h.last();
    expect(frame.epoch).toBe(k);
    expect(frame.running).toBe(false);
    const alone = [runOne(TANH, k, TARGET), runOne(SINE, k, TARGET)];
    frame.sides.forEach((side, i) => {
      const run = alone[i]!;
      expect(side.epoch).toBe(k);
      expect(side.trainLoss).toBe(run.final.trainLoss);
      expect(side.testLoss).toBe(run.final.testLoss);
      expect(side.testAccuracy).toBe(run.final.testAccuracy);
      expect(side.reachedAt).toBe(run.epochsToTarget);
    });
    expect(frame.sides[0].testLoss).not.toBe(frame.sides[1].testLoss);
  });

  it('shows both sides at the same epoch in every frame, whatever the slices and the clock', () => {
    const small: PlaygroundConfig = { ...DEFAULT_CONFIG, hidden: [['tanh', 'tanh']] };
    const mixed: PlaygroundConfig = { ...small, hidden: [['tanh', 'sin']] };
    for (const [budget, msPerSlice, msPerRead, speed] of [
      [0, 1, 0.5, null],
      [3, 5, 1, null],
      [10, 40, 0, 300],
      [10, 7, 0.25, 100],
    ] as const) {
      const h = harness(budget, msPerSlice, msPerRead);
      h.trainer.handle({ type: 'build', generation: 1, configs: [small, mixed], target: TARGET });
      h.trainer.handle({ type: 'speed', epochsPerSecond: speed });
      h.trainer.handle({ type: 'run', running: true });
      h.settle(40);
      h.trainer.handle({ type: 'run', running: false });
      h.settle();
      const frames = h.frames();
      expect(frames.length).toBeGreaterThan(3);
      for (const frame of frames) {
        expect(frame.sides.map((s) => s.epoch)).toEqual([frame.epoch, frame.epoch]);
      }
      // The loss history of both sides reaches the frame's epoch.
      const last = h.last();
      for (const side of last.sides) {
        expect(side.historyEpochs[side.historyEpochs.length - 1]).toBe(last.epoch);
      }
    }
  });

  it('reset goes back to epoch 0 with the weights of a fresh build', () => {
    const h = harness();
    h.trainer.handle({ type: 'build', generation: 1, configs: [TANH, SINE], target: TARGET });
    h.settle();
    const fresh = h.last();
    h.trainer.handle({ type: 'step', epochs: 5 });
    h.settle();
    h.trainer.handle({ type: 'reset', generation: 2 });
    h.settle();
    const reset = h.last();
    expect(reset.generation).toBe(2);
    expect(reset.epoch).toBe(0);
    expect(reset.sides.map((s) => s.testLoss)).toEqual(fresh.sides.map((s) => s.testLoss));
    expect(Array.from(reset.sides[1].grid)).toEqual(Array.from(fresh.sides[1].grid));
  });

  it('stops a side that diverges at its last good epoch, pauses, and trains the other on play', () => {
    const base: PlaygroundConfig = { ...DEFAULT_CONFIG, dataset: 'reg-plane', learningRate: 0.3 };
    const square: PlaygroundConfig = {
      ...base,
      hidden: [
        ['square', 'square', 'square', 'square'],
        ['square', 'square'],
      ],
    };
    const tanh: PlaygroundConfig = {
      ...base,
      hidden: [
        ['tanh', 'tanh', 'tanh', 'tanh'],
        ['tanh', 'tanh'],
      ],
    };
    const target: LockstepTarget = { metric: 'testLoss', value: 0.01 };
    const h = harness();
    h.trainer.handle({ type: 'build', generation: 1, configs: [tanh, square], target });
    h.settle();
    h.trainer.handle({ type: 'step', epochs: 3 });
    h.settle();
    const paused = h.last();
    expect(paused.running).toBe(false);
    expect(paused.epoch).toBe(1);
    expect(paused.sides[1].diverged?.epoch).toBe(1);
    expect(paused.sides[1].diverged?.hint).toMatch(/\w/);
    expect(paused.sides[1].epoch).toBe(0);
    expect(Number.isFinite(paused.sides[1].testLoss)).toBe(true);
    h.trainer.handle({ type: 'step', epochs: 4 });
    h.settle();
    const later = h.last();
    expect(later.epoch).toBe(5);
    expect(later.sides[0].epoch).toBe(5);
    expect(later.sides[0].testLoss).toBe(runOne(tanh, 5, target).final.testLoss);
    expect(later.sides[1].epoch).toBe(0);
  });

  it('refuses two networks that differ in more than activations, keeping what it had', () => {
    const h = harness();
    h.trainer.handle({ type: 'build', generation: 1, configs: [TANH, SINE], target: TARGET });
    h.trainer.handle({
      type: 'build',
      generation: 2,
      configs: [TANH, { ...SINE, batchSize: 3 }],
      target: TARGET,
    });
    const failed = h.events.find((e) => e.type === 'failed');
    expect(failed && 'message' in failed ? failed.message : '').toContain('batchSize');
    h.settle();
    expect(h.last().generation).toBe(1);
  });
});
