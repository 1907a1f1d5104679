/**
 * The hidden activations as the rest of the app sees them: display data, ids and codes, and
 * the scalar value and derivative. Everything here is read from the one table,
 * activationTable.ts; the training pass runs the same formulas over runs of units
 * (`activateRun`) and the heatmaps at display precision (fastActivations.ts).
 */
import type { InitFamily } from './activationEntry';
import {
  ACTIVATION_COUNT,
  ACTIVATION_IDS,
  ALL_ACTIVATION_ENTRIES,
  LEARNED_ACTIVATION_IDS,
  type ActivationId,
  type LearnedActivationId,
} from './activationIds';
import { FIXED_ACTIVATION_CODES, type FixedActivationId } from './activationTable';
import { SpecError } from './errors';
import type { ParameterCount } from './learnedEntry';

export { softplus } from './activationsExponential';
export { sigmoid } from './exactMath';
export {
  ACTIVATION_CODES,
  ACTIVATION_COUNT,
  ACTIVATION_IDS,
  isLearnedCode,
  LEARNED_ACTIVATION_IDS,
} from './activationIds';
export type { ActivationId, LearnedActivationId } from './activationIds';
export {
  FIXED_ACTIVATION_CODES,
  FIXED_ACTIVATION_COUNT,
  FIXED_ACTIVATION_IDS,
} from './activationTable';
export type { FixedActivationId } from './activationTable';
export type { ParameterCount } from './learnedEntry';

/** What the UI shows about an activation (see activationEntry.ts for each field). */
export interface ActivationInfo {
  readonly id: ActivationId;
  readonly label: string;
  readonly formula: string;
  readonly range: readonly [number, number];
  readonly initFamily: InitFamily;
  /** Parameters each neuron learns: 0 for the fixed ones, `palette` for one per palette entry. */
  readonly parameterCount: ParameterCount;
  /** For an activation with learned parameters, one line on what it learns. */
  readonly learns?: string;
}

/** Display data for every activation, in palette order: plain data, without the kernels. */
export const ACTIVATIONS: readonly ActivationInfo[] = ALL_ACTIVATION_ENTRIES.map((entry) => {
  const { id, label, formula, range, initFamily, parameterCount } = entry;
  const info = { id, label, formula, range, initFamily, parameterCount };
  return 'learns' in entry ? { ...info, learns: entry.learns } : info;
});

/** What a bad activation id should have been, in the words of a SpecError. */
export const ACTIVATION_ID_EXPECTED = `one of the ${ACTIVATION_COUNT} activation ids`;

// A Map, not the codes object: `"toString" in ACTIVATION_CODES` would be true.
const CODE_BY_ID = new Map<string, number>(ACTIVATION_IDS.map((id, code) => [id, code]));

const LEARNED_IDS = new Set<string>(LEARNED_ACTIVATION_IDS);
const FIXED_CODE_BY_ID = new Map<string, number>(Object.entries(FIXED_ACTIVATION_CODES));

/** Whether activation `id` has parameters learned per neuron (PReLU, Swish, Learned mix). */
export function isLearned(id: ActivationId): id is LearnedActivationId {
  return LEARNED_IDS.has(id);
}

/** True when `value` is the id of one of the fixed activations (those a mixture may blend). */
export function isFixedActivationId(value: unknown): value is FixedActivationId {
  return typeof value === 'string' && FIXED_CODE_BY_ID.has(value);
}

/** True when `value` is one of the ACTIVATION_COUNT activation ids. */
export function isActivationId(value: unknown): value is ActivationId {
  return typeof value === 'string' && CODE_BY_ID.has(value);
}

/** Throws a SpecError for `field` unless `value` is an activation id. */
export function checkActivationId(field: string, value: unknown): asserts value is ActivationId {
  if (!isActivationId(value)) throw new SpecError(field, ACTIVATION_ID_EXPECTED, value);
}

/** The integer code the engine stores for an activation. Throws for an unknown id. */
export function activationCode(id: ActivationId): number {
  const code = CODE_BY_ID.get(id);
  if (code === undefined) throw new RangeError(`unknown activation "${String(id)}"`);
  return code;
}

/** The id of an activation code. */
export function activationIdOf(code: number): ActivationId {
  const id = ACTIVATION_IDS[code];
  if (id === undefined) throw new RangeError(`unknown activation code ${code}`);
  return id;
}

/** Display data of one activation. */
export function activationInfo(id: ActivationId): ActivationInfo {
  return ACTIVATIONS[activationCode(id)] as ActivationInfo;
}

/**
 * The activation with code `code` at pre-activation `x`; NaN for a code that is none. A
 * learned one is taken at its default parameters (a mixture over the default palette, see
 * learnedParams.ts `learnedActivationValue` for given ones).
 * A call through the table: for curves and tests, not for loops over many values (those use
 * `activateRun`, whose kernels are inlined).
 */
export function activate(code: number, x: number): number {
  const entry = ALL_ACTIVATION_ENTRIES[code];
  if (!entry) return NaN;
  return 'learns' in entry ? learnedAtDefaults(entry.id, x) : entry.value(x);
}

/**
 * dy/dx of the fixed activation with code `code`, given the pre-activation `x` and the output
 * `y = activate(code, x)`; NaN for a code that is none or learned. At the kinks it follows
 * PyTorch: relu'(0) = 0, abs'(0) = 0, leaky_relu'(0) = 0.01.
 */
export function activationDerivative(code: number, x: number, y: number): number {
  const entry = ALL_ACTIVATION_ENTRIES[code];
  return entry && !('learns' in entry) ? entry.derivative(x, y) : NaN;
}

/** The mixture palette a network has unless its spec names another. */
export const DEFAULT_MIXTURE_PALETTE: readonly FixedActivationId[] = [
  'relu',
  'tanh',
  'sin',
  'gaussian',
  'sigmoid',
  'linear',
];

const DEFAULT_PALETTE_CODES = DEFAULT_MIXTURE_PALETTE.map((id) => FIXED_ACTIVATION_CODES[id]);

function learnedAtDefaults(id: LearnedActivationId, x: number): number {
  const entry = ALL_ACTIVATION_ENTRIES[CODE_BY_ID.get(id) as number];
  if (!entry || !('learns' in entry)) return NaN;
  const count =
    entry.parameterCount === 'palette' ? DEFAULT_PALETTE_CODES.length : entry.parameterCount;
  const params = new Array<number>(count).fill(entry.defaultParameter);
  return entry.value(x, params, DEFAULT_PALETTE_CODES);
}
