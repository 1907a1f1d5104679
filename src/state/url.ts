/**
 * The whole configuration in the URL hash, readable and editable by a person:
 *
 *   #dataset=circle&noise=0&train=50&seed=1&features=x1,x2&net=tanh,relu;tanh&lr=0.03
 *   &opt=sgd&batch=10&reg=none&regRate=0&init=auto&act=tanh&test=0&discretize=0
 *
 * `net` lists each hidden layer's activations, layers separated by `;` (`net=` alone means no
 * hidden layers). Parsing validates at the edge: whatever is unknown, malformed or out of range
 * falls back to its default and is told in `ignored`, so a hand-edited link never breaks the page.
 */
import {
  DEFAULT_CONFIG,
  OPTIMIZERS,
  REGULARIZATIONS,
  type PlaygroundConfig,
} from '../config/config';
import { FEATURE_IDS, isDatasetId, isFeatureId, type FeatureId } from '../data';
import { INIT_SCHEMES, isActivationId, isInitScheme, type ActivationId } from '../nn';
import {
  CONFIG_BOUNDS,
  configProblems,
  isBatchSize,
  isLearningRate,
  isNoise,
  isOptimizerChoice,
  isRegularizationChoice,
  isRegularizationRate,
  isSeed,
  isTrainPercent,
} from './validate';

/** The hash keys, in the order `configToHash` writes them. */
export const HASH_KEYS = [
  'dataset',
  'noise',
  'train',
  'seed',
  'features',
  'net',
  'lr',
  'opt',
  'batch',
  'reg',
  'regRate',
  'init',
  'act',
  'test',
  'discretize',
] as const;

export type HashKey = (typeof HASH_KEYS)[number];

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

/** The value of every key in link syntax. */
function formatFields(config: PlaygroundConfig): Record<HashKey, string> {
  return {
    dataset: config.dataset,
    noise: String(config.noise),
    train: String(config.trainPercent),
    seed: String(config.seed),
    features: config.features.join(','),
    net: config.hidden.map((layer) => layer.join(',')).join(';'),
    lr: String(config.learningRate),
    opt: config.optimizer,
    batch: String(config.batchSize),
    reg: config.regularization,
    regRate: String(config.regularizationRate),
    init: config.init,
    act: config.defaultActivation,
    test: config.showTestData ? '1' : '0',
    discretize: config.discretize ? '1' : '0',
  };
}

/**
 * The hash (with its leading `#`) recording `config`. No value needs escaping: ids are
 * lowercase letters, digits, `_` and `-`; numbers print with digits, `.`, `e`, `+` and `-`.
 */
export function configToHash(config: PlaygroundConfig): string {
  const fields = formatFields(config);
  return '#' + HASH_KEYS.map((key) => `${key}=${fields[key]}`).join('&');
}

const DEFAULT_FIELDS = formatFields(DEFAULT_CONFIG);

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

function isHashKey(key: string): key is HashKey {
  return (HASH_KEYS as readonly string[]).includes(key);
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

/** The decoded value of every known key given once or more (the first wins). */
function readFields(hash: string, notes: Notes): Map<HashKey, string> {
  const values = new Map<HashKey, string>();
  const counts = new Map<HashKey, number>();
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  for (const segment of body.split('&')) {
    if (segment === '') continue;
    const equals = segment.indexOf('=');
    const rawKey = equals < 0 ? segment : segment.slice(0, equals);
    const key = decode(rawKey);
    if (key === null || !isHashKey(key)) {
      notes.add(`${quote(key ?? rawKey)}: not a setting of the playground — ignored`);
      continue;
    }
    const count = (counts.get(key) ?? 0) + 1;
    counts.set(key, count);
    if (count > 1) continue;
    const fallback = `used ${DEFAULT_FIELDS[key]}`;
    if (equals < 0) {
      notes.add(`${key}: has no value — ${fallback}`);
      continue;
    }
    const rawValue = segment.slice(equals + 1);
    const value = decode(rawValue);
    if (value === null) notes.add(`${key}: ${quote(rawValue)} could not be decoded — ${fallback}`);
    else values.set(key, value);
  }
  for (const [key, count] of counts) {
    if (count > 1) notes.add(`${key}: given ${count} times — used the first`);
  }
  return values;
}

/** Parses every field of a link; one instance per `configFromHash` call. */
class FieldReader {
  constructor(
    private readonly values: ReadonlyMap<HashKey, string>,
    private readonly notes: Notes,
  ) {}

  private reject(key: HashKey, value: string, problem: string): void {
    this.notes.add(`${key}: ${quote(value)} ${problem} — used ${DEFAULT_FIELDS[key]}`);
  }

  /** A lowercase id that `valid` accepts. */
  choice<T>(key: HashKey, valid: (v: unknown) => v is T, what: string, fallback: T): T {
    const value = this.values.get(key);
    if (value === undefined) return fallback;
    const id = value.toLowerCase();
    if (valid(id)) return id;
    this.reject(key, value, `is not ${what}`);
    return fallback;
  }

  /** A decimal number that `valid` accepts; `range` says in words what it must be. */
  number(key: HashKey, valid: (v: unknown) => boolean, range: string, fallback: number): number {
    const value = this.values.get(key);
    if (value === undefined) return fallback;
    const parsed = parseDecimal(value);
    if (parsed === null) this.reject(key, value, 'is not a number');
    else if (!valid(parsed)) this.reject(key, value, `is not ${range}`);
    else return parsed + 0; // -0 becomes 0
    return fallback;
  }

  /** `1`/`0` (or `true`/`false`). */
  flag(key: HashKey, fallback: boolean): boolean {
    const value = this.values.get(key);
    if (value === undefined) return fallback;
    const text = value.toLowerCase();
    if (text === '1' || text === 'true') return true;
    if (text === '0' || text === 'false') return false;
    this.reject(key, value, 'is not 0 or 1');
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

  hidden(fallback: ActivationId): readonly (readonly ActivationId[])[] {
    const value = this.values.get('net');
    if (value === undefined) return DEFAULT_CONFIG.hidden;
    if (value === '') return [];
    const { maxHiddenLayers, maxNeurons } = CONFIG_BOUNDS;
    const layers: ActivationId[][] = [];
    let extraLayers = 0;
    value.split(';').forEach((segment, l) => {
      if (segment === '') {
        this.notes.add(`net: layer ${l + 1} is empty — left out`);
      } else if (layers.length >= maxHiddenLayers) {
        extraLayers++;
      } else {
        let items = segment.split(',');
        if (items.length > maxNeurons) {
          this.notes.add(
            `net: layer ${l + 1} has ${items.length} neurons — kept the first ${maxNeurons}`,
          );
          items = items.slice(0, maxNeurons);
        }
        layers.push(items.map((item, j) => this.activation(item, l, j, fallback)));
      }
    });
    if (extraLayers > 0) {
      const total = layers.length + extraLayers;
      this.notes.add(`net: ${total} hidden layers — kept the first ${maxHiddenLayers}`);
    }
    return layers;
  }

  private activation(item: string, l: number, j: number, fallback: ActivationId): ActivationId {
    const id = item.toLowerCase();
    if (isActivationId(id)) return id;
    const where = `(layer ${l + 1} neuron ${j + 1})`;
    this.notes.add(`net: ${quote(item)} is not an activation ${where} — used ${fallback}`);
    return fallback;
  }
}

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/** A plain decimal (no hex, no "Infinity", no empty string) or null. */
function parseDecimal(text: string): number | null {
  return text.length <= 64 && DECIMAL.test(text) ? Number(text) : null;
}

function list(values: readonly string[]): string {
  return `${values.slice(0, -1).join(', ')} or ${values[values.length - 1] ?? ''}`;
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
  const d = DEFAULT_CONFIG;
  const { minNoise, maxNoise, minTrainPercent, maxTrainPercent, minBatch, maxBatch } =
    CONFIG_BOUNDS;
  const defaultActivation = read.choice(
    'act',
    isActivationId,
    'an activation',
    d.defaultActivation,
  );
  const config: PlaygroundConfig = {
    dataset: read.choice('dataset', isDatasetId, 'a dataset', d.dataset),
    noise: read.number('noise', isNoise, `from ${minNoise} to ${maxNoise}`, d.noise),
    trainPercent: read.number(
      'train',
      isTrainPercent,
      `from ${minTrainPercent} to ${maxTrainPercent}`,
      d.trainPercent,
    ),
    seed: read.number('seed', isSeed, `a whole number from 0 to ${CONFIG_BOUNDS.maxSeed}`, d.seed),
    features: read.features(),
    hidden: read.hidden(defaultActivation),
    learningRate: read.number(
      'lr',
      isLearningRate,
      `more than 0 and at most ${CONFIG_BOUNDS.maxLearningRate}`,
      d.learningRate,
    ),
    optimizer: read.choice('opt', isOptimizerChoice, list(OPTIMIZERS), d.optimizer),
    batchSize: read.number(
      'batch',
      isBatchSize,
      `a whole number from ${minBatch} to ${maxBatch}`,
      d.batchSize,
    ),
    regularization: read.choice(
      'reg',
      isRegularizationChoice,
      list(REGULARIZATIONS),
      d.regularization,
    ),
    regularizationRate: read.number(
      'regRate',
      isRegularizationRate,
      `from 0 to ${CONFIG_BOUNDS.maxRegularizationRate}`,
      d.regularizationRate,
    ),
    init: read.choice('init', isInitScheme, list(INIT_SCHEMES), d.init),
    defaultActivation,
    showTestData: read.flag('test', d.showTestData),
    discretize: read.flag('discretize', d.discretize),
  };
  // Every field was checked above; this guards the promise "never an invalid config" should
  // a bound change in one place and not the other.
  const problems = configProblems(config);
  if (problems.length > 0) {
    return {
      config: DEFAULT_CONFIG,
      ignored: [...notes.list(), ...problems.map((p) => `${p} — used the defaults`)],
    };
  }
  return { config, ignored: notes.list() };
}
