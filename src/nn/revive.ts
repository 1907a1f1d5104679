/**
 * Revive: one neuron's incoming weights and bias drawn again from the initialisation scheme,
 * everything else (other parameters, the optimizer's state of other parameters, the step
 * count) kept, so a class can watch a dead neuron come back, or die again.
 */
import { unitInit, type InitScheme } from './init';
import type { Network } from './network';
import { Rng } from './rng';

/**
 * The seed of the `count`-th revive (0-based) of neuron `neuron` of layer `layer`, for a
 * network whose weights were drawn from `weightSeed`: a mix of the three, so every revive of
 * every neuron draws from a stream of its own, and the same link revived the same way gives
 * the same weights.
 */
export function reviveSeed(
  weightSeed: number,
  layer: number,
  neuron: number,
  count: number,
): number {
  let h = (weightSeed ^ 0x9e3779b9) >>> 0;
  for (const part of [layer, neuron, count]) {
    h = Math.imul(h ^ (part >>> 0), 0x85ebca6b) >>> 0;
    h = (h ^ (h >>> 13)) >>> 0;
  }
  return h;
}

/**
 * Redraws the incoming weights and the bias of neuron `neuron` of layer `layer` (engine
 * numbering, 1 = first hidden layer) from `scheme` with `rng`, in input order, and zeroes the
 * optimizer's moments of exactly those parameters (a fresh weight carries no old momentum).
 * @throws SpecError unless (layer, neuron) is a hidden neuron
 */
export function reviveNeuron(
  net: Network,
  layer: number,
  neuron: number,
  scheme: InitScheme,
  rng: Rng,
): void {
  net.checkUnit(layer, neuron, true);
  const fanIn = net.sizes[layer - 1] as number;
  const { limit, bias } = unitInit(net, layer, neuron, scheme);
  const start = (net.weightStart[layer] as number) + neuron * fanIn;
  for (let i = 0; i < fanIn; i++) {
    net.weights[start + i] = rng.uniform(-limit, limit);
    net.moment1Weights[start + i] = 0;
    net.moment2Weights[start + i] = 0;
  }
  const unit = net.unitIndex(layer, neuron);
  net.biases[unit] = bias;
  net.moment1Biases[unit] = 0;
  net.moment2Biases[unit] = 0;
}
