/** Where a floating dialog goes: beside what opened it, inside the window, off what it changes. */

export interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** Least distance (px) kept from the window's edges and from the opener. */
const MARGIN = 8;

/** Least height (px) of a palette that scrolls inside: two rows of options and a little more. */
const MIN_SCROLL_HEIGHT = 200;

function overlap(a: Box, b: Box): number {
  const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
  const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return w > 0 && h > 0 ? w * h : 0;
}

function clamp(value: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(value, Math.max(lo, hi)));
}

/** Where a dialog goes and how tall it may be before it scrolls inside (px). */
export interface Placement {
  readonly left: number;
  readonly top: number;
  readonly maxHeight: number;
}

/**
 * The top-left corner for a dialog of `width` × `height` px opened from `opener`, in a window of
 * `viewport` px: right of the opener, else left, below or above, always inside the window, and
 * of these the place that covers the least of the opener (weighted most) and of `avoid` (what
 * the dialog changes, e.g. the output heatmap), then of `rather` (what it had better leave
 * visible but may cover when nothing else is free, e.g. the data panel). Ties keep the earlier
 * place. It stays below `bandBottom` (the bottom of the header with the run controls, which it
 * must never cover). When it is taller than the room under the band, or when only a shorter place
 * is free, it gets that `maxHeight` and scrolls inside.
 */
export function placePalette(
  width: number,
  height: number,
  opener: Box,
  avoid: readonly Box[],
  viewport: { readonly width: number; readonly height: number },
  rather: readonly Box[] = [],
  bandBottom = 0,
): Placement {
  const minTop = Math.max(MARGIN, bandBottom + MARGIN);
  // Why Math.max: a window shorter than the band still gets a palette a few lines tall.
  height = Math.min(height, Math.max(120, viewport.height - minTop - MARGIN));
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
    minTop,
    maxTop,
    // Just under what is to stay uncovered (the notices above the panels).
    ...avoid.map((a) => a.bottom + MARGIN),
  ];
  const full = lefts.flatMap((left) =>
    tops.map((top) => ({
      left: clamp(left, MARGIN, maxLeft),
      top: clamp(top, minTop, maxTop),
      maxHeight: height,
    })),
  );
  // Shorter places that scroll inside: above the opener, or below it or under what is to stay
  // uncovered, down to the window's bottom edge.
  const shortTops = [opener.bottom + MARGIN, ...avoid.map((a) => a.bottom + MARGIN)]
    .map((top) => Math.max(minTop, top))
    .map((top) => ({ top, maxHeight: viewport.height - MARGIN - top }));
  shortTops.push({ top: minTop, maxHeight: opener.top - MARGIN - minTop });
  const short = lefts.flatMap((left) =>
    shortTops
      .filter((t) => t.maxHeight >= MIN_SCROLL_HEIGHT && t.maxHeight < height)
      .map((t) => ({ left: clamp(left, MARGIN, maxLeft), ...t })),
  );
  let best = full[0] as Placement;
  let bestScore = Infinity;
  for (const c of [...full, ...short]) {
    const box = { left: c.left, top: c.top, right: c.left + width, bottom: c.top + c.maxHeight };
    // Weights: covering `rather` only breaks ties between places equally good otherwise;
    // hiding part of the palette behind a scroll weighs less still (the options scroll back
    // into view, the data stays seen), both far less than covering what the palette changes.
    const score =
      10 * overlap(box, opener) +
      avoid.reduce((sum, a) => sum + overlap(box, a), 0) +
      0.001 * rather.reduce((sum, a) => sum + overlap(box, a), 0) +
      0.0005 * width * (height - c.maxHeight);
    if (score < bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}
