import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type PlaygroundConfig } from '../config';
import { TrainingClient, type WorkerLike } from '../worker/client';
import type { Frame, WorkerCommand, WorkerEvent } from '../worker/protocol';
import { FRAME_INTERVAL_MS, Trainer } from '../worker/trainer';
import { FrameHub } from './frameHub';
import { createPlaygroundStore } from './store';
import { branchConfig, connectTimeline } from './timelineBridge';
import { TimelineHub } from './timelineHub';

const CONFIG: PlaygroundConfig = { ...DEFAULT_CONFIG, optimizer: 'momentum' };

/** A worker that runs a real Trainer in process; `pump` delivers commands and events. */
class TrainerWorker extends EventTarget implements WorkerLike {
  private readonly commands: WorkerCommand[] = [];
  private readonly events: WorkerEvent[] = [];
  private time = 0;
  readonly trainer = new Trainer(
    (event) => this.events.push(event),
    () => this.time,
  );
  dead = false;

  postMessage(command: WorkerCommand): void {
    if (!this.dead) this.commands.push(structuredClone(command));
  }

  terminate(): void {
    this.dead = true;
  }

  /** Until quiet: commands, due slices (frames acknowledged by the client), events. */
  pump(): void {
    for (let round = 0; round < 10_000 && !this.dead; round++) {
      const command = this.commands.shift();
      if (command) this.trainer.handle(command);
      else if (this.trainer.nextDelayMs() !== null && this.trainer.nextDelayMs() === 0) {
        this.time += FRAME_INTERVAL_MS;
        this.trainer.runSlice(10);
      }
      const event = this.events.shift();
      if (event) this.dispatchEvent(new MessageEvent('message', { data: event }));
      if (!command && !event && this.trainer.nextDelayMs() === null) return;
      if (!command && !event && this.commands.length === 0) this.time += FRAME_INTERVAL_MS;
    }
  }
}

const disposers: (() => void)[] = [];
afterEach(() => {
  for (const dispose of disposers.splice(0)) dispose();
});

function page() {
  const workers: TrainerWorker[] = [];
  const client = new TrainingClient({
    createWorker: () => {
      const worker = new TrainerWorker();
      workers.push(worker);
      return worker;
    },
  });
  const frames = new FrameHub({ requestAnimationFrame: (paint) => queueMicrotask(paint) });
  const store = createPlaygroundStore({ config: CONFIG });
  const timeline = connectTimeline(store, client, frames);
  let last: Frame | null = null;
  client.onFrame((frame) => {
    last = frame;
    frames.pushFrame(frame);
    client.frameDone();
  });
  disposers.push(() => {
    timeline.disconnect();
    client.dispose();
    frames.dispose();
  });
  const worker = () => workers[workers.length - 1] as TrainerWorker;
  const pump = () => worker().pump();
  return {
    client,
    store,
    timeline,
    frames,
    pump,
    worker,
    frame(): Frame {
      if (!last) throw new Error('no frame');
      return last;
    },
  };
}

describe('the timeline on the page', () => {
  it('scrubbing pauses, shows the snapshot and leaving shows the live network again', () => {
    const p = page();
    p.client.configure(CONFIG);
    p.client.step(6);
    p.pump();
    const live = p.frame();
    p.store.setState({ running: true });
    p.timeline.view(2);
    p.pump();
    expect(p.store.getState().running).toBe(false);
    expect(p.frame().epoch).toBe(2);
    expect(p.timeline.hub.getState()).toMatchObject({ viewing: 2, liveEpoch: 6 });
    p.timeline.leave();
    p.pump();
    expect(p.frame().epoch).toBe(6);
    expect(p.frame().weights).toEqual(live.weights);
    expect(p.timeline.hub.viewing).toBeNull();
  });

  it('a worker restarted while a snapshot is shown continues from the live state', () => {
    const p = page();
    p.client.configure(CONFIG);
    p.client.step(6);
    p.pump();
    const live = p.frame();
    p.timeline.view(2);
    p.pump();
    expect(p.frame().epoch).toBe(2);
    p.client.restart();
    p.pump();
    expect(p.frame().epoch).toBe(6);
    expect(p.frame().weights).toEqual(live.weights);
    expect(p.timeline.hub.getState()).toMatchObject({ viewing: null, epochs: [6] });
  });

  it('resuming cuts the loss curve at the snapshot and takes its settings', () => {
    const p = page();
    p.client.configure(CONFIG);
    p.client.step(4);
    p.pump();
    const faster = { ...CONFIG, learningRate: 0.3 };
    p.store.setState({ config: faster });
    p.client.configure(faster);
    p.client.step(4);
    p.pump();
    expect(p.frames.lossHistory().epochs.at(-1)).toBe(8);
    p.timeline.view(3);
    p.pump();
    p.timeline.resume();
    p.client.setRunning(false);
    p.pump();
    expect(p.store.getState().config.learningRate).toBe(CONFIG.learningRate);
    expect(Math.max(...p.frames.lossHistory().epochs)).toBeLessThan(8);
    expect(p.timeline.hub.getState().epochs.slice(0, 4)).toEqual([0, 1, 2, 3]);
  });

  it('takes only what training computes from the snapshot, not the display or the speed', () => {
    const current = { ...CONFIG, logScale: true, speed: 10, learningRate: 0.3 };
    const snapshot = { ...CONFIG, logScale: false, speed: null, learningRate: 0.01 };
    expect(branchConfig(current, snapshot)).toEqual({ ...current, learningRate: 0.01 });
  });
});

describe('the timeline hub', () => {
  const info = (viewing: number | null, request: number, generation = 1) =>
    ({
      type: 'timeline',
      generation,
      epochs: [0, 1, 2, 3],
      events: [],
      viewing,
      viewedHidden: null,
      liveEpoch: 3,
      request,
    }) as const;

  it('keeps what the page asked for while older reports are still on their way', () => {
    const hub = new TimelineHub();
    hub.update(info(null, 0));
    const first = hub.request(1);
    hub.request(2);
    hub.update(info(1, first));
    expect(hub.viewing).toBe(2);
    hub.update(info(2, first + 1));
    expect(hub.viewing).toBe(2);
    // The worker left the moment on its own (Play): a report of the newest request settles it.
    hub.update(info(null, first + 1));
    expect(hub.viewing).toBeNull();
  });

  it('takes a new worker’s report whatever was asked of the old one', () => {
    const hub = new TimelineHub();
    hub.update(info(null, 0));
    hub.request(2);
    hub.update(info(null, 0, 2));
    expect(hub.viewing).toBeNull();
  });
});
