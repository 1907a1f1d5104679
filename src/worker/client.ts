/**
 * The page's side of the training worker: turns settings into commands (a build or a patch),
 * numbers generations and drops what belongs to an older one, watches the worker's heartbeat,
 * keeps its latest checkpoint, and brings a crashed or stalled worker back with the current
 * settings and the training of that checkpoint.
 */
import { changeEffects, type PlaygroundConfig } from '../config';
import type { Point } from '../data';
import type {
  BranchedEvent,
  CheckpointEvent,
  TimelineInfo,
  FrozenEvent,
  SessionState,
  DataEvent,
  Frame,
  WeightAddress,
  WorkerCommand,
  WorkerEvent,
} from './protocol';
import { Watchdog, type WatchdogOptions } from './watchdog';
import { createTrustedWorker, TRAINING_WORKER_URL } from './workerUrl';

/** What the client needs of a Worker; tests pass a fake. */
export interface WorkerLike {
  postMessage(message: WorkerCommand): void;
  addEventListener(type: string, listener: (event: Event) => void): void;
  terminate(): void;
}

export type { DataEvent };
export type DivergedEvent = Extract<WorkerEvent, { type: 'diverged' }>;
export type FailedEvent = Extract<WorkerEvent, { type: 'failed' }>;

/**
 * A worker that died or stalled: why, whether a fresh one was started in its place, and how
 * much training that one continues from.
 */
export interface CrashReport {
  /** What happened, one sentence ("The training worker stopped responding."). */
  readonly message: string;
  /** `crashed`: an error event; `stalled`: the heartbeat went unanswered. */
  readonly cause: 'crashed' | 'stalled';
  readonly restarted: boolean;
  /**
   * Numbers incidents: crashes and stalls in a row with no working worker in between share
   * one (so the page can show one message per incident and update it).
   */
  readonly incident: number;
  /** The epoch the fresh worker continues from; null when none was started or nothing built. */
  readonly restoredEpoch: number | null;
  /** Epochs seen before the incident that the restart could not keep (0 when none). */
  readonly lostEpochs: number;
}

/**
 * Crashes in a row, with no frame in between, after which the client stops restarting
 * (a worker that dies on start-up would otherwise be restarted forever).
 */
export const MAX_RESTARTS = 3;

/**
 * The real worker, bundled by Vite, its URL passed through the page's Trusted Types policy.
 * @throws when the browser refuses to start a worker (see `createTrustedWorker`)
 */
export function createTrainingWorker(): WorkerLike {
  return createTrustedWorker(TRAINING_WORKER_URL);
}

export interface TrainingClientOptions {
  /** Makes a fresh worker, now and after every crash (tests pass a fake). */
  readonly createWorker?: () => WorkerLike;
  readonly watchdog?: WatchdogOptions;
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
  private readonly createWorker: () => WorkerLike;
  private readonly watchdog: Watchdog;
  private currentGeneration = 0;
  /** Settings to re-send after a crash. */
  private lastConfig: PlaygroundConfig | null = null;
  /** The person's own points the last build was sent with (null: generated data). */
  private lastOwnData: readonly Point[] | null = null;
  private running = false;
  private speed: number | null = null;
  /** The newest checkpoint of the current generation, handed to a restarted worker. */
  private checkpoint: CheckpointEvent | null = null;
  /** A restore sent to a fresh worker: until it shows that epoch, older frames are its build's. */
  private pendingRestore: { generation: number; epoch: number } | null = null;
  /** The newest epoch the current network was seen at (frames and pongs). */
  private lastSeenEpoch = 0;
  private crashesWithoutFrame = 0;
  private incident = 0;
  /** `lastSeenEpoch` when the current incident began. */
  private incidentEpoch = 0;
  private gaveUp = false;
  private disposed = false;
  /** Callers of `requestCheckpoint` waiting for the worker's answer. */
  private checkpointWaiters: ((state: SessionState | null) => void)[] = [];
  private freezeWaiters: ((event: FrozenEvent | null) => void)[] = [];
  private readonly frames = new Listeners<Frame>();
  private readonly data = new Listeners<DataEvent>();
  private readonly diverged = new Listeners<DivergedEvent>();
  private readonly failed = new Listeners<FailedEvent>();
  private readonly crashes = new Listeners<CrashReport>();
  private readonly timelines = new Listeners<TimelineInfo>();
  private readonly branches = new Listeners<BranchedEvent>();

  /**
   * @param options how workers are made (the real one by default) and the heartbeat's timing
   * @throws when the first worker cannot be started at all (`new Worker` threw)
   */
  constructor(options: TrainingClientOptions = {}) {
    this.createWorker = options.createWorker ?? createTrainingWorker;
    this.watchdog = new Watchdog(
      (id) => this.worker.postMessage({ type: 'ping', id }),
      () => this.running,
      () => this.fail('stalled', 'The training worker stopped responding.'),
      options.watchdog,
    );
    this.worker = this.spawn();
  }

  /** Generation of the last build or reset sent; events of older ones are dropped. */
  get generation(): number {
    return this.currentGeneration;
  }

  /**
   * Sends `config`: a build (new data and weights, new generation) when it changes the data,
   * seed or shape compared with the last configuration sent, a patch that keeps the weights
   * when it changes what training does, and nothing for display-only settings. Other own
   * data (`ownData`, compared by identity) is a build too.
   */
  configure(config: PlaygroundConfig, ownData: readonly Point[] | null = null): void {
    const last = this.lastConfig;
    const dataChanged = ownData !== this.lastOwnData;
    this.lastConfig = config;
    this.lastOwnData = ownData;
    const effects = last === null ? null : changeEffects(last, config);
    if (effects === null || dataChanged || effects.has('rebuild')) {
      this.forgetTraining();
      this.sendBuild(config);
    } else if (effects.has('patch')) {
      this.send({ type: 'patch', config });
    }
  }

  /** Redraws the weights from the seed (a new generation), data unchanged. */
  reset(): void {
    this.forgetTraining();
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

  /** Redraws one hidden neuron's incoming weights and bias (engine numbering; see `revive`). */
  revive(layer: number, neuron: number): void {
    this.send({ type: 'revive', layer, neuron });
  }

  /**
   * Tells the worker the last frame has been painted, so it may send the next. The one
   * painter of frames calls this; frames nobody listens to are acknowledged by the client.
   */
  frameDone(): void {
    this.send({ type: 'frameDone' });
  }

  /**
   * The current network's state as the worker has it now (it is asked for a fresh checkpoint,
   * so a running network's state is not up to a second old).
   * @returns null when there is no network, or it was replaced before the worker answered
   */
  requestCheckpoint(): Promise<SessionState | null> {
    if (this.lastConfig === null || this.disposed || this.gaveUp) return Promise.resolve(null);
    return new Promise((resolve) => {
      this.checkpointWaiters.push(resolve);
      this.send({ type: 'checkpoint' });
    });
  }

  /**
   * Continues from a saved network: builds `config` (a new generation) and restores `state`
   * into it, as a restarted worker does with its checkpoint. The worker refuses (a `failed`
   * event for `restore`) a state that does not fit the build.
   */
  open(
    config: PlaygroundConfig,
    state: SessionState,
    ownData: readonly Point[] | null = null,
  ): void {
    this.forgetTraining();
    this.lastConfig = config;
    this.lastOwnData = ownData;
    this.sendBuild(config);
    const generation = this.currentGeneration;
    this.send({ type: 'restore', generation, state });
    this.checkpoint = { type: 'checkpoint', generation, state };
    this.pendingRestore = { generation, epoch: state.epoch };
    this.lastSeenEpoch = state.epoch;
  }

  /**
   * Shows the timeline's snapshot of `epoch` (the worker pauses; its live state is set aside
   * and stays what checkpoints, and so restarts, continue from).
   */
  viewSnapshot(epoch: number, request?: number): void {
    this.send({ type: 'viewSnapshot', epoch, ...(request === undefined ? {} : { request }) });
  }

  /** Back to the live network after `viewSnapshot`. */
  leaveTimeline(request?: number): void {
    this.send({ type: 'leaveTimeline', ...(request === undefined ? {} : { request }) });
  }

  /** Continues from the snapshot of `epoch` as a new branch (the worker answers `branched`). */
  resumeFromSnapshot(epoch: number): void {
    this.send({ type: 'resumeFromSnapshot', epoch });
  }

  onTimeline(listener: Listener<TimelineInfo>): () => void {
    return this.timelines.add(listener);
  }

  onBranched(listener: Listener<BranchedEvent>): () => void {
    return this.branches.add(listener);
  }

  /**
   * Freezes the learned choices of the live network (weights kept) and records the frozen
   * activations as the last configuration sent, so the page's matching change sends nothing.
   * @returns the worker's answer, or null when there is no network or the worker is gone
   */
  freeze(): Promise<FrozenEvent | null> {
    if (this.lastConfig === null || this.disposed || this.gaveUp) return Promise.resolve(null);
    return new Promise((resolve) => {
      this.freezeWaiters.push(resolve);
      this.send({ type: 'freeze' });
    });
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
   * Replaces the worker with a fresh one and sends it the current settings: speed, the last
   * configuration as a build of a new generation, the latest checkpoint as a restore, and the
   * run state. Also brings back a client that gave up.
   * @throws when the browser refuses to start the worker
   */
  restart(): void {
    this.crashesWithoutFrame = 0;
    this.gaveUp = false;
    this.respawn();
  }

  /** Stops the worker and forgets every listener; the client is unusable afterwards. */
  dispose(): void {
    this.disposed = true;
    this.answerCheckpointWaiters(null);
    this.watchdog.stop();
    this.worker.terminate();
    for (const listeners of [this.frames, this.data, this.diverged, this.failed, this.crashes]) {
      listeners.clear();
    }
    this.timelines.clear();
    this.branches.clear();
  }

  /**
   * A fresh worker with the settings and the latest checkpoint of the old one.
   * @returns the epoch it continues from, null when there is no network to build
   */
  private respawn(): number | null {
    const checkpoint = this.checkpoint;
    this.worker.terminate();
    this.watchdog.newWorker();
    this.worker = this.spawn();
    if (this.speed !== null) this.send({ type: 'speed', epochsPerSecond: this.speed });
    let epoch: number | null = null;
    if (this.lastConfig !== null) {
      this.sendBuild(this.lastConfig);
      epoch = 0;
      if (checkpoint !== null) {
        const generation = this.currentGeneration;
        this.send({ type: 'restore', generation, state: checkpoint.state });
        this.checkpoint = { ...checkpoint, generation };
        epoch = checkpoint.state.epoch;
        this.pendingRestore = { generation, epoch };
      }
    }
    this.lastSeenEpoch = epoch ?? 0;
    if (this.running) this.send({ type: 'run', running: true });
    return epoch;
  }

  /** A new network (rebuild or reset): the old one's checkpoint does not fit it. */
  private forgetTraining(): void {
    this.answerCheckpointWaiters(null);
    this.checkpoint = null;
    this.pendingRestore = null;
    this.lastSeenEpoch = 0;
  }

  private sendBuild(config: PlaygroundConfig): void {
    this.currentGeneration++;
    const ownData = this.lastOwnData;
    this.send({
      type: 'build',
      generation: this.currentGeneration,
      config,
      ...(ownData ? { ownData } : {}),
    });
  }

  private send(command: WorkerCommand): void {
    if (this.disposed || this.gaveUp) return;
    this.worker.postMessage(command);
    this.watchdog.commandSent();
  }

  private spawn(): WorkerLike {
    const worker = this.createWorker();
    // Events of a replaced worker may still be queued; only the current one is listened to.
    worker.addEventListener('message', (event) => {
      if (worker !== this.worker || this.disposed || this.gaveUp) return;
      this.watchdog.heardFrom();
      this.receive((event as MessageEvent<WorkerEvent>).data);
    });
    const crashed = (event: Event) => {
      if (worker !== this.worker || this.disposed || this.gaveUp) return;
      // Handled here: keep the browser from also reporting it as uncaught.
      event.preventDefault();
      const detail = 'message' in event && typeof event.message === 'string' ? event.message : '';
      this.fail(
        'crashed',
        detail
          ? `The training worker stopped: ${detail}`
          : `The training worker stopped (${event.type}).`,
      );
    };
    worker.addEventListener('error', crashed);
    worker.addEventListener('messageerror', crashed);
    return worker;
  }

  /**
   * The worker crashed or stalled: a fresh one continues from the latest checkpoint, unless
   * MAX_RESTARTS fresh ones in a row failed before showing a frame, or the browser refuses
   * to start one; then the client gives up (stops sending) and says so.
   */
  private fail(cause: CrashReport['cause'], message: string): void {
    if (this.crashesWithoutFrame === 0) {
      this.incident++;
      this.incidentEpoch = this.lastSeenEpoch;
    }
    this.crashesWithoutFrame++;
    let restoredEpoch: number | null = null;
    let restarted = this.crashesWithoutFrame <= MAX_RESTARTS;
    if (restarted) {
      try {
        restoredEpoch = this.respawn();
      } catch (error) {
        restarted = false;
        const reason = error instanceof Error ? error.message : String(error);
        message = `${message.replace(/\.$/, '')}, and a new one could not be started: ${reason}`;
      }
    }
    if (!restarted) this.giveUp();
    const lostEpochs = restoredEpoch === null ? 0 : Math.max(0, this.incidentEpoch - restoredEpoch);
    this.crashes.emit({
      message,
      cause,
      restarted,
      incident: this.incident,
      restoredEpoch,
      lostEpochs,
    });
  }

  private answerFreezeWaiters(event: FrozenEvent | null): void {
    const waiters = this.freezeWaiters;
    this.freezeWaiters = [];
    for (const resolve of waiters) resolve(event);
  }

  private answerCheckpointWaiters(state: SessionState | null): void {
    const waiters = this.checkpointWaiters;
    this.checkpointWaiters = [];
    for (const resolve of waiters) resolve(state);
  }

  private giveUp(): void {
    this.answerCheckpointWaiters(null);
    this.answerFreezeWaiters(null);
    this.gaveUp = true;
    this.watchdog.stop();
    this.worker.terminate();
  }

  private receive(event: WorkerEvent): void {
    switch (event.type) {
      case 'frame': {
        const current = event.generation === this.currentGeneration;
        const restoring = current && this.pendingRestore?.generation === event.generation;
        // The build's own frame, before the restore: it shows epoch 0 of a network about to
        // continue from the checkpoint's epoch.
        if (restoring && event.epoch < (this.pendingRestore?.epoch ?? 0)) {
          this.frameDone();
          return;
        }
        if (restoring) this.pendingRestore = null;
        if (current) {
          this.crashesWithoutFrame = 0;
          this.lastSeenEpoch = event.epoch;
        }
        // A stale or unwatched frame is still answered: the worker sends none until it is.
        if (!current || this.frames.size === 0) {
          this.frameDone();
          return;
        }
        this.frames.emit(event);
        return;
      }
      case 'pong':
        this.watchdog.pong(event.id, event.busy);
        if (event.generation === this.currentGeneration && this.pendingRestore === null) {
          this.lastSeenEpoch = event.epoch;
        }
        return;
      case 'checkpoint': {
        const pending = this.pendingRestore;
        if (event.generation !== this.currentGeneration) return;
        // The build's checkpoint, before the restore: keep the one being restored.
        if (pending !== null && event.state.epoch < pending.epoch) return;
        this.checkpoint = event;
        this.answerCheckpointWaiters(event.state);
        return;
      }
      case 'data':
        if (event.generation === this.currentGeneration) this.data.emit(event);
        return;
      case 'timeline':
        if (event.generation === this.currentGeneration) this.timelines.emit(event);
        return;
      case 'branched':
        if (event.generation === this.currentGeneration) this.branches.emit(event);
        return;
      case 'frozen': {
        const current = event.generation === this.currentGeneration;
        if (current && this.lastConfig)
          this.lastConfig = { ...this.lastConfig, hidden: event.hidden };
        this.answerFreezeWaiters(current ? event : null);
        return;
      }
      case 'diverged':
        if (event.generation !== this.currentGeneration) return;
        this.running = false;
        this.diverged.emit(event);
        return;
      case 'failed':
        if (event.command === 'freeze') this.answerFreezeWaiters(null);
        if (event.command === 'restore') {
          // The fresh worker keeps its new build at epoch 0; this checkpoint will not do.
          this.pendingRestore = null;
          this.checkpoint = null;
        }
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
