/**
 * A custom neuron in the engine: trained, evaluated on the grid and measured by the statistics
 * exactly as the same network built with the fixed activation the expression spells.
 */
import { describe, expect, it } from 'vitest';
import {
  Network,
  Rng,
  evaluateGrid,
  gridSize,
  initializeParameters,
  readNeuronStats,
  setActivation,
  setCustomActivation,
  trainStep,
  type ActivationId,
  type Examples,
  type NetworkSpec,
} from '../nn';
import { compileExpression } from './index';

function examples(count: number, seed: number): Examples {
  const rng = new Rng(seed);
  const inputs = Float64Array.from({ length: 2 * count }, () => rng.uniform(-4, 4));
  const targets = Float64Array.from({ length: count }, (_, n) =>
    Math.hypot(inputs[2 * n] as number, inputs[2 * n + 1] as number) < 2.5 ? 1 : -1,
  );
  return { inputs, targets, count };
}

function spec(hidden: ActivationId[][]): NetworkSpec {
  return { inputSize: 2, hidden, output: { size: 1, activation: 'tanh', loss: 'mse' } };
}

/** A network trained 30 steps with Adam from seed 3 on fixed data; `custom` compiled from `text`. */
function trained(hidden: ActivationId[][], text: string | null, steps = 30): Network {
  const net = new Network(spec(hidden), {
    optimizer: { name: 'adam', learningRate: 0.03, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 },
    regularization: { name: 'l2', rate: 0.001 },
  });
  if (text !== null) setCustomActivation(net, compileExpression(text));
  initializeParameters(net, 'xavier', new Rng(3));
  const data = examples(50, 9);
  for (let s = 0; s < steps; s++) trainStep(net, data, null, (s * 10) % 50, 10);
  return net;
}

function grid(net: Network): Float32Array {
  const n = 12;
  const planes = new Float64Array(2 * n * n);
  for (let p = 0; p < n * n; p++) {
    planes[p] = -6 + (12 * (p % n)) / (n - 1);
    planes[n * n + p] = 6 - (12 * Math.floor(p / n)) / (n - 1);
  }
  const out = new Float32Array(gridSize(net, n));
  evaluateGrid(net, planes, n, out);
  return out;
}

describe('a custom neuron in the engine', () => {
  it.each([
    ['x', 'linear'],
    ['tanh(x)', 'tanh'],
    ['sigmoid(x)', 'sigmoid'],
  ] as const)('trains %s exactly as the fixed %s activation, bit for bit', (text, id) => {
    const custom = trained(
      [
        ['custom', 'relu', 'custom'],
        ['custom', 'tanh'],
      ],
      text,
    );
    const fixed = trained(
      [
        [id, 'relu', id],
        [id, 'tanh'],
      ],
      null,
    );
    expect(custom.weights).toEqual(fixed.weights);
    expect(custom.biases).toEqual(fixed.biases);
    expect(custom.moment2Weights).toEqual(fixed.moment2Weights);
    const stats = [readNeuronStats(custom), readNeuronStats(fixed)];
    expect(stats[0]).toEqual(stats[1]);
    expect(custom.activations[0]).toEqual(['custom', 'relu', 'custom']);
  });

  it('draws the heatmaps of a custom neuron as its fixed twin, to display precision', () => {
    for (const [text, id] of [
      ['x', 'linear'],
      ['tanh(x)', 'tanh'],
    ] as const) {
      const a = grid(trained([['custom', 'sin']], text, 5));
      const b = grid(trained([[id, 'sin']], null, 5));
      for (let i = 0; i < a.length; i++) expect(Math.abs(a[i]! - b[i]!)).toBeLessThan(1e-4);
    }
  });

  it('switches a live neuron to custom keeping its weights, and follows a new expression', () => {
    const net = trained([['tanh', 'tanh']], 'x * sin(x)', 3);
    const weights = net.weights.slice();
    setActivation(net, 1, 0, 'custom');
    expect(net.weights).toEqual(weights);
    expect(net.learnedUnitCount).toBe(1);
    expect(net.activationParams).toHaveLength(0);
    const before = grid(net);
    setCustomActivation(net, compileExpression('x'));
    expect(grid(net)).not.toEqual(before);
  });

  it('gives NaN, not a crash, for a custom neuron without kernels', () => {
    const net = new Network(spec([['custom']]));
    initializeParameters(net, 'xavier', new Rng(1));
    expect(() => trainStep(net, examples(4, 1), null, 0, 4)).toThrow(/loss/);
  });
});
