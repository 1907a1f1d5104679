/**
 * The network toolbar's learned-activation buttons: "Let the network choose" (every hidden
 * neuron becomes a learned mix and training starts), "Freeze choices" (each mix becomes the
 * activation it weighs most) and, after a freeze, "Undo freeze".
 *
 * Freezing disables its own button and undoing removes its own, so each hands the focus to the
 * other: a keyboard user who froze can undo at once, and is not left on the page's body.
 */
import { useEffect, useRef } from 'react';
import { playgroundActions as act, usePlayground } from '../../state';
import { hasLearned } from './contract';

export function LearnedToolbar() {
  const anyLearned = usePlayground((s) => hasLearned(s.config.hidden));
  const undo = usePlayground((s) => s.freezeUndo !== null);
  const empty = usePlayground((s) => s.config.hidden.length === 0);
  const freezeButton = useRef<HTMLButtonElement>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  const focusAfterRender = useRef<'freeze' | 'undo' | null>(null);
  useEffect(() => {
    const target = focusAfterRender.current === 'undo' ? undoButton : freezeButton;
    if (focusAfterRender.current !== null && target.current && !target.current.disabled) {
      target.current.focus();
      focusAfterRender.current = null;
    }
  });
  return (
    <span className="learned-toolbar">
      <button
        type="button"
        className="text-button"
        disabled={empty}
        title="Turn every hidden neuron into a learned mix of the palette and train: each neuron learns how much of each activation to use"
        onClick={() => act.letNetworkChoose('all')}
      >
        Let the network choose
      </button>
      <button
        ref={freezeButton}
        type="button"
        className="text-button"
        disabled={!anyLearned}
        title="Give every learned mix the one activation it weighs most, keep every weight and keep training"
        onClick={() => {
          focusAfterRender.current = 'undo';
          act.freezeChoices();
        }}
      >
        Freeze choices
      </button>
      {undo && (
        <button
          ref={undoButton}
          type="button"
          className="text-button"
          title="Go back to the learned mixes as they were just before the freeze"
          onClick={() => {
            focusAfterRender.current = 'freeze';
            act.undoFreeze();
          }}
        >
          Undo freeze
        </button>
      )}
    </span>
  );
}

/** In a layer's palette: let that layer's neurons choose. */
export function LetLayerChoose({ layer, onDone }: { layer: number; onDone: () => void }) {
  return (
    <button
      type="button"
      className="text-button"
      title={`Turn every neuron of layer ${layer} into a learned mix of the palette and train`}
      onClick={() => {
        act.letNetworkChoose(layer);
        onDone();
      }}
    >
      Let layer {layer} choose
    </button>
  );
}
