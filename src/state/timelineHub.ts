/**
 * What the page knows of the worker's timeline (worker/timeline.ts): the snapshots' epochs,
 * the events marked on it and which snapshot is shown. Outside the store, like the frame hub:
 * it changes a few times a second while training runs. The slider reads it through
 * `useSyncExternalStore`; each change makes a new state object, so identity says "changed".
 */
import type { PlaygroundConfig } from '../config';
import type { TimelineEvent, TimelineInfo } from '../worker/protocol';

export interface TimelineState {
  /** Epochs of the snapshots, oldest first; empty before the first network. */
  readonly epochs: readonly number[];
  readonly events: readonly TimelineEvent[];
  /** The epoch of the snapshot shown, null when the live network is. */
  readonly viewing: number | null;
  /** The hidden activations of the snapshot shown, null when live (or not yet reported). */
  readonly viewedHidden: PlaygroundConfig['hidden'] | null;
  /** The live network's epoch. */
  readonly liveEpoch: number;
}

export const EMPTY_TIMELINE: TimelineState = {
  epochs: [],
  events: [],
  viewing: null,
  viewedHidden: null,
  liveEpoch: 0,
};

export class TimelineHub {
  private current: TimelineState = EMPTY_TIMELINE;
  /** The number of the page's last view request, and the generation it was sent to. */
  private requested = 0;
  private generation = -1;
  private readonly listeners = new Set<() => void>();

  /** The newest state (a stable object until the next change). */
  readonly getState = (): TimelineState => this.current;

  /** The epoch shown from the timeline, null when live. */
  get viewing(): number | null {
    return this.current.viewing;
  }

  /** Calls `listener` after every change; returns the unsubscribe. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  /**
   * The worker's report, which settles what is shown, unless the page has asked for another
   * moment since (a report still on its way then says what was shown before: keys pressed
   * fast would otherwise jump back). A new generation (a new worker or network) always settles.
   */
  update(info: TimelineInfo): void {
    const { epochs, events, liveEpoch } = info;
    const fresh = info.generation !== this.generation;
    if (fresh) this.requested = 0;
    this.generation = info.generation;
    const settled = fresh || info.request >= this.requested;
    const viewing = settled ? info.viewing : this.current.viewing;
    const viewedHidden = settled ? info.viewedHidden : this.current.viewedHidden;
    this.set({ epochs, events, viewing, viewedHidden, liveEpoch });
  }

  /**
   * A view request the page sends (a moment, or null for live): shown at once, ahead of the
   * worker's report, so the slider does not lag.
   * @returns the request's number, to send with it
   */
  request(viewing: number | null): number {
    this.requested++;
    this.setViewing(viewing);
    return this.requested;
  }

  /** What is shown, as the page knows without asking (a branch goes on live). */
  setViewing(viewing: number | null): void {
    if (viewing === this.current.viewing) return;
    // Back to live shows the live activations at once; a snapshot's come with its report.
    const viewedHidden = viewing === null ? null : this.current.viewedHidden;
    this.set({ ...this.current, viewing, viewedHidden });
  }

  /** A new network: nothing to show until its worker reports. */
  clear(): void {
    this.set(EMPTY_TIMELINE);
  }

  private set(state: TimelineState): void {
    this.current = state;
    for (const listener of [...this.listeners]) listener();
  }
}
