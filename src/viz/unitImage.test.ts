import { describe, expect, it } from 'vitest';
import {
  neuronDomain,
  paintClasses,
  paintClassProbability,
  paintDiverging,
  type PixelTarget,
} from './heatmap';
import { hiddenDomain, paintClassImage, paintUnitImage, type GridImages } from './unitImage';

function target(n: number): PixelTarget {
  return { data: new Uint8ClampedArray(n * n * 4), width: n, height: n };
}

/** Three 2×2 unit images: a hidden ReLU-like neuron, then two softmax-like outputs. */
const IMAGES: GridImages = {
  gridN: 2,
  grid: Float32Array.from([0, 0.5, 2, 3, 0.2, 0.9, 0.6, 0.1, 0.8, 0.1, 0.4, 0.9]),
};

describe('hiddenDomain', () => {
  it('is symmetric around 0 for an unbounded activation, from the image extent', () => {
    expect(hiddenDomain(IMAGES.grid, 0, 4, [0, Infinity])).toEqual([-3, 3]);
  });

  it('is the bounded range made symmetric for a bounded activation', () => {
    expect(hiddenDomain(IMAGES.grid, 0, 4, [0, 1])).toEqual([-1, 1]);
    expect(hiddenDomain(IMAGES.grid, 0, 4, [-1, 1])).toEqual([-1, 1]);
  });
});

describe('paintUnitImage', () => {
  it('paints a hidden neuron on its symmetric domain and returns that domain', () => {
    const painted = target(2);
    const expected = target(2);
    const domain = paintUnitImage(painted, IMAGES, 0, {
      kind: 'hidden',
      activationRange: [0, Infinity],
    });
    expect(domain).toEqual([-3, 3]);
    paintDiverging(expected, IMAGES.grid, 0, 2, [-3, 3]);
    expect(painted.data).toEqual(expected.data);
  });

  it('never discretizes a hidden neuron, and discretizes an output unit when asked', () => {
    const hidden = target(2);
    const plain = target(2);
    paintUnitImage(hidden, IMAGES, 0, { kind: 'hidden', activationRange: [0, Infinity] }, true);
    paintDiverging(plain, IMAGES.grid, 0, 2, [-3, 3]);
    expect(hidden.data).toEqual(plain.data);

    const output = target(2);
    const twoColours = target(2);
    const domain = paintUnitImage(output, IMAGES, 1, { kind: 'output', outputRange: [0, 1] }, true);
    expect(domain).toEqual(neuronDomain(IMAGES.grid, 4, 4, [0, 1]));
    paintDiverging(twoColours, IMAGES.grid, 4, 2, [0, 1], { discretize: true });
    expect(output.data).toEqual(twoColours.data);
  });

  it('paints a softmax unit as its class probability, with no domain', () => {
    const painted = target(2);
    const expected = target(2);
    expect(paintUnitImage(painted, IMAGES, 2, { kind: 'class', classIndex: 1 })).toBeNull();
    paintClassProbability(expected, IMAGES.grid, 8, 2, 1);
    expect(painted.data).toEqual(expected.data);
  });
});

describe('paintClassImage', () => {
  it('paints the classes of consecutive output units, the first given by its unit', () => {
    const painted = target(2);
    const expected = target(2);
    paintClassImage(painted, IMAGES, 1, 2, false);
    paintClasses(expected, IMAGES.grid, [4, 8], 2, false);
    expect(painted.data).toEqual(expected.data);
  });

  it('repaints the same target with new values (the reused pixel view follows the data)', () => {
    const painted = target(2);
    const expected = target(2);
    paintClassImage(painted, IMAGES, 1, 2, false);
    const swapped: GridImages = { gridN: 2, grid: IMAGES.grid.slice().reverse() };
    paintClassImage(painted, swapped, 0, 2, true);
    paintClasses(expected, swapped.grid, [0, 4], 2, true);
    expect(painted.data).toEqual(expected.data);
  });
});
