import { describe, expect, it } from 'vitest';
import type { ActivationId } from '../../nn';
import { activationParamLayout } from './contract';
import { layerChoices, sameChoices } from './choiceSummary';
import { blendInto, learnedValue, learnedWords, neuronParams, rankedBlend } from './learnedValues';
import { toggledPalette } from './MixPaletteEditor';

const PALETTE = ['relu', 'tanh', 'sin'] as const;

describe('a learned neuron in words', () => {
  it('names a mix by its leading entries with their shares, largest first', () => {
    // softmax(ln 71, ln 18, ln 11) = 0.71, 0.18, 0.11
    const values = [Math.log(18), Math.log(11), Math.log(71)];
    expect(learnedWords('mixture', { values, start: 0 }, PALETTE)).toBe(': 71% Sine, 18% ReLU, …');
  });

  it('says an even blend before the first frame, and the slope or β of the others', () => {
    expect(learnedWords('mixture', { values: null, start: 0 }, PALETTE)).toBe(
      ': 33% ReLU, 33% Tanh, …',
    );
    expect(learnedWords('prelu', { values: [9, 0.213], start: 1 }, PALETTE)).toBe(
      ', slope a = 0.21',
    );
    expect(learnedWords('prelu', { values: null, start: 0 }, PALETTE)).toBe(', slope a = 0.25');
    expect(learnedWords('swish', { values: [1.5], start: 0 }, PALETTE)).toBe(', β = 1.50');
  });

  it('breaks ties in palette order', () => {
    expect(rankedBlend(PALETTE, [0.4, 0.2, 0.4]).map((e) => e.id)).toEqual(['relu', 'sin', 'tanh']);
  });
});

describe('a learned curve', () => {
  it('follows the parameters: PReLU slope, Swish β, a mix of its palette', () => {
    expect(learnedValue('prelu', [0.5], [], -2)).toBe(-1);
    expect(learnedValue('prelu', [0.5], [], 3)).toBe(3);
    expect(learnedValue('swish', [2], [], 1)).toBeCloseTo(1 / (1 + Math.exp(-2)), 12);
    const even = neuronParams('mixture', { values: null, start: 0 }, 3);
    expect(even).toEqual([0, 0, 0]);
    const mix = learnedValue('mixture', even, PALETTE, 1);
    expect(mix).toBeCloseTo((1 + Math.tanh(1) + Math.sin(1)) / 3, 12);
    expect(neuronParams('prelu', { values: [7, 0.1], start: 1 }, 3)).toEqual([0.1]);
  });

  it('blends without overflow when an α is huge', () => {
    const weights = blendInto({ values: [1000, 0, -1000], start: 0 }, new Float64Array(3));
    expect([...weights]).toEqual([1, 0, 0]);
  });
});

describe('what the network chose', () => {
  it('averages the blends of each layer’s mixes and skips layers without one', () => {
    const hidden: ActivationId[][] = [['mixture', 'prelu', 'mixture'], ['tanh'], ['mixture']];
    const layout = activationParamLayout(hidden, 3);
    expect(layout.count).toBe(10);
    const params = new Float64Array(layout.count);
    // Neuron 1: all on relu; neuron 3 (after prelu's one parameter): all on sin.
    params.set([50, 0, 0], 0);
    params.set([0, 0, 50], 4);
    const choices = layerChoices(hidden, PALETTE, layout, params);
    expect(choices.map((c) => c.layer)).toEqual([1, 3]);
    expect(choices[0]?.mixes).toBe(2);
    expect(choices[0]?.shares[0]).toBeCloseTo(0.5, 9);
    expect(choices[0]?.shares[2]).toBeCloseTo(0.5, 9);
    expect(choices[1]?.shares).toEqual([1 / 3, 1 / 3, 1 / 3]);
    expect(sameChoices(choices, layerChoices(hidden, PALETTE, layout, params))).toBe(true);
    expect(sameChoices(choices, layerChoices(hidden, PALETTE, layout, null))).toBe(false);
  });
});

describe('the mix palette editor', () => {
  it('appends a ticked entry and drops an unticked one, keeping the order', () => {
    expect(toggledPalette(['relu', 'tanh'], 'sin')).toEqual(['relu', 'tanh', 'sin']);
    expect(toggledPalette(['relu', 'tanh', 'sin'], 'tanh')).toEqual(['relu', 'sin']);
  });
});
