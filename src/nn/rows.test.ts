/**
 * Training and evaluation run blocks of examples (rows) through the layers together, in
 * blocks of four units and pairs of rows, with the activations over runs of units: none of
 * that may change a number. Each test here compares a block computation with the same thing
 * done one example at a time, and asks for bit-identical results. (That each run kernel
 * computes its activation's scalar value and slope is tested in activationTable.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { exampleLoss, forward } from './forward';
import { initializeParameters } from './init';
import { Network, ROWS } from './network';
import { Rng } from './rng';
import type { NetworkSpec } from './spec';
import { computeGradient, evaluate, type Examples } from './train';

/** Odd sizes everywhere, so every remainder path runs: 3 inputs, layers of 5, 7 and 3. */
const SPEC: NetworkSpec = {
  inputSize: 3,
  hidden: [
    ['tanh', 'sin', 'relu', 'elu', 'softplus'],
    ['gaussian', 'gelu', 'gelu', 'mish', 'sigmoid', 'silu', 'tanh'],
    ['selu', 'cos', 'softsign'],
  ],
  output: { size: 2, activation: 'softmax', loss: 'crossentropy' },
};

/** More than two blocks of rows, and an odd number of them. */
const COUNT = 2 * ROWS + 5;

function examples(rng: Rng): Examples {
  const inputs = Float64Array.from({ length: COUNT * 3 }, () => rng.uniform(-3, 3));
  const targets = new Float64Array(COUNT * 2);
  for (let n = 0; n < COUNT; n++) targets[2 * n + (rng.next() < 0.5 ? 0 : 1)] = 1;
  return { inputs, targets, count: COUNT };
}

function built(seed: number): { net: Network; data: Examples } {
  const rng = new Rng(seed);
  const net = new Network(SPEC);
  initializeParameters(net, 'auto', rng);
  return { net, data: examples(rng) };
}

/** The entries as strings, so that -0 and 0 differ and NaN equals NaN. */
const bits = (values: ArrayLike<number>) =>
  Array.from(values, (v) => (Object.is(v, -0) ? '-0' : String(v)));

describe('a block of rows computes what one example at a time would', () => {
  it('gives the same gradient as the per-example gradients summed in order', () => {
    const { net, data } = built(3);
    computeGradient(net, data);
    const blockWeights = net.gradWeights.slice();
    const blockBiases = net.gradBiases.slice();

    const sumWeights = new Float64Array(net.gradWeights.length);
    const sumBiases = new Float64Array(net.gradBiases.length);
    for (let n = 0; n < COUNT; n++) {
      const one: Examples = {
        inputs: data.inputs.subarray(3 * n, 3 * n + 3),
        targets: data.targets.subarray(2 * n, 2 * n + 2),
        count: 1,
      };
      computeGradient(net, one); // one example: the gradient is its own sum (scale 1)
      net.gradWeights.forEach((g, i) => (sumWeights[i] = (sumWeights[i] as number) + g));
      net.gradBiases.forEach((g, i) => (sumBiases[i] = (sumBiases[i] as number) + g));
    }
    const scale = 1 / COUNT;
    expect(bits(blockWeights)).toEqual(bits(sumWeights.map((g) => g * scale)));
    expect(bits(blockBiases.subarray(3))).toEqual(
      bits(sumBiases.subarray(3).map((g) => g * scale)),
    );
  });

  it('gives the same loss and outputs as forward, example by example', () => {
    const { net, data } = built(4);
    const { loss } = evaluate(net, data);
    let sum = 0;
    for (let n = 0; n < COUNT; n++) {
      forward(net, data.inputs, 3 * n);
      sum += exampleLoss(net, data.targets, 2 * n);
    }
    expect(loss).toBe(sum / COUNT);
  });
});
