/** The diagram's painter, kept in step with the network the page shows and fed every frame. */
import { useCallback, useLayoutEffect, useState } from 'react';
import type { FrameHub } from '../../state';
import { useHubPainter, useRuntime } from '../runtime';
import { HealthPainter } from './healthPainter';
import { NetworkPainter } from './networkPainter';

/**
 * One NetworkPainter for the panel's lifetime. It paints only frames of the shape given here
 * (`units` grid images, `weights` links) and repaints the latest frame when that or
 * `discretize` changes; nodes and links register themselves with it.
 */
export function useNetworkPainter(units: number, weights: number, discretize: boolean) {
  const { hub } = useRuntime();
  const [painter] = useState(() => new NetworkPainter());
  const [health] = useState(() => new HealthPainter(painter));
  useLayoutEffect(() => {
    painter.expectedGridImages = units;
    painter.expectedWeights = weights;
    painter.discretize = discretize;
    painter.paint(hub.latestFrame); // a display setting changed: repaint what is there
  }, [painter, hub, units, weights, discretize]);
  useHubPainter(
    useCallback(
      (frameHub: FrameHub) => {
        painter.paint(frameHub.latestFrame);
        health.paint(frameHub.latestFrame, performance.now());
      },
      [painter, health],
    ),
  );
  return painter;
}
