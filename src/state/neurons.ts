/**
 * How the page names a hidden neuron, and the converters to the other two numberings.
 *
 * Three numberings meet here; the store uses only the first:
 * - **Page** (`NeuronRef`, this file): `layer` is the hidden layer number and `neuron` the
 *   neuron's number in it, both counted from 1, as the page says "Layer 1 neuron 3".
 * - **Engine** (`EngineNeuron`, nn/network.ts and the worker protocol): `layer` 1 is the first
 *   hidden layer (0 would be the inputs), `neuron` counts from 0.
 * - **Config** (`PlaygroundConfig.hidden[l][j]`): both count from 0.
 */

/** A hidden neuron as the page numbers it: layer and neuron both from 1. */
export interface NeuronRef {
  /** Hidden layer number, 1 = the first hidden layer. */
  readonly layer: number;
  /** Neuron number within the layer, 1 = the top neuron. */
  readonly neuron: number;
}

/** A hidden neuron as the engine numbers it: layer from 1 (0 = inputs), neuron from 0. */
export interface EngineNeuron {
  readonly layer: number;
  readonly neuron: number;
}

/** The engine's address of a page neuron (for the worker's setWeight / setBias). */
export function toEngineNeuron(ref: NeuronRef): EngineNeuron {
  return { layer: ref.layer, neuron: ref.neuron - 1 };
}

/** The page's numbering of an engine neuron (for a frame's per-neuron data). */
export function fromEngineNeuron(address: EngineNeuron): NeuronRef {
  return { layer: address.layer, neuron: address.neuron + 1 };
}

/** Indices into `config.hidden[l][j]` of a page neuron. */
export function toConfigIndex(ref: NeuronRef): { readonly l: number; readonly j: number } {
  return { l: ref.layer - 1, j: ref.neuron - 1 };
}

/** The entry of `config.hidden` (or of any per-neuron table shaped like it) for a page neuron. */
export function atNeuron<T>(hidden: readonly (readonly T[])[], ref: NeuronRef): T | undefined {
  const { l, j } = toConfigIndex(ref);
  return hidden[l]?.[j];
}

/** Hidden neurons in all, from the neurons per hidden layer. */
export function hiddenNeuronCount(layerSizes: readonly number[]): number {
  let count = 0;
  for (const size of layerSizes) count += size;
  return count;
}

/**
 * A page neuron's index among all hidden neurons, first layer first. Frames number hidden
 * neurons this way: it is the neuron's image in `frame.grid` (hidden neurons come before the
 * outputs, see nn/grid.ts) and its entry in `frame.preMin`, `preMax` and `meanAbsGradient`.
 */
export function hiddenIndexOf(ref: NeuronRef, layerSizes: readonly number[]): number {
  const { l, j } = toConfigIndex(ref);
  return hiddenNeuronCount(layerSizes.slice(0, l)) + j;
}

/** What a screen reader and a notice call the neuron, e.g. "Layer 1 neuron 3". */
export function neuronLabel(ref: NeuronRef): string {
  return `Layer ${ref.layer} neuron ${ref.neuron}`;
}

/** True when two references name the same neuron. */
export function sameNeuron(a: NeuronRef, b: NeuronRef): boolean {
  return a.layer === b.layer && a.neuron === b.neuron;
}

/** True when `ref` names a neuron of a network whose hidden layers are `hidden`. */
export function neuronExists(hidden: readonly (readonly unknown[])[], ref: NeuronRef): boolean {
  const { l, j } = toConfigIndex(ref);
  const layer = hidden[l];
  return (
    Number.isInteger(ref.layer) &&
    Number.isInteger(ref.neuron) &&
    layer !== undefined &&
    j >= 0 &&
    j < layer.length
  );
}
