/**
 * The page's side of the diagnostics, kept beside the frame hub outside React: the latest
 * health pass (only a few frames a second carry one) and the whole gradient-flow history of
 * the current network, thinned like the loss history.
 */
import type { NetworkHealth } from '../nn';
import type { Frame } from '../worker/protocol';
import { SeriesHistory, type SeriesView } from '../worker/seriesHistory';

export class DiagnosticsRecord {
  private latest: NetworkHealth | null = null;
  private count = 0;
  private history: SeriesHistory | null = null;
  private readonly listeners = new Set<() => void>();

  /** Calls `listener` whenever the health pass changes; returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }

  /** The newest health pass of the current network, or null before the first. */
  get health(): NetworkHealth | null {
    return this.latest;
  }

  /** Bumped with every new health pass, so painters redraw only when it changed. */
  get healthVersion(): number {
    return this.count;
  }

  /** The gradient flow so far (width: hidden layers), or null before the first point. */
  gradients(): SeriesView | null {
    return this.history?.view() ?? null;
  }

  /** Takes what `frame` carries of the diagnostics. */
  take(frame: Frame): void {
    if (frame.health) {
      this.latest = frame.health;
      this.count++;
      this.notify();
    }
    const epochs = frame.gradientEpochs;
    const values = frame.layerGradient;
    if (!epochs || !values || epochs.length === 0) return;
    const width = values.length / epochs.length;
    if (!this.history || this.history.width !== width) this.history = new SeriesHistory(width);
    this.history.append(epochs, values);
  }

  /** Keeps the points up to `epoch` (a restarted worker continues from a checkpoint there). */
  dropAfter(epoch: number): void {
    this.history?.dropAfter(epoch);
  }

  /** Forgets everything (a new network). */
  clear(): void {
    this.history = null;
    if (this.latest === null) return;
    this.latest = null;
    this.count++;
    this.notify();
  }
}
