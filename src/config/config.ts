/**
 * The playground's configuration and what the engine makes of it: the network and training
 * specs, the output head a data set calls for, and which changes rebuild the network and which
 * patch it (derived from each setting's effect in the table). Pure; imports only the engine
 * and data.
 */
import type { NetworkSpec, OutputSpec, TrainingSpec } from '../nn';
import { datasetInfo, outputForTask, type DatasetId } from '../data';
import type { Effect } from './settingRows';
import {
  SETTINGS,
  SETTING_KEYS,
  type BinaryLoss,
  type PlaygroundConfig,
  type SettingKey,
} from './settings';

export * from './settings';
export type { Effect } from './settingRows';

/** The output head the data set's task (and, for two classes, the chosen loss) calls for. */
export function outputSpecFor(config: Pick<PlaygroundConfig, 'dataset' | 'loss'>): OutputSpec {
  return outputSpecOfDataset(config.dataset, config.loss);
}

/** The output head of a data set under a two-class loss. */
export function outputSpecOfDataset(dataset: DatasetId, loss: BinaryLoss): OutputSpec {
  const info = datasetInfo(dataset);
  return outputForTask(info.kind, info.classes, loss);
}

/** The engine's network spec of a configuration. */
export function networkSpecOf(config: PlaygroundConfig): NetworkSpec {
  return {
    inputSize: config.features.length,
    hidden: config.hidden,
    output: outputSpecFor(config),
    mixturePalette: config.mixPalette,
  };
}

/** The engine's training spec of a configuration. */
export function trainingSpecOf(config: PlaygroundConfig): TrainingSpec {
  const optimizer: TrainingSpec['optimizer'] =
    config.optimizer === 'adam'
      ? { name: 'adam', learningRate: config.learningRate, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 }
      : {
          name: 'sgd',
          learningRate: config.learningRate,
          momentum: config.optimizer === 'momentum' ? 0.9 : 0,
        };
  return {
    optimizer,
    regularization: { name: config.regularization, rate: config.regularizationRate },
  };
}

/** Equality of setting values: numbers, ids, flags and (nested) lists of them. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  return a.every((item, i) => sameValue(item, b[i]));
}

function sameShape(a: PlaygroundConfig['hidden'], b: PlaygroundConfig['hidden']): boolean {
  return a.length === b.length && a.every((layer, l) => layer.length === b[l]?.length);
}

/** The effect of changing setting `key` from `a` to `b`, or null when it did not change. */
function effectOf(key: SettingKey, a: PlaygroundConfig, b: PlaygroundConfig): Effect | null {
  if (sameValue(a[key], b[key])) return null;
  // The network row is the one whose effect depends on the change: a new shape needs new
  // weights, new activations on the same shape keep them.
  if (key === 'hidden') return sameShape(a.hidden, b.hidden) ? 'patch' : 'rebuild';
  return SETTINGS[key].effect;
}

/** What going from `a` to `b` asks of the worker: every effect of the settings that changed. */
export function changeEffects(a: PlaygroundConfig, b: PlaygroundConfig): ReadonlySet<Effect> {
  const effects = new Set<Effect>();
  if (a === b) return effects;
  for (const key of SETTING_KEYS) {
    const effect = effectOf(key, a, b);
    if (effect !== null) effects.add(effect);
  }
  return effects;
}

/** True when going from `a` to `b` needs a new network (and new data), not a patch. */
export function needsRebuild(a: PlaygroundConfig, b: PlaygroundConfig): boolean {
  return changeEffects(a, b).has('rebuild');
}

/** True when going from `a` to `b` (same shape) changes what training computes. */
export function needsPatch(a: PlaygroundConfig, b: PlaygroundConfig): boolean {
  return changeEffects(a, b).has('patch');
}

/** Independent generator seeds for the data, the initial weights and the shuffles. */
export function seedStreams(seed: number): { data: number; weights: number; shuffle: number } {
  return {
    data: seed >>> 0,
    weights: (seed ^ 0x5bd1e995) >>> 0,
    shuffle: (seed ^ 0x27d4eb2f) >>> 0,
  };
}

/** The values the output heatmaps map onto the colour scale, as the output head declares. */
export { outputColourRange } from '../nn';
