/**
 * What a valid configuration is, derived from the settings table: the page's actions, the
 * link codec and the worker all check against these functions, so the page, the link and the
 * worker refuse the same things with the same words.
 */
import { FEATURE_IDS, isFeatureId } from '../data';
import { FIXED_ACTIVATION_COUNT, LIMITS, isActivationId, isFixedActivationId } from '../nn';
import { numberProblem } from './numbers';
import type { ChoiceRow, SettingRow } from './settingRows';
import { SETTINGS, SETTING_KEYS, type PlaygroundConfig, type SettingKey } from './settings';

/** The row of a setting, as the general row type. */
export function rowOf(key: SettingKey): SettingRow {
  return SETTINGS[key] as SettingRow;
}

/** `value` limited to [low, high]; -0 becomes 0 so a clamped value prints as "0". */
export function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value)) + 0;
}

/** "a, b or c". */
export function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1] as string}`;
}

/** "is not sgd, momentum or adam", or for longer lists "is not one of circle, xor, … or spiral". */
export function choiceProblemText(row: ChoiceRow<unknown>): string {
  const tokens = row.choices.map((c) => c.token);
  return tokens.length <= 3 ? `is not ${listWords(tokens)}` : `is not one of ${listWords(tokens)}`;
}

/** Null when `features` is a valid feature list, else why not. */
export function featuresProblem(features: unknown): string | null {
  if (!Array.isArray(features) || features.length === 0) return 'is empty';
  if (features.length > LIMITS.maxInputs) return `has more than ${LIMITS.maxInputs} features`;
  if (!features.every(isFeatureId)) return 'holds an unknown feature';
  // Kept in FEATURE_IDS order without repeats, so equal sets compare equal.
  const ordered = FEATURE_IDS.filter((id) => features.includes(id));
  return ordered.join() === features.join() ? null : 'is not in display order';
}

/** Null when `hidden` is a valid list of hidden layers, else why not. */
export function networkProblem(hidden: unknown): string | null {
  const { maxHiddenLayers, minNeurons, maxNeurons } = LIMITS;
  if (!Array.isArray(hidden)) return 'is not a list of layers';
  if (hidden.length > maxHiddenLayers) return `has more than ${maxHiddenLayers} hidden layers`;
  for (const [l, layer] of hidden.entries()) {
    if (!Array.isArray(layer) || layer.length < minNeurons || layer.length > maxNeurons) {
      return `layer ${l + 1} is not a layer of ${minNeurons} to ${maxNeurons} neurons`;
    }
    const bad = layer.findIndex((id) => !isActivationId(id));
    if (bad >= 0) return `layer ${l + 1} neuron ${bad + 1} is not an activation`;
  }
  return null;
}

/** Null when `palette` is a valid mixture palette (2 to 17 distinct fixed activations). */
export function paletteProblem(palette: unknown): string | null {
  if (!Array.isArray(palette)) return 'is not a list of activations';
  if (palette.length < 2) return 'has fewer than 2 activations';
  if (palette.length > FIXED_ACTIVATION_COUNT) {
    return `has more than ${FIXED_ACTIVATION_COUNT} activations`;
  }
  if (!palette.every(isFixedActivationId)) return 'holds an entry that is not a fixed activation';
  return new Set(palette).size === palette.length ? null : 'names an activation twice';
}

/** Null when `value` is valid for setting `key`, else why not ("is not a number from 0 to 50"). */
export function settingProblem(key: SettingKey, value: unknown): string | null {
  const row = rowOf(key);
  switch (row.kind) {
    case 'number':
      return numberProblem(row, value);
    case 'choice':
      return row.choices.some((c) => c.value === value) ? null : choiceProblemText(row);
    case 'flag':
      return typeof value === 'boolean' ? null : 'is not on or off';
    case 'features':
      return featuresProblem(value);
    case 'network':
      return networkProblem(value);
    case 'palette':
      return paletteProblem(value);
  }
}

/**
 * Every way `config` breaks the table, one sentence each ("noise is not a number from 0 to
 * 50"); empty for a valid configuration. Never throws, whatever `config` holds.
 */
export function configProblems(config: unknown): string[] {
  if (typeof config !== 'object' || config === null) return ['the configuration is not an object'];
  const fields = config as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of SETTING_KEYS) {
    const problem = settingProblem(key, fields[key]);
    if (problem !== null) problems.push(`${key} ${problem}`);
  }
  return problems;
}

/** True when `config` is a valid configuration. */
export function isValidConfig(config: unknown): config is PlaygroundConfig {
  return configProblems(config).length === 0;
}

/** What a control's input became for a setting: the value to store, or a refusal. */
export type Coerced<T> = { readonly ok: true; readonly value: T } | { readonly ok: false };

/**
 * The value a control's input becomes for setting `key`: a number row rounds whole numbers
 * and clamps into its bounds (or refuses, for a seed); NaN and values of the wrong type are
 * refused; other rows take only valid values (null is a valid speed: "Max").
 */
export function coerceSetting<K extends SettingKey>(
  key: K,
  value: unknown,
): Coerced<PlaygroundConfig[K]> {
  const row = SETTINGS[key] as SettingRow | undefined;
  if (row === undefined) return { ok: false };
  if (row.kind === 'number') {
    if (typeof value !== 'number' || Number.isNaN(value)) return { ok: false };
    let number = (row.integer ? Math.round(value) : value) + 0; // -0 becomes 0
    if (row.outOfRange === 'clamp') number = clamp(number, row.min, row.max);
    if (numberProblem(row, number) !== null) return { ok: false };
    return { ok: true, value: number as PlaygroundConfig[K] };
  }
  if (settingProblem(key, value) !== null) return { ok: false };
  return { ok: true, value: value as PlaygroundConfig[K] };
}
