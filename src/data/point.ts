/** The labelled point every dataset generator produces, and helpers shared by the generators. */

/**
 * One sample on the playground plane.
 * `label` is +1 or -1 for binary sets, the class index 0..C-1 for multiclass sets and the
 * real target (about -1 to 1) for regression sets.
 */
export interface Point {
  readonly x: number;
  readonly y: number;
  readonly label: number;
}

/**
 * Splits `total` samples over `parts` classes as evenly as possible: the first
 * `total mod parts` classes get one more, so no two counts differ by more than one.
 */
export function evenCounts(total: number, parts: number): number[] {
  const base = Math.floor(total / parts);
  const extra = total - base * parts;
  return Array.from({ length: parts }, (_, c) => base + (c < extra ? 1 : 0));
}
