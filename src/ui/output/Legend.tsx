/** Under the large heatmap: the class swatches, or the colour scale with its ends and middle. */
import type { BinaryLoss } from '../../config';
import type { TaskKind } from '../../data';
import { path } from 'd3';
import {
  classCss,
  CLASS_SHAPES,
  NEGATIVE_CSS,
  POSITIVE_CSS,
  scaleGradientCss,
} from '../../viz/colors';
import { traceShape } from '../paintPoints';
import type { LegendState } from './bigHeatmapPainter';

/** What the colours of the output mean for a task (two classes: under the chosen loss). */
export function outputNote(kind: TaskKind, loss: BinaryLoss): string {
  if (kind === 'binary' && loss === 'bce') return 'Orange 0, blue 1, white undecided (0.5)';
  if (kind === 'binary') return 'Orange −1, blue +1, white undecided';
  return 'The predicted value at each point';
}

/** The note under a hidden neuron's colour scale. */
export const HIDDEN_NOTE = 'White is 0; blue positive, orange negative';

/** A class's point as drawn on the heatmap: its shape in its colour, white-ringed. */
export function ClassMark({ index, color }: { index: number; color: string }) {
  const d = path();
  traceShape(d, CLASS_SHAPES[index] ?? 'circle', 8, 8, 5);
  return (
    <svg className="class-mark" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
      <path d={d.toString()} fill={color} stroke="#1d2a33" strokeWidth="0.8" />
    </svg>
  );
}

/** The points' key of a two-class task: what the circles and the squares are. */
function BinaryPointKey({ low, high }: { low: string; high: string }) {
  return (
    <ul className="legend-classes" aria-label="Points">
      <li>
        <ClassMark index={0} color={NEGATIVE_CSS} /> Points of class {low}
      </li>
      <li>
        <ClassMark index={1} color={POSITIVE_CSS} /> class {high}
      </li>
    </ul>
  );
}

/**
 * The legend for `legend`, with `note` under a colour scale, and for a two-class task the key
 * of its points (`binary`: the two labels' names).
 */
export function Legend({
  legend,
  note,
  binary,
}: {
  legend: LegendState;
  note: string;
  binary?: { low: string; high: string } | null;
}) {
  if (legend.classes > 0) {
    return (
      <ul className="legend legend-classes" aria-label="Classes">
        {Array.from({ length: legend.classes }, (_, c) => (
          <li key={c}>
            <ClassMark index={c} color={classCss(c)} /> Class {c + 1}
          </li>
        ))}
      </ul>
    );
  }
  if (!legend.domain) return null;
  const [lo, hi] = legend.domain;
  const middle = lo < 0 && hi > 0 ? 0 : (lo + hi) / 2;
  return (
    <div className="legend" role="img" aria-label={`Colour scale from ${lo} to ${hi}`}>
      <div className="legend-bar" style={{ background: scaleGradientCss() }} />
      <div className="legend-ticks" aria-hidden="true">
        <span>{lo}</span>
        <span>{middle}</span>
        <span>{hi}</span>
      </div>
      <p className="legend-note">{note}</p>
      {binary && <BinaryPointKey low={binary.low} high={binary.high} />}
    </div>
  );
}
