/**
 * One way to read a number a person typed, in a link or in any field of the page: a plain
 * decimal such as `0.03`, `-1.5` or `3e-4`. Hex (`0x10`), binary (`0b11`), `Infinity`, an
 * empty string and values too large or too small for a double are refused with a reason,
 * never turned silently into something else (`Number('1e-400')` is 0, `Number('')` is 0).
 */
import type { NumberRow } from './settingRows';

/** What reading a number gave: the value, or why there is none. */
export type NumberReading =
  { readonly ok: true; readonly value: number } | { readonly ok: false; readonly problem: string };

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
/** Longer texts are not numbers anyone typed. */
const MAX_LENGTH = 64;

/**
 * Reads a plain decimal; surrounding spaces are ignored and the typographic minus (−) reads
 * as `-`. -0 reads as 0, so it prints as "0".
 */
export function readDecimal(text: string): NumberReading {
  const trimmed = text.trim().replace(/\u2212/g, '-');
  if (trimmed === '') return { ok: false, problem: 'is empty' };
  if (trimmed.length > MAX_LENGTH || !DECIMAL.test(trimmed)) {
    return { ok: false, problem: 'is not a number' };
  }
  const value = Number(trimmed);
  if (!Number.isFinite(value)) return { ok: false, problem: 'is too large to represent' };
  const mantissa = trimmed.split(/e/i)[0] ?? '';
  if (value === 0 && /[1-9]/.test(mantissa)) {
    return { ok: false, problem: 'is too close to 0 to represent (it would be 0)' };
  }
  return { ok: true, value: value + 0 };
}

/** A row's bounds in words, e.g. "a whole number from 1 to 30". */
export function boundsText(row: Pick<NumberRow, 'min' | 'max' | 'integer'>): string {
  return `${row.integer ? 'a whole number' : 'a number'} from ${row.min} to ${row.max}`;
}

/** Null when `value` is valid for the row, else why not ("is not a number from 0 to 50"). */
export function numberProblem(
  row: Pick<NumberRow, 'min' | 'max' | 'integer'>,
  value: unknown,
): string | null {
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    value >= row.min &&
    value <= row.max &&
    (!row.integer || Number.isInteger(value));
  return ok ? null : `is not ${boundsText(row)}`;
}

/** Reads `text` as a value of the row: a decimal within its bounds (whole if it must be). */
export function readNumberOf(
  row: Pick<NumberRow, 'min' | 'max' | 'integer'>,
  text: string,
): NumberReading {
  const reading = readDecimal(text);
  if (!reading.ok) return { ok: false, problem: `${reading.problem} (${boundsText(row)})` };
  const problem = numberProblem(row, reading.value);
  return problem === null ? reading : { ok: false, problem };
}
