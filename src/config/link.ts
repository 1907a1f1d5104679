/**
 * The whole configuration in the URL hash, readable and editable by a person, derived from the
 * settings table (each row's `link` key, in table order):
 *
 *   #dataset=circle&noise=0&train=50&seed=1&features=x1,x2&net=tanh,relu;tanh&lr=0.03 …
 *
 * `net` lists each hidden layer's activations, layers separated by `;` (`net=` alone means no
 * hidden layers). Parsing validates at the edge: whatever is unknown, malformed or out of range
 * falls back to its default and is told in `ignored`, naming the bounds it broke, so a
 * hand-edited link never breaks the page.
 */
import { FEATURE_IDS, isFeatureId, type FeatureId } from '../data';
import { LIMITS, isActivationId, type ActivationId } from '../nn';
import { readNumberOf } from './numbers';
import type { SettingRow } from './settingRows';
import { DEFAULT_CONFIG, SETTING_KEYS, type PlaygroundConfig, type SettingKey } from './settings';
import { choiceProblemText, configProblems, paletteProblem, rowOf } from './validate';
import { isViewFlagKey } from './viewFlags';

/** What `configFromHash` returns: a valid configuration, and what of the link it did not use. */
export interface ParsedHash {
  readonly config: PlaygroundConfig;
  /** One sentence per problem, e.g. `lr: "abc" is not a number — used 0.03`. */
  readonly ignored: readonly string[];
}

/** Problems listed at most; a link of garbage should not flood the page. */
export const MAX_IGNORED = 20;

/** Longest piece of a bad value quoted in a message. */
const MAX_QUOTE = 30;

/** The setting of each link key. */
const KEY_OF_LINK = new Map<string, SettingKey>(SETTING_KEYS.map((key) => [rowOf(key).link, key]));

/** The link keys, in the order `configToHash` writes them. */
export const HASH_KEYS: readonly string[] = SETTING_KEYS.map((key) => rowOf(key).link);

/** The value of a setting in link syntax. */
function formatValue(row: SettingRow, value: unknown): string {
  switch (row.kind) {
    case 'number':
      return String(value);
    case 'choice':
      return row.choices.find((c) => c.value === value)?.token ?? String(value);
    case 'flag':
      return value ? '1' : '0';
    case 'features':
      return (value as readonly FeatureId[]).join(',');
    case 'network':
      return (value as PlaygroundConfig['hidden']).map((layer) => layer.join(',')).join(';');
    case 'palette':
      return (value as PlaygroundConfig['mixPalette']).join(',');
  }
}

/**
 * The hash (with its leading `#`) recording `config`. No value needs escaping: ids are
 * lowercase letters, digits, `_` and `-`; numbers print with digits, `.`, `e`, `+` and `-`.
 */
export function configToHash(config: PlaygroundConfig): string {
  const fields = SETTING_KEYS.map((key) => {
    const row = rowOf(key);
    return `${row.link}=${formatValue(row, config[key])}`;
  });
  return '#' + fields.join('&');
}

/** Collects problem sentences, keeping the first MAX_IGNORED and counting the rest. */
class Notes {
  private readonly kept: string[] = [];
  private dropped = 0;

  add(text: string): void {
    if (this.kept.length < MAX_IGNORED) this.kept.push(text);
    else this.dropped++;
  }

  list(): string[] {
    if (this.dropped === 0) return this.kept;
    return [...this.kept, `… and ${this.dropped} more problems in the link`];
  }
}

function quote(value: string): string {
  const short = value.length > MAX_QUOTE ? `${value.slice(0, MAX_QUOTE)}…` : value;
  return `"${short}"`;
}

/** `decodeURIComponent` that returns null instead of throwing on a broken `%` escape. */
function decode(text: string): string | null {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

function defaultText(key: SettingKey): string {
  return `used ${formatValue(rowOf(key), DEFAULT_CONFIG[key])}`;
}

/** The decoded value of every known key given once or more (the first wins). */
function readFields(hash: string, notes: Notes): Map<SettingKey, string> {
  const values = new Map<SettingKey, string>();
  const counts = new Map<SettingKey, number>();
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  for (const segment of body.split('&')) {
    if (segment === '') continue;
    const equals = segment.indexOf('=');
    const rawKey = equals < 0 ? segment : segment.slice(0, equals);
    const linkKey = decode(rawKey);
    const key = linkKey === null ? undefined : KEY_OF_LINK.get(linkKey);
    if (key === undefined) {
      // View flags (embed=1, lr_hide=1) share the hash but are no settings: see viewFlags.ts.
      if (linkKey !== null && isViewFlagKey(linkKey)) continue;
      notes.add(`${quote(linkKey ?? rawKey)}: not a setting of the playground — ignored`);
      continue;
    }
    const link = rowOf(key).link;
    const count = (counts.get(key) ?? 0) + 1;
    counts.set(key, count);
    if (count > 1) continue;
    if (equals < 0) {
      notes.add(`${link}: has no value — ${defaultText(key)}`);
      continue;
    }
    const rawValue = segment.slice(equals + 1);
    const value = decode(rawValue);
    if (value === null)
      notes.add(`${link}: ${quote(rawValue)} could not be decoded — ${defaultText(key)}`);
    else values.set(key, value);
  }
  for (const [key, count] of counts) {
    if (count > 1) notes.add(`${rowOf(key).link}: given ${count} times — used the first`);
  }
  return values;
}

/** Reads the link's fields, one setting at a time; one instance per `configFromHash` call. */
class FieldReader {
  constructor(
    private readonly values: ReadonlyMap<SettingKey, string>,
    private readonly notes: Notes,
  ) {}

  private reject(key: SettingKey, value: string, problem: string): void {
    this.notes.add(`${rowOf(key).link}: ${quote(value)} ${problem} — ${defaultText(key)}`);
  }

  /** The value of a number, choice or flag row, or its default. */
  scalar(key: SettingKey): unknown {
    const fallback = DEFAULT_CONFIG[key];
    const text = this.values.get(key);
    const row = rowOf(key);
    if (text === undefined) return fallback;
    if (row.kind === 'number') {
      const reading = readNumberOf(row, text);
      if (reading.ok) return reading.value;
      this.reject(key, text, reading.problem);
    } else if (row.kind === 'choice') {
      const token = text.toLowerCase();
      const choice = row.choices.find((c) => c.token === token);
      if (choice) return choice.value;
      this.reject(key, text, choiceProblemText(row));
    } else if (row.kind === 'flag') {
      const flag = text.toLowerCase();
      if (flag === '1' || flag === 'true') return true;
      if (flag === '0' || flag === 'false') return false;
      this.reject(key, text, 'is not 0 or 1');
    }
    return fallback;
  }

  features(): readonly FeatureId[] {
    const value = this.values.get('features');
    if (value === undefined) return DEFAULT_CONFIG.features;
    const given = new Set<string>();
    for (const item of value.split(',')) {
      const id = item.toLowerCase();
      if (isFeatureId(id)) given.add(id);
      else if (item !== '')
        this.notes.add(`features: ${quote(item)} is not an input feature — left out`);
    }
    // Kept in FEATURE_IDS order, as the page keeps them.
    const features = FEATURE_IDS.filter((id) => given.has(id));
    if (features.length > 0) return features;
    this.reject('features', value, 'has no input feature');
    return DEFAULT_CONFIG.features;
  }

  /** The hidden layers; a bad activation falls back to `fallback` for its neuron only. */
  hidden(fallback: ActivationId): PlaygroundConfig['hidden'] {
    const value = this.values.get('hidden');
    if (value === undefined) return DEFAULT_CONFIG.hidden;
    if (value === '') return [];
    const { maxHiddenLayers, maxNeurons } = LIMITS;
    const layers: ActivationId[][] = [];
    let extraLayers = 0;
    value.split(';').forEach((segment, l) => {
      // Empty items (`net=,,`) are no neurons, not neurons of the default activation.
      let items = segment.split(',').filter((item) => item !== '');
      if (items.length === 0) {
        this.notes.add(`net: layer ${l + 1} is empty — left out`);
        return;
      }
      if (layers.length >= maxHiddenLayers) {
        extraLayers++;
        return;
      }
      if (items.length < segment.split(',').length) {
        this.notes.add(`net: layer ${l + 1} has empty entries — left out`);
      }
      if (items.length > maxNeurons) {
        this.notes.add(
          `net: layer ${l + 1} has ${items.length} neurons — kept the first ${maxNeurons}`,
        );
        items = items.slice(0, maxNeurons);
      }
      layers.push(items.map((item, j) => this.activation(item, l, j, fallback)));
    });
    if (extraLayers > 0) {
      const total = layers.length + extraLayers;
      this.notes.add(`net: ${total} hidden layers — kept the first ${maxHiddenLayers}`);
    }
    return layers;
  }

  /**
   * The mixture palette. Any unknown or repeated entry, or a list of fewer than 2 or more than
   * 17, falls back to the whole default palette with a notice: a blend over a palette other
   * than the one written would not be what the link records.
   */
  palette(): PlaygroundConfig['mixPalette'] {
    const value = this.values.get('mixPalette');
    if (value === undefined) return DEFAULT_CONFIG.mixPalette;
    const items = value.split(',').map((item) => item.toLowerCase());
    const problem = paletteProblem(items);
    if (problem === null) return items as PlaygroundConfig['mixPalette'];
    this.reject('mixPalette', value, problem);
    return DEFAULT_CONFIG.mixPalette;
  }

  private activation(item: string, l: number, j: number, fallback: ActivationId): ActivationId {
    const id = item.toLowerCase();
    if (isActivationId(id)) return id;
    const where = `(layer ${l + 1} neuron ${j + 1})`;
    this.notes.add(`net: ${quote(item)} is not an activation ${where} — used ${fallback}`);
    return fallback;
  }
}

/**
 * Reads a configuration from a URL hash (with or without its `#`). Never throws: every
 * unknown, malformed or out-of-range field falls back to its default (a bad activation only
 * for its neuron; too many layers or neurons are cut to the limit) and is listed in `ignored`.
 * Missing fields take their defaults silently, so a short link like `#dataset=xor` is fine.
 */
export function configFromHash(hash: string): ParsedHash {
  const notes = new Notes();
  const read = new FieldReader(readFields(typeof hash === 'string' ? hash : '', notes), notes);
  const fields: Record<string, unknown> = {};
  for (const key of SETTING_KEYS) {
    const kind = rowOf(key).kind;
    // Structural rows are read below; the placeholder keeps the fields in table order.
    fields[key] =
      kind === 'features' || kind === 'network' || kind === 'palette' ? null : read.scalar(key);
  }
  fields.features = read.features();
  fields.mixPalette = read.palette();
  // A bad neuron takes the link's own activation for new neurons.
  fields.hidden = read.hidden(fields.defaultActivation as ActivationId);
  const config = fields as PlaygroundConfig;
  // Every field was checked above; this guards the promise "never an invalid config" should
  // the reader and the table ever disagree.
  const problems = configProblems(config);
  if (problems.length > 0) {
    return {
      config: DEFAULT_CONFIG,
      ignored: [...notes.list(), ...problems.map((p) => `${p} — used the defaults`)],
    };
  }
  return { config, ignored: notes.list() };
}
