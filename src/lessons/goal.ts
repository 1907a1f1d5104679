/** Whether a lesson's goal is met, from the page's readouts and configuration: pure. */
import type { ExperimentGoal, LessonGoal, ReadoutGoal } from './schema';

/** The last experiment run since the lesson opened, as far as an experiment goal asks. */
export interface ExperimentOutcome {
  /** Every run finished (not cancelled, not failed, not still running). */
  readonly complete: boolean;
  readonly seeds: number;
  readonly variants: number;
}

export interface GoalInput {
  readonly epoch: number;
  readonly trainLoss: number;
  readonly testLoss: number;
  readonly trainAccuracy: number;
  readonly testAccuracy: number;
  /** Hidden layers' activation ids. */
  readonly hidden: readonly (readonly string[])[];
  /** The last experiment since the lesson opened; null or left out when none was run. */
  readonly experiment?: ExperimentOutcome | null;
}

export type GoalStatus =
  | { readonly kind: 'met' }
  | { readonly kind: 'pending'; readonly why: string }
  | { readonly kind: 'missed'; readonly why: string };

/** The goal as a sentence: "test loss below 0.1 within 300 epochs with at most 6 neurons". */
export function describeGoal(goal: LessonGoal): string {
  if (goal.kind === 'experiment') {
    return `run an experiment to the end with at least ${goal.minSeeds} seeds comparing at least ${goal.minVariants ?? 2} variants, and read its verdict`;
  }
  const metric = {
    testLoss: 'test loss',
    trainLoss: 'training loss',
    testAccuracy: 'test accuracy',
    trainAccuracy: 'training accuracy',
  }[goal.metric];
  const accuracy = goal.metric.endsWith('Accuracy');
  const show = (x: number) => (accuracy ? `${Math.round(x * 1000) / 10}%` : String(x));
  const parts = [
    goal.below !== undefined
      ? `${metric} below ${show(goal.below)}`
      : `${metric} above ${show(goal.above ?? 0)}`,
  ];
  if (goal.withinEpochs !== undefined) parts.push(`within ${goal.withinEpochs} epochs`);
  if (goal.maxNeurons !== undefined) parts.push(`with at most ${goal.maxNeurons} hidden neurons`);
  if (goal.allActivation !== undefined) parts.push(`every neuron ${goal.allActivation}`);
  return parts.join(' ');
}

/** Met, not yet, or missed (its epochs ran out) — with the reason it is not met. */
export function checkGoal(goal: LessonGoal, input: GoalInput): GoalStatus {
  return goal.kind === 'experiment'
    ? checkExperimentGoal(goal, input.experiment ?? null)
    : checkReadoutGoal(goal, input);
}

function checkExperimentGoal(goal: ExperimentGoal, outcome: ExperimentOutcome | null): GoalStatus {
  const variants = goal.minVariants ?? 2;
  if (!outcome) return { kind: 'pending', why: 'press Experiment and run an experiment' };
  if (outcome.seeds < goal.minSeeds)
    return {
      kind: 'pending',
      why: `the last experiment had ${outcome.seeds} seeds; use at least ${goal.minSeeds}`,
    };
  if (outcome.variants < variants)
    return {
      kind: 'pending',
      why: `the last experiment had ${outcome.variants} variants; compare at least ${variants}`,
    };
  if (!outcome.complete) return { kind: 'pending', why: 'the experiment has not run to the end' };
  return { kind: 'met' };
}

function checkReadoutGoal(goal: ReadoutGoal, input: GoalInput): GoalStatus {
  const neurons = input.hidden.reduce((sum, layer) => sum + layer.length, 0);
  if (goal.maxNeurons !== undefined && neurons > goal.maxNeurons)
    return { kind: 'pending', why: `${neurons} hidden neurons; at most ${goal.maxNeurons}` };
  if (
    goal.allActivation !== undefined &&
    input.hidden.some((layer) => layer.some((a) => a !== goal.allActivation))
  )
    return { kind: 'pending', why: `not every neuron is ${goal.allActivation}` };
  if (input.epoch === 0) return { kind: 'pending', why: 'not trained yet' };
  const value = input[goal.metric];
  const reached =
    Number.isFinite(value) &&
    (goal.below !== undefined ? value < goal.below : value > (goal.above ?? Infinity));
  const late = goal.withinEpochs !== undefined && input.epoch > goal.withinEpochs;
  if (reached && !late) return { kind: 'met' };
  if (late)
    return {
      kind: 'missed',
      why: `not within ${goal.withinEpochs} epochs: press Reset and try again`,
    };
  return { kind: 'pending', why: 'not yet' };
}
