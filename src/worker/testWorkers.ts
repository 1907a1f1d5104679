/**
 * A fake worker and a client over fake workers, for the client's tests (not used by the page).
 */
import { TrainingClient, type WorkerLike } from './client';
import type { CheckpointEvent, Frame, WorkerCommand, WorkerEvent } from './protocol';
import { SESSION_STATE_VERSION, type SessionState } from './sessionState';

/**
 * A stand-in for a Worker: records what is posted (pings apart) and lets the test play the
 * worker's part. It answers pings at once, saying it is busy while told to run, until
 * `answering` is turned off (a worker that stopped, hangs or never loaded).
 */
export class FakeWorker extends EventTarget implements WorkerLike {
  readonly posted: WorkerCommand[] = [];
  readonly pings: number[] = [];
  terminated = false;
  answering = true;
  epoch = 0;
  generation = -1;
  private running = false;

  postMessage(message: WorkerCommand): void {
    if (this.terminated) throw new Error('posted to a terminated worker');
    if (message.type === 'ping') {
      this.pings.push(message.id);
      if (this.answering) this.pong(message.id);
      return;
    }
    if (message.type === 'run') this.running = message.running;
    if (message.type === 'build') this.generation = message.generation;
    this.posted.push(message);
  }

  pong(id: number): void {
    const { generation, epoch } = this;
    this.emit({ type: 'pong', id, generation, epoch, busy: this.running });
  }

  terminate(): void {
    this.terminated = true;
  }

  emit(event: WorkerEvent): void {
    this.dispatchEvent(new MessageEvent('message', { data: event }));
  }

  crash(message: string): void {
    const event = new Event('error', { cancelable: true });
    Object.defineProperty(event, 'message', { value: message });
    this.dispatchEvent(event);
  }

  types(): string[] {
    return this.posted.map((c) => c.type);
  }
}

export function setup(options: { answering?: boolean } = {}) {
  const workers: FakeWorker[] = [];
  const client = new TrainingClient({
    createWorker: () => {
      const worker = new FakeWorker();
      worker.answering = options.answering ?? true;
      workers.push(worker);
      return worker;
    },
    watchdog: { now: () => Date.now() },
  });
  const current = (): FakeWorker => {
    const worker = workers[workers.length - 1];
    if (!worker) throw new Error('no worker was created');
    return worker;
  };
  return { client, workers, current };
}

export function frame(generation: number, epoch = 0): Frame {
  return {
    type: 'frame',
    generation,
    epoch,
    running: false,
    trainLoss: 0.5,
    testLoss: 0.5,
    trainAccuracy: 0.5,
    testAccuracy: 0.5,
    gridN: 8,
    grid: new Float32Array(7 * 64),
    weights: new Float64Array(18),
    biases: new Float64Array(9),
    activationParams: new Float64Array(0),
    preMin: new Float64Array(6),
    preMax: new Float64Array(6),
    meanAbsGradient: new Float64Array(6),
    historyEpochs: new Float64Array(0),
    historyTrainLoss: new Float64Array(0),
    historyTestLoss: new Float64Array(0),
    epochsPerSecond: 0,
  };
}

/** A checkpoint of `generation` at `epoch` (numbers the client only passes on). */
export function checkpoint(generation: number, epoch: number): CheckpointEvent {
  const state: SessionState = {
    version: SESSION_STATE_VERSION,
    epoch,
    sizes: [2, 1],
    weights: [epoch],
    biases: [0, 0, 0],
    optimizer: {
      training: {
        optimizer: { name: 'sgd', learningRate: 0.03, momentum: 0 },
        regularization: { name: 'none', rate: 0 },
      },
      moment1Weights: [0],
      moment1Biases: [0, 0, 0],
      moment2Weights: [0],
      moment2Biases: [0, 0, 0],
      adamSteps: 0,
    },
    stepCount: epoch,
    examplesSeen: epoch,
    order: [0],
    shuffleRng: [1, 2, 3, 4],
    stats: null,
  };
  return { type: 'checkpoint', generation, state };
}
