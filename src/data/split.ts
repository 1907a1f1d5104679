/** Dividing a dataset into training and test points. */
import type { Rng } from '../nn/rng';

/**
 * Shuffles a copy of `points` with `rng` and cuts it in two: the first round(trainRatio · N)
 * points train, the rest test. `points` itself is left as it was.
 * @param trainRatio fraction for training, 0 to 1 (the page offers 0.1 to 0.9)
 * @throws RangeError when trainRatio is not within 0..1.
 */
export function splitTrainTest<T>(
  points: readonly T[],
  trainRatio: number,
  rng: Rng,
): { train: T[]; test: T[] } {
  if (!(trainRatio >= 0 && trainRatio <= 1)) {
    throw new RangeError(`trainRatio must be from 0 to 1, got ${trainRatio}`);
  }
  const shuffled = rng.shuffle(points.slice());
  const trainCount = Math.round(trainRatio * shuffled.length);
  return { train: shuffled.slice(0, trainCount), test: shuffled.slice(trainCount) };
}
