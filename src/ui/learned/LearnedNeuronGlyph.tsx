/**
 * A learned neuron's glyph inside its button: a canvas with its current curve and, for a
 * learned mix, a bar of its palette weights along the top, both painted by the hub's
 * LearnedPainter every frame. It also keeps the button's name in step with what was learned.
 */
import { useLayoutEffect, useRef } from 'react';
import { activationInfo, type ActivationId } from '../../nn';
import { usePlayground } from '../../state';
import { useRuntime } from '../runtime';
import { currentShownHidden } from '../useShownHidden';
import { blendColour } from './blendColours';
import { frameParams, mixPaletteOf, type LearnedId } from './contract';
import { learnedPainterOf, syncNetwork } from './learnedPainterHub';
import './learned.css';

export interface LearnedNeuronGlyphProps {
  readonly id: LearnedId;
  /** The neuron's index among all hidden neurons. */
  readonly hiddenIndex: number;
  /** Side of the glyph (CSS px). */
  readonly size: number;
  /** "Layer 1 neuron 3, Learned mix": the name before the learned words. */
  readonly label: string;
  /** After them: ", selected" or "". */
  readonly suffix: string;
}

export function LearnedNeuronGlyph({
  id,
  hiddenIndex,
  size,
  label,
  suffix,
}: LearnedNeuronGlyphProps) {
  const { hub, timeline } = useRuntime();
  const canvas = useRef<HTMLCanvasElement>(null);
  const bar = useRef<HTMLSpanElement>(null);
  const palette = usePlayground((s) => mixPaletteOf(s.config));
  const mix = id === 'mixture';
  useLayoutEffect(() => {
    const element = canvas.current;
    if (!element) return;
    const shown = () => currentShownHidden(timeline.hub);
    const painter = learnedPainterOf(hub, shown);
    syncNetwork(painter, shown());
    const key = `learned-${hiddenIndex}`;
    const segments = mix && bar.current ? [...bar.current.children] : [];
    painter.register(
      key,
      {
        id,
        hiddenIndex,
        canvas: element,
        side: size,
        segments: segments as HTMLElement[],
        named: element.closest('button'),
        label,
        suffix,
      },
      frameParams(hub.latestFrame),
    );
    return () => painter.unregister(key);
  }, [hub, timeline, id, hiddenIndex, size, label, suffix, mix, palette]);
  return (
    <>
      <canvas
        ref={canvas}
        className="neuron-glyph learned-glyph"
        style={{ width: size, height: size }}
        aria-hidden="true"
        data-testid="learned-glyph"
      />
      {mix && (
        <span ref={bar} className="blend-bar" aria-hidden="true" data-testid="blend-bar">
          {palette.map((entry: ActivationId, k) => (
            <span
              key={entry}
              className="blend-segment"
              title={activationInfo(entry).label}
              data-entry={entry}
              style={{ background: blendColour(k), flexGrow: 1 }}
            />
          ))}
        </span>
      )}
    </>
  );
}
