/**
 * Picks a variant rule (src/experiment/rules.ts): which hidden neurons get which activation.
 * The experiment's variants, the comparison's two sides and "Set pattern…" all pick with it.
 */
import { useId } from 'react';
import { ACTIVATIONS, type ActivationId } from '../nn';
import { roundFraction, type RuleKind, type VariantRule } from '../experiment';
import { NumberField } from './NumberField';

/** Each rule kind in words, as the menus say it. */
export const RULE_KIND_LABELS: Record<RuleKind, string> = {
  all: 'Every hidden neuron X',
  alternate: 'Alternate X and Y within each layer',
  halves: 'First half X, second half Y',
  fraction: 'A fraction p of each layer Y, the rest X',
  asSet: 'As I set it',
  choose: 'Let the network choose, freeze at epoch N',
};

/** The rule of `kind` keeping what it can of `rule` (x, y and p), the rest from the fallbacks. */
export function ruleOfKind(
  kind: RuleKind,
  rule: VariantRule,
  fallbackX: ActivationId,
): VariantRule {
  const x = rule.kind === 'asSet' || rule.kind === 'choose' ? fallbackX : rule.x;
  const y = rule.kind === 'asSet' || rule.kind === 'all' || rule.kind === 'choose' ? 'sin' : rule.y;
  const p = rule.kind === 'fraction' ? rule.p : 0.5;
  switch (kind) {
    case 'asSet':
      return { kind };
    case 'all':
      return { kind, x };
    case 'alternate':
    case 'halves':
      return { kind, x, y };
    case 'fraction':
      return { kind, x, y, p };
    case 'choose':
      return { kind, freezeAt: rule.kind === 'choose' ? rule.freezeAt : 100 };
  }
}

function ActivationSelect({
  label,
  value,
  onChange,
  disabled,
}: {
  label: string;
  value: ActivationId;
  onChange: (id: ActivationId) => void;
  disabled: boolean;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value as ActivationId)}
      >
        {ACTIVATIONS.map((a) => (
          <option key={a.id} value={a.id}>
            {a.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export interface RulePickerProps {
  readonly rule: VariantRule;
  readonly onChange: (rule: VariantRule) => void;
  /** The kinds offered, in this order (all of them by default). */
  readonly kinds?: readonly RuleKind[];
  /** X when switching from "as I set it" (the network's default activation). */
  readonly fallbackX: ActivationId;
  readonly disabled?: boolean;
}

/** The rule's kind, then X, Y and p as the kind needs them. */
export function RulePicker({
  rule,
  onChange,
  kinds = ['all', 'alternate', 'halves', 'fraction', 'asSet'],
  fallbackX,
  disabled = false,
}: RulePickerProps) {
  const id = useId();
  return (
    <div className="rule-picker">
      <div className="field rule-kind">
        <label htmlFor={id}>Rule</label>
        <select
          id={id}
          value={rule.kind}
          disabled={disabled}
          onChange={(e) => onChange(ruleOfKind(e.target.value as RuleKind, rule, fallbackX))}
        >
          {kinds.map((kind) => (
            <option key={kind} value={kind}>
              {RULE_KIND_LABELS[kind]}
            </option>
          ))}
        </select>
      </div>
      {rule.kind !== 'asSet' && rule.kind !== 'choose' && (
        <ActivationSelect
          label="X"
          value={rule.x}
          disabled={disabled}
          onChange={(x) => onChange({ ...rule, x })}
        />
      )}
      {(rule.kind === 'alternate' || rule.kind === 'halves' || rule.kind === 'fraction') && (
        <ActivationSelect
          label="Y"
          value={rule.y}
          disabled={disabled}
          onChange={(y) => onChange({ ...rule, y })}
        />
      )}
      {rule.kind === 'choose' && (
        <NumberField
          label="Freeze at epoch"
          help="Epochs the Learned mixes train before each becomes its strongest entry"
          value={rule.freezeAt}
          min={0}
          max={5000}
          step={10}
          disabled={disabled}
          onChange={(freezeAt) => onChange({ ...rule, freezeAt: Math.round(freezeAt) })}
        />
      )}
      {rule.kind === 'fraction' && (
        <NumberField
          label="p"
          className="fraction-field"
          help="Share of each layer's neurons that get Y, from 0 to 1"
          value={rule.p}
          min={0}
          max={1}
          step={0.05}
          disabled={disabled}
          onChange={(p) => onChange({ ...rule, p: roundFraction(p) })}
        />
      )}
    </div>
  );
}
