/**
 * One LearnedPainter per frame hub, fed from it at every paint with the page's network: the
 * learned neurons of the diagram register with it (LearnedNeuronGlyph).
 */
import type { PlaygroundConfig } from '../../config';
import { playgroundStore, type FrameHub } from '../../state';
import { frameParams, mixPaletteOf } from './contract';
import { LearnedPainter } from './learnedPainter';

const painters = new WeakMap<FrameHub, LearnedPainter>();

/** The hidden activations the painters draw: the page's, or a shown snapshot's. */
export type HiddenSource = () => PlaygroundConfig['hidden'];

const storeHidden: HiddenSource = () => playgroundStore.getState().config.hidden;

/**
 * The painter of `hub`'s learned neurons, kept in step with the page's store (`shown`: the
 * activations to draw, which the first caller sets for the life of the hub).
 */
export function learnedPainterOf(hub: FrameHub, shown: HiddenSource = storeHidden): LearnedPainter {
  const existing = painters.get(hub);
  if (existing) return existing;
  const painter = new LearnedPainter();
  painters.set(hub, painter);
  // For the life of the hub: its dispose() drops its listeners.
  hub.subscribe((frameHub) => {
    syncNetwork(painter, shown());
    painter.paint(frameParams(frameHub.latestFrame), performance.now());
  });
  return painter;
}

/**
 * Gives `painter` the network of the page's store, with `hidden` as its activations (no work
 * when nothing changed).
 */
export function syncNetwork(painter: LearnedPainter, hidden = storeHidden()): void {
  const { config } = playgroundStore.getState();
  painter.scale = typeof window === 'undefined' ? 1 : Math.min(3, window.devicePixelRatio || 1);
  painter.setNetwork(hidden, mixPaletteOf(config));
}
