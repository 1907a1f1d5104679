import { describe, expect, it } from 'vitest';
import type { ActivationId } from '../nn';
import { applyRule, fractionCount, fractionOrder, ruleLabel } from './rules';

const NET: ActivationId[][] = [
  ['relu', 'relu', 'relu', 'relu', 'relu'],
  ['gaussian', 'cos'],
  ['elu'],
];

function sines(hidden: readonly (readonly ActivationId[])[]): number[][] {
  return hidden.map((layer) => layer.flatMap((id, j) => (id === 'sin' ? [j] : [])));
}

describe('variant rules', () => {
  it('gives every hidden neuron x under "all", keeping the shape', () => {
    expect(applyRule({ kind: 'all', x: 'tanh' }, NET, 1)).toEqual([
      ['tanh', 'tanh', 'tanh', 'tanh', 'tanh'],
      ['tanh', 'tanh'],
      ['tanh'],
    ]);
  });

  it('alternates x and y within each layer, starting again with x in every layer', () => {
    expect(applyRule({ kind: 'alternate', x: 'tanh', y: 'sin' }, NET, 1)).toEqual([
      ['tanh', 'sin', 'tanh', 'sin', 'tanh'],
      ['tanh', 'sin'],
      ['tanh'],
    ]);
  });

  it('gives the first half x (the larger half of an odd layer) and the second half y', () => {
    expect(applyRule({ kind: 'halves', x: 'tanh', y: 'sin' }, NET, 1)).toEqual([
      ['tanh', 'tanh', 'tanh', 'sin', 'sin'],
      ['tanh', 'sin'],
      ['tanh'],
    ]);
  });

  it('keeps the network as set under "asSet", as a copy', () => {
    const out = applyRule({ kind: 'asSet' }, NET, 1);
    expect(out).toEqual(NET);
    expect(out[0]).not.toBe(NET[0]);
  });

  it('turns round(p · size) neurons of each layer to y under "fraction", halves rounding up', () => {
    expect(fractionCount(0.25, 8)).toBe(2);
    expect(fractionCount(0.5, 5)).toBe(3);
    expect(fractionCount(0.7, 5)).toBe(4); // 0.7 · 5 is 3.4999… in floating point
    expect(fractionCount(0.1, 4)).toBe(0);
    expect(fractionCount(1, 16)).toBe(16);
    const out = applyRule({ kind: 'fraction', x: 'tanh', y: 'sin', p: 0.4 }, NET, 3);
    expect(sines(out).map((layer) => layer.length)).toEqual([2, 1, 0]);
    expect(out.flat().filter((id) => id === 'tanh')).toHaveLength(5);
  });

  it('picks the neurons of a fraction from the seed: the same for every run of a seed', () => {
    const rule = { kind: 'fraction', x: 'tanh', y: 'sin', p: 0.25 } as const;
    const wide = [Array<ActivationId>(8).fill('relu'), Array<ActivationId>(8).fill('relu')];
    expect(sines(applyRule(rule, wide, 7))).toEqual(sines(applyRule(rule, wide, 7)));
    // Fixed for seed 7 by the generator; a change here changes every saved experiment.
    expect(fractionOrder(8, 0, 7)).toEqual([5, 0, 7, 2, 6, 1, 3, 4]);
    expect(fractionOrder(8, 1, 7)).toEqual([4, 6, 7, 5, 0, 2, 3, 1]);
    expect(sines(applyRule(rule, wide, 7))).toEqual([
      [0, 5],
      [4, 6],
    ]);
    const patterns = new Set(
      Array.from({ length: 20 }, (_, seed) => JSON.stringify(sines(applyRule(rule, wide, seed)))),
    );
    expect(patterns.size).toBeGreaterThan(10);
  });

  it('picks the same neurons whatever the activations, and nests: a larger p only adds neurons', () => {
    const shape = [Array<ActivationId>(16).fill('relu'), Array<ActivationId>(6).fill('sigmoid')];
    const other = shape.map((layer) => layer.map((): ActivationId => 'gelu'));
    let previous: number[][] = [[], []];
    for (let k = 0; k <= 16; k++) {
      const p = k / 16;
      const picked = sines(applyRule({ kind: 'fraction', x: 'tanh', y: 'sin', p }, shape, 42));
      const elsewhere = applyRule({ kind: 'fraction', x: 'elu', y: 'sin', p }, other, 42);
      expect(sines(elsewhere)).toEqual(picked);
      picked.forEach((layer, l) =>
        expect(layer).toEqual(expect.arrayContaining(previous[l] ?? [])),
      );
      previous = picked;
    }
    expect(previous).toEqual([Array.from({ length: 16 }, (_, j) => j), [0, 1, 2, 3, 4, 5]]);
  });

  it('changes one layer only when asked, picking what the whole network would for that layer', () => {
    const rule = { kind: 'fraction', x: 'tanh', y: 'sin', p: 0.6 } as const;
    const whole = applyRule(rule, NET, 9);
    const one = applyRule(rule, NET, 9, 0);
    expect(one[0]).toEqual(whole[0]);
    expect(one.slice(1)).toEqual(NET.slice(1));
  });

  it('names a rule in words', () => {
    expect(ruleLabel({ kind: 'all', x: 'tanh' })).toBe('All Tanh');
    expect(ruleLabel({ kind: 'alternate', x: 'tanh', y: 'sin' })).toBe('Tanh and Sine alternating');
    expect(ruleLabel({ kind: 'halves', x: 'relu', y: 'tanh' })).toBe('ReLU then Tanh (halves)');
    expect(ruleLabel({ kind: 'fraction', x: 'tanh', y: 'silu', p: 0.25 })).toBe(
      'SiLU in 25% of each layer, rest Tanh',
    );
    expect(ruleLabel({ kind: 'asSet' })).toBe('As set');
  });
});
