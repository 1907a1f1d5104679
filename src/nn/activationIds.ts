/**
 * Every hidden activation's id and code: the fixed ones (activationTable.ts) first, then those
 * with learned parameters (learnedActivations.ts). A code is the position in that order.
 */
import { ACTIVATION_TABLE, FIXED_ACTIVATION_COUNT } from './activationTable';
import { LEARNED_ACTIVATION_TABLE } from './learnedActivations';
import { codesOf, idsOf } from './tableCodes';

/** Every entry, fixed and learned, in palette order. */
export const ALL_ACTIVATION_ENTRIES = [...ACTIVATION_TABLE, ...LEARNED_ACTIVATION_TABLE] as const;

/** Every hidden activation's id, in palette order. */
export const ACTIVATION_IDS = idsOf(ALL_ACTIVATION_ENTRIES);

export type ActivationId = (typeof ACTIVATION_IDS)[number];

/** The ids of the activations with learned parameters. */
export const LEARNED_ACTIVATION_IDS = idsOf(LEARNED_ACTIVATION_TABLE);

export type LearnedActivationId = (typeof LEARNED_ACTIVATION_IDS)[number];

/** How many hidden activations there are, fixed and learned. */
export const ACTIVATION_COUNT = ALL_ACTIVATION_ENTRIES.length;

/** The code of every activation by id, e.g. `ACTIVATION_CODES.tanh`, checked by the compiler. */
export const ACTIVATION_CODES = codesOf(ALL_ACTIVATION_ENTRIES);

/** Whether code `code` is an activation with learned parameters. */
export function isLearnedCode(code: number): boolean {
  return code >= FIXED_ACTIVATION_COUNT;
}

/** The learned entry of code `code`, or undefined for a fixed one or a code that is none. */
export function learnedEntryOf(code: number) {
  return LEARNED_ACTIVATION_TABLE[code - FIXED_ACTIVATION_COUNT];
}
