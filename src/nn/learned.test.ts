/**
 * The learned activations on a live network: their parameters' layout and defaults, edits that
 * switch neurons to and from them, the palette, the heatmaps with learned values, the freeze
 * and the divergence report. Their gradients are checked in gradient.test.ts and against
 * PyTorch in reference.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { FIXED_ACTIVATION_IDS, type ActivationId } from './activations';
import { setActivation, setMixturePalette } from './edit';
import { SpecError } from './errors';
import { forward } from './forward';
import { applyActivations, freezeMixtures } from './freeze';
import { evaluateGrid, gridSize } from './grid';
import { initializeParameters } from './init';
import {
  activationParamLayout,
  exportActivationParams,
  findNonFiniteActivationParam,
  importActivationParams,
  learnedActivationValue,
  neuronActivationParams,
  refreshMixWeights,
} from './learnedParams';
import { Network } from './network';
import { parseReferenceCases } from './referenceCases';
import { Rng } from './rng';
import { validateSpec, type NetworkSpec } from './spec';
import { trainStep, type Examples } from './train';

const SPEC: NetworkSpec = {
  inputSize: 2,
  hidden: [
    ['prelu', 'tanh', 'mixture'],
    ['swish', 'mixture'],
  ],
  output: { size: 1, activation: 'tanh', loss: 'mse' },
  mixturePalette: ['relu', 'tanh', 'sin', 'gaussian'],
};

function examples(count: number, seed: number): Examples {
  const rng = new Rng(seed);
  const inputs = Float64Array.from({ length: 2 * count }, () => rng.uniform(-3, 3));
  const targets = Float64Array.from({ length: count }, (_, n) =>
    (inputs[2 * n] as number) * (inputs[2 * n + 1] as number) > 0 ? 1 : -1,
  );
  return { inputs, targets, count };
}

function trained(steps: number): Network {
  const net = new Network(SPEC, {
    optimizer: { name: 'adam', learningRate: 0.05, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 },
    regularization: { name: 'l2', rate: 0.01 },
  });
  initializeParameters(net, 'xavier', new Rng(5));
  const data = examples(40, 6);
  for (let s = 0; s < steps; s++) trainStep(net, data, null, (s * 10) % 40, 10);
  return net;
}

describe('the layout of the learned parameters', () => {
  it('gives PReLU and Swish one parameter, a mixture one per palette entry, fixed ones none', () => {
    const layout = activationParamLayout(SPEC.hidden, 4);
    expect([...layout.start]).toEqual([0, 1, 1, 5, 6, 10]);
    expect(layout.count).toBe(10);
    const net = new Network(SPEC);
    expect([...net.activationParamStart]).toEqual([...layout.start]);
    expect(exportActivationParams(net)).toEqual([
      [[0.25], [], [0, 0, 0, 0]],
      [[1], [0, 0, 0, 0]],
    ]);
  });

  it('learns the parameters: training moves every one of them away from its default', () => {
    const net = trained(30);
    const moved = Array.from(net.activationParams).map(
      (v, p) => v !== new Network(SPEC).activationParams[p],
    );
    expect(moved.every(Boolean)).toBe(true);
    expect(net.moment2ActivationParams.every((v) => v > 0)).toBe(true);
  });
});

describe('the mixture weights', () => {
  /** softmax(α) the textbook way, less the largest α. */
  const softmax = (alphas: readonly number[]) => {
    const top = Math.max(...alphas);
    const e = alphas.map((a) => Math.exp(a - top));
    const total = e.reduce((a, b) => a + b, 0);
    return e.map((v) => v / total);
  };
  const weightsFor = (alphas: readonly number[][]) => {
    const net = new Network({ ...SPEC, hidden: [alphas.map(() => 'mixture')] });
    net.activationParams.set(alphas.flat());
    refreshMixWeights(net);
    return alphas.map((_, n) => Array.from(net.mixWeights.subarray(4 * n, 4 * n + 4)));
  };

  it('are softmax(α) of each neuron, for small α and for α that would overflow e^α', () => {
    const alphas = [
      [0.5, -1, 2, 0],
      [800, 799, -1000, 0], // e^800 overflows: taken less 800
      [-3, 310, 1, 2],
      [-0.25, 0.75, 0, 0],
    ];
    weightsFor(alphas).forEach((weights, n) => {
      const expected = softmax(alphas[n] as number[]);
      weights.forEach((w, k) => expect(w).toBeCloseTo(expected[k] as number, 15));
      expect(weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 15);
    });
    // The same neuron gets the same weights whatever its neighbours hold.
    expect(weightsFor([[0.5, -1, 2, 0]])[0]).toEqual(weightsFor(alphas)[0]);
  });
});

describe('edits keep the weights and restart only what changed', () => {
  it('a neuron switched to a learned activation starts at its defaults with fresh state', () => {
    const net = trained(20);
    const weights = Float64Array.from(net.weights);
    const biases = Float64Array.from(net.biases);
    const swish = neuronActivationParams(net, 2, 0);
    const swishMoment = net.moment1ActivationParams[net.activationParamStart[3] as number];
    setActivation(net, 1, 1, 'prelu');
    expect(net.weights).toEqual(weights);
    expect(net.biases).toEqual(biases);
    expect(neuronActivationParams(net, 1, 1)).toEqual([0.25]);
    const at = net.activationParamStart[1] as number;
    expect([net.moment1ActivationParams[at], net.moment2ActivationParams[at]]).toEqual([0, 0]);
    // The others keep their values and their optimizer state.
    expect(neuronActivationParams(net, 2, 0)).toEqual(swish);
    expect(net.moment1ActivationParams[net.activationParamStart[3] as number]).toBe(swishMoment);
  });

  it('a neuron switched away from a learned activation drops its parameters', () => {
    const net = trained(10);
    const mix = neuronActivationParams(net, 2, 1);
    setActivation(net, 1, 0, 'relu');
    expect(neuronActivationParams(net, 1, 0)).toEqual([]);
    expect(net.activationParams).toHaveLength(9);
    expect(neuronActivationParams(net, 2, 1)).toEqual(mix);
    expect(net.learnedUnitCount).toBe(3);
  });

  it('a new palette resets the mixtures only, and bad palettes are refused', () => {
    const net = trained(10);
    const prelu = neuronActivationParams(net, 1, 0);
    const weights = Float64Array.from(net.weights);
    setMixturePalette(net, ['sin', 'linear']);
    expect(exportActivationParams(net)).toEqual([
      [prelu, [], [0, 0]],
      [neuronActivationParams(net, 2, 0), [0, 0]],
    ]);
    expect(net.weights).toEqual(weights);
    expect(() => setMixturePalette(net, ['sin'])).toThrow(SpecError);
    expect(() => setMixturePalette(net, ['sin', 'sin'])).toThrow(SpecError);
    expect(() => setMixturePalette(net, ['sin', 'prelu' as 'sin'])).toThrow(SpecError);
    const spec = (mixturePalette: string[]) => ({ ...SPEC, mixturePalette }) as NetworkSpec;
    expect(() => validateSpec(spec(['relu']))).toThrow('mixturePalette');
    expect(() => validateSpec(spec(['relu', 'swoosh']))).toThrow('mixturePalette[1]');
    expect(() => validateSpec(spec([...FIXED_ACTIVATION_IDS, 'relu']))).toThrow('mixturePalette');
    expect(() => validateSpec({ ...SPEC, hidden: [['tanh']], mixturePalette: [] })).not.toThrow();
  });
});

describe('the learned values everywhere they are drawn', () => {
  it('the heatmaps and the curve show the current learned activation, not the default', () => {
    const net = trained(40);
    const n = 24;
    const planes = new Float64Array(2 * n * n);
    for (let p = 0; p < n * n; p++) {
      planes[p] = -6 + (12 * (p % n)) / n;
      planes[n * n + p] = 6 - (12 * Math.floor(p / n)) / n;
    }
    const grid = new Float32Array(gridSize(net, n));
    evaluateGrid(net, planes, n, grid);
    let worst = 0;
    for (let p = 0; p < n * n; p++) {
      forward(net, [planes[p] as number, planes[n * n + p] as number]);
      for (let u = 2; u < net.unitCount; u++) {
        worst = Math.max(
          worst,
          Math.abs((grid[(u - 2) * n * n + p] as number) - (net.out[u] as number)),
        );
      }
    }
    expect(worst).toBeLessThan(1e-3);
    forward(net, [0.7, -1.3]);
    const mixUnit = net.unitIndex(1, 2);
    const curve = learnedActivationValue(
      'mixture',
      net.pre[mixUnit] as number,
      neuronActivationParams(net, 1, 2),
      net.mixturePalette,
    );
    expect(curve).toBeCloseTo(net.out[mixUnit] as number, 12);
  });

  it('imported parameters take effect in the next pass', () => {
    const net = new Network(SPEC);
    forward(net, [1, 1]);
    const before = net.out[net.unitIndex(1, 2)];
    importActivationParams(net, [
      [[0.1], [], [5, 0, 0, 0]],
      [[2], [0, 0, 0, 0]],
    ]);
    forward(net, [1, 1]);
    expect(net.out[net.unitIndex(1, 2)]).not.toBe(before);
    expect(() =>
      importActivationParams(net, [
        [[0.1], [], [1]],
        [[2], [0, 0, 0, 0]],
      ]),
    ).toThrow('activationParams[0][2]');
  });
});

describe('freezing the choices', () => {
  it('picks the largest weight of each mixture, first on ties, and nearby fixed equivalents', () => {
    const net = new Network({
      ...SPEC,
      hidden: [
        ['prelu', 'prelu', 'mixture'],
        ['swish', 'mixture', 'prelu'],
      ],
    });
    importActivationParams(net, [
      [[0.011], [0.3], [0.1, 2, -1, 2]],
      [[0.99], [0, 0, 0, 0], [0.004]],
    ]);
    expect(freezeMixtures(net)).toEqual([
      ['leaky_relu', 'prelu', 'tanh'],
      ['silu', 'relu', 'relu'],
    ]);
  });

  it('keeps every weight and bias, and the spared PReLU keeps learning from where it was', () => {
    const net = trained(25);
    const weights = Float64Array.from(net.weights);
    const biases = Float64Array.from(net.biases);
    const hidden = freezeMixtures(net);
    const changed = applyActivations(net, hidden);
    expect(net.activations).toEqual(hidden);
    expect(changed.map((c) => [c.layer, c.neuron, c.from])).toEqual(
      [
        [1, 2, 'mixture'],
        [2, 1, 'mixture'],
      ]
        .concat(hidden[0]?.[0] === 'prelu' ? [] : [[1, 0, 'prelu']])
        .sort(),
    );
    expect(net.weights).toEqual(weights);
    expect(net.biases).toEqual(biases);
    const palette: readonly ActivationId[] = SPEC.mixturePalette ?? [];
    expect(palette).toContain(hidden[0]?.[2]);
    expect(palette).toContain(hidden[1]?.[1]);
  });
});

describe('a learned parameter that becomes non-finite', () => {
  it('is found by neuron, activation and position', () => {
    const net = new Network(SPEC);
    expect(findNonFiniteActivationParam(net)).toBeNull();
    net.activationParams[(net.activationParamStart[4] as number) + 2] = NaN;
    expect(findNonFiniteActivationParam(net)).toEqual({
      layer: 2,
      neuron: 1,
      activation: 'mixture',
      index: 2,
    });
  });
});

describe('reading reference files of format 2', () => {
  it('refuses a format-2 case without its learned fields, and an unknown format', () => {
    const c = { name: 'c', inputSize: 2, layers: [], output: {}, loss: 'mse', init: {} };
    const text = (format: number) =>
      JSON.stringify({
        meta: { format },
        cases: [{ ...c, data: {}, training: {}, expected: {}, tolerance: {} }],
      });
    expect(() => parseReferenceCases(text(1))).not.toThrow();
    expect(() => parseReferenceCases(text(2))).toThrow(
      'lacks init.activationParams, training.edits, expected.initialActivationParamGradients',
    );
    expect(() => parseReferenceCases(text(3))).toThrow('format 3');
  });
});
