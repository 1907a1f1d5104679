/** Above each hidden layer's column: remove a neuron, add one, set the whole layer's activation. */
import { memo } from 'react';
import {
  canAddNeuron,
  canRemoveNeuron,
  playgroundActions as act,
  useHidden,
  usePlayground,
} from '../../state';
import type { HeaderMode } from './useNetworkLayout';

export interface LayerHeadersProps {
  /** Neurons per hidden layer. */
  layerSizes: readonly number[];
  /** Centre x of every column of the layout (inputs first), in px. */
  columnX: readonly number[];
  /** Row with "4 neurons", row with the count only, or buttons stacked (see headerLayout). */
  mode: HeaderMode;
  /** Opens the palette for every neuron of `layer` (from 1) beside `opener`. */
  onSetLayer: (layer: number, opener: HTMLElement) => void;
}

/** One header per hidden layer, centred over its column. */
export const LayerHeaders = memo(function LayerHeaders({
  layerSizes,
  columnX,
  mode,
  onSetLayer,
}: LayerHeadersProps) {
  const hidden = useHidden('layerButtons');
  if (hidden) return null;
  return layerSizes.map((neurons, l) => (
    <LayerHeader
      key={l}
      layer={l + 1}
      neurons={neurons}
      x={columnX[l + 1] ?? 0}
      mode={mode}
      onSetLayer={onSetLayer}
    />
  ));
});

function LayerHeader({
  layer,
  neurons,
  x,
  mode,
  onSetLayer,
}: {
  layer: number;
  neurons: number;
  x: number;
  mode: HeaderMode;
  onSetLayer: (layer: number, opener: HTMLElement) => void;
}) {
  const canAdd = usePlayground((s) => canAddNeuron(s.config, layer));
  const canRemove = usePlayground((s) => canRemoveNeuron(s.config, layer));
  return (
    <div className={`layer-header ${mode}`} style={{ left: x }}>
      <div className="layer-buttons">
        <button
          type="button"
          className="mini-button"
          aria-label={`Remove a neuron from layer ${layer}`}
          title={`Remove a neuron from layer ${layer}`}
          disabled={!canRemove}
          onClick={() => act.removeNeuron(layer)}
        >
          −
        </button>
        <button
          type="button"
          className="mini-button"
          aria-label={`Add a neuron to layer ${layer}`}
          title={`Add a neuron to layer ${layer}`}
          disabled={!canAdd}
          onClick={() => act.addNeuron(layer)}
        >
          +
        </button>
        <button
          type="button"
          className="mini-button"
          aria-label={`Set the activation of every neuron in layer ${layer}`}
          title={`Set the activation of every neuron in layer ${layer}`}
          onClick={(event) => onSetLayer(layer, event.currentTarget)}
        >
          ƒ
        </button>
      </div>
      <span className="layer-caption">
        {mode !== 'row' ? neurons : `${neurons} ${neurons === 1 ? 'neuron' : 'neurons'}`}
      </span>
    </div>
  );
}
