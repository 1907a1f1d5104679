/**
 * A loss curve: epochs and train and test losses in growable Float64Arrays, thinned out as
 * training goes on so a long run stays a few thousand points. The one thinning scheme of the
 * playground: the worker holds the points of the next frame in one (drained at every frame:
 * frames stop while the page is hidden, and a small network trains thousands of epochs a
 * second), the page the whole curve of the current network in another.
 */

/** Points kept at most before the history is thinned to half. */
export const MAX_HISTORY_POINTS = 4096;

/** Views of the stored points; valid until the next append or clear. */
export interface LossHistoryView {
  readonly length: number;
  readonly epochs: Float64Array;
  readonly trainLoss: Float64Array;
  readonly testLoss: Float64Array;
}

/**
 * Thinning: when `maxPoints` points are stored, every second one is dropped and from then on
 * only every `stride`-th incoming point is kept, so the spacing stays even over the whole run.
 * The newest point is always shown (as a provisional last point until it is kept or replaced),
 * so the curve ends at the current loss.
 */
export class LossHistory {
  private epochs = new Float64Array(256);
  private train = new Float64Array(256);
  private test = new Float64Array(256);
  /** Points kept for good. */
  private kept = 0;
  /** A provisional newest point sits at index `kept`. */
  private hasTail = false;
  /** Incoming points since the last kept one. */
  private sinceKept = 0;
  /** Keep one incoming point in `stride`. */
  private stride = 1;

  constructor(private readonly maxPoints = MAX_HISTORY_POINTS) {
    if (!Number.isInteger(maxPoints) || maxPoints < 4) {
      throw new RangeError(`maxPoints must be a whole number of at least 4, got ${maxPoints}`);
    }
  }

  /** Points shown, including the provisional newest one. */
  get length(): number {
    return this.kept + (this.hasTail ? 1 : 0);
  }

  /** Keep one incoming point in this many (1 until the first thinning). */
  get keepEvery(): number {
    return this.stride;
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
    this.ensureCapacity(this.kept + 1);
    this.epochs[this.kept] = epoch;
    this.train[this.kept] = train;
    this.test[this.kept] = test;
    this.sinceKept++;
    if (this.sinceKept < this.stride) {
      this.hasTail = true;
      return;
    }
    this.kept++;
    this.sinceKept = 0;
    this.hasTail = false;
    if (this.kept >= this.maxPoints) this.thin();
  }

  /** Drops every second kept point (keeping the first) and halves the intake from now on. */
  private thin(): void {
    // When the newest kept point is dropped (an even count), the next kept one must come a
    // full new stride after the last point left, so the spacing stays even.
    const droppedNewest = this.kept % 2 === 0;
    let write = 0;
    for (let read = 0; read < this.kept; read += 2) {
      this.epochs[write] = this.epochs[read] as number;
      this.train[write] = this.train[read] as number;
      this.test[write] = this.test[read] as number;
      write++;
    }
    if (droppedNewest) {
      // ... and until then the dropped newest point stays shown as the provisional tail.
      const newest = this.kept - 1;
      this.epochs[write] = this.epochs[newest] as number;
      this.train[write] = this.train[newest] as number;
      this.test[write] = this.test[newest] as number;
    }
    this.kept = write;
    this.hasTail = droppedNewest;
    this.sinceKept = droppedNewest ? this.stride : 0;
    this.stride *= 2;
  }

  private ensureCapacity(size: number): void {
    if (size <= this.epochs.length) return;
    const capacity = Math.min(Math.max(size, this.epochs.length * 2), this.maxPoints + 1);
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
    let length = this.length;
    while (length > 0 && (this.epochs[length - 1] as number) > epoch) length--;
    if (length === this.length) return;
    // Whatever is left is kept for good (a dropped provisional tail leaves none).
    this.kept = length;
    this.hasTail = false;
    this.sinceKept = 0;
  }

  /** Forgets every point (a new network or a reset). */
  clear(): void {
    this.kept = 0;
    this.hasTail = false;
    this.sinceKept = 0;
    this.stride = 1;
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
