/**
 * The heads trained with cross-entropy: sigmoid + binary cross-entropy on 0/1 labels and
 * softmax + cross-entropy on one-hot classes. Both losses are computed from the logits, so
 * they stay finite where the probabilities round to 0 or 1, and both give the familiar
 * dLoss/dLogit = y − t (times Σ t for softmax, 1 for one-hot targets).
 */
import { defineOutputHead, type RowLoss } from './outputHeadEntry';
import { exp } from './exactMath';
import { sigmoidOutputs } from './outputHeadKernels';

/** −Σ_k [t log σ(z) + (1 − t) log(1 − σ(z))], written max(z, 0) − z t + log(1 + e^−|z|). */
const binaryCrossEntropy: RowLoss = (pre, _out, start, stride, size, targets, offset) => {
  let loss = 0;
  for (let k = 0; k < size; k++) {
    const z = pre[start + k * stride] as number;
    const t = targets[offset + k] as number;
    loss += Math.max(z, 0) - z * t + Math.log1p(Math.exp(-Math.abs(z)));
  }
  return loss;
};

/** −Σ_k t_k log softmax(z)_k, written −Σ_k t_k (z_k − logSumExp(z)); zero targets skipped. */
const crossEntropy: RowLoss = (pre, _out, start, stride, size, targets, offset) => {
  let max = -Infinity;
  for (let k = 0; k < size; k++) max = Math.max(max, pre[start + k * stride] as number);
  let sum = 0;
  for (let k = 0; k < size; k++) sum += Math.exp((pre[start + k * stride] as number) - max);
  const logSumExp = max + Math.log(sum);
  let loss = 0;
  for (let k = 0; k < size; k++) {
    const t = targets[offset + k] as number;
    if (t !== 0) loss -= t * ((pre[start + k * stride] as number) - logSumExp);
  }
  return loss;
};

export const sigmoidBce = defineOutputHead({
  id: 'sigmoid_bce',
  activation: 'sigmoid',
  loss: 'bce',
  label: 'sigmoid, cross-entropy',
  targets: 'zeroOne',
  decision: { rule: 'threshold', threshold: 0.5 },
  colourRange: [0, 1],
  activateOutputs: sigmoidOutputs,
  rowLoss: binaryCrossEntropy,
  losses(pass, start, rows, targets, lossSum) {
    const { rowExample, outputSize, pre, out } = pass;
    for (let r = 0; r < rows; r++) {
      const offset = (rowExample[r] as number) * outputSize;
      lossSum += binaryCrossEntropy(pre, out, start + r, rows, outputSize, targets, offset);
    }
    return lossSum;
  },
  lossesAndDeltas(pass, start, rows, targets, lossSum) {
    const { rowExample, outputSize, pre, out, delta } = pass;
    for (let r = 0; r < rows; r++) {
      const offset = (rowExample[r] as number) * outputSize;
      lossSum += binaryCrossEntropy(pre, out, start + r, rows, outputSize, targets, offset);
      for (let k = 0; k < outputSize; k++) {
        const at = start + k * rows + r;
        delta[at] = (out[at] as number) - (targets[offset + k] as number);
      }
    }
    return lossSum;
  },
});

export const softmaxCrossEntropy = defineOutputHead({
  id: 'softmax_crossentropy',
  activation: 'softmax',
  loss: 'crossentropy',
  label: 'softmax, cross-entropy',
  targets: 'oneHot',
  decision: { rule: 'argmax' },
  colourRange: [0, 1],
  // Softmax across the units at each point; each `dst` entry is written after its `src`
  // entry is read, so `dst` may be `src`.
  activateOutputs(src, dst, first, end, stride, count) {
    for (let from = first; from < first + count; from++) {
      // Subtract the largest logit so exp never overflows.
      let max = -Infinity;
      for (let i = from; i < end; i += stride) max = Math.max(max, src[i] as number);
      let sum = 0;
      for (let i = from; i < end; i += stride) {
        const e = exp((src[i] as number) - max);
        dst[i] = e;
        sum += e;
      }
      for (let i = from; i < end; i += stride) dst[i] = (dst[i] as number) / sum;
    }
  },
  rowLoss: crossEntropy,
  losses(pass, start, rows, targets, lossSum) {
    const { rowExample, outputSize, pre, out } = pass;
    for (let r = 0; r < rows; r++) {
      const offset = (rowExample[r] as number) * outputSize;
      lossSum += crossEntropy(pre, out, start + r, rows, outputSize, targets, offset);
    }
    return lossSum;
  },
  lossesAndDeltas(pass, start, rows, targets, lossSum) {
    const { rowExample, outputSize, pre, out, delta } = pass;
    for (let r = 0; r < rows; r++) {
      const offset = (rowExample[r] as number) * outputSize;
      lossSum += crossEntropy(pre, out, start + r, rows, outputSize, targets, offset);
      let targetSum = 0;
      for (let k = 0; k < outputSize; k++) targetSum += targets[offset + k] as number;
      for (let k = 0; k < outputSize; k++) {
        const at = start + k * rows + r;
        // d/dz_k of -Σ t_i log softmax(z)_i is y_k Σ t_i - t_k.
        delta[at] = (out[at] as number) * targetSum - (targets[offset + k] as number);
      }
    }
    return lossSum;
  },
});
