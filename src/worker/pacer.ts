/**
 * When the trainer works, apart from what it computes: the speed limit's credit of epochs,
 * the steps asked for, and the frame flow control (at most one frame in flight, at most one
 * per display refresh). Time comes only from the clock passed in, so tests drive it exactly.
 */

/** Shortest time between two frames, in milliseconds (one display refresh at 60 Hz). */
export const FRAME_INTERVAL_MS = 16;
/**
 * At Max, milliseconds the worker rests after each training slice (SLICE_MS, 10 ms), why: on
 * a 2-core machine a worker that never rests keeps a core from the page's compositor and
 * raster threads, which then miss display refreshes; resting 2 ms in 12 costs about a sixth
 * of the epochs and leaves them a share of the core. Commands and frames are not delayed.
 */
export const MAX_SPEED_REST_MS = 2;
/** At a limited speed, epochs owed after a stall that may be caught up at once, in seconds. */
const MAX_CATCH_UP_SECONDS = 0.25;

export class Pacer {
  /** The person's intent: train continuously. */
  running = false;
  /** Epochs per second while running; null for as many as fit. */
  private speed: number | null = null;
  /** Epochs owed by the speed limit, and when that was last brought up to date. */
  private credit = 0;
  private creditTime = 0;
  private pendingSteps = 0;
  private frameOutstanding = false;
  private frameWanted = false;
  private lastFrameTime = -Infinity;
  private lastSliceEnd = -Infinity;

  /** Whether a frame was posted and the page has not answered `frameDone` yet. */
  get frameInFlight(): boolean {
    return this.frameOutstanding;
  }

  /** Milliseconds from `now` until a display refresh has passed since the last frame. */
  msUntilFrameAllowed(now: number): number {
    return Math.max(0, this.lastFrameTime + FRAME_INTERVAL_MS - now);
  }

  /** Whether training work is under way or waiting: running, or steps still to train. */
  get busy(): boolean {
    return this.running || this.pendingSteps > 0;
  }

  /** Play or pause at time `now`. Playing owes one epoch, so a slow speed answers at once. */
  setRunning(running: boolean, now: number): void {
    if (running && !this.running) {
      this.credit = 1;
      this.creditTime = now;
    }
    this.running = running;
    this.frameWanted = true;
  }

  /** @throws RangeError unless a positive finite number or null */
  setSpeed(epochsPerSecond: number | null, now: number): void {
    if (epochsPerSecond !== null && !(Number.isFinite(epochsPerSecond) && epochsPerSecond > 0)) {
      throw new RangeError(
        `epochsPerSecond must be a positive number or null; got ${epochsPerSecond}`,
      );
    }
    this.speed = epochsPerSecond;
    this.credit = Math.min(this.credit, 1);
    this.creditTime = now;
  }

  /** @throws RangeError unless a whole number of 1 or more */
  addSteps(epochs: number): void {
    if (!Number.isInteger(epochs) || epochs < 1) {
      throw new RangeError(`epochs must be an integer of 1 or more; got ${epochs}`);
    }
    this.pendingSteps += epochs;
  }

  /** Stops everything that was due: running, steps and the wanted frame (after an error). */
  halt(): void {
    this.running = false;
    this.pendingSteps = 0;
    this.frameWanted = false;
  }

  /** Pauses and forgets the steps asked for (a divergence); a frame is still wanted. */
  pause(): void {
    this.running = false;
    this.pendingSteps = 0;
    this.frameWanted = true;
  }

  /** Forgets the steps asked for (a new network). */
  clearSteps(): void {
    this.pendingSteps = 0;
  }

  /** Brings the speed limit's credit up to `now`, at the start of a slice. */
  startSlice(now: number): void {
    if (!this.running || this.speed === null) return;
    const owed = this.credit + ((now - this.creditTime) * this.speed) / 1000;
    this.credit = Math.min(owed, Math.max(1, this.speed * MAX_CATCH_UP_SECONDS));
    this.creditTime = now;
  }

  /** A slice of training ended at `now` (the rest at Max counts from here). */
  endSlice(now: number): void {
    this.lastSliceEnd = now;
  }

  /** Whether an epoch is due now, consuming it: a pending step, or one the speed allows. */
  takeDueEpoch(): boolean {
    if (this.pendingSteps > 0) {
      this.pendingSteps--;
      return true;
    }
    if (!this.running) return false;
    if (this.speed === null) return true;
    if (this.credit < 1) return false;
    this.credit -= 1;
    return true;
  }

  /** Something changed that the page should see. */
  wantFrame(): void {
    this.frameWanted = true;
  }

  /** True when a wanted frame may go now: none in flight, and a refresh since the last. */
  mayPostFrame(now: number): boolean {
    return (
      this.frameWanted && !this.frameOutstanding && now - this.lastFrameTime >= FRAME_INTERVAL_MS
    );
  }

  /** A frame was posted at `now`; no other goes until the page answers `frameDone`. */
  framePosted(now: number): void {
    this.frameWanted = false;
    this.frameOutstanding = true;
    this.lastFrameTime = now;
  }

  frameDone(): void {
    this.frameOutstanding = false;
  }

  /**
   * Milliseconds until there is something to do at `now`: 0 for at once, null for nothing
   * until the next command (paused, no steps pending, no frame waiting or the last unanswered).
   */
  nextDelayMs(now: number): number | null {
    if (this.pendingSteps > 0) return 0;
    let delay: number | null = null;
    if (this.running) {
      delay =
        this.speed === null
          ? Math.max(0, this.lastSliceEnd + MAX_SPEED_REST_MS - now)
          : Math.max(0, ((1 - this.credit) * 1000) / this.speed);
    }
    if (this.frameWanted && !this.frameOutstanding) {
      const frameDelay = Math.max(0, this.lastFrameTime + FRAME_INTERVAL_MS - now);
      delay = delay === null ? frameDelay : Math.min(delay, frameDelay);
    }
    return delay;
  }
}
