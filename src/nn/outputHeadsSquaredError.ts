/**
 * The heads trained with squared error, ½ Σ_k (y_k − t_k)²: tanh on ±1 labels (TensorFlow
 * Playground's, and this playground's default), sigmoid on 0/1 labels, linear for regression.
 * Their dLoss/dLogit is (y − t) times the output activation's slope, written from y.
 *
 * Each head's losses and deltas are one loop over the rows, why: with small networks a call
 * per row, twice (loss and delta), cost as much as the arithmetic. The loop computes what
 * `rowLoss` does, each row's loss summed over its outputs from 0 and then added to `lossSum`.
 */
import { tanh } from './exactMath';
import { defineOutputHead } from './outputHeadEntry';
import { sigmoidOutputs, squaredErrorLoss, squaredErrorLosses } from './outputHeadKernels';

export const tanhMse = defineOutputHead({
  id: 'tanh_mse',
  activation: 'tanh',
  loss: 'mse',
  label: 'tanh, squared error',
  targets: 'label',
  decision: { rule: 'threshold', threshold: 0 },
  colourRange: [-1, 1],
  activateOutputs(src, dst, first, end, stride, count) {
    for (let row = first; row < end; row += stride) {
      for (let p = row; p < row + count; p++) dst[p] = tanh(src[p] as number);
    }
  },
  rowLoss: squaredErrorLoss,
  losses: squaredErrorLosses,
  lossesAndDeltas(pass, start, rows, targets, lossSum) {
    const { rowExample, outputSize, out, delta } = pass;
    for (let r = 0; r < rows; r++) {
      const offset = (rowExample[r] as number) * outputSize;
      let loss = 0;
      for (let k = 0; k < outputSize; k++) {
        const at = start + k * rows + r;
        const y = out[at] as number;
        const d = y - (targets[offset + k] as number);
        loss += 0.5 * d * d;
        delta[at] = d * (1 - y * y);
      }
      lossSum += loss;
    }
    return lossSum;
  },
});

export const sigmoidMse = defineOutputHead({
  id: 'sigmoid_mse',
  activation: 'sigmoid',
  loss: 'mse',
  label: 'sigmoid, squared error',
  targets: 'zeroOne',
  decision: { rule: 'threshold', threshold: 0.5 },
  colourRange: [0, 1],
  activateOutputs: sigmoidOutputs,
  rowLoss: squaredErrorLoss,
  losses: squaredErrorLosses,
  lossesAndDeltas(pass, start, rows, targets, lossSum) {
    const { rowExample, outputSize, out, delta } = pass;
    for (let r = 0; r < rows; r++) {
      const offset = (rowExample[r] as number) * outputSize;
      let loss = 0;
      for (let k = 0; k < outputSize; k++) {
        const at = start + k * rows + r;
        const y = out[at] as number;
        const d = y - (targets[offset + k] as number);
        loss += 0.5 * d * d;
        delta[at] = d * y * (1 - y);
      }
      lossSum += loss;
    }
    return lossSum;
  },
});

export const linearMse = defineOutputHead({
  id: 'linear_mse',
  activation: 'linear',
  loss: 'mse',
  label: 'linear, squared error',
  targets: 'label',
  decision: { rule: 'none' },
  // Regression targets lie about in [-1, 1], so the background shares the points' colours.
  colourRange: [-1, 1],
  activateOutputs(src, dst, first, end, stride, count) {
    if (src === dst) return; // in place (the heatmaps): the logits are the outputs
    for (let row = first; row < end; row += stride) {
      for (let p = row; p < row + count; p++) dst[p] = src[p] as number;
    }
  },
  rowLoss: squaredErrorLoss,
  losses: squaredErrorLosses,
  lossesAndDeltas(pass, start, rows, targets, lossSum) {
    const { rowExample, outputSize, out, delta } = pass;
    for (let r = 0; r < rows; r++) {
      const offset = (rowExample[r] as number) * outputSize;
      let loss = 0;
      for (let k = 0; k < outputSize; k++) {
        const at = start + k * rows + r;
        const d = (out[at] as number) - (targets[offset + k] as number);
        loss += 0.5 * d * d;
        delta[at] = d;
      }
      lossSum += loss;
    }
    return lossSum;
  },
});
