import { describe, expect, it } from 'vitest';
import { atNeuron, hiddenIndexOf, hiddenNeuronCount } from './neurons';

describe('hidden neuron indices', () => {
  const layerSizes = [4, 2, 3];

  it('counts the hidden neurons', () => {
    expect(hiddenNeuronCount(layerSizes)).toBe(9);
    expect(hiddenNeuronCount([])).toBe(0);
  });

  it('numbers hidden neurons first layer first, from 0', () => {
    expect(hiddenIndexOf({ layer: 1, neuron: 1 }, layerSizes)).toBe(0);
    expect(hiddenIndexOf({ layer: 1, neuron: 4 }, layerSizes)).toBe(3);
    expect(hiddenIndexOf({ layer: 2, neuron: 1 }, layerSizes)).toBe(4);
    expect(hiddenIndexOf({ layer: 3, neuron: 3 }, layerSizes)).toBe(8);
  });

  it("reads a page neuron's entry of the config's hidden layers", () => {
    const hidden = [['tanh', 'relu'], ['sigmoid']];
    expect(atNeuron(hidden, { layer: 1, neuron: 2 })).toBe('relu');
    expect(atNeuron(hidden, { layer: 2, neuron: 1 })).toBe('sigmoid');
    expect(atNeuron(hidden, { layer: 2, neuron: 2 })).toBeUndefined();
    expect(atNeuron(hidden, { layer: 3, neuron: 1 })).toBeUndefined();
  });
});
