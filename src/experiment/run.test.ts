import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type PlaygroundConfig } from '../config';
import type { Frame, WorkerEvent } from '../worker/protocol';
import { FRAME_INTERVAL_MS, Trainer } from '../worker/trainer';
import { runOne } from './run';

/** The playground's Trainer on a fake clock, stepped `epochs` epochs; its last frame and events. */
function trainInPlayground(config: PlaygroundConfig, epochs: number) {
  const events: WorkerEvent[] = [];
  let time = 0;
  const trainer = new Trainer(
    (event) => events.push(event),
    () => time,
  );
  const settle = () => {
    trainer.handle({ type: 'frameDone' });
    for (let i = 0; i < 10_000 && trainer.nextDelayMs() !== null; i++) {
      time += FRAME_INTERVAL_MS;
      trainer.runSlice(10);
      trainer.handle({ type: 'frameDone' });
    }
  };
  trainer.handle({ type: 'build', generation: 1, config });
  settle();
  trainer.handle({ type: 'step', epochs });
  settle();
  const frames = events.filter((e): e is Frame => e.type === 'frame');
  const last = frames[frames.length - 1];
  if (!last) throw new Error('no frame');
  return { frame: last, events };
}

const SPIRAL: PlaygroundConfig = {
  ...DEFAULT_CONFIG,
  dataset: 'spiral',
  seed: 5,
  optimizer: 'adam',
  learningRate: 0.01,
  hidden: [
    ['tanh', 'sin', 'tanh', 'relu'],
    ['sin', 'tanh'],
  ],
};

describe('runOne', () => {
  it.each([
    ['the spiral with Adam', SPIRAL, 30],
    [
      'the default network with momentum',
      { ...DEFAULT_CONFIG, optimizer: 'momentum' as const },
      25,
    ],
    ['a regression set', { ...DEFAULT_CONFIG, dataset: 'reg-gauss' as const, seed: 3 }, 12],
  ])(
    'gives the numbers of the playground trained as many epochs, bit for bit, on %s',
    (_name, config, epochs) => {
      const run = runOne(config, epochs, { metric: 'testAccuracy', value: 2 });
      const { frame } = trainInPlayground(config, epochs);
      expect(frame.epoch).toBe(epochs);
      expect(run.epochs).toBe(epochs);
      expect(run.final.trainLoss).toBe(frame.trainLoss);
      expect(run.final.testLoss).toBe(frame.testLoss);
      expect(run.final.trainAccuracy).toBe(frame.trainAccuracy);
      expect(run.final.testAccuracy).toBe(frame.testAccuracy);
      expect(run.testLossCurve[epochs]).toBe(frame.testLoss);
      expect(run.diverged).toBeNull();
    },
  );

  it('records the test loss before training and after every epoch', () => {
    const run = runOne(SPIRAL, 5, { metric: 'testAccuracy', value: 0.99 });
    expect(run.testLossCurve).toHaveLength(6);
    expect(run.testLossCurve[0]).toBe(trainInPlayground(SPIRAL, 0).frame.testLoss);
    expect(run.testLossCurve[3]).toBe(trainInPlayground(SPIRAL, 3).frame.testLoss);
  });

  it('counts epochs to the target from 0 and gives null when the budget is not enough', () => {
    const reached = runOne(DEFAULT_CONFIG, 60, { metric: 'testAccuracy', value: 0.8 });
    expect(reached.epochsToTarget).not.toBeNull();
    const at = reached.epochsToTarget as number;
    expect(at).toBeGreaterThan(0);
    expect(
      runOne(DEFAULT_CONFIG, at, { metric: 'testAccuracy', value: 0.8 }).final.testAccuracy,
    ).toBeGreaterThanOrEqual(0.8);
    expect(
      runOne(DEFAULT_CONFIG, at - 1, { metric: 'testAccuracy', value: 0.8 }).epochsToTarget,
    ).toBeNull();
    expect(
      runOne(DEFAULT_CONFIG, 3, { metric: 'testAccuracy', value: 0 + 1e-9 }).epochsToTarget,
    ).toBe(0);
  });

  it('stops at the epoch the playground reports as diverged, with the numbers from before it', () => {
    const config: PlaygroundConfig = {
      ...DEFAULT_CONFIG,
      dataset: 'reg-plane',
      learningRate: 10,
      optimizer: 'momentum',
      hidden: [
        ['linear', 'linear', 'linear', 'linear'],
        ['square', 'square'],
      ],
    };
    const run = runOne(config, 200, { metric: 'testLoss', value: 0.01 });
    expect(run.diverged).not.toBeNull();
    const { epoch } = run.diverged as { epoch: number };
    const { frame, events } = trainInPlayground(config, 200);
    const event = events.find((e) => e.type === 'diverged');
    expect(event).toMatchObject({ type: 'diverged', epoch, step: run.diverged?.step });
    expect(run.epochs).toBe(epoch - 1);
    expect(frame.epoch).toBe(epoch - 1);
    expect(run.testLossCurve).toHaveLength(epoch);
    expect(run.final.testLoss).toBe(frame.testLoss);
    expect(run.final.trainLoss).toBe(frame.trainLoss);
  });
});
