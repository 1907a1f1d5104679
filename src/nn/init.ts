/** Seeded weight initialisation schemes. */
import { ACTIVATIONS } from './activations';
import { resetActivationParams } from './learnedParams';
import type { Network } from './network';
import type { Rng } from './rng';

/**
 * - `uniform`: weights uniform in ±0.5, biases 0.1 (TensorFlow Playground's).
 * - `xavier`: Glorot uniform, weights in ±sqrt(6 / (fanIn + fanOut)), biases 0.
 * - `he`: He uniform, weights in ±sqrt(6 / fanIn), biases 0.
 * - `auto`: per neuron, He for the ReLU family and Xavier for the rest (and for the outputs).
 */
export const INIT_SCHEMES = ['auto', 'uniform', 'xavier', 'he'] as const;
export type InitScheme = (typeof INIT_SCHEMES)[number];

export function isInitScheme(value: unknown): value is InitScheme {
  return (INIT_SCHEMES as readonly unknown[]).includes(value);
}

/**
 * Draws every weight and bias from `rng`, in a fixed order (layer, neuron, input), so one
 * seed always gives the same network. Also resets the optimizer state and step counters, and
 * the learned activations' parameters to their defaults (drawn from nothing, so the random
 * draws of the weights do not depend on the activations).
 */
export function initializeParameters(net: Network, scheme: InitScheme, rng: Rng): void {
  for (let k = 1; k <= net.outputLayer; k++) {
    const fanIn = net.sizes[k - 1] as number;
    const fanOut = net.sizes[k] as number;
    const xavier = Math.sqrt(6 / (fanIn + fanOut));
    const he = Math.sqrt(6 / fanIn);
    const hidden = k < net.outputLayer;
    for (let j = 0; j < fanOut; j++) {
      const unit = net.unitIndex(k, j);
      let limit = 0.5;
      let bias = 0.1;
      if (scheme !== 'uniform') {
        const family = hidden ? ACTIVATIONS[net.codes[unit] as number]?.initFamily : 'xavier';
        const useHe = scheme === 'he' || (scheme === 'auto' && family === 'he');
        limit = useHe ? he : xavier;
        bias = 0;
      }
      const start = (net.weightStart[k] as number) + j * fanIn;
      for (let i = 0; i < fanIn; i++) net.weights[start + i] = rng.uniform(-limit, limit);
      net.biases[unit] = bias;
    }
  }
  resetActivationParams(net);
  net.resetOptimizerState();
  net.resetStats();
  net.stepCount = 0;
  net.examplesSeen = 0;
}
