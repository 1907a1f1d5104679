/**
 * The experiment as the dialog edits it: variants, seeds, epochs, target and an optional
 * sweep, apart from the base configuration, which is always the playground's own. A draft
 * becomes a definition through `checkDefinition`, like a link or a file does. Pure.
 */
import type { PlaygroundConfig } from '../config';
import {
  DEFINITION_VERSION,
  EXPERIMENT_LIMITS,
  checkDefinition,
  defaultTarget,
  definitionFromConfig,
  ruleLabel,
  targetMetricOf,
  type ExperimentDefinition,
  type SeedRange,
  type Sweep,
  type Target,
  type VariantRule,
} from '../experiment';

export interface DraftVariant {
  /** The name the person gave it; empty for the rule's own label (which follows the rule). */
  readonly name: string;
  readonly rule: VariantRule;
}

export interface ExperimentDraft {
  readonly variants: readonly DraftVariant[];
  /** A fraction sweep replaces the variants while on; its settings are kept while off. */
  readonly sweepOn: boolean;
  readonly sweep: Sweep;
  readonly seeds: SeedRange;
  readonly epochs: number;
  readonly target: Target;
}

/** The sweep the dialog offers first: tanh with a growing share of sine, 5 steps. */
export const DEFAULT_SWEEP: Sweep = { x: 'tanh', y: 'sin', steps: 5 };

/** The draft of a definition: names equal to their rule's label follow the rule. */
export function draftOf(definition: ExperimentDefinition): ExperimentDraft {
  const { sweep } = definition;
  return {
    variants: sweep
      ? draftOf(definitionFromConfig(definition.base)).variants
      : definition.variants.map((v) => ({
          name: v.name === ruleLabel(v.rule) ? '' : v.name,
          rule: v.rule,
        })),
    sweepOn: sweep !== undefined,
    sweep: sweep ?? DEFAULT_SWEEP,
    seeds: definition.seeds,
    epochs: definition.epochs,
    target: definition.target,
  };
}

/** The first draft for a network: as set against every neuron of its default activation. */
export function draftForConfig(config: PlaygroundConfig): ExperimentDraft {
  return draftOf(definitionFromConfig(config));
}

/**
 * The target the draft means on `config`'s data: its own when it measures what the data
 * calls for (accuracy, or test loss for regression), else the default one.
 */
export function targetFor(draft: ExperimentDraft, config: PlaygroundConfig): Target {
  return draft.target.metric === targetMetricOf(config) ? draft.target : defaultTarget(config);
}

/** The valid definition of `draft` on the playground's configuration `config`. */
export function definitionOf(
  draft: ExperimentDraft,
  config: PlaygroundConfig,
): ExperimentDefinition {
  return checkDefinition({
    version: DEFINITION_VERSION,
    base: config,
    variants: draft.variants.map((v) => ({ name: v.name || undefined, rule: v.rule })),
    seeds: draft.seeds,
    epochs: draft.epochs,
    target: targetFor(draft, config),
    ...(draft.sweepOn ? { sweep: draft.sweep } : {}),
  }).definition;
}

/** Another variant for the draft: the next activation pair not yet compared, at most six. */
export function withAddedVariant(
  draft: ExperimentDraft,
  config: PlaygroundConfig,
): ExperimentDraft {
  if (draft.variants.length >= EXPERIMENT_LIMITS.maxVariants) return draft;
  const rule: VariantRule = { kind: 'alternate', x: config.defaultActivation, y: 'sin' };
  return { ...draft, variants: [...draft.variants, { name: '', rule }] };
}

/** The draft without variant `index`; one variant always stays. */
export function withoutVariant(draft: ExperimentDraft, index: number): ExperimentDraft {
  if (draft.variants.length <= 1 || index < 0 || index >= draft.variants.length) return draft;
  return { ...draft, variants: draft.variants.filter((_, i) => i !== index) };
}

/** The draft with variant `index` replaced. */
export function withVariant(
  draft: ExperimentDraft,
  index: number,
  variant: DraftVariant,
): ExperimentDraft {
  if (index < 0 || index >= draft.variants.length) return draft;
  return { ...draft, variants: draft.variants.map((v, i) => (i === index ? variant : v)) };
}
