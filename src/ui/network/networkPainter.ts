/**
 * Paints the diagram from the latest frame without React: every neuron's heatmap, every
 * link's colour and width, and the badges that flag dead or saturated neurons. Components
 * register their canvases and paths here by index; one hub listener paints them all.
 */
import type { ActivationId } from '../../nn';
import type { Frame } from '../../worker/protocol';
import { maxAbsWeight, weightStyle } from '../../viz/layout';
import type { UnitColouring } from '../../viz/unitImage';
import { paintUnitCanvas, type HeatmapCanvas } from '../canvasImage';

/** What a neuron's canvas shows: which unit of the frame's grid and how to colour it. */
export interface NeuronSlot {
  readonly canvas: HeatmapCanvas;
  /** The unit's image in `frame.grid` (hidden neurons first, then outputs). */
  readonly unit: number;
  readonly colouring: UnitColouring;
  /**
   * Hidden neurons: where to say "dead" or "saturated" (healthPainter.ts; the badge's parent is
   * the neuron's button, whose `data-name` is its name without the badge). Hidden neurons come
   * first in the grid, so `unit` is also the neuron's index into the frame's statistics.
   */
  readonly health?: { readonly badge: HTMLElement; readonly activation: ActivationId };
}

export interface LinkSlot {
  readonly path: SVGPathElement;
  readonly weightIndex: number;
}

/** Dash pattern of a negative weight's link (px). */
const NEGATIVE_DASH = '6 3';

/**
 * While training runs, links are restyled at most this often (ms); heatmaps follow every frame.
 * Why: a restyled link makes the browser raster again every tile of the diagram it crosses,
 * with all the other links there (hundreds of strokes on a 6×8 network, dashed ones the
 * dearest); at every frame that was the largest part of the page's drawing in the first
 * seconds of training, when the weights move fastest. Ten times a second still reads as
 * motion; a paused or stepped network's frame restyles at once, so what stays is exact.
 */
export const LINK_RESTYLE_INTERVAL_MS = 100;

/** Registry of what to paint, filled by ref callbacks and read once per frame. */
export class NetworkPainter {
  readonly neurons = new Map<string, NeuronSlot>();
  readonly links = new Map<number, LinkSlot>();
  /** Units the current config expects in a frame; a frame of another shape is not painted. */
  expectedGridImages = 0;
  expectedWeights = 0;
  discretize = false;
  /** When links were last restyled from a running frame (performance.now() time). */
  private linksStyledAt = -Infinity;
  /** A link was added since the last paint and has no style yet. */
  private linkAdded = false;

  /** Adds (or replaces) a neuron's canvas and paints it at once from `frame` if it fits. */
  register(key: string, slot: NeuronSlot, frame: Frame | null): void {
    this.neurons.set(key, slot);
    if (frame && this.fits(frame)) this.paintNeuron(slot, frame);
  }

  /** Adds (or replaces) a link's path; it is styled at the next paint. */
  registerLink(slot: LinkSlot): void {
    this.links.set(slot.weightIndex, slot);
    this.linkAdded = true;
  }

  /** A frame of the network the page shows (not one still in flight from the previous shape). */
  private fits(frame: Frame): boolean {
    const points = frame.gridN * frame.gridN;
    return (
      frame.grid.length === this.expectedGridImages * points &&
      frame.weights.length === this.expectedWeights
    );
  }

  /**
   * Paints `frame`: every neuron, and the links unless they were restyled from a running
   * frame less than LINK_RESTYLE_INTERVAL_MS ago (links not styled yet are styled anyway).
   * @param now the time of the paint (performance.now())
   */
  paint(frame: Frame | null, now: number = performance.now()): void {
    if (!frame || !this.fits(frame)) return;
    for (const slot of this.neurons.values()) this.paintNeuron(slot, frame);
    const due = !frame.running || now - this.linksStyledAt >= LINK_RESTYLE_INTERVAL_MS;
    if (due) this.linksStyledAt = frame.running ? now : -Infinity;
    if (due || this.linkAdded) this.paintLinks(frame.weights, !due);
    this.linkAdded = false;
  }

  /**
   * Colours and widths of the links. Only links whose style changed are touched: every write
   * to an SVG path's style costs the page a style recalculation and a repaint of the diagram.
   * @param onlyNew style only the links that have no style yet (just registered)
   */
  private paintLinks(weights: Float64Array, onlyNew: boolean): void {
    const maxAbs = maxAbsWeight(weights);
    for (const slot of this.links.values()) {
      if (onlyNew && slot.path.dataset.stroke !== undefined) continue;
      const weight = weights[slot.weightIndex] ?? 0;
      const style = weightStyle(weight, maxAbs);
      const width = style.width.toFixed(1);
      // Negative weights are dashed as well as orange: the sign is not told by colour alone.
      const dash = weight < 0 ? NEGATIVE_DASH : '';
      if (
        slot.path.dataset.stroke === style.color &&
        slot.path.dataset.width === width &&
        slot.path.dataset.dash === dash
      )
        continue;
      slot.path.dataset.stroke = style.color;
      slot.path.dataset.width = width;
      slot.path.dataset.dash = dash;
      // Inline style, not attributes: the stylesheet's default stroke would win over attributes.
      slot.path.style.stroke = style.color;
      slot.path.style.strokeWidth = width;
      slot.path.style.strokeDasharray = dash;
    }
  }

  private paintNeuron(slot: NeuronSlot, frame: Frame): void {
    // The health badge is the diagnostics' (healthPainter.ts), painted on its own passes.
    paintUnitCanvas(slot.canvas, frame, slot.unit, slot.colouring, this.discretize);
  }
}
