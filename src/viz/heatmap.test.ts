import { describe, expect, it } from 'vitest';
import { CLASS_LUTS, CONFIDENCE_STEPS, DIVERGING_LUT, LUT_SIZE, NAN_RGBA } from './colors';
import {
  DOMAIN_FLOOR,
  neuronDomain,
  paintClasses,
  paintClassProbability,
  paintDiverging,
  type PixelTarget,
} from './heatmap';

function target(n: number): PixelTarget {
  return { data: new Uint8ClampedArray(n * n * 4), width: n, height: n };
}

/** Pixel p of a target as [r, g, b, a]. */
function pixel(t: PixelTarget, p: number): number[] {
  return Array.from(t.data.subarray(4 * p, 4 * p + 4));
}

/** Entry i of a colour table as [r, g, b, a]. */
function entry(lut: Uint8ClampedArray, i: number): number[] {
  return Array.from(lut.subarray(4 * i, 4 * i + 4));
}

const FIRST = entry(DIVERGING_LUT, 0);
const MIDDLE = entry(DIVERGING_LUT, (LUT_SIZE - 1) / 2);
const LAST = entry(DIVERGING_LUT, LUT_SIZE - 1);

describe('paintDiverging', () => {
  it('paints 0 the middle colour and the domain ends the scale ends', () => {
    const t = target(2);
    paintDiverging(t, Float32Array.from([-2, 0, 3, 1.5]), 0, 2, [-2, 3]);
    expect(pixel(t, 0)).toEqual(FIRST);
    expect(pixel(t, 1)).toEqual(MIDDLE);
    expect(pixel(t, 2)).toEqual(LAST);
    expect(pixel(t, 3)).toEqual(entry(DIVERGING_LUT, Math.round(0.75 * (LUT_SIZE - 1))));
  });

  it('reads the image at the given offset, one neuron among several', () => {
    const grid = Float32Array.from([9, 9, 9, 9, -1, -1, 1, 1]);
    const t = target(2);
    paintDiverging(t, grid, 4, 2, [-1, 1]);
    expect([0, 1, 2, 3].map((p) => pixel(t, p))).toEqual([FIRST, FIRST, LAST, LAST]);
  });

  it('runs a one-signed domain across the whole scale: lo is the negative end', () => {
    const t = target(1);
    paintDiverging(t, Float32Array.from([0]), 0, 1, [0, 1]);
    expect(pixel(t, 0)).toEqual(FIRST);
    paintDiverging(t, Float32Array.from([0.5]), 0, 1, [0, 1]);
    expect(pixel(t, 0)).toEqual(MIDDLE);
  });

  it('clamps values outside the domain, infinities included, to the ends', () => {
    const t = target(2);
    paintDiverging(t, Float32Array.from([-50, 50, -Infinity, Infinity]), 0, 2, [-1, 1]);
    expect([0, 1, 2, 3].map((p) => pixel(t, p))).toEqual([FIRST, LAST, FIRST, LAST]);
  });

  it('paints only the two end colours when discretized', () => {
    const n = 8;
    const values = Float32Array.from({ length: n * n }, (_, i) => (i - 20) / 10);
    const t = target(n);
    paintDiverging(t, values, 0, n, [-2, 4.3], { discretize: true });
    const colours = new Set(Array.from({ length: n * n }, (_, p) => pixel(t, p).join()));
    expect(colours).toEqual(new Set([FIRST.join(), LAST.join()]));
    expect(pixel(t, 19)).toEqual(FIRST);
    expect(pixel(t, 20)).toEqual(LAST);
  });

  it('thresholds a one-signed domain at its midpoint when discretized', () => {
    const t = target(2);
    paintDiverging(t, Float32Array.from([0.1, 0.49, 0.51, 0.9]), 0, 2, [0, 1], {
      discretize: true,
    });
    expect([0, 1, 2, 3].map((p) => pixel(t, p))).toEqual([FIRST, FIRST, LAST, LAST]);
  });

  it('paints NaN as opaque grey stripes, never transparent', () => {
    const n = 4;
    const t = target(n);
    paintDiverging(t, new Float32Array(n * n).fill(NaN), 0, n, [-1, 1]);
    const greys = [entry(NAN_RGBA, 0).join(), entry(NAN_RGBA, 1).join()];
    const seen = new Set<string>();
    for (let p = 0; p < n * n; p++) {
      expect(pixel(t, p)[3]).toBe(255);
      seen.add(pixel(t, p).join());
    }
    expect(seen).toEqual(new Set(greys));
  });

  it('refuses a target of the wrong size instead of painting a sheared image', () => {
    expect(() => paintDiverging(target(3), new Float32Array(16), 0, 4, [-1, 1])).toThrow(
      RangeError,
    );
    expect(() => paintDiverging(target(4), new Float32Array(16), 4, 4, [-1, 1])).toThrow(
      RangeError,
    );
  });
});

describe('paintClasses', () => {
  // Three classes over a 2×2 image: class planes at offsets 0, 4, 8; the last pixel is a tie.
  const grid = Float32Array.from([
    // class 0
    0.9,
    0.1,
    0.1,
    1 / 3,
    // class 1
    0.05,
    0.7,
    0.2,
    1 / 3,
    // class 2
    0.05,
    0.2,
    0.7,
    1 / 3,
  ]);

  it('paints each pixel in the colour of its most probable class', () => {
    const t = target(2);
    paintClasses(t, grid, [0, 4, 8], 2, true);
    expect(pixel(t, 0)).toEqual(entry(CLASS_LUTS[0] as Uint8ClampedArray, CONFIDENCE_STEPS - 1));
    expect(pixel(t, 1)).toEqual(entry(CLASS_LUTS[1] as Uint8ClampedArray, CONFIDENCE_STEPS - 1));
    expect(pixel(t, 2)).toEqual(entry(CLASS_LUTS[2] as Uint8ClampedArray, CONFIDENCE_STEPS - 1));
  });

  it('fades to the background at chance and to the full colour at certainty', () => {
    const t = target(2);
    const sure = Float32Array.from([1, 0, 0.5, 0.5, 0, 1, 0.5, 0.5]);
    paintClasses(t, sure, [0, 4], 2, false);
    const class0 = CLASS_LUTS[0] as Uint8ClampedArray;
    expect(pixel(t, 0)).toEqual(entry(class0, CONFIDENCE_STEPS - 1));
    expect(pixel(t, 2)).toEqual(entry(class0, 0));
    paintClasses(t, grid, [0, 4, 8], 2, false);
    expect(pixel(t, 3)).toEqual(entry(class0, 0));
    // 0.9 of 3 classes is 85% of the way from chance (1/3) to certainty.
    expect(pixel(t, 0)).toEqual(entry(class0, Math.round(0.85 * (CONFIDENCE_STEPS - 1))));
  });

  it('paints a pixel with a NaN probability grey, whatever the other classes say', () => {
    const t = target(1);
    paintClasses(t, Float32Array.from([0.9, NaN]), [0, 1], 1, false);
    expect([entry(NAN_RGBA, 0), entry(NAN_RGBA, 1)]).toContainEqual(pixel(t, 0));
  });

  it('refuses fewer than two classes', () => {
    expect(() => paintClasses(target(1), Float32Array.from([1]), [0], 1, false)).toThrow(
      RangeError,
    );
  });
});

describe('paintClassProbability', () => {
  it('paints a class probability from the background at 0 to the class colour at 1', () => {
    const t = target(2);
    paintClassProbability(t, Float32Array.from([0, 0.5, 1, NaN]), 0, 2, 2);
    const class2 = CLASS_LUTS[2] as Uint8ClampedArray;
    expect(pixel(t, 0)).toEqual(entry(class2, 0));
    expect(pixel(t, 1)).toEqual(entry(class2, Math.round(0.5 * (CONFIDENCE_STEPS - 1))));
    expect(pixel(t, 2)).toEqual(entry(class2, CONFIDENCE_STEPS - 1));
    expect([entry(NAN_RGBA, 0), entry(NAN_RGBA, 1)]).toContainEqual(pixel(t, 3));
  });

  it('refuses a class without a colour', () => {
    expect(() => paintClassProbability(target(1), Float32Array.from([1]), 0, 1, 99)).toThrow(
      RangeError,
    );
  });
});

describe('neuronDomain', () => {
  const values = Float32Array.from([0.2, -0.4, 0.1, 0.3]);

  it('uses a bounded activation’s range whatever the image holds', () => {
    expect(neuronDomain(values, 0, 4, [-1, 1])).toEqual([-1, 1]);
    expect(neuronDomain(values, 0, 4, [0, 1])).toEqual([0, 1]);
  });

  it('makes an unbounded neuron’s extent symmetric and nice when it straddles 0', () => {
    expect(neuronDomain(Float32Array.from([-0.4, 2.73, 1]), 0, 3, [-Infinity, Infinity])).toEqual([
      -3, 3,
    ]);
  });

  it('keeps a one-signed extent one-signed, rounded outwards', () => {
    expect(neuronDomain(Float32Array.from([0, 3.7, 1.2]), 0, 3, [0, Infinity])).toEqual([0, 4]);
  });

  it('reads only its own image at the offset', () => {
    const grid = Float32Array.from([100, -100, 0.5, 0.9]);
    expect(neuronDomain(grid, 2, 2, [0, Infinity])).toEqual([0.5, 0.9]);
  });

  it('gives a constant image at least ±DOMAIN_FLOOR around its value, not a zero-width domain', () => {
    const [lo, hi] = neuronDomain(new Float32Array(16), 0, 16, [0, Infinity]);
    expect(lo).toBeLessThanOrEqual(-DOMAIN_FLOOR);
    expect(hi).toBeGreaterThanOrEqual(DOMAIN_FLOOR);
    const [lo5, hi5] = neuronDomain(new Float32Array(16).fill(5), 0, 16, [-Infinity, Infinity]);
    expect(hi5 - lo5).toBeGreaterThanOrEqual(2 * DOMAIN_FLOOR);
    expect(lo5).toBeLessThan(5);
    expect(hi5).toBeGreaterThan(5);
  });

  it('keeps noise around 0 near the middle colour instead of stretching it to the ends', () => {
    const noise = Float32Array.from([1e-7, -2e-7, 3e-7, -1e-7]);
    const [lo, hi] = neuronDomain(noise, 0, 4, [-Infinity, Infinity]);
    expect(hi).toBeGreaterThanOrEqual(DOMAIN_FLOOR);
    expect(lo).toBeLessThanOrEqual(-DOMAIN_FLOOR);
    const t = target(2);
    paintDiverging(t, noise, 0, 2, [lo, hi]);
    for (let p = 0; p < 4; p++) expect(pixel(t, p)).toEqual(MIDDLE);
  });

  it('ignores NaN and infinities, and falls back to [-1, 1] when nothing is finite', () => {
    expect(neuronDomain(Float32Array.from([NaN, 2, Infinity, 1]), 0, 4, [0, Infinity])).toEqual([
      1, 2,
    ]);
    expect(neuronDomain(Float32Array.from([NaN, NaN]), 0, 2, [0, Infinity])).toEqual([-1, 1]);
  });
});
