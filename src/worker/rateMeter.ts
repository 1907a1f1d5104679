/** Epochs per second over a sliding window of wall-clock time. */

/** Length of the window the rate is measured over, in milliseconds. */
export const RATE_WINDOW_MS = 1000;
/** Samples kept; at one sample per ~10 ms slice this spans more than the window. */
const SAMPLES = 256;

/**
 * Records (time, total epochs) samples in a ring and reports the rate between the oldest
 * sample still inside the window and the newest. Allocates nothing after construction.
 */
export class RateMeter {
  private readonly times = new Float64Array(SAMPLES);
  private readonly totals = new Float64Array(SAMPLES);
  /** Index of the next sample to write, and the number of valid samples. */
  private next = 0;
  private count = 0;

  /** Records that `total` epochs had been trained by time `now` (milliseconds). */
  record(now: number, total: number): void {
    this.times[this.next] = now;
    this.totals[this.next] = total;
    this.next = (this.next + 1) % SAMPLES;
    if (this.count < SAMPLES) this.count++;
  }

  /**
   * Epochs per second over the last RATE_WINDOW_MS before `now` (or between the last two
   * samples when only one falls inside it); 0 without two samples.
   */
  rate(now: number): number {
    if (this.count < 2) return 0;
    const newest = (this.next - 1 + SAMPLES) % SAMPLES;
    let oldest = newest;
    for (let k = 1; k < this.count; k++) {
      const i = (newest - k + SAMPLES) % SAMPLES;
      if (now - (this.times[i] as number) > RATE_WINDOW_MS) break;
      oldest = i;
    }
    // Slower than one epoch per window: measure over the last gap instead, however long.
    if (oldest === newest) oldest = (newest - 1 + SAMPLES) % SAMPLES;
    const dt = (this.times[newest] as number) - (this.times[oldest] as number);
    if (dt <= 0) return 0;
    return (((this.totals[newest] as number) - (this.totals[oldest] as number)) * 1000) / dt;
  }

  /** Forgets every sample (training paused: the next run measures afresh). */
  clear(): void {
    this.next = 0;
    this.count = 0;
  }
}
