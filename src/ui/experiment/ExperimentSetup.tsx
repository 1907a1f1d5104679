/**
 * The experiment's set-up: presets, the variants (or a fraction sweep), seeds, epochs and the
 * target. Every change goes into the draft (src/state/experiment.ts); nothing runs until Run.
 */
import { useId } from 'react';
import { SETTINGS } from '../../config';
import { datasetInfo } from '../../data';
import {
  EXPERIMENT_LIMITS,
  MAX_LOSS_TARGET,
  PRESETS,
  ruleLabel,
  sweepFractions,
  targetMetricOf,
} from '../../experiment';
import { ACTIVATIONS, type ActivationId } from '../../nn';
import {
  experimentController as experiment,
  targetFor,
  useExperiment,
  usePlayground,
} from '../../state';
import { NumberField } from '../NumberField';
import { RulePicker } from '../RulePicker';

export function ExperimentSetup({ disabled }: { disabled: boolean }) {
  const sweepOn = useExperiment((s) => s.draft.sweepOn);
  const sweepId = useId();
  return (
    <section className="experiment-setup" aria-labelledby={`${sweepId}-heading`}>
      <h3 id={`${sweepId}-heading`} className="section-title">
        Set up
      </h3>
      <Presets disabled={disabled} />
      <label className="check">
        <input
          type="checkbox"
          checked={sweepOn}
          disabled={disabled}
          onChange={(e) => experiment.setDraft({ sweepOn: e.target.checked })}
        />
        Fraction sweep: one rule with p stepped from 0 to 1 instead of the variants
      </label>
      {sweepOn ? <SweepEditor disabled={disabled} /> : <VariantsEditor disabled={disabled} />}
      <RunSettings disabled={disabled} />
    </section>
  );
}

function Presets({ disabled }: { disabled: boolean }) {
  return (
    <div className="presets" role="group" aria-label="Presets">
      <span className="muted">Presets (fill everything in, and show the network):</span>
      {PRESETS.map((preset) => (
        <button
          key={preset.id}
          type="button"
          className="text-button preset-button"
          title={preset.description}
          disabled={disabled}
          onClick={() => experiment.loadPreset(preset.id)}
        >
          {preset.title}
        </button>
      ))}
    </div>
  );
}

function VariantsEditor({ disabled }: { disabled: boolean }) {
  const variants = useExperiment((s) => s.draft.variants);
  const fallbackX = usePlayground((s) => s.config.defaultActivation);
  return (
    <div className="variants">
      {variants.map((variant, i) => (
        <fieldset key={i} className="variant-row" disabled={disabled}>
          <legend>
            Variant {i + 1}
            {i === 0 ? ' (the reference)' : ''}
          </legend>
          <VariantName index={i} name={variant.name} placeholder={ruleLabel(variant.rule)} />
          <RulePicker
            rule={variant.rule}
            fallbackX={fallbackX}
            onChange={(rule) => experiment.setVariant(i, { ...variant, rule })}
          />
          <button
            type="button"
            className="text-button remove-variant"
            disabled={variants.length <= 1}
            aria-label={`Remove variant ${i + 1}`}
            onClick={() => experiment.removeVariant(i)}
          >
            Remove
          </button>
        </fieldset>
      ))}
      <div className="add-variant">
        <button
          type="button"
          className="text-button"
          disabled={disabled || variants.length >= EXPERIMENT_LIMITS.maxVariants}
          onClick={() => experiment.addVariant()}
        >
          Add variant
        </button>
        <span className="muted">up to {EXPERIMENT_LIMITS.maxVariants}</span>
      </div>
    </div>
  );
}

function VariantName({
  index,
  name,
  placeholder,
}: {
  index: number;
  name: string;
  placeholder: string;
}) {
  const id = useId();
  return (
    <div className="field variant-name">
      <label htmlFor={id}>Name</label>
      <input
        id={id}
        type="text"
        value={name}
        placeholder={placeholder}
        maxLength={EXPERIMENT_LIMITS.maxNameLength}
        onChange={(e) => {
          const variant = experiment.store.getState().draft.variants[index];
          if (variant) experiment.setVariant(index, { ...variant, name: e.target.value });
        }}
      />
    </div>
  );
}

function ActivationChoice({
  label,
  value,
  onChange,
}: {
  label: string;
  value: ActivationId;
  onChange: (id: ActivationId) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as ActivationId)}>
        {ACTIVATIONS.map((a) => (
          <option key={a.id} value={a.id}>
            {a.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function SweepEditor({ disabled }: { disabled: boolean }) {
  const sweep = useExperiment((s) => s.draft.sweep);
  const { minSweepSteps, maxSweepSteps } = EXPERIMENT_LIMITS;
  return (
    <fieldset className="variant-row sweep-row" disabled={disabled}>
      <legend>Sweep: a fraction p of each layer Y, the rest X</legend>
      <ActivationChoice
        label="X"
        value={sweep.x}
        onChange={(x) => experiment.setDraft({ sweep: { ...sweep, x } })}
      />
      <ActivationChoice
        label="Y"
        value={sweep.y}
        onChange={(y) => experiment.setDraft({ sweep: { ...sweep, y } })}
      />
      <NumberField
        label="Steps"
        value={sweep.steps}
        min={minSweepSteps}
        max={maxSweepSteps}
        integer
        onChange={(steps) => experiment.setDraft({ sweep: { ...sweep, steps } })}
      />
      <span className="muted sweep-values">p = {sweepFractions(sweep.steps).join(', ')}</span>
    </fieldset>
  );
}

function RunSettings({ disabled }: { disabled: boolean }) {
  const draft = useExperiment((s) => s.draft);
  const config = usePlayground((s) => s.config);
  const target = targetFor(draft, config);
  const { minSeeds, maxSeeds, minEpochs, maxEpochs } = EXPERIMENT_LIMITS;
  const byLoss = targetMetricOf(config) === 'testLoss';
  const variants = draft.sweepOn ? draft.sweep.steps : draft.variants.length;
  const runs = variants * draft.seeds.count;
  const layers = config.hidden.map((layer) => layer.length).join('-') || 'no hidden layers';
  return (
    <div className="run-settings">
      <NumberField
        label="Seeds"
        help="Each seed fixes the data, the split, the initial weights and the shuffles"
        value={draft.seeds.count}
        min={minSeeds}
        max={maxSeeds}
        integer
        disabled={disabled}
        onChange={(count) => experiment.setDraft({ seeds: { ...draft.seeds, count } })}
      />
      <NumberField
        label="First seed"
        value={draft.seeds.first}
        min={SETTINGS.seed.min}
        max={SETTINGS.seed.max - draft.seeds.count + 1}
        integer
        disabled={disabled}
        onChange={(first) => experiment.setDraft({ seeds: { ...draft.seeds, first } })}
      />
      <NumberField
        label="Epochs"
        help="Epochs every run trains"
        value={draft.epochs}
        min={minEpochs}
        max={maxEpochs}
        integer
        disabled={disabled}
        onChange={(epochs) => experiment.setDraft({ epochs })}
      />
      <NumberField
        label="Target"
        help={
          byLoss
            ? 'A run has learnt when its test loss is at most this'
            : 'A run has learnt when its test accuracy is at least this (0.9 is 90%)'
        }
        value={target.value}
        min={0}
        aboveMin
        max={byLoss ? MAX_LOSS_TARGET : 1}
        step={byLoss ? 0.001 : 0.01}
        unit={byLoss ? 'test loss at most' : 'test accuracy at least (0 to 1)'}
        disabled={disabled}
        onChange={(value) => experiment.setDraft({ target: { metric: target.metric, value } })}
      />
      <p className="muted run-count">
        {variants} {variants === 1 ? 'variant' : 'variants'} × {draft.seeds.count}{' '}
        {draft.seeds.count === 1 ? 'seed' : 'seeds'} = {runs} {runs === 1 ? 'run' : 'runs'} of{' '}
        {draft.epochs} epochs on {datasetInfo(config.dataset).label}, network {layers}.
      </p>
    </div>
  );
}
