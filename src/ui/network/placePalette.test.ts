import { describe, expect, it } from 'vitest';
import { placePalette } from './placePalette';

const viewport = { width: 1280, height: 800 };
const box = (left: number, top: number, w: number, h: number) => ({
  left,
  top,
  right: left + w,
  bottom: top + h,
});

describe('placePalette', () => {
  it('opens right of the opener when there is room', () => {
    expect(placePalette(300, 200, box(100, 100, 50, 50), [], viewport)).toEqual({
      left: 158,
      top: 100,
      maxHeight: 200,
    });
  });

  it('stays inside the window even when taller than the space below the opener', () => {
    const { top } = placePalette(480, 500, box(300, 700, 50, 50), [], viewport);
    expect(top + 500).toBeLessThanOrEqual(792);
    expect(top).toBeGreaterThanOrEqual(8);
  });

  it('goes left of the opener rather than over the output it changes', () => {
    const output = box(940, 90, 330, 700);
    const { left } = placePalette(480, 400, box(700, 300, 50, 50), [output], viewport);
    expect(left + 480).toBeLessThanOrEqual(700);
  });

  it('never covers the opener when any place avoids it', () => {
    const opener = box(600, 350, 60, 60);
    const { left, top } = placePalette(480, 380, opener, [], viewport);
    const covers =
      left < opener.right &&
      left + 480 > opener.left &&
      top < opener.bottom &&
      top + 380 > opener.top;
    expect(covers).toBe(false);
  });

  it('fits between the data and the output panels at 1024 px rather than over either', () => {
    // The panels of the 1024 × 768 layout; the palette is 440 px wide, the gap 450 px.
    const data = box(12, 222, 208, 850);
    const output = box(683, 222, 328, 850);
    const opener = box(482, 668, 60, 60);
    const size = { width: 1024, height: 768 };
    const { left, top } = placePalette(440, 420, opener, [output], size, [data]);
    expect(left).toBeGreaterThanOrEqual(data.right);
    expect(left + 440).toBeLessThanOrEqual(output.left);
    expect(top + 420).toBeLessThanOrEqual(opener.top);
  });

  it('covers the data panel rather than its neuron when nothing else is free', () => {
    // Presentation at 1920 × 1080: a 760 px palette is wider than the network panel.
    const data = box(12, 120, 260, 950);
    const output = box(1380, 120, 530, 950);
    const opener = box(995, 580, 66, 66);
    const size = { width: 1920, height: 1080 };
    const { left, top } = placePalette(760, 700, opener, [output], size, [data]);
    const covers =
      left < opener.right &&
      left + 760 > opener.left &&
      top < opener.bottom &&
      top + 700 > opener.top;
    expect(covers).toBe(false);
  });

  it('stays below the header with the run controls, even beside a neuron near the top', () => {
    const opener = box(447, 90, 64, 64);
    const { top } = placePalette(427, 520, opener, [], viewport, [], 62);
    expect(top).toBeGreaterThanOrEqual(70);
  });

  it('scrolls inside when taller than the room under the header', () => {
    // A custom neuron's palette (the f(x) field and the curve) at 1024 × 768.
    const place = placePalette(
      427,
      900,
      box(482, 300, 60, 60),
      [],
      { width: 1024, height: 768 },
      [],
      62,
    );
    expect(place.top).toBe(70);
    expect(place.maxHeight).toBe(768 - 70 - 8);
    expect(place.top + place.maxHeight).toBeLessThanOrEqual(768 - 8);
  });

  it('fits between a layer-1 neuron and the output panel at 1280 × 800 once 406 px wide', () => {
    // The boxes measured at 1280 × 800: the header wraps to 158 px.
    const data = box(12, 166, 210, 844);
    const output = box(938, 166, 330, 844);
    const opener = box(447, 497, 64, 64);
    const place = placePalette(406, 548, opener, [output], viewport, [data], 158);
    expect(place.left).toBeGreaterThanOrEqual(opener.right);
    expect(place.left + 406).toBeLessThanOrEqual(output.left);
    expect(place.top).toBeGreaterThanOrEqual(166);
    expect(place.maxHeight).toBe(548);
  });

  it('scrolls inside above its neuron at 1024 × 768 rather than cover it or the data', () => {
    const data = box(12, 221, 210, 844);
    const output = box(682, 221, 330, 844);
    const opener = box(363, 591, 59, 59);
    const size = { width: 1024, height: 768 };
    const place = placePalette(406, 539, opener, [output], size, [data], 213);
    expect(place.top).toBe(221);
    expect(place.top + place.maxHeight).toBeLessThanOrEqual(opener.top);
    expect(place.left).toBeGreaterThanOrEqual(data.right);
    expect(place.left + 406).toBeLessThanOrEqual(output.left);
  });
});
