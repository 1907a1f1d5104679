/**
 * The page's side of the comparison's worker: numbers generations, drops what belongs to an
 * older one, and brings a crashed worker back with the last build (from epoch 0, and says so).
 */
import type { PlaygroundConfig } from '../config';
import type { LockstepCommand, LockstepEvent, LockstepTarget, PairFrame } from './lockstepProtocol';
import type { DataEvent } from './protocol';
import { allowBundledWorker, createTrustedWorker } from './workerUrl';
// `?worker&url`: the bundled worker's URL, so it can pass the page's Trusted Types policy.
import lockstepWorkerUrl from './lockstep.worker.ts?worker&url';

/** What the client needs of a Worker; tests pass a fake. */
export interface LockstepWorkerLike {
  postMessage(message: LockstepCommand): void;
  addEventListener(type: string, listener: (event: Event) => void): void;
  terminate(): void;
}

/** Crashes in a row, with no frame between, after which the client gives up. */
export const MAX_LOCKSTEP_RESTARTS = 3;

/** The real worker, started through the page's Trusted Types policy (see workerUrl.ts). */
export function createLockstepWorker(): LockstepWorkerLike {
  return createTrustedWorker(allowBundledWorker(lockstepWorkerUrl));
}

type Listener<T> = (value: T) => void;

export class LockstepClient {
  private worker: LockstepWorkerLike;
  private currentGeneration = 0;
  private lastBuild: Extract<LockstepCommand, { type: 'build' }> | null = null;
  private speed: number | null = null;
  private crashes = 0;
  private disposed = false;
  private readonly frameListeners = new Set<Listener<PairFrame>>();
  private readonly dataListeners = new Set<Listener<DataEvent>>();
  private readonly messageListeners = new Set<Listener<string>>();

  constructor(private readonly createWorker: () => LockstepWorkerLike = createLockstepWorker) {
    this.worker = this.spawn();
  }

  /** The generation of the last build or reset; older frames are dropped. */
  get generation(): number {
    return this.currentGeneration;
  }

  /** Two networks from `configs` (activations apart), epoch 0. */
  build(configs: readonly [PlaygroundConfig, PlaygroundConfig], target: LockstepTarget): void {
    this.currentGeneration++;
    this.lastBuild = { type: 'build', generation: this.currentGeneration, configs, target };
    this.send(this.lastBuild);
  }

  reset(): void {
    this.currentGeneration++;
    this.send({ type: 'reset', generation: this.currentGeneration });
  }

  setRunning(running: boolean): void {
    this.send({ type: 'run', running });
  }

  step(epochs = 1): void {
    this.send({ type: 'step', epochs });
  }

  setSpeed(epochsPerSecond: number | null): void {
    this.speed = epochsPerSecond;
    this.send({ type: 'speed', epochsPerSecond });
  }

  frameDone(): void {
    this.send({ type: 'frameDone' });
  }

  onFrame(listener: Listener<PairFrame>): () => void {
    this.frameListeners.add(listener);
    return () => this.frameListeners.delete(listener);
  }

  onData(listener: Listener<DataEvent>): () => void {
    this.dataListeners.add(listener);
    return () => this.dataListeners.delete(listener);
  }

  /** Failures and crashes, as sentences for the page. */
  onMessage(listener: Listener<string>): () => void {
    this.messageListeners.add(listener);
    return () => this.messageListeners.delete(listener);
  }

  dispose(): void {
    this.disposed = true;
    this.worker.terminate();
    this.frameListeners.clear();
    this.dataListeners.clear();
    this.messageListeners.clear();
  }

  private send(command: LockstepCommand): void {
    if (!this.disposed) this.worker.postMessage(command);
  }

  private emitMessage(text: string): void {
    for (const listener of this.messageListeners) listener(text);
  }

  private spawn(): LockstepWorkerLike {
    const worker = this.createWorker();
    worker.addEventListener('message', (event) => {
      if (worker === this.worker) this.receive((event as MessageEvent<LockstepEvent>).data);
    });
    const crashed = (event: Event) => {
      if (worker !== this.worker || this.disposed) return;
      event.preventDefault();
      this.crash();
    };
    worker.addEventListener('error', crashed);
    worker.addEventListener('messageerror', crashed);
    return worker;
  }

  private crash(): void {
    this.crashes++;
    this.worker.terminate();
    if (this.crashes > MAX_LOCKSTEP_RESTARTS) {
      this.emitMessage(
        'The comparison’s worker keeps stopping; close the comparison and try again.',
      );
      return;
    }
    this.emitMessage('The comparison’s worker stopped; it was restarted from epoch 0.');
    this.worker = this.spawn();
    if (this.speed !== null) this.send({ type: 'speed', epochsPerSecond: this.speed });
    if (this.lastBuild) this.build(this.lastBuild.configs, this.lastBuild.target);
  }

  private receive(event: LockstepEvent): void {
    switch (event.type) {
      case 'pair':
        this.crashes = 0;
        if (event.generation !== this.currentGeneration || this.frameListeners.size === 0) {
          this.frameDone();
          return;
        }
        for (const listener of this.frameListeners) listener(event);
        return;
      case 'data':
        if (event.generation === this.currentGeneration) {
          for (const listener of this.dataListeners) listener(event);
        }
        return;
      case 'failed':
        this.emitMessage(event.message);
        return;
    }
  }
}
