/**
 * The output column: losses and accuracy, the large heatmap of the output (or of the hovered
 * neuron, on its own colour scale) with the data points and the legend, the display toggles
 * and the loss chart.
 */
import { playgroundActions as act, usePlayground } from '../../state';
import { BigHeatmap } from './BigHeatmap';
import { LossChart } from './LossChart';
import { Readouts } from './Readouts';

/** The "Output" region. */
export function OutputPanel() {
  return (
    <section className="panel output-panel" aria-labelledby="output-heading">
      <h2 id="output-heading">Output</h2>
      <Readouts />
      <BigHeatmap />
      <Toggles />
      <LossChart />
    </section>
  );
}

function Toggles() {
  const showTest = usePlayground((s) => s.config.showTestData);
  const discretize = usePlayground((s) => s.config.discretize);
  const logScale = usePlayground((s) => s.logScale);
  return (
    <div className="toggles">
      <label>
        <input
          type="checkbox"
          checked={showTest}
          onChange={(e) => act.setShowTestData(e.target.checked)}
        />
        Show test data
      </label>
      <label>
        <input
          type="checkbox"
          checked={discretize}
          onChange={(e) => act.setDiscretize(e.target.checked)}
        />
        Discretize output
      </label>
      <label>
        <input type="checkbox" checked={logScale} onChange={() => act.toggleLogScale()} />
        Log-scale loss
      </label>
    </div>
  );
}
