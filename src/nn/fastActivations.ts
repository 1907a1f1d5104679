/**
 * Display-only activations: whole rows at a time, each computed as its entry's `display` rule
 * says (activationEntry.ts). The costly functions are read from lookup tables with linear
 * interpolation: the error is below 1e-4 everywhere (tested), far below what a heatmap colour
 * can show, and a point costs about half of what the exact kernels of exactMath.ts cost (a
 * fifth of Math.tanh / exp / sin). Training never uses this file.
 */
import type { DisplayRow, DisplayTarget } from './activationEntry';
import { ACTIVATION_TABLE } from './activationTable';

/** Tables cover [-TABLE_RANGE, TABLE_RANGE] in steps of 1 / TABLE_STEPS_PER_UNIT. */
const TABLE_RANGE = 16;
const TABLE_STEPS_PER_UNIT = 64;
const TABLE_SIZE = 2 * TABLE_RANGE * TABLE_STEPS_PER_UNIT + 1;

/** sin and cos use one period of 4096 steps; the argument is reduced modulo 2π first. */
const PERIOD_STEPS = 4096;
const TWO_PI = 2 * Math.PI;

export interface DisplayTable {
  readonly values: Float64Array;
  /** Beyond +TABLE_RANGE the function is `slope · x + intercept` (to display precision). */
  readonly highSlope: number;
  readonly highIntercept: number;
  /** Below -TABLE_RANGE the function is this constant (to display precision). */
  readonly lowValue: number;
}

function buildTable(value: (x: number) => number, highSlope: number, highIntercept: number) {
  const values = new Float64Array(TABLE_SIZE + 1);
  for (let i = 0; i < values.length; i++) {
    values[i] = value(-TABLE_RANGE + i / TABLE_STEPS_PER_UNIT);
  }
  const table: DisplayTable = { values, highSlope, highIntercept, lowValue: value(-TABLE_RANGE) };
  return table;
}

// What each code's display rule needs, as arrays indexed by code (entries undefined where the
// rule is another), so that choosing the loop for a row is two or three array reads.
const TABLES: (DisplayTable | undefined)[] = [];
const SINE_PHASES: (number | undefined)[] = [];
const EXACT_ROWS: (DisplayRow | undefined)[] = [];
ACTIVATION_TABLE.forEach(({ value, display }, code) => {
  if (display.kind === 'table') {
    TABLES[code] = buildTable(value, display.highSlope, display.highIntercept);
  } else if (display.kind === 'sine') SINE_PHASES[code] = display.phase;
  else EXACT_ROWS[code] = display.row;
});

// One extra entry: rounding can leave a reduced position at exactly PERIOD_STEPS.
const SIN_TABLE = new Float64Array(PERIOD_STEPS + 2);
for (let i = 0; i < SIN_TABLE.length; i++) SIN_TABLE[i] = Math.sin((i / PERIOD_STEPS) * TWO_PI);

/**
 * `table`'s value at x, its fields passed as numbers (read once per row by the caller): the
 * line beyond +TABLE_RANGE, the constant below -TABLE_RANGE (NaN stays NaN), and between, the
 * linear interpolation of the two entries around x. For loops that blend several tables
 * (mixtureFused.ts); a single activation's row is `tabulatedRow`.
 */
export function tabulatedValue(
  values: Float64Array,
  highSlope: number,
  highIntercept: number,
  lowValue: number,
  x: number,
): number {
  // Local copies, why: see exactMath.ts (a module-level constant costs a load and a type
  // check at every use).
  const TABLE_RANGE = 16;
  const TABLE_STEPS_PER_UNIT = 64;
  if (x >= TABLE_RANGE) return highSlope * x + highIntercept;
  if (x > -TABLE_RANGE) {
    const position = (x + TABLE_RANGE) * TABLE_STEPS_PER_UNIT;
    const i = position | 0;
    const a = values[i] as number;
    return a + (position - i) * ((values[i + 1] as number) - a);
  }
  return x === x ? lowValue : NaN;
}

/** sin(x + phase) from the periodic table; phase π/2 gives cos. */
export function tabulatedSine(x: number, phase: number): number {
  const PERIOD_STEPS = 4096; // local copies: see `tabulatedValue`
  const stepsPerRadian = PERIOD_STEPS / (2 * Math.PI);
  let position = (x + phase) * stepsPerRadian;
  position -= Math.floor(position / PERIOD_STEPS) * PERIOD_STEPS; // now in [0, PERIOD_STEPS]
  const i = position | 0;
  const a = SIN_TABLE[i] as number;
  return a + (position - i) * ((SIN_TABLE[i + 1] as number) - a);
}

/** The display table of activation `code`, or undefined where its display rule is another. */
export function displayTableOf(code: number): DisplayTable | undefined {
  return TABLES[code];
}

/** `tabulatedValue` of a row, the same arithmetic (tested bit for bit) in a loop of its own. */
function tabulatedRow(
  table: DisplayTable,
  src: Float64Array,
  srcOffset: number,
  dst: DisplayTarget,
  dstOffset: number,
  count: number,
) {
  const { values, highSlope, highIntercept, lowValue } = table;
  // Local copies, why: see exactMath.ts (a module-level constant costs a load and a type
  // check at every use).
  const TABLE_RANGE = 16;
  const TABLE_STEPS_PER_UNIT = 64;
  // Each branch stores its own value, why: with one `y` assigned in every branch, V8 merged
  // the plain double of one branch with the object field of another into a boxed number,
  // allocating on the heap for every point; through `tabulatedValue` this loop was a fifth
  // slower.
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

/** `tabulatedSine` of a row, the same arithmetic (tested bit for bit). */
function sineRow(
  phase: number,
  src: Float64Array,
  srcOffset: number,
  dst: DisplayTarget,
  dstOffset: number,
  count: number,
) {
  const PERIOD_STEPS = 4096; // local copies: see `tabulatedRow`
  const stepsPerRadian = PERIOD_STEPS / (2 * Math.PI);
  for (let p = 0; p < count; p++) {
    let position = ((src[srcOffset + p] as number) + phase) * stepsPerRadian;
    position -= Math.floor(position / PERIOD_STEPS) * PERIOD_STEPS; // now in [0, PERIOD_STEPS]
    const i = position | 0;
    const a = SIN_TABLE[i] as number;
    dst[dstOffset + p] = a + (position - i) * ((SIN_TABLE[i + 1] as number) - a);
  }
}

/**
 * Writes `activation(src[srcOffset + p])` to `dst[dstOffset + p]` for p < count, approximating
 * the costly activations from tables (display precision) and computing the cheap ones exactly;
 * NaN for a code that is none. `dst` may be `src` itself with the same offset (in place).
 */
export function activateRowForDisplay(
  code: number,
  src: Float64Array,
  dst: DisplayTarget,
  dstOffset: number,
  count: number,
  srcOffset = 0,
): void {
  const table = TABLES[code];
  if (table) return tabulatedRow(table, src, srcOffset, dst, dstOffset, count);
  const phase = SINE_PHASES[code];
  if (phase !== undefined) return sineRow(phase, src, srcOffset, dst, dstOffset, count);
  const row = EXACT_ROWS[code];
  if (row) return row(src, srcOffset - dstOffset, dst, dstOffset, dstOffset + count);
  dst.fill(NaN, dstOffset, dstOffset + count);
}
