/** The two ways the engine refuses to go on, each a typed error a caller can catch by class. */

/** A network or training spec with a field out of range. */
export class SpecError extends Error {
  override readonly name = 'SpecError';
  /**
   * @param field the path of the bad field, e.g. "hidden[2]" or "optimizer.learningRate"
   * @param allowed what the field may be, in words
   * @param value what it was
   */
  constructor(
    readonly field: string,
    readonly allowed: string,
    readonly value: unknown,
  ) {
    super(`${field} must be ${allowed}; got ${describe(value)}`);
  }
}

/** Training produced a non-finite loss, gradient or parameter. */
export class DivergenceError extends Error {
  override readonly name = 'DivergenceError';
  /**
   * @param step the 1-based number of the optimizer step that diverged (over the network's life)
   * @param what which quantity became non-finite
   */
  constructor(
    readonly step: number,
    readonly what: 'loss' | 'gradient' | 'parameters',
  ) {
    super(`training diverged at step ${step}: the ${what} became non-finite`);
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value == null)
    return String(value);
  try {
    return JSON.stringify(value);
  } catch {
    return typeof value;
  }
}
