import { describe, expect, it } from 'vitest';
import { Network } from '../nn/network';
import { NAN_CSS, NEGATIVE_CSS, POSITIVE_CSS } from './colors';
import {
  MAX_LINK_WIDTH,
  MIN_LINK_WIDTH,
  layoutNetwork,
  linkPath,
  maxAbsWeight,
  weightStyle,
  type NetworkLayout,
  type NetworkShape,
  type NodeRect,
} from './layout';

const BOX = { width: 560, height: 520 };

function allNodes(layout: NetworkLayout): NodeRect[] {
  return layout.layers.flat();
}

function expectInsideAndApart(layout: NetworkLayout, width: number, height: number): void {
  const nodes = allNodes(layout);
  for (const node of nodes) {
    expect(node.x).toBeGreaterThanOrEqual(0);
    expect(node.y).toBeGreaterThanOrEqual(0);
    expect(node.x + node.size).toBeLessThanOrEqual(width + 1e-9);
    expect(node.y + node.size).toBeLessThanOrEqual(height + 1e-9);
  }
  for (let a = 0; a < nodes.length; a++) {
    for (let b = a + 1; b < nodes.length; b++) {
      const p = nodes[a] as NodeRect;
      const q = nodes[b] as NodeRect;
      const apart =
        p.x + p.size <= q.x || q.x + q.size <= p.x || p.y + p.size <= q.y || q.y + q.size <= p.y;
      expect(apart, `nodes ${p.layer}/${p.index} and ${q.layer}/${q.index} overlap`).toBe(true);
    }
  }
}

/** The engine's weight count: sum over layers of size(k) · size(k − 1). */
function weightCount(sizes: number[]): number {
  let count = 0;
  for (let k = 1; k < sizes.length; k++) count += (sizes[k] as number) * (sizes[k - 1] as number);
  return count;
}

describe('layoutNetwork', () => {
  const largest: NetworkShape = { inputs: 7, hidden: Array(8).fill(16), ...BOX };

  it('fits 8 hidden layers of 16 inside the box without overlap, nodes at least 22 px', () => {
    const layout = layoutNetwork(largest);
    expect(layout.layers).toHaveLength(10);
    expect(layout.nodeSize).toBeGreaterThanOrEqual(22);
    expectInsideAndApart(layout, BOX.width, BOX.height);
  });

  it('fits the same network centred, too', () => {
    expectInsideAndApart(layoutNetwork({ ...largest, align: 'center' }), BOX.width, BOX.height);
  });

  it('centres short columns on the tallest, which starts at the top of a box taller than needed', () => {
    // Narrow and tall: the width sets the node size, and the diagram is shorter than the box.
    const layout = layoutNetwork({
      inputs: 7,
      hidden: Array(6).fill(8),
      width: 400,
      height: 900,
      align: 'center',
    });
    const column = (k: number) => layout.layers[k] as NodeRect[];
    const middle = (nodes: NodeRect[]) =>
      ((nodes[0] as NodeRect).y + (nodes.at(-1) as NodeRect).y + layout.nodeSize) / 2;
    expect((column(1)[0] as NodeRect).y).toBe(0);
    // Within a pixel: tops are whole pixels.
    expect(Math.abs(middle(column(0)) - middle(column(1)))).toBeLessThanOrEqual(1);
    expect(Math.abs(middle(column(7)) - middle(column(1)))).toBeLessThanOrEqual(1);
  });

  it('lays out a network without hidden layers as inputs and one output', () => {
    const layout = layoutNetwork({ inputs: 2, hidden: [], ...BOX });
    expect(layout.layers.map((layer) => layer.length)).toEqual([2, 1]);
    expectInsideAndApart(layout, BOX.width, BOX.height);
    expect(layout.links).toHaveLength(2);
  });

  it('stays inside a small box by shrinking the nodes', () => {
    const layout = layoutNetwork({ inputs: 7, hidden: Array(8).fill(16), width: 200, height: 150 });
    expect(layout.nodeSize).toBeLessThan(22);
    expectInsideAndApart(layout, 200, 150);
  });

  it('caps the node size at maxNodeSize when the box has room to spare', () => {
    const layout = layoutNetwork({ inputs: 2, hidden: [3], ...BOX, maxNodeSize: 30 });
    expect(layout.nodeSize).toBe(30);
  });

  it('keeps nodes still when a neuron is added below them (top alignment)', () => {
    const before = layoutNetwork({ inputs: 2, hidden: [3, 2], ...BOX });
    const after = layoutNetwork({ inputs: 2, hidden: [4, 2], ...BOX });
    expect(after.layers[1]?.slice(0, 3)).toEqual(before.layers[1]);
  });

  it('has one link per weight, in the engine order [layer][to][from]', () => {
    const hidden = [4, 3];
    const layout = layoutNetwork({ inputs: 2, hidden, outputs: 3, ...BOX });
    expect(layout.links).toHaveLength(weightCount([2, ...hidden, 3]));
    layout.links.forEach((link, w) => expect(link.weightIndex).toBe(w));
    // The block into layer 2 starts after 4 · 2 weights and is row-major [to][from]:
    // weight 8 + 1·4 + 2 runs from neuron 2 of layer 1 to neuron 1 of layer 2.
    expect(layout.links[14]).toMatchObject({ layer: 2, from: 2, to: 1 });
  });

  it('numbers the links exactly as the engine lays out its weights', () => {
    const net = new Network({
      inputSize: 3,
      hidden: [
        ['tanh', 'relu', 'sin', 'gaussian'],
        ['tanh', 'tanh'],
      ],
      output: { size: 3, activation: 'softmax', loss: 'crossentropy' },
    });
    const layout = layoutNetwork({ inputs: 3, hidden: [4, 2], outputs: 3, ...BOX });
    expect(layout.links).toHaveLength(net.weights.length);
    for (const link of layout.links) {
      const engineIndex =
        (net.weightStart[link.layer] as number) +
        link.to * (net.sizes[link.layer - 1] as number) +
        link.from;
      expect(link.weightIndex).toBe(engineIndex);
    }
  });

  it('counts the links of the largest network as its weights', () => {
    const layout = layoutNetwork(largest);
    expect(layout.links).toHaveLength(weightCount([7, ...Array<number>(8).fill(16), 1]));
  });

  it('runs each link from the right edge of its source to the left edge of its target', () => {
    const layout = layoutNetwork({ inputs: 2, hidden: [3], ...BOX });
    const link = layout.links[5];
    const source = layout.layers[0]?.[link?.from ?? -1];
    const target = layout.layers[1]?.[link?.to ?? -1];
    expect(link?.source).toEqual([
      (source?.x ?? NaN) + layout.nodeSize,
      (source?.y ?? NaN) + layout.nodeSize / 2,
    ]);
    expect(link?.target).toEqual([target?.x, (target?.y ?? NaN) + layout.nodeSize / 2]);
  });

  it('refuses an empty layer', () => {
    expect(() => layoutNetwork({ inputs: 2, hidden: [0], ...BOX })).toThrow(RangeError);
  });
});

describe('linkPath', () => {
  it('is a cubic curve from the source to the target', () => {
    const layout = layoutNetwork({ inputs: 1, hidden: [], width: 100, height: 40 });
    const link = layout.links[0];
    expect(link).toBeDefined();
    if (link === undefined) return;
    const d = linkPath(link);
    expect(d).toMatch(/^M[\d.]+,[\d.]+C/);
    expect(d.startsWith(`M${link.source[0]},${link.source[1]}`)).toBe(true);
    expect(d.endsWith(`${link.target[0]},${link.target[1]}`)).toBe(true);
  });
});

describe('weightStyle', () => {
  it('colours positive weights blue and negative ones orange', () => {
    expect(weightStyle(0.5, 1).color).toBe(POSITIVE_CSS);
    expect(weightStyle(-0.5, 1).color).toBe(NEGATIVE_CSS);
  });

  it('scales the width with |w| from 0.5 px to 6 px, capped at maxAbs', () => {
    expect(weightStyle(0, 2).width).toBe(MIN_LINK_WIDTH);
    expect(weightStyle(-2, 2).width).toBe(MAX_LINK_WIDTH);
    expect(weightStyle(1, 2).width).toBeCloseTo((MIN_LINK_WIDTH + MAX_LINK_WIDTH) / 2);
    expect(weightStyle(50, 2).width).toBe(MAX_LINK_WIDTH);
  });

  it('gives a thin grey link for NaN and a thin link when every weight is 0', () => {
    expect(weightStyle(NaN, 1)).toEqual({ color: NAN_CSS, width: MIN_LINK_WIDTH });
    expect(weightStyle(0, 0).width).toBe(MIN_LINK_WIDTH);
  });
});

describe('maxAbsWeight', () => {
  it('finds the largest finite magnitude, ignoring NaN and infinities', () => {
    expect(maxAbsWeight(Float64Array.from([0.5, -3, NaN, Infinity, 2]))).toBe(3);
    expect(maxAbsWeight(new Float64Array(0))).toBe(0);
  });
});
