/**
 * The forward pass and per-example losses, exact in float64.
 *
 * A pass runs a block of examples, the rows, through the network layer by layer (see
 * network.ts for the layout and train.ts for why); `forward` is the one-row case.
 */
import { activateRun, FIXED_ACTIVATION_COUNT } from './activationTable';
import { activateLearned, prepareLearned } from './learnedPass';
import type { Network } from './network';

/**
 * Runs one example forward: fills `net.pre`, `net.out` and `net.slope` for it (a pass of one
 * row, so their first `unitCount` entries are plain per-unit arrays).
 * @param inputs flat example inputs; the example starts at `offset`
 */
export function forward(net: Network, inputs: ArrayLike<number>, offset = 0): void {
  const { out } = net;
  for (let i = 0; i < net.inputSize; i++) out[i] = inputs[offset + i] as number;
  forwardRows(net, 1);
}

/**
 * Loads the inputs of examples `position`, `position + 1`, … (of `order` when given, wrapping
 * at `count`) into rows 0 to rows − 1 of `out`, and their indices into `rowExample`.
 * Returns the position after the last.
 */
export function loadRows(
  net: Network,
  inputs: Float64Array,
  count: number,
  order: Int32Array | null,
  position: number,
  rows: number,
): number {
  const { out, rowExample, inputSize } = net;
  for (let r = 0; r < rows; r++) {
    const n = order ? (order[position] as number) : position;
    // Wrapping by comparison, not `%`: an integer division per example is measurable here.
    position = position + 1 === count ? 0 : position + 1;
    rowExample[r] = n;
    const from = n * inputSize;
    for (let i = 0; i < inputSize; i++) out[i * rows + r] = inputs[from + i] as number;
  }
  return position;
}

/** Runs the inputs already in `out` through every layer, for a pass of `rows` rows. */
export function forwardRows(net: Network, rows: number): void {
  if (net.learnedUnitCount > 0) prepareLearned(net);
  for (let k = 1; k < net.outputLayer; k++) {
    affineBlock(net, k, net.out, net.pre, rows, rows);
    activateLayer(net, k, rows);
  }
  affineBlock(net, net.outputLayer, net.out, net.pre, rows, rows);
  applyOutputActivation(net, rows);
}

/**
 * The pre-activations of layer k at `count` points (rows, or grid points), the values of unit
 * u at point r being at `u·stride + r` in both arrays: dst[u][r] = bias[u] + Σ_i weight[u][i] ·
 * src[i][r], i over the layer below. The forward pass reads `out` and writes `pre`; the grid
 * reads and writes one tile.
 *
 * Four units by two points at a time, why: in V8 every typed-array access in a loop costs a
 * map check, a bounds check and pointer reloads besides the multiply-add, so a loop over one
 * weight row of 7–8 entries is mostly overhead. Eight sums per pass pay it once, read each
 * weight for two points and each input for four units, and give the CPU eight independent
 * chains to overlap. Each sum still adds its terms in input order, as one at a time would.
 * With an odd count the last pair is that point twice (same values, written twice).
 */
export function affineBlock(
  net: Network,
  k: number,
  src: Float64Array,
  dst: Float64Array,
  stride: number,
  count: number,
): void {
  const { weights, biases } = net;
  const fanIn = net.sizes[k - 1] as number;
  const below = (net.unitStart[k - 1] as number) * stride;
  const start = net.unitStart[k] as number;
  const end = net.unitStart[k + 1] as number;
  const firstWeight = net.weightStart[k] as number;
  for (let r = 0; r < count; r += 2) {
    const s = Math.min(r + 1, count - 1);
    let u = start;
    let w0 = firstWeight;
    for (; u + 4 <= end; u += 4) {
      const w1 = w0 + fanIn;
      const w2 = w1 + fanIn;
      const w3 = w2 + fanIn;
      let a0 = biases[u] as number;
      let a1 = biases[u + 1] as number;
      let a2 = biases[u + 2] as number;
      let a3 = biases[u + 3] as number;
      let b0 = a0;
      let b1 = a1;
      let b2 = a2;
      let b3 = a3;
      for (let i = 0; i < fanIn; i++) {
        const xA = src[below + i * stride + r] as number;
        const xB = src[below + i * stride + s] as number;
        const v0 = weights[w0 + i] as number;
        const v1 = weights[w1 + i] as number;
        const v2 = weights[w2 + i] as number;
        const v3 = weights[w3 + i] as number;
        a0 += v0 * xA;
        a1 += v1 * xA;
        a2 += v2 * xA;
        a3 += v3 * xA;
        b0 += v0 * xB;
        b1 += v1 * xB;
        b2 += v2 * xB;
        b3 += v3 * xB;
      }
      const at = u * stride;
      dst[at + r] = a0;
      dst[at + stride + r] = a1;
      dst[at + 2 * stride + r] = a2;
      dst[at + 3 * stride + r] = a3;
      dst[at + s] = b0;
      dst[at + stride + s] = b1;
      dst[at + 2 * stride + s] = b2;
      dst[at + 3 * stride + s] = b3;
      w0 = w3 + fanIn;
    }
    for (; u < end; u++) {
      let a = biases[u] as number;
      let b = a;
      for (let i = 0; i < fanIn; i++) {
        const v = weights[w0 + i] as number;
        a += v * (src[below + i * stride + r] as number);
        b += v * (src[below + i * stride + s] as number);
      }
      dst[u * stride + r] = a;
      dst[u * stride + s] = b;
      w0 += fanIn;
    }
  }
}

/**
 * Applies the activations of hidden layer k in every row: one call per run of neighbouring
 * units that share an activation, whose values in all rows are contiguous (a whole uniform
 * layer is one run). A run of learned units goes its own way (learnedPass.ts).
 */
function activateLayer(net: Network, k: number, rows: number): void {
  const { codes, pre, out, slope } = net;
  const end = net.unitStart[k + 1] as number;
  let u = net.unitStart[k] as number;
  while (u < end) {
    const code = codes[u] as number;
    let runEnd = u + 1;
    while (runEnd < end && codes[runEnd] === code) runEnd++;
    if (code >= FIXED_ACTIVATION_COUNT) activateLearned(net, u, runEnd, rows);
    else activateRun(code, pre, out, slope, u * rows, runEnd * rows);
    u = runEnd;
  }
}

/** Turns the output layer's logits (`pre`) into its outputs (`out`) in every row. */
function applyOutputActivation(net: Network, rows: number): void {
  const start = (net.unitStart[net.outputLayer] as number) * rows;
  net.head.activateOutputs(net.pre, net.out, start, net.unitCount * rows, rows, rows);
}

/**
 * The per-example loss of the last `forward` against `targets` (starting at `offset`).
 * BCE and cross-entropy are computed from the logits, so they stay finite where the
 * probabilities round to 0 or 1.
 */
export function exampleLoss(net: Network, targets: ArrayLike<number>, offset = 0): number {
  const start = net.unitStart[net.outputLayer] as number;
  return net.head.rowLoss(net.pre, net.out, start, 1, net.outputSize, targets, offset);
}
