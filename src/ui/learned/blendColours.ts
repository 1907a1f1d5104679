/**
 * Colours of a learned mix's palette entries, by position in the palette: the blend bars on
 * the neurons, the summary chart and its legend use the same ones. Never the only cue: the
 * legend, the chart's labels and the neurons' names say the entries in words.
 */

/**
 * Okabe and Ito's colour-blind-safe set first (without its black and yellow, too close to the
 * curve ink and to the page), then further distinct hues, so the default palette of six gets
 * the safest six.
 */
const COLOURS = [
  '#0072b2',
  '#e69f00',
  '#009e73',
  '#cc79a7',
  '#56b4e9',
  '#d55e00',
  '#7f5a3a',
  '#6a3d9a',
  '#8c8c8c',
  '#b2df8a',
  '#1f3b73',
  '#fb9a99',
  '#a6761d',
  '#66a61e',
  '#e7298a',
  '#17becf',
  '#bcbd22',
] as const;

/** The colour of palette position `k` (0-based). */
export function blendColour(k: number): string {
  return COLOURS[((k % COLOURS.length) + COLOURS.length) % COLOURS.length] as string;
}

/** Whether text on `colour` should be white (dark background) rather than ink. */
export function lightTextOn(colour: string): boolean {
  const n = Number.parseInt(colour.slice(1), 16);
  const r = (n >> 16) & 255;
  const g = (n >> 8) & 255;
  const b = n & 255;
  // Relative luminance (sRGB, linearised): white text wins below about 0.18.
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b) < 0.18;
}
