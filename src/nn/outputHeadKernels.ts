/** Kernels shared by several output heads (see outputHeadEntry.ts for their signatures). */
import type { OutputKernel, RowLoss } from './outputHeadEntry';
import { exp, sigmoid } from './exactMath';

/**
 * `out[i] = softmax(pre)[i]` over i = from, from + stride, … below `end` (`out` may be `pre`
 * itself: each entry is read before it is written).
 */
export function softmax(
  pre: Float64Array,
  out: Float64Array,
  from: number,
  end: number,
  stride: number,
): void {
  // Subtract the largest logit so exp never overflows.
  let max = -Infinity;
  for (let i = from; i < end; i += stride) max = Math.max(max, pre[i] as number);
  let sum = 0;
  for (let i = from; i < end; i += stride) {
    const e = exp((pre[i] as number) - max);
    out[i] = e;
    sum += e;
  }
  for (let i = from; i < end; i += stride) out[i] = (out[i] as number) / sum;
}

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
