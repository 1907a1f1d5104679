/**
 * The page's colours, precomputed once: lookup tables (RGBA bytes) for painting heatmaps
 * without allocating per pixel, and the same colours as CSS strings for legends, links and
 * data points, so a legend and a heatmap can never disagree.
 *
 * The diverging scale is TensorFlow Playground's: orange for negative, light grey at 0, blue
 * for positive. Orange against blue stays distinct for the common red–green colour
 * blindnesses, and the light middle keeps both ends readable on a washed-out projector.
 */
import { interpolateRgb, piecewise, rgb } from 'd3';

/** Negative end of the diverging scale (and class 0 of a binary data set). */
export const NEGATIVE_CSS = '#f59322';
/** Middle of the diverging scale (value 0), also the heatmaps' background. */
export const MIDDLE_CSS = '#e8eaeb';
/** Positive end of the diverging scale (and class 1 of a binary data set). */
export const POSITIVE_CSS = '#0877bd';
/**
 * Colour of pixels whose value is NaN, painted as diagonal stripes of these two greys so a
 * broken network reads as "no number here" instead of vanishing (TensorFlow Playground
 * issue #77 drew it blank).
 */
export const NAN_CSS = '#8c8c8c';
export const NAN_STRIPE_CSS = '#6e6e6e';

/**
 * Entries in the diverging table. Odd on purpose: entry (LUT_SIZE - 1) / 2 is exactly the
 * middle colour, so a value of 0 paints exactly MIDDLE_CSS; 511 entries leave no visible
 * banding between the 8-bit channel steps.
 */
export const LUT_SIZE = 511;

/** Entries per class in the class tables: confidence 0 (background) to 1 (full colour). */
export const CONFIDENCE_STEPS = 256;

/**
 * The classes' colours: the binary ends, then four from Paul Tol's and IBM's colour-blind-safe
 * sets, chosen (see colors.test.ts) so that every pair stays at least 25 CIELAB units apart,
 * and every colour 15 from the background, under simulated protanopia, deuteranopia and
 * tritanopia (Machado et al. 2009, full severity). Points also differ by shape (CLASS_SHAPES).
 */
export const CLASS_CSS: readonly string[] = [
  NEGATIVE_CSS,
  POSITIVE_CSS,
  '#882255',
  '#88ccee',
  '#4b0092',
  '#ddcc77',
];

/** The shape of each class's points and legend marks, so no class is told by colour alone. */
export const CLASS_SHAPES = [
  'circle',
  'square',
  'triangle',
  'diamond',
  'triangleDown',
  'cross',
] as const;

export type ClassShape = (typeof CLASS_SHAPES)[number];

/** Most classes the palette distinguishes (the engine's maxOutputs). */
export const MAX_CLASSES = CLASS_CSS.length;

/** Fills `size` RGBA entries from an interpolator over t in [0, 1]. */
function buildLut(size: number, colorAt: (t: number) => string): Uint8ClampedArray {
  const lut = new Uint8ClampedArray(size * 4);
  for (let i = 0; i < size; i++) {
    const color = rgb(colorAt(size === 1 ? 0 : i / (size - 1)));
    lut[4 * i] = color.r;
    lut[4 * i + 1] = color.g;
    lut[4 * i + 2] = color.b;
    lut[4 * i + 3] = 255;
  }
  return lut;
}

const divergingAt: (t: number) => string = piecewise(interpolateRgb, [
  NEGATIVE_CSS,
  MIDDLE_CSS,
  POSITIVE_CSS,
]);

/**
 * The diverging scale as LUT_SIZE RGBA entries: entry 0 is NEGATIVE_CSS, the middle entry
 * MIDDLE_CSS, the last POSITIVE_CSS. Used for binary outputs, regression and every neuron.
 */
export const DIVERGING_LUT: Uint8ClampedArray = buildLut(LUT_SIZE, divergingAt);

/**
 * One table per class of CONFIDENCE_STEPS RGBA entries, blending from the background
 * (MIDDLE_CSS, confidence 0) to the class colour (confidence 1).
 */
export const CLASS_LUTS: readonly Uint8ClampedArray[] = CLASS_CSS.map((css) =>
  buildLut(CONFIDENCE_STEPS, interpolateRgb(MIDDLE_CSS, css)),
);

/** The NaN colours as RGBA bytes: NAN_CSS then NAN_STRIPE_CSS. */
export const NAN_RGBA: Uint8ClampedArray = buildLut(2, (t) => (t < 0.5 ? NAN_CSS : NAN_STRIPE_CSS));

function clamp01(t: number): number {
  return t < 0 ? 0 : t > 1 ? 1 : t;
}

/**
 * How a domain maps values onto the diverging scale, as three numbers a hot loop can use:
 * position t = 0.5 + (v - pivot) · (v < pivot ? lowScale : highScale), then clamped to [0, 1].
 * When the domain straddles 0 the pivot is 0, so 0 is the middle colour and each side
 * stretches to its own end; otherwise the pivot is the domain's midpoint and lo..hi runs
 * linearly across the whole scale. A degenerate domain maps everything to the middle.
 */
export interface DivergingMapping {
  readonly pivot: number;
  readonly lowScale: number;
  readonly highScale: number;
}

/** The mapping of `domain` [lo, hi] onto the diverging scale (see DivergingMapping). */
export function divergingMapping(domain: readonly [number, number]): DivergingMapping {
  const [lo, hi] = domain;
  if (!(hi > lo)) return { pivot: Number.isNaN(lo) ? 0 : lo, lowScale: 0, highScale: 0 };
  if (lo < 0 && hi > 0) return { pivot: 0, lowScale: 0.5 / -lo, highScale: 0.5 / hi };
  const scale = 1 / (hi - lo);
  return { pivot: (lo + hi) / 2, lowScale: scale, highScale: scale };
}

/** Position in [0, 1] of `value` on the diverging scale of `domain`; NaN stays NaN. */
export function divergingPosition(value: number, domain: readonly [number, number]): number {
  const { pivot, lowScale, highScale } = divergingMapping(domain);
  return clamp01(0.5 + (value - pivot) * (value < pivot ? lowScale : highScale));
}

/** CSS colour at position t in [0, 1] of the diverging scale (0 negative end, 1 positive). */
export function divergingCss(t: number): string {
  return Number.isNaN(t) ? NAN_CSS : divergingAt(clamp01(t));
}

/** CSS colour of `value` under `domain`, exactly as paintDiverging paints it (legends, tooltips). */
export function divergingCssOf(value: number, domain: readonly [number, number]): string {
  return divergingCss(divergingPosition(value, domain));
}

/**
 * CSS `linear-gradient` of the diverging scale, for a legend bar.
 * @param direction CSS direction, e.g. 'to right' or 'to top'
 */
export function scaleGradientCss(direction = 'to right', stops = 9): string {
  const colors = Array.from({ length: stops }, (_, i) => divergingCss(i / (stops - 1)));
  return `linear-gradient(${direction}, ${colors.join(', ')})`;
}

/**
 * CSS colour of class `index` at `confidence` in [0, 1]: the full class colour at 1, fading
 * to the background at 0. Indices wrap around the palette rather than failing.
 */
export function classCss(index: number, confidence = 1): string {
  const css = CLASS_CSS[((index % MAX_CLASSES) + MAX_CLASSES) % MAX_CLASSES] as string;
  if (Number.isNaN(confidence)) return NAN_CSS;
  return interpolateRgb(MIDDLE_CSS, css)(clamp01(confidence));
}
