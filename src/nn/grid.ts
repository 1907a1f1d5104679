/**
 * Every neuron's output over an n×n grid of points on [-GRID_EXTENT, GRID_EXTENT]², for the
 * heatmaps. Computed layer by layer over all points at once: one neuron's whole row is a
 * tight loop with one activation, so mixed layers cost what uniform ones do, and the result
 * is already laid out as one image per neuron. Hidden activations use the display-precision
 * tables of fastActivations.ts; the output head is exact.
 */
import { activateRowForDisplay } from './fastActivations';
import {
  HEAD_LINEAR_MSE,
  HEAD_SIGMOID_BCE,
  HEAD_SIGMOID_MSE,
  HEAD_SOFTMAX_CE,
  HEAD_TANH_MSE,
  type Network,
} from './network';
import { sigmoid } from './activations';

/** Half the side of the square the heatmaps show. */
export const GRID_EXTENT = 6;

/** x of column `col` (cell centre) of an n-wide grid. */
export function gridX(col: number, n: number): number {
  return -GRID_EXTENT + ((col + 0.5) * 2 * GRID_EXTENT) / n;
}

/** y of row `row` (cell centre) of an n-high grid; row 0 is the top, y = +6 side. */
export function gridY(row: number, n: number): number {
  return GRID_EXTENT - ((row + 0.5) * 2 * GRID_EXTENT) / n;
}

/** Number of floats `evaluateGrid` writes: one n×n image per hidden and output neuron. */
export function gridSize(net: Network, n: number): number {
  return (net.unitCount - net.inputSize) * n * n;
}

/** Reusable scratch rows, grown on demand, so evaluating a grid allocates nothing. */
let scratch = new Float64Array(0);

/**
 * Writes every hidden and output neuron's output over the grid into `out`: neuron u
 * (unit number minus inputSize: first hidden layer first, outputs last) owns
 * `out[u·n² + row·n + col]`, row 0 at the top.
 * @param inputPlanes the network's inputs at every grid point: input i owns
 *   `inputPlanes[i·n² + row·n + col]` (see src/data/features.ts `featurePlanes`)
 */
export function evaluateGrid(
  net: Network,
  inputPlanes: Float64Array,
  n: number,
  out: Float32Array,
): void {
  const points = n * n;
  if (out.length < gridSize(net, n)) throw new RangeError('grid output buffer too small');
  if (inputPlanes.length < net.inputSize * points) throw new RangeError('input planes too small');
  if (scratch.length < points) scratch = new Float64Array(points);
  const acc = scratch;
  const { weights, biases, codes, sizes, unitStart, weightStart, outputLayer, inputSize } = net;

  for (let k = 1; k <= outputLayer; k++) {
    const fanIn = sizes[k - 1] as number;
    const prevStart = unitStart[k - 1] as number;
    let w = weightStart[k] as number;
    for (let u = unitStart[k] as number; u < (unitStart[k + 1] as number); u++) {
      acc.fill(biases[u] as number, 0, points);
      for (let i = 0; i < fanIn; i++) {
        const weight = weights[w + i] as number;
        if (weight === 0) continue;
        if (k === 1) addScaled(acc, weight, inputPlanes, i * points, points);
        else addScaled(acc, weight, out, (prevStart + i - inputSize) * points, points);
      }
      w += fanIn;
      const offset = (u - inputSize) * points;
      if (k < outputLayer) activateRowForDisplay(codes[u] as number, acc, out, offset, points);
      else writeOutputRow(net.head, acc, out, offset, points);
    }
  }
  if (net.head === HEAD_SOFTMAX_CE) softmaxPlanes(net, out, points);
}

function addScaled(
  acc: Float64Array,
  weight: number,
  src: Float64Array | Float32Array,
  offset: number,
  count: number,
): void {
  for (let p = 0; p < count; p++)
    acc[p] = (acc[p] as number) + weight * (src[offset + p] as number);
}

/** Output logits to outputs; softmax rows keep their logits until `softmaxPlanes`. */
function writeOutputRow(
  head: number,
  acc: Float64Array,
  out: Float32Array,
  offset: number,
  count: number,
) {
  switch (head) {
    case HEAD_TANH_MSE:
      for (let p = 0; p < count; p++) out[offset + p] = Math.tanh(acc[p] as number);
      return;
    case HEAD_SIGMOID_BCE:
    case HEAD_SIGMOID_MSE:
      for (let p = 0; p < count; p++) out[offset + p] = sigmoid(acc[p] as number);
      return;
    case HEAD_LINEAR_MSE:
    case HEAD_SOFTMAX_CE:
    default:
      for (let p = 0; p < count; p++) out[offset + p] = acc[p] as number;
  }
}

/** Turns the output planes' logits into class probabilities, point by point. */
function softmaxPlanes(net: Network, out: Float32Array, points: number): void {
  const first = ((net.unitStart[net.outputLayer] as number) - net.inputSize) * points;
  const classes = net.outputSize;
  for (let p = 0; p < points; p++) {
    let max = -Infinity;
    for (let c = 0; c < classes; c++) max = Math.max(max, out[first + c * points + p] as number);
    let sum = 0;
    for (let c = 0; c < classes; c++) {
      const e = Math.exp((out[first + c * points + p] as number) - max);
      out[first + c * points + p] = e;
      sum += e;
    }
    for (let c = 0; c < classes; c++) {
      out[first + c * points + p] = (out[first + c * points + p] as number) / sum;
    }
  }
}
