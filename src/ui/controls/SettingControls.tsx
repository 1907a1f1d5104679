/**
 * Controls made from a row of the settings table: the label, tooltip, bounds, step and
 * options all come from the row, and every value goes through `set(key, value)`, which
 * clamps or refuses by the row's rule. A number typed into a field is read the one way the
 * link reads numbers (`readDecimal`), so `0x10` or `1e-400` get a message, not a surprise.
 */
import { useId, useState } from 'react';
import {
  boundsText,
  numberProblem,
  readDecimal,
  rowOf,
  type Choice,
  type NumberRow,
  type SettingKey,
  type Settings,
} from '../../config';
import { playgroundActions as act, playgroundStore, useHidden, usePlayground } from '../../state';

/** Setting keys whose row is of a kind, for typed props. */
type KeysOfKind<Kind extends string> = {
  [K in SettingKey]: Settings[K] extends { readonly kind: Kind } ? K : never;
}[SettingKey];

const NOT_A_NUMBER = { ok: false, problem: 'is not a number' } as const;

function numberRowOf(key: SettingKey): NumberRow {
  const row = rowOf(key);
  if (row.kind !== 'number') throw new Error(`${key} is not a number setting`);
  return row;
}

/** The options of a select: a choice row's choices, or a number row's listed values. */
function optionsOf(key: SettingKey, value: unknown): readonly Choice<unknown>[] {
  const row = rowOf(key);
  if (row.kind === 'choice') return row.choices;
  if (row.kind !== 'number' || !row.options) throw new Error(`${key} has no options`);
  // A link may carry a value that is not listed: it is offered as its own option.
  const listed = row.options.includes(value as number)
    ? row.options
    : [...row.options, value as number].sort((a, b) => a - b);
  return listed.map((n) => ({ value: n, token: String(n), label: String(n) }));
}

/** A select over a choice row, or over a number row's listed values. */
export function SettingSelect({
  name,
  disabled = false,
}: {
  name: SettingKey;
  disabled?: boolean;
}) {
  const hidden = useHidden(name);
  const row = rowOf(name);
  const value = usePlayground((s) => s.config[name]);
  const options = optionsOf(name, value);
  const current = options.find((o) => o.value === value)?.token ?? '';
  const id = useId();
  if (hidden) return null;
  return (
    <div className="field">
      <label htmlFor={id}>{row.label}</label>
      <select
        id={id}
        title={row.help}
        value={current}
        disabled={disabled}
        onChange={(e) => {
          const choice = options.find((o) => o.token === e.target.value);
          if (choice) act.set(name, choice.value);
        }}
      >
        {options.map((o) => (
          <option key={o.token} value={o.token}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * A number field over a number row. What is typed is read as a decimal: a value outside the
 * bounds is clamped (and the field says so) or, for a row that refuses, kept out with a
 * message; the last good value stays in force meanwhile.
 */
export function SettingNumber({ name }: { name: KeysOfKind<'number'> }) {
  const hidden = useHidden(name);
  const row = numberRowOf(name);
  const value = usePlayground((s) => s.config[name]) as number;
  const [draft, setDraft] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const messageId = useId();

  function take(text: string, badInput: boolean): void {
    setDraft(text);
    const reading = badInput ? NOT_A_NUMBER : readDecimal(text);
    if (!reading.ok) {
      setMessage(`${row.label} ${reading.problem}: type ${boundsText(row)}.`);
      return;
    }
    const exact = numberProblem(row, reading.value) === null;
    if (!exact && row.outOfRange === 'refuse') {
      setMessage(`${row.label} must be ${boundsText(row)}.`);
      return;
    }
    // Clamped and rounded by the row's rule; the field says what was used.
    act.set(name, reading.value);
    if (exact) {
      setDraft(null);
      setMessage(null);
    } else {
      const used = playgroundStore.getState().config[name];
      setMessage(`${row.label} is ${boundsText(row)}: used ${String(used)}.`);
    }
  }

  if (hidden) return null;
  return (
    <div className="field number-field">
      <label htmlFor={`${messageId}-input`}>{row.label}</label>
      <input
        id={`${messageId}-input`}
        title={row.help}
        type="number"
        min={row.min}
        max={row.max}
        step={row.step}
        value={draft ?? String(value)}
        aria-invalid={message !== null && draft !== null}
        aria-describedby={message ? messageId : undefined}
        onChange={(e) => take(e.target.value, e.target.validity.badInput)}
        onBlur={() => {
          setDraft(null);
          setMessage(null);
        }}
      />
      {message && (
        <span id={messageId} className="field-error" role="status">
          {message}
        </span>
      )}
    </div>
  );
}

/** A slider over a number row, its value shown beside the label. */
export function SettingSlider({ name }: { name: KeysOfKind<'number'> }) {
  const hidden = useHidden(name);
  const row = numberRowOf(name);
  const value = usePlayground((s) => s.config[name]) as number;
  const id = useId();
  if (hidden) return null;
  return (
    <div className="slider-field">
      <span>
        <label htmlFor={id}>{row.label}</label>{' '}
        <output htmlFor={id}>
          {value}
          {row.unit ?? ''}
        </output>
      </span>
      <input
        id={id}
        title={row.help}
        type="range"
        min={row.min}
        max={row.max}
        step={row.step}
        value={value}
        aria-valuetext={`${value}${row.unit ?? ''}`}
        onChange={(e) => act.set(name, e.target.valueAsNumber)}
      />
    </div>
  );
}

/** A checkbox over a flag row. */
export function SettingCheckbox({ name }: { name: KeysOfKind<'flag'> }) {
  const hidden = useHidden(name);
  const row = rowOf(name);
  const checked = usePlayground((s) => s.config[name]) as boolean;
  if (hidden) return null;
  return (
    <label>
      <input
        type="checkbox"
        title={row.help}
        checked={checked}
        onChange={(e) => act.set(name, e.target.checked)}
      />
      {row.label}
    </label>
  );
}
