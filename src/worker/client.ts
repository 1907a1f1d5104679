/**
 * The page's side of the training worker: turns settings into commands (a build or a patch),
 * numbers generations and drops what belongs to an older one, and brings a crashed worker
 * back with the current settings.
 */
import { changeEffects, type PlaygroundConfig } from '../config';
import type { DataEvent, Frame, WeightAddress, WorkerCommand, WorkerEvent } from './protocol';

/** What the client needs of a Worker; tests pass a fake. */
export interface WorkerLike {
  postMessage(message: WorkerCommand): void;
  addEventListener(type: string, listener: (event: Event) => void): void;
  terminate(): void;
}

export type { DataEvent };
export type DivergedEvent = Extract<WorkerEvent, { type: 'diverged' }>;
export type FailedEvent = Extract<WorkerEvent, { type: 'failed' }>;

/** A worker that died: why, and whether a fresh one was started in its place. */
export interface CrashReport {
  readonly message: string;
  readonly restarted: boolean;
}

/**
 * Crashes in a row, with no frame in between, after which the client stops restarting
 * (a worker that dies on start-up would otherwise be restarted forever).
 */
export const MAX_RESTARTS = 3;

/** The real worker, bundled by Vite from this literal `new URL(…, import.meta.url)`. */
export function createTrainingWorker(): WorkerLike {
  return new Worker(new URL('./training.worker.ts', import.meta.url), { type: 'module' });
}

type Listener<T> = (value: T) => void;

class Listeners<T> {
  private readonly set = new Set<Listener<T>>();

  get size(): number {
    return this.set.size;
  }

  add(listener: Listener<T>): () => void {
    this.set.add(listener);
    return () => {
      this.set.delete(listener);
    };
  }

  emit(value: T): void {
    for (const listener of this.set) listener(value);
  }

  clear(): void {
    this.set.clear();
  }
}

export class TrainingClient {
  private worker: WorkerLike;
  private currentGeneration = 0;
  /** Settings to re-send after a crash. */
  private lastConfig: PlaygroundConfig | null = null;
  private running = false;
  private speed: number | null = null;
  private crashesWithoutFrame = 0;
  private disposed = false;
  private readonly frames = new Listeners<Frame>();
  private readonly data = new Listeners<DataEvent>();
  private readonly diverged = new Listeners<DivergedEvent>();
  private readonly failed = new Listeners<FailedEvent>();
  private readonly crashes = new Listeners<CrashReport>();

  /** @param createWorker makes a fresh worker, now and after every crash */
  constructor(private readonly createWorker: () => WorkerLike = createTrainingWorker) {
    this.worker = this.spawn();
  }

  /** Generation of the last build or reset sent; events of older ones are dropped. */
  get generation(): number {
    return this.currentGeneration;
  }

  /**
   * Sends `config`: a build (new data and weights, new generation) when it changes the data,
   * seed or shape compared with the last configuration sent, a patch that keeps the weights
   * when it changes what training does, and nothing for display-only settings.
   */
  configure(config: PlaygroundConfig): void {
    const last = this.lastConfig;
    this.lastConfig = config;
    if (last === null) return this.sendBuild(config);
    const effects = changeEffects(last, config);
    if (effects.has('rebuild')) this.sendBuild(config);
    else if (effects.has('patch')) this.send({ type: 'patch', config });
  }

  /** Redraws the weights from the seed (a new generation), data unchanged. */
  reset(): void {
    this.currentGeneration++;
    this.send({ type: 'reset', generation: this.currentGeneration });
  }

  setRunning(running: boolean): void {
    this.running = running;
    this.send({ type: 'run', running });
  }

  /** Trains exactly `epochs` more epochs, then the worker sends a frame. */
  step(epochs = 1): void {
    this.send({ type: 'step', epochs });
  }

  /** Epochs per second while running; null for as fast as the machine allows. */
  setSpeed(epochsPerSecond: number | null): void {
    this.speed = epochsPerSecond;
    this.send({ type: 'speed', epochsPerSecond });
  }

  setWeight(address: WeightAddress, value: number): void {
    this.send({ type: 'setWeight', ...address, value });
  }

  /**
   * Tells the worker the last frame has been painted, so it may send the next. The one
   * painter of frames calls this; frames nobody listens to are acknowledged by the client.
   */
  frameDone(): void {
    this.send({ type: 'frameDone' });
  }

  /** Each returns a function that unsubscribes. */
  onFrame(listener: Listener<Frame>): () => void {
    return this.frames.add(listener);
  }

  onData(listener: Listener<DataEvent>): () => void {
    return this.data.add(listener);
  }

  onDiverged(listener: Listener<DivergedEvent>): () => void {
    return this.diverged.add(listener);
  }

  onFailed(listener: Listener<FailedEvent>): () => void {
    return this.failed.add(listener);
  }

  onCrash(listener: Listener<CrashReport>): () => void {
    return this.crashes.add(listener);
  }

  /**
   * Replaces the worker with a fresh one and sends it the current settings: speed, the last configuration as a build of a new generation, and the run state.
   */
  restart(): void {
    this.crashesWithoutFrame = 0;
    this.respawn();
  }

  /** Stops the worker and forgets every listener; the client is unusable afterwards. */
  dispose(): void {
    this.disposed = true;
    this.worker.terminate();
    for (const listeners of [this.frames, this.data, this.diverged, this.failed, this.crashes]) {
      listeners.clear();
    }
  }

  private respawn(): void {
    if (this.disposed) return;
    this.worker.terminate();
    this.worker = this.spawn();
    if (this.speed !== null) this.send({ type: 'speed', epochsPerSecond: this.speed });
    if (this.lastConfig !== null) this.sendBuild(this.lastConfig);
    if (this.running) this.send({ type: 'run', running: true });
  }

  private sendBuild(config: PlaygroundConfig): void {
    this.currentGeneration++;
    this.send({ type: 'build', generation: this.currentGeneration, config });
  }

  private send(command: WorkerCommand): void {
    if (!this.disposed) this.worker.postMessage(command);
  }

  private spawn(): WorkerLike {
    const worker = this.createWorker();
    // Events of a replaced worker may still be queued; only the current one is listened to.
    worker.addEventListener('message', (event) => {
      if (worker === this.worker) this.receive((event as MessageEvent<WorkerEvent>).data);
    });
    const crashed = (event: Event) => {
      if (worker !== this.worker || this.disposed) return;
      // Handled here: keep the browser from also reporting it as uncaught.
      event.preventDefault();
      this.crash(event);
    };
    worker.addEventListener('error', crashed);
    worker.addEventListener('messageerror', crashed);
    return worker;
  }

  private crash(event: Event): void {
    const detail = 'message' in event && typeof event.message === 'string' ? event.message : '';
    const message = detail
      ? `The training worker stopped: ${detail}`
      : `The training worker stopped (${event.type}).`;
    this.crashesWithoutFrame++;
    const restarted = this.crashesWithoutFrame <= MAX_RESTARTS;
    this.crashes.emit({ message, restarted });
    if (restarted) this.respawn();
    else this.worker.terminate();
  }

  private receive(event: WorkerEvent): void {
    switch (event.type) {
      case 'frame':
        this.crashesWithoutFrame = 0;
        // A stale or unwatched frame is still answered: the worker sends none until it is.
        if (event.generation !== this.currentGeneration || this.frames.size === 0) {
          this.frameDone();
          return;
        }
        this.frames.emit(event);
        return;
      case 'data':
        if (event.generation === this.currentGeneration) this.data.emit(event);
        return;
      case 'diverged':
        if (event.generation !== this.currentGeneration) return;
        this.running = false;
        this.diverged.emit(event);
        return;
      case 'failed':
        if (event.command === 'build') {
          // The worker kept its old network, whose shape the last configuration no longer
          // describes: the next configuration must be a build, whatever it differs in.
          this.lastConfig = null;
        }
        this.failed.emit(event);
        return;
    }
  }
}
