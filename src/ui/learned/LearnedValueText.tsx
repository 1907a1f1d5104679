/**
 * A learned neuron's current values in words, written from every frame straight into the
 * text (no React state): "slope a = 0.21", "β = 1.04", or a mix's blend "71% Sine, 18% Tanh,
 * 6% ReLU, …". Shown in the neuron's palette and beside the large heatmap's caption.
 */
import { useCallback, useRef } from 'react';
import { activationInfo } from '../../nn';
import {
  atNeuron,
  hiddenIndexOf,
  playgroundStore,
  usePlayground,
  type FrameHub,
  type NeuronRef,
} from '../../state';
import { useHubPainter, useRuntime } from '../runtime';
import { currentShownHidden, useShownHidden } from '../useShownHidden';
import {
  frameParams,
  isLearned,
  layoutOf,
  mixPaletteOf,
  type LearnedId,
  type MixPalette,
} from './contract';
import { blendInto, formatParam, percent, rankedBlend, type LearnedParams } from './learnedValues';

/** Entries of a blend the long form names. */
const LONG_ENTRIES = 3;

/** The long form of a learned neuron's values. */
export function learnedValueText(id: LearnedId, p: LearnedParams, palette: MixPalette): string {
  if (id === 'prelu') return `slope a = ${formatParam(p.values?.[p.start] ?? 0.25)}`;
  if (id === 'swish') return `β = ${formatParam(p.values?.[p.start] ?? 1)}`;
  const ranked = rankedBlend(palette, blendInto(p, new Float64Array(palette.length)));
  const named = ranked
    .slice(0, LONG_ENTRIES)
    .map((e) => `${percent(e.share)} ${activationInfo(e.id).label}`);
  return `${named.join(', ')}${ranked.length > LONG_ENTRIES ? ', …' : ''}`;
}

/**
 * The live values of neuron `neuron` (page numbering), in a span; nothing when it is not
 * learned. `prefix` goes before the words (e.g. " · ").
 */
export function LearnedValueText({ neuron, prefix = '' }: { neuron: NeuronRef; prefix?: string }) {
  const id = atNeuron(useShownHidden(), neuron);
  const { timeline } = useRuntime();
  const text = useRef<HTMLSpanElement>(null);
  const layer = neuron.layer;
  const index = neuron.neuron;
  const paint = useCallback(
    (hub: FrameHub) => {
      const element = text.current;
      const { config } = playgroundStore.getState();
      const hidden = currentShownHidden(timeline.hub);
      const ref = { layer, neuron: index };
      const activation = atNeuron(hidden, ref);
      if (!element || !activation || !isLearned(activation)) return;
      const palette = mixPaletteOf(config);
      const layout = layoutOf(hidden, palette.length);
      const params = frameParams(hub.latestFrame);
      const sizes = hidden.map((l) => l.length);
      const p: LearnedParams = {
        values: params && params.length === layout.count ? params : null,
        start: layout.start[hiddenIndexOf(ref, sizes)] ?? 0,
      };
      const words = prefix + learnedValueText(activation, p, palette);
      if (element.textContent !== words) element.textContent = words;
    },
    // `id`: a neuron that just became learned is written at once, even while paused.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [layer, index, prefix, id, timeline],
  );
  useHubPainter(paint);
  if (!id || !isLearned(id)) return null;
  return <span ref={text} className="learned-values" data-testid="learned-values" />;
}

/** Over the large heatmap's corner: the hovered (or focused) neuron's learned values. */
export function LearnedHoverValue() {
  const hovered = usePlayground((s) => s.hovered);
  if (hovered === null || hovered === 'output') return null;
  return (
    <span className="learned-hover">
      <LearnedValueText key={`${hovered.layer}-${hovered.neuron}`} neuron={hovered} />
    </span>
  );
}
