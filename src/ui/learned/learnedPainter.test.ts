import { describe, expect, it } from 'vitest';
import type { ActivationId } from '../../nn';
import type { GlyphContext } from './learnedGlyphPaint';
import { LearnedPainter, NAME_INTERVAL_MS, type LearnedSlot } from './learnedPainter';

/** A 2-D context that records the points of every stroke. */
function recordingContext() {
  const points: number[] = [];
  const context: GlyphContext = {
    strokeStyle: '',
    fillStyle: '',
    lineWidth: 1,
    lineJoin: 'miter',
    setTransform: () => {},
    clearRect: () => points.splice(0),
    fillRect: () => {},
    beginPath: () => {},
    moveTo: (x, y) => points.push(x, y),
    lineTo: (x, y) => points.push(x, y),
    stroke: () => {},
  };
  return { context, points };
}

function slot(id: LearnedSlot['id'], hiddenIndex: number, segments = 0) {
  const { context, points } = recordingContext();
  const attributes: Record<string, string> = {};
  const bars = Array.from({ length: segments }, () => ({ style: { flexGrow: '1' } }));
  const value: LearnedSlot = {
    id,
    hiddenIndex,
    canvas: { width: 0, height: 0, getContext: () => context },
    side: 20,
    segments: bars,
    named: { setAttribute: (name, v) => (attributes[name] = v) },
    label: `Layer 1 neuron ${hiddenIndex + 1}, ${id === 'mixture' ? 'Learned mix' : 'PReLU'}`,
    suffix: '',
  };
  return { value, points, attributes, bars };
}

describe('the learned painter', () => {
  const hidden: ActivationId[][] = [['prelu', 'mixture']];
  const palette = ['sin', 'tanh'] as const;

  it('draws each neuron’s current curve and blend, and its name at most every interval', () => {
    const painter = new LearnedPainter();
    painter.setNetwork(hidden, palette);
    const prelu = slot('prelu', 0);
    const mix = slot('mixture', 1, 2);
    painter.register('a', prelu.value, null);
    painter.register('b', mix.value, null);
    expect(mix.attributes['aria-label']).toBe('Layer 1 neuron 2, Learned mix: 50% Sine, 50% Tanh');
    expect(prelu.attributes['aria-label']).toBe('Layer 1 neuron 1, PReLU, slope a = 0.25');
    const before = [...prelu.points];

    // Frame: a = 1 (a straight line), mix 88% tanh.
    const frame = Float64Array.from([1, 0, 2]);
    painter.paint(frame, 1000);
    expect(prelu.points).not.toEqual(before);
    expect(mix.bars.map((b) => b.style.flexGrow)).toEqual(['119', '881']);
    expect(mix.attributes['aria-label']).toBe('Layer 1 neuron 2, Learned mix: 88% Tanh, 12% Sine');

    // Within the interval the curve and bar follow, the name waits.
    painter.paint(Float64Array.from([1, 2, 0]), 1000 + NAME_INTERVAL_MS / 2);
    expect(mix.bars.map((b) => b.style.flexGrow)).toEqual(['881', '119']);
    expect(mix.attributes['aria-label']).toContain('88% Tanh');
    painter.paint(Float64Array.from([1, 2, 0]), 1000 + NAME_INTERVAL_MS);
    expect(mix.attributes['aria-label']).toContain('88% Sine');
  });

  it('draws defaults rather than misread a frame of another layout', () => {
    const painter = new LearnedPainter();
    painter.setNetwork(hidden, palette);
    const mix = slot('mixture', 1, 2);
    painter.register('b', mix.value, Float64Array.from([1, 0]));
    expect(mix.bars.map((b) => b.style.flexGrow)).toEqual(['500', '500']);
  });
});
