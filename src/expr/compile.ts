/**
 * From text to a checked custom activation: parse, compile, and check that f and f′ are finite
 * on [-6, 6] (the input range of every data set) at a fine grid. Every refusal is an
 * ExpressionError whose message names the expression and, for a value, the x where it fails.
 */
import type { ExprNode } from './ast';
import { ExpressionError } from './errors';
import { parseExpression } from './parse';
import { compileProgram, type CompiledExpression } from './program';

/** Where f and f′ must be finite, and the grid step there (12001 points, 0 and ±6 included). */
export const CHECK_RANGE = 6;
export const CHECK_STEPS_PER_UNIT = 1000;

// k / steps rather than a running sum: every x is the grid's exact decimal, printed as such.
const CHECK_GRID = Float64Array.from(
  { length: 2 * CHECK_RANGE * CHECK_STEPS_PER_UNIT + 1 },
  (_, i) => (i - CHECK_RANGE * CHECK_STEPS_PER_UNIT) / CHECK_STEPS_PER_UNIT,
);

/** A custom activation that passed every check. */
export interface CustomActivation extends CompiledExpression {
  /** The text as typed, trimmed: what links, files and the page show. */
  readonly text: string;
  readonly tree: ExprNode;
}

/** Compiles `text` as f(x) or throws an ExpressionError saying what is wrong. */
export function compileExpression(text: string): CustomActivation {
  const tree = parseExpression(text);
  const source = text.trim();
  const compiled = compileProgram(tree);
  const out = new Float64Array(CHECK_GRID.length);
  const slope = new Float64Array(CHECK_GRID.length);
  compiled.run(CHECK_GRID, out, slope, 0, CHECK_GRID.length);
  for (let k = 0; k < CHECK_GRID.length; k++) {
    const x = CHECK_GRID[k] as number;
    if (!Number.isFinite(out[k] as number)) {
      throw new ExpressionError(`The expression ${source} is not finite at x = ${x}`);
    }
    if (!Number.isFinite(slope[k] as number)) {
      throw new ExpressionError(
        `The expression ${source} has a derivative that is not finite at x = ${x}`,
      );
    }
  }
  return { ...compiled, text: source, tree };
}

/** The result of checking a text: the activation, or the message saying why not. */
export type ExpressionCheck =
  | { readonly ok: true; readonly activation: CustomActivation }
  | { readonly ok: false; readonly message: string };

/** Checks remembered, by text; the oldest is forgotten first. */
const CACHE_SIZE = 32;
const checked = new Map<string, ExpressionCheck>();

/**
 * `compileExpression` without throwing, for forms and validators. Remembers its last results,
 * why: every configuration check (each change, each worker message) validates the expression,
 * and the finite check evaluates it at 12001 points. A result may be shared because a compiled
 * expression is used by one call at a time (one thread, no re-entry).
 */
export function checkExpression(text: string): ExpressionCheck {
  const known = checked.get(text);
  if (known !== undefined) return known;
  let result: ExpressionCheck;
  try {
    result = { ok: true, activation: compileExpression(text) };
  } catch (error) {
    if (!(error instanceof ExpressionError)) throw error;
    result = { ok: false, message: error.message };
  }
  if (checked.size >= CACHE_SIZE) checked.delete(checked.keys().next().value as string);
  checked.set(text, result);
  return result;
}
