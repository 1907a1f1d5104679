/**
 * The seven input features of TensorFlow Playground: functions of the point (x1, x2) = (x, y)
 * that the network sees as its inputs.
 */
import { gridX, gridY } from '../nn/grid';

/** Every feature id, in display order. */
export const FEATURE_IDS = ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2'] as const;

export type FeatureId = (typeof FEATURE_IDS)[number];

export interface FeatureInfo {
  readonly id: FeatureId;
  /** Name for screen readers and tooltips, e.g. 'x1 squared'. */
  readonly label: string;
  /** Short formula to print on the page, e.g. 'x₁²'. */
  readonly formula: string;
  /** The feature's value at the point (x, y). */
  compute(x: number, y: number): number;
}

/** Every feature, in the order of FEATURE_IDS. */
export const FEATURES: readonly FeatureInfo[] = [
  { id: 'x1', label: 'x1', formula: 'x₁', compute: (x) => x },
  { id: 'x2', label: 'x2', formula: 'x₂', compute: (_x, y) => y },
  { id: 'x1sq', label: 'x1 squared', formula: 'x₁²', compute: (x) => x * x },
  { id: 'x2sq', label: 'x2 squared', formula: 'x₂²', compute: (_x, y) => y * y },
  { id: 'x1x2', label: 'x1 times x2', formula: 'x₁x₂', compute: (x, y) => x * y },
  { id: 'sinx1', label: 'sin x1', formula: 'sin(x₁)', compute: (x) => Math.sin(x) },
  { id: 'sinx2', label: 'sin x2', formula: 'sin(x₂)', compute: (_x, y) => Math.sin(y) },
];

const BY_ID = new Map<unknown, FeatureInfo>(FEATURES.map((f) => [f.id, f]));

/** True when `v` is one of the feature ids (for parsing links and files). */
export function isFeatureId(v: unknown): v is FeatureId {
  return BY_ID.has(v);
}

/** The description of a feature. */
export function featureInfo(id: FeatureId): FeatureInfo {
  const info = BY_ID.get(id);
  if (!info) throw new RangeError(`unknown feature id: ${String(id)}`);
  return info;
}

/** Writes the values of `features` at (x, y) to `out[offset]`, `out[offset + 1]`, … */
export function computeFeatures(
  features: readonly FeatureId[],
  x: number,
  y: number,
  out: Float64Array,
  offset: number,
): void {
  for (let i = 0; i < features.length; i++) {
    out[offset + i] = featureInfo(features[i] as FeatureId).compute(x, y);
  }
}

/**
 * The network's inputs over an n×n grid, as `evaluateGrid` in src/nn/grid.ts reads them:
 * feature i's image is `planes[i·n² + row·n + col]`, taken at the cell centre
 * (gridX(col, n), gridY(row, n)), so row 0 is the top (y near +6) and column 0 the left.
 */
export function featurePlanes(features: readonly FeatureId[], n: number): Float64Array {
  const size = n * n;
  const planes = new Float64Array(features.length * size);
  features.forEach((id, i) => {
    const { compute } = featureInfo(id);
    for (let row = 0; row < n; row++) {
      const y = gridY(row, n);
      for (let col = 0; col < n; col++) {
        planes[i * size + row * n + col] = compute(gridX(col, n), y);
      }
    }
  });
  return planes;
}
