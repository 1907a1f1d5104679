/** Examples the per-example arrays hold: the most one pass through the layers handles. */
export const ROWS = 16;
