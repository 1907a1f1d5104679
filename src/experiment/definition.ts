/**
 * An experiment as plain data: a base configuration, up to six variants made from it by rule,
 * the seeds every variant is trained with, the epoch budget and the target. The same record
 * goes into links (link.ts), files (csv.ts) and the pool (plan.ts). This module declares its
 * limits and defaults once; check.ts turns anything (a parsed link, an imported file) into a
 * valid definition within them.
 */
import type { ActivationId } from '../nn';
import { datasetInfo } from '../data';
import type { PlaygroundConfig } from '../config';
import { ruleLabel } from './rules';

/** The bounds of an experiment, declared once; validation, links and the dialog use these. */
export const EXPERIMENT_LIMITS = {
  maxVariants: 6,
  minSeeds: 1,
  maxSeeds: 100,
  minEpochs: 1,
  maxEpochs: 5000,
  /** A sweep's values of p, 0 and 1 included; each one is a variant. */
  minSweepSteps: 2,
  maxSweepSteps: 6,
  /** Longest variant name kept. */
  maxNameLength: 60,
} as const;

/** The version of the definition record (in files; links are read by their keys). */
export const DEFINITION_VERSION = 1;

export const RULE_KINDS = ['all', 'alternate', 'halves', 'fraction', 'asSet', 'choose'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

/**
 * How a variant gives each hidden neuron its activation, from the base network's shape:
 * - `all`: every hidden neuron x;
 * - `alternate`: x, y, x, y, … within each layer;
 * - `halves`: the first half of each layer x (the larger half for an odd size), the rest y;
 * - `fraction`: round(p · size) neurons of each layer y, the rest x; which ones is drawn from
 *   the run's seed (rules.ts), and a larger p only adds neurons;
 * - `asSet`: the base network's activations exactly as they are;
 * - `choose`: let the network choose: every hidden neuron a Learned mix over the base's palette,
 *   frozen after `freezeAt` epochs (nn/freeze.ts, as "Freeze choices" does) and trained on.
 */
export type VariantRule =
  | { readonly kind: 'all'; readonly x: ActivationId }
  | { readonly kind: 'alternate' | 'halves'; readonly x: ActivationId; readonly y: ActivationId }
  | {
      readonly kind: 'fraction';
      readonly x: ActivationId;
      readonly y: ActivationId;
      /** Share of each layer's neurons that get y, 0 to 1, in thousandths. */
      readonly p: number;
    }
  | { readonly kind: 'asSet' }
  | {
      readonly kind: 'choose';
      /** Epochs trained before the choices are frozen (0 freezes the even blends at once). */
      readonly freezeAt: number;
    };

export interface Variant {
  readonly name: string;
  readonly rule: VariantRule;
}

/** Seeds first, first + 1, …, first + count − 1; each fixes data, split, weights and shuffles. */
export interface SeedRange {
  readonly first: number;
  readonly count: number;
}

/**
 * When a run counts as having learned: test accuracy at least `value` (classification) or
 * test loss at most `value` (regression). Epochs to target is the first epoch (0 = before
 * training) at which the test set meets it.
 */
export interface Target {
  readonly metric: 'testAccuracy' | 'testLoss';
  readonly value: number;
}

/** One fraction rule with its p stepped evenly from 0 to 1: `steps` variants. */
export interface Sweep {
  readonly x: ActivationId;
  readonly y: ActivationId;
  readonly steps: number;
}

export interface ExperimentDefinition {
  readonly version: typeof DEFINITION_VERSION;
  /** The playground's configuration every variant starts from (its seed is not used). */
  readonly base: PlaygroundConfig;
  /** The first variant is the reference every other one is compared with, seed by seed. */
  readonly variants: readonly Variant[];
  readonly seeds: SeedRange;
  /** Epochs every run trains (fewer only when it diverges). */
  readonly epochs: number;
  readonly target: Target;
  /** When present, the variants are the sweep's (see `sweepVariants`). */
  readonly sweep?: Sweep;
}

/** What validation returns: a valid definition and one sentence per thing it changed. */
export interface CheckedDefinition {
  readonly definition: ExperimentDefinition;
  readonly notes: readonly string[];
}

export const DEFAULT_SEEDS: SeedRange = { first: 1, count: 10 };
export const DEFAULT_EPOCHS = 300;
/** Targets a first experiment can reach: 90% test accuracy, or a test loss of 0.01. */
export const DEFAULT_ACCURACY_TARGET = 0.9;
export const DEFAULT_LOSS_TARGET = 0.01;
/** Largest loss target accepted (mean squared error on targets of about ±1 is below 4). */
export const MAX_LOSS_TARGET = 10;

/** The target metric a data set calls for: test accuracy, or test loss for regression. */
export function targetMetricOf(config: Pick<PlaygroundConfig, 'dataset'>): Target['metric'] {
  return datasetInfo(config.dataset).kind === 'regression' ? 'testLoss' : 'testAccuracy';
}

/** The default target of a data set's kind. */
export function defaultTarget(config: Pick<PlaygroundConfig, 'dataset'>): Target {
  const metric = targetMetricOf(config);
  return { metric, value: metric === 'testLoss' ? DEFAULT_LOSS_TARGET : DEFAULT_ACCURACY_TARGET };
}

/** The values of p a sweep of `steps` takes: 0, 1/(steps−1), …, 1, in thousandths. */
export function sweepFractions(steps: number): number[] {
  return Array.from({ length: steps }, (_, i) => roundFraction(i / (steps - 1)));
}

/** A sweep's variants, p = 0 first (so every p is compared with all x). */
export function sweepVariants(sweep: Sweep): Variant[] {
  return sweepFractions(sweep.steps).map((p) => {
    const rule: VariantRule = { kind: 'fraction', x: sweep.x, y: sweep.y, p };
    return { name: `p = ${p}`, rule };
  });
}

/** A definition comparing the network as set with every neuron of its default activation. */
export function definitionFromConfig(config: PlaygroundConfig): ExperimentDefinition {
  const asSet: VariantRule = { kind: 'asSet' };
  const all: VariantRule = { kind: 'all', x: config.defaultActivation };
  return {
    version: DEFINITION_VERSION,
    base: config,
    variants: [
      { name: ruleLabel(asSet), rule: asSet },
      { name: ruleLabel(all), rule: all },
    ],
    seeds: DEFAULT_SEEDS,
    epochs: DEFAULT_EPOCHS,
    target: defaultTarget(config),
  };
}

/** p rounded to thousandths, the precision rules and links use. */
export function roundFraction(p: number): number {
  return Math.round(p * 1000) / 1000;
}

/** The number of runs of a definition: variants × seeds. */
export function runCount(definition: ExperimentDefinition): number {
  return definition.variants.length * definition.seeds.count;
}
