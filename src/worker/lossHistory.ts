/**
 * A loss curve: epochs and train and test losses in growable Float64Arrays, thinned out as
 * training goes on so a long run stays a few thousand points. The one thinning scheme of the
 * playground: the worker holds the points of the next frame in one (drained at every frame:
 * frames stop while the page is hidden, and a small network trains thousands of epochs a
 * second), the page the whole curve of the current network in another.
 */

import { Thinning } from './thinning';

/** Points kept at most before the history is thinned to half. */
export const MAX_HISTORY_POINTS = 4096;

/** Views of the stored points; valid until the next append or clear. */
export interface LossHistoryView {
  readonly length: number;
  readonly epochs: Float64Array;
  readonly trainLoss: Float64Array;
  readonly testLoss: Float64Array;
}

/** Thinned as thinning.ts says: the newest point always shown, the spacing even. */
export class LossHistory {
  private epochs = new Float64Array(256);
  private train = new Float64Array(256);
  private test = new Float64Array(256);
  private readonly thinning: Thinning;
  /** Moves a point between slots, for the thinning (bound once: it runs at every halving). */
  private readonly move = (from: number, to: number): void => {
    this.epochs[to] = this.epochs[from] as number;
    this.train[to] = this.train[from] as number;
    this.test[to] = this.test[from] as number;
  };

  constructor(maxPoints = MAX_HISTORY_POINTS) {
    this.thinning = new Thinning(maxPoints);
  }

  /** Points shown, including the provisional newest one. */
  get length(): number {
    return this.thinning.length;
  }

  /** Keep one incoming point in this many (1 until the first thinning). */
  get keepEvery(): number {
    return this.thinning.keepEvery;
  }

  /** Appends the points of one frame (parallel arrays of the same length). */
  append(epochs: Float64Array, train: Float64Array, test: Float64Array): void {
    const n = Math.min(epochs.length, train.length, test.length);
    for (let i = 0; i < n; i++) {
      this.appendPoint(epochs[i] as number, train[i] as number, test[i] as number);
    }
  }

  /** Epoch of the newest point shown, or -1 when there is none. */
  get lastEpoch(): number {
    return this.length > 0 ? (this.epochs[this.length - 1] as number) : -1;
  }

  /** Appends one point. */
  appendPoint(epoch: number, train: number, test: number): void {
    const slot = this.thinning.nextSlot;
    this.ensureCapacity(slot + 1);
    this.epochs[slot] = epoch;
    this.train[slot] = train;
    this.test[slot] = test;
    this.thinning.admit(this.move);
  }

  private ensureCapacity(size: number): void {
    if (size <= this.epochs.length) return;
    const capacity = Math.min(Math.max(size, this.epochs.length * 2), this.thinning.maxPoints + 1);
    const grow = (old: Float64Array) => {
      const next = new Float64Array(capacity);
      next.set(old.subarray(0, this.length));
      return next;
    };
    this.epochs = grow(this.epochs);
    this.train = grow(this.train);
    this.test = grow(this.test);
  }

  /**
   * Forgets the points after `epoch`, so the curve goes on from there (a restarted worker that
   * continues from a checkpoint at that epoch). The thinning stride is kept.
   */
  dropAfter(epoch: number): void {
    this.thinning.dropAfter(this.epochs, epoch);
  }

  /** Forgets every point (a new network or a reset). */
  clear(): void {
    this.thinning.clear();
  }

  /** The points as fresh arrays (to transfer), leaving none: the history starts dense again. */
  drain(): { epochs: Float64Array; trainLoss: Float64Array; testLoss: Float64Array } {
    const length = this.length;
    const points = {
      epochs: this.epochs.slice(0, length),
      trainLoss: this.train.slice(0, length),
      testLoss: this.test.slice(0, length),
    };
    this.clear();
    return points;
  }

  /** The points as views (no copy); read them before the next append. */
  view(): LossHistoryView {
    const length = this.length;
    return {
      length,
      epochs: this.epochs.subarray(0, length),
      trainLoss: this.train.subarray(0, length),
      testLoss: this.test.subarray(0, length),
    };
  }
}
