/**
 * One unit's heatmap from a frame's grid, coloured the way the whole page colours it: the
 * small neuron and output squares of the diagram and the large heatmap on the right all paint
 * through these functions, so the same neuron can never look different in two places.
 */
import { neuronDomain, paintClasses, paintClassProbability, paintDiverging } from './heatmap';
import type { PixelTarget } from './heatmap';

/**
 * Every unit's image over the grid (see nn/grid.ts `evaluateGrid`): unit u (hidden neurons
 * first, layer by layer, then the outputs) owns `grid[u·n² .. (u+1)·n²)` with n = `gridN`.
 * A worker frame has this shape.
 */
export interface GridImages {
  readonly gridN: number;
  readonly grid: Float32Array;
}

/** How one unit's image is coloured. */
export type UnitColouring =
  /** A hidden neuron, on a scale symmetric around 0 bounded by its activation's range. */
  | { readonly kind: 'hidden'; readonly activationRange: readonly [number, number] }
  /** A binary or regression output unit, on its head's output range. */
  | { readonly kind: 'output'; readonly outputRange: readonly [number, number] }
  /** One softmax output unit: its class's probability, in that class's colour. */
  | { readonly kind: 'class'; readonly classIndex: number };

/**
 * The colour domain of a hidden neuron's image, symmetric around 0 so that white always
 * means an output of 0, blue positive and orange negative, whatever the activation: a ReLU
 * paints its dead side white, a sigmoid its low side white. Bounded activations use their
 * range (colours comparable between epochs), unbounded ones the image's own extent.
 * @param values the frame's grid; the image is `values[offset .. offset + points)`
 */
export function hiddenDomain(
  values: Float32Array,
  offset: number,
  points: number,
  activationRange: readonly [number, number],
): [number, number] {
  const [lo, hi] = neuronDomain(values, offset, points, activationRange);
  const extent = Math.max(Math.abs(lo), Math.abs(hi));
  return [-extent, extent];
}

/**
 * Paints unit `unit` of `images` into `target` (gridN × gridN pixels).
 * @param discretize two colours only; applies to output units, never to hidden neurons,
 *   whose values are what a person reads off them
 * @returns the colour domain painted with, or null for a class probability (no domain)
 */
export function paintUnitImage(
  target: PixelTarget,
  images: GridImages,
  unit: number,
  colouring: UnitColouring,
  discretize = false,
): readonly [number, number] | null {
  const n = images.gridN;
  const points = n * n;
  const offset = unit * points;
  if (colouring.kind === 'class') {
    paintClassProbability(target, images.grid, offset, n, colouring.classIndex);
    return null;
  }
  const domain =
    colouring.kind === 'hidden'
      ? hiddenDomain(images.grid, offset, points, colouring.activationRange)
      : neuronDomain(images.grid, offset, points, colouring.outputRange);
  paintDiverging(target, images.grid, offset, n, domain, {
    discretize: discretize && colouring.kind === 'output',
  });
  return domain;
}

/**
 * The class offsets handed to paintClasses, reused from call to call. Why a module-level
 * array: this runs every frame, and paintClasses reads the offsets only while it runs.
 */
const classOffsets: number[] = [];

/**
 * Paints the predicted class of every cell of a softmax output (see `paintClasses`).
 * @param firstUnit the unit of class 0; the other classes follow it
 * @param classes how many output units (classes) there are
 */
export function paintClassImage(
  target: PixelTarget,
  images: GridImages,
  firstUnit: number,
  classes: number,
  discretize: boolean,
): void {
  const n = images.gridN;
  classOffsets.length = classes;
  for (let c = 0; c < classes; c++) classOffsets[c] = (firstUnit + c) * n * n;
  paintClasses(target, images.grid, classOffsets, n, discretize);
}
