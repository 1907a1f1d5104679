/**
 * Validation of experiments at the edges (links, files, the dialog): anything becomes a valid
 * definition within EXPERIMENT_LIMITS, and every change made is told in a note, as the
 * playground's link reader does (src/config/link.ts).
 */
import { isActivationId, type ActivationId } from '../nn';
import {
  DEFAULT_CONFIG,
  SETTINGS,
  SETTING_KEYS,
  settingProblem,
  type PlaygroundConfig,
} from '../config';
import {
  DEFAULT_EPOCHS,
  DEFAULT_SEEDS,
  DEFINITION_VERSION,
  EXPERIMENT_LIMITS,
  MAX_LOSS_TARGET,
  RULE_KINDS,
  defaultTarget,
  definitionFromConfig,
  roundFraction,
  sweepVariants,
  type CheckedDefinition,
  type ExperimentDefinition,
  type SeedRange,
  type Sweep,
  type Target,
  type Variant,
  type VariantRule,
} from './definition';
import { NoteList, quoteValue } from './notes';
import { ruleLabel } from './rules';

const MAX_SEED = SETTINGS.seed.max;

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/** A whole number within [min, max]: out of range clamps, anything else falls back. */
function wholeNumber(
  value: unknown,
  what: string,
  bounds: { min: number; max: number; fallback: number },
  notes: NoteList,
): number {
  const { min, max, fallback } = bounds;
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    notes.add(`${what}: ${quoteValue(value)} is not a number — used ${fallback}`);
    return fallback;
  }
  const kept = Math.min(max, Math.max(min, Math.round(value)));
  if (kept !== value) {
    notes.add(`${what}: ${value} is not a whole number from ${min} to ${max} — used ${kept}`);
  }
  return kept;
}

function checkBase(value: unknown, notes: NoteList): PlaygroundConfig {
  const given = record(value);
  if (!given) {
    if (value !== undefined) notes.add('base: not a configuration — used the defaults');
    return DEFAULT_CONFIG;
  }
  const fields: Record<string, unknown> = {};
  for (const key of SETTING_KEYS) {
    const problem = settingProblem(key, given[key]);
    if (problem === null) fields[key] = given[key];
    else {
      if (given[key] !== undefined) notes.add(`base: ${key} ${problem} — used the default`);
      fields[key] = DEFAULT_CONFIG[key];
    }
  }
  return fields as PlaygroundConfig;
}

function activation(value: unknown, what: string, fallback: ActivationId, notes: NoteList) {
  if (isActivationId(value)) return value;
  notes.add(`${what}: ${quoteValue(value)} is not an activation — used ${fallback}`);
  return fallback;
}

/** p in [0, 1], in thousandths; malformed falls back to 0.5, out of range clamps. */
function fraction(value: unknown, what: string, notes: NoteList): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    notes.add(`${what}: ${quoteValue(value)} is not a fraction from 0 to 1 — used 0.5`);
    return 0.5;
  }
  const kept = roundFraction(Math.min(1, Math.max(0, value)));
  if (value < 0 || value > 1) {
    notes.add(`${what}: ${value} is not a fraction from 0 to 1 — used ${kept}`);
  }
  return kept;
}

/** The default epoch of a `choose` rule whose epoch is missing or malformed. */
export const DEFAULT_FREEZE_EPOCH = 100;

/** A `choose` rule's freeze epoch: a whole number from 0 to the most epochs an experiment trains. */
function freezeEpoch(value: unknown, what: string, notes: NoteList): number {
  const number = typeof value === 'string' && value !== '' ? Number(value) : value;
  const max = EXPERIMENT_LIMITS.maxEpochs;
  if (typeof number === 'number' && Number.isInteger(number) && number >= 0 && number <= max) {
    return number;
  }
  notes.add(
    `${what}: ${quoteValue(value)} is not a whole number from 0 to ${max} — used ${DEFAULT_FREEZE_EPOCH}`,
  );
  return DEFAULT_FREEZE_EPOCH;
}

/** The rule of a variant, or null (the variant is left out) for an unknown kind. */
export function checkRule(
  value: unknown,
  what: string,
  fallback: ActivationId,
  notes: NoteList,
): VariantRule | null {
  const given = record(value);
  const kind = given?.kind;
  if (!given || !(RULE_KINDS as readonly unknown[]).includes(kind)) {
    const kinds = RULE_KINDS.join(', ');
    notes.add(`${what}: ${quoteValue(kind ?? value)} is not a rule (${kinds}) — left out`);
    return null;
  }
  if (kind === 'asSet') return { kind };
  if (kind === 'choose') {
    return { kind, freezeAt: freezeEpoch(given.freezeAt ?? given.x, `${what} epoch`, notes) };
  }
  const x = activation(given.x, `${what} x`, fallback, notes);
  if (kind === 'all') return { kind, x };
  const y = activation(given.y, `${what} y`, fallback, notes);
  if (kind === 'alternate' || kind === 'halves') return { kind, x, y };
  return { kind: 'fraction', x, y, p: fraction(given.p, `${what} p`, notes) };
}

function checkName(value: unknown, rule: VariantRule, taken: Set<string>): string {
  const text = typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : '';
  const base = (text || ruleLabel(rule)).slice(0, EXPERIMENT_LIMITS.maxNameLength);
  let name = base;
  for (let k = 2; taken.has(name); k++) name = `${base} (${k})`;
  taken.add(name);
  return name;
}

function checkVariants(value: unknown, base: PlaygroundConfig, notes: NoteList): Variant[] {
  const { maxVariants } = EXPERIMENT_LIMITS;
  const given = Array.isArray(value) ? value : [];
  if (value !== undefined && !Array.isArray(value)) notes.add('variants: not a list — ignored');
  const variants: Variant[] = [];
  const taken = new Set<string>();
  given.forEach((item, i) => {
    const what = `variant ${i + 1}`;
    const rule = checkRule(record(item)?.rule, what, base.defaultActivation, notes);
    if (!rule) return;
    variants.push({ name: checkName(record(item)?.name, rule, taken), rule });
  });
  if (variants.length > maxVariants) {
    notes.add(`variants: ${variants.length} variants — kept the first ${maxVariants}`);
    variants.length = maxVariants;
  }
  if (variants.length === 0) {
    if (given.length > 0) notes.add('variants: none could be read — used the defaults');
    return [...definitionFromConfig(base).variants];
  }
  return variants;
}

function checkSeeds(value: unknown, notes: NoteList): SeedRange {
  const given = record(value);
  if (!given) {
    if (value !== undefined) notes.add(`seeds: ${quoteValue(value)} is not a seed range`);
    return DEFAULT_SEEDS;
  }
  const { minSeeds, maxSeeds } = EXPERIMENT_LIMITS;
  const count = wholeNumber(
    given.count,
    'seeds',
    { min: minSeeds, max: maxSeeds, fallback: DEFAULT_SEEDS.count },
    notes,
  );
  const first = wholeNumber(
    given.first,
    'first seed',
    { min: 0, max: MAX_SEED, fallback: DEFAULT_SEEDS.first },
    notes,
  );
  const highest = MAX_SEED - count + 1;
  if (first <= highest) return { first, count };
  notes.add(`seeds: the last seed would pass ${MAX_SEED} — started at ${highest}`);
  return { first: highest, count };
}

function checkTarget(value: unknown, base: PlaygroundConfig, notes: NoteList): Target {
  const fallback = defaultTarget(base);
  const given = record(value);
  if (!given) {
    if (value !== undefined) notes.add(`target: ${quoteValue(value)} is not a target`);
    return fallback;
  }
  if (given.metric !== fallback.metric) {
    const wanted = fallback.metric === 'testLoss' ? 'test loss' : 'test accuracy';
    notes.add(
      `target: ${base.dataset} is measured by ${wanted} — used ${wanted} ${fallback.value}`,
    );
    return fallback;
  }
  const high = fallback.metric === 'testLoss' ? MAX_LOSS_TARGET : 1;
  const v = given.value;
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0 || v > high) {
    notes.add(
      `target: ${quoteValue(v)} is not a number above 0 and at most ${high} — used ${fallback.value}`,
    );
    return fallback;
  }
  return { metric: fallback.metric, value: v };
}

function checkSweep(value: unknown, base: PlaygroundConfig, notes: NoteList): Sweep | null {
  const given = record(value);
  if (!given) {
    if (value !== undefined) notes.add(`sweep: ${quoteValue(value)} is not a sweep — ignored`);
    return null;
  }
  const fallback = base.defaultActivation;
  const { minSweepSteps, maxSweepSteps } = EXPERIMENT_LIMITS;
  return {
    x: activation(given.x, 'sweep x', fallback, notes),
    y: activation(given.y, 'sweep y', fallback, notes),
    steps: wholeNumber(
      given.steps,
      'sweep steps',
      { min: minSweepSteps, max: maxSweepSteps, fallback: maxSweepSteps },
      notes,
    ),
  };
}

/**
 * A valid definition from anything (a parsed link, an imported file, the dialog's state).
 * Never throws: a missing part takes its default silently; a bad part falls back or is clamped
 * and told in `notes` (an unknown rule leaves its variant out; more than six variants keep the
 * first six; seeds, epochs and p are clamped into their bounds). With a sweep, the variants are
 * the sweep's whatever else was given.
 */
export function checkDefinition(input: unknown): CheckedDefinition {
  const notes = new NoteList();
  const given = record(input);
  if (!given) notes.add('the experiment is not a record — used the defaults');
  const fields = given ?? {};
  if (fields.version !== undefined && fields.version !== DEFINITION_VERSION) {
    notes.add(`version: ${quoteValue(fields.version)} is not known — read as version 1`);
  }
  const base = checkBase(fields.base, notes);
  const sweep = checkSweep(fields.sweep, base, notes);
  const variants = sweep ? sweepVariants(sweep) : checkVariants(fields.variants, base, notes);
  const { minEpochs, maxEpochs } = EXPERIMENT_LIMITS;
  const definition: ExperimentDefinition = {
    version: DEFINITION_VERSION,
    base,
    variants,
    seeds: checkSeeds(fields.seeds, notes),
    epochs: wholeNumber(
      fields.epochs,
      'epochs',
      { min: minEpochs, max: maxEpochs, fallback: DEFAULT_EPOCHS },
      notes,
    ),
    target: checkTarget(fields.target, base, notes),
    ...(sweep ? { sweep } : {}),
  };
  if (base.hidden.length === 0) {
    notes.add('the network has no hidden layers, so every variant is the same network');
  }
  return { definition, notes: notes.list() };
}
