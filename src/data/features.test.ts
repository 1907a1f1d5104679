import { describe, it, expect } from 'vitest';
import { gridX, gridY } from '../nn/grid';
import {
  FEATURES,
  FEATURE_IDS,
  computeFeatures,
  featureInfo,
  featurePlanes,
  isFeatureId,
  type FeatureId,
} from './features';

describe('the feature catalogue', () => {
  it('lists the seven features in display order with their labels', () => {
    expect(FEATURE_IDS).toEqual(['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2']);
    expect(FEATURES.map((f) => f.id)).toEqual([...FEATURE_IDS]);
    expect(FEATURES.map((f) => f.label)).toEqual([
      'x1',
      'x2',
      'x1 squared',
      'x2 squared',
      'x1 times x2',
      'sin x1',
      'sin x2',
    ]);
    for (const f of FEATURES) expect(f.formula.length).toBeGreaterThan(0);
  });

  it('recognises feature ids and rejects anything else', () => {
    for (const id of FEATURE_IDS) expect(isFeatureId(id)).toBe(true);
    for (const v of ['x3', 'X1', 'sin x1', 1, null, undefined]) expect(isFeatureId(v)).toBe(false);
    expect(featureInfo('x1x2').label).toBe('x1 times x2');
    expect(() => featureInfo('cosx1' as FeatureId)).toThrow(RangeError);
  });

  it('computes each feature at a few points', () => {
    const expected: Record<FeatureId, (x: number, y: number) => number> = {
      x1: (x) => x,
      x2: (_x, y) => y,
      x1sq: (x) => x ** 2,
      x2sq: (_x, y) => y ** 2,
      x1x2: (x, y) => x * y,
      sinx1: (x) => Math.sin(x),
      sinx2: (_x, y) => Math.sin(y),
    };
    for (const [x, y] of [
      [0, 0],
      [2, -3],
      [-5.5, 1.25],
      [Math.PI / 2, -Math.PI / 2],
    ] as const) {
      for (const id of FEATURE_IDS) {
        expect(featureInfo(id).compute(x, y)).toBeCloseTo(expected[id](x, y), 12);
      }
    }
    expect(featureInfo('x1sq').compute(-3, 7)).toBe(9);
    expect(featureInfo('x2sq').compute(-3, 7)).toBe(49);
    expect(featureInfo('x1x2').compute(-3, 7)).toBe(-21);
    expect(featureInfo('sinx2').compute(0, Math.PI / 2)).toBe(1);
  });
});

describe('computeFeatures', () => {
  it('writes the chosen features in their given order at the offset', () => {
    const out = new Float64Array(6).fill(-99);
    computeFeatures(['x2', 'x1x2', 'x1'], 2, 5, out, 2);
    expect([...out]).toEqual([-99, -99, 5, 10, 2, -99]);
  });

  it('writes nothing for an empty feature list', () => {
    const out = new Float64Array(2).fill(7);
    computeFeatures([], 1, 1, out, 0);
    expect([...out]).toEqual([7, 7]);
  });
});

describe('featurePlanes', () => {
  it('lays out one n×n image per feature with row 0 at the top and column 0 at the left', () => {
    const n = 4;
    const planes = featurePlanes(['x1', 'x2'], n);
    expect(planes).toHaveLength(2 * n * n);
    // Top-left cell centre: x = -6 + 1.5, y = 6 - 1.5.
    expect(planes[0]).toBeCloseTo(-4.5, 12);
    expect(planes[n * n]).toBeCloseTo(4.5, 12);
    // Top-right: x near +6, still the top row.
    expect(planes[n - 1]).toBeCloseTo(4.5, 12);
    expect(planes[n * n + n - 1]).toBeCloseTo(4.5, 12);
    // Bottom-left: x near -6, y near -6.
    expect(planes[(n - 1) * n]).toBeCloseTo(-4.5, 12);
    expect(planes[n * n + (n - 1) * n]).toBeCloseTo(-4.5, 12);
  });

  it('puts the top-left cell near (-6, +6) on a fine grid', () => {
    const n = 100;
    const planes = featurePlanes(['x1', 'x2', 'x1x2'], n);
    expect(planes[0]).toBeCloseTo(-5.94, 10);
    expect(planes[n * n]).toBeCloseTo(5.94, 10);
    expect(planes[2 * n * n]).toBeCloseTo(-5.94 * 5.94, 10);
  });

  it('matches computing every feature at every grid point', () => {
    const n = 7;
    const features: FeatureId[] = ['sinx2', 'x1sq', 'x1x2', 'sinx1'];
    const planes = featurePlanes(features, n);
    const one = new Float64Array(features.length);
    for (let row = 0; row < n; row++) {
      for (let col = 0; col < n; col++) {
        computeFeatures(features, gridX(col, n), gridY(row, n), one, 0);
        features.forEach((_, i) => {
          expect(planes[i * n * n + row * n + col]).toBe(one[i]);
        });
      }
    }
  });
});
