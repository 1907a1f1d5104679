/**
 * The runs of an experiment: one per (variant, seed), each a complete playground
 * configuration, so a run can be opened in the playground as it is.
 */
import { configToHash, type PlaygroundConfig } from '../config';
import type { ExperimentDefinition, Target } from './definition';
import { applyRule, freezeEpochOf } from './rules';

/** Everything a worker needs for one run; plain data. */
export interface RunJob {
  /** The run's place in the results: `variant * seeds.count + seedIndex` (see `resultIndex`). */
  readonly index: number;
  readonly variant: number;
  readonly seed: number;
  /** The base configuration with the variant's activations and the run's seed. */
  readonly config: PlaygroundConfig;
  readonly epochs: number;
  readonly target: Target;
  /** Epochs after which the learned choices are frozen (rule `choose`); null for none. */
  readonly freezeAt?: number | null;
}

/** The place of run (variant, seedIndex) in the results, variant by variant. */
export function resultIndex(
  definition: ExperimentDefinition,
  variant: number,
  seedIndex: number,
): number {
  return variant * definition.seeds.count + seedIndex;
}

/** The seed of the seedIndex-th run of every variant. */
export function seedOf(definition: ExperimentDefinition, seedIndex: number): number {
  return definition.seeds.first + seedIndex;
}

/**
 * The configuration of one run: the playground opened with it and trained `epochs` epochs
 * gives the run's numbers bit for bit.
 */
export function runConfig(
  definition: ExperimentDefinition,
  variant: number,
  seed: number,
): PlaygroundConfig {
  const rule = definition.variants[variant]?.rule;
  if (!rule) throw new RangeError(`the experiment has no variant ${variant + 1}`);
  const base = definition.base;
  return { ...base, seed, hidden: applyRule(rule, base.hidden, seed) };
}

/** The playground's link (hash) of one run: opened and trained `epochs` epochs, it gives the run. */
export function runHash(definition: ExperimentDefinition, variant: number, seed: number): string {
  return configToHash(runConfig(definition, variant, seed));
}

/**
 * Every run, in the order the pool starts them: seed by seed, every variant of a seed before
 * the next seed, so an experiment stopped early holds whole pairs.
 */
export function planRuns(definition: ExperimentDefinition): RunJob[] {
  const jobs: RunJob[] = [];
  for (let s = 0; s < definition.seeds.count; s++) {
    const seed = seedOf(definition, s);
    definition.variants.forEach((_, v) => {
      jobs.push({
        index: resultIndex(definition, v, s),
        variant: v,
        seed,
        config: runConfig(definition, v, seed),
        epochs: definition.epochs,
        target: definition.target,
        freezeAt: freezeEpochOf(definition.variants[v]?.rule ?? { kind: 'asSet' }),
      });
    });
  }
  return jobs;
}
