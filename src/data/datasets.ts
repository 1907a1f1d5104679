/**
 * The catalogue of datasets and the one entry point that generates any of them from a seeded
 * generator. All points lie roughly within [-6, 6]², the square the heatmaps show.
 */
import type { Rng } from '../nn/rng';
import {
  blobPoints,
  checkerboardPoints,
  circlePoints,
  gaussPoints,
  moonsPoints,
  spiralPoints,
  xorPoints,
} from './classify';
import { evenCounts, type Point } from './point';
import { multiGaussTarget, planeTarget, regressionPoints } from './regress';

export type { Point } from './point';

export type DatasetId =
  | 'circle'
  | 'xor'
  | 'gauss'
  | 'spiral'
  | 'moons'
  | 'checkerboard'
  | 'spiral3'
  | 'blobs4'
  | 'reg-plane'
  | 'reg-gauss';

/** What a dataset asks of the network: a ±1 class, one of several classes, or a real value. */
export type TaskKind = 'binary' | 'multiclass' | 'regression';

export interface DatasetInfo {
  readonly id: DatasetId;
  /** Name shown on the page. */
  readonly label: string;
  readonly kind: TaskKind;
  /** Number of classes: 2 for binary sets, 3 or 4 for multiclass sets, 0 for regression. */
  readonly classes: number;
  /** Points generated when no count is asked for. */
  readonly defaultSamples: number;
  /** One sentence for a tooltip. */
  readonly description: string;
}

/** Points of a classification set, as TensorFlow Playground's NUM_SAMPLES_CLASSIFY. */
export const NUM_SAMPLES_CLASSIFY = 500;
/** Points of a regression set, as TensorFlow Playground's NUM_SAMPLES_REGRESS. */
export const NUM_SAMPLES_REGRESS = 1200;
/** Largest noise, in percent. */
export const MAX_NOISE = 50;

/** Every dataset in display order: binary sets, then multiclass, then regression. */
export const DATASETS: readonly DatasetInfo[] = [
  binary('circle', 'Circle', 'A disc of one class inside a ring of the other.'),
  binary(
    'xor',
    'Exclusive or',
    'One class where x and y share a sign, the other where they differ.',
  ),
  binary(
    'gauss',
    'Gaussian',
    'Two Gaussian clouds, one per class, on either side of the diagonal.',
  ),
  binary('spiral', 'Spiral', 'Two spiral arms wound around each other, one per class.'),
  binary('moons', 'Moons', 'Two interleaved half-moons, one per class.'),
  binary('checkerboard', 'Checkerboard', 'A 4 by 4 board whose cells alternate between classes.'),
  multiclass('spiral3', '3-class spiral', 3, 'Three spiral arms wound around each other.'),
  multiclass('blobs4', '4 blobs', 4, 'Four Gaussian clouds, one per class, one per quadrant.'),
  regression(
    'reg-plane',
    'Plane',
    'A value that rises evenly from the bottom left to the top right.',
  ),
  regression(
    'reg-gauss',
    'Multi Gaussian',
    'Six peaks and pits of value, three up and three down.',
  ),
];

function binary(id: DatasetId, label: string, description: string): DatasetInfo {
  return {
    id,
    label,
    kind: 'binary',
    classes: 2,
    defaultSamples: NUM_SAMPLES_CLASSIFY,
    description,
  };
}

function multiclass(
  id: DatasetId,
  label: string,
  classes: number,
  description: string,
): DatasetInfo {
  return {
    id,
    label,
    kind: 'multiclass',
    classes,
    defaultSamples: NUM_SAMPLES_CLASSIFY,
    description,
  };
}

function regression(id: DatasetId, label: string, description: string): DatasetInfo {
  return {
    id,
    label,
    kind: 'regression',
    classes: 0,
    defaultSamples: NUM_SAMPLES_REGRESS,
    description,
  };
}

const BY_ID = new Map<unknown, DatasetInfo>(DATASETS.map((info) => [info.id, info]));

/** True when `v` is one of the dataset ids (for parsing links and files). */
export function isDatasetId(v: unknown): v is DatasetId {
  return BY_ID.has(v);
}

/** The catalogue entry of a dataset. */
export function datasetInfo(id: DatasetId): DatasetInfo {
  const info = BY_ID.get(id);
  if (!info) throw new RangeError(`unknown dataset id: ${String(id)}`);
  return info;
}

/** Options of `generateDataset`. */
export interface GenerateOptions {
  /** Noise in percent, 0 to 50 (default 0), as TensorFlow Playground's slider. */
  readonly noise?: number;
  /** Number of points, a non-negative integer (default: the dataset's `defaultSamples`). */
  readonly samples?: number;
}

/** Turns on the fixed spiral: 1.75 as in TF Playground; 1.25 for three arms keeps them apart. */
const SPIRAL_TURNS = 1.75;
const SPIRAL3_TURNS = 1.25;
/** Centres of the `blobs4` classes 0..3: one per quadrant, counter-clockwise from top right. */
const BLOB4_CENTRES = [
  [3, 3],
  [-3, 3],
  [-3, -3],
  [3, -3],
] as const;

/**
 * Generates a dataset from `rng`: the same seed and options give the same points. Binary
 * labels are +1/-1 and their counts differ by at most one; multiclass labels are 0..C-1,
 * balanced the same way; regression labels are real targets in about [-1, 1]. The points
 * come shuffled, so no class is drawn wholly on top of another.
 * @throws RangeError when noise is outside 0..50 or samples is not a non-negative integer.
 */
export function generateDataset(id: DatasetId, rng: Rng, options: GenerateOptions = {}): Point[] {
  const info = datasetInfo(id);
  const noisePercent = options.noise ?? 0;
  const samples = options.samples ?? info.defaultSamples;
  if (!(noisePercent >= 0 && noisePercent <= MAX_NOISE)) {
    throw new RangeError(`noise must be from 0 to ${MAX_NOISE} percent, got ${noisePercent}`);
  }
  if (!Number.isInteger(samples) || samples < 0) {
    throw new RangeError(`samples must be a non-negative integer, got ${samples}`);
  }
  const noise = noisePercent / 100;
  const pair = evenCounts(samples, 2) as [number, number];
  const points = generatePoints(id, rng, samples, pair, noise);
  return rng.shuffle(points);
}

function generatePoints(
  id: DatasetId,
  rng: Rng,
  samples: number,
  pair: [number, number],
  noise: number,
): Point[] {
  switch (id) {
    case 'circle':
      return circlePoints(rng, pair, noise);
    case 'xor':
      return xorPoints(rng, pair, noise);
    case 'gauss':
      return gaussPoints(rng, pair, noise);
    case 'spiral':
      return spiralPoints(rng, [1, -1], pair, SPIRAL_TURNS, noise);
    case 'moons':
      return moonsPoints(rng, pair, noise);
    case 'checkerboard':
      return checkerboardPoints(rng, pair, noise);
    case 'spiral3':
      return spiralPoints(rng, [0, 1, 2], evenCounts(samples, 3), SPIRAL3_TURNS, noise);
    case 'blobs4':
      return blobPoints(rng, BLOB4_CENTRES, [0, 1, 2, 3], evenCounts(samples, 4), noise);
    case 'reg-plane':
      return regressionPoints(rng, samples, noise, planeTarget);
    case 'reg-gauss':
      return regressionPoints(rng, samples, noise, multiGaussTarget);
  }
}
