/** Per-neuron statistics of the examples trained since the last reset (usually one epoch). */
import type { Network } from './network';

export interface NeuronStats {
  /** Smallest and largest pre-activation seen, per hidden neuron (layer by layer). */
  readonly preMin: Float64Array;
  readonly preMax: Float64Array;
  /** Mean |dLoss/dPre| per example, per hidden neuron: near 0 means the neuron barely learns. */
  readonly meanAbsGradient: Float64Array;
  /** Examples the figures cover; 0 means none yet (ranges are then ±Infinity). */
  readonly examples: number;
}

/** A copy of the hidden neurons' statistics, in unit order (first hidden layer first). */
export function readNeuronStats(net: Network): NeuronStats {
  const first = net.inputSize;
  const end = net.unitStart[net.outputLayer] as number;
  const meanAbsGradient = net.statGradAbsSum.slice(first, end);
  const count = net.statExamples;
  for (let i = 0; i < meanAbsGradient.length; i++) {
    meanAbsGradient[i] = count > 0 ? (meanAbsGradient[i] as number) / count : 0;
  }
  return {
    preMin: net.statPreMin.slice(first, end),
    preMax: net.statPreMax.slice(first, end),
    meanAbsGradient,
    examples: count,
  };
}
