import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG, type PlaygroundConfig } from '../config';
import { MAX_RESTARTS, type CrashReport } from './client';
import type { Frame } from './protocol';
import { checkpoint, frame, setup } from './testWorkers';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('TrainingClient', () => {
  it('builds for the first configuration and for new data or shape, and patches otherwise', () => {
    const { client, current } = setup();
    client.configure(DEFAULT_CONFIG);
    client.configure({ ...DEFAULT_CONFIG, learningRate: 0.3 });
    const hidden = [
      ['square', 'relu', 'sin', 'gaussian'],
      ['tanh', 'tanh'],
    ] as const;
    client.configure({ ...DEFAULT_CONFIG, learningRate: 0.3, hidden });
    client.configure({ ...DEFAULT_CONFIG, dataset: 'xor' });
    client.configure({ ...DEFAULT_CONFIG, dataset: 'xor', hidden: [['tanh']] });
    expect(current().types()).toEqual(['build', 'patch', 'patch', 'build', 'build']);
    expect(current().posted.map((c) => (c.type === 'build' ? c.generation : null))).toEqual([
      1,
      null,
      null,
      2,
      3,
    ]);
    expect(client.generation).toBe(3);
  });

  it('sends nothing for display-only settings, and patches from the last config after them', () => {
    const { client, current } = setup();
    client.configure(DEFAULT_CONFIG);
    const shown = { ...DEFAULT_CONFIG, showTestData: true, discretize: true };
    client.configure(shown);
    client.configure({ ...shown, defaultActivation: 'relu' });
    expect(current().types()).toEqual(['build']);
    client.configure({ ...shown, defaultActivation: 'relu', batchSize: 5 });
    expect(current().types()).toEqual(['build', 'patch']);
  });

  it('passes on frames of the current generation and answers stale ones itself', () => {
    const { client, current } = setup();
    const seen: Frame[] = [];
    client.onFrame((f) => seen.push(f));
    client.configure(DEFAULT_CONFIG);
    client.configure({ ...DEFAULT_CONFIG, seed: 2 });
    current().emit(frame(1));
    expect(seen).toHaveLength(0);
    expect(current().types().at(-1)).toBe('frameDone');
    current().emit(frame(2, 4));
    expect(seen.map((f) => f.epoch)).toEqual([4]);
    // The painter answers frames it was given; the client answered only the stale one.
    expect(
      current()
        .types()
        .filter((t) => t === 'frameDone'),
    ).toHaveLength(1);
  });

  it('drops data and divergence reports of an older generation after a reset', () => {
    const { client, current } = setup();
    const events: string[] = [];
    client.onData((e) => events.push(`data ${e.generation}`));
    client.onDiverged((e) => events.push(`diverged ${e.generation}`));
    client.configure(DEFAULT_CONFIG);
    client.reset();
    expect(current().posted.at(-1)).toEqual({ type: 'reset', generation: 2 });
    const empty = { xyLabel: new Float32Array(0) };
    current().emit({ type: 'data', generation: 1, train: empty, test: empty });
    current().emit({ type: 'diverged', generation: 1, epoch: 3, step: 70, hint: '' });
    current().emit({ type: 'diverged', generation: 2, epoch: 5, step: 120, hint: '' });
    expect(events).toEqual(['diverged 2']);
  });

  it('answers frames itself while nobody listens for them', () => {
    const { client, current } = setup();
    client.configure(DEFAULT_CONFIG);
    current().emit(frame(1));
    expect(current().types()).toEqual(['build', 'frameDone']);
    const stop = client.onFrame(() => {});
    current().emit(frame(1));
    expect(current().types()).toEqual(['build', 'frameDone']);
    stop();
    current().emit(frame(1));
    expect(current().types()).toEqual(['build', 'frameDone', 'frameDone']);
  });

  it('stops listening after unsubscribing', () => {
    const { client, current } = setup();
    const seen: string[] = [];
    const stop = client.onFailed((e) => seen.push(e.message));
    current().emit({ type: 'failed', message: 'first' });
    stop();
    current().emit({ type: 'failed', message: 'second' });
    expect(seen).toEqual(['first']);
  });

  it('builds again after a build failed, even for a change that would be a patch', () => {
    const { client, current } = setup();
    client.configure(DEFAULT_CONFIG);
    current().emit({ type: 'failed', message: 'bad', command: 'build' });
    client.configure({ ...DEFAULT_CONFIG, learningRate: 0.1 });
    expect(current().types()).toEqual(['build', 'build']);
  });

  it('reports a crash and restarts a fresh worker with the current settings', () => {
    const { client, workers, current } = setup();
    const crashes: CrashReport[] = [];
    client.onCrash((c) => crashes.push(c));
    const config: PlaygroundConfig = { ...DEFAULT_CONFIG, learningRate: 0.1 };
    client.setSpeed(30);
    client.configure(DEFAULT_CONFIG);
    client.configure(config);
    client.setRunning(true);

    workers[0]?.crash('out of memory');
    expect(crashes).toEqual([
      {
        message: 'The training worker stopped: out of memory',
        cause: 'crashed',
        restarted: true,
        incident: 1,
        restoredEpoch: 0,
        lostEpochs: 0,
      },
    ]);
    expect(workers).toHaveLength(2);
    expect(workers[0]?.terminated).toBe(true);
    expect(current().posted).toEqual([
      { type: 'speed', epochsPerSecond: 30 },
      { type: 'build', generation: 2, config },
      { type: 'run', running: true },
    ]);
    expect(client.generation).toBe(2);
  });

  it('ignores events from a worker it has replaced', () => {
    const { client, workers, current } = setup();
    const seen: Frame[] = [];
    client.onFrame((f) => seen.push(f));
    client.configure(DEFAULT_CONFIG);
    client.restart();
    workers[0]?.emit(frame(2));
    workers[0]?.crash('late');
    expect(seen).toHaveLength(0);
    expect(workers).toHaveLength(2);
    current().emit(frame(2));
    expect(seen).toHaveLength(1);
  });

  it('gives up restarting after repeated crashes without a frame', () => {
    const { client, workers, current } = setup();
    const crashes: CrashReport[] = [];
    client.onCrash((c) => crashes.push(c));
    client.configure(DEFAULT_CONFIG);
    for (let i = 0; i <= MAX_RESTARTS; i++) current().crash('boom');
    expect(crashes.map((c) => c.restarted)).toEqual([
      ...Array<boolean>(MAX_RESTARTS).fill(true),
      false,
    ]);
    expect(workers).toHaveLength(MAX_RESTARTS + 1);
    expect(current().terminated).toBe(true);
  });

  it('does not resume a run that diverged when it restarts', () => {
    const { client, current } = setup();
    client.configure(DEFAULT_CONFIG);
    client.setRunning(true);
    current().emit({ type: 'diverged', generation: 1, epoch: 2, step: 50, hint: '' });
    client.restart();
    expect(current().types()).toEqual(['build']);
  });

  it('asks the worker for a checkpoint on request and answers with the next one', async () => {
    const { client, current } = setup();
    await expect(client.requestCheckpoint()).resolves.toBeNull();
    client.configure(DEFAULT_CONFIG);
    const asked = client.requestCheckpoint();
    expect(current().types().at(-1)).toBe('checkpoint');
    current().emit(checkpoint(1, 8));
    expect((await asked)?.epoch).toBe(8);
    const replaced = client.requestCheckpoint();
    client.configure({ ...DEFAULT_CONFIG, seed: 5 });
    await expect(replaced).resolves.toBeNull();
  });

  it('opens a saved network as a build and a restore, and sends nothing for its config after', () => {
    const { client, current } = setup();
    client.configure(DEFAULT_CONFIG);
    const saved = { ...DEFAULT_CONFIG, seed: 9 };
    client.open(saved, checkpoint(1, 30).state);
    expect(current().types()).toEqual(['build', 'build', 'restore']);
    expect(client.generation).toBe(2);
    client.configure(saved);
    expect(current().types()).toHaveLength(3);
    // A crash now restarts from the file's state.
    current().crash('boom');
    expect(current().posted.find((c) => c.type === 'restore')).toMatchObject({ generation: 3 });
  });
});

describe('TrainingClient own data', () => {
  it('builds when the own data change, and sends them with every build', () => {
    const { client, current } = setup();
    const points = [{ x: 1, y: 1, label: 1 }];
    client.configure(DEFAULT_CONFIG);
    client.configure(DEFAULT_CONFIG, points);
    client.configure({ ...DEFAULT_CONFIG, learningRate: 0.3 }, points);
    expect(current().types()).toEqual(['build', 'build', 'patch']);
    const build = current().posted[1];
    expect(build?.type === 'build' && build.ownData).toBe(points);
    current().crash('boom');
    const rebuilt = current().posted.find((c) => c.type === 'build');
    expect(rebuilt?.type === 'build' && rebuilt.ownData).toBe(points);
  });
});
