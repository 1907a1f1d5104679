/** Learning rate, optimizer, batch size, regularisation, initialisation, default activation. */
import {
  LEARNING_RATES,
  OPTIMIZERS,
  REGULARIZATION_RATES,
  REGULARIZATIONS,
  type OptimizerChoice,
  type RegularizationChoice,
} from '../../config/config';
import { ACTIVATIONS, INIT_SCHEMES, isActivationId, isInitScheme } from '../../nn';
import { CONFIG_BOUNDS, playgroundActions as act, usePlayground } from '../../state';

const OPTIMIZER_LABELS: Record<OptimizerChoice, string> = {
  sgd: 'SGD',
  momentum: 'SGD + momentum',
  adam: 'Adam',
};
const REGULARIZATION_LABELS: Record<RegularizationChoice, string> = {
  none: 'None',
  l1: 'L1',
  l2: 'L2',
};
const INIT_LABELS = {
  auto: 'Auto (He / Xavier)',
  uniform: 'Uniform ±0.5',
  xavier: 'Xavier',
  he: 'He',
};

export function Hyperparameters() {
  const learningRate = usePlayground((s) => s.config.learningRate);
  const optimizer = usePlayground((s) => s.config.optimizer);
  const batchSize = usePlayground((s) => s.config.batchSize);
  const regularization = usePlayground((s) => s.config.regularization);
  const regularizationRate = usePlayground((s) => s.config.regularizationRate);
  const init = usePlayground((s) => s.config.init);
  const defaultActivation = usePlayground((s) => s.config.defaultActivation);
  // A link may carry a rate that is not in the list: show it as its own option.
  const rates = (LEARNING_RATES as readonly number[]).includes(learningRate)
    ? LEARNING_RATES
    : [...LEARNING_RATES, learningRate].sort((a, b) => a - b);
  const regRates = (REGULARIZATION_RATES as readonly number[]).includes(regularizationRate)
    ? REGULARIZATION_RATES
    : [...REGULARIZATION_RATES, regularizationRate].sort((a, b) => a - b);

  return (
    <div className="hyperparameters" role="group" aria-label="Hyperparameters">
      <label className="field" title="Step size of every update; too high and training diverges">
        <span>Learning rate</span>
        <select value={learningRate} onChange={(e) => act.setLearningRate(Number(e.target.value))}>
          {rates.map((rate) => (
            <option key={rate} value={rate}>
              {rate}
            </option>
          ))}
        </select>
      </label>
      <label className="field" title="How gradients become updates">
        <span>Optimizer</span>
        <select
          value={optimizer}
          onChange={(e) => act.setOptimizer(e.target.value as OptimizerChoice)}
        >
          {OPTIMIZERS.map((o) => (
            <option key={o} value={o}>
              {OPTIMIZER_LABELS[o]}
            </option>
          ))}
        </select>
      </label>
      <label
        className="field"
        title={`Examples per update, ${CONFIG_BOUNDS.minBatch} to ${CONFIG_BOUNDS.maxBatch}`}
      >
        <span>Batch size</span>
        <input
          type="number"
          min={CONFIG_BOUNDS.minBatch}
          max={CONFIG_BOUNDS.maxBatch}
          value={batchSize}
          onChange={(e) => {
            const value = e.target.valueAsNumber;
            if (Number.isFinite(value)) act.setBatchSize(Math.round(value));
          }}
        />
      </label>
      <label className="field" title="Penalty on large weights (never on biases)">
        <span>Regularization</span>
        <select
          value={regularization}
          onChange={(e) => act.setRegularization(e.target.value as RegularizationChoice)}
        >
          {REGULARIZATIONS.map((r) => (
            <option key={r} value={r}>
              {REGULARIZATION_LABELS[r]}
            </option>
          ))}
        </select>
      </label>
      <label className="field" title="Strength of the penalty">
        <span>Regularization rate</span>
        <select
          value={regularizationRate}
          disabled={regularization === 'none'}
          onChange={(e) => act.setRegularizationRate(Number(e.target.value))}
        >
          {regRates.map((rate) => (
            <option key={rate} value={rate}>
              {rate}
            </option>
          ))}
        </select>
      </label>
      <label className="field" title="How initial weights are drawn (from the seed)">
        <span>Initialization</span>
        <select
          value={init}
          onChange={(e) => {
            if (isInitScheme(e.target.value)) act.setInit(e.target.value);
          }}
        >
          {INIT_SCHEMES.map((scheme) => (
            <option key={scheme} value={scheme}>
              {INIT_LABELS[scheme]}
            </option>
          ))}
        </select>
      </label>
      <div className="field default-activation">
        <label htmlFor="default-activation">Activation for new neurons</label>
        <div className="inline">
          <select
            id="default-activation"
            value={defaultActivation}
            onChange={(e) => {
              if (isActivationId(e.target.value)) act.setDefaultActivation(e.target.value);
            }}
          >
            {ACTIVATIONS.map((a) => (
              <option key={a.id} value={a.id}>
                {a.label}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="text-button"
            title="Give every hidden neuron this activation"
            onClick={() => act.applyDefaultToAll()}
          >
            Apply to all
          </button>
        </div>
      </div>
    </div>
  );
}
