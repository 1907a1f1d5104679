/**
 * An experiment in the link: the base configuration as the playground writes it
 * (src/config/link.ts), and the rest in one more key, `exp`, readable and editable:
 *
 *   #dataset=spiral&…&net=tanh,tanh;tanh,tanh
 *     &exp=variants:all(tanh)+frac(tanh,sin,0.25)@Two%20sine;seeds:1-10;epochs:500;target:acc:0.9
 *
 * Fields are separated by `;`, a field's name from its value by `:`. Variants are separated
 * by `+`, each a rule — `all(x)`, `alt(x,y)`, `halves(x,y)`, `frac(x,y,p)` or `set` — with an
 * optional `@name` (URI-encoded) when it is not the rule's own label. `seeds:10` means seeds
 * 1 to 10, `seeds:5-14` seeds 5 to 14. A sweep replaces the variants:
 * `sweep:frac(tanh,silu);steps:5`. Reading never throws: what is unknown or malformed falls
 * back (see check.ts `checkDefinition`) and is told in `notes`, so a shared link always
 * opens. The same link runs the same runs, so it gives the same numbers.
 */
import { configFromHash, configToHash, readDecimal, type PlaygroundConfig } from '../config';
import { checkDefinition } from './check';
import { type ExperimentDefinition, type Variant, type VariantRule } from './definition';
import { NoteList, quoteValue } from './notes';
import { ruleLabel } from './rules';

/** The link key of the experiment. */
export const EXPERIMENT_KEY = 'exp';

const RULE_TOKENS: Record<VariantRule['kind'], string> = {
  all: 'all',
  alternate: 'alt',
  halves: 'halves',
  fraction: 'frac',
  asSet: 'set',
  choose: 'choose',
};
/** Tokens read as rule kinds: the short ones written, and the kinds' own names. */
const KIND_OF_TOKEN = new Map<string, string>([
  ...Object.entries(RULE_TOKENS).map(([kind, token]) => [token, kind] as const),
  ...Object.keys(RULE_TOKENS).map((kind) => [kind.toLowerCase(), kind] as const),
]);

function formatRule(rule: VariantRule): string {
  const token = RULE_TOKENS[rule.kind];
  switch (rule.kind) {
    case 'asSet':
      return token;
    case 'all':
      return `${token}(${rule.x})`;
    case 'alternate':
    case 'halves':
      return `${token}(${rule.x},${rule.y})`;
    case 'fraction':
      return `${token}(${rule.x},${rule.y},${rule.p})`;
    case 'choose':
      return `${token}(${rule.freezeAt})`;
  }
}

function formatVariant(variant: Variant): string {
  const rule = formatRule(variant.rule);
  return variant.name === ruleLabel(variant.rule)
    ? rule
    : `${rule}@${encodeURIComponent(variant.name)}`;
}

/** The value of the `exp` key for a definition (its base goes in the playground's keys). */
export function encodeExperiment(definition: ExperimentDefinition): string {
  const { seeds, sweep, target } = definition;
  const fields: string[] = sweep
    ? [`sweep:frac(${sweep.x},${sweep.y})`, `steps:${sweep.steps}`]
    : [`variants:${definition.variants.map(formatVariant).join('+')}`];
  const last = seeds.first + seeds.count - 1;
  fields.push(`seeds:${seeds.first === 1 ? seeds.count : `${seeds.first}-${last}`}`);
  fields.push(`epochs:${definition.epochs}`);
  fields.push(`target:${target.metric === 'testLoss' ? 'loss' : 'acc'}:${target.value}`);
  return fields.join(';');
}

/** The whole hash (with `#`) of an experiment: its base configuration, then `exp=`. */
export function experimentToHash(definition: ExperimentDefinition): string {
  return `${configToHash(definition.base)}&${EXPERIMENT_KEY}=${encodeExperiment(definition)}`;
}

/** A hash split into the experiment's value (null when it has none) and the playground's rest. */
export function splitExperiment(hash: string): {
  experiment: string | null;
  rest: string;
  repeated: boolean;
} {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  const rest: string[] = [];
  let experiment: string | null = null;
  let repeated = false;
  for (const segment of body.split('&')) {
    const key = segment.split('=', 1)[0];
    if (key !== EXPERIMENT_KEY) rest.push(segment);
    else if (experiment === null) experiment = segment.slice(key.length + 1);
    else repeated = true;
  }
  return { experiment, rest: `#${rest.join('&')}`, repeated };
}

/** A number of the link, or the text itself when it is none (validation then quotes it). */
function numberOrText(text: string): number | string {
  const reading = readDecimal(text);
  return reading.ok ? reading.value : text;
}

function decodeName(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** A rule token as loose data, for `checkDefinition` to judge. */
function readRule(text: string): Record<string, unknown> {
  const match = /^([A-Za-z]+)(?:\(([^()]*)\))?$/.exec(text.trim());
  if (!match) return { kind: text };
  const kind = KIND_OF_TOKEN.get((match[1] as string).toLowerCase()) ?? match[1];
  const [x, y, p] = (match[2] ?? '').split(',').map((item) => item.trim().toLowerCase());
  return { kind, x, y, p: p === undefined ? undefined : numberOrText(p) };
}

function readVariant(text: string, notes: NoteList): Record<string, unknown> {
  const at = text.indexOf('@');
  const rule = readRule(at < 0 ? text : text.slice(0, at));
  if (at < 0) return { rule };
  const name = decodeName(text.slice(at + 1));
  if (name === null)
    notes.add(`variants: the name ${quoteValue(text.slice(at + 1))} could not be decoded`);
  return { rule, name: name ?? undefined };
}

function readSeeds(text: string): Record<string, unknown> {
  const range = /^(\d+)-(\d+)$/.exec(text.trim());
  if (range) {
    const first = Number(range[1]);
    return { first, count: Number(range[2]) - first + 1 };
  }
  return { first: 1, count: numberOrText(text) };
}

function readTarget(text: string): Record<string, unknown> {
  const [metric, value] = text.split(':');
  const metrics: Record<string, string> = { acc: 'testAccuracy', loss: 'testLoss' };
  return {
    metric: metrics[metric?.toLowerCase() ?? ''] ?? metric,
    value: numberOrText(value ?? ''),
  };
}

/** The `exp` value as loose definition fields (the base is added by the caller). */
function readFields(value: string, notes: NoteList): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  let sweep: Record<string, unknown> | null = null;
  let steps: unknown;
  for (const segment of value.split(';')) {
    if (segment.trim() === '') continue;
    const colon = segment.indexOf(':');
    const key = (colon < 0 ? segment : segment.slice(0, colon)).trim().toLowerCase();
    const text = colon < 0 ? '' : segment.slice(colon + 1);
    if (key === 'variants') fields.variants = text.split('+').map((v) => readVariant(v, notes));
    else if (key === 'seeds') fields.seeds = readSeeds(text);
    else if (key === 'epochs') fields.epochs = numberOrText(text);
    else if (key === 'target') fields.target = readTarget(text);
    else if (key === 'sweep') sweep = readRule(text);
    else if (key === 'steps') steps = numberOrText(text);
    else notes.add(`exp: ${quoteValue(key)} is not part of an experiment — ignored`);
  }
  if (sweep) {
    if (sweep.kind !== 'fraction') {
      notes.add(`sweep: ${quoteValue(sweep.kind)} is not frac(x,y) — ignored`);
    } else fields.sweep = { x: sweep.x, y: sweep.y, steps };
  }
  return fields;
}

/**
 * The value as written, when something (a chat program, a mail client) percent-encoded all of
 * it: a value without a single `:` but with an encoded one is decoded once.
 */
function undoWholeEncoding(value: string): string {
  if (value.includes(':') || !/%3a/i.test(value)) return value;
  return decodeName(value) ?? value;
}

/** What reading a link gives: its configuration, its experiment if any, and the notes. */
export interface ParsedExperimentHash {
  /** The playground's configuration of the link (the experiment's base when there is one). */
  readonly config: PlaygroundConfig;
  readonly definition: ExperimentDefinition | null;
  readonly notes: readonly string[];
}

/**
 * Reads a hash that may hold an experiment. Never throws: the configuration is read as the
 * playground reads it, the experiment as `checkDefinition` checks it, and every problem of
 * either is told in `notes`.
 */
export function experimentFromHash(hash: string): ParsedExperimentHash {
  const { experiment, rest, repeated } = splitExperiment(typeof hash === 'string' ? hash : '');
  const parsed = configFromHash(rest);
  if (experiment === null)
    return { config: parsed.config, definition: null, notes: parsed.ignored };
  const notes = new NoteList();
  if (repeated) notes.add(`${EXPERIMENT_KEY}: given more than once — used the first`);
  const fields = readFields(undoWholeEncoding(experiment), notes);
  const checked = checkDefinition({ ...fields, base: parsed.config });
  for (const note of checked.notes) notes.add(note);
  return {
    config: parsed.config,
    definition: checked.definition,
    notes: [...parsed.ignored, ...notes.list()],
  };
}
