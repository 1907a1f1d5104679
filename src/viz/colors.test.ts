import { lab, rgb } from 'd3';
import { describe, expect, it } from 'vitest';
import {
  CLASS_CSS,
  CLASS_SHAPES,
  CLASS_LUTS,
  CONFIDENCE_STEPS,
  DIVERGING_LUT,
  LUT_SIZE,
  MIDDLE_CSS,
  NAN_CSS,
  NAN_RGBA,
  NEGATIVE_CSS,
  POSITIVE_CSS,
  classCss,
  divergingCss,
  divergingCssOf,
  divergingPosition,
  scaleGradientCss,
} from './colors';

/** RGBA of entry i of a table, as a CSS rgb() string d3 can parse. */
function entryCss(lut: Uint8ClampedArray, i: number): string {
  return `rgb(${lut[4 * i]}, ${lut[4 * i + 1]}, ${lut[4 * i + 2]})`;
}

function lightness(lut: Uint8ClampedArray, i: number): number {
  return lab(entryCss(lut, i)).l;
}

const MIDDLE = (LUT_SIZE - 1) / 2;

describe('the diverging table', () => {
  it('starts orange, is the light grey in its middle entry and ends blue', () => {
    expect(entryCss(DIVERGING_LUT, 0)).toBe(rgb(NEGATIVE_CSS).toString());
    expect(entryCss(DIVERGING_LUT, MIDDLE)).toBe(rgb(MIDDLE_CSS).toString());
    expect(entryCss(DIVERGING_LUT, LUT_SIZE - 1)).toBe(rgb(POSITIVE_CSS).toString());
  });

  it('holds LUT_SIZE opaque entries', () => {
    expect(DIVERGING_LUT.length).toBe(LUT_SIZE * 4);
    for (let i = 0; i < LUT_SIZE; i++) expect(DIVERGING_LUT[4 * i + 3]).toBe(255);
  });

  it('gets lighter towards the middle and darker towards either end, never the other way', () => {
    // Allow the rounding of 8-bit channels: a step may dip by a hair, never by a visible amount.
    for (let i = 1; i <= MIDDLE; i++) {
      expect(lightness(DIVERGING_LUT, i)).toBeGreaterThanOrEqual(
        lightness(DIVERGING_LUT, i - 1) - 0.3,
      );
    }
    for (let i = MIDDLE + 1; i < LUT_SIZE; i++) {
      expect(lightness(DIVERGING_LUT, i)).toBeLessThanOrEqual(
        lightness(DIVERGING_LUT, i - 1) + 0.3,
      );
    }
  });

  it('moves every channel monotonically from each end to the middle', () => {
    for (let channel = 0; channel < 3; channel++) {
      const at = (i: number) => DIVERGING_LUT[4 * i + channel] as number;
      const rising = at(MIDDLE) >= at(0);
      for (let i = 1; i <= MIDDLE; i++) {
        if (rising) expect(at(i)).toBeGreaterThanOrEqual(at(i - 1));
        else expect(at(i)).toBeLessThanOrEqual(at(i - 1));
      }
    }
  });

  it('keeps both ends well apart in lightness from the middle, so they read on a projector', () => {
    expect(lightness(DIVERGING_LUT, MIDDLE) - lightness(DIVERGING_LUT, 0)).toBeGreaterThan(15);
    expect(
      lightness(DIVERGING_LUT, MIDDLE) - lightness(DIVERGING_LUT, LUT_SIZE - 1),
    ).toBeGreaterThan(30);
  });
});

describe('diverging CSS colours', () => {
  it('agree with the table at both ends and the middle', () => {
    expect(rgb(divergingCss(0)).toString()).toBe(entryCss(DIVERGING_LUT, 0));
    expect(rgb(divergingCss(0.5)).toString()).toBe(entryCss(DIVERGING_LUT, MIDDLE));
    expect(rgb(divergingCss(1)).toString()).toBe(entryCss(DIVERGING_LUT, LUT_SIZE - 1));
  });

  it('put 0 in the middle of a domain that straddles 0, even an asymmetric one', () => {
    expect(divergingPosition(0, [-1, 4])).toBe(0.5);
    expect(divergingPosition(-1, [-1, 4])).toBe(0);
    expect(divergingPosition(4, [-1, 4])).toBe(1);
    expect(divergingPosition(2, [-1, 4])).toBe(0.75);
  });

  it('run a one-signed domain linearly across the whole scale', () => {
    expect(divergingPosition(0, [0, 1])).toBe(0);
    expect(divergingPosition(0.25, [0, 1])).toBe(0.25);
    expect(divergingPosition(1, [0, 1])).toBe(1);
  });

  it('clamp values beyond the domain to its ends', () => {
    expect(divergingPosition(-10, [-1, 1])).toBe(0);
    expect(divergingPosition(Infinity, [-1, 1])).toBe(1);
  });

  it('paint NaN in the NaN grey', () => {
    expect(divergingCssOf(NaN, [-1, 1])).toBe(NAN_CSS);
  });

  it('make a legend gradient from orange through grey to blue', () => {
    const gradient = scaleGradientCss('to right', 3);
    expect(gradient).toBe(
      `linear-gradient(to right, ${divergingCss(0)}, ${divergingCss(0.5)}, ${divergingCss(1)})`,
    );
    expect(rgb(divergingCss(0)).toString()).toBe(rgb(NEGATIVE_CSS).toString());
  });
});

describe('the class palette', () => {
  it('has six distinct colours, binary classes matching the diverging ends', () => {
    expect(CLASS_CSS).toHaveLength(6);
    expect(new Set(CLASS_CSS).size).toBe(6);
    expect(CLASS_CSS[0]).toBe(NEGATIVE_CSS);
    expect(CLASS_CSS[1]).toBe(POSITIVE_CSS);
  });

  it('keeps every pair of classes visibly apart (CIELAB distance above 20)', () => {
    for (let a = 0; a < CLASS_CSS.length; a++) {
      for (let b = a + 1; b < CLASS_CSS.length; b++) {
        const ca = lab(CLASS_CSS[a] as string);
        const cb = lab(CLASS_CSS[b] as string);
        expect(Math.hypot(ca.l - cb.l, ca.a - cb.a, ca.b - cb.b)).toBeGreaterThan(20);
      }
    }
  });

  it('keeps classes apart and off the background under every colour blindness', () => {
    for (const [name, matrix] of Object.entries(DEFICIENCIES)) {
      const seen = CLASS_CSS.map((css) => simulatedLab(css, matrix));
      const ground = simulatedLab(MIDDLE_CSS, matrix);
      for (let a = 0; a < seen.length; a++) {
        expect(
          distance(seen[a], ground),
          `${name}: class ${a + 1} on the background`,
        ).toBeGreaterThan(15);
        for (let b = a + 1; b < seen.length; b++) {
          expect(
            distance(seen[a], seen[b]),
            `${name}: classes ${a + 1} and ${b + 1}`,
          ).toBeGreaterThan(25);
        }
      }
    }
  });

  it('gives every class a shape of its own', () => {
    expect(new Set(CLASS_SHAPES).size).toBe(CLASS_CSS.length);
  });

  it('fades each class to the background at confidence 0 and is the class colour at 1', () => {
    CLASS_LUTS.forEach((lut, c) => {
      expect(entryCss(lut, 0)).toBe(rgb(MIDDLE_CSS).toString());
      expect(entryCss(lut, CONFIDENCE_STEPS - 1)).toBe(rgb(CLASS_CSS[c] as string).toString());
    });
  });

  it('gives CSS colours that match the tables at full and no confidence', () => {
    expect(rgb(classCss(2)).toString()).toBe(rgb(CLASS_CSS[2] as string).toString());
    expect(rgb(classCss(2, 0)).toString()).toBe(rgb(MIDDLE_CSS).toString());
    expect(rgb(classCss(3, 0.5)).toString()).not.toBe(rgb(CLASS_CSS[3] as string).toString());
  });
});

describe('the NaN colours', () => {
  it('are opaque mid greys, never transparent', () => {
    expect(NAN_RGBA[3]).toBe(255);
    expect(NAN_RGBA[7]).toBe(255);
    expect(lab(entryCss(NAN_RGBA, 0)).l).toBeLessThan(70);
    expect(entryCss(NAN_RGBA, 0)).not.toBe(entryCss(NAN_RGBA, 1));
  });
});

/**
 * Machado, Oliveira and Fernandes (2009) matrices for full-severity dichromacy, applied to
 * linear RGB: what a person with each colour blindness sees.
 */
const DEFICIENCIES: Record<string, readonly (readonly number[])[]> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

function toLinear(channel: number): number {
  const c = channel / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

function toGamma(linear: number): number {
  const c = Math.min(1, Math.max(0, linear));
  return 255 * (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055);
}

function simulatedLab(css: string, matrix: readonly (readonly number[])[]) {
  const c = rgb(css);
  const linear = [c.r, c.g, c.b].map(toLinear);
  const [r, g, b] = matrix.map((row) =>
    toGamma(row.reduce((sum, m, j) => sum + m * (linear[j] as number), 0)),
  );
  return lab(rgb(r as number, g as number, b as number));
}

function distance(
  a: { l: number; a: number; b: number } | undefined,
  b: { l: number; a: number; b: number } | undefined,
): number {
  if (!a || !b) return NaN;
  return Math.hypot(a.l - b.l, a.a - b.a, a.b - b.b);
}
