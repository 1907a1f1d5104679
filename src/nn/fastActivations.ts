/**
 * Display-only activations: whole rows at a time, with the costly functions read from
 * lookup tables with linear interpolation. The error is below 1e-4 everywhere (tested), far
 * below what a heatmap colour can show, and a point costs about half of what the exact
 * kernels of exactMath.ts cost (a fifth of Math.tanh / exp / sin). Training never uses this
 * file.
 */
import {
  ABS,
  LEAKY_RELU,
  LEAKY_SLOPE,
  LINEAR,
  RELU,
  SELU_SCALE,
  SOFTSIGN,
  SQUARE,
} from './activationKernels';
import { activate, activationCode, type ActivationId } from './activations';

/** Tables cover [-TABLE_RANGE, TABLE_RANGE] in steps of 1 / TABLE_STEPS_PER_UNIT. */
const TABLE_RANGE = 16;
const TABLE_STEPS_PER_UNIT = 64;
const TABLE_SIZE = 2 * TABLE_RANGE * TABLE_STEPS_PER_UNIT + 1;

/** sin and cos use one period of 4096 steps; the argument is reduced modulo 2π first. */
const PERIOD_STEPS = 4096;
const TWO_PI = 2 * Math.PI;

interface Table {
  readonly values: Float64Array;
  /** Beyond +TABLE_RANGE the function is `slope · x + intercept` (to display precision). */
  readonly highSlope: number;
  readonly highIntercept: number;
  /** Below -TABLE_RANGE the function is this constant (to display precision). */
  readonly lowValue: number;
}

function buildTable(id: ActivationId, highSlope: number, highIntercept: number): Table {
  const code = activationCode(id);
  const values = new Float64Array(TABLE_SIZE + 1);
  for (let i = 0; i < values.length; i++) {
    values[i] = activate(code, -TABLE_RANGE + i / TABLE_STEPS_PER_UNIT);
  }
  return { values, highSlope, highIntercept, lowValue: activate(code, -TABLE_RANGE) };
}

/** Tables of the activations that call exp or tanh, keyed by code. */
const TABLES = new Map<number, Table>(
  (
    [
      ['tanh', 0, 1],
      ['sigmoid', 0, 1],
      ['gaussian', 0, 0],
      ['elu', 1, 0],
      ['selu', SELU_SCALE, 0],
      ['gelu', 1, 0],
      ['silu', 1, 0],
      ['mish', 1, 0],
      ['softplus', 1, 0],
    ] as const
  ).map(([id, slope, intercept]) => [activationCode(id), buildTable(id, slope, intercept)]),
);

// One extra entry: rounding can leave a reduced position at exactly PERIOD_STEPS.
const SIN_TABLE = new Float64Array(PERIOD_STEPS + 2);
for (let i = 0; i < SIN_TABLE.length; i++) SIN_TABLE[i] = Math.sin((i / PERIOD_STEPS) * TWO_PI);

const SIN = activationCode('sin');
const COS = activationCode('cos');

/** Where the display activations may write: the heatmap images, or float64 scratch. */
type Row = Float32Array | Float64Array;

function tabulatedRow(
  table: Table,
  src: Float64Array,
  srcOffset: number,
  dst: Row,
  dstOffset: number,
  count: number,
) {
  const { values, highSlope, highIntercept, lowValue } = table;
  // Each branch stores its own value, why: with one `y` assigned in every branch, V8 merged
  // the plain double of one branch with the object field of another into a boxed number,
  // allocating on the heap for every point.
  for (let p = 0; p < count; p++) {
    const x = src[srcOffset + p] as number;
    if (x >= TABLE_RANGE) dst[dstOffset + p] = highSlope * x + highIntercept;
    else if (x > -TABLE_RANGE) {
      const position = (x + TABLE_RANGE) * TABLE_STEPS_PER_UNIT;
      const i = position | 0;
      const a = values[i] as number;
      dst[dstOffset + p] = a + (position - i) * ((values[i + 1] as number) - a);
    } else dst[dstOffset + p] = x === x ? lowValue : NaN;
  }
}

/** sin(x + phase) from the periodic table; phase π/2 gives cos. */
function periodicRow(
  phase: number,
  src: Float64Array,
  srcOffset: number,
  dst: Row,
  dstOffset: number,
  count: number,
) {
  const stepsPerRadian = PERIOD_STEPS / TWO_PI;
  for (let p = 0; p < count; p++) {
    let position = ((src[srcOffset + p] as number) + phase) * stepsPerRadian;
    position -= Math.floor(position / PERIOD_STEPS) * PERIOD_STEPS; // now in [0, PERIOD_STEPS]
    const i = position | 0;
    const a = SIN_TABLE[i] as number;
    dst[dstOffset + p] = a + (position - i) * ((SIN_TABLE[i + 1] as number) - a);
  }
}

/** The activations cheap enough to compute exactly, each a loop of its own (no call per point). */
function exactRow(
  code: number,
  src: Float64Array,
  srcOffset: number,
  dst: Row,
  dstOffset: number,
  count: number,
) {
  const from = srcOffset - dstOffset;
  const end = dstOffset + count;
  switch (code) {
    case RELU:
      for (let p = dstOffset; p < end; p++) dst[p] = Math.max(src[from + p] as number, 0);
      return;
    case LEAKY_RELU:
      for (let p = dstOffset; p < end; p++) {
        const x = src[from + p] as number;
        dst[p] = x > 0 ? x : LEAKY_SLOPE * x;
      }
      return;
    case ABS:
      for (let p = dstOffset; p < end; p++) dst[p] = Math.abs(src[from + p] as number);
      return;
    case SQUARE:
      for (let p = dstOffset; p < end; p++) {
        const x = src[from + p] as number;
        dst[p] = x * x;
      }
      return;
    case SOFTSIGN:
      for (let p = dstOffset; p < end; p++) {
        const x = src[from + p] as number;
        dst[p] = x / (1 + Math.abs(x));
      }
      return;
    case LINEAR:
      for (let p = dstOffset; p < end; p++) dst[p] = src[from + p] as number;
      return;
    default: // no such code: whatever `activate` says (NaN)
      for (let p = dstOffset; p < end; p++) dst[p] = activate(code, src[from + p] as number);
  }
}

/**
 * Writes `activation(src[srcOffset + p])` to `dst[dstOffset + p]` for p < count, approximating
 * the costly activations from tables (display precision) and computing the cheap ones exactly.
 * `dst` may be `src` itself with the same offset (in place).
 */
export function activateRowForDisplay(
  code: number,
  src: Float64Array,
  dst: Row,
  dstOffset: number,
  count: number,
  srcOffset = 0,
): void {
  const table = TABLES.get(code);
  if (table) return tabulatedRow(table, src, srcOffset, dst, dstOffset, count);
  if (code === SIN) return periodicRow(0, src, srcOffset, dst, dstOffset, count);
  if (code === COS) return periodicRow(Math.PI / 2, src, srcOffset, dst, dstOffset, count);
  exactRow(code, src, srcOffset, dst, dstOffset, count);
}
