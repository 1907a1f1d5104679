/**
 * The chart under the large heatmap: the loss over epochs, or, at the press of a button, the
 * gradient flow in the same place (the column has no height to spare for both). The gradient
 * flow's table is there either way, for screen readers.
 */
import { useState } from 'react';
import { LossChart } from '../output/LossChart';
import { GradientFlow } from './GradientFlow';
import './diagnostics.css';

export function ChartArea() {
  const [flow, setFlow] = useState(false);
  return (
    <div className="chart-area">
      <button
        type="button"
        className="text-button chart-switch"
        aria-pressed={flow}
        title="Show the mean |gradient| reaching each layer instead of the loss"
        onClick={() => setFlow((shown) => !shown)}
      >
        Gradient flow
      </button>
      {flow ? null : <LossChart />}
      <GradientFlow showChart={flow} />
    </div>
  );
}
