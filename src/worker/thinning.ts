/**
 * The one thinning scheme of the playground's curves (the loss, lossHistory.ts; the gradient
 * flow, seriesHistory.ts), as bookkeeping over slots that a store of points fills: when
 * `maxPoints` points are kept, every second one is dropped and from then on only every
 * `stride`-th incoming point is kept, so the spacing stays even over the whole run. The newest
 * point is always shown, as a provisional tail (at slot `kept`) until it is kept or replaced,
 * so a curve ends at the current value.
 */
export class Thinning {
  /** Points kept for good, in slots 0 to kept − 1. */
  private kept = 0;
  /** A provisional newest point sits in slot `kept`. */
  private hasTail = false;
  /** Incoming points since the last kept one. */
  private sinceKept = 0;
  /** Keep one incoming point in `stride`. */
  private stride = 1;

  constructor(readonly maxPoints: number) {
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

  /** The slot the next point is written to, before `admit`. */
  get nextSlot(): number {
    return this.kept;
  }

  /**
   * Takes the point just written to `nextSlot`; when that fills the store, halves it, calling
   * `move(from, to)` for each point that stays (in order, `to` ≤ `from`).
   */
  admit(move: (from: number, to: number) => void): void {
    this.sinceKept++;
    if (this.sinceKept < this.stride) {
      this.hasTail = true;
      return;
    }
    this.kept++;
    this.sinceKept = 0;
    this.hasTail = false;
    if (this.kept >= this.maxPoints) this.halve(move);
  }

  /** Drops every second kept point (keeping the first) and halves the intake from now on. */
  private halve(move: (from: number, to: number) => void): void {
    // When the newest kept point is dropped (an even count), the next kept one must come a
    // full new stride after the last point left, so the spacing stays even ...
    const droppedNewest = this.kept % 2 === 0;
    let write = 0;
    for (let read = 0; read < this.kept; read += 2) move(read, write++);
    // ... and until then the dropped newest point stays shown as the provisional tail.
    if (droppedNewest) move(this.kept - 1, write);
    this.kept = write;
    this.hasTail = droppedNewest;
    this.sinceKept = droppedNewest ? this.stride : 0;
    this.stride *= 2;
  }

  /**
   * Forgets the points after `epoch` (`epochs` holds each slot's epoch), so the curve goes on
   * from there (continuing from a checkpoint or a snapshot at that epoch). The stride is kept.
   */
  dropAfter(epochs: Float64Array, epoch: number): void {
    let length = this.length;
    while (length > 0 && (epochs[length - 1] as number) > epoch) length--;
    if (length === this.length) return;
    // Whatever is left is kept for good (a dropped provisional tail leaves none).
    this.kept = length;
    this.hasTail = false;
    this.sinceKept = 0;
  }

  /** Forgets every point. */
  clear(): void {
    this.kept = 0;
    this.hasTail = false;
    this.sinceKept = 0;
    this.stride = 1;
  }
}
