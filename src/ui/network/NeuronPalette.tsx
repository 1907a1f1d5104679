/**
 * The activation palette as the network panel opens it: for one neuron (with its curve over
 * the inputs it receives, and its incoming weights underneath), for the selected neurons or
 * for a layer.
 */
import type { FeatureId } from '../../data';
import { CUSTOM_ACTIVATION_ID, type ActivationId } from '../../nn';
import {
  hiddenIndexOf,
  playgroundActions as act,
  toEngineNeuron,
  type NeuronRef,
} from '../../state';
import { LetLayerChoose } from '../learned/LearnedToolbar';
import { LearnedValueText } from '../learned/LearnedValueText';
import { NeuronCurve } from '../diagnostics/NeuronCurve';
import { useRuntime } from '../runtime';
import { ActivationPalette } from './ActivationPalette';
import type { DiagramLink } from './geometry';
import { IncomingWeightPicker } from './IncomingWeightPicker';
import { currentOf, linkName, titleOf, type PaletteTarget } from './names';
import type { OpenPalette } from './useNetworkDialogs';

export interface NeuronPaletteProps {
  palette: OpenPalette;
  hidden: readonly (readonly ActivationId[])[];
  layerSizes: readonly number[];
  features: readonly FeatureId[];
  links: readonly DiagramLink[];
  onClose: () => void;
  /** Closes without giving focus back (focus moved elsewhere). */
  onDismiss: () => void;
  onEditWeight: (link: DiagramLink) => void;
}

/** Gives `id` to the palette's target: one neuron, the selection, or a whole layer. */
function applyActivation(target: PaletteTarget, id: ActivationId): void {
  if (target.kind === 'layer') act.setLayerActivation(target.layer, id);
  else if (target.refs.length === 1) {
    const ref = target.refs[0] as NeuronRef;
    act.setNeuronActivation(ref.layer, ref.neuron, id);
  } else act.setSelectionActivation(id);
}

/** The palette for `palette.target`; choosing applies the activation and closes it. */
export function NeuronPalette({
  palette,
  hidden,
  layerSizes,
  features,
  links,
  onClose,
  onDismiss,
  onEditWeight,
}: NeuronPaletteProps) {
  const { target } = palette;
  const { connection } = useRuntime();
  const single = target.kind === 'neurons' && target.refs.length === 1 ? target.refs[0] : null;
  return (
    <ActivationPalette
      title={titleOf(target, hidden)}
      current={currentOf(target, hidden)}
      anchor={palette.anchor}
      onChoose={(id) => {
        applyActivation(target, id);
        // A learned mix stays open on the palette it blends, a custom f(x) on its text field.
        if (id !== 'mixture' && id !== CUSTOM_ACTIVATION_ID) onClose();
      }}
      onClose={onClose}
      onFocusOut={onDismiss}
      footer={
        single ? (
          <>
            <button
              type="button"
              className="text-button show-large"
              title="Show this neuron's output in the large heatmap on the right (as hovering does)"
              onClick={() => {
                act.setHovered(single);
                onClose();
              }}
            >
              Show large
            </button>
            <p className="learned-now">
              <LearnedValueText neuron={single} prefix="Learned now: " />
            </p>
            <NeuronCurve
              unit={hiddenIndexOf(single, layerSizes)}
              width={200}
              height={32}
              onRevive={() => {
                const { layer, neuron } = toEngineNeuron(single);
                connection.revive(layer, neuron);
              }}
            />
            <IncomingWeightPicker
              links={incomingLinks(links, single)}
              nameOf={(link) => linkName(link, features, hidden.length)}
              onEdit={onEditWeight}
            />
          </>
        ) : target.kind === 'layer' ? (
          <LetLayerChoose layer={target.layer} onDone={onClose} />
        ) : null
      }
    />
  );
}

/** The links into `ref`, in weight order. */
function incomingLinks(links: readonly DiagramLink[], ref: NeuronRef): DiagramLink[] {
  const engine = toEngineNeuron(ref);
  return links.filter((link) => link.layer === engine.layer && link.to === engine.neuron);
}
