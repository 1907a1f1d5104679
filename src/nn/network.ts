/**
 * A built network: the spec laid out over flat typed arrays.
 *
 * Units are numbered layer by layer: the inputs first (unit 0 to inputSize-1), then each
 * hidden layer, then the outputs. Every per-unit array (`biases`, `codes`, the statistics) is
 * indexed by that unit number; the input units' entries of `biases` are unused. The weights
 * into layer k are one row-major block `weights[weightStart[k] + j * sizes[k-1] + i]`: from
 * unit i of layer k-1 to unit j of layer k, the same order as the reference's
 * `init.weights[l][j][i]` with l = k - 1.
 *
 * The per-example arrays (`pre`, `out`, `slope`, `delta`) hold the examples of a pass, the
 * rows: training and evaluation run up to ROWS examples through each layer together (see
 * train.ts for why). In a pass of `rows` rows, unit u of row r is at `u * rows + r`, so one
 * unit's values in all rows are contiguous. After `forward` (a pass of one row) the first
 * `unitCount` entries read as plain per-unit arrays.
 */
import {
  activationCode,
  activationIdOf,
  DEFAULT_MIXTURE_PALETTE,
  type ActivationId,
  type FixedActivationId,
} from './activations';
import { SpecError } from './errors';
import type { LearnedActivationEntry } from './learnedEntry';
import { layOutActivationParams } from './learnedParams';
import { outputHeadOf, type OutputHead } from './outputHeads';
import {
  defaultTraining,
  LIMITS,
  validateSpec,
  type Limits,
  validateTraining,
  type NetworkSpec,
  type TrainingSpec,
} from './spec';

import { ROWS } from './rows';

export { ROWS };

export class Network {
  /** The spec it was built from; neuron activations may since have been patched (see `activations`). */
  readonly spec: NetworkSpec;
  readonly inputSize: number;
  readonly outputSize: number;
  /** Index of the output layer; layer 0 is the inputs, 1 to outputLayer-1 the hidden layers. */
  readonly outputLayer: number;
  /** Units per layer, inputs first. */
  readonly sizes: Int32Array;
  /** First unit of each layer, plus a sentinel equal to unitCount. */
  readonly unitStart: Int32Array;
  /** First weight of the block into each layer (entry 0 unused). */
  readonly weightStart: Int32Array;
  readonly unitCount: number;
  /** The output activation and loss, with their kernels (outputHeads.ts). */
  readonly head: OutputHead;

  readonly weights: Float64Array;
  readonly biases: Float64Array;
  /** Activation code of each hidden unit (its position in activationTable.ts); others unused. */
  readonly codes: Uint8Array;

  /** Pre-activation and output of every unit in each row of the last pass forward. */
  readonly pre: Float64Array;
  readonly out: Float64Array;
  /** dOut/dPre of every hidden unit in each row of the last pass forward (for the chain rule). */
  readonly slope: Float64Array;
  /** dLoss/dPre of every non-input unit in each row of the last pass backward. */
  readonly delta: Float64Array;
  /** The example index (in its `Examples`) of each row of the last training pass. */
  readonly rowExample: Int32Array;

  /** Gradient accumulators of a step, summed over its examples. */
  readonly gradWeights: Float64Array;
  readonly gradBiases: Float64Array;

  /** Optimizer state: momentum velocity or Adam's first moment, and Adam's second moment. */
  readonly moment1Weights: Float64Array;
  readonly moment1Biases: Float64Array;
  readonly moment2Weights: Float64Array;
  readonly moment2Biases: Float64Array;
  /** Adam steps taken since the optimizer state was last reset. */
  adamSteps = 0;

  /** Optimizer steps taken over this network's life (1-based in divergence reports). */
  stepCount = 0;
  /** Examples seen by training over this network's life. */
  examplesSeen = 0;
  training: TrainingSpec;

  /**
   * The learned activations' parameters (PReLU's a, Swish's β, a mixture's α), flat like the
   * weights: hidden neuron h (unit h + inputSize) owns `activationParams[activationParamStart[h]
   * … activationParamStart[h + 1]]` (the layout of learnedParams.ts `activationParamLayout`),
   * none for a fixed activation. These arrays are replaced, not resized, when a neuron switches
   * to or from a learned activation or the palette changes (learnedParams.ts).
   */
  activationParams = new Float64Array(0);
  activationParamStart: Int32Array = new Int32Array(1);
  /** Their gradient sums of a step and optimizer state, as for the weights. */
  gradActivationParams = new Float64Array(0);
  moment1ActivationParams = new Float64Array(0);
  moment2ActivationParams = new Float64Array(0);
  /** ∂out/∂param in each row of the last pass forward: parameter p, row r at `p·ROWS + r`. */
  activationParamDer = new Float64Array(0);
  /**
   * softmax(α) of each mixture neuron, in the parameters' layout (others unused): computed
   * once when the α change (`mixWeightsStale`), not for every example.
   */
  mixWeights = new Float64Array(0);
  mixWeightsStale = true;
  /** The kernels of every `custom` neuron (customActivation.ts), or null: they give NaN. */
  customActivation: LearnedActivationEntry | null = null;
  /** How many hidden neurons have a learned activation: 0 keeps every pass on its fast path. */
  learnedUnitCount = 0;
  /** The fixed activations a mixture blends, in order, and their codes. */
  mixturePalette: readonly FixedActivationId[];
  paletteCodes: Uint8Array;
  /** dOut/dPre of each learned unit in each row of the last pass forward (`slope` holds 1). */
  readonly learnedSlope: Float64Array;
  /**
   * Each palette entry's value and slope at every unit in each row of the last pass forward,
   * entry k's block at `k·mixStride` laid out like `pre`, with a view of each block: the
   * mixture kernels' (mixtureKernels.ts). Empty without mixture neurons (learnedParams.ts).
   */
  mixValues = new Float64Array(0);
  mixSlopes = new Float64Array(0);
  mixValueViews: Float64Array[] = [];
  mixSlopeViews: Float64Array[] = [];
  /** The size of a block of `mixValues`: ROWS · unitCount. */
  mixStride = 0;

  /** Per-unit statistics of the examples trained since the last `resetStats`. */
  readonly statPreMin: Float64Array;
  readonly statPreMax: Float64Array;
  readonly statGradAbsSum: Float64Array;
  statExamples = 0;

  /** @param limits see `validateSpec`; the playground's LIMITS by default */
  constructor(
    spec: NetworkSpec,
    training: TrainingSpec = defaultTraining(),
    limits: Limits = LIMITS,
  ) {
    validateSpec(spec, limits);
    validateTraining(training);
    this.spec = spec;
    this.training = training;
    this.inputSize = spec.inputSize;
    this.outputSize = spec.output.size;
    this.head = outputHeadOf(spec.output);
    const layerSizes = [
      spec.inputSize,
      ...spec.hidden.map((layer) => layer.length),
      spec.output.size,
    ];
    this.outputLayer = layerSizes.length - 1;
    this.sizes = Int32Array.from(layerSizes);
    this.unitStart = new Int32Array(layerSizes.length + 1);
    this.weightStart = new Int32Array(layerSizes.length);
    let weightCount = 0;
    for (let k = 0; k < layerSizes.length; k++) {
      this.unitStart[k + 1] = (this.unitStart[k] as number) + (layerSizes[k] as number);
      if (k > 0) {
        this.weightStart[k] = weightCount;
        weightCount += (layerSizes[k] as number) * (layerSizes[k - 1] as number);
      }
    }
    this.unitCount = this.unitStart[layerSizes.length] as number;
    const units = this.unitCount;
    this.weights = new Float64Array(weightCount);
    this.biases = new Float64Array(units);
    this.codes = new Uint8Array(units);
    spec.hidden.forEach((layer, l) => {
      layer.forEach((id, j) => {
        this.codes[this.unitIndex(l + 1, j)] = activationCode(id);
      });
    });
    this.pre = new Float64Array(ROWS * units);
    this.out = new Float64Array(ROWS * units);
    this.slope = new Float64Array(ROWS * units);
    this.delta = new Float64Array(ROWS * units);
    this.rowExample = new Int32Array(ROWS);
    this.gradWeights = new Float64Array(weightCount);
    this.gradBiases = new Float64Array(units);
    this.moment1Weights = new Float64Array(weightCount);
    this.moment1Biases = new Float64Array(units);
    this.moment2Weights = new Float64Array(weightCount);
    this.moment2Biases = new Float64Array(units);
    this.statPreMin = new Float64Array(units);
    this.statPreMax = new Float64Array(units);
    this.statGradAbsSum = new Float64Array(units);
    this.learnedSlope = new Float64Array(ROWS * units);
    this.mixturePalette = spec.mixturePalette ?? DEFAULT_MIXTURE_PALETTE;
    this.paletteCodes = Uint8Array.from(this.mixturePalette, activationCode);
    layOutActivationParams(this, null);
    this.resetStats();
  }

  /** Unit number of neuron `j` of layer `k` (0 = inputs, outputLayer = outputs). */
  unitIndex(k: number, j: number): number {
    return (this.unitStart[k] as number) + j;
  }

  /** Number of hidden layers. */
  get hiddenLayerCount(): number {
    return this.outputLayer - 1;
  }

  /** The current activations of the hidden neurons, as the spec's nested lists. */
  get activations(): ActivationId[][] {
    const layers: ActivationId[][] = [];
    for (let k = 1; k < this.outputLayer; k++) {
      const layer: ActivationId[] = [];
      for (let j = 0; j < (this.sizes[k] as number); j++) {
        layer.push(activationIdOf(this.codes[this.unitIndex(k, j)] as number));
      }
      layers.push(layer);
    }
    return layers;
  }

  /** Forgets the running statistics (call at the start of each epoch). */
  resetStats(): void {
    this.statPreMin.fill(Infinity);
    this.statPreMax.fill(-Infinity);
    this.statGradAbsSum.fill(0);
    this.statExamples = 0;
  }

  /** Zeroes the optimizer's moments (a new optimizer starts from rest). */
  resetOptimizerState(): void {
    this.moment1Weights.fill(0);
    this.moment1Biases.fill(0);
    this.moment2Weights.fill(0);
    this.moment2Biases.fill(0);
    this.moment1ActivationParams.fill(0);
    this.moment2ActivationParams.fill(0);
    this.adamSteps = 0;
  }

  /** Throws a SpecError unless (layer, neuron) names a unit of a parameter layer. */
  checkUnit(layer: number, neuron: number, hiddenOnly = false): void {
    const last = hiddenOnly ? this.outputLayer - 1 : this.outputLayer;
    if (!Number.isInteger(layer) || layer < 1 || layer > last) {
      throw new SpecError('layer', `an integer from 1 to ${last}`, layer);
    }
    const size = this.sizes[layer] as number;
    if (!Number.isInteger(neuron) || neuron < 0 || neuron >= size) {
      throw new SpecError('neuron', `an integer from 0 to ${size - 1}`, neuron);
    }
  }
}
