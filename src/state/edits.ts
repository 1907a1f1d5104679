/**
 * Pure edits of the network's shape and activations. Each returns a new configuration, or
 * null when the edit is refused (a limit, an unknown neuron or id); none mutates its input.
 *
 * Per-neuron choices stay on the neurons they were made on: adding appends a neuron or layer
 * at the end and removing removes the last one, so no other neuron moves or changes.
 */
import type { PlaygroundConfig } from '../config';
import { FEATURE_IDS, isFeatureId, type FeatureId } from '../data';
import { LIMITS, Rng, isActivationId, type ActivationId } from '../nn';
import { neuronExists, type NeuronRef } from './neurons';

/** Neurons in a layer that "add layer" creates. */
export const NEW_LAYER_SIZE = 2;

/** True when one more hidden layer fits. */
export function canAddLayer(config: PlaygroundConfig): boolean {
  return config.hidden.length < LIMITS.maxHiddenLayers;
}

/** True when there is a hidden layer to remove (a network may have none). */
export function canRemoveLayer(config: PlaygroundConfig): boolean {
  return config.hidden.length > 0;
}

/** True when hidden layer `layer` (from 1) exists and has room for one more neuron. */
export function canAddNeuron(config: PlaygroundConfig, layer: number): boolean {
  const neurons = config.hidden[layer - 1];
  return neurons !== undefined && neurons.length < LIMITS.maxNeurons;
}

/** True when hidden layer `layer` (from 1) exists and keeps a neuron after removing one. */
export function canRemoveNeuron(config: PlaygroundConfig, layer: number): boolean {
  const neurons = config.hidden[layer - 1];
  return neurons !== undefined && neurons.length > LIMITS.minNeurons;
}

/** The neurons of `refs` (page numbering) set to `id`; null if any is unknown. */
export function withActivations(
  config: PlaygroundConfig,
  refs: readonly NeuronRef[],
  id: ActivationId,
): PlaygroundConfig | null {
  if (!isActivationId(id) || refs.length === 0) return null;
  if (!refs.every((ref) => neuronExists(config.hidden, ref))) return null;
  // Unchanged keeps the same object, so the worker is not sent a patch that changes nothing.
  if (refs.every((ref) => config.hidden[ref.layer - 1]?.[ref.neuron - 1] === id)) return config;
  const hidden = config.hidden.map((layer, l) =>
    layer.map((current, j) =>
      refs.some((ref) => ref.layer === l + 1 && ref.neuron === j + 1) ? id : current,
    ),
  );
  return { ...config, hidden };
}

/** Every neuron of hidden layer `layer` (from 1) set to `id`. */
export function withLayerActivation(
  config: PlaygroundConfig,
  layer: number,
  id: ActivationId,
): PlaygroundConfig | null {
  const neurons = config.hidden[layer - 1];
  if (!Number.isInteger(layer) || neurons === undefined) return null;
  return withActivations(
    config,
    neurons.map((_, j) => ({ layer, neuron: j + 1 })),
    id,
  );
}

/** Every hidden neuron set to `id` ("apply to all"). */
export function withAllActivations(config: PlaygroundConfig, id: ActivationId): PlaygroundConfig {
  if (config.hidden.every((layer) => layer.every((current) => current === id))) return config;
  return { ...config, hidden: config.hidden.map((layer) => layer.map(() => id)) };
}

/** A new last hidden layer of NEW_LAYER_SIZE neurons of the default activation. */
export function withAddedLayer(config: PlaygroundConfig): PlaygroundConfig | null {
  if (!canAddLayer(config)) return null;
  const layer = Array.from({ length: NEW_LAYER_SIZE }, () => config.defaultActivation);
  return { ...config, hidden: [...config.hidden, layer] };
}

/** Without the last hidden layer (a network may have none). */
export function withRemovedLayer(config: PlaygroundConfig): PlaygroundConfig | null {
  if (!canRemoveLayer(config)) return null;
  return { ...config, hidden: config.hidden.slice(0, -1) };
}

/** Hidden layer `layer` (from 1) with one more neuron, of the default activation, at its end. */
export function withAddedNeuron(config: PlaygroundConfig, layer: number): PlaygroundConfig | null {
  if (!Number.isInteger(layer) || !canAddNeuron(config, layer)) return null;
  return withLayer(config, layer, (neurons) => [...neurons, config.defaultActivation]);
}

/** Hidden layer `layer` (from 1) without its last neuron; a layer keeps at least one. */
export function withRemovedNeuron(
  config: PlaygroundConfig,
  layer: number,
): PlaygroundConfig | null {
  if (!Number.isInteger(layer) || !canRemoveNeuron(config, layer)) return null;
  return withLayer(config, layer, (neurons) => neurons.slice(0, -1));
}

function withLayer(
  config: PlaygroundConfig,
  layer: number,
  change: (neurons: readonly ActivationId[]) => readonly ActivationId[],
): PlaygroundConfig {
  const hidden = config.hidden.map((neurons, l) => (l === layer - 1 ? change(neurons) : neurons));
  return { ...config, hidden };
}

/** Feature `id` switched on or off; null when that would leave no feature. */
export function withToggledFeature(
  config: PlaygroundConfig,
  id: FeatureId,
): PlaygroundConfig | null {
  if (!isFeatureId(id)) return null;
  const on = config.features.includes(id);
  if (on && config.features.length === 1) return null;
  // Kept in FEATURE_IDS order, so the same set always gives the same link and network.
  const features = FEATURE_IDS.filter((f) => (f === id ? !on : config.features.includes(f)));
  return { ...config, features };
}

/**
 * The seed "regenerate" moves to: the first draw of the project's generator seeded with the
 * current seed, so the sequence of seeds is the same on every machine. Never equals `seed`.
 */
export function nextSeed(seed: number): number {
  const next = new Rng(seed).nextUint32();
  return next === seed >>> 0 ? (next + 1) >>> 0 : next;
}
