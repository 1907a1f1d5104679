/**
 * Loading and running the PyTorch reference cases (format: ../shared/reference/README.md,
 * copied here as fixtures/). Kept apart from the test so the parser's refusals can be tested.
 * Format 1 (cases.json) has fixed activations only; format 2 (learnable-cases.json) adds the
 * learned ones, their palette and parameters, and activations changed mid-training.
 */
import {
  exportGradient,
  exportParameters,
  importParameters,
  setActivation,
  type Parameters,
} from './edit';
import {
  exportActivationParamGradient,
  exportActivationParams,
  importActivationParams,
} from './learnedParams';
import { forward } from './forward';
import { Network } from './network';
import type { ActivationId, FixedActivationId } from './activations';
import {
  LIMITS,
  type LossId,
  type OptimizerSpec,
  type OutputActivation,
  type RegularizationSpec,
} from './spec';
import { computeGradient, evaluate, trainStep, type Examples } from './train';

export interface ReferenceCase {
  name: string;
  description?: string;
  inputSize: number;
  layers: { activations: ActivationId[] }[];
  output: { size: number; activation: OutputActivation };
  loss: LossId;
  /** Format 2: the fixed activations the case's mixtures blend (may be empty when unused). */
  mixturePalette?: FixedActivationId[];
  /** Format 2 adds `activationParams[l][j]`, each neuron's learned parameters. */
  init: Parameters & { activationParams?: number[][][] };
  data: { inputs: number[][]; targets: number[][] };
  training: {
    optimizer: OptimizerSpec;
    regularization: RegularizationSpec;
    batchSize: number;
    steps: number;
    /** Format 2: once `afterStep` steps are done, hidden neuron (layer, neuron), 0-based, changes. */
    edits?: ReferenceEdit[];
  };
  tolerance: { relative: number; absolute: number };
  expected: {
    outputsAtInit: number[][];
    initialLoss: number;
    initialGradients: Parameters;
    lossAfterEachStep: number[];
    finalWeights: number[][][];
    finalBiases: number[][];
    initialActivationParamGradients?: number[][][];
    finalActivationParams?: number[][][];
  };
}

export interface ReferenceEdit {
  afterStep: number;
  layer: number;
  neuron: number;
  activation: ActivationId;
}

/** Parses a cases file's text; throws with a reason when it is not a usable cases file. */
export function parseReferenceCases(text: string): ReferenceCase[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`reference cases are not valid JSON: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const cases = (data as { cases?: unknown })?.cases;
  if (!Array.isArray(cases) || cases.length === 0) {
    throw new Error('reference cases file has no "cases" list');
  }
  const format = (data as { meta?: { format?: unknown } }).meta?.format ?? 1;
  if (format !== 1 && format !== 2) {
    throw new Error(`reference cases file has format ${String(format)}; this engine reads 1 and 2`);
  }
  cases.forEach((c: Partial<ReferenceCase>, index) => {
    const required = ['name', 'inputSize', 'layers', 'output', 'loss', 'init', 'data', 'training'];
    const missing = required.filter((key) => !(c && key in c));
    if (!c?.expected) missing.push('expected');
    if (!c?.tolerance) missing.push('tolerance');
    if (format === 2) {
      if (!c?.init || !('activationParams' in c.init)) missing.push('init.activationParams');
      if (!Array.isArray(c?.training?.edits)) missing.push('training.edits');
      for (const key of ['initialActivationParamGradients', 'finalActivationParams'] as const) {
        if (!(c?.expected && key in c.expected)) missing.push(`expected.${key}`);
      }
    }
    if (missing.length > 0) {
      throw new Error(`reference case ${index} (${c?.name ?? '?'}) lacks ${missing.join(', ')}`);
    }
  });
  return cases as ReferenceCase[];
}

/** Builds the case's network with its initial parameters and training settings. */
export function buildCaseNetwork(c: ReferenceCase): Network {
  const net = new Network(
    {
      inputSize: c.inputSize,
      hidden: c.layers.map((layer) => layer.activations),
      output: { size: c.output.size, activation: c.output.activation, loss: c.loss },
      // An unused palette may be empty; the network then keeps its default one.
      ...(c.mixturePalette?.length ? { mixturePalette: c.mixturePalette } : {}),
    },
    { optimizer: c.training.optimizer, regularization: c.training.regularization },
    // The playground caps layers at 16 neurons; one case puts every activation in a layer.
    {
      ...LIMITS,
      maxNeurons: Math.max(LIMITS.maxNeurons, ...c.layers.map((l) => l.activations.length)),
    },
  );
  importParameters(net, c.init);
  if (c.init.activationParams) importActivationParams(net, c.init.activationParams);
  return net;
}

export function caseExamples(c: ReferenceCase): Examples {
  return {
    inputs: Float64Array.from(c.data.inputs.flat()),
    targets: Float64Array.from(c.data.targets.flat()),
    count: c.data.inputs.length,
  };
}

/** Everything the engine computes for a case, in the shapes of `expected`. */
export interface CaseResult {
  outputsAtInit: number[][];
  initialLoss: number;
  initialGradients: Parameters;
  lossAfterEachStep: number[];
  finalWeights: number[][][];
  finalBiases: number[][];
  initialActivationParamGradients: number[][][];
  finalActivationParams: number[][][];
}

/** Runs a case exactly as the reference README describes it. */
export function runReferenceCase(c: ReferenceCase): CaseResult {
  const net = buildCaseNetwork(c);
  const examples = caseExamples(c);
  const first = net.unitStart[net.outputLayer] as number;
  const outputsAtInit = c.data.inputs.map((input) => {
    forward(net, input, 0);
    return Array.from(net.out.subarray(first, first + net.outputSize));
  });
  const initialLoss = evaluate(net, examples).loss;
  computeGradient(net, examples);
  const initialGradients = exportGradient(net);
  const initialActivationParamGradients = exportActivationParamGradient(net);
  const lossAfterEachStep: number[] = [];
  const { batchSize, steps, edits = [] } = c.training;
  for (let s = 0; s < steps; s++) {
    trainStep(net, examples, null, (s * batchSize) % examples.count, batchSize);
    lossAfterEachStep.push(evaluate(net, examples).loss);
    // The loss after step s is measured first: the edits take effect for the steps after it.
    for (const edit of edits) {
      if (edit.afterStep === s + 1)
        setActivation(net, edit.layer + 1, edit.neuron, edit.activation);
    }
  }
  const final = exportParameters(net);
  return {
    outputsAtInit,
    initialLoss,
    initialGradients,
    lossAfterEachStep,
    finalWeights: final.weights,
    finalBiases: final.biases,
    initialActivationParamGradients,
    finalActivationParams: exportActivationParams(net),
  };
}
