/**
 * Generators of the regression datasets, after TensorFlow Playground's: points uniform over
 * [-6, 6]², targets in about [-1, 1]. Noise (a fraction 0..0.5) leaves the points where they
 * are and evaluates the target at a copy moved by up to ±6·noise in each coordinate, so a
 * noisy set is the same surface, blurred.
 */
import type { Rng } from '../nn/rng';
import type { Point } from './point';

const EXTENT = 6;

/**
 * The six bumps of `reg-gauss`: centre x, centre y and sign. Each is a cone of height 1
 * falling to 0 at distance 2; a point takes the value of the bump with the largest |value|.
 */
const BUMPS: readonly (readonly [number, number, number])[] = [
  [-4, 2.5, 1],
  [0, 2.5, -1],
  [4, 2.5, 1],
  [-4, -2.5, -1],
  [0, -2.5, 1],
  [4, -2.5, -1],
];
const BUMP_RADIUS = 2;

/** Target of `reg-plane`: (x + y) / 10, a tilted plane from -1.2 to 1.2 over the square. */
export function planeTarget(x: number, y: number): number {
  return (x + y) / 10;
}

/** Target of `reg-gauss`: the strongest of six signed cones, in [-1, 1]. */
export function multiGaussTarget(x: number, y: number): number {
  let target = 0;
  for (const [cx, cy, sign] of BUMPS) {
    const height = Math.max(0, 1 - Math.hypot(x - cx, y - cy) / BUMP_RADIUS);
    if (height > Math.abs(target)) target = sign * height;
  }
  return target;
}

/** `count` points uniform over [-6, 6]² labelled by `target` at a jittered copy of each. */
export function regressionPoints(
  rng: Rng,
  count: number,
  noise: number,
  target: (x: number, y: number) => number,
): Point[] {
  const points: Point[] = [];
  for (let i = 0; i < count; i++) {
    const x = rng.uniform(-EXTENT, EXTENT);
    const y = rng.uniform(-EXTENT, EXTENT);
    const dx = rng.uniform(-EXTENT, EXTENT) * noise;
    const dy = rng.uniform(-EXTENT, EXTENT) * noise;
    points.push({ x, y, label: target(x + dx, y + dy) });
  }
  return points;
}
