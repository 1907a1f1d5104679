/**
 * The palette's learned group, set apart under the 17 fixed activations and folded until asked
 * for (or the target is learned): PReLU, Swish (learned β) and Learned mix, with a line on what
 * each learns. When the target is a learned mix (or on request) it shows the palette the mix
 * blends, editable. Keyboard: arrows move between the
 * three, Enter or Space choose, as in the fixed options.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { activationInfo, type ActivationId } from '../../nn';
import { usePlayground } from '../../state';
import { isLearned, LEARNED_IDS, mixPaletteOf, type AnyActivationId } from './contract';
import { LearnedCurveCanvas } from './LearnedCurveCanvas';
import { MixPaletteEditor } from './MixPaletteEditor';
import './learned.css';

export interface LearnedPaletteGroupProps {
  /** The target's activation, or null when the target neurons differ. */
  readonly current: AnyActivationId | null;
  onChoose(id: ActivationId): void;
}

export function LearnedPaletteGroup({ current, onChoose }: LearnedPaletteGroupProps) {
  const headingId = useId();
  const palette = usePlayground((s) => mixPaletteOf(s.config));
  const [active, setActive] = useState(() =>
    Math.max(
      0,
      LEARNED_IDS.findIndex((id) => id === current),
    ),
  );
  const [showPalette, setShowPalette] = useState(false);
  // Folded unless the target is learned: the palette stays short enough to open beside its
  // neuron without covering the output.
  const [open, setOpen] = useState(() => current !== null && isLearned(current));
  const options = useRef<(HTMLLIElement | null)[]>([]);
  const moved = useRef(false);
  useEffect(() => {
    // Only after the arrows moved: the fixed options have the focus when the palette opens.
    if (moved.current) options.current[active]?.focus();
  }, [active]);

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    const last = LEARNED_IDS.length - 1;
    const moves: Record<string, number> = {
      ArrowRight: active + 1,
      ArrowDown: active + 1,
      ArrowLeft: active - 1,
      ArrowUp: active - 1,
      Home: 0,
      End: last,
    };
    if (event.key in moves) {
      event.preventDefault();
      moved.current = true;
      setActive(Math.min(last, Math.max(0, moves[event.key] as number)));
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      const id = LEARNED_IDS[active];
      if (id) onChoose(id);
    }
  }

  const mixShown = current === 'mixture' || showPalette;
  return (
    <div className="learned-group" role="group" aria-labelledby={headingId}>
      <button
        type="button"
        className="learned-disclosure"
        aria-expanded={open}
        title="Activations whose shape is learned while training: PReLU, Swish (learned β), Learned mix"
        onClick={() => setOpen((on) => !on)}
      >
        <span aria-hidden="true" className="learned-chevron">
          {open ? '▾' : '▸'}
        </span>
        <span id={headingId} className="learned-group-title">
          Learned activations
        </span>
        {!open && <span className="learned-note">PReLU, Swish (learned β), Learned mix</span>}
      </button>
      {open && (
        <>
          <p className="learned-note">
            Their shape is learned while training, by the same optimizer as the weights: PReLU its
            slope a, Swish its β, a mix the weight of each activation it blends.
          </p>
          <ul
            className="palette-options learned-options"
            role="listbox"
            aria-label="Learned activations"
            onKeyDown={onKeyDown}
          >
            {LEARNED_IDS.map((id, index) => {
              const { label, formula, learns = '' } = activationInfo(id);
              return (
                <li
                  key={id}
                  ref={(element) => {
                    options.current[index] = element;
                  }}
                  role="option"
                  aria-label={label}
                  aria-selected={id === current}
                  tabIndex={index === active ? 0 : -1}
                  className={id === current ? 'palette-option current' : 'palette-option'}
                  title={`${label}: ${formula}. ${learns}`}
                  onClick={() => onChoose(id)}
                  onFocus={() => setActive(index)}
                >
                  <LearnedCurveCanvas id={id} size={30} palette={palette} />
                  <span className="palette-option-text">
                    <span className="palette-option-label">{label}</span>
                    <span className="palette-option-formula">{formula}</span>
                  </span>
                </li>
              );
            })}
          </ul>
          {current !== 'mixture' && (
            <button
              type="button"
              className="text-button"
              aria-expanded={showPalette}
              title="Show or hide the activations a learned mix blends"
              onClick={() => setShowPalette((on) => !on)}
            >
              Show the blended activations ({palette.length})
            </button>
          )}
          {mixShown && <MixPaletteEditor />}
        </>
      )}
    </div>
  );
}
