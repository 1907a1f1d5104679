/**
 * A number field outside the settings table (the experiment's seeds, epochs and target, a
 * rule's p): what is typed is read the one way the page reads numbers (`readDecimal`); a
 * value outside the bounds is clamped and the field says what was used, and a text that is
 * no number leaves the last good value in force with a message.
 */
import { useId, useState } from 'react';
import { readDecimal } from '../config';

export interface NumberBounds {
  readonly min: number;
  readonly max: number;
  readonly integer?: boolean;
  /** The value must be above `min`, not equal to it (a target of 0 means nothing). */
  readonly aboveMin?: boolean;
}

/** The bounds in words: "a whole number from 1 to 100", "a number above 0, at most 1". */
export function boundsWords(bounds: NumberBounds): string {
  const what = bounds.integer ? 'a whole number' : 'a number';
  return bounds.aboveMin
    ? `${what} above ${bounds.min}, at most ${bounds.max}`
    : `${what} from ${bounds.min} to ${bounds.max}`;
}

/**
 * What a typed value becomes: the value itself when within bounds, else the nearest that is
 * (rounded for whole numbers), or null when it cannot be used at all (at or below an
 * exclusive minimum).
 */
export function clampToBounds(value: number, bounds: NumberBounds): number | null {
  const rounded = bounds.integer ? Math.round(value) : value;
  if (bounds.aboveMin && rounded <= bounds.min) return null;
  return Math.min(bounds.max, Math.max(bounds.min, rounded));
}

export interface NumberFieldProps extends NumberBounds {
  readonly label: string;
  readonly value: number;
  readonly onChange: (value: number) => void;
  readonly step?: number;
  /** Words after the field ("epochs", "test accuracy"). */
  readonly unit?: string;
  readonly help?: string;
  readonly disabled?: boolean;
  readonly className?: string;
}

export function NumberField({
  label,
  value,
  onChange,
  step,
  unit,
  help,
  disabled = false,
  className,
  ...bounds
}: NumberFieldProps) {
  const [text, setText] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const id = useId();

  function take(typed: string, badInput: boolean): void {
    setText(typed);
    const reading = badInput ? null : readDecimal(typed);
    if (!reading || !reading.ok) {
      setMessage(
        `${label} ${reading ? reading.problem : 'is not a number'}: type ${boundsWords(bounds)}.`,
      );
      return;
    }
    const used = clampToBounds(reading.value, bounds);
    if (used === null) {
      setMessage(`${label} must be ${boundsWords(bounds)}.`);
      return;
    }
    onChange(used);
    if (used === reading.value) {
      setText(null);
      setMessage(null);
    } else setMessage(`${label} is ${boundsWords(bounds)}: used ${used}.`);
  }

  return (
    <div className={`field number-field ${className ?? ''}`}>
      <label htmlFor={`${id}-input`}>{label}</label>
      <span className="number-with-unit">
        <input
          id={`${id}-input`}
          type="number"
          title={help}
          min={bounds.min}
          max={bounds.max}
          step={step ?? (bounds.integer ? 1 : 'any')}
          value={text ?? String(value)}
          disabled={disabled}
          aria-invalid={message !== null && text !== null}
          aria-describedby={message ? id : undefined}
          onChange={(e) => take(e.target.value, e.target.validity.badInput)}
          onBlur={() => {
            setText(null);
            setMessage(null);
          }}
        />
        {unit && <span className="unit">{unit}</span>}
      </span>
      {message && (
        <span id={id} className="field-error" role="status">
          {message}
        </span>
      )}
    </div>
  );
}
