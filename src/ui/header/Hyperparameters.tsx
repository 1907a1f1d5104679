/** Learning rate, optimizer, batch size, regularisation, initialisation, loss, new neurons. */
import { rowOf } from '../../config';
import { datasetInfo } from '../../data';
import { playgroundActions as act, usePlayground } from '../../state';
import { SettingNumber, SettingSelect } from '../controls/SettingControls';
import { SetPattern } from './SetPattern';

export function Hyperparameters() {
  const regularization = usePlayground((s) => s.config.regularization);
  return (
    <div className="hyperparameters" role="group" aria-label="Hyperparameters">
      <SettingSelect name="learningRate" />
      <SettingSelect name="optimizer" />
      <SettingNumber name="batchSize" />
      <SettingSelect name="regularization" />
      <SettingSelect name="regularizationRate" disabled={regularization === 'none'} />
      <SettingSelect name="init" />
      <LossSelect />
      <div className="field default-activation">
        <DefaultActivation />
      </div>
    </div>
  );
}

/** Two-class data may use either loss; other tasks have one, shown but fixed. */
function LossSelect() {
  const kind = usePlayground((s) => datasetInfo(s.config.dataset).kind);
  if (kind === 'binary') return <SettingSelect name="loss" />;
  const fixed = kind === 'multiclass' ? 'Cross-entropy (softmax)' : 'Squared error (linear)';
  const row = rowOf('loss');
  return (
    <div className="field">
      <label htmlFor="fixed-loss">{row.label}</label>
      <select id="fixed-loss" disabled value="fixed" title={row.help}>
        <option value="fixed">{fixed}</option>
      </select>
    </div>
  );
}

function DefaultActivation() {
  return (
    <div className="inline">
      <SettingSelect name="defaultActivation" />
      {/* One above the other: side by side they would wrap the header onto a third row at
          1280 px. */}
      <div className="pattern-buttons">
        <button
          type="button"
          className="text-button"
          title="Give every hidden neuron this activation"
          onClick={() => act.applyDefaultToAll()}
        >
          Apply to all
        </button>
        <SetPattern />
      </div>
    </div>
  );
}
