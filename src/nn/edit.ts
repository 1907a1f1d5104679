/**
 * Live edits of a built network: each patches it in place and keeps every learned weight.
 * Layers are numbered as in `Network`: 1 is the first hidden layer, `outputLayer` the outputs.
 */
import {
  activationCode,
  checkActivationId,
  isLearnedCode,
  type ActivationId,
  type FixedActivationId,
} from './activations';
import { layOutActivationParams } from './learnedParams';
import { SpecError } from './errors';
import type { Network } from './network';
import { checkMixturePalette, validateTraining, type TrainingSpec } from './spec';

/**
 * Gives neuron `neuron` of hidden layer `layer` the activation `id`. Every weight and bias is
 * kept; a neuron switching to a learned activation gets its default parameters with fresh
 * optimizer state, and one switching away drops its parameters (the others keep theirs).
 * Giving a neuron the activation it has changes nothing.
 */
export function setActivation(net: Network, layer: number, neuron: number, id: ActivationId): void {
  net.checkUnit(layer, neuron, true);
  checkActivationId('activation', id);
  const unit = net.unitIndex(layer, neuron);
  const before = net.codes[unit] as number;
  const code = activationCode(id);
  if (before === code) return;
  net.codes[unit] = code;
  if (isLearnedCode(before) || isLearnedCode(code)) {
    layOutActivationParams(net, (other) => other !== unit);
  }
}

/**
 * Replaces the palette the mixture neurons blend (a patch: weights and every other learned
 * parameter kept). Every mixture neuron's α starts again at 0 with fresh optimizer state.
 */
export function setMixturePalette(net: Network, palette: readonly FixedActivationId[]): void {
  checkMixturePalette(palette, net.activations.flat().includes('mixture'));
  net.mixturePalette = [...palette];
  net.paletteCodes = Uint8Array.from(palette, activationCode);
  const mixture = activationCode('mixture');
  layOutActivationParams(net, (unit) => net.codes[unit] !== mixture);
}

/**
 * Replaces the optimizer and regularisation. A different optimizer starts from rest; the
 * same one keeps its moments, so changing only the learning rate does not jolt Adam.
 * Plain SGD and SGD with momentum count as different: plain SGD leaves the velocity
 * untouched, so switching momentum back on must not resume an old velocity.
 */
export function setTraining(net: Network, training: TrainingSpec): void {
  validateTraining(training);
  if (optimizerKind(training) !== optimizerKind(net.training)) net.resetOptimizerState();
  net.training = training;
}

function optimizerKind(training: TrainingSpec): string {
  const opt = training.optimizer;
  return opt.name === 'sgd' && opt.momentum > 0 ? 'momentum' : opt.name;
}

function weightIndex(net: Network, layer: number, neuron: number, from: number): number {
  net.checkUnit(layer, neuron);
  const fanIn = net.sizes[layer - 1] as number;
  if (!Number.isInteger(from) || from < 0 || from >= fanIn) {
    throw new SpecError('from', `an integer from 0 to ${fanIn - 1}`, from);
  }
  return (net.weightStart[layer] as number) + neuron * fanIn + from;
}

/** The weight from unit `from` of layer `layer - 1` into neuron `neuron` of layer `layer`. */
export function getWeight(net: Network, layer: number, neuron: number, from: number): number {
  return net.weights[weightIndex(net, layer, neuron, from)] as number;
}

export function setWeight(
  net: Network,
  layer: number,
  neuron: number,
  from: number,
  value: number,
) {
  if (!Number.isFinite(value)) throw new SpecError('weight', 'a finite number', value);
  net.weights[weightIndex(net, layer, neuron, from)] = value;
}

export function getBias(net: Network, layer: number, neuron: number): number {
  net.checkUnit(layer, neuron);
  return net.biases[net.unitIndex(layer, neuron)] as number;
}

export function setBias(net: Network, layer: number, neuron: number, value: number): void {
  net.checkUnit(layer, neuron);
  if (!Number.isFinite(value)) throw new SpecError('bias', 'a finite number', value);
  net.biases[net.unitIndex(layer, neuron)] = value;
}

/**
 * All parameters as nested lists, the reference's layout: `weights[l][j][i]` into unit j of
 * parameter layer l (0 = first hidden layer, last = outputs) from unit i below; `biases[l][j]`.
 */
export interface Parameters {
  weights: number[][][];
  biases: number[][];
}

export function exportParameters(net: Network): Parameters {
  return nest(net, net.weights, net.biases);
}

/** The last computed gradient (`gradWeights` / `gradBiases`) in the same layout. */
export function exportGradient(net: Network): Parameters {
  return nest(net, net.gradWeights, net.gradBiases);
}

function nest(net: Network, flatWeights: Float64Array, flatBiases: Float64Array): Parameters {
  const weights: number[][][] = [];
  const biases: number[][] = [];
  for (let k = 1; k <= net.outputLayer; k++) {
    const fanIn = net.sizes[k - 1] as number;
    const rows: number[][] = [];
    const layerBiases: number[] = [];
    for (let j = 0; j < (net.sizes[k] as number); j++) {
      const start = (net.weightStart[k] as number) + j * fanIn;
      rows.push(Array.from(flatWeights.subarray(start, start + fanIn)));
      layerBiases.push(flatBiases[net.unitIndex(k, j)] as number);
    }
    weights.push(rows);
    biases.push(layerBiases);
  }
  return { weights, biases };
}

/**
 * Loads parameters in `exportParameters`' layout; throws a SpecError on any shape mismatch or
 * non-finite value. Everything is checked before anything is written, so a refused import
 * leaves the network as it was.
 */
export function importParameters(net: Network, params: Parameters): void {
  const layers = net.outputLayer;
  if (!Array.isArray(params?.weights) || params.weights.length !== layers) {
    throw new SpecError('weights', `a list of ${layers} layers`, params?.weights?.length);
  }
  if (!Array.isArray(params.biases) || params.biases.length !== layers) {
    throw new SpecError('biases', `a list of ${layers} layers`, params.biases?.length);
  }
  for (let k = 1; k <= layers; k++) {
    const size = net.sizes[k] as number;
    const fanIn = net.sizes[k - 1] as number;
    const rows = params.weights[k - 1];
    const layerBiases = params.biases[k - 1];
    if (!Array.isArray(rows) || rows.length !== size) {
      throw new SpecError(`weights[${k - 1}]`, `${size} rows`, rows?.length);
    }
    if (!Array.isArray(layerBiases) || layerBiases.length !== size) {
      throw new SpecError(`biases[${k - 1}]`, `${size} numbers`, layerBiases?.length);
    }
    rows.forEach((row, j) => {
      if (!Array.isArray(row) || row.length !== fanIn) {
        throw new SpecError(`weights[${k - 1}][${j}]`, `${fanIn} numbers`, row?.length);
      }
      row.forEach((value, i) => {
        if (!Number.isFinite(value)) {
          throw new SpecError(`weights[${k - 1}][${j}][${i}]`, 'a finite number', value);
        }
      });
      if (!Number.isFinite(layerBiases[j])) {
        throw new SpecError(`biases[${k - 1}][${j}]`, 'a finite number', layerBiases[j]);
      }
    });
  }
  for (let k = 1; k <= layers; k++) {
    params.weights[k - 1]?.forEach((row, j) => {
      row.forEach((value, i) => setWeight(net, k, j, i, value));
      setBias(net, k, j, params.biases[k - 1]?.[j] as number);
    });
  }
}
