import { describe, expect, it } from 'vitest';
import { ACTIVATION_IDS } from '../nn/activations';
import { CURVE_PADDING, activationGlyph } from './curves';

/** The coordinate pairs of a path made of M, L (and C) commands. */
function coordinates(d: string): [number, number][] {
  const numbers = d.match(/-?\d+(\.\d+)?(e-?\d+)?/g)?.map(Number) ?? [];
  const pairs: [number, number][] = [];
  for (let i = 0; i + 1 < numbers.length; i += 2) {
    pairs.push([numbers[i] as number, numbers[i + 1] as number]);
  }
  return pairs;
}

const WIDTH = 48;
const HEIGHT = 32;

describe('activationGlyph curve', () => {
  it.each(ACTIVATION_IDS)('draws %s as a valid path of finite numbers inside the box', (id) => {
    const d = activationGlyph(id, WIDTH, HEIGHT).path;
    expect(d).toMatch(/^M/);
    expect(d).toMatch(/^[MLC0-9.,\-e ]+$/);
    expect(d).not.toMatch(/NaN|Infinity/);
    const points = coordinates(d);
    expect(points.length).toBeGreaterThan(10);
    for (const [x, y] of points) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(WIDTH);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(HEIGHT);
    }
  });

  it('draws linear as the straight diagonal from bottom left to top right', () => {
    const points = coordinates(activationGlyph('linear', WIDTH, HEIGHT).path);
    const first = points[0];
    const last = points.at(-1);
    expect(first?.[0]).toBeCloseTo(CURVE_PADDING);
    expect(first?.[1]).toBeCloseTo(HEIGHT - CURVE_PADDING);
    expect(last?.[0]).toBeCloseTo(WIDTH - CURVE_PADDING);
    expect(last?.[1]).toBeCloseTo(CURVE_PADDING);
  });

  it('lets tanh fill the height rather than a flat band in the middle', () => {
    const ys = coordinates(activationGlyph('tanh', WIDTH, HEIGHT).path).map(([, y]) => y);
    expect(Math.max(...ys) - Math.min(...ys)).toBeGreaterThan(HEIGHT * 0.8);
  });

  it('clips square at the top of its window instead of flattening it', () => {
    const glyph = activationGlyph('square', WIDTH, HEIGHT);
    expect(glyph.yDomain).toEqual([0, 4]);
    // Outside |x| ≤ 2 the parabola is above the box: one piece, from the top edge to the top edge.
    expect(glyph.path.match(/M/g)).toHaveLength(1);
    const points = coordinates(glyph.path);
    const span = WIDTH - 2 * CURVE_PADDING;
    expect(points[0]?.[1]).toBeCloseTo(CURVE_PADDING);
    expect(points.at(-1)?.[1]).toBeCloseTo(CURVE_PADDING);
    // It meets the top where x² = 4, at x = ±2: a quarter and three quarters across.
    expect(points[0]?.[0]).toBeCloseTo(CURVE_PADDING + span / 4, 1);
    expect(points.at(-1)?.[0]).toBeCloseTo(CURVE_PADDING + (3 * span) / 4, 1);
  });

  it('ends the curve at the top edge where it leaves the window on one side only', () => {
    // On [-1, 3] the window is at most ±3: square starts inside and leaves at x = √3.
    const glyph = activationGlyph('square', WIDTH, HEIGHT, [-1, 3]);
    expect(glyph.yDomain).toEqual([0, 3]);
    expect(glyph.path.match(/M/g)).toHaveLength(1);
    const points = coordinates(glyph.path);
    expect(points[0]?.[0]).toBeCloseTo(CURVE_PADDING);
    expect(points.at(-1)?.[1]).toBeCloseTo(CURVE_PADDING);
    const span = WIDTH - 2 * CURVE_PADDING;
    expect(points.at(-1)?.[0]).toBeCloseTo(CURVE_PADDING + ((Math.sqrt(3) + 1) / 4) * span, 1);
  });

  it('differs between activations that differ', () => {
    // Swish at its default β = 1 is SiLU, so it is drawn as SiLU until β is learned.
    const differing = ACTIVATION_IDS.filter((id) => id !== 'swish');
    const paths = new Set(differing.map((id) => activationGlyph(id, WIDTH, HEIGHT).path));
    expect(paths.size).toBe(differing.length);
  });
});

describe('activationGlyph axes', () => {
  it('puts the vertical axis in the middle of a symmetric x domain', () => {
    expect(activationGlyph('tanh', WIDTH, HEIGHT).zeroX).toBeCloseTo(WIDTH / 2);
  });

  it('puts the horizontal axis at the bottom for a curve that never goes below 0', () => {
    expect(activationGlyph('sigmoid', WIDTH, HEIGHT).zeroY).toBeCloseTo(HEIGHT - CURVE_PADDING);
  });

  it('puts y = 0 in the middle for tanh', () => {
    expect(activationGlyph('tanh', WIDTH, HEIGHT).zeroY).toBeCloseTo(HEIGHT / 2);
  });

  it('has no vertical axis when the x domain excludes 0', () => {
    expect(activationGlyph('relu', WIDTH, HEIGHT, [1, 5]).zeroX).toBeNull();
  });
});
