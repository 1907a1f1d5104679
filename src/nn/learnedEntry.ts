/**
 * What one hidden activation with learned parameters declares: what the page shows of it, its
 * parameters, and the kernels the engine runs it with, a run of neurons at a time. The fixed
 * activations are declared in activationEntry.ts; the table of these is learnedActivations.ts.
 */
import type { InitFamily } from './activationEntry';
import type { Network } from './network';

/**
 * The training pass's kernel for a run of neighbouring neurons of one layer that share the
 * activation, units `first` to `end` − 1, over the `rows` rows of a pass (unit u's values are
 * at `u·rows + r`, see network.ts, so the run's values are contiguous). Unit u's parameters are
 * `net.activationParams[activationParamStart[u − inputSize] …]` (for a mixture also
 * `net.mixWeights` there, their softmax). It sets, for every unit u of the run and row r:
 * - `net.out` to f(x) and `net.learnedSlope` to ∂f/∂x, x being `net.pre` there;
 * - `net.slope` to 1, why: backpropagation (backward.ts) multiplies the sum from the layer
 *   above by `slope`; with 1 it leaves ∂loss/∂out, which the parameter gradients need (∂f/∂x
 *   may be 0), and the learned pass multiplies in the true slope afterwards;
 * - whatever its `backward` needs: by default `net.activationParamDer[(p0 + q)·ROWS + r]` to
 *   ∂f/∂θ_q for each of its parameters θ_q, p0 being the unit's first parameter.
 *
 * Each kernel is a function literal of its own (see activationEntry.ts `Run` for why).
 */
export type LearnedRun = (net: Network, first: number, end: number, rows: number) => void;

/**
 * The backward kernel for the same run, after the deltas were propagated into its layer
 * (`net.delta` holds ∂loss/∂out there): adds ∂loss/∂θ, row by row in row order, to
 * `net.gradActivationParams`, then turns `delta` into ∂loss/∂pre with `learnedSlope`.
 */
export type LearnedBackward = LearnedRun;

/**
 * The heatmaps' kernel: replaces `tile[at + p]` by f(`tile[at + p]`) for p < count, in place,
 * to display precision (1e-4), with the parameters at `net.activationParams[p0 …]`.
 */
export type LearnedDisplayRow = (
  net: Network,
  p0: number,
  tile: Float64Array,
  at: number,
  count: number,
) => void;

/**
 * How many parameters a neuron of the activation learns: a number, or `palette` for one per
 * entry of the network's mixture palette.
 */
export type ParameterCount = number | 'palette';

/** One hidden activation with parameters learned per neuron. */
export interface LearnedActivationEntry<Id extends string = string> {
  /** The id in specs, links and files, and in the PyTorch reference (learnable-cases.json). */
  readonly id: Id;
  readonly label: string;
  /** One-line formula in plain text. */
  readonly formula: string;
  /** One line on what each neuron learns, for the palette. */
  readonly learns: string;
  /** Output range at any parameter values; ±Infinity where unbounded. */
  readonly range: readonly [number, number];
  readonly initFamily: InitFamily;
  readonly parameterCount: ParameterCount;
  /** The value every parameter starts from (a new neuron, a reset, a new palette). */
  readonly defaultParameter: number;
  /**
   * f(x) exactly, with the parameters `params` (their number as `parameterCount` says) and, for
   * a mixture, the palette's codes; the reference the kernels are tested against.
   */
  readonly value: (x: number, params: ArrayLike<number>, paletteCodes: ArrayLike<number>) => number;
  readonly run: LearnedRun;
  /** Absent: the parameter gradients are summed from `activationParamDer` (learnedPass.ts). */
  readonly backward?: LearnedBackward;
  readonly display: LearnedDisplayRow;
}

/** Returns `entry` unchanged, its id kept as a literal type. */
export function defineLearnedActivation<const Id extends string>(
  entry: LearnedActivationEntry<Id>,
): LearnedActivationEntry<Id> {
  return entry;
}
