/**
 * Several values per epoch (the mean |gradient| reaching each layer), thinned as the loss
 * history is (lossHistory.ts): when `maxPoints` are kept every second one is dropped and from
 * then on only every `stride`-th incoming point is kept, so the spacing stays even over the
 * whole run; the newest point is always shown, as a provisional tail until kept or replaced.
 */

/** Views of the stored points; valid until the next append or clear. */
export interface SeriesView {
  readonly length: number;
  /** Values per point. */
  readonly width: number;
  readonly epochs: Float64Array;
  /** Point i's value j at `values[i * width + j]`. */
  readonly values: Float64Array;
}

export class SeriesHistory {
  private epochs = new Float64Array(64);
  private values: Float64Array;
  private kept = 0;
  private hasTail = false;
  private sinceKept = 0;
  private stride = 1;

  /**
   * @param width values per point (0 allowed: a network without hidden layers)
   * @param maxPoints points kept at most before thinning
   */
  constructor(
    readonly width: number,
    private readonly maxPoints = 4096,
  ) {
    if (!Number.isInteger(width) || width < 0) {
      throw new RangeError(`width must be a whole number, got ${width}`);
    }
    if (!Number.isInteger(maxPoints) || maxPoints < 4) {
      throw new RangeError(`maxPoints must be a whole number of at least 4, got ${maxPoints}`);
    }
    this.values = new Float64Array(64 * width);
  }

  /** Points shown, including the provisional newest one. */
  get length(): number {
    return this.kept + (this.hasTail ? 1 : 0);
  }

  /** Epoch of the newest point shown, or -1 when there is none. */
  get lastEpoch(): number {
    return this.length > 0 ? (this.epochs[this.length - 1] as number) : -1;
  }

  /** Appends one point; `values` must hold `width` numbers. */
  appendPoint(epoch: number, values: ArrayLike<number>): void {
    this.ensureCapacity(this.kept + 1);
    this.write(this.kept, epoch, values, 0);
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

  /** Appends points laid out as `view` describes them (another history's drain). */
  append(epochs: Float64Array, values: Float64Array): void {
    const w = this.width;
    const n = w === 0 ? epochs.length : Math.min(epochs.length, Math.floor(values.length / w));
    for (let i = 0; i < n; i++)
      this.appendPoint(epochs[i] as number, values.subarray(i * w, (i + 1) * w));
  }

  private write(at: number, epoch: number, values: ArrayLike<number>, from: number): void {
    this.epochs[at] = epoch;
    for (let j = 0; j < this.width; j++)
      this.values[at * this.width + j] = values[from + j] as number;
  }

  private thin(): void {
    // As in LossHistory: a dropped newest point stays shown as the tail, and the next kept one
    // comes a full new stride after the last point left.
    const droppedNewest = this.kept % 2 === 0;
    let write = 0;
    for (let read = 0; read < this.kept; read += 2) {
      this.write(write, this.epochs[read] as number, this.values, read * this.width);
      write++;
    }
    if (droppedNewest) {
      const newest = this.kept - 1;
      this.write(write, this.epochs[newest] as number, this.values, newest * this.width);
    }
    this.kept = write;
    this.hasTail = droppedNewest;
    this.sinceKept = droppedNewest ? this.stride : 0;
    this.stride *= 2;
  }

  private ensureCapacity(size: number): void {
    if (size <= this.epochs.length) return;
    const capacity = Math.min(Math.max(size, this.epochs.length * 2), this.maxPoints + 1);
    const epochs = new Float64Array(capacity);
    epochs.set(this.epochs.subarray(0, this.length));
    const values = new Float64Array(capacity * this.width);
    values.set(this.values.subarray(0, this.length * this.width));
    this.epochs = epochs;
    this.values = values;
  }

  /** Forgets the points after `epoch` (continuing from a checkpoint there). */
  dropAfter(epoch: number): void {
    let length = this.length;
    while (length > 0 && (this.epochs[length - 1] as number) > epoch) length--;
    if (length === this.length) return;
    this.kept = length;
    this.hasTail = false;
    this.sinceKept = 0;
  }

  clear(): void {
    this.kept = 0;
    this.hasTail = false;
    this.sinceKept = 0;
    this.stride = 1;
  }

  /** The points as fresh arrays (to transfer), leaving none. */
  drain(): { epochs: Float64Array; values: Float64Array } {
    const length = this.length;
    const points = {
      epochs: this.epochs.slice(0, length),
      values: this.values.slice(0, length * this.width),
    };
    this.clear();
    return points;
  }

  view(): SeriesView {
    const length = this.length;
    return {
      length,
      width: this.width,
      epochs: this.epochs.subarray(0, length),
      values: this.values.subarray(0, length * this.width),
    };
  }
}
