/** Paints from the comparison's frames: after every frame, and once at mount. */
import { useEffect } from 'react';
import { comparisonController, type PairHub } from '../../state';

/**
 * Calls `paint` with the comparison's hub after every frame (in its animation-frame callback)
 * and at once; `paint` reads `hub.latestFrame` afresh each time.
 */
export function usePairPainter(paint: (hub: PairHub) => void): void {
  useEffect(() => {
    const hub = comparisonController.hub;
    if (!hub) return;
    paint(hub);
    return hub.subscribe(paint);
  }, [paint]);
}
