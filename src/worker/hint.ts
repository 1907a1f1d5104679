/** The sentence a divergence report shows: what in the configuration probably caused it. */
import { activationInfo, type ActivationId } from '../nn';
import { datasetInfo } from '../data';
import type { PlaygroundConfig } from '../config';

/** Learning rates from this one up overshoot on most networks. */
const HIGH_LEARNING_RATE = 1;
/** Names listed before "and other …". */
const MAX_NAMES = 3;

/**
 * Hidden activations whose output has no upper bound, in the order they first appear, the
 * fastest-growing (Square) first: the usual suspects when numbers overflow.
 */
export function unboundedActivations(config: PlaygroundConfig): ActivationId[] {
  const found = new Set<ActivationId>();
  for (const layer of config.hidden) {
    for (const id of layer) {
      if (activationInfo(id).range[1] === Infinity) found.add(id);
    }
  }
  return [...found].sort((a, b) => (b === 'square' ? 1 : 0) - (a === 'square' ? 1 : 0));
}

/**
 * One or two sentences naming the likely cause of a divergence under `config` and what to
 * do, e.g. "The learning rate 10 is too high for Square neurons: their outputs grow without
 * bound. Lower the learning rate or reset."
 */
export function divergenceHint(config: PlaygroundConfig): string {
  const lr = config.learningRate;
  const unbounded = unboundedActivations(config);
  const names = listNames(unbounded.map((id) => activationInfo(id).label));
  const regression = datasetInfo(config.dataset).kind === 'regression';
  const l2Overshoot =
    config.regularization === 'l2' &&
    config.regularizationRate * lr >= 2 &&
    lr < HIGH_LEARNING_RATE;

  let hint: string;
  if (lr >= HIGH_LEARNING_RATE && unbounded.length > 0) {
    hint = `The learning rate ${lr} is too high for ${names} neurons: their outputs grow without bound. Lower the learning rate or reset.`;
  } else if (lr >= HIGH_LEARNING_RATE) {
    hint = `The learning rate ${lr} is too high: every step overshoots and the weights blow up. Lower the learning rate or reset.`;
  } else if (l2Overshoot) {
    hint = `The L2 regularisation rate ${config.regularizationRate} is too high for the learning rate ${lr}: every step pushes the weights past zero. Lower either rate or reset.`;
  } else if (unbounded.length > 0) {
    hint = `The outputs of the ${names} neurons grew without bound until the numbers overflowed. Lower the learning rate, use bounded activations such as Tanh, or reset.`;
  } else {
    hint = `The numbers grew too large to represent. Lower the learning rate or reset.`;
  }
  if (regression) {
    hint += ' The regression output is not squashed either, so large errors feed straight back.';
  }
  return hint;
}

function listNames(names: readonly string[]): string {
  if (names.length > MAX_NAMES) return `${names.slice(0, MAX_NAMES).join(', ')} and other`;
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] as string}`;
}
