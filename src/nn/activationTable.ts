/**
 * The one table of fixed hidden activations (no learned parameters), in palette order. An
 * activation's code, the small integer a neuron stores in `Network.codes`, is its position
 * here; the ids, the codes, the count and the kernels by code are all derived below, never
 * numbered by hand. The activations with learned parameters (learnedActivations.ts) take the
 * codes after these, so a code below FIXED_ACTIVATION_COUNT is a fixed one.
 *
 * Adding an activation is one entry (activationEntry.ts says what it holds) in one of the
 * activations*.ts files, its place in this list, and its PyTorch values in
 * fixtures/activations.json. Appending keeps the codes of the others (codes are not stored in
 * links or files, which use the ids, so inserting is safe too).
 */
import type { Run } from './activationEntry';
import { elu, selu, softplusActivation } from './activationsExponential';
import { gelu, mish, silu } from './activationsGated';
import { cosine, sine } from './activationsPeriodic';
import { abs, leakyRelu, linear, relu, square } from './activationsPiecewise';
import { gaussian, sigmoidActivation, softsign, tanhActivation } from './activationsSquashing';
import { codesOf, idsOf } from './tableCodes';

export const ACTIVATION_TABLE = [
  relu,
  tanhActivation,
  sigmoidActivation,
  linear,
  sine,
  cosine,
  gaussian,
  leakyRelu,
  elu,
  selu,
  gelu,
  silu,
  mish,
  softplusActivation,
  abs,
  square,
  softsign,
] as const;

/**
 * The fixed activations' ids, in palette order; the ids are those of the PyTorch reference.
 * The activations with learned parameters follow them (learnedActivations.ts); all the ids
 * together are in activationIds.ts.
 */
export const FIXED_ACTIVATION_IDS = idsOf(ACTIVATION_TABLE);

/** The id of an activation without learned parameters. */
export type FixedActivationId = (typeof FIXED_ACTIVATION_IDS)[number];

/** How many fixed activations there are: their codes are 0 to FIXED_ACTIVATION_COUNT − 1. */
export const FIXED_ACTIVATION_COUNT = ACTIVATION_TABLE.length;

/** The code of every fixed activation by id, e.g. `FIXED_ACTIVATION_CODES.tanh`. */
export const FIXED_ACTIVATION_CODES = codesOf(ACTIVATION_TABLE);

/** The run kernel of each code, an array of functions rather than a switch (see `activateRun`). */
const RUNS: readonly Run[] = ACTIVATION_TABLE.map((entry) => entry.run);

/**
 * Sets `out[i]` = activation(`pre[i]`) and `slope[i]` = its derivative for start ≤ i < end,
 * values of units that all have activation `code` (see activationEntry.ts `Run`); NaN for a
 * code that is none.
 *
 * Why runs rather than one call per value: V8 inlines only small functions, and a switch over
 * every activation with its exp/tanh kernels is far over the limit; an out-of-line call that
 * returns a number also boxes it on the heap. Here the dispatch happens once per run, every
 * kernel is inlined into its small loop, and results go straight into the typed arrays. A
 * uniform layer is one run; a mixed one costs one call per neuron.
 *
 * Dispatched through an array indexed by code rather than a switch, why: V8 inlines a switch's
 * small callees into it until its inlining budget runs out, and the run functions left over
 * then call their exp or sin kernels out of line, boxing every result on the heap. A call
 * through the array is not inlined once it has seen several activations, so each run function
 * is compiled on its own, with its kernel inlined.
 */
export function activateRun(
  code: number,
  pre: Float64Array,
  out: Float64Array,
  slope: Float64Array,
  start: number,
  end: number,
): void {
  const run = RUNS[code];
  if (run) return run(pre, out, slope, start, end);
  out.fill(NaN, start, end);
  slope.fill(NaN, start, end);
}
