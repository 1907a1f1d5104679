/**
 * The heatmap grid against the exact engine: `evaluateGrid` (display-precision activations,
 * float32 images) must agree with `forward` at every grid point for every hidden and output
 * neuron, and the display activations with `activate` everywhere a heatmap can meet them.
 *
 * Tolerances are absolute below 1 and relative above (the images are float32, about 7
 * significant digits, and a square neuron's value can reach hundreds):
 * - 1e-4, the display tables' own bound, for one layer at a time: each neuron's image against
 *   the exact neuron applied to the grid's own images of the layer below, and end to end for
 *   the first hidden layer, whose inputs are exact;
 * - 1e-3 end to end for deeper layers, where table errors compound: over 200 random mixed
 *   6-6-5 networks the worst was 3.8e-4 (13 % of them exceed 1e-4 somewhere past layer 1),
 *   still a twentieth of one step of an 8-bit colour scale over [-1, 1] (2 / 255 ≈ 8e-3).
 */
import { describe, expect, it } from 'vitest';
import {
  ACTIVATION_COUNT,
  ACTIVATION_IDS,
  FIXED_ACTIVATION_IDS,
  activate,
  activationCode,
  type ActivationId,
} from './activations';
import { activateRowForDisplay } from './fastActivations';
import { forward } from './forward';
import { evaluateGrid, GRID_EXTENT, gridSize, gridX, gridY } from './grid';
import { initializeParameters } from './init';
import { Network } from './network';
import { Rng } from './rng';
import type { OutputSpec } from './spec';

const TOLERANCE = 1e-4;
const DEEP_TOLERANCE = 1e-3;
const N = 24;

const within = (actual: number, exact: number, tolerance = TOLERANCE) =>
  Math.abs(actual - exact) <= tolerance * Math.max(1, Math.abs(exact));

/** Inputs as functions of the point (x1, x2) = (x, y), like the page's features. */
const INPUTS: Record<string, (x: number, y: number) => number> = {
  x1: (x) => x,
  x2: (_x, y) => y,
  x1x2: (x, y) => x * y,
  sinx1: (x) => Math.sin(x),
};

/** The input planes `evaluateGrid` reads: input i at `planes[i·n² + row·n + col]`. */
function inputPlanes(inputs: readonly string[], n: number): Float64Array {
  const planes = new Float64Array(inputs.length * n * n);
  inputs.forEach((name, i) => {
    const f = INPUTS[name] as (x: number, y: number) => number;
    for (let row = 0; row < n; row++) {
      for (let col = 0; col < n; col++) {
        planes[i * n * n + row * n + col] = f(gridX(col, n), gridY(row, n));
      }
    }
  });
  return planes;
}

/** The activations, in palette order rotated by `shift`, cut into layers of the given widths. */
function mixed(shift: number, widths: number[]): ActivationId[][] {
  let next = shift;
  return widths.map((width) =>
    Array.from(
      { length: width },
      () => ACTIVATION_IDS[next++ % ACTIVATION_IDS.length] as ActivationId,
    ),
  );
}

/** Three layers of at most 16 that hold every activation once (6, 6 and 5 for 17). */
const THIRD = Math.ceil(ACTIVATION_COUNT / 3);
const EVERY_ACTIVATION_WIDTHS = [THIRD, THIRD, ACTIVATION_COUNT - 2 * THIRD];

interface GridCase {
  name: string;
  inputs: string[];
  hidden: ActivationId[][];
  output: OutputSpec;
}

const CASES: GridCase[] = [
  {
    name: `a tanh head over all ${ACTIVATION_COUNT} activations on x1, x2`,
    inputs: ['x1', 'x2'],
    hidden: mixed(0, EVERY_ACTIVATION_WIDTHS),
    output: { size: 1, activation: 'tanh', loss: 'mse' },
  },
  {
    name: 'a 4-class softmax head on x1, x2, x1x2, sin x1',
    inputs: ['x1', 'x2', 'x1x2', 'sinx1'],
    hidden: mixed(5, [8, 9]),
    output: { size: 4, activation: 'softmax', loss: 'crossentropy' },
  },
  {
    name: 'a sigmoid head',
    inputs: ['x1', 'x2'],
    hidden: mixed(9, [5, 4]),
    output: { size: 1, activation: 'sigmoid', loss: 'bce' },
  },
  {
    name: 'a 2-output linear head',
    inputs: ['x2', 'x1'],
    hidden: mixed(13, [7, 3]),
    output: { size: 2, activation: 'linear', loss: 'mse' },
  },
];

function buildNet(c: GridCase, seed: number): Network {
  const net = new Network({ inputSize: c.inputs.length, hidden: c.hidden, output: c.output });
  const rng = new Rng(seed);
  initializeParameters(net, 'auto', rng);
  for (let u = net.inputSize; u < net.unitCount; u++) net.biases[u] = rng.uniform(-1, 1);
  return net;
}

/** The output head applied to logits, written out here independently of the engine. */
function exactHead(output: OutputSpec, logits: Float64Array): number[] {
  const z = Array.from(logits);
  switch (output.activation) {
    case 'tanh':
      return z.map(Math.tanh);
    case 'sigmoid':
      return z.map((v) => 1 / (1 + Math.exp(-v)));
    case 'softmax': {
      const max = Math.max(...z);
      const e = z.map((v) => Math.exp(v - max));
      const sum = e.reduce((a, b) => a + b, 0);
      return e.map((v) => v / sum);
    }
    case 'linear':
      return z;
  }
}

describe('evaluateGrid agrees with the exact forward pass', () => {
  it.each(CASES.map((c, i) => [c.name, c, i] as const))(
    'end to end at every point and neuron of %s',
    (_name, c, i) => {
      const net = buildNet(c, 100 + i);
      const images = new Float32Array(gridSize(net, N));
      evaluateGrid(net, inputPlanes(c.inputs, N), N, images);
      const point = new Float64Array(net.inputSize);
      const wrong: string[] = [];
      for (let row = 0; row < N; row++) {
        for (let col = 0; col < N; col++) {
          c.inputs.forEach((name, k) => {
            point[k] = (INPUTS[name] as (x: number, y: number) => number)(
              gridX(col, N),
              gridY(row, N),
            );
          });
          forward(net, point);
          for (let u = net.inputSize; u < net.unitCount; u++) {
            const shown = images[(u - net.inputSize) * N * N + row * N + col] as number;
            const exact = net.out[u] as number;
            const firstLayer = u < (net.unitStart[2] as number);
            if (!within(shown, exact, firstLayer ? TOLERANCE : DEEP_TOLERANCE))
              wrong.push(`unit ${u} row ${row} col ${col}: ${shown} vs ${exact}`);
          }
        }
      }
      expect(wrong.slice(0, 5)).toEqual([]);
    },
  );

  it.each(CASES.map((c, i) => [c.name, c, i] as const))(
    'layer by layer, each image being its exact neuron applied to the images below, for %s',
    (_name, c, i) => {
      const net = buildNet(c, 100 + i);
      const planes = inputPlanes(c.inputs, N);
      const images = new Float32Array(gridSize(net, N));
      evaluateGrid(net, planes, N, images);
      const points = N * N;
      /** Value of unit u at point p as the grid has it (inputs: the planes). */
      const shownAt = (u: number, p: number) =>
        u < net.inputSize
          ? (planes[u * points + p] as number)
          : (images[(u - net.inputSize) * points + p] as number);
      const wrong: string[] = [];
      const logits = new Float64Array(net.outputSize);
      for (let k = 1; k <= net.outputLayer; k++) {
        const fanIn = net.sizes[k - 1] as number;
        const below = net.unitStart[k - 1] as number;
        for (let p = 0; p < points; p++) {
          for (let j = 0; j < (net.sizes[k] as number); j++) {
            const u = net.unitIndex(k, j);
            let pre = net.biases[u] as number;
            const w = (net.weightStart[k] as number) + j * fanIn;
            for (let i = 0; i < fanIn; i++) {
              pre += (net.weights[w + i] as number) * shownAt(below + i, p);
            }
            if (k < net.outputLayer) {
              const exact = activate(net.codes[u] as number, pre);
              if (!within(shownAt(u, p), exact)) wrong.push(`unit ${u} point ${p}`);
            } else logits[j] = pre;
          }
          if (k === net.outputLayer) {
            const exact = exactHead(c.output, logits);
            exact.forEach((y, j) => {
              const u = net.unitIndex(k, j);
              if (!within(shownAt(u, p), y)) wrong.push(`output ${j} point ${p}`);
            });
          }
        }
      }
      expect(wrong.slice(0, 5)).toEqual([]);
    },
  );

  it('gives softmax planes that sum to 1 at every point', () => {
    const c = CASES[1] as GridCase;
    const net = buildNet(c, 101);
    const images = new Float32Array(gridSize(net, N));
    evaluateGrid(net, inputPlanes(c.inputs, N), N, images);
    const first = (net.unitStart[net.outputLayer] as number) - net.inputSize;
    for (let p = 0; p < N * N; p++) {
      let sum = 0;
      for (let k = 0; k < net.outputSize; k++) sum += images[(first + k) * N * N + p] as number;
      expect(sum).toBeCloseTo(1, 5);
    }
  });

  it('puts row 0 at the top (y = +6) and column 0 at the left (x = -6)', () => {
    expect(gridY(0, N)).toBeCloseTo(GRID_EXTENT - GRID_EXTENT / N, 12);
    expect(gridY(N - 1, N)).toBeCloseTo(-GRID_EXTENT + GRID_EXTENT / N, 12);
    expect(gridX(0, N)).toBeCloseTo(-GRID_EXTENT + GRID_EXTENT / N, 12);
    // A linear output equal to x2 + 0.001·x1: largest at the top right, smallest bottom left.
    const net = new Network({
      inputSize: 2,
      hidden: [],
      output: { size: 1, activation: 'linear', loss: 'mse' },
    });
    net.weights.set([0.001, 1]);
    const image = new Float32Array(gridSize(net, N));
    evaluateGrid(net, inputPlanes(['x1', 'x2'], N), N, image);
    const max = image.indexOf(Math.max(...image));
    const min = image.indexOf(Math.min(...image));
    expect([Math.floor(max / N), max % N]).toEqual([0, N - 1]);
    expect([Math.floor(min / N), min % N]).toEqual([N - 1, 0]);
  });

  it('refuses buffers too small for the network', () => {
    const net = buildNet(CASES[0] as GridCase, 1);
    const planes = inputPlanes(['x1', 'x2'], N);
    expect(() => evaluateGrid(net, planes, N, new Float32Array(gridSize(net, N) - 1))).toThrow(
      RangeError,
    );
    expect(() =>
      evaluateGrid(net, planes.subarray(1), N, new Float32Array(gridSize(net, N))),
    ).toThrow(RangeError);
  });
});

describe('display activations match the exact ones', () => {
  /** -30 to 30 in steps of 0.001, plus far points a heatmap can meet. */
  const SWEEP = Float64Array.from({ length: 60001 }, (_, i) => -30 + i / 1000);
  const FAR = Float64Array.of(1e3, -1e3, 1e4, -1e4, 1e6, -1e6);

  it.each(FIXED_ACTIVATION_IDS.map((id) => [id]))(
    '%s within 1e-4 on [-30, 30] and far out',
    (id) => {
      const code = activationCode(id);
      for (const xs of [SWEEP, FAR]) {
        const shown = new Float32Array(xs.length + 2);
        activateRowForDisplay(code, xs, shown, 2, xs.length);
        const wrong = Array.from(xs).flatMap((x, p) => {
          const exact = activate(code, x);
          const value = shown[p + 2] as number;
          return within(value, exact) ? [] : [`x = ${x}: ${value} vs ${exact}`];
        });
        expect(wrong.slice(0, 5)).toEqual([]);
        // The offset is honoured: nothing is written before it.
        expect([shown[0], shown[1]]).toEqual([0, 0]);
      }
    },
  );

  it('keeps NaN as NaN for every activation', () => {
    const shown = new Float32Array(FIXED_ACTIVATION_IDS.length);
    FIXED_ACTIVATION_IDS.forEach((id, i) => {
      activateRowForDisplay(activationCode(id), Float64Array.of(NaN), shown, i, 1);
    });
    expect(
      FIXED_ACTIVATION_IDS.filter((_, i) => !Number.isNaN(shown[i] as number)),
      'activations that hid a NaN',
    ).toEqual([]);
  });
});
