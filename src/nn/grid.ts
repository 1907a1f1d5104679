/**
 * Every neuron's output over an n×n grid of points on [-GRID_EXTENT, GRID_EXTENT]², for the
 * heatmaps. Computed in tiles of points, layer by layer within a tile: one neuron's row of a
 * tile is a tight loop with one activation, so mixed layers cost what uniform ones do.
 * Hidden activations use the display-precision tables of fastActivations.ts (the learned ones,
 * with their current parameters, learnedPass.ts); the sums, the
 * values passed between layers and the output head are exact float64.
 */
import { FIXED_ACTIVATION_COUNT } from './activationTable';
import { activateRowForDisplay } from './fastActivations';
import { affineBlock } from './forward';
import { activateLearnedForDisplay, prepareLearned } from './learnedPass';
import type { Network } from './network';

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

/**
 * Points are evaluated in tiles, all the layers for one tile before the next. Why: each layer
 * then reads the layer below from a float64 tile that stays in the L1 cache instead of from
 * the float32 images in memory, and the images are written once, never read back. A tile
 * holds every unit's values at its points, about TILE_VALUES numbers (32 kB): some 70 points
 * for 7 inputs and six layers of 8, more for smaller networks (fewer passes, less overhead).
 */
const TILE_VALUES = 4096;
const MIN_TILE = 16;

/** The tile, grown on demand so that evaluating a grid allocates nothing. */
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
  const { codes, unitStart, outputLayer, inputSize, unitCount } = net;
  if (net.learnedUnitCount > 0) prepareLearned(net);
  // Unit u's value at point t of a tile is at `u·stride + t`.
  const stride = Math.max(MIN_TILE, Math.floor(TILE_VALUES / unitCount));
  if (scratch.length < unitCount * stride) scratch = new Float64Array(unitCount * stride);
  const tile = scratch;
  for (let first = 0; first < points; first += stride) {
    const count = Math.min(stride, points - first);
    for (let i = 0; i < inputSize; i++)
      loadRow(inputPlanes, i * points + first, tile, i * stride, count);
    for (let k = 1; k <= outputLayer; k++) {
      affineBlock(net, k, tile, tile, stride, count);
      if (k === outputLayer) break;
      for (let u = unitStart[k] as number; u < (unitStart[k + 1] as number); u++) {
        const code = codes[u] as number;
        if (code < FIXED_ACTIVATION_COUNT) {
          activateRowForDisplay(code, tile, tile, u * stride, count, u * stride);
        } else activateLearnedForDisplay(net, u, tile, u * stride, count);
      }
    }
    applyHead(net, tile, stride, count);
    for (let u = inputSize; u < unitCount; u++) {
      storeRow(tile, u * stride, out, (u - inputSize) * points + first, count);
    }
  }
}

// Two copy functions, not one over `Float64Array | Float32Array`: V8 compiles a function for
// the array types it has seen, and one that has seen both is markedly slower. Four values per
// iteration (the last one repeated at the end), as loop overheads dwarf a single copy.
function loadRow(src: Float64Array, from: number, dst: Float64Array, to: number, count: number) {
  const last = count - 1;
  for (let t = 0; t <= last; t += 4) {
    const t1 = Math.min(t + 1, last);
    const t2 = Math.min(t + 2, last);
    const t3 = Math.min(t + 3, last);
    dst[to + t] = src[from + t] as number;
    dst[to + t1] = src[from + t1] as number;
    dst[to + t2] = src[from + t2] as number;
    dst[to + t3] = src[from + t3] as number;
  }
}

function storeRow(src: Float64Array, from: number, dst: Float32Array, to: number, count: number) {
  const last = count - 1;
  for (let t = 0; t <= last; t += 4) {
    const t1 = Math.min(t + 1, last);
    const t2 = Math.min(t + 2, last);
    const t3 = Math.min(t + 3, last);
    dst[to + t] = src[from + t] as number;
    dst[to + t1] = src[from + t1] as number;
    dst[to + t2] = src[from + t2] as number;
    dst[to + t3] = src[from + t3] as number;
  }
}

/** The output head exactly, in place (softmax across the output rows, point by point). */
function applyHead(net: Network, tile: Float64Array, stride: number, count: number): void {
  const first = (net.unitStart[net.outputLayer] as number) * stride;
  net.head.activateOutputs(tile, tile, first, net.unitCount * stride, stride, count);
}
