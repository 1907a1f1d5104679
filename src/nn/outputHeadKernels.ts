/** Kernels shared by several output heads (see outputHeadEntry.ts for their signatures). */
import type { OutputKernel, PassLosses, RowLoss } from './outputHeadEntry';
import { sigmoid } from './exactMath';

/** The sigmoid of every logit, for both sigmoid heads. */
export const sigmoidOutputs: OutputKernel = (src, dst, first, end, stride, count) => {
  for (let row = first; row < end; row += stride) {
    for (let p = row; p < row + count; p++) dst[p] = sigmoid(src[p] as number);
  }
};

/** Σ_k ½ (y_k − t_k)², for every squared-error head. */
export const squaredErrorLoss: RowLoss = (_pre, out, start, stride, size, targets, offset) => {
  let loss = 0;
  for (let k = 0; k < size; k++) {
    const d = (out[start + k * stride] as number) - (targets[offset + k] as number);
    loss += 0.5 * d * d;
  }
  return loss;
};

/** `squaredErrorLoss` of every row of a pass, for every squared-error head. */
export const squaredErrorLosses: PassLosses = (pass, start, rows, targets, lossSum) => {
  const { rowExample, outputSize, pre, out } = pass;
  for (let r = 0; r < rows; r++) {
    const offset = (rowExample[r] as number) * outputSize;
    lossSum += squaredErrorLoss(pre, out, start + r, rows, outputSize, targets, offset);
  }
  return lossSum;
};
