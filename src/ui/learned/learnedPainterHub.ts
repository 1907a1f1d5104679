/**
 * One LearnedPainter per frame hub, fed from it at every paint with the page's network: the
 * learned neurons of the diagram register with it (LearnedNeuronGlyph).
 */
import { playgroundStore, type FrameHub } from '../../state';
import { frameParams, mixPaletteOf } from './contract';
import { LearnedPainter } from './learnedPainter';

const painters = new WeakMap<FrameHub, LearnedPainter>();

/** The painter of `hub`'s learned neurons, kept in step with the page's store. */
export function learnedPainterOf(hub: FrameHub): LearnedPainter {
  const existing = painters.get(hub);
  if (existing) return existing;
  const painter = new LearnedPainter();
  painters.set(hub, painter);
  // For the life of the hub: its dispose() drops its listeners.
  hub.subscribe((frameHub) => {
    syncNetwork(painter);
    painter.paint(frameParams(frameHub.latestFrame), performance.now());
  });
  return painter;
}

/** Gives `painter` the network of the page's store (no work when it did not change). */
export function syncNetwork(painter: LearnedPainter): void {
  const { config } = playgroundStore.getState();
  painter.scale = typeof window === 'undefined' ? 1 : Math.min(3, window.devicePixelRatio || 1);
  painter.setNetwork(config.hidden, mixPaletteOf(config));
}
