/**
 * What to paint of a frame's grid for a unit, shared by the regions that paint heatmaps: the
 * output (one unit, or a softmax output's predicted classes) and hidden neurons, each with the
 * colouring the whole page uses (viz/unitImage.ts).
 */
import { outputColourRange, outputSpecOfDataset, type BinaryLoss } from '../config';
import type { DatasetId } from '../data';
import { activationInfo, type ActivationId } from '../nn';
import type { GridImages, UnitColouring } from '../viz/unitImage';
import { paintClassCanvas, paintUnitCanvas, type HeatmapCanvas } from './canvasImage';

/** What to paint from a frame: one unit's image, or a softmax output's predicted classes. */
export type HeatmapView =
  | { readonly kind: 'unit'; readonly unit: number; readonly colouring: UnitColouring }
  | { readonly kind: 'classes'; readonly firstUnit: number; readonly classes: number };

/** Hidden neurons of a network, which come first in a frame's grid. */
function hiddenCount(hidden: readonly (readonly ActivationId[])[]): number {
  return hidden.reduce((sum, layer) => sum + layer.length, 0);
}

/** The output's view for a network of `hidden` layers on `dataset` (trained with `loss`). */
export function outputViewOf(
  hidden: readonly (readonly ActivationId[])[],
  dataset: DatasetId,
  loss: BinaryLoss = 'mse',
): HeatmapView {
  const output = outputSpecOfDataset(dataset, loss);
  const first = hiddenCount(hidden);
  return output.activation === 'softmax'
    ? { kind: 'classes', firstUnit: first, classes: output.size }
    : {
        kind: 'unit',
        unit: first,
        colouring: { kind: 'output', outputRange: outputColourRange(output) },
      };
}

/** A hidden neuron's view: unit `unit` of the grid, on the range of its activation. */
export function hiddenViewOf(unit: number, activation: ActivationId): HeatmapView {
  return {
    kind: 'unit',
    unit,
    colouring: { kind: 'hidden', activationRange: activationInfo(activation).range },
  };
}

/** Units in a frame of the network: hidden neurons, then the outputs. */
export function frameUnitsOf(
  hidden: readonly (readonly ActivationId[])[],
  dataset: DatasetId,
  loss: BinaryLoss = 'mse',
): number {
  return hiddenCount(hidden) + outputSpecOfDataset(dataset, loss).size;
}

/** Paints `view` of `images` onto `canvas`; the colour domain, or null for classes. */
export function paintView(
  canvas: HeatmapCanvas,
  images: GridImages,
  view: HeatmapView,
  discretize: boolean,
): readonly [number, number] | null {
  if (view.kind === 'classes') {
    paintClassCanvas(canvas, images, view.firstUnit, view.classes, discretize);
    return null;
  }
  return paintUnitCanvas(canvas, images, view.unit, view.colouring, discretize);
}
