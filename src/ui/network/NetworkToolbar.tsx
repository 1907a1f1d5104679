/** The network panel's heading row: add or remove a layer, multi-selection, the selection bar. */
import {
  canAddLayer,
  canRemoveLayer,
  playgroundActions as act,
  useHidden,
  usePlayground,
  type NeuronRef,
} from '../../state';
import { LearnedToolbar } from '../learned/LearnedToolbar';

export interface NetworkToolbarProps {
  hiddenLayers: number;
  selection: readonly NeuronRef[];
  /** "Select several" is on: a click or tap on a neuron adds it to the selection. */
  selecting: boolean;
  onToggleSelecting: () => void;
  /** Opens the palette for the selected neurons beside `opener`. */
  onSetSelection: (opener: HTMLElement) => void;
}

/** The heading row of the network panel. */
export function NetworkToolbar({
  hiddenLayers,
  selection,
  selecting,
  onToggleSelecting,
  onSetSelection,
}: NetworkToolbarProps) {
  const canAdd = usePlayground((s) => canAddLayer(s.config));
  const canRemove = usePlayground((s) => canRemoveLayer(s.config));
  // numHiddenLayers_hide (TF) / net_hide: no adding or removing layers.
  const hideLayers = useHidden('hidden');
  const hideSelect = useHidden('selectSeveral');
  return (
    <div className="network-toolbar">
      <h2 id="network-heading">Network</h2>
      {!hideLayers && (
        <>
          <button
            type="button"
            className="text-button"
            disabled={!canAdd}
            onClick={() => act.addLayer()}
          >
            Add layer
          </button>
          <button
            type="button"
            className="text-button"
            disabled={!canRemove}
            onClick={() => act.removeLayer()}
          >
            Remove layer
          </button>
          <span className="muted">
            {hiddenLayers} hidden {hiddenLayers === 1 ? 'layer' : 'layers'}
          </span>
        </>
      )}
      {!hideSelect && (
        <button
          type="button"
          className="text-button"
          aria-pressed={selecting}
          title="While on, clicking or tapping a neuron adds it to the selection"
          onClick={onToggleSelecting}
        >
          Select several
        </button>
      )}
      <LearnedToolbar />
      {selection.length > 0 && (
        <span className="selection-bar">
          {selection.length} selected
          <button
            type="button"
            className="text-button"
            onClick={(event) => onSetSelection(event.currentTarget)}
          >
            Set activation…
          </button>
          <button type="button" className="text-button" onClick={() => act.clearSelection()}>
            Clear selection
          </button>
        </span>
      )}
    </div>
  );
}
