import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type PlaygroundConfig } from '../config';
import { DATASETS } from '../data';
import type { Frame, WorkerEvent } from './protocol';
import { StuckDetector, STUCK_SATURATED_EPOCHS, type StuckObservation } from './stuck';
import { Trainer } from './trainer';

const SQUARES = [
  ['square', 'square', 'square', 'square'],
  ['square', 'square'],
] as const;

/**
 * Trains `config` in the worker's Trainer on a fake clock at 60 epochs a second, frames
 * acknowledged at once, until `epochs` epochs or a pause; returns the events.
 */
function train(config: PlaygroundConfig, epochs: number): { events: WorkerEvent[]; epoch: number } {
  const events: WorkerEvent[] = [];
  let time = 0;
  const trainer = new Trainer(
    (event) => events.push(event),
    () => time,
  );
  trainer.handle({ type: 'build', generation: 1, config });
  trainer.handle({ type: 'speed', epochsPerSecond: 60 });
  trainer.handle({ type: 'run', running: true });
  let epoch = 0;
  for (let i = 0; i < 10_000 && epoch < epochs; i++) {
    time += 50;
    trainer.runSlice(10);
    trainer.handle({ type: 'frameDone' });
    const frames = events.filter((e): e is Frame => e.type === 'frame');
    epoch = frames[frames.length - 1]?.epoch ?? 0;
    if (events.some((e) => e.type === 'diverged')) break;
  }
  return { events, epoch };
}

function observation(epoch: number, over: Partial<StuckObservation> = {}): StuckObservation {
  return {
    epoch,
    trainLoss: 0.93,
    chanceLoss: 0.5,
    outputFlatShare: 1,
    learningRate: 10,
    ...over,
  };
}

describe('StuckDetector', () => {
  it('fires once an output has stayed saturated at a bad loss for enough epochs', () => {
    const detector = new StuckDetector();
    expect(detector.observe(observation(3))).toBeNull();
    const verdict = detector.observe(observation(3 + STUCK_SATURATED_EPOCHS));
    expect(verdict).toMatchObject({ rule: 'saturated', since: 3, share: 1 });
    // Once until reset.
    expect(detector.observe(observation(40))).toBeNull();
    detector.reset();
    expect(detector.observe(observation(50))).toBeNull();
  });

  it('never fires for a saturated output whose loss is far below chance (a confident, right fit)', () => {
    const detector = new StuckDetector();
    for (let e = 1; e < 500; e += 7) {
      expect(detector.observe(observation(e, { trainLoss: 0.01 }))).toBeNull();
    }
  });

  it('fires on a loss flat at chance level for many epochs at a high learning rate only', () => {
    const low = new StuckDetector();
    const high = new StuckDetector();
    let verdict = null;
    for (let e = 1; e <= 200; e += 5) {
      const o = { trainLoss: 0.5, outputFlatShare: 0.2 };
      expect(low.observe(observation(e, { ...o, learningRate: 0.3 }))).toBeNull();
      verdict ??= high.observe(observation(e, o));
    }
    expect(verdict).toMatchObject({ rule: 'chance', since: 1 });
  });
});

describe('the stuck run in the trainer', () => {
  it('pauses Square neurons at learning rate 10 on the circle and says why in words', () => {
    const { events } = train({ ...DEFAULT_CONFIG, hidden: SQUARES, learningRate: 10 }, 300);
    const stuck = events.find((e) => e.type === 'diverged');
    expect(stuck?.type === 'diverged' && stuck.headline).toMatch(/paused/);
    if (stuck?.type !== 'diverged') return;
    expect(stuck.hint).toMatch(
      /^The output neuron is saturated for 100% of examples since epoch \d+: the learning rate 10 is too high for Square neurons/,
    );
    const frames = events.filter((e): e is Frame => e.type === 'frame');
    expect(frames[frames.length - 1]?.running).toBe(false);
  });

  it.each(DATASETS.map((d) => d.id))(
    'raises no alarm on the default run of %s (300 epochs)',
    (dataset) => {
      const { events, epoch } = train({ ...DEFAULT_CONFIG, dataset }, 300);
      expect(events.filter((e) => e.type === 'diverged')).toEqual([]);
      expect(epoch).toBeGreaterThanOrEqual(300);
    },
  );
});
