/** How the diagram names and numbers things, in the page's numbering (from 1). */
import { featureInfo, type FeatureId } from '../../data';
import type { ActivationId } from '../../nn';
import { atNeuron, fromEngineNeuron, neuronLabel, type NeuronRef } from '../../state';
import type { DiagramLink } from './geometry';

/** Who the palette is open for. */
export type PaletteTarget =
  { kind: 'neurons'; refs: readonly NeuronRef[] } | { kind: 'layer'; layer: number };

/** "Weight from x1 to layer 1 neuron 2" in page numbering (links carry engine numbers). */
export function linkName(
  link: DiagramLink,
  features: readonly FeatureId[],
  hiddenLayers: number,
): string {
  const feature = features[link.from];
  const from =
    link.layer === 1
      ? feature
        ? featureInfo(feature).label
        : '?'
      : inSentence(fromEngineNeuron({ layer: link.layer - 1, neuron: link.from }));
  const to =
    link.layer > hiddenLayers
      ? 'the output' + (link.to > 0 ? ` ${link.to + 1}` : '')
      : inSentence(fromEngineNeuron({ layer: link.layer, neuron: link.to }));
  return `Weight from ${from} to ${to}`;
}

/** "layer 1 neuron 2": a neuron's label inside a sentence. */
function inSentence(ref: NeuronRef): string {
  const label = neuronLabel(ref);
  return label.charAt(0).toLowerCase() + label.slice(1);
}

/** The palette's heading for `target`, e.g. "Layer 1 neuron 3". */
export function titleOf(
  target: PaletteTarget,
  hidden: readonly (readonly ActivationId[])[],
): string {
  if (target.kind === 'layer') {
    const count = hidden[target.layer - 1]?.length ?? 0;
    return `Every neuron of layer ${target.layer} (${count})`;
  }
  if (target.refs.length === 1) return neuronLabel(target.refs[0] as NeuronRef);
  return `${target.refs.length} selected neurons`;
}

/** The activation every neuron of `target` has, or null when they differ. */
export function currentOf(
  target: PaletteTarget,
  hidden: readonly (readonly ActivationId[])[],
): ActivationId | null {
  const ids =
    target.kind === 'layer'
      ? (hidden[target.layer - 1] ?? [])
      : target.refs.map((ref) => atNeuron(hidden, ref));
  const first = ids[0];
  return first && ids.every((id) => id === first) ? first : null;
}
