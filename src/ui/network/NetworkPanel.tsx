/**
 * The network in the middle: input features, hidden neurons (each a button with its own live
 * heatmap and activation glyph), the output, and the links between them. This component wires
 * the parts together; each part lives in a file of its own.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import { outputSpecOfDataset } from '../../config';
import {
  hiddenNeuronCount,
  playgroundActions as act,
  sameNeuron,
  usePlayground,
  type NeuronRef,
} from '../../state';
import { LearnedChoiceChart } from '../learned/LearnedChoiceChart';
import { DiagramDownloads } from './DiagramDownloads';
import type { DiagramLink } from './geometry';
import { LayerHeaders } from './LayerHeaders';
import { LinksLayer } from './LinksLayer';
import { linkName } from './names';
import { NetworkToolbar } from './NetworkToolbar';
import { NeuronPalette } from './NeuronPalette';
import { NodesLayer } from './NodesLayer';
import { useNetworkDialogs } from './useNetworkDialogs';
import { useLayerSizes, useNetworkLayout } from './useNetworkLayout';
import { useNetworkPainter } from './useNetworkPainter';
import { useShownHidden } from '../useShownHidden';
import { useWeightTooltip, WeightTooltip } from './WeightTooltip';
import { WeightEditor } from './WeightEditor';

/** The "Network" region: toolbar, hint, diagram and its dialogs. */
export function NetworkPanel() {
  // A snapshot shown from the timeline is named and drawn with its own activations.
  const hidden = useShownHidden();
  const features = usePlayground((s) => s.config.features);
  const dataset = usePlayground((s) => s.config.dataset);
  const discretize = usePlayground((s) => s.config.discretize);
  const selection = usePlayground((s) => s.selection);
  const layerSizes = useLayerSizes();
  const loss = usePlayground((s) => s.config.loss);
  const output = useMemo(() => outputSpecOfDataset(dataset, loss), [dataset, loss]);

  const box = useRef<HTMLDivElement>(null);
  const { size, layout, links, headerMode, headerHeight } = useNetworkLayout(
    box,
    layerSizes,
    features,
    output.size,
  );
  const painter = useNetworkPainter(
    hiddenNeuronCount(layerSizes) + output.size,
    links.length,
    discretize,
  );
  const dialogs = useNetworkDialogs(`${layerSizes.join()}|${features.join()}|${dataset}`);
  const { openPalette, editFromLink } = dialogs;
  const tooltip = useWeightTooltip(box, links, features, hidden.length);
  const { hide: hideTooltip } = tooltip;
  // Tapping selects instead of opening the palette: multi-selection without a Shift key.
  const [selecting, setSelecting] = useState(false);

  const onNeuronClick = useCallback(
    (ref: NeuronRef, event: React.MouseEvent<HTMLButtonElement>) => {
      if (selecting || event.shiftKey || event.ctrlKey || event.metaKey) {
        act.toggleSelected(ref.layer, ref.neuron, true);
        return;
      }
      const inSelection = selection.some((s) => sameNeuron(s, ref));
      const refs = inSelection && selection.length > 1 ? selection : [ref];
      openPalette({ kind: 'neurons', refs }, event.currentTarget);
    },
    [selecting, selection, openPalette],
  );
  const onSetLayer = useCallback(
    (layer: number, opener: HTMLElement) => openPalette({ kind: 'layer', layer }, opener),
    [openPalette],
  );
  const onEditLink = useCallback(
    (link: DiagramLink) => {
      hideTooltip();
      editFromLink(link);
    },
    [hideTooltip, editFromLink],
  );

  return (
    <section className="panel network-panel" aria-labelledby="network-heading">
      <NetworkToolbar
        hiddenLayers={hidden.length}
        selection={selection}
        selecting={selecting}
        onToggleSelecting={() => setSelecting((on) => !on)}
        onSetSelection={(opener) => openPalette({ kind: 'neurons', refs: selection }, opener)}
      />
      <p className="hint">
        <strong>Click a neuron</strong> to give it its own activation function. Shift-click (or
        Select several) picks a group; hover shows a neuron large on the right.
      </p>
      <LearnedChoiceChart />
      <div className="diagram" ref={box} onPointerLeave={hideTooltip}>
        <LinksLayer
          links={links}
          width={size.width}
          height={size.height}
          top={headerHeight}
          painter={painter}
          onPointAt={tooltip.show}
          onLeave={hideTooltip}
          onEdit={onEditLink}
        />
        <LayerHeaders
          layerSizes={layerSizes}
          columnX={layout.columnX}
          mode={headerMode}
          onSetLayer={onSetLayer}
        />
        <NodesLayer
          layout={layout}
          top={headerHeight}
          features={features}
          hidden={hidden}
          layerSizes={layerSizes}
          output={output}
          selection={selection}
          painter={painter}
          onNeuronClick={onNeuronClick}
        />
        <WeightTooltip tip={tooltip.tip} />
      </div>
      <DiagramDownloads diagram={box} />
      {dialogs.palette && (
        <NeuronPalette
          palette={dialogs.palette}
          hidden={hidden}
          layerSizes={layerSizes}
          features={features}
          links={links}
          onClose={dialogs.closePalette}
          onDismiss={dialogs.dismissPalette}
          onEditWeight={dialogs.editFromPalette}
        />
      )}
      {dialogs.editing && (
        <WeightEditor
          link={dialogs.editing}
          name={linkName(dialogs.editing, features, hidden.length)}
          expectedWeights={links.length}
          onClose={dialogs.closeEditor}
        />
      )}
    </section>
  );
}
