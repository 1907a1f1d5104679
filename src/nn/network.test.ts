/**
 * The engine's promises beyond the maths: determinism, live edits that keep what was
 * learned, the initialisation schemes, refusals of bad specs, divergence reporting, activations
 * at extreme inputs and the per-neuron statistics.
 */
import { describe, expect, it } from 'vitest';
import {
  ACTIVATION_COUNT,
  ACTIVATION_IDS,
  FIXED_ACTIVATION_IDS,
  ACTIVATIONS,
  activate,
  activationCode,
  activationDerivative,
  type ActivationId,
} from './activations';
import {
  exportParameters,
  getBias,
  getWeight,
  importParameters,
  setActivation,
  setBias,
  setTraining,
  setWeight,
  type Parameters,
} from './edit';
import { DivergenceError, SpecError } from './errors';
import { initializeParameters } from './init';
import { Network } from './network';
import { Rng } from './rng';
import { defaultTraining, type NetworkSpec, type TrainingSpec } from './spec';
import { readNeuronStats } from './stats';
import { identityOrder, predict, trainEpoch, trainStep, type Examples } from './train';

const MIXED: NetworkSpec = {
  inputSize: 2,
  hidden: [
    ['tanh', 'relu', 'sin', 'gaussian'],
    ['sigmoid', 'softsign', 'elu'],
  ],
  output: { size: 1, activation: 'tanh', loss: 'mse' },
};

const ADAM: TrainingSpec = {
  optimizer: { name: 'adam', learningRate: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 },
  regularization: { name: 'none', rate: 0 },
};

/** `count` points uniform in [-3, 3]² labelled ±1 by the sign of x1·x2 (an XOR). */
function xorExamples(count: number, rng: Rng): Examples {
  const inputs = new Float64Array(count * 2);
  const targets = new Float64Array(count);
  for (let n = 0; n < count; n++) {
    const x1 = rng.uniform(-3, 3);
    const x2 = rng.uniform(-3, 3);
    inputs[2 * n] = x1;
    inputs[2 * n + 1] = x2;
    targets[n] = x1 * x2 > 0 ? 1 : -1;
  }
  return { inputs, targets, count };
}

function built(spec: NetworkSpec, seed: number, training: TrainingSpec = defaultTraining()) {
  const net = new Network(spec, training);
  initializeParameters(net, 'auto', new Rng(seed));
  return net;
}

/** Builds from `seed`, trains `epochs` on the same data, returns the network. */
function trained(seed: number, epochs: number, training: TrainingSpec = defaultTraining()) {
  const net = built(MIXED, seed, training);
  const examples = xorExamples(100, new Rng(99));
  const rng = new Rng(seed + 1);
  const order = identityOrder(examples.count);
  for (let e = 0; e < epochs; e++) trainEpoch(net, examples, 10, rng, order);
  return net;
}

/**
 * The entries of a Float64Array as a plain list: `toEqual` compares numbers with Object.is,
 * so equal lists hold bit-identical numbers (0 and -0 differ), and a failure lists the entries.
 */
const entries = (a: Float64Array) => Array.from(a);

/** Runs `action` and returns the SpecError it throws (failing the test if it does not). */
function specErrorOf(action: () => void): SpecError {
  try {
    action();
  } catch (error) {
    if (error instanceof SpecError) return error;
    throw error;
  }
  throw new Error('expected a SpecError, but nothing was thrown');
}

describe('determinism', () => {
  it('gives bit-identical weights for the same seed, data and epochs', () => {
    for (const training of [defaultTraining(), ADAM]) {
      const a = trained(7, 5, training);
      const b = trained(7, 5, training);
      expect(entries(a.weights)).toEqual(entries(b.weights));
      expect(entries(a.biases)).toEqual(entries(b.biases));
      expect(a.stepCount).toBe(50);
    }
  });

  it('gives different weights for a different seed', () => {
    const a = trained(7, 5);
    const b = trained(8, 5);
    expect(entries(a.weights)).not.toEqual(entries(b.weights));
  });

  it('draws the same sequence from the same seed and another from another seed', () => {
    const draw = (seed: number) => {
      const rng = new Rng(seed);
      return Array.from({ length: 1000 }, () => rng.nextUint32());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
    const rng = new Rng(5);
    const floats = Array.from({ length: 1000 }, () => rng.next());
    expect(floats.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(floats).size).toBe(1000);
  });
});

describe('live edits keep the learned parameters', () => {
  it('setActivation changes one neuron and the output, never a weight or bias', () => {
    const net = trained(3, 2);
    const weights = net.weights.slice();
    const biases = net.biases.slice();
    const codes = net.codes.slice();
    const before = predict(net, [0.7, -1.2])[0] as number;
    setActivation(net, 2, 1, 'square');
    expect(net.activations).toEqual([
      ['tanh', 'relu', 'sin', 'gaussian'],
      ['sigmoid', 'square', 'elu'],
    ]);
    const changed = [...net.codes].flatMap((code, u) => (code !== codes[u] ? [u] : []));
    expect(changed).toEqual([net.unitIndex(2, 1)]);
    expect(entries(net.weights)).toEqual(entries(weights));
    expect(entries(net.biases)).toEqual(entries(biases));
    expect(predict(net, [0.7, -1.2])[0]).not.toBeCloseTo(before, 6);
  });

  it('setTraining keeps Adam moments for a new learning rate and resets them for SGD', () => {
    const net = trained(3, 2, ADAM);
    const m1 = net.moment1Weights.slice();
    const m2 = net.moment2Biases.slice();
    const steps = net.adamSteps;
    expect(steps).toBe(20);
    expect(m1.some((m) => m !== 0)).toBe(true);
    setTraining(net, { ...ADAM, optimizer: { ...ADAM.optimizer, learningRate: 0.001 } });
    expect(net.training.optimizer.learningRate).toBe(0.001);
    expect(entries(net.moment1Weights)).toEqual(entries(m1));
    expect(entries(net.moment2Biases)).toEqual(entries(m2));
    expect(net.adamSteps).toBe(steps);
    setTraining(net, defaultTraining(0.1));
    expect(net.moment1Weights.every((m) => m === 0)).toBe(true);
    expect(net.moment2Weights.every((m) => m === 0)).toBe(true);
    expect(net.moment1Biases.every((m) => m === 0)).toBe(true);
    expect(net.moment2Biases.every((m) => m === 0)).toBe(true);
    expect(net.adamSteps).toBe(0);
  });

  it('setTraining starts momentum from rest after plain SGD, and keeps it for a new rate', () => {
    const momentum = (m: number): TrainingSpec => ({
      optimizer: { name: 'sgd', learningRate: 0.03, momentum: m },
      regularization: { name: 'none', rate: 0 },
    });
    const net = trained(3, 2, momentum(0.9));
    const velocity = net.moment1Weights.slice();
    expect(velocity.some((v) => v !== 0)).toBe(true);
    setTraining(net, {
      ...momentum(0.9),
      optimizer: { ...momentum(0.9).optimizer, learningRate: 0.1 },
    });
    expect(entries(net.moment1Weights)).toEqual(entries(velocity));
    setTraining(net, momentum(0));
    setTraining(net, momentum(0.9));
    expect(net.moment1Weights.every((v) => v === 0)).toBe(true);
  });

  it('setWeight, getWeight, setBias and getBias round-trip and drive predict', () => {
    // No hidden layer and a linear head: the output is exactly b + w0·x0 + w1·x1.
    const net = new Network({
      inputSize: 2,
      hidden: [],
      output: { size: 1, activation: 'linear', loss: 'mse' },
    });
    setWeight(net, 1, 0, 0, 2);
    setWeight(net, 1, 0, 1, -3);
    setBias(net, 1, 0, 0.5);
    expect([getWeight(net, 1, 0, 0), getWeight(net, 1, 0, 1), getBias(net, 1, 0)]).toEqual([
      2, -3, 0.5,
    ]);
    expect(predict(net, [1, 2])[0]).toBe(2 - 6 + 0.5);

    const mixed = trained(3, 1);
    const before = predict(mixed, [1, 1])[0] as number;
    setWeight(mixed, 3, 0, 2, getWeight(mixed, 3, 0, 2) + 1);
    expect(getWeight(mixed, 3, 0, 2)).toBe(mixed.weights[(mixed.weightStart[3] as number) + 2]);
    expect(predict(mixed, [1, 1])[0]).not.toBe(before);
  });

  it('setWeight and setBias refuse positions outside the network and non-finite values', () => {
    const net = built(MIXED, 1);
    expect(specErrorOf(() => setWeight(net, 1, 0, 2, 1)).field).toBe('from');
    expect(specErrorOf(() => setWeight(net, 4, 0, 0, 1)).field).toBe('layer');
    expect(specErrorOf(() => setBias(net, 2, 3, 1)).field).toBe('neuron');
    expect(specErrorOf(() => setWeight(net, 1, 0, 0, NaN)).field).toBe('weight');
    expect(specErrorOf(() => setBias(net, 1, 0, Infinity)).field).toBe('bias');
    expect(specErrorOf(() => setActivation(net, 3, 0, 'tanh')).field).toBe('layer');
  });

  it('exportParameters and importParameters round-trip into a fresh network', () => {
    const source = trained(11, 3);
    const params = exportParameters(source);
    const copy = built(MIXED, 12);
    expect(entries(copy.weights)).not.toEqual(entries(source.weights));
    importParameters(copy, JSON.parse(JSON.stringify(params)) as Parameters);
    expect(entries(copy.weights)).toEqual(entries(source.weights));
    expect(entries(copy.biases)).toEqual(entries(source.biases));
    expect(predict(copy, [0.3, -2])).toEqual(predict(source, [0.3, -2]));
  });
});

describe('initialisation schemes', () => {
  const WIDE: NetworkSpec = {
    inputSize: 7,
    hidden: [
      // Every activation, ReLU family and others interleaved, across two layers of 16 and 1.
      FIXED_ACTIVATION_IDS.slice(0, 16),
      FIXED_ACTIVATION_IDS.slice(16),
    ],
    output: { size: 3, activation: 'softmax', loss: 'crossentropy' },
  };
  const RELU_FAMILY: readonly ActivationId[] = [
    'relu',
    'leaky_relu',
    'elu',
    'selu',
    'gelu',
    'silu',
    'mish',
    'softplus',
  ];

  /** Largest |w| into each neuron of layer k. */
  function largestInto(net: Network, k: number): number[] {
    const fanIn = net.sizes[k - 1] as number;
    return Array.from({ length: net.sizes[k] as number }, (_, j) => {
      const start = (net.weightStart[k] as number) + j * fanIn;
      return Math.max(...net.weights.subarray(start, start + fanIn).map(Math.abs));
    });
  }
  const hiddenBiases = (net: Network) => [...net.biases.subarray(net.inputSize)];

  it('uniform draws weights in ±0.5 and sets every bias to 0.1', () => {
    const net = new Network(WIDE);
    initializeParameters(net, 'uniform', new Rng(1));
    expect(net.weights.every((w) => w >= -0.5 && w < 0.5)).toBe(true);
    expect(Math.max(...net.weights)).toBeGreaterThan(0.45);
    expect(Math.min(...net.weights)).toBeLessThan(-0.45);
    expect(hiddenBiases(net).every((b) => b === 0.1)).toBe(true);
  });

  it('xavier and he stay within their limits, reach near them, and zero the biases', () => {
    for (const scheme of ['xavier', 'he'] as const) {
      const net = new Network(WIDE);
      initializeParameters(net, scheme, new Rng(2));
      for (let k = 1; k <= net.outputLayer; k++) {
        const fanIn = net.sizes[k - 1] as number;
        const fanOut = net.sizes[k] as number;
        const limit = scheme === 'he' ? Math.sqrt(6 / fanIn) : Math.sqrt(6 / (fanIn + fanOut));
        const largest = Math.max(...largestInto(net, k));
        expect(largest).toBeLessThanOrEqual(limit);
        if (fanIn * fanOut >= 16) expect(largest).toBeGreaterThan(0.8 * limit);
      }
      expect(hiddenBiases(net).every((b) => b === 0)).toBe(true);
    }
  });

  it('auto uses the He limit for ReLU-family neurons and Xavier for the others', () => {
    const fixed = ACTIVATIONS.filter((a) => a.parameterCount === 0);
    expect(fixed.filter((a) => a.initFamily === 'he').map((a) => a.id)).toEqual(RELU_FAMILY);
    const net = new Network(WIDE);
    initializeParameters(net, 'auto', new Rng(3));
    const he = Math.sqrt(6 / 7);
    const xavier = Math.sqrt(6 / (7 + 16));
    const largest = largestInto(net, 1);
    const family = WIDE.hidden[0]?.map((id) => RELU_FAMILY.includes(id)) ?? [];
    const heLargest = largest.filter((_, j) => family[j]);
    const xavierLargest = largest.filter((_, j) => !family[j]);
    expect(heLargest).toHaveLength(8);
    expect(Math.max(...heLargest)).toBeLessThanOrEqual(he);
    // 56 draws from ±0.93: many exceed Xavier's 0.51, which only He allows.
    expect(heLargest.filter((w) => w > xavier).length).toBeGreaterThanOrEqual(4);
    expect(Math.max(...xavierLargest)).toBeLessThanOrEqual(xavier);
    // The output layer is always Xavier: fanIn 1 (the softsign layer), fanOut 3.
    expect(Math.max(...largestInto(net, 3))).toBeLessThanOrEqual(Math.sqrt(6 / 4));
    expect(hiddenBiases(net).every((b) => b === 0)).toBe(true);
  });
});

describe('invalid specs are refused with the field and the allowed range', () => {
  const spec = (patch: Partial<NetworkSpec>): NetworkSpec => ({ ...MIXED, ...patch });
  const cases: [string, NetworkSpec, string, string][] = [
    [
      'an unknown activation id',
      spec({ hidden: [['tanh', 'swoosh' as ActivationId]] }),
      'hidden[0][1]',
      `one of the ${ACTIVATION_COUNT} activation ids`,
    ],
    ['a layer of 0 neurons', spec({ hidden: [['tanh'], []] }), 'hidden[1]', '1 to 16 neurons'],
    [
      'a layer of 17 neurons',
      spec({ hidden: [[...ACTIVATION_IDS]] }),
      'hidden[0]',
      '1 to 16 neurons',
    ],
    ['9 hidden layers', spec({ hidden: Array(9).fill(['tanh']) }), 'hidden', '0 to 8 layers'],
    ['0 inputs', spec({ inputSize: 0 }), 'inputSize', 'from 1 to 7'],
    ['8 inputs', spec({ inputSize: 8 }), 'inputSize', 'from 1 to 7'],
    [
      'softmax with mse',
      spec({ output: { size: 3, activation: 'softmax', loss: 'mse' } }),
      'output',
      'softmax + crossentropy',
    ],
    [
      'linear with bce',
      spec({ output: { size: 1, activation: 'linear', loss: 'bce' } }),
      'output',
      'linear + mse',
    ],
    [
      'softmax over 1 class',
      spec({ output: { size: 1, activation: 'softmax', loss: 'crossentropy' } }),
      'output.size',
      'from 2 to 6',
    ],
  ];

  it.each(cases)('refuses %s', (_what, bad, field, allowed) => {
    const error = specErrorOf(() => new Network(bad));
    expect(error.field).toBe(field);
    expect(error.message).toContain(allowed);
  });

  it('accepts the limits themselves: 1 and 7 inputs, 8 layers, 1 and 16 neurons', () => {
    expect(
      () => new Network(spec({ inputSize: 7, hidden: Array(8).fill(['relu']) })),
    ).not.toThrow();
    expect(
      () => new Network(spec({ inputSize: 1, hidden: [ACTIVATION_IDS.slice(0, 16)] })),
    ).not.toThrow();
  });

  it.each([
    ['NaN', NaN],
    ['negative', -0.1],
    ['infinite', Infinity],
  ])('refuses a %s learning rate, in the constructor and in setTraining', (_what, rate) => {
    const bad = defaultTraining(rate);
    const refused = specErrorOf(() => new Network(MIXED, bad));
    expect(refused.field).toBe('optimizer.learningRate');
    expect(refused.message).toContain('0 or more');
    const net = new Network(MIXED, ADAM);
    const patched = specErrorOf(() => setTraining(net, bad));
    expect(patched.field).toBe('optimizer.learningRate');
    expect(net.training).toBe(ADAM);
  });

  it('refuses parameters of the wrong shape, naming the part that is wrong', () => {
    const net = built(MIXED, 1);
    const good = exportParameters(net);
    const clone = () => JSON.parse(JSON.stringify(good)) as Parameters;
    const fewerLayers = clone();
    fewerLayers.weights.pop();
    expect(specErrorOf(() => importParameters(net, fewerLayers)).field).toBe('weights');
    const shortBiases = clone();
    shortBiases.biases[1]?.pop();
    expect(specErrorOf(() => importParameters(net, shortBiases)).field).toBe('biases[1]');
    const extraRow = clone();
    extraRow.weights[0]?.push([0, 0]);
    expect(specErrorOf(() => importParameters(net, extraRow)).field).toBe('weights[0]');
    const shortRow = clone();
    shortRow.weights[2]?.[0]?.pop();
    const error = specErrorOf(() => importParameters(net, shortRow));
    expect(error.field).toBe('weights[2][0]');
    expect(error.message).toContain('3 numbers');
  });

  it('leaves every parameter as it was when an import is refused part-way', () => {
    const net = built(MIXED, 1);
    const weights = net.weights.slice();
    const biases = net.biases.slice();
    const zeros = exportParameters(built(MIXED, 2));
    zeros.weights.forEach((rows) => rows.forEach((row) => row.fill(0)));
    (zeros.weights[2]?.[0] as number[]).pop(); // only the last layer is malformed
    expect(() => importParameters(net, zeros)).toThrow(SpecError);
    const notFinite = exportParameters(built(MIXED, 2));
    (notFinite.biases[2] as number[])[0] = NaN;
    expect(() => importParameters(net, notFinite)).toThrow(SpecError);
    expect(entries(net.weights)).toEqual(entries(weights));
    expect(entries(net.biases)).toEqual(entries(biases));
  });
});

describe('divergence', () => {
  const SQUARES: NetworkSpec = {
    inputSize: 2,
    hidden: [
      ['square', 'square', 'square'],
      ['square', 'square'],
    ],
    output: { size: 1, activation: 'linear', loss: 'mse' },
  };

  it('stops square neurons at learning rate 10 with a DivergenceError, not silently', () => {
    const net = built(SQUARES, 4, defaultTraining(10));
    const examples = xorExamples(40, new Rng(5));
    const rng = new Rng(6);
    const order = identityOrder(examples.count);
    let caught: unknown;
    let epochs = 0;
    try {
      for (; epochs < 100; epochs++) trainEpoch(net, examples, 10, rng, order);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DivergenceError);
    const error = caught as DivergenceError;
    expect(error.step).toBeGreaterThanOrEqual(1);
    expect(error.message).toContain(`step ${error.step}`);
    // The failed step is the last one: no step ran after it.
    expect(error.step).toBe(error.what === 'parameters' ? net.stepCount : net.stepCount + 1);
    expect(epochs).toBeLessThan(100);
  });

  it('leaves weights, biases and Adam moments untouched when the loss is non-finite', () => {
    const net = built(SQUARES, 4, ADAM);
    const examples = xorExamples(10, new Rng(5));
    trainStep(net, examples, null, 0, 10);
    // A pre-activation of 1e200 squares to Infinity: the loss overflows.
    setWeight(net, 1, 0, 0, 1e200);
    const weights = net.weights.slice();
    const biases = net.biases.slice();
    const moments = net.moment1Weights.slice();
    let caught: unknown;
    try {
      trainStep(net, examples, null, 0, 10);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DivergenceError);
    expect((caught as DivergenceError).what).toBe('loss');
    expect((caught as DivergenceError).step).toBe(2);
    expect(net.stepCount).toBe(1);
    expect(entries(net.weights)).toEqual(entries(weights));
    expect(entries(net.biases)).toEqual(entries(biases));
    expect(entries(net.moment1Weights)).toEqual(entries(moments));
  });

  it('leaves the parameters untouched when the loss is finite but the gradient is not', () => {
    // x → linear neuron h = a·x → output y = v·h, target 0: loss ½(v·a·x)² stays finite for
    // a = 1e160, v = 1e-10, x = 1, but dLoss/dv = y·h = 1e310 overflows.
    const net = new Network(
      {
        inputSize: 1,
        hidden: [['linear']],
        output: { size: 1, activation: 'linear', loss: 'mse' },
      },
      defaultTraining(0.01),
    );
    setWeight(net, 1, 0, 0, 1e160);
    setWeight(net, 2, 0, 0, 1e-10);
    const examples: Examples = {
      inputs: Float64Array.of(1),
      targets: Float64Array.of(0),
      count: 1,
    };
    const weights = net.weights.slice();
    let caught: unknown;
    try {
      trainStep(net, examples, null, 0, 1);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DivergenceError);
    expect((caught as DivergenceError).what).toBe('gradient');
    expect((caught as DivergenceError).step).toBe(1);
    expect(entries(net.weights)).toEqual(entries(weights));
  });
});

describe('activations at extreme inputs', () => {
  const FAR = [0, -0, 1e-300, -1e-300, 20, -20, 40, -40, 1e3, -1e3, 1e154, -1e154, 1e308, -1e308];
  /** x² and SELU's 1.05·x overflow to +Infinity where the true value exceeds MAX_VALUE. */
  const overflows = (id: ActivationId, x: number) =>
    (id === 'square' && Math.abs(x) > 1.3e154) || (id === 'selu' && x > 1.7e308);

  it.each(FIXED_ACTIVATION_IDS.map((id) => [id]))(
    '%s is finite at every finite input tried',
    (id) => {
      const code = activationCode(id);
      for (const x of FAR) {
        const y = activate(code, x);
        if (overflows(id, x)) expect([x, y]).toEqual([x, Infinity]);
        else expect([x, Number.isFinite(y)]).toEqual([x, true]);
        // Slopes may overflow where the value does (2x for square) but are never NaN.
        expect([x, Number.isNaN(activationDerivative(code, x, y))]).toEqual([x, false]);
      }
    },
  );

  it('saturates without overflow: softplus(40) is 40, sigmoid(-40) is about 4.25e-18', () => {
    expect(activate(activationCode('softplus'), 40)).toBe(40);
    expect(activate(activationCode('softplus'), -40)).toBeCloseTo(Math.exp(-40), 30);
    expect(activate(activationCode('sigmoid'), -40)).toBeCloseTo(4.248354255291589e-18, 30);
    expect(activate(activationCode('sigmoid'), 40)).toBe(1);
    expect(activate(activationCode('tanh'), -1e3)).toBe(-1);
  });

  it('keeps NaN in as NaN out rather than inventing a value', () => {
    for (const id of ACTIVATION_IDS) {
      expect([id, Number.isNaN(activate(activationCode(id), NaN))]).toEqual([id, true]);
    }
  });

  it('describes every activation with a label, a formula and a range', () => {
    expect(ACTIVATIONS.map((a) => a.id)).toEqual([...ACTIVATION_IDS]);
    for (const info of ACTIVATIONS) {
      expect(info.label.length).toBeGreaterThan(0);
      expect(info.formula.length).toBeGreaterThan(0);
      const [low, high] = info.range;
      expect(low).toBeLessThan(high);
      // The range holds the activation's values over [-10, 10].
      const code = activationCode(info.id);
      for (let x = -10; x <= 10; x += 0.25) {
        const y = activate(code, x);
        expect([info.id, x, y >= low - 1e-2 && y <= high + 1e-2]).toEqual([info.id, x, true]);
      }
    }
  });
});

describe('per-neuron statistics', () => {
  it('after an epoch give ordered ranges, the example count, and 0 for a dead ReLU', () => {
    const net = built(MIXED, 9);
    // Layer 1 neuron 1 is a ReLU; a bias of -100 keeps its input negative for |x| ≤ 3.
    setBias(net, 1, 1, -100);
    const examples = xorExamples(60, new Rng(10));
    trainEpoch(net, examples, 10, new Rng(11), identityOrder(examples.count));
    const stats = readNeuronStats(net);
    const hidden = (net.unitStart[net.outputLayer] as number) - net.inputSize;
    expect(stats.examples).toBe(60);
    expect(stats.preMin).toHaveLength(hidden);
    for (let i = 0; i < hidden; i++) {
      expect([i, (stats.preMin[i] as number) <= (stats.preMax[i] as number)]).toEqual([i, true]);
      expect([i, Number.isFinite(stats.meanAbsGradient[i])]).toEqual([i, true]);
    }
    const dead = net.unitIndex(1, 1) - net.inputSize;
    expect(stats.preMax[dead]).toBeLessThan(0);
    expect(stats.meanAbsGradient[dead]).toBe(0);
    const alive = [...stats.meanAbsGradient].filter((_, i) => i !== dead);
    expect(alive.every((g) => g > 0)).toBe(true);
    // A second epoch starts the statistics afresh instead of adding to them.
    trainEpoch(net, examples, 10, new Rng(12), identityOrder(examples.count));
    expect(readNeuronStats(net).examples).toBe(60);
  });
});
