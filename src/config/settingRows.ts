/**
 * The kinds of row the settings table (settings.ts) is made of, and the small constructors
 * that keep each row's value type. Everything about a setting is on its row: its type,
 * default, bounds or choices, how a control's out-of-range value is clamped, its link key,
 * its label and help text, and its effect on the training worker.
 */
import type { ActivationId, FixedActivationId } from '../nn';
import type { FeatureId } from '../data';

/**
 * What changing a setting asks of the worker:
 * - `rebuild`: new data or a new network (weights drawn again from the seed, epoch 0);
 * - `patch`: the live network changes and keeps every weight;
 * - `pace`: how fast the worker trains, never what it computes;
 * - `display`: nothing; only the page draws differently.
 */
export type Effect = 'rebuild' | 'patch' | 'pace' | 'display';

interface RowBase<T> {
  /** The key in the link (`#noise=10`). */
  readonly link: string;
  /**
   * TensorFlow Playground's name for the control, where it has the same one: its link flag
   * `<tfHide>_hide=true` hides the control here too (`<link>_hide=1` always does).
   */
  readonly tfHide?: string;
  /** The control's visible label and accessible name. */
  readonly label: string;
  /** One sentence for the control's tooltip. */
  readonly help: string;
  readonly effect: Effect;
  readonly default: T;
}

/** A number within [min, max]; a control's value outside them is clamped (rounded if whole). */
export interface NumberRow extends RowBase<number> {
  readonly kind: 'number';
  readonly min: number;
  readonly max: number;
  /** Only whole numbers. */
  readonly integer: boolean;
  /** A control's step (a slider's notch, a number field's arrows); `any` for no grid. */
  readonly step: number | 'any';
  /** A control's clamping: `clamp` into the bounds, or `refuse` what lies outside (a seed). */
  readonly outOfRange: 'clamp' | 'refuse';
  /** Values a select offers; any other value within the bounds is valid too (from a link). */
  readonly options?: readonly number[];
  /** How a value is written after the label, e.g. "%" for percentages. */
  readonly unit?: string;
}

/** One value a choice row offers. */
export interface Choice<T> {
  readonly value: T;
  /** Its spelling in the link (lowercase). */
  readonly token: string;
  /** Its name in the control. */
  readonly label: string;
}

/** One of a fixed list of values. */
export interface ChoiceRow<T> extends RowBase<T> {
  readonly kind: 'choice';
  readonly choices: readonly Choice<T>[];
}

/** On or off; `1`/`0` in the link. */
export interface FlagRow extends RowBase<boolean> {
  readonly kind: 'flag';
}

/** The enabled input features, in FEATURE_IDS order, at least one. */
export interface FeaturesRow extends RowBase<readonly FeatureId[]> {
  readonly kind: 'features';
}

/** Every hidden neuron's activation, `hidden[l][j]`; the shape within the engine's limits. */
export interface NetworkRow extends RowBase<readonly (readonly ActivationId[])[]> {
  readonly kind: 'network';
}

/** An ordered list of distinct fixed activations, 2 to 17: the palette a Learned mix blends. */
export interface PaletteRow extends RowBase<readonly FixedActivationId[]> {
  readonly kind: 'palette';
}

export type SettingRow =
  NumberRow | ChoiceRow<unknown> | FlagRow | FeaturesRow | NetworkRow | PaletteRow;

/** The value type of a row. */
export type ValueOf<R> = R extends RowBase<infer T> ? T : never;

type Base<T> = Omit<RowBase<T>, 'default'> & { readonly default: T };

/** A number row; `integer` defaults to false, `step` to 1 for whole numbers. */
export function numberRow(
  row: Base<number> &
    Pick<NumberRow, 'min' | 'max' | 'outOfRange'> &
    Partial<Pick<NumberRow, 'integer' | 'step' | 'options' | 'unit'>>,
): NumberRow {
  const integer = row.integer ?? false;
  return { kind: 'number', ...row, integer, step: row.step ?? (integer ? 1 : 'any') };
}

/** A choice row over `choices`, whose default must be one of them. */
export function choiceRow<T>(
  row: Base<T> & { readonly choices: readonly Choice<T>[] },
): ChoiceRow<T> {
  return { kind: 'choice', ...row };
}

/** Choices whose token is the value itself (string ids such as `sgd`). */
export function idChoices<T extends string>(
  ids: readonly T[],
  label: (id: T) => string,
): readonly Choice<T>[] {
  return ids.map((id) => ({ value: id, token: id, label: label(id) }));
}

export function flagRow(row: Base<boolean>): FlagRow {
  return { kind: 'flag', ...row };
}

export function featuresRow(row: Base<readonly FeatureId[]>): FeaturesRow {
  return { kind: 'features', ...row };
}

export function networkRow(row: Base<readonly (readonly ActivationId[])[]>): NetworkRow {
  return { kind: 'network', ...row };
}

export function paletteRow(row: Base<readonly FixedActivationId[]>): PaletteRow {
  return { kind: 'palette', ...row };
}
