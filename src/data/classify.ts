/**
 * Generators of the classification datasets. Shapes, sizes and noise follow TensorFlow
 * Playground's (src/dataset.ts there) where it has the set; moons, checkerboard, the 3-class
 * spiral and the 4 blobs are new. Every generator takes `noise` as a fraction 0..0.5 (the
 * page's percentage / 100) and the number of points per class, so classes stay balanced.
 *
 * One deliberate difference from TensorFlow Playground: for circle and XOR it keeps each
 * point where it is and decides the label from a jittered copy, so noise flips labels near
 * the boundary and the classes stop being balanced. Here noise jitters the point itself and
 * the label stays that of its class: the same look of stray points near the boundary, with
 * exactly balanced classes.
 */
import type { Rng } from '../nn/rng';
import type { Point } from './point';

/** Radius of the outer ring of `circle`; the inner disc has half of it. */
const CIRCLE_RADIUS = 5;
/** How far XOR points keep from the axes, so the quadrants are visibly apart. */
const XOR_PADDING = 0.3;
/** Largest |x| and |y| of an XOR point before noise. */
const XOR_EXTENT = 5;
/** Radius the spiral arms reach at their ends. */
const SPIRAL_RADIUS = 5;
/** Scale from the unit half-moons (x in [-1, 2], y in [-0.5, 1]) to the plane. */
const MOONS_SCALE = 3.5;
/** Cells per side of the checkerboard over [-6, 6]². */
const CHECKER_CELLS = 4;
const CHECKER_EXTENT = 6;

/**
 * Variance of the Gaussian blobs: 0.5 at no noise growing linearly to 4 at 50 % noise, as in
 * TensorFlow Playground (whose normalRandom takes a variance, not a standard deviation).
 */
function blobVariance(noise: number): number {
  return 0.5 + (noise / 0.5) * 3.5;
}

/**
 * `circle`: a disc of +1 points (radius 0 to 2.5) inside a ring of -1 points (3.5 to 5).
 * Radii are uniform, not area-uniform, so the disc is denser at its centre, as in TF
 * Playground. Noise moves each coordinate by up to ±5·noise.
 */
export function circlePoints(rng: Rng, counts: readonly [number, number], noise: number): Point[] {
  const points: Point[] = [];
  const ring = (count: number, rMin: number, rMax: number, label: number) => {
    for (let i = 0; i < count; i++) {
      const r = rng.uniform(rMin, rMax);
      const angle = rng.uniform(0, 2 * Math.PI);
      const x = r * Math.sin(angle) + rng.uniform(-CIRCLE_RADIUS, CIRCLE_RADIUS) * noise;
      const y = r * Math.cos(angle) + rng.uniform(-CIRCLE_RADIUS, CIRCLE_RADIUS) * noise;
      points.push({ x, y, label });
    }
  };
  ring(counts[0], 0, CIRCLE_RADIUS * 0.5, 1);
  ring(counts[1], CIRCLE_RADIUS * 0.7, CIRCLE_RADIUS, -1);
  return points;
}

/**
 * `xor`: +1 where x and y share a sign (first and third quadrants), -1 elsewhere; each
 * coordinate is 0.3 to 5.3 from its axis. Noise moves each coordinate by up to ±5·noise.
 */
export function xorPoints(rng: Rng, counts: readonly [number, number], noise: number): Point[] {
  const points: Point[] = [];
  const away = () => rng.uniform(0, XOR_EXTENT) + XOR_PADDING;
  const jitter = () => rng.uniform(-XOR_EXTENT, XOR_EXTENT) * noise;
  for (const [count, label] of [
    [counts[0], 1],
    [counts[1], -1],
  ] as const) {
    for (let i = 0; i < count; i++) {
      const sx = rng.next() < 0.5 ? -1 : 1;
      const sy = label > 0 ? sx : -sx;
      points.push({ x: sx * away() + jitter(), y: sy * away() + jitter(), label });
    }
  }
  return points;
}

/** `gauss`: a +1 blob around (2, 2) and a -1 blob around (-2, -2); noise widens both. */
export function gaussPoints(rng: Rng, counts: readonly [number, number], noise: number): Point[] {
  return blobPoints(
    rng,
    [
      [2, 2],
      [-2, -2],
    ],
    [1, -1],
    counts,
    noise,
  );
}

/**
 * Gaussian blobs: `counts[k]` points around `centres[k]` labelled `labels[k]`, with the
 * variance of `blobVariance(noise)` in each coordinate.
 */
export function blobPoints(
  rng: Rng,
  centres: readonly (readonly [number, number])[],
  labels: readonly number[],
  counts: readonly number[],
  noise: number,
): Point[] {
  const std = Math.sqrt(blobVariance(noise));
  const points: Point[] = [];
  centres.forEach(([cx, cy], k) => {
    const label = labels[k] as number;
    for (let i = 0; i < (counts[k] ?? 0); i++) {
      points.push({ x: rng.normal(cx, std), y: rng.normal(cy, std), label });
    }
  });
  return points;
}

/**
 * Spiral arms from the centre out to radius 5, arm k starting at angle 2πk/arms and turning
 * `turns` times; arm k has `counts[k]` points labelled `labels[k]`. The radius grows with
 * the angle (an Archimedean spiral), so neighbouring arms stay 5 / (arms · turns) apart.
 * Noise moves each coordinate by up to ±noise, as in TF Playground.
 */
export function spiralPoints(
  rng: Rng,
  labels: readonly number[],
  counts: readonly number[],
  turns: number,
  noise: number,
): Point[] {
  const points: Point[] = [];
  labels.forEach((label, k) => {
    const n = counts[k] ?? 0;
    const start = (2 * Math.PI * k) / labels.length;
    for (let i = 0; i < n; i++) {
      const r = (i / n) * SPIRAL_RADIUS;
      const t = (i / n) * turns * 2 * Math.PI + start;
      const x = r * Math.sin(t) + rng.uniform(-1, 1) * noise;
      const y = r * Math.cos(t) + rng.uniform(-1, 1) * noise;
      points.push({ x, y, label });
    }
  });
  return points;
}

/**
 * `moons`: two interleaved half circles of radius 1 (the upper one +1, the lower one,
 * shifted by (1, -0.5), -1), centred and scaled by 3.5 to span x in [-5.25, 5.25].
 * Noise adds Gaussian jitter with a standard deviation of 2·noise (1 at 50 %).
 */
export function moonsPoints(rng: Rng, counts: readonly [number, number], noise: number): Point[] {
  const points: Point[] = [];
  const std = 2 * noise;
  // The two unit moons together span x in [-1, 2] and y in [-0.5, 1]: centre them first.
  const place = (u: number, v: number, label: number) =>
    points.push({
      x: MOONS_SCALE * (u - 0.5) + rng.normal(0, std),
      y: MOONS_SCALE * (v - 0.25) + rng.normal(0, std),
      label,
    });
  for (let i = 0; i < counts[0]; i++) {
    const t = rng.uniform(0, Math.PI);
    place(Math.cos(t), Math.sin(t), 1);
  }
  for (let i = 0; i < counts[1]; i++) {
    const t = rng.uniform(0, Math.PI);
    place(1 - Math.cos(t), 0.5 - Math.sin(t), -1);
  }
  return points;
}

/**
 * `checkerboard`: a 4×4 board of 3×3 cells over [-6, 6]², +1 on cells whose column + row is
 * even. Each class is drawn uniformly over its own 8 cells; as both colours cover the same
 * area the whole set is uniform over the square, yet exactly balanced. Noise moves each
 * coordinate by up to ±noise·cell (±1.5 at 50 %).
 */
export function checkerboardPoints(
  rng: Rng,
  counts: readonly [number, number],
  noise: number,
): Point[] {
  const cell = (2 * CHECKER_EXTENT) / CHECKER_CELLS;
  const points: Point[] = [];
  for (const [count, parity, label] of [
    [counts[0], 0, 1],
    [counts[1], 1, -1],
  ] as const) {
    for (let i = 0; i < count; i++) {
      const col = rng.int(CHECKER_CELLS);
      // Of the rows, every other one has the wanted parity of col + row.
      const row = 2 * rng.int(CHECKER_CELLS / 2) + ((col + parity) % 2);
      const x = -CHECKER_EXTENT + (col + rng.next()) * cell + rng.uniform(-1, 1) * noise * cell;
      const y = -CHECKER_EXTENT + (row + rng.next()) * cell + rng.uniform(-1, 1) * noise * cell;
      points.push({ x, y, label });
    }
  }
  return points;
}

/** Label of the checkerboard cell holding (x, y): +1 when column + row is even. */
export function checkerboardLabel(x: number, y: number): number {
  const cell = (2 * CHECKER_EXTENT) / CHECKER_CELLS;
  const col = Math.floor((x + CHECKER_EXTENT) / cell);
  const row = Math.floor((y + CHECKER_EXTENT) / cell);
  // Columns and rows left of or below the board are negative: keep the parity non-negative.
  return (((col + row) % 2) + 2) % 2 === 0 ? 1 : -1;
}
