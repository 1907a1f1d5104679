import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FrameHub } from '../../state';
import { FakeAnimationFrames, makeFrame } from '../../state/testFrames';
import type { Frame } from '../../worker/protocol';
import { CountingImageData, fakeCanvas, type FakeCanvas } from '../testCanvas';
import { BigHeatmapPainter, NO_LEGEND, sameLegend, type LegendState } from './bigHeatmapPainter';
import type { HeatmapView } from './shownUnit';

/** A 4×4 grid of three units (two hidden neurons, one output), each value from `valueAt`. */
const N = 4;
const UNITS = 3;

function frame(epoch: number, valueAt: (unit: number, p: number) => number): Frame {
  const grid = new Float32Array(UNITS * N * N);
  for (let u = 0; u < UNITS; u++)
    for (let p = 0; p < N * N; p++) grid[u * N * N + p] = valueAt(u, p);
  return { ...makeFrame(1, epoch), gridN: N, grid };
}

/** Values that differ from frame to frame but stay inside (-1, 1). */
function wobbling(epoch: number): Frame {
  return frame(epoch, (u, p) => 0.9 * Math.sin(epoch + u + p));
}

interface Rig {
  hub: FrameHub;
  frames: FakeAnimationFrames;
  canvas: FakeCanvas;
  setLegend: ReturnType<typeof vi.fn<(legend: LegendState) => void>>;
  painter: BigHeatmapPainter;
}

/** A painter on a fake canvas, subscribed to a hub the way BigHeatmap subscribes it. */
function rig(view: HeatmapView): Rig {
  const frames = new FakeAnimationFrames();
  const hub = new FrameHub({ requestAnimationFrame: frames.request });
  const canvas = fakeCanvas();
  const setLegend = vi.fn<(legend: LegendState) => void>();
  const painter = new BigHeatmapPainter(setLegend, NO_LEGEND);
  painter.canvas = canvas;
  painter.view = view;
  painter.expectedUnits = UNITS;
  hub.subscribe((h) => painter.paint(h.latestFrame));
  return { hub, frames, canvas, setLegend, painter };
}

/** Pushes `count` frames from `make`, one display refresh each. */
function pushFrames(r: Rig, count: number, make: (epoch: number) => Frame, first = 1): void {
  for (let epoch = first; epoch < first + count; epoch++) {
    r.hub.pushFrame(make(epoch));
    r.frames.runFrame();
  }
}

const HIDDEN_TANH: HeatmapView = {
  kind: 'unit',
  unit: 1,
  colouring: { kind: 'hidden', activationRange: [-1, 1] },
};
const LINEAR_OUTPUT: HeatmapView = {
  kind: 'unit',
  unit: 2,
  colouring: { kind: 'output', outputRange: [-Infinity, Infinity] },
};

beforeEach(() => {
  vi.stubGlobal('ImageData', CountingImageData);
  CountingImageData.made = 0;
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('BigHeatmapPainter', () => {
  it('paints 100 frames whose legend stays the same with no React state update after the first', () => {
    const r = rig(HIDDEN_TANH);
    pushFrames(r, 1, wobbling);
    expect(r.setLegend).toHaveBeenCalledTimes(1);
    expect(r.setLegend).toHaveBeenLastCalledWith({ domain: [-1, 1], classes: 0 });

    pushFrames(r, 100, wobbling, 2);
    expect(r.canvas.puts).toBe(101);
    expect(r.setLegend).toHaveBeenCalledTimes(1);
  });

  it('sets no state at all when the legend shown already is the one painted', () => {
    const r = rig(HIDDEN_TANH);
    const painter = new BigHeatmapPainter(r.setLegend, { domain: [-1, 1], classes: 0 });
    painter.canvas = fakeCanvas();
    painter.view = HIDDEN_TANH;
    painter.expectedUnits = UNITS;
    for (let epoch = 1; epoch <= 100; epoch++) painter.paint(wobbling(epoch));
    expect(r.setLegend).not.toHaveBeenCalled();
  });

  it('paints the class image of a softmax output with one legend update in 100 frames', () => {
    const r = rig({ kind: 'classes', firstUnit: 1, classes: 2 });
    pushFrames(r, 100, (epoch) => frame(epoch, (u, p) => ((epoch + u * p) % 7) / 7));
    expect(r.canvas.puts).toBe(100);
    expect(r.setLegend).toHaveBeenCalledTimes(1);
    expect(r.setLegend).toHaveBeenLastCalledWith({ domain: null, classes: 2 });
  });

  it("updates the legend when, and only when, an unbounded output's domain changes", () => {
    const r = rig(LINEAR_OUTPUT);
    pushFrames(r, 50, wobbling);
    expect(r.setLegend).toHaveBeenCalledTimes(1);
    expect(r.setLegend).toHaveBeenLastCalledWith({ domain: [-1, 1], classes: 0 });

    pushFrames(r, 50, (epoch) => frame(epoch, (_, p) => (p === 0 ? 4.2 : -0.5)), 51);
    expect(r.setLegend).toHaveBeenCalledTimes(2);
    expect(r.setLegend).toHaveBeenLastCalledWith({ domain: [-5, 5], classes: 0 });
  });

  it('skips a frame of another shape (a rebuild in flight) and sets nothing', () => {
    const r = rig(HIDDEN_TANH);
    r.painter.expectedUnits = UNITS + 1;
    pushFrames(r, 10, wobbling);
    expect(r.canvas.puts).toBe(0);
    expect(r.setLegend).not.toHaveBeenCalled();
  });

  it('reuses one ImageData for all its frames', () => {
    const r = rig(HIDDEN_TANH);
    pushFrames(r, 100, wobbling);
    expect(CountingImageData.made).toBe(1);
  });
});

describe('sameLegend', () => {
  it('compares domains by value and classes by count', () => {
    expect(sameLegend({ domain: [-1, 1], classes: 0 }, { domain: [-1, 1], classes: 0 })).toBe(true);
    expect(sameLegend({ domain: [-1, 1], classes: 0 }, { domain: [-2, 2], classes: 0 })).toBe(
      false,
    );
    expect(sameLegend({ domain: null, classes: 3 }, { domain: null, classes: 3 })).toBe(true);
    expect(sameLegend(NO_LEGEND, { domain: null, classes: 2 })).toBe(false);
  });
});
