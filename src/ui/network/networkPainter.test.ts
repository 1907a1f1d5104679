import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeFrame } from '../../state/testFrames';
import type { Frame } from '../../worker/protocol';
import { CountingImageData, fakeCanvas } from '../testCanvas';
import { LINK_RESTYLE_INTERVAL_MS, NetworkPainter } from './networkPainter';

const N = 4;

/** A frame of two hidden neurons and one output on a 4×4 grid; neuron 0 dead from `deadFrom`. */
function frame(epoch: number, deadFrom = Infinity): Frame {
  const grid = Float32Array.from({ length: 3 * N * N }, (_, i) => Math.sin(epoch + i));
  const dead = epoch >= deadFrom;
  return {
    ...makeFrame(1, epoch),
    gridN: N,
    grid,
    weights: new Float64Array(0),
    preMin: Float64Array.from([dead ? -3 : -1, -1]),
    preMax: Float64Array.from([dead ? -2 : 1, 1]),
    meanAbsGradient: Float64Array.from([dead ? 0 : 0.1, 0.1]),
  };
}

/** A badge that counts writes of its text. */
function countingBadge(): { element: HTMLElement; writes: () => number } {
  let text = '';
  let writes = 0;
  const badge = {
    hidden: true,
    get textContent() {
      return text;
    },
    set textContent(value: string) {
      text = value;
      writes++;
    },
  };
  return { element: badge as unknown as HTMLElement, writes: () => writes };
}

/** A link's path that counts the writes of its stroke width. */
function countingPath(): { path: SVGPathElement; width: () => string; writes: () => number } {
  let width = '';
  let writes = 0;
  const style = {
    stroke: '',
    strokeDasharray: '',
    get strokeWidth() {
      return width;
    },
    set strokeWidth(value: string) {
      width = value;
      writes++;
    },
  };
  const path = { dataset: {}, style } as unknown as SVGPathElement;
  return { path, width: () => width, writes: () => writes };
}

/** A frame of a network with one link whose weight is `weight` against a largest of 1. */
function linkFrame(weight: number, running = true): Frame {
  return {
    ...makeFrame(1, 1, { running }),
    gridN: N,
    grid: new Float32Array(0),
    weights: Float64Array.from([weight, 1]),
  };
}

beforeEach(() => {
  vi.stubGlobal('ImageData', CountingImageData);
  CountingImageData.made = 0;
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('NetworkPainter', () => {
  it('paints 100 frames with one ImageData per canvas and never writes the health badge', () => {
    const painter = new NetworkPainter();
    painter.expectedGridImages = 3;
    const first = fakeCanvas();
    const second = fakeCanvas();
    const output = fakeCanvas();
    const badge = countingBadge();
    painter.register(
      '1-1',
      {
        canvas: first,
        unit: 0,
        colouring: { kind: 'hidden', activationRange: [0, Infinity] },
        health: { badge: badge.element, activation: 'relu' },
      },
      null,
    );
    painter.register(
      '1-2',
      { canvas: second, unit: 1, colouring: { kind: 'hidden', activationRange: [-1, 1] } },
      null,
    );
    painter.register(
      'out-0',
      { canvas: output, unit: 2, colouring: { kind: 'output', outputRange: [-1, 1] } },
      null,
    );
    for (let epoch = 1; epoch <= 100; epoch++) painter.paint(frame(epoch, 60));
    expect([first.puts, second.puts, output.puts]).toEqual([100, 100, 100]);
    expect(CountingImageData.made).toBe(3);
    // The badge is the diagnostics' (NeuronButton, useHealth.ts): frames never write it.
    expect(badge.writes()).toBe(0);
  });

  it('paints nothing from a frame of another shape', () => {
    const painter = new NetworkPainter();
    painter.expectedGridImages = 4;
    const canvas = fakeCanvas();
    painter.register(
      'out-0',
      { canvas, unit: 2, colouring: { kind: 'output', outputRange: [-1, 1] } },
      frame(1),
    );
    painter.paint(frame(2));
    expect(canvas.puts).toBe(0);
  });

  describe('links', () => {
    function linkPainter() {
      const painter = new NetworkPainter();
      painter.expectedWeights = 2;
      const link = countingPath();
      painter.registerLink({ path: link.path, weightIndex: 0 });
      return { painter, link };
    }

    it('are restyled at most every LINK_RESTYLE_INTERVAL_MS while training runs', () => {
      const { painter, link } = linkPainter();
      painter.paint(linkFrame(0.2), 1000);
      const first = link.width();
      painter.paint(linkFrame(0.9), 1000 + LINK_RESTYLE_INTERVAL_MS - 1);
      expect(link.width()).toBe(first);
      painter.paint(linkFrame(0.9), 1000 + LINK_RESTYLE_INTERVAL_MS);
      expect(link.width()).not.toBe(first);
      expect(link.writes()).toBe(2);
    });

    it("take a paused network's frame at once, so the weights shown are the last ones", () => {
      const { painter, link } = linkPainter();
      painter.paint(linkFrame(0.2), 1000);
      painter.paint(linkFrame(0.9), 1001);
      const running = link.width();
      painter.paint(linkFrame(0.9, false), 1002);
      expect(link.width()).not.toBe(running);
      painter.paint(linkFrame(0.2, false), 1003);
      expect(link.writes()).toBe(3);
    });

    it('are styled at the first paint after they appear, however recent the last restyle', () => {
      const { painter } = linkPainter();
      painter.paint(linkFrame(0.2), 1000);
      const added = countingPath();
      painter.registerLink({ path: added.path, weightIndex: 1 });
      painter.paint(linkFrame(0.2), 1001);
      expect(added.writes()).toBe(1);
    });
  });
});
