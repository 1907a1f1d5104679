/** Where a floating dialog goes: beside what opened it, inside the window, off what it changes. */

export interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** Least distance (px) kept from the window's edges and from the opener. */
const MARGIN = 8;

function overlap(a: Box, b: Box): number {
  const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
  const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return w > 0 && h > 0 ? w * h : 0;
}

function clamp(value: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(value, Math.max(lo, hi)));
}

/**
 * The top-left corner for a dialog of `width` × `height` px opened from `opener`, in a window of
 * `viewport` px: right of the opener, else left, below or above, always inside the window, and
 * of these the place that covers the least of the opener (weighted most) and of `avoid` (what
 * the dialog changes, e.g. the output heatmap), then of `rather` (what it had better leave
 * visible but may cover when nothing else is free, e.g. the data panel). Ties keep the earlier
 * place.
 */
export function placePalette(
  width: number,
  height: number,
  opener: Box,
  avoid: readonly Box[],
  viewport: { readonly width: number; readonly height: number },
  rather: readonly Box[] = [],
): { left: number; top: number } {
  const maxLeft = viewport.width - width - MARGIN;
  const maxTop = viewport.height - height - MARGIN;
  // Beside, left of, level with, below and above the opener, and the window's edges: every
  // combination, each pulled inside the window.
  const lefts = [
    opener.right + MARGIN,
    opener.left - width - MARGIN,
    opener.left,
    MARGIN,
    maxLeft,
    // Just beside what is to stay uncovered (between the data and the output panels).
    ...[...avoid, ...rather].flatMap((a) => [a.right + MARGIN, a.left - width - MARGIN]),
  ];
  const tops = [
    opener.top,
    opener.bottom + MARGIN,
    opener.top - height - MARGIN,
    MARGIN,
    maxTop,
    // Just under what is to stay uncovered (the notices above the panels).
    ...avoid.map((a) => a.bottom + MARGIN),
  ];
  const candidates = lefts.flatMap((left) =>
    tops.map((top) => ({ left: clamp(left, MARGIN, maxLeft), top: clamp(top, MARGIN, maxTop) })),
  );
  let best = candidates[0] as { left: number; top: number };
  let bestScore = Infinity;
  for (const c of candidates) {
    const box = { left: c.left, top: c.top, right: c.left + width, bottom: c.top + height };
    // Weights: covering `rather` only breaks ties between places equally good otherwise.
    const score =
      10 * overlap(box, opener) +
      avoid.reduce((sum, a) => sum + overlap(box, a), 0) +
      0.001 * rather.reduce((sum, a) => sum + overlap(box, a), 0);
    if (score < bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}
