import { describe, expect, it } from 'vitest';
import type { DiagramLink } from './geometry';
import { currentOf, linkName, titleOf } from './names';

function link(layer: number, from: number, to: number): DiagramLink {
  return { layer, from, to, weightIndex: 0, source: [0, 0], target: [0, 0] };
}

describe('linkName', () => {
  it('names links in page numbering from the engine numbering they carry', () => {
    expect(linkName(link(1, 1, 0), ['x1', 'x2'], 2)).toBe('Weight from x2 to layer 1 neuron 1');
    expect(linkName(link(2, 3, 1), ['x1', 'x2'], 2)).toBe(
      'Weight from layer 1 neuron 4 to layer 2 neuron 2',
    );
    expect(linkName(link(3, 0, 0), ['x1', 'x2'], 2)).toBe(
      'Weight from layer 2 neuron 1 to the output',
    );
    expect(linkName(link(3, 0, 2), ['x1', 'x2'], 2)).toBe(
      'Weight from layer 2 neuron 1 to the output 3',
    );
  });
});

describe('palette titles', () => {
  const hidden = [
    ['tanh', 'tanh'],
    ['relu', 'sin'],
  ] as const;

  it('names one neuron, a selection or a layer, and finds the activation they share', () => {
    const one = { kind: 'neurons', refs: [{ layer: 2, neuron: 2 }] } as const;
    expect(titleOf(one, hidden)).toBe('Layer 2 neuron 2');
    expect(currentOf(one, hidden)).toBe('sin');
    const layer = { kind: 'layer', layer: 1 } as const;
    expect(titleOf(layer, hidden)).toBe('Every neuron of layer 1 (2)');
    expect(currentOf(layer, hidden)).toBe('tanh');
    const mixed = {
      kind: 'neurons',
      refs: [
        { layer: 1, neuron: 1 },
        { layer: 2, neuron: 1 },
      ],
    } as const;
    expect(titleOf(mixed, hidden)).toBe('2 selected neurons');
    expect(currentOf(mixed, hidden)).toBeNull();
  });
});
