/** The tooltip that names the weight under the pointer and shows its value. */
import { useCallback, useState, type RefObject } from 'react';
import type { FeatureId } from '../../data';
import { formatWeight } from '../../viz/format';
import { useRuntime } from '../runtime';
import type { DiagramLink } from './geometry';
import { linkName } from './names';

/** Where the tooltip stands (px within the diagram) and what it says. */
export interface WeightTip {
  readonly x: number;
  readonly y: number;
  readonly text: string;
}

/** Gap between the pointer and the tooltip's corner (px). */
const POINTER_OFFSET = 12;

/**
 * The tooltip's state: `show` places it beside the pointer over `link` with the weight's
 * value in the latest frame, `hide` removes it. Both keep their identity while the network's
 * shape stays, so the links need not re-render when the tooltip moves.
 */
export function useWeightTooltip(
  diagram: RefObject<HTMLElement | null>,
  links: readonly DiagramLink[],
  features: readonly FeatureId[],
  hiddenLayers: number,
): {
  tip: WeightTip | null;
  show: (link: DiagramLink, event: React.PointerEvent) => void;
  hide: () => void;
} {
  const { hub } = useRuntime();
  const [tip, setTip] = useState<WeightTip | null>(null);
  const weights = links.length;
  const show = useCallback(
    (link: DiagramLink, event: React.PointerEvent) => {
      const frame = hub.latestFrame;
      // A frame of another shape (a rebuild in flight) has no value for this link.
      const value =
        frame && frame.weights.length === weights ? frame.weights[link.weightIndex] : undefined;
      const bounds = diagram.current?.getBoundingClientRect();
      setTip({
        x: event.clientX - (bounds?.left ?? 0) + POINTER_OFFSET,
        y: event.clientY - (bounds?.top ?? 0) + POINTER_OFFSET,
        text: `${linkName(link, features, hiddenLayers)}: ${value === undefined ? '…' : formatWeight(value)} (click to edit)`,
      });
    },
    [hub, diagram, weights, features, hiddenLayers],
  );
  const hide = useCallback(() => setTip(null), []);
  return { tip, show, hide };
}

/** The tooltip (role "tooltip") where `useWeightTooltip` placed it, or nothing. */
export function WeightTooltip({ tip }: { tip: WeightTip | null }) {
  if (!tip) return null;
  return (
    <div className="tooltip" role="tooltip" style={{ left: tip.x, top: tip.y }}>
      {tip.text}
    </div>
  );
}
