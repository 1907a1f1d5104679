import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config';
import { LockstepClient, MAX_LOCKSTEP_RESTARTS, type LockstepWorkerLike } from './lockstepClient';
import type { LockstepCommand, LockstepEvent, PairFrame } from './lockstepProtocol';

class FakeWorker extends EventTarget implements LockstepWorkerLike {
  readonly posted: LockstepCommand[] = [];
  terminated = false;
  postMessage(message: LockstepCommand): void {
    this.posted.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  send(event: LockstepEvent): void {
    this.dispatchEvent(new MessageEvent('message', { data: event }));
  }
  crash(): void {
    this.dispatchEvent(new Event('error', { cancelable: true }));
  }
}

function pair(generation: number, epoch: number): PairFrame {
  const side = {
    epoch,
    trainLoss: 0.5,
    testLoss: 0.5,
    trainAccuracy: 0.5,
    testAccuracy: 0.5,
    grid: new Float32Array(0),
    historyEpochs: new Float64Array(0),
    historyTrainLoss: new Float64Array(0),
    historyTestLoss: new Float64Array(0),
    reachedAt: null,
    diverged: null,
  };
  return {
    type: 'pair',
    generation,
    epoch,
    running: false,
    gridN: 0,
    sides: [side, side],
    epochsPerSecond: 0,
  };
}

const CONFIGS = [DEFAULT_CONFIG, DEFAULT_CONFIG] as const;
const TARGET = { metric: 'testAccuracy', value: 0.9 } as const;

describe('LockstepClient', () => {
  it('numbers builds and resets and drops frames of older generations, answering them', () => {
    const workers: FakeWorker[] = [];
    const client = new LockstepClient(() => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker;
    });
    const seen: number[] = [];
    client.onFrame((frame) => seen.push(frame.epoch));
    client.build(CONFIGS, TARGET);
    client.reset();
    expect(client.generation).toBe(2);
    const worker = workers[0]!;
    worker.send(pair(1, 7));
    worker.send(pair(2, 0));
    expect(seen).toEqual([0]);
    expect(worker.posted.map((c) => c.type)).toEqual(['build', 'reset', 'frameDone']);
  });

  it('restarts a crashed worker with the last build and says so, then gives up', () => {
    const workers: FakeWorker[] = [];
    const client = new LockstepClient(() => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker;
    });
    const messages: string[] = [];
    client.onMessage((text) => messages.push(text));
    client.setSpeed(30);
    client.build(CONFIGS, TARGET);
    workers[0]!.crash();
    expect(workers).toHaveLength(2);
    expect(workers[0]!.terminated).toBe(true);
    expect(workers[1]!.posted.map((c) => c.type)).toEqual(['speed', 'build']);
    expect(messages[0]).toContain('restarted from epoch 0');
    for (let i = 1; i <= MAX_LOCKSTEP_RESTARTS; i++) workers[workers.length - 1]!.crash();
    expect(messages[messages.length - 1]).toContain('keeps stopping');
  });
});
