/**
 * Chance level: the loss of the best constant prediction, the one that ignores the inputs. A
 * network whose loss sits there has learned nothing about the points.
 */
import type { LossId } from './outputHeads';
import type { Examples } from './train';

/** Probabilities are kept this far from 0 and 1, so log stays finite. */
const EDGE = 1e-12;

/**
 * The mean loss over `examples` of always predicting the mean target (which minimises squared
 * error and cross-entropy among constants), under `loss`, for `outputSize` outputs: for squared
 * error ½ Σ_k var(t_k), for binary cross-entropy the entropy of the positive share, for
 * cross-entropy the entropy of the class shares. 0 for an empty set.
 */
export function chanceLoss(loss: LossId, examples: Examples, outputSize: number): number {
  const { targets, count } = examples;
  if (count === 0) return 0;
  let total = 0;
  for (let k = 0; k < outputSize; k++) {
    let sum = 0;
    for (let n = 0; n < count; n++) sum += targets[n * outputSize + k] as number;
    const mean = sum / count;
    if (loss === 'mse') {
      let squares = 0;
      for (let n = 0; n < count; n++) {
        const d = (targets[n * outputSize + k] as number) - mean;
        squares += d * d;
      }
      total += (0.5 * squares) / count;
    } else {
      const p = Math.min(1 - EDGE, Math.max(EDGE, mean));
      total += loss === 'bce' ? -(p * Math.log(p) + (1 - p) * Math.log(1 - p)) : -p * Math.log(p);
    }
  }
  return total;
}
