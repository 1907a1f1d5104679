/**
 * Paints the diagram from the latest frame without React: every neuron's heatmap, every
 * link's colour and width, and the badges that flag dead or saturated neurons. Components
 * register their canvases and paths here by index; one hub listener paints them all.
 */
import { activationInfo, type ActivationId } from '../../nn';
import type { Frame } from '../../worker/protocol';
import { imageFor, showImage } from '../canvasImage';
import {
  neuronDomain,
  paintClasses,
  paintClassProbability,
  paintDiverging,
} from '../../viz/heatmap';
import { maxAbsWeight, weightStyle } from '../../viz/layout';

/** What a neuron's canvas shows: its index in the frame's grid and how to colour it. */
export interface NeuronSlot {
  readonly canvas: HTMLCanvasElement;
  /** Index of the neuron's image in `frame.grid` (hidden neurons first, then outputs). */
  readonly gridIndex: number;
  /** Hidden neurons: the activation, whose range bounds the colour scale. */
  readonly activation: ActivationId | null;
  /** Output units: the head's output range. */
  readonly outputRange?: readonly [number, number];
  /** Softmax output units: the class whose probability this is (painted in its colour). */
  readonly classIndex?: number;
  /** Hidden neurons: where to say "dead" or "saturated" (index into frame stats). */
  readonly badge?: HTMLElement | null;
  readonly statsIndex?: number;
}

export interface LinkSlot {
  readonly path: SVGPathElement;
  readonly weightIndex: number;
}

/** Registry of what to paint, filled by ref callbacks and read once per frame. */
export class NetworkPainter {
  readonly neurons = new Map<string, NeuronSlot>();
  readonly links = new Map<number, LinkSlot>();
  /** Units the current config expects in a frame; a frame of another shape is not painted. */
  expectedGridImages = 0;
  expectedWeights = 0;
  discretize = false;

  /** Adds (or replaces) a neuron's canvas and paints it at once from `frame` if it fits. */
  register(key: string, slot: NeuronSlot, frame: Frame | null): void {
    this.neurons.set(key, slot);
    if (frame && this.fits(frame))
      this.paintNeuron(slot, frame, frame.gridN, frame.gridN * frame.gridN);
  }

  /** A frame of the network the page shows (not one still in flight from the previous shape). */
  private fits(frame: Frame): boolean {
    const points = frame.gridN * frame.gridN;
    return (
      frame.grid.length === this.expectedGridImages * points &&
      frame.weights.length === this.expectedWeights
    );
  }

  paint(frame: Frame | null): void {
    if (!frame || !this.fits(frame)) return;
    const n = frame.gridN;
    const points = n * n;
    for (const slot of this.neurons.values()) this.paintNeuron(slot, frame, n, points);
    this.paintLinks(frame.weights);
  }

  /**
   * Colours and widths of the links. Only links whose style changed are touched: every write
   * to an SVG path's style costs the page a style recalculation and a repaint of the diagram.
   */
  private paintLinks(weights: Float64Array): void {
    const maxAbs = maxAbsWeight(weights);
    for (const slot of this.links.values()) {
      const style = weightStyle(weights[slot.weightIndex] ?? 0, maxAbs);
      const width = style.width.toFixed(1);
      if (slot.path.dataset.stroke === style.color && slot.path.dataset.width === width) continue;
      slot.path.dataset.stroke = style.color;
      slot.path.dataset.width = width;
      // Inline style, not attributes: the stylesheet's default stroke would win over attributes.
      slot.path.style.stroke = style.color;
      slot.path.style.strokeWidth = width;
    }
  }

  private paintNeuron(slot: NeuronSlot, frame: Frame, n: number, points: number): void {
    const { canvas } = slot;
    const image = imageFor(canvas, n);
    const offset = slot.gridIndex * points;
    if (slot.classIndex !== undefined) {
      paintClassProbability(image, frame.grid, offset, n, slot.classIndex);
      showImage(canvas, image);
      return;
    }
    const domain = slot.activation
      ? hiddenDomain(frame.grid, offset, points, slot.activation)
      : neuronDomain(frame.grid, offset, points, slot.outputRange ?? [-1, 1]);
    paintDiverging(image, frame.grid, offset, n, domain, {
      discretize: this.discretize && !slot.activation,
    });
    showImage(canvas, image);
    if (slot.badge && slot.statsIndex !== undefined && slot.activation) {
      const text = neuronHealth(slot.activation, frame, slot.statsIndex);
      if (slot.badge.textContent !== text) {
        slot.badge.textContent = text;
        slot.badge.hidden = text === '';
      }
    }
  }
}

/**
 * The colour domain of a hidden neuron's image, symmetric around 0 so that white always
 * means an output of 0, blue positive and orange negative, whatever the activation: a ReLU
 * paints its dead side white, a sigmoid its low side white. Bounded activations use their
 * range (colours comparable between epochs), unbounded ones the image's own extent.
 */
export function hiddenDomain(
  grid: Float32Array,
  offset: number,
  points: number,
  activation: ActivationId,
): [number, number] {
  const [lo, hi] = neuronDomain(grid, offset, points, activationInfo(activation).range);
  const extent = Math.max(Math.abs(lo), Math.abs(hi));
  return [-extent, extent];
}

/**
 * "dead" when the neuron passed no gradient at all during the last epoch (a ReLU whose
 * pre-activation stayed below 0 for every example), "saturated" when a squashing neuron's
 * pre-activation stayed far out on a flat tail; '' otherwise.
 */
export function neuronHealth(activation: ActivationId, frame: Frame, index: number): string {
  const gradient = frame.meanAbsGradient[index];
  const low = frame.preMin[index] ?? NaN;
  const high = frame.preMax[index] ?? NaN;
  if (!Number.isFinite(low) || !Number.isFinite(high)) return '';
  if (gradient === 0) return 'dead';
  const squashing = activation === 'tanh' || activation === 'sigmoid' || activation === 'softsign';
  const limit = activation === 'sigmoid' ? 6 : 3;
  if (squashing && (low > limit || high < -limit)) return 'saturated';
  return '';
}

/** Paints softmax class probabilities onto one canvas (the big output view). */
export function paintClassImage(
  canvas: HTMLCanvasElement,
  frame: Frame,
  firstOutput: number,
  classes: number,
  discretize: boolean,
): void {
  const n = frame.gridN;
  const image = imageFor(canvas, n);
  const offsets = Array.from({ length: classes }, (_, c) => (firstOutput + c) * n * n);
  paintClasses(image, frame.grid, offsets, n, discretize);
  showImage(canvas, image);
}
