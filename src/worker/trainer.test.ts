import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type PlaygroundConfig } from '../config';
import { Rng } from '../nn';
import type { Frame, WorkerCommand, WorkerEvent } from './protocol';
import { MAX_SPEED_REST_MS } from './pacer';
import { FRAME_INTERVAL_MS, Trainer } from './trainer';

/** Momentum, so the optimizer state takes part in every determinism check. */
const CONFIG: PlaygroundConfig = { ...DEFAULT_CONFIG, optimizer: 'momentum' };
/** Hidden and output neurons of CONFIG: 4 + 2 hidden, 1 output. */
const NEURONS = 7;

/** A trainer on a fake clock that only moves when told, with every posted event captured. */
function harness() {
  const events: WorkerEvent[] = [];
  let time = 0;
  const trainer = new Trainer(
    (event) => events.push(event),
    () => time,
  );
  const frames = () => events.filter((e): e is Frame => e.type === 'frame');
  const h = {
    trainer,
    events,
    frames,
    lastFrame(): Frame {
      const all = frames();
      const last = all[all.length - 1];
      if (!last) throw new Error('no frame was posted');
      return last;
    },
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
      expect(trainer.nextDelayMs()).toBeNull();
    },
    build(config: PlaygroundConfig = CONFIG, generation = 1) {
      trainer.handle({ type: 'build', generation, config });
      h.settle();
    },
    step(epochs: number) {
      trainer.handle({ type: 'step', epochs });
      h.settle();
    },
  };
  return h;
}

describe('Trainer', () => {
  it('posts the data and then a frame with one image per hidden and output neuron after a build', () => {
    const h = harness();
    h.send({ type: 'build', generation: 3, config: CONFIG });
    const [data, frame] = h.events;
    expect(data?.type).toBe('data');
    if (data?.type !== 'data') return;
    expect(data.generation).toBe(3);
    expect(data.train.xyLabel.length + data.test.xyLabel.length).toBe(500 * 3);
    expect(data.train.xyLabel.length).toBe(250 * 3);
    expect(frame?.type).toBe('frame');
    if (frame?.type !== 'frame') return;
    expect(frame.generation).toBe(3);
    expect(frame.epoch).toBe(0);
    expect(frame.gridN).toBe(50);
    expect(frame.grid.length).toBe(NEURONS * 50 * 50);
    expect(frame.grid.every(Number.isFinite)).toBe(true);
    expect(frame.preMin.length).toBe(6);
    expect(frame.historyEpochs).toEqual(new Float64Array([0]));
  });

  it('advances the epoch and changes the weights when stepping one epoch', () => {
    const h = harness();
    h.build();
    const before = h.lastFrame();
    h.step(1);
    const after = h.lastFrame();
    expect(after.epoch).toBe(1);
    expect(after.weights).not.toEqual(before.weights);
    expect(after.trainLoss).not.toBe(before.trainLoss);
    expect(after.meanAbsGradient.some((g) => g > 0)).toBe(true);
  });

  it('gives bit-identical numbers for stepping one epoch at a time with random timing as for stepping all at once', () => {
    const jitter = new Rng(7);
    const a = harness();
    a.build();
    for (let i = 0; i < 20; i++) {
      a.send({ type: 'speed', epochsPerSecond: jitter.next() < 0.5 ? null : 1 + jitter.int(100) });
      a.send({ type: 'step', epochs: 1 });
      for (let k = 0; k < 3; k++) {
        a.advance(jitter.int(40));
        a.trainer.runSlice(jitter.int(20));
        if (jitter.next() < 0.5) a.send({ type: 'frameDone' });
      }
    }
    a.settle();

    const b = harness();
    b.build();
    b.step(20);

    expect(a.lastFrame().epoch).toBe(20);
    expect(b.lastFrame().epoch).toBe(20);
    expect(a.lastFrame().weights).toEqual(b.lastFrame().weights);
    expect(a.lastFrame().biases).toEqual(b.lastFrame().biases);
    expect(a.lastFrame().trainLoss).toBe(b.lastFrame().trainLoss);
    expect(a.lastFrame().testLoss).toBe(b.lastFrame().testLoss);
  });

  it('gives the numbers of stepping when playing at changing speeds with random slices', () => {
    const jitter = new Rng(11);
    const a = harness();
    a.build();
    a.send({ type: 'run', running: true });
    while ((a.frames().at(-1)?.epoch ?? 0) < 25) {
      if (jitter.next() < 0.1) {
        a.send({
          type: 'speed',
          epochsPerSecond: jitter.next() < 0.5 ? null : 5 + jitter.int(500),
        });
      }
      a.advance(jitter.int(30));
      a.trainer.runSlice(jitter.int(15));
      if (jitter.next() < 0.3) a.send({ type: 'frameDone' });
    }
    a.send({ type: 'run', running: false });
    a.send({ type: 'frameDone' });
    a.settle();
    const played = a.lastFrame();
    expect(played.running).toBe(false);

    const b = harness();
    b.build();
    b.step(played.epoch);
    expect(b.lastFrame().weights).toEqual(played.weights);
    expect(b.lastFrame().trainLoss).toBe(played.trainLoss);
    expect(b.lastFrame().testLoss).toBe(played.testLoss);
  });

  it('sends every epoch of the loss history with the next frame when stepping while paused', () => {
    const h = harness();
    h.build();
    h.send({ type: 'step', epochs: 5 });
    h.advance(100);
    h.trainer.runSlice(1000);
    const frame = h.lastFrame();
    expect(frame.epoch).toBe(5);
    expect(Array.from(frame.historyEpochs)).toEqual([1, 2, 3, 4, 5]);
    expect(frame.historyTrainLoss.at(-1)).toBe(frame.trainLoss);
    expect(frame.historyTestLoss.at(-1)).toBe(frame.testLoss);
  });

  it('sends no frame until the last one is acknowledged', () => {
    const h = harness();
    h.send({ type: 'build', generation: 1, config: CONFIG });
    expect(h.frames()).toHaveLength(1);
    h.send({ type: 'step', epochs: 2 });
    h.advance(100);
    h.trainer.runSlice(1000);
    h.advance(100);
    h.trainer.runSlice(1000);
    expect(h.frames()).toHaveLength(1);
    expect(h.trainer.nextDelayMs()).toBeNull();
    h.send({ type: 'frameDone' });
    expect(h.frames()).toHaveLength(2);
    expect(h.lastFrame().epoch).toBe(2);
  });

  it('waits a display refresh between frames even when they are acknowledged at once', () => {
    const h = harness();
    h.build();
    h.advance(FRAME_INTERVAL_MS);
    h.send({ type: 'step', epochs: 1 });
    h.trainer.runSlice(10);
    h.send({ type: 'frameDone' });
    h.send({ type: 'setWeight', layer: 1, neuron: 0, from: 0, value: 0.5 });
    const count = h.frames().length;
    h.trainer.runSlice(10);
    expect(h.frames()).toHaveLength(count);
    expect(h.trainer.nextDelayMs()).toBe(FRAME_INTERVAL_MS);
    h.advance(FRAME_INTERVAL_MS);
    h.trainer.runSlice(10);
    expect(h.frames()).toHaveLength(count + 1);
  });

  it('keeps every weight when a patch changes one neuron’s activation, and redraws its image', () => {
    const h = harness();
    h.build();
    h.step(3);
    const before = h.lastFrame();
    const hidden = [['square', 'relu', 'sin', 'gaussian'], CONFIG.hidden[1] ?? []] as const;
    h.send({ type: 'patch', config: { ...CONFIG, hidden } });
    h.settle();
    const after = h.lastFrame();
    expect(after.epoch).toBe(3);
    expect(after.weights).toEqual(before.weights);
    expect(after.biases).toEqual(before.biases);
    const image = 50 * 50;
    expect(after.grid.subarray(0, image)).not.toEqual(before.grid.subarray(0, image));
    expect(after.grid.subarray(image, 2 * image)).toEqual(before.grid.subarray(image, 2 * image));
  });

  it('keeps the weights when a patch changes the learning rate, and trains with the new rate', () => {
    const patched = harness();
    patched.build();
    patched.step(2);
    const before = patched.lastFrame();
    patched.send({ type: 'patch', config: { ...CONFIG, learningRate: 0.3 } });
    patched.settle();
    expect(patched.lastFrame().weights).toEqual(before.weights);
    patched.step(1);

    const unpatched = harness();
    unpatched.build();
    unpatched.step(3);
    expect(unpatched.lastFrame().weights).not.toEqual(patched.lastFrame().weights);
  });

  it('goes back to the first weights and to epoch 0 on reset, under the new generation', () => {
    const h = harness();
    h.build();
    const first = h.lastFrame();
    h.step(4);
    h.send({ type: 'reset', generation: 2 });
    h.settle();
    const reset = h.lastFrame();
    expect(reset.generation).toBe(2);
    expect(reset.epoch).toBe(0);
    expect(reset.weights).toEqual(first.weights);
    h.step(4);
    const again = harness();
    again.build();
    again.step(4);
    expect(h.lastFrame().weights).toEqual(again.lastFrame().weights);
  });

  it('pauses, reports and puts back the last good weights when Square neurons diverge at learning rate 10', () => {
    const config: PlaygroundConfig = {
      ...CONFIG,
      dataset: 'reg-plane',
      hidden: [['square', 'square', 'tanh']],
      learningRate: 0.001,
    };
    const h = harness();
    h.build(config);
    h.step(2);
    h.send({ type: 'patch', config: { ...config, learningRate: 10 } });
    h.send({ type: 'run', running: true });
    h.settle();

    const diverged = h.events.find((e) => e.type === 'diverged');
    expect(diverged?.type).toBe('diverged');
    if (diverged?.type !== 'diverged') return;
    expect(diverged.epoch).toBe(3);
    expect(diverged.step).toBeGreaterThan(0);
    expect(diverged.hint).toContain('learning rate 10');
    expect(diverged.hint).toContain('Square');
    const frame = h.lastFrame();
    expect(frame.running).toBe(false);
    expect(frame.epoch).toBe(2);
    expect(frame.weights.every(Number.isFinite)).toBe(true);
    expect(Number.isFinite(frame.trainLoss)).toBe(true);

    const reference = harness();
    reference.build(config);
    reference.step(2);
    expect(frame.weights).toEqual(reference.lastFrame().weights);
    expect(frame.biases).toEqual(reference.lastFrame().biases);
  });

  it('reports an invalid build as failed and keeps answering with the previous network', () => {
    const h = harness();
    h.build();
    const tooWide = Array.from({ length: 17 }, () => 'tanh' as const);
    h.send({ type: 'build', generation: 2, config: { ...CONFIG, hidden: [tooWide] } });
    const failed = h.events.at(-1);
    expect(failed).toMatchObject({ type: 'failed', command: 'build' });
    if (failed?.type !== 'failed') return;
    expect(failed.message).toContain('hidden layer 1 is not a layer of 1 to 16 neurons');
    h.step(1);
    expect(h.lastFrame()).toMatchObject({ generation: 1, epoch: 1 });
  });

  it('shows a weight set by hand in the next frame', () => {
    const h = harness();
    h.build();
    h.send({ type: 'setWeight', layer: 2, neuron: 1, from: 3, value: 0.75 });
    h.settle();
    const frame = h.lastFrame();
    // Into layer 2 from the 4 units below: the block starts after layer 1's 4×2 weights.
    expect(frame.weights[4 * 2 + 1 * 4 + 3]).toBe(0.75);
  });

  it('refuses a weight of NaN with a failure and leaves the weights alone', () => {
    const h = harness();
    h.build();
    const before = h.lastFrame().weights;
    h.send({ type: 'setWeight', layer: 1, neuron: 0, from: 0, value: NaN });
    expect(h.events.at(-1)).toMatchObject({ type: 'failed', command: 'setWeight' });
    h.step(1);
    h.send({ type: 'reset', generation: 2 });
    h.settle();
    expect(h.lastFrame().weights).toEqual(before);
  });

  it('trains about as many epochs as the speed limit allows', () => {
    const h = harness();
    h.build();
    h.send({ type: 'speed', epochsPerSecond: 10 });
    h.send({ type: 'run', running: true });
    for (let t = 0; t < 1000; t += 50) {
      h.advance(50);
      h.trainer.runSlice(10);
      h.send({ type: 'frameDone' });
    }
    // One epoch at once on play, then ten over the second.
    expect(h.lastFrame().epoch).toBe(11);
    expect(h.lastFrame().epochsPerSecond).toBeGreaterThan(9);
    expect(h.lastFrame().epochsPerSecond).toBeLessThan(11);
    expect(h.trainer.nextDelayMs()).toBeGreaterThan(0);
  });

  it('goes idle when paused with nothing to send', () => {
    const h = harness();
    h.build();
    h.send({ type: 'run', running: true });
    h.advance(20);
    h.trainer.runSlice(5);
    // At Max the next slice comes after the rest that leaves the page room (pacer.ts).
    expect(h.trainer.nextDelayMs()).toBe(MAX_SPEED_REST_MS);
    h.send({ type: 'run', running: false });
    h.settle();
    expect(h.lastFrame()).toMatchObject({ running: false, epochsPerSecond: 0 });
    expect(h.trainer.runSlice(5)).toBe(false);
  });

  describe('divergence is found at the same epoch whatever the speed', () => {
    /** Trains `config` at Max until it diverges, on a clock that moves `tick` ms per read. */
    function divergeAt(config: PlaygroundConfig, tick: number) {
      const events: WorkerEvent[] = [];
      let time = 0;
      const trainer = new Trainer(
        (event) => events.push(event),
        () => (time += tick),
      );
      trainer.handle({ type: 'build', generation: 1, config });
      trainer.handle({ type: 'speed', epochsPerSecond: null });
      trainer.handle({ type: 'run', running: true });
      for (let i = 0; i < 2000 && !events.some((e) => e.type === 'diverged'); i++) {
        trainer.runSlice(5);
        trainer.handle({ type: 'frameDone' });
      }
      // Let the frame of the restored network go out, however slowly the clock moved.
      time += 1000;
      trainer.handle({ type: 'frameDone' });
      trainer.runSlice(5);
      const diverged = events.find((e) => e.type === 'diverged');
      const frames = events.filter((e): e is Frame => e.type === 'frame');
      // Slow clock: the chart samples every epoch. Fast clock: the measured speed is huge and
      // the chart samples one epoch in 1024, so only the decision rule can make them agree.
      return {
        diverged,
        last: frames.at(-1),
        chartEpochs: frames.flatMap((f) => [...f.historyEpochs]),
      };
    }

    it('when a step overflows (the ReLU plane at learning rate 10)', () => {
      const config: PlaygroundConfig = {
        ...DEFAULT_CONFIG,
        dataset: 'reg-plane',
        learningRate: 10,
        hidden: [
          ['relu', 'relu', 'relu', 'relu'],
          ['relu', 'relu'],
        ],
      };
      const slow = divergeAt(config, 50);
      const fast = divergeAt(config, 1e-3);
      expect(slow.diverged).toMatchObject({ type: 'diverged', epoch: 3, step: 163 });
      expect(fast.diverged).toEqual(slow.diverged);
      expect(fast.last?.weights).toEqual(slow.last?.weights);
      expect(slow.chartEpochs.length).toBeGreaterThan(fast.chartEpochs.length);
    });

    it('when only the test set overflows after an epoch (softplus, learning rate 10)', () => {
      const config: PlaygroundConfig = {
        ...DEFAULT_CONFIG,
        dataset: 'reg-gauss',
        learningRate: 10,
        batchSize: 30,
        hidden: [
          ['softplus', 'softplus', 'softplus'],
          ['softplus', 'softplus'],
        ],
      };
      const slow = divergeAt(config, 50);
      const fast = divergeAt(config, 1e-3);
      // 600 training points in batches of 30: 20 steps an epoch, and step 160 ends epoch 8,
      // so every step of the epoch was finite and the test set found it.
      expect(slow.diverged).toMatchObject({ type: 'diverged', epoch: 8, step: 160 });
      expect(fast.diverged).toEqual(slow.diverged);
      expect(fast.last?.weights).toEqual(slow.last?.weights);
    });
  });
});
