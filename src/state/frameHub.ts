/**
 * What changes every frame, kept outside React and outside the store: the latest frame, the
 * latest data set and the loss history. Painters subscribe here and draw straight onto
 * canvases (zustand's "transient updates"); the store only gets throttled readouts.
 *
 * Paints are coalesced: however many frames arrive between two display refreshes, listeners
 * run once, in one requestAnimationFrame callback, and see only the newest. After they ran the
 * hub acknowledges the frame (the bridge passes `port.frameDone`), which lets the worker send
 * the next one, so frames never pile up behind a busy page.
 */
import type { DataEvent, Frame } from '../worker/protocol';
import { LossHistory, MAX_HISTORY_POINTS, type LossHistoryView } from '../worker/lossHistory';
import { DiagnosticsRecord } from './diagnosticsRecord';

export type { DataEvent };

/** Called once per paint; read `hub.latestFrame`, `hub.latestData`, `hub.lossHistory()`. */
export type HubListener = (hub: FrameHub) => void;

export interface FrameHubOptions {
  /** Schedules a paint; the browser's requestAnimationFrame by default (tests pass a fake). */
  readonly requestAnimationFrame?: (paint: () => void) => unknown;
  /** Points of loss history kept before thinning (see LossHistory). */
  readonly maxHistoryPoints?: number;
  /**
   * Gets an error a listener threw; the other listeners still run and the frame is still
   * acknowledged. By default it is rethrown in a microtask, so it reaches the console and
   * window.onerror without stopping the paint loop.
   */
  readonly reportError?: (error: unknown) => void;
}

function defaultRequestAnimationFrame(paint: () => void): unknown {
  if (typeof globalThis.requestAnimationFrame === 'function') {
    return globalThis.requestAnimationFrame(() => paint());
  }
  return setTimeout(paint, 16);
}

function rethrowLater(error: unknown): void {
  queueMicrotask(() => {
    throw error;
  });
}

/**
 * A frame's buffers were transferred from the worker and belong to the page from then on.
 * Listeners read `hub.latestFrame` afresh at each paint rather than keeping a frame: the hub
 * drops its frame when a rebuild is sent (`expectGeneration`), and a painter that kept one
 * would paint the old network under the new settings.
 *
 * A frame of the current generation has the shape of the current config (a new shape is a
 * build, a new generation); painters still check sizes, so a frame that does not fit draws
 * nothing rather than garbage.
 */
export class FrameHub {
  private frame: Frame | null = null;
  private data: DataEvent | null = null;
  /** The latest health pass and the gradient flow of the current network. */
  readonly diagnostics = new DiagnosticsRecord();
  private newestGeneration = -Infinity;
  private readonly history: LossHistory;
  private readonly listeners = new Set<HubListener>();
  private paintPending = false;
  private acknowledge: (() => void) | null = null;
  private disposed = false;
  private readonly requestFrame: (paint: () => void) => unknown;
  private readonly reportError: (error: unknown) => void;

  constructor(options: FrameHubOptions = {}) {
    this.requestFrame = options.requestAnimationFrame ?? defaultRequestAnimationFrame;
    this.reportError = options.reportError ?? rethrowLater;
    this.history = new LossHistory(options.maxHistoryPoints ?? MAX_HISTORY_POINTS);
  }

  /** The newest frame accepted, or null before the first one of the current network. */
  get latestFrame(): Frame | null {
    return this.frame;
  }

  /** The points of the current build, or null before the first `data` event. */
  get latestData(): DataEvent | null {
    return this.data;
  }

  /** The newest generation seen in a frame or data event (-Infinity before any). */
  get generation(): number {
    return this.newestGeneration;
  }

  /** True for a generation older than the newest seen: a leftover of an earlier build. */
  isStale(generation: number): boolean {
    return generation < this.newestGeneration;
  }

  /** The loss history as views; read them before the next frame. */
  lossHistory(): LossHistoryView {
    return this.history.view();
  }

  /**
   * Takes a frame: appends its loss history at once (so coalesced frames lose no points) and
   * schedules a paint. A frame of an older generation is dropped and acknowledged at once.
   * @param acknowledge called once the frame (or a newer one) has been painted
   * @returns false when the frame was stale
   */
  pushFrame(frame: Frame, acknowledge?: () => void): boolean {
    if (this.disposed || this.isStale(frame.generation)) {
      acknowledge?.();
      return false;
    }
    this.enterGeneration(frame.generation);
    this.history.append(frame.historyEpochs, frame.historyTrainLoss, frame.historyTestLoss);
    this.diagnostics.take(frame);
    this.frame = frame;
    // Only the newest frame is painted, so only its acknowledgement is due.
    this.acknowledge = acknowledge ?? null;
    this.schedulePaint();
    return true;
  }

  /** Takes the points of a new build; false when stale. */
  pushData(data: DataEvent): boolean {
    if (this.disposed || this.isStale(data.generation)) return false;
    this.enterGeneration(data.generation);
    this.data = data;
    this.schedulePaint();
    return true;
  }

  /**
   * A build or reset of `generation` was sent: from now on, frames and data of older
   * generations are stale, and the previous network's frame is no longer painted (painters
   * keep what they last drew until the new network's first frame).
   */
  expectGeneration(generation: number): void {
    if (this.disposed || generation <= this.newestGeneration) return;
    this.enterGeneration(generation);
    this.data = null;
  }

  /**
   * A restarted worker continues the current network as `generation`, from a checkpoint at
   * `epoch`: its frames are not a new network's, so the loss history up to that epoch stays,
   * and the last frame stays painted until the new worker's first.
   */
  continueAs(generation: number, epoch: number): void {
    if (this.disposed || generation <= this.newestGeneration) return;
    this.newestGeneration = generation;
    this.history.dropAfter(epoch);
    this.diagnostics.dropAfter(epoch);
    this.schedulePaint();
  }

  /**
   * An opened file's network is `generation`: its loss curve is `curve`'s points before
   * `epoch` (the network's first frame adds the point at `epoch`).
   */
  loadHistory(
    generation: number,
    curve: { epochs: ArrayLike<number>; trainLoss: ArrayLike<number>; testLoss: ArrayLike<number> },
    epoch: number,
  ): void {
    if (this.disposed) return;
    this.expectGeneration(generation);
    this.history.clear();
    for (let i = 0; i < curve.epochs.length; i++) {
      const at = curve.epochs[i] as number;
      if (at < epoch)
        this.history.appendPoint(at, curve.trainLoss[i] as number, curve.testLoss[i] as number);
    }
    this.schedulePaint();
  }

  /**
   * The current network went on from `epoch` as a new branch (timeline): the loss curve after
   * that epoch belongs to the dropped future.
   */
  dropHistoryAfter(epoch: number): void {
    if (this.disposed) return;
    this.history.dropAfter(epoch);
    this.schedulePaint();
  }

  /** Forgets the loss history (on reset, before the new generation's first frame). */
  clearHistory(): void {
    this.history.clear();
    this.diagnostics.clear();
    this.schedulePaint();
  }

  /** Calls `listener` after every paint-worthy change; returns the unsubscribe. */
  subscribe(listener: HubListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Stops painting; a paint already scheduled does nothing. */
  dispose(): void {
    this.disposed = true;
    this.listeners.clear();
    this.acknowledge = null;
  }

  private enterGeneration(generation: number): void {
    if (generation === this.newestGeneration) return;
    this.newestGeneration = generation;
    this.history.clear();
    this.diagnostics.clear();
    // The previous network's frame does not describe the new one.
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
        this.reportError(error);
      }
    }
    // After the listeners, so the worker's next frame cannot overtake this paint.
    acknowledge?.();
  }
}
