import { describe, it, expect } from 'vitest';
import { Rng } from '../nn/rng';
import { checkerboardLabel } from './classify';
import {
  DATASETS,
  datasetInfo,
  generateDataset,
  isDatasetId,
  type DatasetId,
  type Point,
} from './datasets';
import { multiGaussTarget, planeTarget } from './regress';

const IDS = DATASETS.map((d) => d.id);

function countLabels(points: readonly Point[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const p of points) counts.set(p.label, (counts.get(p.label) ?? 0) + 1);
  return counts;
}

function variance(values: readonly number[]): number {
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  return values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
}

function maxAbsCoordinate(points: readonly Point[]): number {
  return Math.max(...points.map((p) => Math.max(Math.abs(p.x), Math.abs(p.y))));
}

describe('the dataset catalogue', () => {
  it('lists the ten datasets with binary first, then multiclass, then regression', () => {
    expect(IDS).toEqual([
      'circle',
      'xor',
      'gauss',
      'spiral',
      'moons',
      'checkerboard',
      'spiral3',
      'blobs4',
      'reg-plane',
      'reg-gauss',
    ]);
    const kinds = DATASETS.map((d) => d.kind);
    expect(kinds).toEqual([...kinds].sort((a, b) => order(a) - order(b)));
  });

  it('gives the labels, class counts and default sizes the page shows', () => {
    expect(DATASETS.map((d) => d.label)).toEqual([
      'Circle',
      'Exclusive or',
      'Gaussian',
      'Spiral',
      'Moons',
      'Checkerboard',
      '3-class spiral',
      '4 blobs',
      'Plane',
      'Multi Gaussian',
    ]);
    expect(datasetInfo('spiral3').classes).toBe(3);
    expect(datasetInfo('blobs4').classes).toBe(4);
    expect(datasetInfo('xor').classes).toBe(2);
    expect(datasetInfo('reg-gauss').classes).toBe(0);
    expect(datasetInfo('circle').defaultSamples).toBe(500);
    expect(datasetInfo('reg-plane').defaultSamples).toBe(1200);
    for (const d of DATASETS) expect(d.description).toMatch(/^[A-Z].*\.$/);
  });

  it('recognises dataset ids and rejects anything else', () => {
    for (const id of IDS) expect(isDatasetId(id)).toBe(true);
    for (const v of ['Circle', 'reg', '', 3, null, undefined, {}])
      expect(isDatasetId(v)).toBe(false);
    expect(() => datasetInfo('nope' as DatasetId)).toThrow(RangeError);
  });
});

function order(kind: string): number {
  return ['binary', 'multiclass', 'regression'].indexOf(kind);
}

describe('generateDataset', () => {
  it.each(IDS)('generates the default number of points for %s', (id) => {
    const points = generateDataset(id, new Rng(1));
    expect(points).toHaveLength(datasetInfo(id).defaultSamples);
  });

  it.each(IDS)('keeps %s within [-6.5, 6.5]² without noise', (id) => {
    const points = generateDataset(id, new Rng(2));
    expect(maxAbsCoordinate(points)).toBeLessThanOrEqual(6.5);
  });

  it.each(IDS)('keeps nearly all of %s within [-8, 8]² at full noise', (id) => {
    // Gaussian sets have unbounded tails, so allow a few stragglers, but not far ones.
    const points = generateDataset(id, new Rng(3), { noise: 50 });
    const inside = points.filter((p) => Math.max(Math.abs(p.x), Math.abs(p.y)) <= 8);
    expect(inside.length / points.length).toBeGreaterThanOrEqual(0.97);
    expect(maxAbsCoordinate(points)).toBeLessThanOrEqual(12);
    for (const p of points) expect(Number.isFinite(p.x + p.y + p.label)).toBe(true);
  });

  it.each(IDS.filter((id) => datasetInfo(id).kind === 'binary'))(
    'labels %s with balanced +1 and -1 at any size and noise',
    (id) => {
      for (const [samples, noise] of [
        [500, 0],
        [301, 25],
        [40, 50],
      ] as const) {
        const counts = countLabels(generateDataset(id, new Rng(4), { samples, noise }));
        expect([...counts.keys()].sort()).toEqual([-1, 1]);
        expect(Math.abs((counts.get(1) ?? 0) - (counts.get(-1) ?? 0))).toBeLessThanOrEqual(1);
      }
    },
  );

  it.each(IDS.filter((id) => datasetInfo(id).kind === 'multiclass'))(
    'labels %s with class indices in equal numbers',
    (id) => {
      const classes = datasetInfo(id).classes;
      for (const samples of [500, 601, 7]) {
        const counts = countLabels(generateDataset(id, new Rng(5), { samples, noise: 30 }));
        expect([...counts.keys()].sort()).toEqual(Array.from({ length: classes }, (_, c) => c));
        const sizes = [...counts.values()];
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }
    },
  );

  it.each(['reg-plane', 'reg-gauss'] as const)('gives %s real targets in about [-1, 1]', (id) => {
    const labels = generateDataset(id, new Rng(6)).map((p) => p.label);
    expect(Math.min(...labels)).toBeGreaterThanOrEqual(-1.2);
    expect(Math.max(...labels)).toBeLessThanOrEqual(1.2);
    expect(Math.max(...labels)).toBeGreaterThan(0.8);
    expect(Math.min(...labels)).toBeLessThan(-0.8);
    expect(labels.some((v) => !Number.isInteger(v))).toBe(true);
  });

  it('labels noise-free regression points with the exact target surface', () => {
    for (const p of generateDataset('reg-plane', new Rng(7), { samples: 50 })) {
      expect(p.label).toBeCloseTo(planeTarget(p.x, p.y), 12);
    }
    for (const p of generateDataset('reg-gauss', new Rng(7), { samples: 50 })) {
      expect(p.label).toBeCloseTo(multiGaussTarget(p.x, p.y), 12);
    }
  });

  it.each(IDS)('gives %s the same points for the same seed and others for another', (id) => {
    const a = generateDataset(id, new Rng(42), { noise: 20 });
    const b = generateDataset(id, new Rng(42), { noise: 20 });
    const c = generateDataset(id, new Rng(43), { noise: 20 });
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it('shuffles the classes together instead of listing one after the other', () => {
    const labels = generateDataset('circle', new Rng(8)).map((p) => p.label);
    const firstHalf = labels.slice(0, 250);
    expect(firstHalf).toContain(1);
    expect(firstHalf).toContain(-1);
  });

  it('places circle positives inside radius 2.5 and negatives from 3.5 to 5 without noise', () => {
    for (const p of generateDataset('circle', new Rng(9))) {
      const r = Math.hypot(p.x, p.y);
      if (p.label > 0) expect(r).toBeLessThanOrEqual(2.5);
      else expect(r).toBeGreaterThanOrEqual(3.5 - 1e-12);
    }
  });

  it('puts xor positives in the quadrants where x and y share a sign', () => {
    for (const p of generateDataset('xor', new Rng(10))) {
      expect(Math.sign(p.x * p.y)).toBe(p.label);
      expect(Math.min(Math.abs(p.x), Math.abs(p.y))).toBeGreaterThanOrEqual(0.3);
    }
  });

  it('labels every noise-free checkerboard point by the parity of its cell', () => {
    const points = generateDataset('checkerboard', new Rng(11));
    for (const p of points) expect(p.label).toBe(checkerboardLabel(p.x, p.y));
    // Uniform over the square: every one of the 16 cells is visited.
    const cells = new Set(points.map((p) => `${Math.floor(p.x / 3)},${Math.floor(p.y / 3)}`));
    expect(cells.size).toBe(16);
  });

  it('centres the gauss classes at (2, 2) and (-2, -2)', () => {
    const points = generateDataset('gauss', new Rng(12));
    for (const label of [1, -1]) {
      const own = points.filter((p) => p.label === label);
      const mx = own.reduce((s, p) => s + p.x, 0) / own.length;
      const my = own.reduce((s, p) => s + p.y, 0) / own.length;
      expect(mx).toBeCloseTo(2 * label, 0);
      expect(my).toBeCloseTo(2 * label, 0);
    }
  });

  it('centres the four blobs one per quadrant', () => {
    const points = generateDataset('blobs4', new Rng(13));
    const quadrant = (p: Point) => (p.y > 0 ? (p.x > 0 ? 0 : 1) : p.x > 0 ? 3 : 2);
    const agree = points.filter((p) => quadrant(p) === p.label).length;
    expect(agree / points.length).toBeGreaterThan(0.95);
  });

  it('puts the upper moon above the lower one on average', () => {
    const points = generateDataset('moons', new Rng(14));
    const meanY = (label: number) => {
      const own = points.filter((p) => p.label === label);
      return own.reduce((s, p) => s + p.y, 0) / own.length;
    };
    expect(meanY(1)).toBeGreaterThan(meanY(-1) + 1);
  });

  it('spreads the radii of the outer circle ring more as noise grows', () => {
    // The ring, not the disc: jitter pushes points near the disc's centre outwards, which
    // can narrow the spread of the disc's radii instead of widening it.
    const radiusVariance = (noise: number) =>
      variance(
        generateDataset('circle', new Rng(15), { noise })
          .filter((p) => p.label < 0)
          .map((p) => Math.hypot(p.x, p.y)),
      );
    const quiet = radiusVariance(0);
    const some = radiusVariance(20);
    const loud = radiusVariance(50);
    expect(some).toBeGreaterThan(quiet * 1.2);
    expect(loud).toBeGreaterThan(some * 1.2);
  });

  it.each(['gauss', 'xor', 'spiral', 'moons', 'checkerboard', 'spiral3', 'blobs4'] as const)(
    'moves %s points further from their noise-free places as noise grows',
    (id) => {
      // Generators draw their noise whatever its size, so one seed gives the same clean
      // shape at every noise level and points can be compared one to one.
      const clean = generateDataset(id, new Rng(16));
      const displacement = (noise: number) =>
        generateDataset(id, new Rng(16), { noise }).reduce((s, p, i) => {
          const q = clean[i] as Point;
          expect(p.label).toBe(q.label);
          return s + (p.x - q.x) ** 2 + (p.y - q.y) ** 2;
        }, 0);
      expect(displacement(10)).toBeGreaterThan(0);
      expect(displacement(50)).toBeGreaterThan(displacement(10) * 2);
    },
  );

  it.each(['reg-plane', 'reg-gauss'] as const)(
    'moves %s targets further from the clean surface as noise grows',
    (id) => {
      const target = id === 'reg-plane' ? planeTarget : multiGaussTarget;
      const error = (noise: number) =>
        generateDataset(id, new Rng(17), { noise }).reduce(
          (s, p) => s + (p.label - target(p.x, p.y)) ** 2,
          0,
        );
      expect(error(0)).toBe(0);
      expect(error(10)).toBeGreaterThan(0);
      expect(error(50)).toBeGreaterThan(error(10));
    },
  );

  it('honours a requested sample count, including zero', () => {
    expect(generateDataset('spiral', new Rng(18), { samples: 123 })).toHaveLength(123);
    expect(generateDataset('reg-gauss', new Rng(18), { samples: 0 })).toEqual([]);
  });

  it('rejects noise outside 0..50 and sample counts that are not whole and non-negative', () => {
    const rng = new Rng(19);
    expect(() => generateDataset('circle', rng, { noise: -1 })).toThrow(RangeError);
    expect(() => generateDataset('circle', rng, { noise: 51 })).toThrow(RangeError);
    expect(() => generateDataset('circle', rng, { noise: NaN })).toThrow(RangeError);
    expect(() => generateDataset('circle', rng, { samples: -5 })).toThrow(RangeError);
    expect(() => generateDataset('circle', rng, { samples: 2.5 })).toThrow(RangeError);
  });
});
