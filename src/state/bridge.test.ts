import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG, configFromHash, configToHash, type PlaygroundConfig } from '../config';
import { TrainingClient, type CrashReport, type WorkerLike } from '../worker/client';
import type { Frame, SessionState, WorkerCommand, WorkerEvent } from '../worker/protocol';
import { buildSession } from '../worker/session';
import { captureSessionState } from '../worker/sessionState';
import { writeNetworkFile } from './networkFile';
import { actions } from './actions';
import { CRASH_RESTARTED_TEXT, connect, type BridgeOptions, type TrainingPort } from './bridge';
import type { FrozenEvent } from '../worker/protocol';
import { FrameHub, type DataEvent } from './frameHub';
import { createPlaygroundStore, EMPTY_READOUTS } from './store';
import { FakeAnimationFrames, makeData, makeFrame } from './testFrames';

type Listener<T> = (value: T) => void;

/** A port that records every call and lets the test play the worker's events. */
class FakePort implements TrainingPort {
  generation = 0;
  readonly calls: string[] = [];
  readonly configs: PlaygroundConfig[] = [];
  private readonly listeners = {
    frame: new Set<Listener<Frame>>(),
    data: new Set<Listener<DataEvent>>(),
    diverged: new Set<Listener<Extract<WorkerEvent, { type: 'diverged' }>>>(),
    failed: new Set<Listener<Extract<WorkerEvent, { type: 'failed' }>>>(),
    crash: new Set<Listener<CrashReport>>(),
  };

  configure(config: PlaygroundConfig): void {
    this.configs.push(config);
    this.calls.push('configure');
  }
  reset(): void {
    this.calls.push('reset');
  }
  setWeight(address: { layer: number; neuron: number; from: number }, value: number): void {
    this.calls.push(`weight ${address.layer}.${address.neuron}.${address.from}=${value}`);
  }
  setRunning(running: boolean): void {
    this.calls.push(`run ${running}`);
  }
  step(epochs = 1): void {
    this.calls.push(`step ${epochs}`);
  }
  setSpeed(epochsPerSecond: number | null): void {
    this.calls.push(`speed ${epochsPerSecond}`);
  }
  frameDone(): void {
    this.calls.push('frameDone');
  }
  /** What `requestCheckpoint` answers. */
  savedState: SessionState | null = null;
  requestCheckpoint(): Promise<SessionState | null> {
    this.calls.push('checkpoint');
    return Promise.resolve(this.savedState);
  }
  freeze(): Promise<FrozenEvent | null> {
    return Promise.resolve(null);
  }

  open(config: PlaygroundConfig, state: SessionState): void {
    this.generation++;
    this.configs.push(config);
    this.calls.push(`open ${state.epoch}`);
  }
  private on<T>(set: Set<Listener<T>>, listener: Listener<T>): () => void {
    set.add(listener);
    return () => set.delete(listener);
  }
  onFrame(listener: Listener<Frame>) {
    return this.on(this.listeners.frame, listener);
  }
  onData(listener: Listener<DataEvent>) {
    return this.on(this.listeners.data, listener);
  }
  onDiverged(listener: Listener<Extract<WorkerEvent, { type: 'diverged' }>>) {
    return this.on(this.listeners.diverged, listener);
  }
  onFailed(listener: Listener<Extract<WorkerEvent, { type: 'failed' }>>) {
    return this.on(this.listeners.failed, listener);
  }
  onCrash(listener: Listener<CrashReport>) {
    return this.on(this.listeners.crash, listener);
  }

  /** Listeners still subscribed, of every kind. */
  get listenerCount(): number {
    return Object.values(this.listeners).reduce((sum, set) => sum + set.size, 0);
  }
  emitFrame(frame: Frame): void {
    for (const listener of this.listeners.frame) listener(frame);
  }
  emitData(data: DataEvent): void {
    for (const listener of this.listeners.data) listener(data);
  }
  emitDiverged(generation: number, epoch: number, hint: string): void {
    const event = { type: 'diverged' as const, generation, epoch, step: epoch * 10, hint };
    for (const listener of this.listeners.diverged) listener(event);
  }
  emitFailed(message: string, command?: WorkerCommand['type']): void {
    const event = { type: 'failed' as const, message, ...(command ? { command } : {}) };
    for (const listener of this.listeners.failed) listener(event);
  }
  emitCrash(report: CrashReport): void {
    for (const listener of this.listeners.crash) listener(report);
  }
}

/** A location and history that behave like the browser's for the hash. */
class FakeAddress {
  hash = '';
  readonly pathname = '/app/';
  readonly search = '?x=1';
  state: unknown = null;
  readonly writes: string[] = [];
  private readonly hashListeners = new Set<() => void>();

  replaceState = (_state: unknown, _unused: string, url?: string | URL | null): void => {
    const text = String(url);
    this.writes.push(text);
    this.hash = text.slice(text.indexOf('#'));
  };
  addEventListener = (_type: 'hashchange', listener: () => void): void => {
    this.hashListeners.add(listener);
  };
  removeEventListener = (_type: 'hashchange', listener: () => void): void => {
    this.hashListeners.delete(listener);
  };
  /** The person types a new hash in the address bar. */
  edit(hash: string): void {
    this.hash = hash;
    for (const listener of this.hashListeners) listener();
  }
  options(): BridgeOptions {
    return { location: this, history: this, events: this };
  }
}

function crashReport(report: Partial<CrashReport> = {}): CrashReport {
  return {
    message: 'The training worker stopped: oops',
    cause: 'crashed',
    restarted: true,
    incident: 1,
    restoredEpoch: 0,
    lostEpochs: 0,
    ...report,
  };
}

function setup(options: BridgeOptions = {}) {
  const store = createPlaygroundStore();
  const port = new FakePort();
  const raf = new FakeAnimationFrames();
  const hub = new FrameHub({ requestAnimationFrame: raf.request });
  const connection = connect(store, port, hub, options);
  return { store, port, raf, hub, connection, act: actions(store) };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('connect', () => {
  it('sends the current config, speed and run state at once', () => {
    const { port, store } = setup();
    expect(port.calls).toEqual(['configure', `speed ${DEFAULT_CONFIG.speed}`, 'run false']);
    expect(port.configs[0]).toBe(store.getState().config);
  });

  it('sends every config change to the port, which decides build or patch', () => {
    const { port, act } = setup();
    port.calls.length = 0;
    act.set('learningRate', 0.1);
    act.addLayer();
    expect(port.calls).toEqual(['configure', 'configure']);
    expect(port.configs[1]?.learningRate).toBe(0.1);
    expect(port.configs[2]?.hidden).toHaveLength(3);
  });

  it('sends nothing for an action that changes nothing', () => {
    const { port, act } = setup();
    port.calls.length = 0;
    act.set('learningRate', DEFAULT_CONFIG.learningRate);
    act.set('speed', DEFAULT_CONFIG.speed);
    act.setNeuronActivation(1, 1, 'tanh');
    act.toggleSelected(1, 1, false);
    expect(port.calls).toEqual([]);
  });

  it('sends play, pause and speed changes', () => {
    const { port, act } = setup();
    port.calls.length = 0;
    act.setRunning(true);
    act.set('speed', 10);
    act.setRunning(false);
    // The speed is part of the config: the port sees it (and builds nothing for it).
    expect(port.calls).toEqual(['run true', 'configure', 'speed 10', 'run false']);
  });

  it('sends no speed when another setting changes', () => {
    const { port, act } = setup();
    port.calls.length = 0;
    act.set('logScale', true);
    act.set('noise', 20);
    expect(port.calls).toEqual(['configure', 'configure']);
  });

  it('sends the speed of a loaded link, Max as null', () => {
    const { port, act } = setup();
    port.calls.length = 0;
    act.loadFromHash('#speed=max');
    expect(port.calls).toEqual(['configure', 'speed null']);
  });

  it('stops listening and sending after disconnect', () => {
    const { port, act, connection } = setup();
    expect(port.listenerCount).toBe(5);
    connection();
    expect(port.listenerCount).toBe(0);
    port.calls.length = 0;
    act.setRunning(true);
    connection.step();
    connection.reset();
    expect(port.calls).toEqual([]);
  });
});

describe('frames', () => {
  it('hands frames to the hub and acknowledges them after the paint', () => {
    const { port, raf, hub } = setup();
    port.calls.length = 0;
    port.emitFrame(makeFrame(1, 3));
    expect(hub.latestFrame?.epoch).toBe(3);
    expect(port.calls).toEqual([]);
    raf.runFrame();
    expect(port.calls).toEqual(['frameDone']);
  });

  it('hands the data of a build to the hub', () => {
    const { port, hub } = setup();
    const data = makeData(1);
    port.emitData(data);
    expect(hub.latestData).toBe(data);
  });

  it('acknowledges a stale frame at once and keeps it out of the readouts', () => {
    const { port, store } = setup();
    port.emitFrame(makeFrame(2, 4, { running: false }));
    port.calls.length = 0;
    port.emitFrame(makeFrame(1, 99, { running: false }));
    expect(port.calls).toEqual(['frameDone']);
    expect(store.getState().readouts.epoch).toBe(4);
  });

  it('updates readouts at most 8 times a second while running, ending on the newest', () => {
    const { port, store, act } = setup();
    act.setRunning(true);
    const writes: number[] = [];
    store.subscribe((s, prev) => {
      if (s.readouts !== prev.readouts) writes.push(s.readouts.epoch);
    });
    // 60 frames a second for one second.
    for (let i = 1; i <= 60; i++) {
      port.emitFrame(makeFrame(1, i));
      vi.advanceTimersByTime(1000 / 60);
    }
    vi.advanceTimersByTime(200);
    expect(writes.length).toBeGreaterThanOrEqual(7);
    expect(writes.length).toBeLessThanOrEqual(9);
    expect(writes[writes.length - 1]).toBe(60);
    expect(store.getState().readouts).toMatchObject({ epoch: 60, trainAccuracy: 0.5 });
  });

  it('shows the exact numbers of a paused frame at once', () => {
    const { port, store, act } = setup();
    act.setRunning(true);
    port.emitFrame(makeFrame(1, 1));
    port.emitFrame(makeFrame(1, 2));
    expect(store.getState().readouts.epoch).toBe(1);
    port.emitFrame(makeFrame(1, 3, { running: false }));
    expect(store.getState().readouts.epoch).toBe(3);
  });

  it('shows the newest numbers at once when the person pauses', () => {
    const { port, store, act } = setup();
    act.setRunning(true);
    port.emitFrame(makeFrame(1, 1));
    port.emitFrame(makeFrame(1, 2));
    expect(store.getState().readouts.epoch).toBe(1);
    act.setRunning(false);
    expect(store.getState().readouts.epoch).toBe(2);
  });
});

describe('step and reset', () => {
  it('pauses and steps', () => {
    const { port, store, act, connection } = setup();
    act.setRunning(true);
    port.calls.length = 0;
    connection.step(5);
    expect(store.getState().running).toBe(false);
    expect(port.calls).toEqual(['run false', 'step 5']);
  });

  it('steps one epoch by default and ignores a step of less than one', () => {
    const { port, connection } = setup();
    port.calls.length = 0;
    connection.step();
    connection.step(0);
    connection.step(NaN);
    connection.step(Infinity);
    expect(port.calls).toEqual(['step 1']);
  });

  it('pauses, resets the worker, clears divergence, readouts and loss history', () => {
    const { port, store, act, hub, connection } = setup();
    act.setRunning(true);
    port.emitFrame(makeFrame(1, 0, { history: [1, 2, 3] }));
    port.emitDiverged(1, 3, 'lower the learning rate');
    port.calls.length = 0;
    connection.reset();
    expect(port.calls).toEqual(['reset']);
    expect(store.getState()).toMatchObject({
      running: false,
      divergence: null,
      readouts: EMPTY_READOUTS,
    });
    expect(hub.lossHistory().length).toBe(0);
  });

  it('does not let a throttled readout of the old network overwrite the reset', () => {
    const { port, store, act, connection } = setup();
    act.setRunning(true);
    port.emitFrame(makeFrame(1, 1));
    port.emitFrame(makeFrame(1, 2));
    connection.reset();
    vi.advanceTimersByTime(1000);
    expect(store.getState().readouts).toEqual(EMPTY_READOUTS);
  });
});

describe('weights', () => {
  it('passes a typed weight to the worker, and nothing after disconnecting', () => {
    const { port, connection } = setup();
    port.calls.length = 0;
    connection.setWeight({ layer: 2, neuron: 0, from: 1 }, 1.5);
    connection.disconnect();
    connection.setWeight({ layer: 2, neuron: 0, from: 1 }, 9);
    expect(port.calls).toEqual(['weight 2.0.1=1.5']);
  });
});

describe('worker troubles', () => {
  it('pauses on divergence and keeps the epoch and the hint for the page to show', () => {
    const { port, store, act } = setup();
    act.setRunning(true);
    port.emitFrame(makeFrame(1, 41));
    port.calls.length = 0;
    port.emitDiverged(1, 42, 'the learning rate is probably too high');
    const state = store.getState();
    expect(state.running).toBe(false);
    expect(state.divergence).toEqual({ epoch: 42, hint: 'the learning rate is probably too high' });
    expect(state.notices).toEqual([]);
    expect(port.calls).toEqual(['run false']);
  });

  it('ignores a divergence of an older generation', () => {
    const { port, store } = setup();
    port.emitFrame(makeFrame(3, 1, { running: false }));
    port.emitDiverged(2, 7, 'old');
    expect(store.getState().divergence).toBeNull();
    expect(store.getState().notices).toEqual([]);
  });

  it('clears the divergence when training is started again', () => {
    const { port, store, act } = setup();
    port.emitDiverged(1, 5, 'too fast');
    expect(store.getState().divergence).not.toBeNull();
    act.setRunning(true);
    expect(store.getState().divergence).toBeNull();
  });

  it('tells a failed command in an error notice', () => {
    const { port, store } = setup();
    port.emitFailed('hidden[0] must be a layer of 1 to 16 neurons', 'build');
    port.emitFailed('the loss is NaN');
    expect(store.getState().notices.map((n) => [n.kind, n.text])).toEqual([
      [
        'error',
        'The training worker could not carry out "build": hidden[0] must be a layer of 1 to 16 neurons',
      ],
      ['error', 'Training failed: the loss is NaN'],
    ]);
  });

  it('warns that a crashed worker was restarted, from which epoch and what was lost', () => {
    const { port, store, act } = setup();
    act.setRunning(true);
    port.emitCrash(crashReport({ restoredEpoch: 70, lostEpochs: 5 }));
    expect(store.getState().notices.map((n) => [n.kind, n.text])).toEqual([
      ['warning', 'The training worker stopped; it was restarted at epoch 70 (5 epochs lost).'],
    ]);
    expect(store.getState().running).toBe(true);
  });

  it('says a stalled worker stopped responding, and when nothing was trained yet', () => {
    const { port, store } = setup();
    port.emitCrash(crashReport({ cause: 'stalled', restoredEpoch: 1234, lostEpochs: 1 }));
    port.emitCrash(crashReport({ incident: 2, restoredEpoch: 0, lostEpochs: 0 }));
    port.emitCrash(crashReport({ incident: 3, cause: 'stalled', restoredEpoch: 9, lostEpochs: 0 }));
    expect(store.getState().notices.map((n) => n.text)).toEqual([
      'The training worker stopped responding; it was restarted at epoch 1,234 (1 epoch lost).',
      CRASH_RESTARTED_TEXT,
      'The training worker stopped responding; it was restarted at epoch 9 (no epochs lost).',
    ]);
  });

  it('updates one notice per incident in place, and replaces its warning when it gives up', () => {
    const { port, store, act } = setup();
    act.setRunning(true);
    port.emitCrash(crashReport({ restoredEpoch: 70, lostEpochs: 5 }));
    const [first] = store.getState().notices;
    port.emitCrash(crashReport({ cause: 'stalled', restoredEpoch: 70, lostEpochs: 5 }));
    port.emitCrash(
      crashReport({
        message: 'The training worker stopped responding.',
        restarted: false,
        restoredEpoch: null,
      }),
    );
    expect(store.getState().notices).toEqual([
      {
        id: first?.id,
        kind: 'error',
        text: 'The training worker stopped responding; it could not be restarted. Reload the page to try again.',
      },
    ]);
    expect(store.getState().running).toBe(false);
  });

  it('starts a new notice for a new incident, or when the incident’s notice was dismissed', () => {
    const { port, store, act } = setup();
    port.emitCrash(crashReport({ restoredEpoch: 70, lostEpochs: 5 }));
    port.emitCrash(crashReport({ incident: 2, restoredEpoch: 90, lostEpochs: 2 }));
    expect(store.getState().notices).toHaveLength(2);
    act.dismissNotice(store.getState().notices[1]?.id ?? -1);
    port.emitCrash(crashReport({ incident: 2, restarted: false, restoredEpoch: null }));
    expect(store.getState().notices.map((n) => n.kind)).toEqual(['warning', 'error']);
  });

  it('keeps the loss curve up to the checkpoint when the worker continues from one', () => {
    const { port, hub } = setup();
    hub.pushFrame(makeFrame(1, 75, { history: [50, 60, 70, 75] }));
    port.generation = 2;
    port.emitCrash(crashReport({ restoredEpoch: 70, lostEpochs: 5 }));
    expect(Array.from(hub.lossHistory().epochs)).toEqual([50, 60, 70]);
    expect(hub.isStale(1)).toBe(true);
  });

  it('pauses and tells to reload when the worker could not be restarted', () => {
    const { port, store, act } = setup();
    act.setRunning(true);
    port.emitCrash(
      crashReport({
        message: 'The training worker stopped (error).',
        restarted: false,
        restoredEpoch: null,
      }),
    );
    expect(store.getState().running).toBe(false);
    expect(store.getState().notices[0]).toMatchObject({
      kind: 'error',
      text: 'The training worker stopped (error); it could not be restarted. Reload the page to try again.',
    });
  });
});

describe('URL hash', () => {
  it('writes the config into the hash after 200 ms of quiet, keeping path and query', () => {
    const address = new FakeAddress();
    const { act } = setup(address.options());
    vi.advanceTimersByTime(200);
    expect(address.writes).toEqual([`/app/?x=1${configToHash(DEFAULT_CONFIG)}`]);
    act.set('noise', 5);
    act.set('noise', 10);
    act.set('noise', 15);
    vi.advanceTimersByTime(199);
    expect(address.writes).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(address.writes).toHaveLength(2);
    expect(configFromHash(address.hash).config.noise).toBe(15);
  });

  it('writes a pending hash at once when the page is left or hidden', () => {
    const address = new FakeAddress();
    const leaveListeners = new Set<() => void>();
    const leave = () => leaveListeners.forEach((listener) => listener());
    const { act, connection } = setup({
      ...address.options(),
      onLeave: (listener) => {
        leaveListeners.add(listener);
        return () => leaveListeners.delete(listener);
      },
    });
    vi.advanceTimersByTime(200);
    act.set('learningRate', 0.3);
    expect(address.writes).toHaveLength(1);
    leave(); // a reload right after the edit
    expect(address.writes).toHaveLength(2);
    expect(configFromHash(address.hash).config.learningRate).toBe(0.3);
    leave();
    vi.advanceTimersByTime(1000);
    expect(address.writes).toHaveLength(2);
    connection.disconnect();
    expect(leaveListeners.size).toBe(0);
  });

  it('records the speed and the log scale in the link', () => {
    const address = new FakeAddress();
    const { act } = setup(address.options());
    act.set('speed', 300);
    act.set('logScale', true);
    vi.advanceTimersByTime(200);
    expect(address.hash.split('&')).toEqual(expect.arrayContaining(['speed=300', 'log=1']));
    expect(configFromHash(address.hash).config).toMatchObject({ speed: 300, logScale: true });
  });

  it('sends the speed of an opened link before the first run', () => {
    const address = new FakeAddress();
    address.hash = '#speed=1';
    const { port } = setup(address.options());
    expect(port.calls).toEqual(['configure', 'speed 1', 'run false']);
  });

  it('loads the link the page was opened with before the first configure', () => {
    const address = new FakeAddress();
    address.hash = '#dataset=xor&net=relu';
    const { store, port } = setup(address.options());
    const expected = { ...DEFAULT_CONFIG, dataset: 'xor' as const, hidden: [['relu' as const]] };
    expect(port.calls).toEqual(['configure', `speed ${DEFAULT_CONFIG.speed}`, 'run false']);
    expect(port.configs[0]).toEqual(expected);
    expect(store.getState().notices).toEqual([]);
    vi.advanceTimersByTime(200);
    expect(address.hash).toBe(configToHash(expected));
  });

  it('keeps the store config when told not to load the opened link', () => {
    const address = new FakeAddress();
    address.hash = '#dataset=xor';
    const { port } = setup({ ...address.options(), loadHashOnConnect: false });
    expect(port.configs[0]).toEqual(DEFAULT_CONFIG);
    vi.advanceTimersByTime(200);
    expect(address.hash).toBe(configToHash(DEFAULT_CONFIG));
  });

  it('does not rewrite a hash that already matches', () => {
    const address = new FakeAddress();
    address.hash = configToHash(DEFAULT_CONFIG);
    setup(address.options());
    vi.advanceTimersByTime(1000);
    expect(address.writes).toEqual([]);
  });

  it('loads a hash the person edits and rewrites it in full', () => {
    const address = new FakeAddress();
    const { store, port } = setup(address.options());
    vi.advanceTimersByTime(200);
    port.calls.length = 0;
    address.edit('#dataset=xor&lr=zzz');
    expect(store.getState().config.dataset).toBe('xor');
    expect(port.calls).toEqual(['configure']);
    expect(store.getState().notices[0]?.text).toContain('lr: "zzz" is not a number');
    vi.advanceTimersByTime(200);
    expect(address.hash).toBe(configToHash({ ...DEFAULT_CONFIG, dataset: 'xor' }));
  });

  it('writes a pending hash on disconnect and then stops listening', () => {
    const address = new FakeAddress();
    const { act, connection, store } = setup(address.options());
    act.set('noise', 20);
    connection.disconnect();
    expect(configFromHash(address.hash).config.noise).toBe(20);
    address.edit('#dataset=moons');
    expect(store.getState().config.dataset).toBe('circle');
  });

  it('leaves the hash alone when there is no location (as in Node)', () => {
    const { act } = setup();
    act.set('noise', 5);
    expect(() => vi.advanceTimersByTime(1000)).not.toThrow();
  });
});

/** A worker that records the commands the real client posts. */
class RecordingWorker extends EventTarget implements WorkerLike {
  readonly posted: WorkerCommand[] = [];
  postMessage(message: WorkerCommand): void {
    this.posted.push(message);
  }
  terminate(): void {}
  send(event: WorkerEvent): void {
    this.dispatchEvent(new MessageEvent('message', { data: event }));
  }
}

describe('with the real TrainingClient', () => {
  it('builds on connect, patches an activation change and rebuilds on a shape change', () => {
    const worker = new RecordingWorker();
    const client = new TrainingClient({ createWorker: () => worker });
    const store = createPlaygroundStore();
    const raf = new FakeAnimationFrames();
    const hub = new FrameHub({ requestAnimationFrame: raf.request });
    connect(store, client, hub);
    const act = actions(store);
    act.setNeuronActivation(1, 1, 'elu');
    act.addNeuron(2);
    act.set('speed', 100);
    act.set('showTestData', true);
    expect(worker.posted.filter((c) => c.type !== 'ping').map((c) => c.type)).toEqual([
      'build',
      'speed',
      'run',
      'patch',
      'build',
      'speed',
    ]);
    expect(worker.posted[worker.posted.length - 1]).toEqual({
      type: 'speed',
      epochsPerSecond: 100,
    });
    worker.send(makeFrame(2, 0, { running: false }));
    raf.runFrame();
    expect(worker.posted[worker.posted.length - 1]?.type).toBe('frameDone');
    expect(store.getState().readouts.epoch).toBe(0);
    client.dispose();
  });
});

describe('network files through the bridge', () => {
  const config: PlaygroundConfig = { ...DEFAULT_CONFIG, seed: 77, hidden: [['sin', 'relu']] };
  const state = (): SessionState => {
    const session = buildSession(config, 1);
    session.epoch = 12;
    return captureSessionState(session);
  };

  it('saves the config, the worker state and the loss curve up to its epoch', async () => {
    const { port, hub, connection, act } = setup({ loadHashOnConnect: false });
    act.loadConfig(config);
    port.savedState = state();
    hub.loadHistory(
      port.generation,
      { epochs: [0, 5, 12, 13], trainLoss: [4, 3, 2, 1], testLoss: [5, 4, 3, 2] },
      99,
    );
    const file = await connection.saveNetwork();
    expect(port.calls).toContain('checkpoint');
    expect(file?.config).toStrictEqual(config);
    expect(file?.state.epoch).toBe(12);
    expect(file?.history).toStrictEqual({
      epochs: [0, 5, 12],
      trainLoss: [4, 3, 2],
      testLoss: [5, 4, 3],
    });
  });

  it('opens a file: pauses, sends the build and restore together, takes its config and curve', () => {
    const { store, port, hub, connection, act } = setup({ loadHashOnConnect: false });
    act.setRunning(true);
    const file = writeNetworkFile({
      format: 'activation-playground-network',
      version: 1,
      savedAt: '2026-12-01T00:00:00.000Z',
      config,
      state: state(),
      history: { epochs: [0, 6, 12], trainLoss: [3, 2, 1], testLoss: [4, 3, 2] },
      data: null,
    });
    expect(connection.openNetwork(file)).toBe(true);
    expect(port.calls).toContain('open 12');
    expect(store.getState().config).toStrictEqual(config);
    expect(store.getState().running).toBe(false);
    expect(Array.from(hub.lossHistory().epochs)).toStrictEqual([0, 6]);
  });

  it('refuses 200 broken files with a notice naming the file, and changes nothing', () => {
    const { store, port, connection } = setup({ loadHashOnConnect: false });
    const good = writeNetworkFile({
      format: 'activation-playground-network',
      version: 1,
      savedAt: '',
      config,
      state: state(),
      history: { epochs: [], trainLoss: [], testLoss: [] },
      data: null,
    });
    const before = store.getState().config;
    const calls = port.calls.length;
    for (let i = 0; i < 200; i++) {
      const cut = Math.floor(((i + 0.5) / 200) * (good.length - 1));
      expect(connection.openNetwork(good.slice(0, cut))).toBe(false);
    }
    expect(connection.openNetwork(good.replace('"version": 1', '"version": 7'))).toBe(false);
    expect(store.getState().config).toBe(before);
    expect(port.calls.length).toBe(calls);
    const notices = store.getState().notices;
    expect(notices.length).toBeGreaterThan(0);
    for (const notice of notices) {
      expect(notice.kind).toBe('error');
      expect(notice.text).toMatch(/file/);
    }
  });
});
