import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type PlaygroundConfig } from '../config';
import type { CheckpointEvent, Frame, PongEvent, WorkerCommand, WorkerEvent } from './protocol';
import { SESSION_STATE_VERSION, type SessionState } from './sessionState';
import { CHECKPOINT_INTERVAL_MS, FRAME_INTERVAL_MS, Trainer } from './trainer';

const ADAM: PlaygroundConfig = { ...DEFAULT_CONFIG, optimizer: 'adam', batchSize: 7 };
const MOMENTUM: PlaygroundConfig = { ...DEFAULT_CONFIG, optimizer: 'momentum' };

/** A trainer on a fake clock, every posted event captured. */
function harness(config: PlaygroundConfig, generation = 1) {
  const events: WorkerEvent[] = [];
  let time = 0;
  const trainer = new Trainer(
    (event) => events.push(event),
    () => time,
  );
  const of = <T extends WorkerEvent['type']>(type: T) =>
    events.filter((e): e is Extract<WorkerEvent, { type: T }> => e.type === type);
  const h = {
    trainer,
    events,
    send(command: WorkerCommand) {
      trainer.handle(command);
    },
    advance(ms: number) {
      time += ms;
    },
    /** Runs slices, acknowledging every frame, until nothing is left to do. */
    settle() {
      trainer.handle({ type: 'frameDone' });
      for (let i = 0; i < 1000 && trainer.nextDelayMs() !== null; i++) {
        time += FRAME_INTERVAL_MS;
        trainer.runSlice(10);
        trainer.handle({ type: 'frameDone' });
      }
    },
    step(epochs: number) {
      trainer.handle({ type: 'step', epochs });
      h.settle();
    },
    frames: () => of('frame'),
    checkpoints: () => of('checkpoint'),
    lastFrame(): Frame {
      const frame = of('frame').at(-1);
      if (!frame) throw new Error('no frame');
      return frame;
    },
    lastCheckpoint(): CheckpointEvent {
      const checkpoint = of('checkpoint').at(-1);
      if (!checkpoint) throw new Error('no checkpoint');
      return checkpoint;
    },
  };
  h.send({ type: 'build', generation, config });
  h.settle();
  return h;
}

/** The numbers of a frame that training decides (the grid follows from the weights). */
function numbersOf(frame: Frame) {
  return {
    epoch: frame.epoch,
    weights: Array.from(frame.weights),
    biases: Array.from(frame.biases),
    trainLoss: frame.trainLoss,
    testLoss: frame.testLoss,
    preMin: Array.from(frame.preMin),
    preMax: Array.from(frame.preMax),
    meanAbsGradient: Array.from(frame.meanAbsGradient),
  };
}

describe('checkpoints', () => {
  for (const [name, config] of [
    ['Adam in batches of 7', ADAM],
    ['SGD with momentum', MOMENTUM],
  ] as const) {
    it(`continue bit for bit in a fresh trainer: N epochs, restore, M more equals N + M straight (${name})`, () => {
      const first = harness(config);
      first.step(13);
      const { state } = first.lastCheckpoint();
      expect(state.epoch).toBe(13);

      // Through JSON, as a saved file would carry it.
      const saved = JSON.parse(JSON.stringify(state)) as SessionState;
      const second = harness(config, 4);
      second.send({ type: 'restore', generation: 4, state: saved });
      second.settle();
      expect(second.lastFrame().epoch).toBe(13);
      expect(numbersOf(second.lastFrame())).toEqual(numbersOf(first.lastFrame()));
      second.step(9);

      const straight = harness(config);
      straight.step(22);
      expect(numbersOf(second.lastFrame())).toEqual(numbersOf(straight.lastFrame()));
      first.step(9);
      expect(numbersOf(first.lastFrame())).toEqual(numbersOf(straight.lastFrame()));
    });
  }

  it('continue as a patch would when the settings changed after the checkpoint', () => {
    const changed: PlaygroundConfig = { ...MOMENTUM, optimizer: 'adam', learningRate: 0.01 };
    const old = harness(MOMENTUM);
    old.step(5);
    const { state } = old.lastCheckpoint();
    old.send({ type: 'patch', config: changed });
    old.step(4);

    const restarted = harness(changed);
    restarted.send({ type: 'restore', generation: 1, state });
    restarted.step(4);
    expect(numbersOf(restarted.lastFrame())).toEqual(numbersOf(old.lastFrame()));
  });

  it('come about once a second while training runs, not with every frame', () => {
    const h = harness(DEFAULT_CONFIG);
    const before = h.checkpoints().length;
    h.send({ type: 'speed', epochsPerSecond: 60 });
    h.send({ type: 'run', running: true });
    for (let t = 0; t < 5000; t += FRAME_INTERVAL_MS) {
      h.advance(FRAME_INTERVAL_MS);
      h.trainer.runSlice(1);
      h.send({ type: 'frameDone' });
    }
    const during = h.checkpoints().length - before;
    expect(h.frames().length).toBeGreaterThan(100);
    expect(during).toBeGreaterThanOrEqual(Math.floor(5000 / CHECKPOINT_INTERVAL_MS) - 1);
    expect(during).toBeLessThanOrEqual(Math.ceil(5000 / CHECKPOINT_INTERVAL_MS) + 1);

    // Pausing settles the training: its last epoch is checkpointed at once.
    h.send({ type: 'run', running: false });
    h.settle();
    expect(h.lastCheckpoint().state.epoch).toBe(h.lastFrame().epoch);
  });

  it('follow a step and a hand-set weight at once, and nothing while nothing changes', () => {
    const h = harness(DEFAULT_CONFIG);
    h.step(1);
    expect(h.lastCheckpoint().state.epoch).toBe(1);
    const count = h.checkpoints().length;
    h.send({ type: 'setWeight', layer: 1, neuron: 0, from: 0, value: 0.75 });
    h.settle();
    expect(h.checkpoints().length).toBe(count + 1);
    expect(h.lastCheckpoint().state.weights[0]).toBe(0.75);
    h.send({ type: 'ping', id: 1 });
    h.settle();
    expect(h.checkpoints().length).toBe(count + 1);
  });

  it('hold plain numbers only, so they survive JSON unchanged', () => {
    const h = harness(ADAM);
    const atStart = h.lastCheckpoint().state;
    expect(atStart.epoch).toBe(0);
    expect(atStart.stats).toBeNull();
    h.step(2);
    const state = h.lastCheckpoint().state;
    expect(state.version).toBe(SESSION_STATE_VERSION);
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
    expect(state.shuffleRng).toHaveLength(4);
    expect([...state.order].sort((a, b) => a - b)).toEqual(
      Array.from({ length: state.order.length }, (_, i) => i),
    );
  });

  it('are refused when they do not fit, and the network stays as it was', () => {
    const h = harness(DEFAULT_CONFIG);
    h.step(3);
    const good = h.lastCheckpoint().state;
    const before = numbersOf(h.lastFrame());
    const bad: [SessionState, RegExp][] = [
      [{ ...good, weights: good.weights.slice(1) }, /weights has not/],
      [{ ...good, biases: good.biases.map(() => NaN) }, /biases holds a number that is not finite/],
      [{ ...good, sizes: [2, 3, 1] }, /layers of/],
      [{ ...good, order: good.order.map(() => 0) }, /order is not a permutation/],
      [{ ...good, shuffleRng: [0, 0, 0, 0] }, /shuffleRng/],
      [{ ...good, epoch: -1 }, /epoch is not a whole number/],
      [{ ...good, version: 2 as unknown as 1 }, /version 2/],
    ];
    for (const [state, message] of bad) {
      h.send({ type: 'restore', generation: 1, state });
      const failed = h.events.at(-1)?.type === 'failed' ? h.events.at(-1) : h.events.at(-2);
      expect(failed).toMatchObject({ type: 'failed', command: 'restore' });
      expect(failed?.type === 'failed' && failed.message).toMatch(message);
    }
    h.send({ type: 'restore', generation: 2, state: good });
    expect(h.events.some((e) => e.type === 'failed' && /network 2/.test(e.message))).toBe(true);
    h.settle();
    expect(numbersOf(h.lastFrame())).toEqual(before);
  });
});

describe('heartbeat', () => {
  it('answers a ping at once with its id, the generation, the epoch and whether work is due', () => {
    const events: WorkerEvent[] = [];
    const trainer = new Trainer(
      (event) => events.push(event),
      () => 0,
    );
    const pongs = () => events.filter((e): e is PongEvent => e.type === 'pong');
    trainer.handle({ type: 'ping', id: 1 });
    expect(pongs().at(-1)).toEqual({ type: 'pong', id: 1, generation: -1, epoch: 0, busy: false });
    trainer.handle({ type: 'build', generation: 5, config: DEFAULT_CONFIG });
    trainer.handle({ type: 'step', epochs: 2 });
    trainer.handle({ type: 'ping', id: 2 });
    expect(pongs().at(-1)).toEqual({ type: 'pong', id: 2, generation: 5, epoch: 0, busy: true });
    trainer.runSlice(1000);
    trainer.handle({ type: 'ping', id: 3 });
    expect(pongs().at(-1)).toEqual({ type: 'pong', id: 3, generation: 5, epoch: 2, busy: false });
  });
});
