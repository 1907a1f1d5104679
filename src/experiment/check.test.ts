import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config';
import { checkDefinition } from './check';
import {
  EXPERIMENT_LIMITS,
  definitionFromConfig,
  sweepFractions,
  type ExperimentDefinition,
} from './definition';

const VALID: ExperimentDefinition = {
  version: 1,
  base: { ...DEFAULT_CONFIG, dataset: 'spiral' },
  variants: [
    { name: 'All tanh', rule: { kind: 'all', x: 'tanh' } },
    { name: 'Two sine', rule: { kind: 'fraction', x: 'tanh', y: 'sin', p: 0.25 } },
  ],
  seeds: { first: 3, count: 12 },
  epochs: 400,
  target: { metric: 'testAccuracy', value: 0.95 },
};

describe('checkDefinition', () => {
  it('keeps a valid definition as it is, without notes', () => {
    expect(checkDefinition(VALID)).toEqual({ definition: VALID, notes: [] });
    const plain = definitionFromConfig(DEFAULT_CONFIG);
    expect(checkDefinition(plain)).toEqual({ definition: plain, notes: [] });
  });

  it('survives a round trip through JSON', () => {
    expect(checkDefinition(JSON.parse(JSON.stringify(VALID))).definition).toEqual(VALID);
  });

  it('leaves out variants with unknown rules and says so', () => {
    const { definition, notes } = checkDefinition({
      ...VALID,
      variants: [...VALID.variants, { name: 'Zig', rule: { kind: 'zigzag', x: 'tanh' } }],
    });
    expect(definition.variants).toEqual(VALID.variants);
    expect(notes).toEqual([
      'variant 3: "zigzag" is not a rule (all, alternate, halves, fraction, asSet, choose) — left out',
    ]);
  });

  it('keeps the first six of too many variants', () => {
    const variants = Array.from({ length: 9 }, (_, i) => ({
      name: `v${i}`,
      rule: { kind: 'all', x: 'tanh' },
    }));
    const { definition, notes } = checkDefinition({ ...VALID, variants });
    expect(definition.variants.map((v) => v.name)).toEqual(['v0', 'v1', 'v2', 'v3', 'v4', 'v5']);
    expect(notes).toEqual(['variants: 9 variants — kept the first 6']);
  });

  it('clamps seeds and epochs into their limits and falls back on what is not a number', () => {
    const { definition, notes } = checkDefinition({
      ...VALID,
      seeds: { first: 1, count: 500 },
      epochs: 20000,
    });
    expect(definition.seeds).toEqual({ first: 1, count: EXPERIMENT_LIMITS.maxSeeds });
    expect(definition.epochs).toBe(EXPERIMENT_LIMITS.maxEpochs);
    expect(notes).toEqual([
      'seeds: 500 is not a whole number from 1 to 100 — used 100',
      'epochs: 20000 is not a whole number from 1 to 5000 — used 5000',
    ]);
    const bad = checkDefinition({ ...VALID, seeds: { count: 'ten' }, epochs: 2.5 });
    expect(bad.definition.seeds).toEqual({ first: 1, count: 10 });
    expect(bad.definition.epochs).toBe(3);
    expect(bad.notes).toEqual([
      'seeds: "ten" is not a number — used 10',
      'epochs: 2.5 is not a whole number from 1 to 5000 — used 3',
    ]);
  });

  it('keeps the last seed within the seed setting', () => {
    const { definition } = checkDefinition({ ...VALID, seeds: { first: 0xffffffff, count: 5 } });
    expect(definition.seeds).toEqual({ first: 0xffffffff - 4, count: 5 });
  });

  it('falls back on a malformed fraction and clamps one out of range', () => {
    const rule = (p: unknown) => ({
      ...VALID,
      variants: [{ name: 'f', rule: { kind: 'fraction', x: 'tanh', y: 'sin', p } }],
    });
    const malformed = checkDefinition(rule('half'));
    expect(malformed.definition.variants[0]?.rule).toMatchObject({ p: 0.5 });
    expect(malformed.notes).toEqual([
      'variant 1 p: "half" is not a fraction from 0 to 1 — used 0.5',
    ]);
    expect(checkDefinition(rule(1.5)).definition.variants[0]?.rule).toMatchObject({ p: 1 });
    expect(checkDefinition(rule(0.33333)).definition.variants[0]?.rule).toMatchObject({
      p: 0.333,
    });
  });

  it('gives an unknown activation the base network’s activation for new neurons', () => {
    const { definition, notes } = checkDefinition({
      ...VALID,
      base: { ...VALID.base, defaultActivation: 'relu' },
      variants: [{ name: 'x', rule: { kind: 'alternate', x: 'wobble', y: 'sin' } }],
    });
    expect(definition.variants[0]?.rule).toEqual({ kind: 'alternate', x: 'relu', y: 'sin' });
    expect(notes).toEqual(['variant 1 x: "wobble" is not an activation — used relu']);
  });

  it('measures the target the data set calls for', () => {
    const { definition, notes } = checkDefinition({
      ...VALID,
      base: { ...VALID.base, dataset: 'reg-plane' },
    });
    expect(definition.target).toEqual({ metric: 'testLoss', value: 0.01 });
    expect(notes).toEqual(['target: reg-plane is measured by test loss — used test loss 0.01']);
  });

  it('names unnamed variants by their rule and keeps names apart', () => {
    const { definition } = checkDefinition({
      ...VALID,
      variants: [
        { rule: { kind: 'all', x: 'tanh' } },
        { name: '  All   Tanh ', rule: { kind: 'all', x: 'sin' } },
      ],
    });
    expect(definition.variants.map((v) => v.name)).toEqual(['All Tanh', 'All Tanh (2)']);
  });

  it('repairs a broken base setting by setting', () => {
    const { definition, notes } = checkDefinition({
      ...VALID,
      base: { ...VALID.base, noise: 500, hidden: 'lots' },
    });
    expect(definition.base).toEqual({
      ...VALID.base,
      noise: DEFAULT_CONFIG.noise,
      hidden: DEFAULT_CONFIG.hidden,
    });
    expect(notes).toHaveLength(2);
  });

  it('makes a sweep’s variants from its rule, p from 0 to 1', () => {
    expect(sweepFractions(5)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(sweepFractions(4)).toEqual([0, 0.333, 0.667, 1]);
    const { definition } = checkDefinition({
      ...VALID,
      variants: undefined,
      sweep: { x: 'tanh', y: 'silu', steps: 3 },
    });
    expect(definition.variants).toEqual([
      { name: 'p = 0', rule: { kind: 'fraction', x: 'tanh', y: 'silu', p: 0 } },
      { name: 'p = 0.5', rule: { kind: 'fraction', x: 'tanh', y: 'silu', p: 0.5 } },
      { name: 'p = 1', rule: { kind: 'fraction', x: 'tanh', y: 'silu', p: 1 } },
    ]);
    expect(checkDefinition(definition)).toEqual({ definition, notes: [] });
  });

  it('opens anything at all as the default experiment', () => {
    for (const input of [null, 7, 'exp', [], { variants: 'x', seeds: [] }]) {
      const { definition, notes } = checkDefinition(input);
      expect(definition.base).toEqual(DEFAULT_CONFIG);
      expect(definition.variants.length).toBeGreaterThan(0);
      expect(notes.length).toBeGreaterThan(0);
    }
  });
});
