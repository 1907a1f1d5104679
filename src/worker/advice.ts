/**
 * Advice that works: what a divergence or a stuck run tells the person, built from what was
 * tried. Before advising a lower learning rate, the trainer tries the rates of the menu below
 * the current one on a fresh network (`stableRate`): it names the largest that trains, and
 * when only rates too small to learn anything stay finite, the cause is the activations and
 * the advice says so. A repeated divergence names what the person changed since the last one.
 */
import {
  DivergenceError,
  Network,
  Rng,
  activationInfo,
  identityOrder,
  initializeParameters,
  trainEpoch,
  type ActivationId,
  type Examples,
} from '../nn';
import {
  LEARNING_RATES,
  SETTINGS,
  networkSpecOf,
  seedStreams,
  trainingSpecOf,
  type PlaygroundConfig,
} from '../config';
import { datasetInfo } from '../data';
import { divergenceHint, unboundedActivations } from './hint';
import type { StuckVerdict } from './stuck';

/** Epochs a probe trains at each learning rate. */
export const PROBE_EPOCHS = 3;
/** Below this learning rate a step moves too little to learn in a lesson's time. */
export const USEFUL_RATE = 0.0001;

/**
 * The largest learning rate of the menu below `config`'s (then the page's smallest) at which
 * a fresh network of `config` trains PROBE_EPOCHS epochs on `train` without diverging; null
 * when none does.
 */
export function stableRate(config: PlaygroundConfig, train: Examples): number | null {
  const rates = [...LEARNING_RATES, SETTINGS.learningRate.min]
    .filter((rate) => rate < config.learningRate)
    .sort((a, b) => b - a);
  for (const rate of rates) {
    if (!divergesAt({ ...config, learningRate: rate }, train)) return rate;
  }
  return null;
}

/** Whether a fresh network of `config` diverges on `train` within PROBE_EPOCHS epochs. */
function divergesAt(config: PlaygroundConfig, train: Examples): boolean {
  const net = new Network(networkSpecOf(config), trainingSpecOf(config));
  const streams = seedStreams(config.seed);
  initializeParameters(net, config.init, new Rng(streams.weights));
  const rng = new Rng(streams.shuffle);
  const order = identityOrder(train.count);
  try {
    for (let e = 0; e < PROBE_EPOCHS; e++) trainEpoch(net, train, config.batchSize, rng, order);
  } catch (error) {
    if (error instanceof DivergenceError) return true;
    throw error;
  }
  return false;
}

/** Hidden layers (1-based) holding an unbounded activation. */
function layersWith(config: PlaygroundConfig, ids: readonly ActivationId[]): number[] {
  const layers: number[] = [];
  config.hidden.forEach((layer, l) => {
    if (layer.some((id) => ids.includes(id))) layers.push(l + 1);
  });
  return layers;
}

function names(ids: readonly ActivationId[]): string {
  const labels = ids.map((id) => activationInfo(id).label);
  if (labels.length <= 1) return labels[0] ?? '';
  return `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1] as string}`;
}

/**
 * The sentence for a divergence no learning rate avoids: its unbounded activations (or its
 * depth) blow the numbers up at the initial weights already.
 */
export function activationCauseHint(config: PlaygroundConfig, stable: number | null): string {
  const unbounded = unboundedActivations(config);
  const start =
    stable === null
      ? `Lowering the learning rate will not help: even at ${SETTINGS.learningRate.min} this network diverges in its first epochs.`
      : `Lowering the learning rate will not help: only at ${stable}, too small a step to learn anything, do its first epochs stay finite.`;
  if (unbounded.length === 0) {
    return `${start} Its outputs are too large from the start: use fewer layers or smaller initial weights, then reset.`;
  }
  const layers = layersWith(config, unbounded);
  const where =
    layers.length > 1
      ? `in layers ${layers.join(' and ')} compound (each layer grows what the one before gave it)`
      : 'grow without bound';
  const regression = datasetInfo(config.dataset).kind === 'regression';
  return (
    `${start} The cause is the activations: the ${names(unbounded)} neurons ${where}` +
    `${regression ? ', and the regression output passes the result on unsquashed' : ''}. ` +
    `Give ${layers.length > 1 ? 'all but one of those layers' : 'them'} a bounded activation such as Tanh, then reset.`
  );
}

/** What changed from `before` to `after` that bears on divergence, as phrases. */
export function changesSince(before: PlaygroundConfig, after: PlaygroundConfig): string[] {
  const changes: string[] = [];
  if (after.learningRate !== before.learningRate) {
    const verb = after.learningRate < before.learningRate ? 'lowered' : 'raised';
    changes.push(`${verb} the learning rate from ${before.learningRate} to ${after.learningRate}`);
  }
  if (JSON.stringify(after.hidden) !== JSON.stringify(before.hidden)) {
    changes.push('changed the activations');
  }
  if (after.optimizer !== before.optimizer) changes.push(`switched to ${after.optimizer}`);
  if (
    after.regularization !== before.regularization ||
    after.regularizationRate !== before.regularizationRate
  ) {
    changes.push('changed the regularisation');
  }
  return changes;
}

/**
 * The hint of a divergence under `config`, given `stable`, the largest rate that trains (see
 * `stableRate`): the activations' fault when that is below USEFUL_RATE, else the
 * configuration's likely cause (hint.ts) and the rate that works; prefixed, when it diverged
 * before under `previous`, by what the person changed since.
 */
export function divergenceAdvice(
  config: PlaygroundConfig,
  stable: number | null,
  previous: PlaygroundConfig | null,
): string {
  const hint =
    stable === null || stable < USEFUL_RATE
      ? activationCauseHint(config, stable)
      : `${divergenceHint(config)} At ${stable} its first epochs train without diverging.`;
  if (!previous) return hint;
  const changes = changesSince(previous, config);
  const what = changes.length > 0 ? `after you ${changes.join(' and ')}` : 'with the same settings';
  return `It diverged again ${what}. ${hint}`;
}

/**
 * The words of a stuck run, e.g. "The output neuron is saturated for 100% of examples since
 * epoch 3: the learning rate 10 is too high for Square neurons …".
 */
export function stuckMessage(verdict: StuckVerdict, config: PlaygroundConfig): string {
  const lr = config.learningRate;
  const unbounded = unboundedActivations(config);
  let cause: string;
  if (lr >= 1 && unbounded.length > 0) {
    cause = `the learning rate ${lr} is too high for ${names(unbounded)} neurons: their outputs grew so large that the output is pinned to one value and passes no gradient back.`;
  } else if (lr >= 1) {
    cause = `the learning rate ${lr} is too high: the steps overshoot until the output is pinned to one value and passes no gradient back.`;
  } else {
    cause = `its inputs are so large that it is pinned to one value and passes no gradient back.`;
  }
  const advice = 'Lower the learning rate (0.03 is a good start) and reset.';
  if (verdict.rule === 'saturated') {
    const share = Math.round(verdict.share * 100);
    return `The output neuron is saturated for ${share}% of examples since epoch ${verdict.since}: ${cause} ${advice}`;
  }
  return `The loss has stayed at chance level (${verdict.loss.toPrecision(3)}, what a constant guess gives) since epoch ${verdict.since}: the learning rate ${lr} is too high for the network to learn anything. ${advice}`;
}
