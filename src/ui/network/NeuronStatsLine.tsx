/**
 * One line under the palette about the neuron it is open for: the range its pre-activation
 * covered over the last epoch and how much gradient reached it. That is what tells a dead
 * ReLU (no gradient at all), a saturated sigmoid (pre-activation far out on a flat tail) or a
 * neuron whose gradient has vanished. Updated from frames, outside React.
 */
import { useCallback, useRef } from 'react';
import type { FrameHub } from '../../state';
import { formatLoss } from '../../viz/format';
import { useHubPainter } from '../runtime';

export function NeuronStatsLine({
  statsIndex,
  hiddenCount,
}: {
  statsIndex: number;
  hiddenCount: number;
}) {
  const line = useRef<HTMLParagraphElement>(null);
  const paint = useCallback(
    (hub: FrameHub) => {
      const frame = hub.latestFrame;
      const element = line.current;
      if (!element) return;
      if (!frame || frame.preMin.length !== hiddenCount) {
        element.textContent = 'Train an epoch to see what reaches this neuron.';
        return;
      }
      const low = frame.preMin[statsIndex] ?? NaN;
      const high = frame.preMax[statsIndex] ?? NaN;
      const gradient = frame.meanAbsGradient[statsIndex] ?? NaN;
      element.textContent =
        Number.isFinite(low) && Number.isFinite(high)
          ? `Last epoch: input to the activation from ${low.toFixed(2)} to ${high.toFixed(2)}; ` +
            `mean |gradient| ${formatLoss(gradient)}${gradient === 0 ? ' (it is not learning: dead)' : ''}.`
          : 'Train an epoch to see what reaches this neuron.';
    },
    [statsIndex, hiddenCount],
  );
  useHubPainter(paint);
  return <p className="neuron-stats" ref={line} aria-live="off" />;
}
