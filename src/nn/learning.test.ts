/**
 * The engine learns: small networks trained with fixed seeds on the playground's datasets
 * reach stated accuracies (or losses) on held-out test points, half of each set.
 *
 * One seeded Rng per test drives the data, the split, the initial weights and the shuffles,
 * so every run gives the same numbers. The seed is 1 everywhere, not picked: each setup was
 * also tried with seeds 1 to 10 while writing the tests, and the worst of the ten is quoted
 * next to it, so a failure here means the engine changed, not bad luck.
 */
import { describe, expect, it } from 'vitest';
// The engine itself imports nothing; this test is where it meets the real datasets.
import {
  datasetInfo,
  generateDataset,
  outputForTask,
  splitTrainTest,
  toExamples,
  type DatasetId,
  type FeatureId,
} from '../data';
import type { ActivationId } from './activations';
import { initializeParameters, type InitScheme } from './init';
import { Network } from './network';
import { Rng } from './rng';
import type { TrainingSpec } from './spec';
import { evaluate, identityOrder, trainEpoch, type Evaluation } from './train';

const SEED = 1;
const BATCH_SIZE = 10;

interface Setup {
  dataset: DatasetId;
  features: FeatureId[];
  hidden: ActivationId[][];
  training: TrainingSpec;
  init: InitScheme;
  epochs: number;
  /** Noise in percent, as the page's slider; 0 unless stated. */
  noise?: number;
}

/** Generates the set, splits it 50/50, trains for `epochs` and evaluates on the test half. */
function trainAndTest(setup: Setup): { test: Evaluation; untrained: Evaluation } {
  const rng = new Rng(SEED);
  const info = datasetInfo(setup.dataset);
  const points = generateDataset(setup.dataset, rng, { noise: setup.noise ?? 0 });
  const { train, test } = splitTrainTest(points, 0.5, rng);
  const output = outputForTask(info.kind, info.classes);
  const trainSet = toExamples(train, setup.features, output);
  const testSet = toExamples(test, setup.features, output);
  const net = new Network(
    { inputSize: setup.features.length, hidden: setup.hidden, output },
    setup.training,
  );
  initializeParameters(net, setup.init, rng);
  const untrained = evaluate(net, testSet);
  const order = identityOrder(trainSet.count);
  for (let epoch = 0; epoch < setup.epochs; epoch++) {
    trainEpoch(net, trainSet, BATCH_SIZE, rng, order);
  }
  return { test: evaluate(net, testSet), untrained };
}

/** TensorFlow Playground's defaults: plain SGD at 0.03, no regularisation. */
const SGD_003: TrainingSpec = {
  optimizer: { name: 'sgd', learningRate: 0.03, momentum: 0 },
  regularization: { name: 'none', rate: 0 },
};
const ADAM_001: TrainingSpec = {
  optimizer: { name: 'adam', learningRate: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 },
  regularization: { name: 'none', rate: 0 },
};

const layer = (id: ActivationId, width: number): ActivationId[] => Array(width).fill(id);

describe('small networks learn the playground datasets with fixed seeds', () => {
  it('separates circle with tanh 4-4 on x1, x2 to at least 90 % test accuracy', () => {
    // Worst of seeds 1-10: 0.996. A 4-2 network stalls at 0.83 on one seed in ten: its
    // two-neuron layer can settle on a half-ring, so the test uses 4-4.
    const { test } = trainAndTest({
      dataset: 'circle',
      features: ['x1', 'x2'],
      hidden: [layer('tanh', 4), layer('tanh', 4)],
      training: SGD_003,
      init: 'uniform',
      epochs: 200,
    });
    expect(test.accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('separates xor with tanh 4-2 given the x1x2 feature to at least 90 %', () => {
    // Worst of seeds 1-10: 1.000.
    const { test } = trainAndTest({
      dataset: 'xor',
      features: ['x1', 'x2', 'x1x2'],
      hidden: [layer('tanh', 4), layer('tanh', 2)],
      training: SGD_003,
      init: 'uniform',
      epochs: 40,
    });
    expect(test.accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('separates xor with tanh 4-4 on x1, x2 alone to at least 90 %', () => {
    // Worst of seeds 1-10: 0.984.
    const { test } = trainAndTest({
      dataset: 'xor',
      features: ['x1', 'x2'],
      hidden: [layer('tanh', 4), layer('tanh', 4)],
      training: SGD_003,
      init: 'uniform',
      epochs: 150,
    });
    expect(test.accuracy).toBeGreaterThanOrEqual(0.9);
  });

  describe('spiral needs sines, as inputs or as neurons', () => {
    it('reaches at least 85 % with tanh 4-4 on x1, x2, sin x1, sin x2 (SGD 0.03)', () => {
      // Worst of seeds 1-10: 0.884.
      const { test } = trainAndTest({
        dataset: 'spiral',
        features: ['x1', 'x2', 'sinx1', 'sinx2'],
        hidden: [layer('tanh', 4), layer('tanh', 4)],
        training: SGD_003,
        init: 'uniform',
        epochs: 300,
      });
      expect(test.accuracy).toBeGreaterThanOrEqual(0.85);
    });

    it('reaches at least 85 % with sine neurons 4-4 on x1, x2 alone (Adam 0.01)', () => {
      // Worst of seeds 1-10: 0.936. Adam because plain SGD at 0.03 leaves a 4-4 sine
      // network near chance on 1 seed in 3 (8-8 sine neurons with SGD reach 0.86 at worst).
      const { test } = trainAndTest({
        dataset: 'spiral',
        features: ['x1', 'x2'],
        hidden: [layer('sin', 4), layer('sin', 4)],
        training: ADAM_001,
        init: 'auto',
        epochs: 200,
      });
      expect(test.accuracy).toBeGreaterThanOrEqual(0.85);
    });

    it('stays below 75 % with tanh 4-4 on x1, x2 alone after the same 300 SGD epochs', () => {
      // The control that makes the two tests above mean something. Best of seeds 1-10: 0.668.
      const { test } = trainAndTest({
        dataset: 'spiral',
        features: ['x1', 'x2'],
        hidden: [layer('tanh', 4), layer('tanh', 4)],
        training: SGD_003,
        init: 'uniform',
        epochs: 300,
      });
      expect(test.accuracy).toBeLessThan(0.75);
    });
  });

  it('separates the 3-class spiral with softmax and tanh 8-8 on sine features to 85 %', () => {
    // Worst of seeds 1-10: 0.952 (tanh 4-4 with SGD 0.03 reaches 0.84 at worst in 300 epochs).
    const { test, untrained } = trainAndTest({
      dataset: 'spiral3',
      features: ['x1', 'x2', 'sinx1', 'sinx2'],
      hidden: [layer('tanh', 8), layer('tanh', 8)],
      training: ADAM_001,
      init: 'auto',
      epochs: 100,
    });
    expect(untrained.accuracy).toBeLessThan(0.6);
    expect(test.accuracy).toBeGreaterThanOrEqual(0.85);
  });

  it('separates 4 noisy blobs with softmax and tanh 4-4 to at least 90 %', () => {
    // 20 % noise makes the blobs overlap a little. Worst of seeds 1-10: 0.952.
    const { test } = trainAndTest({
      dataset: 'blobs4',
      features: ['x1', 'x2'],
      hidden: [layer('tanh', 4), layer('tanh', 4)],
      training: SGD_003,
      init: 'uniform',
      epochs: 30,
      noise: 20,
    });
    expect(test.accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('fits reg-plane with a linear head and tanh 4-2 to a test loss below 0.01', () => {
    // Loss is ½(y - t)² per example; predicting the mean would give about 0.12, since the
    // target (x + y) / 10 has variance 0.24 over the square. Worst of seeds 1-10: 0.0073.
    const { test, untrained } = trainAndTest({
      dataset: 'reg-plane',
      features: ['x1', 'x2'],
      hidden: [layer('tanh', 4), layer('tanh', 2)],
      training: { ...SGD_003, optimizer: { name: 'sgd', learningRate: 0.01, momentum: 0 } },
      init: 'uniform',
      epochs: 30,
    });
    expect(Number.isNaN(test.accuracy)).toBe(true);
    expect(test.loss).toBeLessThan(0.01);
    expect(test.loss).toBeLessThan(untrained.loss / 10);
  });
});
