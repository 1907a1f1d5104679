/**
 * The comparison's frame hub: the latest pair frame, the shared data and each side's loss
 * history, kept outside React and painted once per display refresh (as frameHub.ts does for
 * the playground). The frame is acknowledged after the paint, so the worker sends the next
 * one only then.
 */
import type { PairFrame } from '../worker/lockstepProtocol';
import { LossHistory, MAX_HISTORY_POINTS, type LossHistoryView } from '../worker/lossHistory';
import type { DataEvent } from '../worker/protocol';

export type PairListener = (hub: PairHub) => void;

export interface PairHubOptions {
  readonly requestAnimationFrame?: (paint: () => void) => unknown;
}

function defaultRequestAnimationFrame(paint: () => void): unknown {
  if (typeof globalThis.requestAnimationFrame === 'function') {
    return globalThis.requestAnimationFrame(() => paint());
  }
  return setTimeout(paint, 16);
}

export class PairHub {
  private frame: PairFrame | null = null;
  private data: DataEvent | null = null;
  private newestGeneration = -Infinity;
  private readonly histories = [
    new LossHistory(MAX_HISTORY_POINTS),
    new LossHistory(MAX_HISTORY_POINTS),
  ];
  private readonly listeners = new Set<PairListener>();
  private paintPending = false;
  private acknowledge: (() => void) | null = null;
  private disposed = false;
  private readonly requestFrame: (paint: () => void) => unknown;

  constructor(options: PairHubOptions = {}) {
    this.requestFrame = options.requestAnimationFrame ?? defaultRequestAnimationFrame;
  }

  /** The newest frame of the current pair, or null before its first. */
  get latestFrame(): PairFrame | null {
    return this.frame;
  }

  get latestData(): DataEvent | null {
    return this.data;
  }

  /** Side `side`'s loss history (0 or 1) as views; read them before the next frame. */
  lossHistory(side: 0 | 1): LossHistoryView {
    return (this.histories[side] as LossHistory).view();
  }

  /** Takes a frame (its history at once, so coalesced frames lose no points); false if stale. */
  pushFrame(frame: PairFrame, acknowledge?: () => void): boolean {
    if (this.disposed || frame.generation < this.newestGeneration) {
      acknowledge?.();
      return false;
    }
    this.enter(frame.generation);
    frame.sides.forEach((side, i) => {
      this.histories[i]?.append(side.historyEpochs, side.historyTrainLoss, side.historyTestLoss);
    });
    this.frame = frame;
    // Only the newest frame is painted, so only its acknowledgement is due.
    this.acknowledge = acknowledge ?? null;
    this.schedulePaint();
    return true;
  }

  pushData(data: DataEvent): boolean {
    if (this.disposed || data.generation < this.newestGeneration) return false;
    this.enter(data.generation);
    this.data = data;
    this.schedulePaint();
    return true;
  }

  /** A build or reset of `generation` was sent: older frames are stale from now on. */
  expectGeneration(generation: number): void {
    if (this.disposed || generation <= this.newestGeneration) return;
    this.enter(generation);
    this.data = null;
    this.schedulePaint();
  }

  subscribe(listener: PairListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  dispose(): void {
    this.disposed = true;
    this.listeners.clear();
    this.acknowledge = null;
  }

  private enter(generation: number): void {
    if (generation === this.newestGeneration) return;
    this.newestGeneration = generation;
    for (const history of this.histories) history.clear();
    this.frame = null;
  }

  private schedulePaint(): void {
    if (this.paintPending || this.disposed) return;
    this.paintPending = true;
    this.requestFrame(() => this.paint());
  }

  private paint(): void {
    this.paintPending = false;
    if (this.disposed) return;
    const acknowledge = this.acknowledge;
    this.acknowledge = null;
    for (const listener of [...this.listeners]) {
      try {
        listener(this);
      } catch (error) {
        queueMicrotask(() => {
          throw error;
        });
      }
    }
    acknowledge?.();
  }
}
