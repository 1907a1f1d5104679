/**
 * What one output head declares, once: the output layer's activation and the loss it is
 * trained with, how its targets are encoded and judged, how the page colours it, and the
 * kernels the engine runs it with. The table of them is outputHeads.ts.
 *
 * The kernels are function literals of each entry (never made by a shared factory, see
 * activationEntry.ts `Run` for why) and are called once per pass or per example, so the
 * table costs one indirect call where a switch on a head code used to be.
 */

/**
 * How a data set's labels become targets (src/data/examples.ts):
 * - `label`: the label as it is (±1 for binary sets, a real for regression), in every output;
 * - `zeroOne`: 1 for a positive label, else 0, in every output;
 * - `oneHot`: 1 at the output of the class index, 0 elsewhere (one output per class).
 */
export type TargetEncoding = 'label' | 'zeroOne' | 'oneHot';

/**
 * How an example counts as classified right, for accuracy:
 * - `threshold`: every output on the same side of `threshold` as its target (strictly above
 *   counts as positive);
 * - `argmax`: the largest output is where the target is largest (first of ties);
 * - `none`: a regression head, whose accuracy is NaN.
 */
export type Decision =
  | { readonly rule: 'threshold'; readonly threshold: number }
  | { readonly rule: 'argmax' }
  | { readonly rule: 'none' };

/**
 * Sets `dst[u + t]` = the head's activation of the logits `src[u + t]` for point t < count of
 * every output unit u = first, first + stride, … below `end` (the units' values at the points
 * are contiguous). `dst` may be `src` (in place, as in the heatmaps). Softmax runs across the
 * units, point by point.
 *
 * A source and a destination rather than in place with a copy first, why: with small
 * networks the forward pass's extra copy loop cost some 5 % of the training speed.
 */
export type OutputKernel = (
  src: Float64Array,
  dst: Float64Array,
  first: number,
  end: number,
  stride: number,
  count: number,
) => void;

/**
 * The loss of one example whose output k (k < size) has logit `pre[start + k·stride]` and
 * output `out[start + k·stride]`, against targets `targets[offset + k]`.
 */
export type RowLoss = (
  pre: Float64Array,
  out: Float64Array,
  start: number,
  stride: number,
  size: number,
  targets: ArrayLike<number>,
  offset: number,
) => number;

/** What a head reads and writes of a pass of rows (a Network is one, see network.ts). */
export interface OutputPass {
  readonly pre: Float64Array;
  readonly out: Float64Array;
  /** dLoss/dPre; the head writes its output units' entries. */
  readonly delta: Float64Array;
  /** The example of each row, whose targets are at `rowExample[r] · outputSize`. */
  readonly rowExample: Int32Array;
  readonly outputSize: number;
}

/**
 * Adds the loss of each row r < rows of a pass whose output units start at `start` (unit k of
 * row r at `start + k·rows + r`), as `rowLoss` gives it, to `lossSum`, row by row. Returns the
 * sum. One call per pass, why: a call per row through the table, once it has seen several
 * heads, is not inlined and boxes the number it returns; here each head calls its own
 * `rowLoss` directly.
 */
export type PassLosses = (
  pass: OutputPass,
  start: number,
  rows: number,
  targets: Float64Array,
  lossSum: number,
) => number;

/**
 * `PassLosses` that also sets every row's output deltas to dLoss/dLogit, for training.
 */
export type LossesAndDeltas = (
  pass: OutputPass,
  start: number,
  rows: number,
  targets: Float64Array,
  lossSum: number,
) => number;

/** One output head: activation A trained with loss L. */
export interface OutputHeadEntry<
  Id extends string = string,
  A extends string = string,
  L extends string = string,
> {
  readonly id: Id;
  readonly activation: A;
  readonly loss: L;
  /** A short human label, e.g. "tanh, squared error". */
  readonly label: string;
  readonly targets: TargetEncoding;
  readonly decision: Decision;
  /** The values the output heatmaps map onto the colour scale, [low, high]. */
  readonly colourRange: readonly [number, number];
  readonly activateOutputs: OutputKernel;
  /** Per-example loss; BCE and cross-entropy from the logits, finite where outputs round. */
  readonly rowLoss: RowLoss;
  readonly losses: PassLosses;
  readonly lossesAndDeltas: LossesAndDeltas;
}

/** Returns `entry` unchanged, its id, activation and loss kept as literal types. */
export function defineOutputHead<
  const Id extends string,
  const A extends string,
  const L extends string,
>(entry: OutputHeadEntry<Id, A, L>): OutputHeadEntry<Id, A, L> {
  return entry;
}
