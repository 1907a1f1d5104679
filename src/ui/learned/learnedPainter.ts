/**
 * Paints every learned neuron of the diagram from the latest frame, outside React: its glyph's
 * current curve and a mix's blend bar at every frame, and its accessible name ("Layer 1 neuron
 * 3, Learned mix: 71% Sine, 18% Tanh, …") at most every NAME_INTERVAL_MS, so a screen reader
 * is not flooded and nothing builds up per frame. Neurons register their elements here.
 */
import type { ActivationId } from '../../nn';
import { layoutOf, type LearnedId, type MixPalette, type ParamLayout } from './contract';
import { GlyphScratch, paintLearnedGlyph, type GlyphContext } from './learnedGlyphPaint';
import { blendInto, learnedWords, type LearnedParams } from './learnedValues';

/** How often names are rewritten while training (ms). */
export const NAME_INTERVAL_MS = 400;

/** A canvas as the painter uses it (tests pass a fake). */
export interface GlyphCanvas {
  width: number;
  height: number;
  getContext(kind: '2d'): GlyphContext | null;
}

/** What a learned neuron registers. */
export interface LearnedSlot {
  readonly id: LearnedId;
  /** The neuron's index among all hidden neurons, first layer first. */
  readonly hiddenIndex: number;
  readonly canvas: GlyphCanvas;
  /** The glyph's side in CSS px. */
  readonly side: number;
  /** A mix's bar segments, one per palette entry in palette order (empty otherwise). */
  readonly segments: readonly { style: { flexGrow: string } }[];
  /** Where the name goes (the neuron's button). */
  readonly named: { setAttribute(name: string, value: string): void } | null;
  /** The name before the learned words, e.g. "Layer 1 neuron 3, Learned mix". */
  readonly label: string;
  /** After them, e.g. ", selected". */
  readonly suffix: string;
}

export class LearnedPainter {
  private readonly slots = new Map<string, LearnedSlot>();
  private layout: ParamLayout = { start: new Int32Array(1), count: 0 };
  private hidden: readonly (readonly ActivationId[])[] = [];
  private palette: MixPalette = [];
  private readonly scratch = new GlyphScratch();
  private weights = new Float64Array(0);
  private namesDue = -Infinity;
  /** Device pixels per CSS px. */
  scale = 1;

  /** The network shown: the layout of its learned parameters follows from it. */
  setNetwork(hidden: readonly (readonly ActivationId[])[], palette: MixPalette): void {
    if (hidden === this.hidden && palette === this.palette) return;
    this.hidden = hidden;
    this.palette = palette;
    this.layout = layoutOf(hidden, palette.length);
    this.weights = new Float64Array(palette.length);
  }

  /** Adds (or replaces) a neuron and paints it at once from `params`, name included. */
  register(key: string, slot: LearnedSlot, params: Float64Array | null): void {
    this.slots.set(key, slot);
    this.paintSlot(slot, this.fitting(params), true);
  }

  unregister(key: string): void {
    this.slots.delete(key);
  }

  /** Paints every neuron from a frame's `activationParams` at time `now` (ms). */
  paint(params: Float64Array | null, now: number): void {
    const names = now >= this.namesDue;
    if (names) this.namesDue = now + NAME_INTERVAL_MS;
    const fitting = this.fitting(params);
    for (const slot of this.slots.values()) this.paintSlot(slot, fitting, names);
  }

  /**
   * The parameters if they are the shown network's, else null (defaults are drawn). Why: a
   * frame still in flight from before a change of activations has another layout.
   */
  private fitting(params: Float64Array | null): Float64Array | null {
    return params && params.length === this.layout.count ? params : null;
  }

  private paintSlot(slot: LearnedSlot, params: Float64Array | null, names: boolean): void {
    const p: LearnedParams = { values: params, start: this.layout.start[slot.hiddenIndex] ?? 0 };
    const pixels = Math.max(1, Math.round(slot.side * this.scale));
    if (slot.canvas.width !== pixels) slot.canvas.width = pixels;
    if (slot.canvas.height !== pixels) slot.canvas.height = pixels;
    const context = slot.canvas.getContext('2d');
    if (context) {
      paintLearnedGlyph(context, slot.side, this.scale, slot.id, p, this.palette, this.scratch);
    }
    if (slot.id === 'mixture' && slot.segments.length === this.palette.length) {
      blendInto(p, this.weights);
      slot.segments.forEach((segment, k) => {
        // Thousandths: fine enough to see, coarse enough to skip most unchanged writes.
        const grow = ((this.weights[k] ?? 0) * 1000).toFixed(0);
        if (segment.style.flexGrow !== grow) segment.style.flexGrow = grow;
      });
    }
    if (names && slot.named) {
      const words = learnedWords(slot.id, p, this.palette);
      slot.named.setAttribute('aria-label', `${slot.label}${words}${slot.suffix}`);
    }
  }
}
