/**
 * One line under the palette about the neuron it is open for: the range its pre-activation
 * covered over the last epoch and how much gradient reached it. That is what tells a dead
 * ReLU (no gradient at all), a saturated sigmoid (pre-activation far out on a flat tail) or a
 * neuron whose gradient has vanished. Updated from frames, outside React.
 */
import { useCallback, useRef } from 'react';
import type { FrameHub } from '../../state';
import type { Frame } from '../../worker/protocol';
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
      const element = line.current;
      if (!element) return;
      const text = statsText(hub.latestFrame, statsIndex, hiddenCount);
      // Setting textContent replaces the text node even when the text is the same: compare.
      if (element.textContent !== text) element.textContent = text;
    },
    [statsIndex, hiddenCount],
  );
  useHubPainter(paint);
  return <p className="neuron-stats" ref={line} aria-live="off" />;
}

const NO_STATS = 'Train an epoch to see what reaches this neuron.';

/** The line for hidden neuron `index` from `frame` (one of `hiddenCount` hidden neurons). */
function statsText(frame: Frame | null, index: number, hiddenCount: number): string {
  if (!frame || frame.preMin.length !== hiddenCount) return NO_STATS;
  const low = frame.preMin[index] ?? NaN;
  const high = frame.preMax[index] ?? NaN;
  const gradient = frame.meanAbsGradient[index] ?? NaN;
  if (!Number.isFinite(low) || !Number.isFinite(high)) return NO_STATS;
  return (
    `Last epoch: input to the activation from ${low.toFixed(2)} to ${high.toFixed(2)}; ` +
    `mean |gradient| ${formatLoss(gradient)}.`
  );
}
