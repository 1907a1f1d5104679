/** Whether a lesson's goal is met, from the page's readouts and configuration: pure. */
import type { LessonGoal } from './schema';

export interface GoalInput {
  readonly epoch: number;
  readonly trainLoss: number;
  readonly testLoss: number;
  readonly trainAccuracy: number;
  readonly testAccuracy: number;
  /** Hidden layers' activation ids. */
  readonly hidden: readonly (readonly string[])[];
}

export type GoalStatus =
  | { readonly kind: 'met' }
  | { readonly kind: 'pending'; readonly why: string }
  | { readonly kind: 'missed'; readonly why: string };

/** The goal as a sentence: "test loss below 0.1 within 300 epochs with at most 6 neurons". */
export function describeGoal(goal: LessonGoal): string {
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
