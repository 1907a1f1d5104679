/**
 * Paints a learned neuron's glyph onto a canvas: its current curve (from its parameters) over
 * the axes, as the fixed activations' SVG glyphs draw theirs (viz/curves.ts), but repainted
 * every frame outside React. The sampled values go into reused scratch.
 */
import { CURVE_PADDING, CURVE_SAMPLES, DEFAULT_X_DOMAIN, yWindow } from '../../viz/curves';
import type { LearnedId, MixPalette } from './contract';
import { learnedValue, neuronParams, type LearnedParams } from './learnedValues';

/** The part of CanvasRenderingContext2D a glyph uses (tests pass a recording fake). */
export interface GlyphContext {
  strokeStyle: string | CanvasGradient | CanvasPattern;
  fillStyle: string | CanvasGradient | CanvasPattern;
  lineWidth: number;
  lineJoin: CanvasLineJoin;
  setTransform(a: number, b: number, c: number, d: number, e: number, f: number): void;
  clearRect(x: number, y: number, w: number, h: number): void;
  fillRect(x: number, y: number, w: number, h: number): void;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  stroke(): void;
}

/** Colours of the glyph, those of the stylesheet's `.glyph-curve` and `.glyph-axis`. */
const INK = '#1d2a33';
const AXIS = '#9aa4ab';
const BACKGROUND = 'rgb(255 255 255 / 88%)';

/** Reusable scratch for one painter: the sampled values. */
export class GlyphScratch {
  readonly ys = new Float64Array(CURVE_SAMPLES);
}

/**
 * Draws the curve of `id` with parameters `p` into a `side` × `side` CSS px box of `context`
 * (already scaled for the device's pixels by `scale`).
 */
export function paintLearnedGlyph(
  context: GlyphContext,
  side: number,
  scale: number,
  id: LearnedId,
  p: LearnedParams,
  palette: MixPalette,
  scratch: GlyphScratch,
): void {
  const [x0, x1] = DEFAULT_X_DOMAIN;
  const params = neuronParams(id, p, palette.length);
  const ys = scratch.ys;
  const xAt = (i: number) => x0 + ((x1 - x0) * i) / (CURVE_SAMPLES - 1);
  for (let i = 0; i < CURVE_SAMPLES; i++) {
    ys[i] = learnedValue(id, params, palette, xAt(i));
  }
  const [lo, hi] = yWindow(ys, DEFAULT_X_DOMAIN);
  const pad = Math.min(CURVE_PADDING, side / 4);
  const px = (x: number) => pad + ((x - x0) / (x1 - x0)) * (side - 2 * pad);
  // Canvas y grows downwards: hi at the top.
  const py = (y: number) => pad + ((hi - y) / (hi - lo)) * (side - 2 * pad);

  context.setTransform(scale, 0, 0, scale, 0, 0);
  context.clearRect(0, 0, side, side);
  context.fillStyle = BACKGROUND;
  context.fillRect(0, 0, side, side);
  context.strokeStyle = AXIS;
  context.lineWidth = 0.6;
  context.beginPath();
  context.moveTo(px(0), 0);
  context.lineTo(px(0), side);
  context.moveTo(0, py(0));
  context.lineTo(side, py(0));
  context.stroke();

  context.strokeStyle = INK;
  context.lineWidth = 1.6;
  context.lineJoin = 'round';
  context.beginPath();
  let penDown = false;
  for (let i = 0; i < CURVE_SAMPLES; i++) {
    const y = ys[i] as number;
    // Out of the window or not finite: lift the pen, so nothing is drawn outside the box.
    if (!Number.isFinite(y) || y < lo - 1e-9 || y > hi + 1e-9) {
      penDown = false;
      continue;
    }
    if (penDown) context.lineTo(px(xAt(i)), py(y));
    else context.moveTo(px(xAt(i)), py(y));
    penDown = true;
  }
  context.stroke();
}
