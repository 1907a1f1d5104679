/**
 * The one table of output heads: the (output activation, loss) pairs the engine trains, with
 * the per-example losses of the PyTorch reference. A head's code is its position here; ids,
 * codes, the allowed pairs in messages and every lookup derive from the table.
 *
 * Adding a head is one entry (outputHeadEntry.ts says what it holds) in an outputHeads*.ts
 * file, its place in this list, and reference cases for it in fixtures/cases.json.
 */
import { SpecError } from './errors';
import type { OutputHeadEntry, TargetEncoding } from './outputHeadEntry';
import { sigmoidBce, softmaxCrossEntropy } from './outputHeadsCrossEntropy';
import { linearMse, sigmoidMse, tanhMse } from './outputHeadsSquaredError';
import { codesOf, idsOf } from './tableCodes';

export type { Decision, TargetEncoding } from './outputHeadEntry';

/**
 * tanh + mse on ±1 labels (TensorFlow Playground's), sigmoid + bce, sigmoid + mse,
 * softmax + crossentropy (classes), linear + mse (regression).
 */
export const OUTPUT_HEADS = [
  tanhMse,
  sigmoidBce,
  sigmoidMse,
  softmaxCrossEntropy,
  linearMse,
] as const;

export const OUTPUT_HEAD_IDS = idsOf(OUTPUT_HEADS);
export type OutputHeadId = (typeof OUTPUT_HEAD_IDS)[number];
/** The code of every head by id, e.g. `OUTPUT_HEAD_CODES.tanh_mse`. */
export const OUTPUT_HEAD_CODES = codesOf(OUTPUT_HEADS);
export const OUTPUT_HEAD_COUNT = OUTPUT_HEADS.length;

/** The output layer's activation and the loss it is trained with. */
export type OutputActivation = (typeof OUTPUT_HEADS)[number]['activation'];
export type LossId = (typeof OUTPUT_HEADS)[number]['loss'];

/** Any one of the heads. */
export type OutputHead = OutputHeadEntry<OutputHeadId, OutputActivation, LossId>;

/** What a bad output should have been, in the words of a SpecError. */
export const OUTPUT_HEAD_EXPECTED = OUTPUT_HEADS.map((h) => `${h.activation} + ${h.loss}`).join(
  ', ',
);

/** The head of an output activation and loss, or undefined when the engine trains no such pair. */
export function findOutputHead(activation: unknown, loss: unknown): OutputHead | undefined {
  return OUTPUT_HEADS.find((h) => h.activation === activation && h.loss === loss);
}

/** The head of `output`; throws a SpecError naming the allowed pairs when there is none. */
export function outputHeadOf(output: {
  readonly activation: unknown;
  readonly loss: unknown;
}): OutputHead {
  const head = findOutputHead(output?.activation, output?.loss);
  if (!head) {
    const got = output ? `${String(output.activation)} + ${String(output.loss)}` : output;
    throw new SpecError('output', OUTPUT_HEAD_EXPECTED, got);
  }
  return head;
}

/** The position of `head` in OUTPUT_HEADS. */
export function outputHeadCode(head: OutputHead): number {
  return OUTPUT_HEAD_CODES[head.id];
}

/**
 * The values the output heatmaps map onto the colour scale: the head's range, and [-1, 1]
 * for regression, whose targets lie about there.
 */
export function outputColourRange(output: {
  readonly activation: OutputActivation;
  readonly loss: LossId;
}): readonly [number, number] {
  return outputHeadOf(output).colourRange;
}

/**
 * How targets are encoded for an output activation. Every head with that activation encodes
 * them alike (tested), so data sets need not know the loss.
 */
export function targetEncodingOf(activation: OutputActivation): TargetEncoding {
  const head = OUTPUT_HEADS.find((h) => h.activation === activation);
  if (!head) throw new RangeError(`unknown output activation "${String(activation)}"`);
  return head.targets;
}
