import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG, type PlaygroundConfig } from '../config';
import { createInProcessWorker } from '../experiment/inProcessWorker';
import { LockstepTrainer } from '../worker/lockstep';
import type { LockstepWorkerLike } from '../worker/lockstepClient';
import type { LockstepCommand } from '../worker/lockstepProtocol';
import { ComparisonController, defaultSides, sideConfig, sideName } from './comparison';
import { ExperimentController } from './experiment';
import { createPlaygroundStore } from './store';
import { FakeAnimationFrames } from './testFrames';

const NET: PlaygroundConfig = {
  ...DEFAULT_CONFIG,
  hidden: [
    ['tanh', 'tanh', 'tanh'],
    ['tanh', 'tanh'],
  ],
};

/** A lockstep worker in this thread: commands are handled and slices run at once. */
class InThreadWorker extends EventTarget implements LockstepWorkerLike {
  readonly commands: LockstepCommand[] = [];
  terminated = false;
  private time = 0;
  private readonly trainer = new LockstepTrainer(
    (event) => this.dispatchEvent(new MessageEvent('message', { data: event })),
    () => this.time,
  );
  postMessage(message: LockstepCommand): void {
    this.commands.push(message);
    this.trainer.handle(message);
    // Not running here: whatever is due (steps, a frame) is done before returning.
    for (let i = 0; i < 1000; i++) {
      const delay = this.trainer.nextDelayMs();
      if (delay === null) break;
      this.time += Math.max(delay, 1);
      this.trainer.runSlice(10);
    }
  }
  terminate(): void {
    this.terminated = true;
  }
}

function setup(config: PlaygroundConfig = NET) {
  const playground = createPlaygroundStore({ config, running: true });
  const experiment = new ExperimentController({ playground, createWorker: createInProcessWorker });
  const workers: InThreadWorker[] = [];
  const raf = new FakeAnimationFrames();
  const comparison = new ComparisonController({
    playground,
    experiment,
    createWorker: () => {
      const worker = new InThreadWorker();
      workers.push(worker);
      return worker;
    },
    requestAnimationFrame: raf.request,
  });
  /** Paints (which answers the frame) until the worker sends nothing more. */
  const paint = () => {
    for (let i = 0; i < 50 && raf.pending > 0; i++) raf.runFrame();
  };
  return { playground, experiment, comparison, workers, paint };
}

describe('the comparison’s sides', () => {
  it('default to the network as set against its first layer alternated with sine', () => {
    const [a, b] = defaultSides(NET);
    expect(sideName(a)).toBe('As set');
    expect(sideName(b)).toBe('Layer 1: Tanh and Sine alternating');
    expect(sideConfig(NET, b).hidden).toEqual([
      ['tanh', 'sin', 'tanh'],
      ['tanh', 'tanh'],
    ]);
    expect(sideConfig(NET, a)).toEqual(NET);
  });
});

describe('ComparisonController', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('opens on the playground’s network, pausing it, and steps both sides by one epoch', () => {
    const { playground, comparison, workers, paint } = setup();
    comparison.open();
    expect(playground.getState().running).toBe(false);
    const build = workers[0]?.commands.find((c) => c.type === 'build');
    expect(build && build.type === 'build' ? build.configs[1].hidden[0] : []).toEqual([
      'tanh',
      'sin',
      'tanh',
    ]);
    paint();
    expect(comparison.store.getState().readouts?.map((r) => r.epoch)).toEqual([0, 0]);
    comparison.step();
    paint();
    const state = comparison.store.getState();
    expect(state.epoch).toBe(1);
    expect(state.readouts?.map((r) => r.epoch)).toEqual([1, 1]);
    expect(comparison.hub?.lossHistory(0).length).toBeGreaterThan(0);
    expect(comparison.hub?.lossHistory(1).length).toBeGreaterThan(0);
  });

  it('starts again from epoch 0 when a side changes, and on reset', () => {
    const { comparison, paint } = setup();
    comparison.open();
    comparison.step(3);
    paint();
    expect(comparison.store.getState().epoch).toBe(3);
    comparison.setSide(1, { rule: { kind: 'all', x: 'relu' }, layer: null, name: '' });
    paint();
    expect(comparison.store.getState().epoch).toBe(0);
    expect(comparison.store.getState().configs[1].hidden).toEqual([
      ['relu', 'relu', 'relu'],
      ['relu', 'relu'],
    ]);
    comparison.step(2);
    paint();
    comparison.reset();
    paint();
    expect(comparison.store.getState().epoch).toBe(0);
    expect(comparison.hub?.latestFrame?.epoch).toBe(0);
  });

  it('takes the experiment’s first two variants', () => {
    const { comparison, experiment } = setup();
    experiment.setVariant(1, { name: 'Sines', rule: { kind: 'all', x: 'sin' } });
    comparison.open();
    expect(comparison.useExperimentVariants()).toBe(true);
    const { sides } = comparison.store.getState();
    expect(sides.map(sideName)).toEqual(['As set', 'Sines']);
  });

  it('stops its worker when closed', () => {
    const { comparison, workers } = setup();
    comparison.open();
    comparison.close();
    expect(workers[0]?.terminated).toBe(true);
    expect(comparison.hub).toBeNull();
    expect(comparison.store.getState().open).toBe(false);
  });
});
