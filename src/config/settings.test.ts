/**
 * Tests generated from the settings table: every row is tested through the link and through
 * `changeEffects` by what its row declares, so a new row is tested without writing a test.
 * (The store's setter is tested the same way in src/state/actions.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { FEATURE_IDS } from '../data';
import { ACTIVATION_IDS, FIXED_ACTIVATION_IDS, LIMITS } from '../nn';
import { changeEffects, needsPatch, needsRebuild } from './config';
import { HASH_KEYS, configFromHash, configToHash } from './link';
import { boundsText } from './numbers';
import type { SettingRow } from './settingRows';
import { DEFAULT_CONFIG, SETTING_KEYS, type PlaygroundConfig, type SettingKey } from './settings';
import { configProblems, rowOf, settingProblem } from './validate';

/** Valid values of a row: the ends and a value between for numbers, every choice, samples. */
function samplesOf(row: SettingRow): unknown[] {
  switch (row.kind) {
    case 'number': {
      const between = row.min + (row.max - row.min) * 0.37;
      return [row.default, row.min, row.max, row.integer ? Math.round(between) : between];
    }
    case 'choice':
      return row.choices.map((c) => c.value);
    case 'flag':
      return [false, true];
    case 'features':
      return [row.default, [...FEATURE_IDS], ...FEATURE_IDS.map((id) => [id])];
    case 'network': {
      const { maxHiddenLayers, minNeurons, maxNeurons } = LIMITS;
      const widest = Array.from(
        { length: maxNeurons },
        (_, j) => ACTIVATION_IDS[j % ACTIVATION_IDS.length],
      );
      return [
        row.default,
        [],
        [widest],
        Array.from({ length: maxHiddenLayers }, (_, l) =>
          Array.from({ length: minNeurons }, () => ACTIVATION_IDS[l % ACTIVATION_IDS.length]),
        ),
        // Every activation appears somewhere.
        Array.from({ length: Math.ceil(ACTIVATION_IDS.length / maxNeurons) }, (_, l) =>
          ACTIVATION_IDS.slice(l * maxNeurons, (l + 1) * maxNeurons),
        ),
      ];
    }
    case 'palette':
      return [row.default, ['sin', 'relu'], [...FIXED_ACTIVATION_IDS].reverse()];
  }
}

/** The default configuration with one setting changed. */
function withSetting(key: SettingKey, value: unknown): PlaygroundConfig {
  return { ...DEFAULT_CONFIG, [key]: value } as PlaygroundConfig;
}

/** The `link=value` field of `key` in the link of `config`. */
function fieldOf(config: PlaygroundConfig, key: SettingKey): string {
  const prefix = `${rowOf(key).link}=`;
  const field = configToHash(config)
    .slice(1)
    .split('&')
    .find((f) => f.startsWith(prefix));
  if (field === undefined) throw new Error(`no ${prefix} in the link`);
  return field;
}

/** How the link writes the default of `key` ("0.03", "sgd", "x1,x2"). */
function defaultToken(key: SettingKey): string {
  return fieldOf(DEFAULT_CONFIG, key).slice(rowOf(key).link.length + 1);
}

/** The one ignored sentence of a link that sets only `key` to `text`; the rest is default. */
function ignoredOf(key: SettingKey, text: string): string {
  const { config, ignored } = configFromHash(`#${rowOf(key).link}=${encodeURIComponent(text)}`);
  expect(config).toEqual(DEFAULT_CONFIG);
  expect(ignored).toHaveLength(1);
  return ignored[0] as string;
}

const ROWS = SETTING_KEYS.map((key) => [key, rowOf(key)] as const);
const NUMBER_ROWS = ROWS.flatMap(([key, row]) =>
  row.kind === 'number' ? [[key, row] as const] : [],
);
const CHOICE_ROWS = ROWS.flatMap(([key, row]) =>
  row.kind === 'choice' ? [[key, row] as const] : [],
);
const FLAG_ROWS = ROWS.flatMap(([key, row]) => (row.kind === 'flag' ? [[key, row] as const] : []));

describe('the settings table', () => {
  it('gives every setting its own link key', () => {
    expect(new Set(HASH_KEYS).size).toBe(SETTING_KEYS.length);
    expect(HASH_KEYS.every((link) => /^[A-Za-z][A-Za-z0-9]*$/.test(link))).toBe(true);
  });

  it.each(ROWS)('gives %s a label, a help sentence and a valid default', (key, row) => {
    expect(row.label.trim()).not.toBe('');
    expect(row.help.trim()).not.toBe('');
    expect(settingProblem(key, row.default)).toBeNull();
  });

  it.each(NUMBER_ROWS)('keeps the bounds, step and options of %s consistent', (_key, row) => {
    expect(row.min).toBeLessThan(row.max);
    expect(Number.isFinite(row.min) && Number.isFinite(row.max)).toBe(true);
    if (row.integer) expect(Number.isInteger(row.min) && Number.isInteger(row.max)).toBe(true);
    expect(row.step === 'any' || row.step > 0).toBe(true);
    for (const option of row.options ?? []) {
      expect(option).toBeGreaterThanOrEqual(row.min);
      expect(option).toBeLessThanOrEqual(row.max);
    }
  });

  it.each(CHOICE_ROWS)('spells each choice of %s once, in lowercase', (_key, row) => {
    const tokens = row.choices.map((c) => c.token);
    expect(new Set(tokens).size).toBe(tokens.length);
    expect(tokens.every((t) => t !== '' && t === t.toLowerCase())).toBe(true);
    expect(new Set(row.choices.map((c) => c.value)).size).toBe(tokens.length);
    expect(row.choices.every((c) => c.label.trim() !== '')).toBe(true);
  });

  it('makes the default configuration of every row default, and valid', () => {
    expect(Object.keys(DEFAULT_CONFIG)).toEqual(SETTING_KEYS);
    for (const key of SETTING_KEYS) expect(DEFAULT_CONFIG[key]).toBe(rowOf(key).default);
    expect(configProblems(DEFAULT_CONFIG)).toEqual([]);
  });
});

describe('every setting in the link', () => {
  it('writes every setting, in table order', () => {
    const keys = configToHash(DEFAULT_CONFIG)
      .slice(1)
      .split('&')
      .map((field) => field.split('=')[0]);
    expect(keys).toEqual(SETTING_KEYS.map((key) => rowOf(key).link));
  });

  it.each(ROWS)('reads back every sample value of %s, with nothing ignored', (key, row) => {
    for (const value of samplesOf(row)) {
      const config = withSetting(key, value);
      expect(configProblems(config)).toEqual([]);
      expect(configFromHash(configToHash(config))).toEqual({ config, ignored: [] });
    }
  });

  it.each(ROWS)('reads every sample value of %s from a link of that setting alone', (key, row) => {
    for (const value of samplesOf(row)) {
      const config = withSetting(key, value);
      expect(configFromHash(`#${fieldOf(config, key)}`)).toEqual({ config, ignored: [] });
    }
  });
});

describe('bad numbers in the link', () => {
  it.each(NUMBER_ROWS)('falls back for %s out of its bounds, naming them', (key, row) => {
    const outside = [row.min - 1, row.max + 1, -1e300, 1e300];
    if (row.integer) outside.push(row.min + 0.5);
    for (const value of outside) {
      const text = String(value);
      expect(ignoredOf(key, text)).toBe(
        `${row.link}: "${text}" is not ${boundsText(row)} — used ${defaultToken(key)}`,
      );
    }
  });

  it.each(NUMBER_ROWS)('falls back for a malformed %s, saying why', (key, row) => {
    const cases = [
      ['abc', 'is not a number'],
      ['0x10', 'is not a number'],
      ['Infinity', 'is not a number'],
      ['1,5', 'is not a number'],
      ['', 'is empty'],
      ['1e400', 'is too large to represent'],
      ['1e-400', 'is too close to 0 to represent'],
    ];
    for (const [text, reason] of cases as [string, string][]) {
      const sentence = ignoredOf(key, text);
      expect(sentence.startsWith(`${row.link}: "${text}" ${reason}`), sentence).toBe(true);
      expect(sentence.endsWith(` — used ${defaultToken(key)}`), sentence).toBe(true);
    }
  });
});

describe('bad choices and flags in the link', () => {
  it.each(CHOICE_ROWS)('falls back for an unknown %s, naming the key', (key, row) => {
    const unknown = `${row.choices.map((c) => c.token).join('')}x`;
    const sentence = ignoredOf(key, unknown);
    const quoted = unknown.length > 30 ? `${unknown.slice(0, 30)}…` : unknown;
    expect(sentence.startsWith(`${row.link}: "${quoted}" is not `), sentence).toBe(true);
    expect(sentence.endsWith(` — used ${defaultToken(key)}`), sentence).toBe(true);
  });

  it.each(CHOICE_ROWS)('names every choice of %s when refusing an unknown one', (key, row) => {
    const sentence = ignoredOf(key, 'zzz');
    for (const choice of row.choices) expect(sentence).toContain(choice.token);
  });

  it.each(CHOICE_ROWS)('reads the choices of %s in capitals too', (key, row) => {
    for (const choice of row.choices) {
      const link = `#${row.link}=${choice.token.toUpperCase()}`;
      expect(configFromHash(link)).toEqual({ config: withSetting(key, choice.value), ignored: [] });
    }
  });

  it.each(FLAG_ROWS)(
    'reads %s as 1/0 or true/false and falls back for anything else',
    (key, row) => {
      for (const [text, value] of [
        ['1', true],
        ['true', true],
        ['0', false],
        ['FALSE', false],
      ] as const) {
        expect(configFromHash(`#${row.link}=${text}`).config[key]).toBe(value);
      }
      expect(ignoredOf(key, 'yes')).toBe(
        `${row.link}: "yes" is not 0 or 1 — used ${defaultToken(key)}`,
      );
    },
  );
});

/** A valid value of the row other than its default (for the network row: same shape). */
function otherValue(row: SettingRow): unknown {
  const other = samplesOf(row).find((v) => JSON.stringify(v) !== JSON.stringify(row.default));
  if (other === undefined) throw new Error(`no second value for ${row.label}`);
  return other;
}

describe('changeEffects', () => {
  it.each(ROWS.filter(([, row]) => row.kind !== 'network'))(
    "reports only the row's effect when only %s changes",
    (key, row) => {
      const next = withSetting(key, otherValue(row));
      expect(changeEffects(DEFAULT_CONFIG, next)).toEqual(new Set([row.effect]));
      expect(needsRebuild(DEFAULT_CONFIG, next)).toBe(row.effect === 'rebuild');
      expect(needsPatch(DEFAULT_CONFIG, next)).toBe(row.effect === 'patch');
    },
  );

  it.each(ROWS.filter(([, row]) => row.kind === 'network'))(
    'patches an activation change of %s and rebuilds a change of shape',
    (key, row) => {
      const hidden = row.default as PlaygroundConfig['hidden'];
      const swapped = hidden.map((layer) =>
        layer.map((id) => ACTIVATION_IDS.find((other) => other !== id)),
      );
      expect(changeEffects(DEFAULT_CONFIG, withSetting(key, swapped))).toEqual(new Set(['patch']));
      const grown = [...hidden.map((layer) => [...layer]), ['tanh']];
      expect(changeEffects(DEFAULT_CONFIG, withSetting(key, grown))).toEqual(new Set(['rebuild']));
      const wider = hidden.map((layer, l) => (l === 0 ? [...layer, 'tanh'] : layer));
      expect(changeEffects(DEFAULT_CONFIG, withSetting(key, wider))).toEqual(new Set(['rebuild']));
      expect(changeEffects(DEFAULT_CONFIG, withSetting(key, []))).toEqual(new Set(['rebuild']));
    },
  );

  it('reports nothing for the same configuration or an equal copy of it', () => {
    expect(changeEffects(DEFAULT_CONFIG, DEFAULT_CONFIG).size).toBe(0);
    const copy = configFromHash(configToHash(DEFAULT_CONFIG)).config;
    expect(copy).not.toBe(DEFAULT_CONFIG);
    expect(changeEffects(DEFAULT_CONFIG, copy).size).toBe(0);
  });

  it('reports the effect of every setting that changed', () => {
    let next = DEFAULT_CONFIG;
    const effects = new Set<string>();
    for (const [key, row] of ROWS) {
      next = { ...next, [key]: otherValue(row) } as PlaygroundConfig;
      effects.add(row.effect);
      expect(changeEffects(DEFAULT_CONFIG, next)).toEqual(effects);
    }
  });
});
