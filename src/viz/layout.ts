/**
 * Geometry of the network diagram, pure: where each node's square goes and where each
 * weight's link starts and ends. React renders the elements; this file only does the maths.
 *
 * Columns: the input features (layer 0), each hidden layer, then the output layer, spread
 * evenly across the width. Links are emitted in the engine's weight order (nn/network.ts: the
 * block into layer k is row-major [j][i]), so `links[w]` draws `frame.weights[w]`.
 */
import { linkHorizontal } from 'd3';
import { NAN_CSS, NEGATIVE_CSS, POSITIVE_CSS } from './colors';

/** Largest node side when the box leaves room for more (px). */
export const DEFAULT_MAX_NODE_SIZE = 48;
/** Vertical gap between nodes of a column, as a fraction of the node size. */
export const NODE_GAP_RATIO = 0.3;
/** Smallest horizontal gap between columns, as a fraction of the node size: room for links. */
export const COLUMN_GAP_RATIO = 1;
/** Link stroke width of the weakest and the strongest weight (px). */
export const MIN_LINK_WIDTH = 0.5;
export const MAX_LINK_WIDTH = 6;

export interface NetworkShape {
  /** Input features (layer 0). */
  readonly inputs: number;
  /** Neurons per hidden layer, first hidden layer first; may be empty. */
  readonly hidden: readonly number[];
  /** Output units: 1 for binary classes and regression, one per class for softmax. */
  readonly outputs?: number;
  /** The box the diagram must fit in (px). */
  readonly width: number;
  readonly height: number;
  /** Upper bound of the node side (px); DEFAULT_MAX_NODE_SIZE when omitted. */
  readonly maxNodeSize?: number;
  /**
   * Where a short column sits: 'top' keeps every node still when a neuron is added below it
   * (TensorFlow Playground's choice); 'center' centres it on the tallest column. Either way
   * the tallest column starts at the top, why: a diagram whose nodes are narrowed by its
   * width (a deep network, a small screen) is shorter than its box, and centred in the box
   * it sat below the fold at 1024×768 with an empty band above it.
   */
  readonly align?: 'top' | 'center';
}

/** One node's square: top-left corner and side, in px within the box. */
export interface NodeRect {
  /** Engine layer number: 0 inputs, 1..hidden.length hidden, hidden.length + 1 outputs. */
  readonly layer: number;
  /** Position within the layer. */
  readonly index: number;
  readonly x: number;
  readonly y: number;
  readonly size: number;
}

/** One weight's link: from unit `from` of layer `layer - 1` to unit `to` of layer `layer`. */
export interface LinkGeometry {
  readonly layer: number;
  readonly from: number;
  readonly to: number;
  /** Index into the engine's flat weights (and into `NetworkLayout.links`). */
  readonly weightIndex: number;
  /** Right edge middle of the source node, left edge middle of the target node. */
  readonly source: readonly [number, number];
  readonly target: readonly [number, number];
}

export interface NetworkLayout {
  /** Side of every node (px); a whole number, so scaled heatmaps stay crisp. */
  readonly nodeSize: number;
  /** Centre x of each layer's column. */
  readonly columnX: readonly number[];
  /** `layers[k][j]` is node j of engine layer k. */
  readonly layers: readonly (readonly NodeRect[])[];
  /** Every weight, in engine order. */
  readonly links: readonly LinkGeometry[];
}

/**
 * Lays the network out in a `width` × `height` box: the largest whole-pixel node side (up to
 * `maxNodeSize`) that fits the tallest column with gaps of NODE_GAP_RATIO and leaves at
 * least COLUMN_GAP_RATIO of a node between columns. 8 hidden layers of 16 fit 560×520 with
 * 25 px nodes. Every node lies inside the box and no two overlap, for any box at least as
 * large as the columns and rows need at 1 px.
 */
export function layoutNetwork(shape: NetworkShape): NetworkLayout {
  const { inputs, hidden, width, height } = shape;
  const outputs = shape.outputs ?? 1;
  const sizes = [inputs, ...hidden, outputs];
  for (const size of sizes) {
    if (!Number.isInteger(size) || size < 1) {
      throw new RangeError(`every layer needs a whole number of units ≥ 1, got ${size}`);
    }
  }
  const columns = sizes.length;
  const tallest = Math.max(...sizes);
  const fitHeight = height / (tallest + (tallest - 1) * NODE_GAP_RATIO);
  const fitWidth = width / (columns + (columns - 1) * COLUMN_GAP_RATIO);
  const maxNodeSize = shape.maxNodeSize ?? DEFAULT_MAX_NODE_SIZE;
  const nodeSize = Math.max(1, Math.floor(Math.min(fitHeight, fitWidth, maxNodeSize)));
  const gap = Math.floor(nodeSize * NODE_GAP_RATIO);
  const pitch = nodeSize + gap;

  // Columns spread over the whole width: the outer ones touch the edges.
  const columnX = sizes.map((_, k) => nodeSize / 2 + (k * (width - nodeSize)) / (columns - 1));
  const columnHeight = (size: number) => size * nodeSize + (size - 1) * gap;
  const layers = sizes.map((size, k) => {
    const top =
      shape.align === 'center' ? Math.floor((columnHeight(tallest) - columnHeight(size)) / 2) : 0;
    const x = (columnX[k] as number) - nodeSize / 2;
    return Array.from({ length: size }, (_, index) => ({
      layer: k,
      index,
      x,
      y: top + index * pitch,
      size: nodeSize,
    }));
  });

  const links: LinkGeometry[] = [];
  for (let k = 1; k < columns; k++) {
    const below = layers[k - 1] as NodeRect[];
    for (const targetNode of layers[k] as NodeRect[]) {
      for (const sourceNode of below) {
        links.push({
          layer: k,
          from: sourceNode.index,
          to: targetNode.index,
          weightIndex: links.length,
          source: [sourceNode.x + nodeSize, sourceNode.y + nodeSize / 2],
          target: [targetNode.x, targetNode.y + nodeSize / 2],
        });
      }
    }
  }
  return { nodeSize, columnX, layers, links };
}

const horizontalLink = linkHorizontal<LinkGeometry, readonly [number, number]>()
  .source((link) => link.source)
  .target((link) => link.target)
  .x((point) => point[0])
  .y((point) => point[1]);

/** SVG path `d` of a link: a horizontal cubic Bézier from its source to its target. */
export function linkPath(link: LinkGeometry): string {
  return horizontalLink(link) ?? '';
}

export interface WeightStyle {
  /** POSITIVE_CSS for w ≥ 0, NEGATIVE_CSS below 0, NAN_CSS when w is NaN. */
  readonly color: string;
  /** Stroke width (px), MIN_LINK_WIDTH..MAX_LINK_WIDTH in proportion to |w| / maxAbs. */
  readonly width: number;
}

/**
 * Colour and stroke width of a link for weight `w`, scaled against `maxAbs` (usually the
 * largest |weight| in the network, see `maxAbsWeight`), so the strongest link is always
 * MAX_LINK_WIDTH wide however large the weights grow.
 */
export function weightStyle(w: number, maxAbs: number): WeightStyle {
  if (Number.isNaN(w)) return { color: NAN_CSS, width: MIN_LINK_WIDTH };
  const fraction = maxAbs > 0 ? Math.min(1, Math.abs(w) / maxAbs) : 0;
  return {
    color: w < 0 ? NEGATIVE_CSS : POSITIVE_CSS,
    width: MIN_LINK_WIDTH + (MAX_LINK_WIDTH - MIN_LINK_WIDTH) * fraction,
  };
}

/** Largest finite |w| among `weights`; 0 when there is none. */
export function maxAbsWeight(weights: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < weights.length; i++) {
    const magnitude = Math.abs(weights[i] as number);
    if (magnitude > max && magnitude !== Infinity) max = magnitude;
  }
  return max;
}
