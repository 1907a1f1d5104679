/** A small dialog to type one weight's value; anything but a finite number is refused. */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { readDecimal } from '../../config';
import { formatWeight } from '../../viz/format';
import { useRuntime } from '../runtime';
import type { DiagramLink } from './geometry';

/** Largest weight magnitude the editor accepts: beyond it training only diverges. */
const MAX_WEIGHT = 100;

export function WeightEditor({
  link,
  name,
  expectedWeights,
  onClose,
}: {
  link: DiagramLink;
  name: string;
  expectedWeights: number;
  onClose: () => void;
}) {
  const { connection, hub } = useRuntime();
  const frame = hub.latestFrame;
  const current =
    frame && frame.weights.length === expectedWeights ? frame.weights[link.weightIndex] : undefined;
  const [text, setText] = useState(current === undefined ? '' : formatWeight(current));
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const headingId = useId();
  const errorId = useId();

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  function submit(event: FormEvent) {
    event.preventDefault();
    const reading = readDecimal(text);
    if (!reading.ok) {
      setError(`"${text}" ${reading.problem}. Type a value such as 0.5 or -1.2.`);
      return;
    }
    const value = reading.value;
    if (Math.abs(value) > MAX_WEIGHT) {
      setError(`Weights are limited to ±${MAX_WEIGHT} here.`);
      return;
    }
    connection.setWeight({ layer: link.layer, neuron: link.to, from: link.from }, value);
    onClose();
  }

  return (
    <div
      className="weight-editor"
      role="dialog"
      aria-labelledby={headingId}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <form onSubmit={submit}>
        <h3 id={headingId}>{name}</h3>
        <label>
          <span>Weight</span>
          <input
            ref={input}
            type="text"
            inputMode="decimal"
            value={text}
            aria-invalid={error !== null}
            aria-describedby={error ? errorId : undefined}
            onChange={(event) => {
              setText(event.target.value);
              setError(null);
            }}
          />
        </label>
        {error && (
          <p className="field-error" id={errorId} role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="submit" className="text-button primary">
            Set weight
          </button>
          <button type="button" className="text-button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}
