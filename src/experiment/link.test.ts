import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, configToHash } from '../config';
import { checkDefinition } from './check';
import { type ExperimentDefinition } from './definition';
import { encodeExperiment, experimentFromHash, experimentToHash, splitExperiment } from './link';

const SPIRAL = { ...DEFAULT_CONFIG, dataset: 'spiral' as const, optimizer: 'adam' as const };

const DEFINITION: ExperimentDefinition = checkDefinition({
  base: SPIRAL,
  variants: [
    { name: 'All Tanh', rule: { kind: 'all', x: 'tanh' } },
    {
      name: 'Two sine; per layer + more',
      rule: { kind: 'fraction', x: 'tanh', y: 'sin', p: 0.25 },
    },
    { rule: { kind: 'alternate', x: 'relu', y: 'leaky_relu' } },
    { rule: { kind: 'halves', x: 'gelu', y: 'tanh' } },
    { rule: { kind: 'asSet' } },
  ],
  seeds: { first: 5, count: 12 },
  epochs: 750,
  target: { metric: 'testAccuracy', value: 0.95 },
}).definition;

describe('the experiment in the link', () => {
  it('writes a readable exp key after the playground’s own keys', () => {
    expect(encodeExperiment(DEFINITION)).toBe(
      'variants:all(tanh)+frac(tanh,sin,0.25)@Two%20sine%3B%20per%20layer%20%2B%20more' +
        '+alt(relu,leaky_relu)+halves(gelu,tanh)+set;seeds:5-16;epochs:750;target:acc:0.95',
    );
    expect(experimentToHash(DEFINITION).startsWith(`${configToHash(SPIRAL)}&exp=`)).toBe(true);
    const tenSeeds = { ...DEFINITION, seeds: { first: 1, count: 10 } };
    expect(encodeExperiment(tenSeeds)).toContain(';seeds:10;');
  });

  it('reads back exactly the definition it wrote', () => {
    const parsed = experimentFromHash(experimentToHash(DEFINITION));
    expect(parsed.notes).toEqual([]);
    expect(parsed.definition).toEqual(DEFINITION);
    expect(parsed.config).toEqual(SPIRAL);
  });

  it('round-trips a sweep and a regression target', () => {
    const sweep = checkDefinition({
      base: { ...DEFAULT_CONFIG, dataset: 'reg-gauss', learningRate: 0.003 },
      sweep: { x: 'tanh', y: 'silu', steps: 5 },
      seeds: { first: 1, count: 20 },
      epochs: 1000,
      target: { metric: 'testLoss', value: 0.025 },
    }).definition;
    const hash = experimentToHash(sweep);
    expect(hash).toContain(
      '&exp=sweep:frac(tanh,silu);steps:5;seeds:20;epochs:1000;target:loss:0.025',
    );
    expect(experimentFromHash(hash)).toMatchObject({ definition: sweep, notes: [] });
  });

  it('keeps the exp key away from the playground’s reading of the link', () => {
    const split = splitExperiment('#dataset=xor&exp=epochs:5&seed=3');
    expect(split).toEqual({ experiment: 'epochs:5', rest: '#dataset=xor&seed=3', repeated: false });
    const plain = experimentFromHash('#dataset=xor&seed=3');
    expect(plain.definition).toBeNull();
    expect(plain.config).toMatchObject({ dataset: 'xor', seed: 3 });
    expect(plain.notes).toEqual([]);
  });

  it('opens a link with bad parts, each falling back with a notice', () => {
    const hash =
      '#dataset=circle&exp=variants:all(tanh)+zigzag(tanh)+frac(tanh,sin,lots)+frac(tanh,sin,2)' +
      '+all(tanh)+all(relu)+all(sin)+all(elu)+all(gelu);seeds:1000;epochs:99999;colour:red';
    const { definition, notes } = experimentFromHash(hash);
    expect(definition?.variants.map((v) => v.rule)).toEqual([
      { kind: 'all', x: 'tanh' },
      { kind: 'fraction', x: 'tanh', y: 'sin', p: 0.5 },
      { kind: 'fraction', x: 'tanh', y: 'sin', p: 1 },
      { kind: 'all', x: 'tanh' },
      { kind: 'all', x: 'relu' },
      { kind: 'all', x: 'sin' },
    ]);
    expect(definition?.seeds).toEqual({ first: 1, count: 100 });
    expect(definition?.epochs).toBe(5000);
    expect(notes).toEqual([
      'exp: "colour" is not part of an experiment — ignored',
      'variant 2: "zigzag" is not a rule (all, alternate, halves, fraction, asSet, choose) — left out',
      'variant 3 p: "lots" is not a fraction from 0 to 1 — used 0.5',
      'variant 4 p: 2 is not a fraction from 0 to 1 — used 1',
      'variants: 8 variants — kept the first 6',
      'seeds: 1000 is not a whole number from 1 to 100 — used 100',
      'epochs: 99999 is not a whole number from 1 to 5000 — used 5000',
    ]);
  });

  it('tells the problems of the playground’s keys and of the experiment together', () => {
    const { definition, notes } = experimentFromHash(
      '#dataset=nowhere&exp=variants:all(wobble);epochs:ten;target:loss:0.1',
    );
    expect(definition?.base.dataset).toBe('circle');
    expect(definition?.epochs).toBe(300);
    expect(notes).toEqual([
      expect.stringMatching(/^dataset: "nowhere"/),
      'variant 1 x: "wobble" is not an activation — used tanh',
      'epochs: "ten" is not a number — used 300',
      'target: circle is measured by test accuracy — used test accuracy 0.9',
    ]);
  });

  it('reads a value that something percent-encoded whole', () => {
    const value = encodeExperiment(DEFINITION);
    const hash = `${configToHash(SPIRAL)}&exp=${encodeURIComponent(value)}`;
    expect(experimentFromHash(hash).definition).toEqual(DEFINITION);
  });

  it('opens anything at all', () => {
    for (const hash of [
      '#exp',
      '#exp=',
      '#exp=;;:',
      '#exp=variants:',
      '#exp=%E0%A4%A',
      '#exp=(((',
    ]) {
      const parsed = experimentFromHash(hash);
      expect(parsed.definition?.variants.length).toBeGreaterThan(0);
    }
    expect(experimentFromHash('').definition).toBeNull();
  });
});
