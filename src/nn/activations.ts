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
  ACTIVATION_TABLE,
  type ActivationId,
} from './activationTable';
import { SpecError } from './errors';

export { softplus } from './activationsExponential';
export { sigmoid } from './exactMath';
export { ACTIVATION_CODES, ACTIVATION_COUNT, ACTIVATION_IDS } from './activationTable';
export type { ActivationId } from './activationTable';

/** What the UI shows about an activation (see activationEntry.ts for each field). */
export interface ActivationInfo {
  readonly id: ActivationId;
  readonly label: string;
  readonly formula: string;
  readonly range: readonly [number, number];
  readonly initFamily: InitFamily;
}

/** Display data for every activation, in palette order: plain data, without the kernels. */
export const ACTIVATIONS: readonly ActivationInfo[] = ACTIVATION_TABLE.map(
  ({ id, label, formula, range, initFamily }) => ({ id, label, formula, range, initFamily }),
);

/** What a bad activation id should have been, in the words of a SpecError. */
export const ACTIVATION_ID_EXPECTED = `one of the ${ACTIVATION_COUNT} activation ids`;

// A Map, not the codes object: `"toString" in ACTIVATION_CODES` would be true.
const CODE_BY_ID = new Map<string, number>(ACTIVATION_IDS.map((id, code) => [id, code]));

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
 * The activation with code `code` at pre-activation `x`; NaN for a code that is none.
 * A call through the table: for curves and tests, not for loops over many values (those use
 * `activateRun`, whose kernels are inlined).
 */
export function activate(code: number, x: number): number {
  const entry = ACTIVATION_TABLE[code];
  return entry ? entry.value(x) : NaN;
}

/**
 * dy/dx of the activation with code `code`, given the pre-activation `x` and the output
 * `y = activate(code, x)`; NaN for a code that is none. At the kinks it follows PyTorch:
 * relu'(0) = 0, abs'(0) = 0, leaky_relu'(0) = 0.01.
 */
export function activationDerivative(code: number, x: number, y: number): number {
  const entry = ACTIVATION_TABLE[code];
  return entry ? entry.derivative(x, y) : NaN;
}
