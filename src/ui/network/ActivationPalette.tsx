/**
 * The palette: a dialog listing every activation with its curve. Choosing one applies
 * it at once to the target (one neuron, the selected neurons, or a whole layer); training
 * goes on with every weight kept. Keyboard: arrows move, Enter or Space choose, Escape closes.
 */
import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { CUSTOM_ACTIVATION_ID, CUSTOM_ACTIVATION_INFO, type ActivationId } from '../../nn';
import { ActivationGlyph } from '../ActivationGlyph';
import { useCustomText } from '../customActivation';
import { FIXED_ACTIVATIONS as ACTIVATIONS } from '../learned/contract';
import { LearnedPaletteGroup } from '../learned/LearnedPaletteGroup';
import { CustomExpressionField } from './CustomExpressionField';
import { placePalette, type Box, type Placement } from './placePalette';

/** The palette's options: every table activation, then the network's own f(x). */
const OPTIONS = [...ACTIVATIONS, CUSTOM_ACTIVATION_INFO];

/** Options per row of the palette grid (Up and Down move by this many). */
const COLUMNS = 3;

export interface PaletteProps {
  /** Heading, e.g. "Layer 1 neuron 3" or "Every neuron of layer 2 (4)". */
  readonly title: string;
  /** The activation to mark as current, or null when the target neurons differ. */
  readonly current: ActivationId | null;
  /** What opened it (viewport px): the palette opens beside it, never over it. */
  readonly anchor: Box | null;
  /** Extra content under the options (the neuron's statistics and incoming weights). */
  readonly footer?: React.ReactNode;
  onChoose(id: ActivationId): void;
  onClose(): void;
  /**
   * Focus went to a control outside: the palette closes without taking focus back, so it never
   * hides the control that now has focus (WCAG 2.4.11). Defaults to onClose.
   */
  onFocusOut?(): void;
}

export function ActivationPalette({
  title,
  current,
  anchor,
  footer,
  onChoose,
  onClose,
  onFocusOut = onClose,
}: PaletteProps) {
  const headingId = useId();
  const initial = Math.max(
    0,
    OPTIONS.findIndex((a) => a.id === current),
  );
  const [active, setActive] = useState(initial);
  const customText = useCustomText();
  // The custom option shows the network's f(x) as its formula.
  const formulaOf = (info: (typeof OPTIONS)[number]) =>
    info.id === CUSTOM_ACTIVATION_ID ? customText : info.formula;
  // Choosing "Custom: f(x)" keeps the palette open on the f(x) field, focused to type in.
  const [choseCustom, setChoseCustom] = useState(false);
  const choose = (id: ActivationId) => {
    setChoseCustom(id === CUSTOM_ACTIVATION_ID);
    onChoose(id);
  };
  const options = useRef<(HTMLLIElement | null)[]>([]);
  const dialog = useRef<HTMLDivElement>(null);

  useEffect(() => {
    options.current[active]?.focus();
  }, [active]);

  // Close on a press outside the dialog.
  useEffect(() => {
    function onPointerDown(event: PointerEvent) {
      if (dialog.current && !dialog.current.contains(event.target as Node)) onClose();
    }
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => document.removeEventListener('pointerdown', onPointerDown, true);
  }, [onClose]);

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    const last = OPTIONS.length - 1;
    const moves: Record<string, number> = {
      ArrowRight: active + 1,
      ArrowLeft: active - 1,
      ArrowDown: active + COLUMNS,
      ArrowUp: active - COLUMNS,
      Home: 0,
      End: last,
    };
    if (event.key in moves) {
      event.preventDefault();
      setActive(Math.min(last, Math.max(0, moves[event.key] as number)));
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      const option = OPTIONS[active];
      if (option) choose(option.id);
    }
  }

  // Measured before the first paint, then placed: inside the window, off the opener and the
  // output it changes.
  const [place, setPlace] = useState<Placement | null>(null);
  useLayoutEffect(() => {
    if (!anchor) return;
    const update = () => {
      const element = dialog.current;
      if (!element) return;
      // Off the output it changes and off the notices, which may talk about it; off the data
      // panel too where the network panel has room for it.
      const boxes = (selectors: string[]) =>
        selectors
          .map((selector) => document.querySelector(selector)?.getBoundingClientRect())
          .filter((box): box is DOMRect => box !== undefined && box.height > 0);
      const avoid = boxes(['.output-panel', '.notices']);
      // Below the header and its run controls, so Play, Step and Reset stay in reach.
      const band = Math.max(0, ...boxes(['.header', '.run-controls']).map((b) => b.bottom));
      setPlace(
        placePalette(
          element.offsetWidth,
          // The whole content's height, not the height its max-height cut it to.
          element.scrollHeight + element.offsetHeight - element.clientHeight,
          anchor,
          avoid,
          { width: window.innerWidth, height: window.innerHeight },
          boxes(['.data-panel']),
          band,
        ),
      );
    };
    update();
    // The footer (the neuron's statistics) fills in after the first frame: place it again.
    const observer = new ResizeObserver(update);
    if (dialog.current) observer.observe(dialog.current);
    window.addEventListener('resize', update);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', update);
    };
  }, [anchor]);
  const style: React.CSSProperties | undefined = anchor
    ? {
        position: 'fixed',
        // Why 29rem: at 1280 × 800 it fits between a layer-1 neuron and the output panel.
        width: 'min(29rem, calc(100vw - 16px))',
        left: place?.left ?? 8,
        top: place?.top ?? 8,
        maxHeight: place?.maxHeight,
        // Not visibility: hidden, which would refuse the focus given to the current option.
        opacity: place ? 1 : 0,
      }
    : undefined;
  return (
    <div
      ref={dialog}
      className="palette"
      role="dialog"
      aria-modal="false"
      aria-labelledby={headingId}
      style={style}
      onBlur={(event) => {
        const next = event.relatedTarget as Node | null;
        if (next && dialog.current && !dialog.current.contains(next)) onFocusOut();
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="palette-header">
        <h3 id={headingId}>{title}</h3>
        <button type="button" className="dismiss" aria-label="Close palette" onClick={onClose}>
          ×
        </button>
      </div>
      <ul
        className="palette-options"
        role="listbox"
        aria-label="Activation functions"
        onKeyDown={onKeyDown}
      >
        {OPTIONS.map((info, index) => (
          <li
            key={info.id}
            ref={(element) => {
              options.current[index] = element;
            }}
            role="option"
            aria-label={info.label}
            aria-selected={info.id === current}
            tabIndex={index === active ? 0 : -1}
            className={info.id === current ? 'palette-option current' : 'palette-option'}
            title={`${info.label}: ${formulaOf(info)}`}
            onClick={() => choose(info.id)}
            onFocus={() => setActive(index)}
          >
            <ActivationGlyph id={info.id} size={30} />
            <span className="palette-option-text">
              <span className="palette-option-label">{info.label}</span>
              <span className="palette-option-formula">{formulaOf(info)}</span>
            </span>
          </li>
        ))}
      </ul>
      <LearnedPaletteGroup current={current} onChoose={onChoose} />
      {current === CUSTOM_ACTIVATION_ID && <CustomExpressionField autoFocus={choseCustom} />}
      {footer}
    </div>
  );
}
