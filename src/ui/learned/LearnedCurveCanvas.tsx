/** A learned activation's curve at its starting parameters, painted once (the palette's glyph). */
import { useLayoutEffect, useRef } from 'react';
import type { LearnedId, MixPalette } from './contract';
import { GlyphScratch, paintLearnedGlyph } from './learnedGlyphPaint';

export function LearnedCurveCanvas({
  id,
  size,
  palette,
}: {
  id: LearnedId;
  size: number;
  palette: MixPalette;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useLayoutEffect(() => {
    const element = canvas.current;
    if (!element) return;
    const scale = Math.min(3, window.devicePixelRatio || 1);
    element.width = Math.round(size * scale);
    element.height = Math.round(size * scale);
    const context = element.getContext('2d');
    if (context) {
      paintLearnedGlyph(
        context,
        size,
        scale,
        id,
        { values: null, start: 0 },
        palette,
        new GlyphScratch(),
      );
    }
  }, [id, size, palette]);
  return (
    <canvas
      ref={canvas}
      className="glyph"
      style={{ width: size, height: size }}
      aria-hidden="true"
    />
  );
}
