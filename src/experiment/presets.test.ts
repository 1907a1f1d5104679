import { describe, expect, it } from 'vitest';
import { checkDefinition } from './check';
import { runCount } from './definition';
import { experimentFromHash, experimentToHash } from './link';
import { PRESETS, presetById } from './presets';

describe('experiment presets', () => {
  it('offers the four presets of the issue', () => {
    expect(PRESETS.map((p) => p.title)).toEqual([
      'Spiral: all tanh vs two sine neurons',
      'Circle: ReLU vs tanh',
      'Deep network: sigmoid vs tanh',
      'Mixing fraction sweep: tanh and SiLU',
    ]);
    expect(presetById('deep-sigmoid-tanh')?.title).toBe('Deep network: sigmoid vs tanh');
  });

  it.each(PRESETS.map((p) => [p.title, p] as const))(
    '%s is a valid definition that survives its link',
    (_title, preset) => {
      expect(checkDefinition(preset.definition)).toEqual({
        definition: preset.definition,
        notes: [],
      });
      expect(experimentFromHash(experimentToHash(preset.definition))).toMatchObject({
        definition: preset.definition,
        notes: [],
      });
    },
  );

  it('sets each up as described', () => {
    const [spiral, circle, deep, sweep] = PRESETS.map((p) => p.definition);
    expect(spiral?.base.hidden.map((l) => l.length)).toEqual([8, 8]);
    expect(spiral?.base).toMatchObject({
      dataset: 'spiral',
      optimizer: 'adam',
      learningRate: 0.01,
    });
    expect(spiral?.variants.map((v) => v.rule)).toEqual([
      { kind: 'all', x: 'tanh' },
      { kind: 'fraction', x: 'tanh', y: 'sin', p: 0.25 },
    ]);
    expect(spiral && runCount(spiral)).toBe(20);
    expect(spiral?.epochs).toBe(500);
    expect(circle?.variants.map((v) => v.name)).toEqual(['All ReLU', 'All tanh']);
    expect(deep?.base.hidden.map((l) => l.length)).toEqual([4, 4, 4, 4, 4, 4]);
    expect(deep?.variants.map((v) => v.rule)).toEqual([
      { kind: 'all', x: 'sigmoid' },
      { kind: 'all', x: 'tanh' },
    ]);
    expect(sweep?.sweep).toEqual({ x: 'tanh', y: 'silu', steps: 5 });
    expect(sweep?.variants.map((v) => v.rule.kind === 'fraction' && v.rule.p)).toEqual([
      0, 0.25, 0.5, 0.75, 1,
    ]);
  });
});
