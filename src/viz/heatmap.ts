/**
 * Painting grid images (see nn/grid.ts: neuron u's image is `grid[u·n² + row·n + col]`, row 0
 * at the top) into an n×n pixel target through the colour tables of colors.ts. One pixel per
 * grid cell; the page scales the canvas with CSS (`image-rendering: pixelated` when
 * discretized looks crisp). Nothing here allocates per pixel.
 */
import { scaleLinear } from 'd3';
import {
  CLASS_LUTS,
  CONFIDENCE_STEPS,
  DIVERGING_LUT,
  LUT_SIZE,
  NAN_RGBA,
  divergingMapping,
} from './colors';

/** What is painted into: an ImageData, or anything shaped like one (tests use plain objects). */
export interface PixelTarget {
  readonly data: Uint8ClampedArray;
  readonly width: number;
  readonly height: number;
}

/** A row of grid values: the frame's Float32Array, or a Float64Array in tests and tools. */
export type GridValues = Float32Array | Float64Array;

export interface PaintOptions {
  /** Two colours only: the negative end below the scale's pivot, the positive end from it. */
  readonly discretize?: boolean;
}

/** Smallest half-width of an unbounded neuron's domain, so a near-constant row stays grey. */
export const DOMAIN_FLOOR = 1e-3;

/**
 * Word views of the targets painted so far. Why kept: the page repaints the same ImageData
 * many times a second, and a fresh view per paint would be garbage every time.
 */
const wordViews = new WeakMap<Uint8ClampedArray, Uint32Array>();

/**
 * The pixels of `target` as 32-bit words, one per pixel, and a table as words likewise.
 * Why words: one store per pixel instead of four; both views share the platform's byte
 * order, so a table entry copied as a word lands as the same R, G, B, A bytes.
 */
function pixelWords(target: PixelTarget, n: number): Uint32Array {
  if (target.width !== n || target.height !== n) {
    throw new RangeError(`target is ${target.width}×${target.height}, expected ${n}×${n}`);
  }
  const { data } = target;
  if (data.length < n * n * 4 || data.byteOffset % 4 !== 0) {
    throw new RangeError('target data must hold n·n RGBA pixels from a 4-byte-aligned offset');
  }
  let words = wordViews.get(data);
  if (words?.length !== n * n) {
    words = new Uint32Array(data.buffer, data.byteOffset, n * n);
    wordViews.set(data, words);
  }
  return words;
}

function lutWords(lut: Uint8ClampedArray): Uint32Array {
  return new Uint32Array(lut.buffer, lut.byteOffset, lut.length / 4);
}

const DIVERGING_WORDS = lutWords(DIVERGING_LUT);
const CLASS_WORDS = CLASS_LUTS.map(lutWords);
const NAN_WORDS = lutWords(NAN_RGBA);

/** NaN pixels as diagonal stripes two pixels wide, so they read as "missing" at any scale. */
function nanWord(row: number, col: number): number {
  return NAN_WORDS[((row + col) >> 1) & 1] as number;
}

function checkValues(values: GridValues, offset: number, n: number): void {
  if (offset < 0 || offset + n * n > values.length) {
    throw new RangeError(`grid values ${offset}..${offset + n * n} out of ${values.length}`);
  }
}

/**
 * Paints one n×n grid image with the diverging scale. When `domain` [lo, hi] straddles 0,
 * lo paints the negative end, 0 the middle and hi the positive end (each side stretched
 * separately); otherwise lo..hi runs linearly across the whole scale. Values outside the
 * domain take the nearest end; NaN paints grey stripes, never transparent.
 * @param values the frame's grid; the image starts at `offset` (u·n² for neuron u)
 */
export function paintDiverging(
  target: PixelTarget,
  values: GridValues,
  offset: number,
  n: number,
  domain: readonly [number, number],
  options: PaintOptions = {},
): void {
  checkValues(values, offset, n);
  const pixels = pixelWords(target, n);
  const { pivot, lowScale, highScale } = divergingMapping(domain);
  const last = LUT_SIZE - 1;
  const low = DIVERGING_WORDS[0] as number;
  const high = DIVERGING_WORDS[last] as number;
  const discretize = options.discretize === true;
  for (let row = 0, p = 0; row < n; row++) {
    for (let col = 0; col < n; col++, p++) {
      const v = values[offset + p] as number;
      if (v !== v) {
        pixels[p] = nanWord(row, col);
      } else if (discretize) {
        pixels[p] = v < pivot ? low : high;
      } else {
        const t = 0.5 + (v - pivot) * (v < pivot ? lowScale : highScale);
        // Why the comparisons and not Math.min/max: ±Infinity values land on the ends too.
        pixels[p] =
          t <= 0 ? low : t >= 1 ? high : (DIVERGING_WORDS[(t * last + 0.5) | 0] as number);
      }
    }
  }
}

/**
 * Paints the predicted class of every cell of a softmax output: the colour of the class with
 * the largest probability, blended towards the background as that probability falls to
 * chance (1 / classes), so boundaries show as light bands. A cell with any NaN probability
 * paints grey stripes.
 * @param grid the frame's grid
 * @param classOffsets where each class's output image starts in `grid` (u·n² of its unit)
 * @param discretize full class colours, no confidence blend
 */
export function paintClasses(
  target: PixelTarget,
  grid: GridValues,
  classOffsets: readonly number[],
  n: number,
  discretize = false,
): void {
  const classes = classOffsets.length;
  if (classes < 2 || classes > CLASS_WORDS.length) {
    throw new RangeError(`paintClasses needs 2 to ${CLASS_WORDS.length} classes, got ${classes}`);
  }
  for (const offset of classOffsets) checkValues(grid, offset, n);
  const pixels = pixelWords(target, n);
  const chance = 1 / classes;
  const confidenceScale = (CONFIDENCE_STEPS - 1) / (1 - chance);
  const full = CONFIDENCE_STEPS - 1;
  for (let row = 0, p = 0; row < n; row++) {
    for (let col = 0; col < n; col++, p++) {
      let best = 0;
      let bestP = -Infinity;
      let sawNaN = false;
      for (let c = 0; c < classes; c++) {
        const prob = grid[(classOffsets[c] as number) + p] as number;
        if (prob !== prob) sawNaN = true;
        else if (prob > bestP) {
          bestP = prob;
          best = c;
        }
      }
      if (sawNaN) {
        pixels[p] = nanWord(row, col);
        continue;
      }
      const step = discretize ? full : (bestP - chance) * confidenceScale;
      const index = step <= 0 ? 0 : step >= full ? full : (step + 0.5) | 0;
      pixels[p] = (CLASS_WORDS[best] as Uint32Array)[index] as number;
    }
  }
}

/**
 * Paints one class's probability (a softmax output unit): the background at 0, the class's
 * full colour at 1, so each output node reads as "where the network says class c".
 * NaN cells paint grey stripes.
 */
export function paintClassProbability(
  target: PixelTarget,
  grid: GridValues,
  offset: number,
  n: number,
  classIndex: number,
): void {
  const words = CLASS_WORDS[classIndex];
  if (!words) throw new RangeError(`no colour for class ${classIndex}`);
  checkValues(grid, offset, n);
  const pixels = pixelWords(target, n);
  const full = CONFIDENCE_STEPS - 1;
  for (let row = 0, p = 0; row < n; row++) {
    for (let col = 0; col < n; col++, p++) {
      const prob = grid[offset + p] as number;
      if (prob !== prob) {
        pixels[p] = nanWord(row, col);
        continue;
      }
      const step = prob * full;
      const index = step <= 0 ? 0 : step >= full ? full : (step + 0.5) | 0;
      pixels[p] = words[index] as number;
    }
  }
}

/**
 * The colour domain of one neuron's image.
 * - Bounded activations (both range ends finite: tanh, sigmoid, sin, …) use their range, so
 *   the same colour means the same output in every neuron of that kind.
 * - Unbounded ones (relu, linear, square, …) use the image's observed extent: symmetric
 *   around 0 when it straddles 0 (so 0 stays the middle colour), and at least
 *   ±DOMAIN_FLOOR around its centre otherwise, so a near-constant neuron paints one calm
 *   colour instead of amplified rounding noise. The result is rounded outwards to nice
 *   numbers (d3 `nice()`), which keeps legends readable and the colours from flickering.
 * NaN and infinite values are ignored; an image with no finite value gets [-1, 1].
 * @param values the frame's grid; the image is `values[offset .. offset + count)`
 */
export function neuronDomain(
  values: GridValues,
  offset: number,
  count: number,
  activationRange: readonly [number, number],
): [number, number] {
  const [rangeLo, rangeHi] = activationRange;
  if (Number.isFinite(rangeLo) && Number.isFinite(rangeHi) && rangeHi > rangeLo) {
    return [rangeLo, rangeHi];
  }
  let min = Infinity;
  let max = -Infinity;
  const end = Math.min(values.length, offset + count);
  for (let i = Math.max(0, offset); i < end; i++) {
    const v = values[i] as number;
    // Why not Number.isFinite: it is a call per value; this comparison rejects NaN and ±Infinity.
    if (v - v !== 0) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min > max) return [-1, 1];
  let lo: number;
  let hi: number;
  if (min < 0 && max > 0) {
    hi = Math.max(-min, max, DOMAIN_FLOOR);
    lo = -hi;
  } else if (max - min < 2 * DOMAIN_FLOOR) {
    const centre = (min + max) / 2;
    lo = centre - DOMAIN_FLOOR;
    hi = centre + DOMAIN_FLOOR;
  } else {
    lo = min;
    hi = max;
  }
  const nice = scaleLinear().domain([lo, hi]).nice().domain();
  return [nice[0] ?? lo, nice[1] ?? hi];
}
