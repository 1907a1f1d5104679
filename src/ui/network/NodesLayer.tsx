/**
 * The diagram's nodes, placed by the layout: the input features, the hidden neurons and the
 * output units, in this order (the page's tab order: features, layer by layer, outputs).
 */
import { memo } from 'react';
import { outputColourRange } from '../../config';
import { FEATURE_IDS, type FeatureId } from '../../data';
import type { ActivationId, OutputSpec } from '../../nn';
import {
  atNeuron,
  fromEngineNeuron,
  hiddenIndexOf,
  hiddenNeuronCount,
  sameNeuron,
  type NeuronRef,
} from '../../state';
import type { NetworkLayout } from '../../viz/layout';
import { FeatureNode } from './FeatureNode';
import type { NetworkPainter } from './networkPainter';
import { NeuronButton } from './NeuronButton';
import { OutputNode } from './OutputNode';

export interface NodesLayerProps {
  layout: NetworkLayout;
  /** Height above the layout's box taken by the layer headers (px). */
  top: number;
  features: readonly FeatureId[];
  hidden: readonly (readonly ActivationId[])[];
  layerSizes: readonly number[];
  output: OutputSpec;
  selection: readonly NeuronRef[];
  painter: NetworkPainter;
  onNeuronClick: (ref: NeuronRef, event: React.MouseEvent<HTMLButtonElement>) => void;
}

/** Every node of the diagram at its place in `layout`, `top` px below the layer headers. */
export const NodesLayer = memo(function NodesLayer(props: NodesLayerProps) {
  return (
    <>
      <FeatureColumn layout={props.layout} top={props.top} features={props.features} />
      <HiddenColumns {...props} />
      <OutputColumn {...props} />
    </>
  );
});

function FeatureColumn({
  layout,
  top,
  features,
}: Pick<NodesLayerProps, 'layout' | 'top' | 'features'>) {
  return FEATURE_IDS.map((id, position) => {
    const node = layout.layers[0]?.[position];
    return node ? (
      <FeatureNode
        key={id}
        id={id}
        enabled={features.includes(id)}
        x={node.x}
        y={node.y + top}
        size={node.size}
      />
    ) : null;
  });
}

function HiddenColumns({
  layout,
  top,
  hidden,
  layerSizes,
  selection,
  painter,
  onNeuronClick,
}: NodesLayerProps) {
  // The layout's hidden columns are engine layers 1.., their nodes engine neurons 0..
  return layout.layers.slice(1, hidden.length + 1).flatMap((column) =>
    column.map((node) => {
      const ref = fromEngineNeuron({ layer: node.layer, neuron: node.index });
      const activation = atNeuron(hidden, ref);
      if (!activation) return null;
      return (
        <NeuronButton
          key={`${ref.layer}-${ref.neuron}`}
          neuronRef={ref}
          activation={activation}
          selected={selection.some((s) => sameNeuron(s, ref))}
          x={node.x}
          y={node.y + top}
          size={node.size}
          painter={painter}
          hiddenIndex={hiddenIndexOf(ref, layerSizes)}
          onClick={onNeuronClick}
        />
      );
    }),
  );
}

function OutputColumn({ layout, top, hidden, layerSizes, output, painter }: NodesLayerProps) {
  const hiddenCount = hiddenNeuronCount(layerSizes);
  return (layout.layers[hidden.length + 1] ?? []).map((node, k) => (
    <OutputNode
      key={`out-${k}`}
      index={k}
      count={output.size}
      x={node.x}
      y={node.y + top}
      size={node.size}
      painter={painter}
      unit={hiddenCount + k}
      classIndex={output.activation === 'softmax' ? k : undefined}
      range={outputColourRange(output)}
    />
  ));
}
