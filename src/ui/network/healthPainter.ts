/**
 * Paints on every hidden neuron, outside React and a few times a second, a thin bar of the
 * mean |gradient| that reached it over the last epoch (log scale, 1e-6 to 1). (The health
 * badge and name are React's, from diagnostics/useHealth.ts: they change only when a neuron's
 * state does.)
 */
import type { Frame } from '../../worker/protocol';
import type { NetworkPainter } from './networkPainter';

/** The bar's scale: |gradient| from 10^LOW_DECADE (empty) to 1 (full). */
const LOW_DECADE = -6;
/** Least milliseconds between two repaints of the gradient bars. */
const BAR_INTERVAL_MS = 250;

/** The bar's width for a mean |gradient|, as a whole percentage in steps of 5 (0 for none). */
export function gradientBarPercent(gradient: number): number {
  if (!(gradient > 0) || !Number.isFinite(gradient)) return 0;
  const share = (Math.log10(gradient) - LOW_DECADE) / -LOW_DECADE;
  return Math.round(Math.min(1, Math.max(0, share)) * 20) * 5;
}

export class HealthPainter {
  private barsAt = -Infinity;

  constructor(private readonly network: NetworkPainter) {}

  /** Repaints the bars from `frame` when the last paint is old enough. */
  paint(frame: Frame | null, now: number): void {
    if (!frame || now - this.barsAt < BAR_INTERVAL_MS) return;
    this.barsAt = now;
    for (const slot of this.network.neurons.values()) {
      if (!slot.health) continue;
      const bar = slot.health.badge.parentElement?.querySelector<HTMLElement>('.neuron-gradient');
      if (!bar) continue;
      const width = `${gradientBarPercent(frame.meanAbsGradient[slot.unit] ?? NaN)}%`;
      // Only a changed width is written: every style write costs a style recalculation.
      if (bar.style.width !== width) bar.style.width = width;
    }
  }
}
