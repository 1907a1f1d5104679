/** Loss history points waiting for the next frame. */

/**
 * Most points kept between two frames. Frames stop while the page is hidden (it paints, and
 * so acknowledges, only on animation frames) while training goes on; a small network trains
 * thousands of epochs a second, so the pending points must not grow without bound.
 */
export const HISTORY_CAPACITY = 2048;

/**
 * Pending (epoch, train loss, test loss) points in preallocated buffers. When the buffers
 * fill up, every other point is dropped (the newest is always kept) and from then on only
 * every other offered point is kept, so the points stay evenly spread over the epochs; the
 * next `drain` starts dense again. The chart thus loses resolution, never its time span.
 */
export class PendingHistory {
  private readonly epochs = new Float64Array(HISTORY_CAPACITY);
  private readonly trainLoss = new Float64Array(HISTORY_CAPACITY);
  private readonly testLoss = new Float64Array(HISTORY_CAPACITY);
  private count = 0;
  /** Keep one of every `stride` offered points (a power of two, grown by thinning). */
  private stride = 1;
  private offered = 0;

  /** Epoch of the newest pending point, or -1 when none is pending. */
  get lastEpoch(): number {
    return this.count > 0 ? (this.epochs[this.count - 1] as number) : -1;
  }

  /** Number of pending points. */
  get length(): number {
    return this.count;
  }

  /**
   * Offers a point; it is kept unless thinning is in force and skips it.
   * @param force keep it regardless (the point a frame reports as current)
   */
  push(epoch: number, trainLoss: number, testLoss: number, force = false): void {
    // Thin first, so the point offered now already counts against the new stride.
    if (this.count === HISTORY_CAPACITY) this.thin();
    this.offered++;
    if (this.offered < this.stride && !force) return;
    this.offered = 0;
    this.epochs[this.count] = epoch;
    this.trainLoss[this.count] = trainLoss;
    this.testLoss[this.count] = testLoss;
    this.count++;
  }

  /** The pending points as fresh arrays (to transfer), leaving none pending. */
  drain(): { epochs: Float64Array; trainLoss: Float64Array; testLoss: Float64Array } {
    const points = {
      epochs: this.epochs.slice(0, this.count),
      trainLoss: this.trainLoss.slice(0, this.count),
      testLoss: this.testLoss.slice(0, this.count),
    };
    this.clear();
    return points;
  }

  /** Drops every pending point. */
  clear(): void {
    this.count = 0;
    this.stride = 1;
    this.offered = 0;
  }

  /** Keeps every other point, ending with the newest, halving the count. */
  private thin(): void {
    let kept = 0;
    // Walk so that the newest point (index count-1) survives.
    for (let i = (this.count - 1) % 2; i < this.count; i += 2) {
      this.epochs[kept] = this.epochs[i] as number;
      this.trainLoss[kept] = this.trainLoss[i] as number;
      this.testLoss[kept] = this.testLoss[i] as number;
      kept++;
    }
    this.count = kept;
    this.stride *= 2;
    this.offered = 0;
  }
}
