/**
 * The learned activations' parameters on a Network: their layout, defaults, the mixture
 * weights (softmax of α), and reading and writing them in the reference's nested layout.
 * Layers are numbered as in `Network` (1 = first hidden layer) unless a name says 0-based.
 */
import { ACTIVATION_CODES, isLearnedCode, learnedEntryOf } from './activationIds';
import { activationCode, type ActivationId, type FixedActivationId } from './activations';
import { SpecError } from './errors';
import { exp, expInRange } from './exactMath';
import type { Network } from './network';
import { ROWS } from './rows';

const MIXTURE_CODE = ACTIVATION_CODES.mixture;

/** Where each hidden neuron's parameters are, in layer order, and how many there are. */
export interface ActivationParamLayout {
  /** First parameter of each hidden neuron (first hidden layer first), plus a sentinel. */
  readonly start: Int32Array;
  readonly count: number;
}

/** Parameters a neuron with activation code `code` learns, for a palette of `paletteSize`. */
function countOfCode(code: number, paletteSize: number): number {
  const entry = learnedEntryOf(code);
  if (!entry) return 0;
  return entry.parameterCount === 'palette' ? paletteSize : entry.parameterCount;
}

/** Parameters a neuron with activation `id` learns, for a palette of `paletteSize` entries. */
export function learnedParameterCount(id: ActivationId, paletteSize: number): number {
  return countOfCode(activationCode(id), paletteSize);
}

/**
 * The layout of the parameters of a network whose hidden activations are `hidden` (the spec's
 * nested lists) and whose mixture palette has `paletteSize` entries: the layout of
 * `Network.activationParams` and of a frame's `activationParams`.
 */
export function activationParamLayout(
  hidden: readonly (readonly ActivationId[])[],
  paletteSize: number,
): ActivationParamLayout {
  const codes = hidden.flat().map(activationCode);
  return layoutOfCodes(codes, paletteSize);
}

function layoutOfCodes(codes: ArrayLike<number>, paletteSize: number): ActivationParamLayout {
  const start = new Int32Array(codes.length + 1);
  let count = 0;
  for (let h = 0; h < codes.length; h++) {
    start[h] = count;
    count += countOfCode(codes[h] as number, paletteSize);
  }
  start[codes.length] = count;
  return { start, count };
}

/**
 * Lays the parameter arrays out afresh for the network's current activation codes and
 * palette. A neuron for which `keep(unit)` holds keeps its values and optimizer state (it must
 * have the same activation and parameter count as before); every other learned neuron starts
 * from its defaults with fresh optimizer state. Why fresh arrays rather than resizing: the
 * layout shifts every neuron after the changed one, and this runs only on an edit.
 */
export function layOutActivationParams(net: Network, keep: ((unit: number) => boolean) | null) {
  const first = net.inputSize;
  const hiddenCodes = net.codes.subarray(first, net.unitStart[net.outputLayer] as number);
  const { start, count } = layoutOfCodes(hiddenCodes, net.paletteCodes.length);
  const oldStart = net.activationParamStart;
  const sameShape = oldStart.length === start.length;
  const values = new Float64Array(count);
  const moment1 = new Float64Array(count);
  const moment2 = new Float64Array(count);
  let learned = 0;
  let mixtures = 0;
  for (let h = 0; h < hiddenCodes.length; h++) {
    const from = start[h] as number;
    const n = (start[h + 1] as number) - from;
    const code = hiddenCodes[h] as number;
    if (isLearnedCode(code)) learned++;
    if (code === MIXTURE_CODE) mixtures++;
    if (n === 0) continue;
    const old = sameShape ? (oldStart[h] as number) : 0;
    if (keep?.(first + h) && sameShape && (oldStart[h + 1] as number) - old === n) {
      values.set(net.activationParams.subarray(old, old + n), from);
      moment1.set(net.moment1ActivationParams.subarray(old, old + n), from);
      moment2.set(net.moment2ActivationParams.subarray(old, old + n), from);
    } else {
      values.fill(learnedEntryOf(code)?.defaultParameter ?? 0, from, from + n);
    }
  }
  net.activationParamStart = start;
  net.activationParams = values;
  net.moment1ActivationParams = moment1;
  net.moment2ActivationParams = moment2;
  net.gradActivationParams = new Float64Array(count);
  net.activationParamDer = new Float64Array(count * ROWS);
  net.mixWeights = new Float64Array(count);
  net.mixWeightsStale = true;
  net.learnedUnitCount = learned;
  layOutMixScratch(net, mixtures > 0 ? net.paletteCodes.length : 0);
}

/** Sizes the mixture kernels' scratch (network.ts `mixValues`) for `entries` palette entries. */
function layOutMixScratch(net: Network, entries: number): void {
  const stride = ROWS * net.unitCount;
  if (net.mixValueViews.length === entries && net.mixStride === stride) return;
  net.mixStride = stride;
  net.mixValues = new Float64Array(entries * stride);
  net.mixSlopes = new Float64Array(entries * stride);
  const block = (all: Float64Array, k: number) => all.subarray(k * stride, (k + 1) * stride);
  net.mixValueViews = Array.from({ length: entries }, (_, k) => block(net.mixValues, k));
  net.mixSlopeViews = Array.from({ length: entries }, (_, k) => block(net.mixSlopes, k));
}

/** Puts every learned parameter back to its default and zeroes its optimizer state. */
export function resetActivationParams(net: Network): void {
  layOutActivationParams(net, null);
}

/**
 * Recomputes `mixWeights` = softmax(α) of every mixture neuron and clears `mixWeightsStale`.
 * The passes call it when the flag is set, so it runs once per optimizer step however many
 * examples the step has. One call per run of neighbouring mixture neurons, whose parameters
 * are contiguous.
 */
export function refreshMixWeights(net: Network): void {
  const { codes } = net;
  const first = net.inputSize;
  const hidden = net.activationParamStart.length - 1;
  let h = 0;
  while (h < hidden) {
    let end = h;
    while (end < hidden && codes[first + end] === MIXTURE_CODE) end++;
    if (end > h) softmaxRun(net, h, end);
    h = end + 1;
  }
  net.mixWeightsStale = false;
}

/**
 * softmax(α) of hidden neurons `h0` to `h1` − 1, all mixtures, whose α lie one neuron after
 * another, a palette's worth each: e^α over its sum, e^α with exactMath's `expInRange`, why:
 * Math.exp's call was a twelfth of a mixture step, and plain arithmetic also gives the same
 * weights in every JavaScript engine. Each neuron's exps and their sum in one loop, then the
 * scaling. While all its |α| < SHIFT_FREE, e^α and their sum are far inside a double's range;
 * a neuron with a larger α (or NaN) is done again by `shiftedSoftmax`.
 */
function softmaxRun(net: Network, h0: number, h1: number): void {
  const { activationParams: alphas, activationParamStart: start, mixWeights: w } = net;
  const SHIFT_FREE = 300; // 17·e^300 is about 3e131
  const palette = net.paletteCodes.length;
  for (let p = start[h0] as number; p < (start[h1] as number); p += palette) {
    const last = p + palette;
    let total = 0;
    let inRange = true;
    for (let q = p; q < last; q++) {
      const alpha = alphas[q] as number;
      if (!(Math.abs(alpha) < SHIFT_FREE)) inRange = false;
      const e = expInRange(Math.min(Math.max(alpha, -SHIFT_FREE), SHIFT_FREE));
      w[q] = e;
      total += e;
    }
    if (!inRange) {
      shiftedSoftmax(alphas, w, p, last);
      continue;
    }
    const scale = 1 / total;
    for (let q = p; q < last; q++) w[q] = (w[q] as number) * scale;
  }
}

/** `w[p…last)` = softmax(`alphas[p…last)`), each α taken less the largest, so no exp overflows. */
function shiftedSoftmax(alphas: Float64Array, w: Float64Array, p: number, last: number): void {
  let largest = -Infinity;
  for (let q = p; q < last; q++) largest = Math.max(largest, alphas[q] as number);
  let total = 0;
  for (let q = p; q < last; q++) {
    const e = exp((alphas[q] as number) - largest);
    w[q] = e;
    total += e;
  }
  const scale = 1 / total;
  for (let q = p; q < last; q++) w[q] = (w[q] as number) * scale;
}

/** The parameters of neuron `neuron` of hidden layer `layer` (1-based), a copy. */
export function neuronActivationParams(net: Network, layer: number, neuron: number): number[] {
  net.checkUnit(layer, neuron, true);
  const h = net.unitIndex(layer, neuron) - net.inputSize;
  const start = net.activationParamStart;
  return Array.from(net.activationParams.subarray(start[h], start[h + 1]));
}

/**
 * Every hidden neuron's parameters as nested lists, the reference's `init.activationParams`
 * layout: `[l][j]` for neuron j of hidden layer l (0-based), `[]` for a fixed activation.
 */
export function exportActivationParams(net: Network): number[][][] {
  return nestParams(net, net.activationParams);
}

/** The last computed gradient of the activation parameters, in the same layout. */
export function exportActivationParamGradient(net: Network): number[][][] {
  return nestParams(net, net.gradActivationParams);
}

function nestParams(net: Network, flat: Float64Array): number[][][] {
  const layers: number[][][] = [];
  const start = net.activationParamStart;
  for (let k = 1; k < net.outputLayer; k++) {
    const layer: number[][] = [];
    for (let j = 0; j < (net.sizes[k] as number); j++) {
      const h = net.unitIndex(k, j) - net.inputSize;
      layer.push(Array.from(flat.subarray(start[h], start[h + 1])));
    }
    layers.push(layer);
  }
  return layers;
}

/**
 * Loads parameters in `exportActivationParams`' layout; throws a SpecError on a shape mismatch
 * or a non-finite value, before writing anything. The optimizer state is left as it is.
 */
export function importActivationParams(
  net: Network,
  params: readonly (readonly (readonly number[])[])[],
): void {
  const layers = net.outputLayer - 1;
  if (!Array.isArray(params) || params.length !== layers) {
    throw new SpecError('activationParams', `a list of ${layers} layers`, params?.length);
  }
  const start = net.activationParamStart;
  params.forEach((layer, l) => {
    const size = net.sizes[l + 1] as number;
    if (!Array.isArray(layer) || layer.length !== size) {
      throw new SpecError(`activationParams[${l}]`, `${size} lists`, layer?.length);
    }
    layer.forEach((values, j) => {
      const h = net.unitIndex(l + 1, j) - net.inputSize;
      const n = (start[h + 1] as number) - (start[h] as number);
      const field = `activationParams[${l}][${j}]`;
      if (!Array.isArray(values) || values.length !== n) {
        throw new SpecError(field, `${n} numbers`, values?.length);
      }
      values.forEach((v, q) => {
        if (!Number.isFinite(v)) throw new SpecError(`${field}[${q}]`, 'a finite number', v);
      });
    });
  });
  params.forEach((layer: readonly (readonly number[])[], l: number) =>
    layer.forEach((values: readonly number[], j: number) => {
      const h = net.unitIndex(l + 1, j) - net.inputSize;
      net.activationParams.set(values, start[h] as number);
    }),
  );
  net.mixWeightsStale = true;
}

/**
 * The value of learned activation `id` at `x` with the parameters `params` (a neuron's, in
 * order) and, for a mixture, the fixed activations of `palette`: for drawing current curves.
 */
export function learnedActivationValue(
  id: ActivationId,
  x: number,
  params: ArrayLike<number>,
  palette: readonly FixedActivationId[],
): number {
  const entry = learnedEntryOf(activationCode(id));
  if (!entry) return NaN;
  return entry.value(x, params, palette.map(activationCode));
}

/** A learned parameter that is not finite: where, and which of the neuron's parameters. */
export interface NonFiniteParam {
  /** 1-based hidden layer and 0-based neuron, as in `Network`. */
  readonly layer: number;
  readonly neuron: number;
  readonly activation: ActivationId;
  /** Position among the neuron's parameters (the palette entry, for a mixture). */
  readonly index: number;
}

/**
 * The first learned parameter (in layer order) whose value (or, with `of` = `gradient`, whose
 * last gradient) is not finite, or null.
 */
export function findNonFiniteActivationParam(
  net: Network,
  of: 'values' | 'gradient' = 'values',
): NonFiniteParam | null {
  const values = of === 'values' ? net.activationParams : net.gradActivationParams;
  const start = net.activationParamStart;
  for (let p = 0; p < values.length; p++) {
    if (Number.isFinite(values[p])) continue;
    let h = 0;
    while ((start[h + 1] as number) <= p) h++;
    const unit = h + net.inputSize;
    let layer = 1;
    while ((net.unitStart[layer + 1] as number) <= unit) layer++;
    const neuron = unit - (net.unitStart[layer] as number);
    const activation = net.activations[layer - 1]?.[neuron] as ActivationId;
    return { layer, neuron, activation, index: p - (start[h] as number) };
  }
  return null;
}
