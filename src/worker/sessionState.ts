/**
 * Everything a training session needs to go on exactly where it was, as plain data: the
 * parameters, the optimizer's moments and counters, the epoch, the shuffle order and the
 * shuffle generator's position, and the per-neuron statistics of the last epoch.
 *
 * What it leaves out comes from the configuration it was trained under: the data (fixed by
 * the seed), the shape, the activations. A restarted worker gets the configuration as a build
 * and this as a `restore`; a saved network file can carry the two the same way. Numbers are
 * plain arrays, so the state survives structured cloning and JSON alike (a double printed by
 * JSON.stringify reads back as the same double).
 *
 * Continuing from a state gives bit for bit the numbers the session it was taken from would
 * have given: an epoch depends on nothing else (see trainer.ts on determinism).
 */
import { setTraining, validateTraining, type Network, type TrainingSpec } from '../nn';
import { trainingSpecOf } from '../config';
import type { Session } from './session';

/** The version of the SessionState layout; a reader refuses any other. */
export const SESSION_STATE_VERSION = 1;

export interface SessionState {
  readonly version: typeof SESSION_STATE_VERSION;
  /** Epochs trained since the weights were drawn. */
  readonly epoch: number;
  /** Units per layer, inputs first: the shape every array below belongs to. */
  readonly sizes: readonly number[];
  /** The engine's flat layouts (nn/network.ts): weights by block, biases by unit. */
  readonly weights: readonly number[];
  readonly biases: readonly number[];
  readonly optimizer: {
    /** What the moments were accumulated under (a restore under another optimizer resets them). */
    readonly training: TrainingSpec;
    readonly moment1Weights: readonly number[];
    readonly moment1Biases: readonly number[];
    readonly moment2Weights: readonly number[];
    readonly moment2Biases: readonly number[];
    readonly adamSteps: number;
  };
  /**
   * The learned activations' parameters and their optimizer moments, in the layout of nn
   * `activationParamLayout(config.hidden, config.mixPalette.length)`. Absent in states saved
   * before learned activations existed (and allowed absent): the parameters then keep the
   * defaults the build gave them.
   */
  readonly activationParams?: {
    readonly values: readonly number[];
    readonly moment1: readonly number[];
    readonly moment2: readonly number[];
  };
  /** Optimizer steps and examples over the network's life. */
  readonly stepCount: number;
  readonly examplesSeen: number;
  /** The permutation of the training examples the next epoch shuffles further. */
  readonly order: readonly number[];
  /** The shuffle generator's four state words (Rng.getState). */
  readonly shuffleRng: readonly number[];
  /**
   * Statistics of the last epoch's examples (nn/network.ts) for the hidden units only, in
   * unit order (the engine keeps no statistics for the others); null before any example.
   */
  readonly stats: {
    readonly preMin: readonly number[];
    readonly preMax: readonly number[];
    readonly gradAbsSum: readonly number[];
    readonly examples: number;
  } | null;
}

/** The state of `session` now, sharing nothing with it. */
export function captureSessionState(session: Session): SessionState {
  const { net } = session;
  return {
    version: SESSION_STATE_VERSION,
    epoch: session.epoch,
    sizes: Array.from(net.sizes),
    weights: Array.from(net.weights),
    biases: Array.from(net.biases),
    optimizer: {
      training: net.training,
      moment1Weights: Array.from(net.moment1Weights),
      moment1Biases: Array.from(net.moment1Biases),
      moment2Weights: Array.from(net.moment2Weights),
      moment2Biases: Array.from(net.moment2Biases),
      adamSteps: net.adamSteps,
    },
    activationParams: {
      values: Array.from(net.activationParams),
      moment1: Array.from(net.moment1ActivationParams),
      moment2: Array.from(net.moment2ActivationParams),
    },
    stepCount: net.stepCount,
    examplesSeen: net.examplesSeen,
    order: Array.from(session.order),
    shuffleRng: session.shuffleRng.getState(),
    stats:
      net.statExamples > 0
        ? {
            preMin: Array.from(hidden(net, net.statPreMin)),
            preMax: Array.from(hidden(net, net.statPreMax)),
            gradAbsSum: Array.from(hidden(net, net.statGradAbsSum)),
            examples: net.statExamples,
          }
        : null,
  };
}

/**
 * Puts `state` into `session`, whose network must have the state's shape and whose training
 * set its order's length. The optimizer of the session's configuration then applies as a
 * patch would: moments of another optimizer are reset, as they would have been.
 * @throws RangeError naming what does not fit; the session is then left as it was
 */
export function restoreSessionState(session: Session, state: SessionState): void {
  const problems = sessionStateProblems(state, session);
  if (problems.length > 0) {
    throw new RangeError(`the saved training does not fit: ${problems.join('; ')}`);
  }
  const { net } = session;
  const { optimizer, stats } = state;
  net.weights.set(state.weights);
  net.biases.set(state.biases);
  net.training = optimizer.training;
  net.moment1Weights.set(optimizer.moment1Weights);
  net.moment1Biases.set(optimizer.moment1Biases);
  net.moment2Weights.set(optimizer.moment2Weights);
  net.moment2Biases.set(optimizer.moment2Biases);
  net.adamSteps = optimizer.adamSteps;
  if (state.activationParams) {
    net.activationParams.set(state.activationParams.values);
    net.moment1ActivationParams.set(state.activationParams.moment1);
    net.moment2ActivationParams.set(state.activationParams.moment2);
    net.mixWeightsStale = true;
  }
  net.stepCount = state.stepCount;
  net.examplesSeen = state.examplesSeen;
  net.resetStats();
  if (stats) {
    hidden(net, net.statPreMin).set(stats.preMin);
    hidden(net, net.statPreMax).set(stats.preMax);
    hidden(net, net.statGradAbsSum).set(stats.gradAbsSum);
    net.statExamples = stats.examples;
  }
  session.order.set(state.order);
  session.shuffleRng.setState(state.shuffleRng);
  session.epoch = state.epoch;
  setTraining(net, trainingSpecOf(session.config));
}

/** What keeps `state` from being restored into `session`, in words (empty when nothing). */
export function sessionStateProblems(state: SessionState, session: Session): string[] {
  if (typeof state !== 'object' || state === null) return ['it is not an object'];
  if (state.version !== SESSION_STATE_VERSION) {
    return [`version ${String(state.version)} is not ${SESSION_STATE_VERSION}`];
  }
  const { net } = session;
  const sizes = Array.from(net.sizes);
  if (!Array.isArray(state.sizes) || state.sizes.join() !== sizes.join()) {
    return [`layers of ${String(state.sizes)} units, not ${sizes.join()}`];
  }
  const problems: string[] = [];
  const arrays = arraysOf(state, net);
  for (const [name, values, length] of arrays) {
    if (!Array.isArray(values) || values.length !== length) {
      problems.push(`${name} has not ${length} numbers`);
    } else if (!values.every((v) => typeof v === 'number' && Number.isFinite(v))) {
      problems.push(`${name} holds a number that is not finite`);
    }
  }
  for (const [name, value] of counters(state)) {
    if (!Number.isInteger(value) || (value as number) < 0) {
      problems.push(`${name} is not a whole number of 0 or more`);
    }
  }
  try {
    validateTraining(state.optimizer?.training);
  } catch (error) {
    problems.push(`optimizer: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!isPermutation(state.order, session.order.length)) {
    problems.push(`order is not a permutation of the ${session.order.length} training examples`);
  }
  const rng = state.shuffleRng;
  const words = Array.isArray(rng) && rng.length === 4;
  if (!words || !rng.every((w) => Number.isInteger(w) && w >= 0 && w <= 0xffffffff)) {
    problems.push('shuffleRng is not four unsigned 32-bit integers');
  } else if (rng.every((w) => w === 0)) {
    problems.push('shuffleRng is all zeros');
  }
  return problems;
}

/** The hidden units' part of a per-unit array (a view). */
function hidden(net: Network, perUnit: Float64Array): Float64Array {
  return perUnit.subarray(net.inputSize, net.unitStart[net.outputLayer] as number);
}

type ArraySpec = readonly [name: string, values: unknown, length: number];

function arraysOf(state: SessionState, net: Network): ArraySpec[] {
  const weights = net.weights.length;
  const units = net.unitCount;
  const { optimizer, stats } = state;
  const list: ArraySpec[] = [
    ['weights', state.weights, weights],
    ['biases', state.biases, units],
    ['optimizer.moment1Weights', optimizer?.moment1Weights, weights],
    ['optimizer.moment1Biases', optimizer?.moment1Biases, units],
    ['optimizer.moment2Weights', optimizer?.moment2Weights, weights],
    ['optimizer.moment2Biases', optimizer?.moment2Biases, units],
  ];
  const learned = state.activationParams;
  if (learned !== undefined) {
    const count = net.activationParams.length;
    list.push(
      ['activationParams.values', learned?.values, count],
      ['activationParams.moment1', learned?.moment1, count],
      ['activationParams.moment2', learned?.moment2, count],
    );
  }
  if (stats) {
    const hiddenUnits = hidden(net, net.statPreMin).length;
    list.push(
      ['stats.preMin', stats.preMin, hiddenUnits],
      ['stats.preMax', stats.preMax, hiddenUnits],
      ['stats.gradAbsSum', stats.gradAbsSum, hiddenUnits],
    );
  }
  return list;
}

function counters(state: SessionState): [string, unknown][] {
  const list: [string, unknown][] = [
    ['epoch', state.epoch],
    ['optimizer.adamSteps', state.optimizer?.adamSteps],
    ['stepCount', state.stepCount],
    ['examplesSeen', state.examplesSeen],
  ];
  if (state.stats) list.push(['stats.examples', state.stats.examples]);
  return list;
}

function isPermutation(order: unknown, length: number): boolean {
  if (!Array.isArray(order) || order.length !== length) return false;
  const seen = new Uint8Array(length);
  for (const i of order) {
    if (!Number.isInteger(i) || i < 0 || i >= length || seen[i as number]) return false;
    seen[i as number] = 1;
  }
  return true;
}
