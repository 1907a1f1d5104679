/**
 * The output column: losses and accuracy, the large heatmap of the output (or of the hovered
 * neuron, on its own colour scale) with the data points and the legend, the display toggles
 * and the loss chart with the timeline under it.
 */
import { useHidden } from '../../state';
import { SettingCheckbox } from '../controls/SettingControls';
import { ChartArea } from '../diagnostics/ChartArea';
import { BigHeatmap } from './BigHeatmap';
import { Readouts } from './Readouts';
import { Timeline } from './Timeline';

/** The "Output" region. */
export function OutputPanel() {
  const hideReadouts = useHidden('readouts');
  const hideChart = useHidden('lossChart');
  return (
    <section className="panel output-panel" aria-labelledby="output-heading">
      <h2 id="output-heading">Output</h2>
      {!hideReadouts && <Readouts />}
      <BigHeatmap />
      <Toggles />
      {!hideChart && <ChartArea />}
      {!hideChart && <Timeline />}
    </section>
  );
}

function Toggles() {
  return (
    <div className="toggles">
      <SettingCheckbox name="showTestData" />
      <SettingCheckbox name="discretize" />
      <SettingCheckbox name="logScale" />
    </div>
  );
}
