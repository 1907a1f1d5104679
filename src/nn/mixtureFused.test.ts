/**
 * The one-pass forward and display of the default palette, and the one-pass backward of any
 * palette of six, against the general paths they stand in for: the same numbers bit for bit, whatever
 * the pre-activations, deltas and blend, and the general path wherever a row leaves the
 * forward's fast ranges.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MIXTURE_PALETTE } from './activations';
import { EXP_MIN, SIN_NEAR_MIN } from './exactMath';
import { refreshMixWeights } from './learnedParams';
import {
  displayFusedPalette,
  FUSED_PALETTE,
  isFusedPalette,
  runFusedPalette,
} from './mixtureFused';
import {
  displayMixtureByEntry,
  mixtureBackward,
  mixtureBackwardByEntry,
  runMixture,
  runMixtureByEntry,
} from './mixtureKernels';
import { Network } from './network';
import { ROWS } from './rows';

const UNITS = 3;

/** A network of one layer of UNITS mixtures over `palette`, α = `alphas`. */
function mixtureLayer(alphas: readonly number[], palette = DEFAULT_MIXTURE_PALETTE): Network {
  const net = new Network(
    {
      inputSize: 2,
      hidden: [Array(UNITS).fill('mixture')],
      output: { size: 1, activation: 'tanh', loss: 'mse' },
      mixturePalette: palette,
    },
    {
      optimizer: { name: 'sgd', learningRate: 0.1, momentum: 0 },
      regularization: { name: 'none', rate: 0 },
    },
  );
  net.activationParams.set(alphas);
  refreshMixWeights(net);
  return net;
}

/** What a mixture forward leaves for the layer's units, in `rows` rows. */
function forwardResult(net: Network, rows: number) {
  const first = net.inputSize;
  const span = (a: Float64Array) => Array.from(a.subarray(first * rows, (first + UNITS) * rows));
  const values = FUSED_PALETTE.flatMap((_, k) =>
    span(net.mixValues.subarray(k * net.mixStride, (k + 1) * net.mixStride)),
  );
  return {
    out: span(net.out),
    learnedSlope: span(net.learnedSlope),
    slope: span(net.slope),
    values,
  };
}

/** Runs `pass` on the layer with pre-activations `pre` (unit by unit, `rows` each). */
function runWith(net: Network, pre: readonly number[], rows: number, pass: typeof runMixture) {
  const first = net.inputSize;
  net.pre.set(pre, first * rows);
  // Poison what the pass must write, so a value left from the other pass cannot pass for it.
  net.out.fill(123);
  net.learnedSlope.fill(123);
  net.slope.fill(123);
  net.mixValues.fill(123);
  pass(net, first, first + UNITS, rows);
  return forwardResult(net, rows);
}

/** Equal element by element as Object.is has it (NaN equals NaN, 0 and -0 differ). */
function expectSameBits(a: ReturnType<typeof forwardResult>, b: ReturnType<typeof forwardResult>) {
  for (const key of ['out', 'learnedSlope', 'slope', 'values'] as const) {
    const differing = a[key].findIndex((v, i) => !Object.is(v, b[key][i]));
    expect(differing, `${key}[${differing}]: ${a[key][differing]} vs ${b[key][differing]}`).toBe(
      -1,
    );
  }
}

describe('the one-pass forward of the default palette', () => {
  it('is the palette a new mixture starts with, and no other palette takes it', () => {
    expect(FUSED_PALETTE).toEqual(DEFAULT_MIXTURE_PALETTE);
    expect(isFusedPalette(mixtureLayer([]).paletteCodes)).toBe(true);
    const reordered = mixtureLayer([]).paletteCodes.slice().reverse();
    expect(isFusedPalette(reordered)).toBe(false);
    expect(isFusedPalette(mixtureLayer([]).paletteCodes.subarray(0, 5))).toBe(false);
  });

  it('gives the general path’s values, slopes and palette values bit for bit', () => {
    const alpha = fc.double({ min: -8, max: 8, noNaN: true });
    // Mostly ordinary pre-activations, now and then one beyond the fast ranges.
    const pre = fc.oneof(
      { arbitrary: fc.double({ min: 1e-6, max: 26, noNaN: true }), weight: 20 },
      { arbitrary: fc.double({ min: -26, max: -1e-6, noNaN: true }), weight: 20 },
      { arbitrary: fc.integer({ min: -20, max: 20 }).filter((x) => x !== 0), weight: 8 },
      { arbitrary: fc.constantFrom(0, -1e-12, 27, -1e7, NaN), weight: 1 },
    );
    const rows = fc.integer({ min: 1, max: ROWS });
    const inFastRange = (x: number) => Math.abs(x) >= SIN_NEAR_MIN && -x * x > EXP_MIN;
    let fusedCases = 0;
    fc.assert(
      fc.property(
        fc.array(alpha, { minLength: 6 * UNITS, maxLength: 6 * UNITS }),
        rows.chain((r) =>
          fc.tuple(fc.constant(r), fc.array(pre, { minLength: r * UNITS, maxLength: r * UNITS })),
        ),
        (alphas, [r, pres]) => {
          const net = mixtureLayer(alphas);
          const general = runWith(net, pres, r, runMixtureByEntry);
          expectSameBits(runWith(net, pres, r, runMixture), general);
          if (pres.every(inFastRange)) {
            fusedCases++;
            expectSameBits(runWith(net, pres, r, runFusedPalette), general);
          }
        },
      ),
      { numRuns: 300 },
    );
    expect(fusedCases).toBeGreaterThan(100); // the one pass itself, not only its fallback
  });

  it('leaves rows beyond its fast ranges to the general path, and still agrees with it', () => {
    const net = mixtureLayer(Array.from({ length: 6 * UNITS }, (_, p) => Math.sin(p)));
    const ordinary = Array.from({ length: 4 * UNITS }, (_, i) => (i + 0.5) / 3 - 2);
    net.pre.set(ordinary, 2 * 4);
    expect(runFusedPalette(net, 2, 2 + UNITS, 4)).toBe(true);
    for (const odd of [30, -27, 1e7, 1e-12, 0, -0, NaN, Infinity, -Infinity]) {
      const pre = ordinary.slice();
      pre[5] = odd;
      net.pre.set(pre, 2 * 4);
      expect(runFusedPalette(net, 2, 2 + UNITS, 4)).toBe(false);
      expectSameBits(runWith(net, pre, 4, runMixture), runWith(net, pre, 4, runMixtureByEntry));
    }
  });
});

describe('the one-pass backward of a palette of six', () => {
  it('adds the general path’s α gradients and leaves its δ, bit for bit', () => {
    const finite = (limit: number) => fc.double({ min: -limit, max: limit, noNaN: true });
    const six = fc.constantFrom(DEFAULT_MIXTURE_PALETTE, [
      'tanh',
      'sigmoid',
      'softsign',
      'elu',
      'sin',
      'cos',
    ] as const);
    fc.assert(
      fc.property(
        six,
        fc.integer({ min: 1, max: ROWS }),
        fc.array(finite(1e3), { minLength: 64, maxLength: 64 }),
        (palette, rows, numbers) => {
          const net = mixtureLayer(
            numbers.slice(0, 6 * UNITS).map((a) => a / 200),
            palette,
          );
          const at = (i: number) => numbers[i % numbers.length] as number;
          const state = () => {
            net.delta.forEach((_, i) => (net.delta[i] = at(i) / 10));
            net.learnedSlope.forEach((_, i) => (net.learnedSlope[i] = at(i + 7) / 100));
            net.mixValues.forEach((_, i) => (net.mixValues[i] = at(i + 13) / 1e3));
            net.gradActivationParams.forEach((_, i) => (net.gradActivationParams[i] = at(i + 5)));
          };
          const after = (pass: typeof mixtureBackward) => {
            state();
            pass(net, 2, 2 + UNITS, rows);
            return [...net.gradActivationParams, ...net.delta];
          };
          const six = after(mixtureBackward);
          const general = after(mixtureBackwardByEntry);
          expect(six.findIndex((v, i) => !Object.is(v, general[i]))).toBe(-1);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('the one-pass display of the default palette', () => {
  it('replaces a tile by the general display’s blend, bit for bit', () => {
    const x = fc.oneof(
      fc.double({ min: -20, max: 20 }), // NaN and ±Infinity included
      fc.constantFrom(-16, 16, -16.001, 15.999, 0, -0),
      fc.double({ min: -1e9, max: 1e9, noNaN: true }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -8, max: 8, noNaN: true }), {
          minLength: 6 * UNITS,
          maxLength: 6 * UNITS,
        }),
        fc.integer({ min: 0, max: UNITS - 1 }),
        fc.array(x, { minLength: 1, maxLength: 40 }),
        (alphas, unit, xs) => {
          const net = mixtureLayer(alphas);
          const shown = (display: typeof displayFusedPalette) => {
            const tile = Float64Array.from([7, ...xs, 7]);
            display(net, 6 * unit, tile, 1, xs.length);
            return [...tile];
          };
          const fused = shown(displayFusedPalette);
          const general = shown(displayMixtureByEntry);
          expect(fused.findIndex((v, i) => !Object.is(v, general[i]))).toBe(-1);
          expect([fused[0], fused[xs.length + 1]]).toEqual([7, 7]); // only its range written
        },
      ),
      { numRuns: 200 },
    );
  });
});
