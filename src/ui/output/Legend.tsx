/** Under the large heatmap: the class swatches, or the colour scale with its ends and middle. */
import type { BinaryLoss } from '../../config';
import type { TaskKind } from '../../data';
import { classCss, scaleGradientCss } from '../../viz/colors';
import type { LegendState } from './bigHeatmapPainter';

/** What the colours of the output mean for a task (two classes: under the chosen loss). */
export function outputNote(kind: TaskKind, loss: BinaryLoss): string {
  if (kind === 'binary' && loss === 'bce') return 'Orange 0, blue 1, white undecided (0.5)';
  if (kind === 'binary') return 'Orange −1, blue +1, white undecided';
  return 'The predicted value at each point';
}

/** The note under a hidden neuron's colour scale. */
export const HIDDEN_NOTE = 'White is 0; blue positive, orange negative';

/** The legend for `legend`, with `note` under a colour scale. */
export function Legend({ legend, note }: { legend: LegendState; note: string }) {
  if (legend.classes > 0) {
    return (
      <ul className="legend legend-classes" aria-label="Classes">
        {Array.from({ length: legend.classes }, (_, c) => (
          <li key={c}>
            <span className="swatch" style={{ background: classCss(c) }} /> Class {c + 1}
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
    </div>
  );
}
