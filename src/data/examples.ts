/** Turning labelled points into the engine's flat example sets, and the head each task wants. */
import { targetEncodingOf } from '../nn/outputHeads';
import type { OutputActivation, OutputSpec } from '../nn/spec';
import type { Examples } from '../nn/train';
import type { TaskKind } from './datasets';
import { computeFeatures, type FeatureId } from './features';
import type { Point } from './point';

/**
 * Flattens `points` into inputs (the chosen features of each point, row-major) and targets
 * encoded as the output head declares (src/nn/outputHeadEntry.ts `TargetEncoding`):
 * - tanh: the label as it is (±1 for binary sets);
 * - sigmoid: 1 for a positive label, else 0;
 * - softmax: one-hot of the class index, `size` wide;
 * - linear: the label as it is (a real target), in every one of the `size` outputs.
 * @throws RangeError when a softmax label is not a class index below `size`.
 */
export function toExamples(
  points: readonly Point[],
  features: readonly FeatureId[],
  output: { readonly activation: OutputActivation; readonly size: number },
): Examples {
  const count = points.length;
  const inputSize = features.length;
  const { size } = output;
  const encoding = targetEncodingOf(output.activation);
  const inputs = new Float64Array(count * inputSize);
  const targets = new Float64Array(count * size);
  points.forEach((p, n) => {
    computeFeatures(features, p.x, p.y, inputs, n * inputSize);
    const offset = n * size;
    if (encoding === 'oneHot') {
      if (!Number.isInteger(p.label) || p.label < 0 || p.label >= size) {
        throw new RangeError(`class label ${p.label} is not an index below ${size}`);
      }
      targets[offset + p.label] = 1;
    } else {
      const target = encoding === 'zeroOne' ? (p.label > 0 ? 1 : 0) : p.label;
      targets.fill(target, offset, offset + size);
    }
  });
  return { inputs, targets, count };
}

/**
 * The output head a new network gets for a task: for binary sets tanh + mse on ±1 labels
 * (TensorFlow Playground's) or, with `binaryLoss` 'bce', sigmoid + binary cross-entropy on
 * 0/1 labels; softmax + cross-entropy over the classes for multiclass sets, linear + mse for
 * regression.
 */
export function outputForTask(
  kind: TaskKind,
  classes: number,
  binaryLoss: 'mse' | 'bce' = 'mse',
): OutputSpec {
  switch (kind) {
    case 'binary':
      return binaryLoss === 'bce'
        ? { size: 1, activation: 'sigmoid', loss: 'bce' }
        : { size: 1, activation: 'tanh', loss: 'mse' };
    case 'multiclass':
      return { size: classes, activation: 'softmax', loss: 'crossentropy' };
    case 'regression':
      return { size: 1, activation: 'linear', loss: 'mse' };
  }
}
