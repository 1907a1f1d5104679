/**
 * Several values per epoch (the mean |gradient| reaching each layer), thinned as the loss
 * history is (thinning.ts): the newest point always shown, the spacing even over the run.
 */
import { Thinning } from './thinning';

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
  private readonly thinning: Thinning;
  /** Moves a point between slots, for the thinning (bound once: it runs at every halving). */
  private readonly move = (from: number, to: number): void => {
    this.write(to, this.epochs[from] as number, this.values, from * this.width);
  };

  /**
   * @param width values per point (0 allowed: a network without hidden layers)
   * @param maxPoints points kept at most before thinning
   */
  constructor(
    readonly width: number,
    maxPoints = 4096,
  ) {
    if (!Number.isInteger(width) || width < 0) {
      throw new RangeError(`width must be a whole number, got ${width}`);
    }
    this.thinning = new Thinning(maxPoints);
    this.values = new Float64Array(64 * width);
  }

  /** Points shown, including the provisional newest one. */
  get length(): number {
    return this.thinning.length;
  }

  /** Epoch of the newest point shown, or -1 when there is none. */
  get lastEpoch(): number {
    return this.length > 0 ? (this.epochs[this.length - 1] as number) : -1;
  }

  /** Appends one point; `values` must hold `width` numbers. */
  appendPoint(epoch: number, values: ArrayLike<number>): void {
    const slot = this.thinning.nextSlot;
    this.ensureCapacity(slot + 1);
    this.write(slot, epoch, values, 0);
    this.thinning.admit(this.move);
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

  private ensureCapacity(size: number): void {
    if (size <= this.epochs.length) return;
    const capacity = Math.min(Math.max(size, this.epochs.length * 2), this.thinning.maxPoints + 1);
    const epochs = new Float64Array(capacity);
    epochs.set(this.epochs.subarray(0, this.length));
    const values = new Float64Array(capacity * this.width);
    values.set(this.values.subarray(0, this.length * this.width));
    this.epochs = epochs;
    this.values = values;
  }

  /** Forgets the points after `epoch` (continuing from a checkpoint there). */
  dropAfter(epoch: number): void {
    this.thinning.dropAfter(this.epochs, epoch);
  }

  clear(): void {
    this.thinning.clear();
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
