/**
 * A neuron's activation curve over the span its inputs covered (training set, current
 * weights), the histogram of those inputs under it, the flat regions shaded, and the share of
 * inputs that land there, and the mean |gradient| that reached it last epoch (hidden
 * neurons: the frame's statistics cover those only); with a Revive button when the neuron is dead or saturated. Painted
 * from the diagnostics record whenever a new pass arrives, without React state per frame.
 */
import { useCallback, useRef } from 'react';
import { DEAD_SHARE, DEAD_SLOPE, FLAT_RATIO, SATURATED_SHARE } from '../../nn';
import type { FrameHub } from '../../state';
import { useHubPainter } from '../runtime';
import { curvePaths } from './curvePaths';
import { formatGradient } from './GradientFlow';
import { useHealthWord } from './useHealth';
import './diagnostics.css';

/** What the rules say, for the tooltip (the same constants the engine applies). */
export const HEALTH_RULES =
  `Flat region: where the slope of the activation is below ${FLAT_RATIO * 100}% of its steepest slope on [-3, 3]. ` +
  `Dead: slope below ${DEAD_SLOPE} for at least ${DEAD_SHARE * 100}% of the training examples (no gradient passes). ` +
  `Saturated: at least ${SATURATED_SHARE * 100}% of the examples in the flat region.`;

export interface NeuronCurveProps {
  /** The unit's index in a health pass (hidden neurons first, then the outputs). */
  unit: number;
  width?: number;
  height?: number;
  /** Shows a Revive button while the neuron is dead or saturated; called when pressed. */
  onRevive?: () => void;
}

export function NeuronCurve({ unit, width = 220, height = 64, onRevive }: NeuronCurveProps) {
  const curve = useRef<SVGPathElement>(null);
  const bars = useRef<SVGPathElement>(null);
  const flat = useRef<SVGPathElement>(null);
  const zero = useRef<SVGPathElement>(null);
  const low = useRef<SVGTextElement>(null);
  const high = useRef<SVGTextElement>(null);
  const share = useRef<HTMLParagraphElement>(null);
  /** The pass and the view last painted, so a paint without a new pass does nothing. */
  const painted = useRef('');
  const word = useHealthWord(unit);

  const paint = useCallback(
    (hub: FrameHub) => {
      const record = hub.diagnostics;
      const stamp = `${record.healthVersion} ${unit} ${width} ${height}`;
      if (stamp === painted.current) return;
      painted.current = stamp;
      const paths = record.health ? curvePaths(record.health, unit, width, height) : null;
      curve.current?.setAttribute('d', paths?.curve ?? '');
      bars.current?.setAttribute('d', paths?.bars ?? '');
      flat.current?.setAttribute('d', paths?.flat ?? '');
      zero.current?.setAttribute('d', paths?.zero ?? '');
      if (low.current) low.current.textContent = paths ? paths.span[0].toFixed(1) : '';
      if (high.current) high.current.textContent = paths ? paths.span[1].toFixed(1) : '';
      if (share.current) {
        const gradient = hub.latestFrame?.meanAbsGradient[unit];
        const flow =
          gradient === undefined || !Number.isFinite(gradient)
            ? ''
            : `; mean |gradient| ${formatGradient(gradient)}`;
        share.current.textContent = paths
          ? `${Math.round(paths.flatShare * 100)}% of inputs in the flat region${flow}`
          : 'Train an epoch to see where its inputs fall.';
      }
    },
    [unit, width, height],
  );
  useHubPainter(paint);

  return (
    <div className="neuron-curve" title={HEALTH_RULES}>
      <svg
        width={width}
        height={height + 12}
        role="img"
        aria-label="The activation over the inputs it received, with their histogram; flat regions shaded"
      >
        <path ref={flat} className="curve-flat" />
        <path ref={bars} className="curve-bars" />
        <path ref={zero} className="curve-zero" />
        <path ref={curve} className="curve-line" />
        <text ref={low} x={0} y={height + 11} className="curve-tick" />
        <text ref={high} x={width} y={height + 11} textAnchor="end" className="curve-tick" />
      </svg>
      <div className="neuron-curve-caption">
        <p ref={share} className="curve-share" />
        {word && <strong className="curve-state">{word === 'dead' ? 'Dead' : 'Saturated'}</strong>}
        {word && onRevive && (
          <button
            type="button"
            className="text-button"
            title="Draw this neuron's incoming weights and bias again from the initialisation scheme; everything else is kept"
            onClick={onRevive}
          >
            Revive
          </button>
        )}
      </div>
    </div>
  );
}
