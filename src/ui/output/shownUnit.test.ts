import { describe, expect, it } from 'vitest';
import type { ActivationId } from '../../nn';
import { shownUnitOf } from './shownUnit';

const HIDDEN: ActivationId[][] = [
  ['tanh', 'relu', 'sin'],
  ['relu', 'tanh'],
];

describe('shownUnitOf', () => {
  it('shows a hovered hidden neuron: its unit in the grid, on its activation range', () => {
    const shown = shownUnitOf({ layer: 2, neuron: 1 }, HIDDEN, 'circle');
    expect(shown.caption).toBe('Layer 2 neuron 1 (ReLU)');
    expect(shown.view).toEqual({
      kind: 'unit',
      unit: 3,
      colouring: { kind: 'hidden', activationRange: [0, Infinity] },
    });
    expect(shown.isOutput).toBe(false);
    expect(shown.frameUnits).toBe(6);
  });

  it("shows a binary output, after the hidden neurons, on the head's range", () => {
    const shown = shownUnitOf(null, HIDDEN, 'circle');
    expect(shown.caption).toBe('Output: Circle');
    expect(shown.view).toEqual({
      kind: 'unit',
      unit: 5,
      colouring: { kind: 'output', outputRange: [-1, 1] },
    });
    expect(shown.isOutput).toBe(true);
  });

  it("shows a softmax output's classes, and the output for a neuron that is gone", () => {
    const shown = shownUnitOf({ layer: 3, neuron: 1 }, HIDDEN, 'blobs4');
    expect(shown.view).toEqual({ kind: 'classes', firstUnit: 5, classes: 4 });
    expect(shown.frameUnits).toBe(9);
    expect(shownUnitOf('output', HIDDEN, 'blobs4').view).toEqual(shown.view);
  });
});
