/** What the large heatmap shows: the hovered hidden neuron, or else the output. */
import { useMemo } from 'react';
import type { BinaryLoss } from '../../config';
import { datasetInfo, type DatasetId } from '../../data';
import { activationInfo, type ActivationId } from '../../nn';
import { atNeuron, hiddenIndexOf, neuronLabel, usePlayground, type Hovered } from '../../state';
import { frameUnitsOf, hiddenViewOf, outputViewOf, type HeatmapView } from '../unitViews';

export type { HeatmapView };

export interface ShownUnit {
  /** "Layer 1 neuron 2 (ReLU)" or "Output: Circle". */
  readonly caption: string;
  readonly view: HeatmapView;
  /** True for the output, false for a hidden neuron (the legend's note differs). */
  readonly isOutput: boolean;
  /** Unit images in a frame of the network shown; a frame of another shape is not painted. */
  readonly frameUnits: number;
}

/**
 * What the large heatmap shows for `hovered` in a network of `hidden` layers on `dataset`
 * (whose two-class data, if any, is trained with `loss`).
 */
export function shownUnitOf(
  hovered: Hovered,
  hidden: readonly (readonly ActivationId[])[],
  dataset: DatasetId,
  loss: BinaryLoss = 'mse',
): ShownUnit {
  const layerSizes = hidden.map((layer) => layer.length);
  const frameUnits = frameUnitsOf(hidden, dataset, loss);
  const activation = hovered && hovered !== 'output' ? atNeuron(hidden, hovered) : undefined;
  if (hovered && hovered !== 'output' && activation) {
    return {
      caption: `${neuronLabel(hovered)} (${activationInfo(activation).label})`,
      view: hiddenViewOf(hiddenIndexOf(hovered, layerSizes), activation),
      isOutput: false,
      frameUnits,
    };
  }
  // The output units follow the hidden neurons in a frame's grid.
  const view = outputViewOf(hidden, dataset, loss);
  return { caption: `Output: ${datasetInfo(dataset).label}`, view, isOutput: true, frameUnits };
}

/** `shownUnitOf` for the page's store; the same object until what is shown changes. */
export function useShownUnit(): ShownUnit {
  const hovered = usePlayground((s) => s.hovered);
  const hidden = usePlayground((s) => s.config.hidden);
  const dataset = usePlayground((s) => s.config.dataset);
  const loss = usePlayground((s) => s.config.loss);
  return useMemo(
    () => shownUnitOf(hovered, hidden, dataset, loss),
    [hovered, hidden, dataset, loss],
  );
}
