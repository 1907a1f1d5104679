import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG } from '../config';
import { MAX_RESTARTS, TrainingClient, type CrashReport } from './client';
import type { Frame } from './protocol';
import { checkpoint, FakeWorker, frame, setup } from './testWorkers';
import { LOAD_MS, PING_INTERVAL_MS, STALL_MS } from './watchdog';

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

/** A client that trains (configured and running), with its crash reports collected. */
function training(options: { answering?: boolean } = {}) {
  const t = setup(options);
  const crashes: CrashReport[] = [];
  const frames: Frame[] = [];
  t.client.onCrash((c) => crashes.push(c));
  t.client.onFrame((f) => frames.push(f));
  t.client.configure(DEFAULT_CONFIG);
  t.client.setRunning(true);
  return { ...t, crashes, frames };
}

describe('the watchdog', () => {
  it('sends no ping while nothing is expected of the worker', () => {
    const { current } = setup();
    vi.advanceTimersByTime(10_000);
    expect(current().pings).toEqual([]);
  });

  it('pings every half second while training runs, one ping at a time', () => {
    const { current, crashes } = training();
    vi.advanceTimersByTime(5_000);
    expect(current().pings.length).toBeGreaterThanOrEqual(5_000 / PING_INTERVAL_MS - 1);
    expect(current().pings.length).toBeLessThanOrEqual(5_000 / PING_INTERVAL_MS + 1);
    // Unanswered, it sends no second ping while the first is out.
    current().answering = false;
    const sent = current().pings.length;
    vi.advanceTimersByTime(STALL_MS - PING_INTERVAL_MS);
    expect(current().pings.length).toBe(sent + 1);
    expect(crashes).toEqual([]);
  });

  it('declares a worker that stops answering stalled within 2.5 s, and restarts it', () => {
    const { workers, current, crashes } = training();
    vi.advanceTimersByTime(3_000);
    const silentAt = Date.now();
    workers[0]!.answering = false; // as after self.close() or in an endless loop: no event at all
    vi.advanceTimersByTime(STALL_MS + PING_INTERVAL_MS - 1);
    expect(crashes).toHaveLength(0);
    vi.advanceTimersByTime(PING_INTERVAL_MS + 1);
    expect(crashes).toHaveLength(1);
    expect(Date.now() - silentAt).toBeLessThanOrEqual(STALL_MS + 2 * PING_INTERVAL_MS);
    expect(crashes[0]).toMatchObject({
      message: 'The training worker stopped responding.',
      cause: 'stalled',
      restarted: true,
    });
    expect(workers).toHaveLength(2);
    expect(workers[0]!.terminated).toBe(true);
    expect(current().types()).toEqual(['build', 'run']);
    // The fresh worker is watched in turn, and answers.
    vi.advanceTimersByTime(10_000);
    expect(current().pings.length).toBeGreaterThan(10);
    expect(crashes).toHaveLength(1);
  });

  it('gives a worker that never answered LOAD_MS to load before replacing it', () => {
    const { workers, crashes } = training({ answering: false });
    vi.advanceTimersByTime(LOAD_MS - 1);
    expect(crashes).toHaveLength(0);
    vi.advanceTimersByTime(PING_INTERVAL_MS + 1);
    expect(crashes.map((c) => c.cause)).toEqual(['stalled']);
    expect(workers).toHaveLength(2);
  });

  it('stops pinging once paused with nothing left to do, and wakes for the next command', () => {
    const { client, current } = training();
    vi.advanceTimersByTime(2_000);
    client.setRunning(false);
    vi.advanceTimersByTime(2_000);
    const pings = current().pings.length;
    vi.advanceTimersByTime(60_000);
    expect(current().pings.length).toBe(pings);
    expect(vi.getTimerCount()).toBe(0);
    client.step();
    expect(current().pings.length).toBe(pings + 1);
  });

  it('keeps watching while the worker reports work left (a step under way)', () => {
    const { client, current } = setup();
    const crashes: CrashReport[] = [];
    client.onCrash((c) => crashes.push(c));
    client.configure(DEFAULT_CONFIG);
    const worker = current();
    worker.answering = false;
    client.step(100);
    // Answered busy: the steps are still being trained.
    worker.emit({ type: 'pong', id: worker.pings.at(-1)!, generation: 1, epoch: 3, busy: true });
    vi.advanceTimersByTime(PING_INTERVAL_MS);
    expect(worker.pings).toHaveLength(2);
    // It hangs during the steps: stalled.
    vi.advanceTimersByTime(STALL_MS + PING_INTERVAL_MS);
    expect(crashes.map((c) => c.cause)).toEqual(['stalled']);
  });

  it('does not count a tick that came late because the page itself was blocked', () => {
    const { current, crashes } = training();
    const worker = current();
    worker.answering = false;
    vi.advanceTimersByTime(PING_INTERVAL_MS); // a ping goes out
    const ping = worker.pings.at(-1)!;
    // The page is blocked for 5 s: the clock moves, no timer runs; then the overdue tick
    // runs before the pong that arrived meanwhile.
    vi.setSystemTime(Date.now() + 5_000);
    vi.advanceTimersByTime(PING_INTERVAL_MS);
    expect(crashes).toHaveLength(0);
    worker.pong(ping);
    worker.answering = true;
    vi.advanceTimersByTime(10_000);
    expect(crashes).toHaveLength(0);
  });

  it(`gives up after ${MAX_RESTARTS} restarts that never answered, says so once, and goes quiet`, () => {
    const { workers, crashes } = training({ answering: false });
    vi.advanceTimersByTime(60_000);
    expect(crashes.map((c) => c.restarted)).toEqual([
      ...Array<boolean>(MAX_RESTARTS).fill(true),
      false,
    ]);
    expect(new Set(crashes.map((c) => c.incident))).toEqual(new Set([1]));
    expect(workers).toHaveLength(MAX_RESTARTS + 1);
    expect(workers.every((w) => w.terminated)).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('stops with the client', () => {
    const { client } = training();
    client.dispose();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('restarts keep the training', () => {
  it('hand the latest checkpoint to the fresh worker after its build, in the same generation', () => {
    const { client, workers, current, crashes } = training();
    workers[0]!.emit(checkpoint(1, 5));
    workers[0]!.emit(checkpoint(1, 7));
    workers[0]!.emit(frame(1, 9));
    workers[0]!.crash('boom');
    expect(current().posted).toEqual([
      { type: 'build', generation: 2, config: DEFAULT_CONFIG },
      { type: 'restore', generation: 2, state: checkpoint(1, 7).state },
      { type: 'run', running: true },
    ]);
    expect(client.generation).toBe(2);
    expect(crashes).toEqual([
      {
        message: 'The training worker stopped: boom',
        cause: 'crashed',
        restarted: true,
        incident: 1,
        restoredEpoch: 7,
        lostEpochs: 2,
      },
    ]);
  });

  it('count the epochs lost from the epoch the worker was last heard at (pongs too)', () => {
    const { workers, crashes } = training();
    workers[0]!.emit(checkpoint(1, 70));
    workers[0]!.generation = 1;
    workers[0]!.epoch = 75;
    vi.advanceTimersByTime(1_000); // a pong says epoch 75; no frame was painted since 70
    workers[0]!.answering = false;
    vi.advanceTimersByTime(STALL_MS + 2 * PING_INTERVAL_MS);
    expect(crashes[0]).toMatchObject({ cause: 'stalled', restoredEpoch: 70, lostEpochs: 5 });
  });

  it("drop the fresh worker's build frame and checkpoint from before the restore", () => {
    const { workers, current, frames } = training();
    workers[0]!.emit(checkpoint(1, 7));
    workers[0]!.crash('boom');
    const worker = current();
    worker.emit(frame(2, 0));
    worker.emit(checkpoint(2, 0));
    expect(frames).toEqual([]);
    expect(worker.types().at(-1)).toBe('frameDone');
    worker.emit(checkpoint(2, 7));
    worker.emit(frame(2, 7));
    expect(frames.map((f) => [f.generation, f.epoch])).toEqual([[2, 7]]);
    // A second crash restores the same checkpoint again.
    worker.crash('again');
    expect(current().posted[1]).toMatchObject({ type: 'restore', generation: 3 });
    expect(current().posted[1]).toHaveProperty('state.epoch', 7);
  });

  it('count crashes in a row before a working frame as one incident, measured from its start', () => {
    const { workers, current, crashes } = training();
    workers[0]!.emit(checkpoint(1, 7));
    workers[0]!.emit(frame(1, 9));
    workers[0]!.crash('one');
    current().crash('two');
    current().emit(frame(3, 8)); // the third worker works
    current().crash('three');
    expect(crashes.map((c) => [c.incident, c.restoredEpoch, c.lostEpochs])).toEqual([
      [1, 7, 2],
      [1, 7, 2],
      [2, 7, 1],
    ]);
  });

  it('are not attempted with the checkpoint of a network that was replaced or reset', () => {
    const { client, workers, current } = training();
    workers[0]!.emit(checkpoint(1, 7));
    client.configure({ ...DEFAULT_CONFIG, seed: 99 });
    workers[0]!.emit(checkpoint(1, 8)); // late, of the old network
    workers[0]!.crash('boom');
    expect(current().types()).toEqual(['build', 'run']);
    current().emit(checkpoint(3, 4));
    client.reset();
    current().crash('boom');
    expect(current().types()).toEqual(['build', 'run']);
  });

  it('start afresh when the fresh worker refuses the checkpoint', () => {
    const { workers, current, frames } = training();
    workers[0]!.emit(checkpoint(1, 7));
    workers[0]!.crash('boom');
    current().emit({ type: 'failed', message: 'does not fit', command: 'restore' });
    current().emit(frame(2, 0));
    expect(frames.map((f) => f.epoch)).toEqual([0]);
    current().crash('boom');
    expect(current().types()).toEqual(['build', 'run']);
  });

  it('give up with the reason when the browser refuses to start a fresh worker', () => {
    let made = 0;
    const first = new FakeWorker();
    const client = new TrainingClient({
      createWorker: () => {
        if (made++ > 0) throw new TypeError('Trusted Types refused the URL');
        return first;
      },
    });
    const crashes: CrashReport[] = [];
    client.onCrash((c) => crashes.push(c));
    client.configure(DEFAULT_CONFIG);
    first.crash('boom');
    expect(crashes).toEqual([
      {
        message:
          'The training worker stopped: boom, and a new one could not be started: Trusted Types refused the URL',
        cause: 'crashed',
        restarted: false,
        incident: 1,
        restoredEpoch: null,
        lostEpochs: 0,
      },
    ]);
    expect(vi.getTimerCount()).toBe(0);
  });
});
