/**
 * What one hidden activation declares, once: what the page shows of it and every kernel the
 * engine runs it with. The table of them is activationTable.ts; an activation's code (the
 * number a neuron stores) is its position there.
 */

/** The initialisation family the "auto" scheme uses: He for the ReLU family, Xavier otherwise. */
export type InitFamily = 'he' | 'xavier';

/**
 * Sets `out[i]` = f(`pre[i]`) and `slope[i]` = f′(`pre[i]`) for start ≤ i < end: the values of
 * a run of units that share the activation, in all the rows of a pass (see forward.ts).
 *
 * Each entry's run is a function literal of its own, never one made by a shared factory, why:
 * V8 keeps type feedback and optimised code per function literal, so closures from one factory
 * would share one polymorphic copy and call their exp or sin kernels out of line.
 */
export type Run = (
  pre: Float64Array,
  out: Float64Array,
  slope: Float64Array,
  start: number,
  end: number,
) => void;

/** Where the display activations may write: the heatmap images, or float64 scratch. */
export type DisplayTarget = Float32Array | Float64Array;

/** Sets `dst[p]` = f(`src[p + shift]`) for start ≤ p < end, exactly. */
export type DisplayRow = (
  src: Float64Array,
  shift: number,
  dst: DisplayTarget,
  start: number,
  end: number,
) => void;

/**
 * How the heatmaps compute the activation (fastActivations.ts), to display precision (1e-4):
 * - `table`: interpolated from a table of `value` over [-16, 16]; beyond +16 it is
 *   `highSlope · x + highIntercept` and below -16 the constant `value(-16)`, which must hold to
 *   display precision (tested);
 * - `sine`: sin(x + phase) from one tabulated period;
 * - `exact`: cheap enough to compute exactly, by `row`.
 */
export type DisplayRule =
  | { readonly kind: 'table'; readonly highSlope: number; readonly highIntercept: number }
  | { readonly kind: 'sine'; readonly phase: number }
  | { readonly kind: 'exact'; readonly row: DisplayRow };

/** One hidden activation f, with everything the page and the engine need of it. */
export interface ActivationEntry<Id extends string = string> {
  /** The id in specs, links and files, and in the PyTorch reference (fixtures/activations.json). */
  readonly id: Id;
  /** Display name, e.g. "Leaky ReLU". */
  readonly label: string;
  /** One-line formula in plain text. */
  readonly formula: string;
  /** Output range [low, high]; ±Infinity where unbounded. */
  readonly range: readonly [number, number];
  readonly initFamily: InitFamily;
  /**
   * Learned parameters per neuron: 0 for every entry of this (fixed) kind. The activations
   * with learned parameters (PReLU's slope, Swish's β, a mixture's weights, one per palette
   * entry) are entries of another kind, learnedEntry.ts, whose kernels take each neuron's
   * parameters; the type keeps a learned activation from slipping in here without them.
   */
  readonly parameterCount: 0;
  /** f(x), exactly (float64); the reference the kernels are tested against. */
  readonly value: (x: number) => number;
  /**
   * f′(x), given x and y = f(x), which may hold its expensive part (tanh, sigmoid, exp). At the
   * kinks it follows PyTorch: relu′(0) = 0, abs′(0) = 0, leaky_relu′(0) = 0.01.
   */
  readonly derivative: (x: number, y: number) => number;
  /** The training pass's kernel: `value` and `derivative` over a run, bit for bit (tested). */
  readonly run: Run;
  readonly display: DisplayRule;
}

/**
 * Returns `entry` unchanged, its id kept as a literal type (so the table's ids type itself),
 * and its functions typed from ActivationEntry.
 */
export function defineActivation<const Id extends string>(
  entry: ActivationEntry<Id>,
): ActivationEntry<Id> {
  return entry;
}
