/**
 * Paints the large heatmap from the latest frame without React, and tells React about the
 * legend only when the legend really changes.
 *
 * Why this matters: the paint runs for every frame, and a React state update queued from it
 * is kept by React until the component next renders, even when the update would change
 * nothing (`setLegend((old) => old)`). While training, nothing else re-renders the heatmap,
 * so those updates piled up: about 0.4 MB a minute at the fastest speed (issue 8).
 */
import type { GridImages } from '../../viz/unitImage';
import { paintClassCanvas, paintUnitCanvas, type HeatmapCanvas } from '../canvasImage';
import type { HeatmapView } from './shownUnit';

/** What the legend under the heatmap shows: a colour scale's domain, or the class swatches. */
export interface LegendState {
  /** The diverging scale's [lo, hi]; null when the heatmap shows classes or nothing yet. */
  readonly domain: readonly [number, number] | null;
  /** Softmax classes shown (one swatch each); 0 for a colour scale. */
  readonly classes: number;
}

/** The legend before the first paint: nothing. */
export const NO_LEGEND: LegendState = { domain: null, classes: 0 };

function sameDomain(
  a: readonly [number, number] | null,
  b: readonly [number, number] | null,
): boolean {
  return a === b || (a !== null && b !== null && a[0] === b[0] && a[1] === b[1]);
}

/** True when two legends show the same thing. */
export function sameLegend(a: LegendState, b: LegendState): boolean {
  return a.classes === b.classes && sameDomain(a.domain, b.domain);
}

/** Paints frames onto the large heatmap's canvas; React sets what to paint through the fields. */
export class BigHeatmapPainter {
  /** The heatmap's canvas; nothing is painted while it is null. */
  canvas: HeatmapCanvas | null = null;
  /** What to paint; nothing is painted while it is null. */
  view: HeatmapView | null = null;
  /** Unit images in a frame of the network shown: a frame of another shape is skipped. */
  expectedUnits = 0;
  /** Two colours only for the output (see viz/unitImage.ts `paintUnitImage`). */
  discretize = false;
  private legend: LegendState;

  /**
   * @param onLegendChange called with the new legend when a paint changes it, never otherwise
   * @param legend the legend shown before the first paint
   */
  constructor(
    private readonly onLegendChange: (legend: LegendState) => void,
    legend: LegendState = NO_LEGEND,
  ) {
    this.legend = legend;
  }

  /** Paints `frame` (the hub's latest) if it is of the network shown. */
  paint(frame: GridImages | null): void {
    const { canvas, view } = this;
    if (!frame || !canvas || !view) return;
    const points = frame.gridN * frame.gridN;
    if (frame.grid.length !== this.expectedUnits * points) return; // a frame of the previous shape
    if (view.kind === 'classes') {
      paintClassCanvas(canvas, frame, view.firstUnit, view.classes, this.discretize);
      this.offerLegend(null, view.classes);
    } else {
      const domain = paintUnitCanvas(canvas, frame, view.unit, view.colouring, this.discretize);
      this.offerLegend(domain, 0);
    }
  }

  /** Compares first and builds a legend only on a change: this runs every frame. */
  private offerLegend(domain: readonly [number, number] | null, classes: number): void {
    if (this.legend.classes === classes && sameDomain(this.legend.domain, domain)) return;
    this.legend = { domain, classes };
    this.onLegendChange(this.legend);
  }
}
