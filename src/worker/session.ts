/**
 * A training session: the data, examples, network and generators built from one
 * configuration, and the live edits ("patches") that keep its weights.
 */
import {
  Network,
  Rng,
  SpecError,
  identityOrder,
  initializeParameters,
  setActivation,
  setMixturePalette,
  setTraining,
  type Examples,
} from '../nn';
import { generateDataset, ownDataProblems, splitTrainTest, toExamples, type Point } from '../data';
import {
  configProblems,
  needsRebuild,
  networkSpecOf,
  outputSpecFor,
  sameValue,
  seedStreams,
  trainingSpecOf,
  type PlaygroundConfig,
} from '../config';
import { ParameterSnapshot } from './snapshot';

export interface Session {
  /** Of the last build or reset; stamped on every event about this session. */
  generation: number;
  /** The configuration now in force (patches replace it). */
  config: PlaygroundConfig;
  readonly net: Network;
  readonly trainPoints: readonly Point[];
  readonly testPoints: readonly Point[];
  readonly train: Examples;
  readonly test: Examples;
  /** Permutation of the training examples, reshuffled in place every epoch. */
  readonly order: Int32Array;
  shuffleRng: Rng;
  /** Epochs trained since the weights were drawn. */
  epoch: number;
  /** Parameters before the epoch under way, to put back if it diverges. */
  readonly snapshot: ParameterSnapshot;
}

/**
 * Generates the data (or takes the person's own points, `ownData`, split by the seed as
 * generated points are) and builds and initialises the network of `config`.
 * @throws RangeError naming every setting that breaks the settings table (the page's rules),
 *   or what keeps `ownData` from being data of the configuration's task
 */
export function buildSession(
  config: PlaygroundConfig,
  generation: number,
  ownData: readonly Point[] | null = null,
): Session {
  checkConfig(config);
  if (ownData !== null) {
    const problems = ownDataProblems(ownData, config.dataset);
    if (problems.length > 0) throw new RangeError(problems.join('; '));
  }
  const net = new Network(networkSpecOf(config), trainingSpecOf(config));
  const streams = seedStreams(config.seed);
  // One data generator for the points and then the split, so the seed fixes both.
  const dataRng = new Rng(streams.data);
  const points = ownData ?? generateDataset(config.dataset, dataRng, { noise: config.noise });
  const { train, test } = splitTrainTest(points, config.trainPercent / 100, dataRng);
  const output = outputSpecFor(config);
  const session: Session = {
    generation,
    config,
    net,
    trainPoints: train,
    testPoints: test,
    train: toExamples(train, config.features, output),
    test: toExamples(test, config.features, output),
    order: identityOrder(train.length),
    shuffleRng: new Rng(streams.shuffle),
    epoch: 0,
    snapshot: new ParameterSnapshot(net),
  };
  initializeParameters(net, config.init, new Rng(streams.weights));
  return session;
}

/**
 * Draws the weights again from the seed and restarts the shuffles, so the session is
 * exactly as a fresh build of its current configuration would be; the data are kept.
 */
export function resetSession(session: Session): void {
  const streams = seedStreams(session.config.seed);
  initializeParameters(session.net, session.config.init, new Rng(streams.weights));
  session.shuffleRng = new Rng(streams.shuffle);
  for (let i = 0; i < session.order.length; i++) session.order[i] = i;
  session.epoch = 0;
}

/**
 * Applies the activations, optimizer, regularisation and batch size of `config` to the live
 * network, keeping every weight. Everything is checked before anything changes, so a bad
 * patch leaves the session as it was.
 * @throws SpecError when `config` has another shape or data; RangeError for an invalid setting.
 */
export function patchSession(session: Session, config: PlaygroundConfig): void {
  checkConfig(config);
  if (needsRebuild(session.config, config)) {
    throw new SpecError(
      'config',
      'the same data, seed, features and layer sizes as the network (send a build instead)',
      'a different shape',
    );
  }
  const training = trainingSpecOf(config);

  const net = session.net;
  // The palette first, so that neurons becoming mixtures below start over the new one.
  if (!sameValue(net.mixturePalette, config.mixPalette)) setMixturePalette(net, config.mixPalette);
  const current = net.activations;
  config.hidden.forEach((layer, l) =>
    layer.forEach((id, j) => {
      if (current[l]?.[j] !== id) setActivation(net, l + 1, j, id);
    }),
  );
  setTraining(net, training);
  session.config = config;
}

/** The worker refuses what the page refuses: the settings table's rules, checked once here. */
function checkConfig(config: PlaygroundConfig): void {
  const problems = configProblems(config);
  if (problems.length > 0) throw new RangeError(problems.join('; '));
}

/** Points as flat x, y, label triples, for the page's scatter plot. */
export function flattenPoints(points: readonly Point[]): Float32Array {
  const flat = new Float32Array(points.length * 3);
  points.forEach((p, i) => {
    flat[3 * i] = p.x;
    flat[3 * i + 1] = p.y;
    flat[3 * i + 2] = p.label;
  });
  return flat;
}
