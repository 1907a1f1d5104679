/**
 * Finite-difference checks of backpropagation: for random mixed networks under every output
 * head, with no penalty, L1 and L2, the gradient of `computeGradient` (read back through
 * `exportGradient`, and `exportActivationParamGradient` for the learned activations'
 * parameters, which no penalty includes) must equal the central difference of the objective
 *   J = mean data loss (`evaluate(net, examples).loss`) + penalty,
 * where the penalty is computed here, independently of the engine, on weights only:
 *   l2: rate · ½ Σ w²,  l1: rate · Σ |w|.
 *
 * Kinks. relu, leaky_relu, abs and selu have a kink at a pre-activation of 0; softplus and
 * mish switch formula at 20 (a step of ~2e-9 in value); elu's second derivative jumps at 0;
 * L1's |w| has a kink at w = 0. A central difference across a kink measures neither one-sided
 * slope, so a parameter is skipped exactly when its ±h perturbation moves some example's
 * pre-activation of such a neuron (or the weight itself, for L1) across a kink, i.e. when
 * the piece each kinked quantity lies on is not the same at +h and at -h. Everywhere else J
 * is smooth on [p - h, p + h] and the comparison is exact up to O(h²) and rounding. The test
 * also asserts that skipping is rare, so it cannot pass by skipping everything.
 */
import { describe, expect, it } from 'vitest';
import { ACTIVATION_COUNT, ACTIVATION_IDS, activationCode, type ActivationId } from './activations';
import { exportGradient, type Parameters } from './edit';
import { exportActivationParamGradient } from './learnedParams';
import { forward } from './forward';
import { initializeParameters } from './init';
import { Network } from './network';
import { OUTPUT_HEADS } from './outputHeads';
import { Rng } from './rng';
import type { OutputSpec, RegularizationSpec } from './spec';
import { computeGradient, evaluate, type Examples } from './train';

const STEP = 1e-6;
/** |analytic - numeric| ≤ RELATIVE · max(|analytic|, |numeric|, FLOOR). */
const RELATIVE = 1e-5;
const FLOOR = 1e-4;
const EXAMPLE_COUNT = 8;
const INPUT_SIZE = 3;
/** Hidden layer widths (6 + 6 + 5 for 17), so every network holds every activation once. */
const THIRD = Math.ceil(ACTIVATION_COUNT / 3);
const HIDDEN_WIDTHS = [THIRD, THIRD, ACTIVATION_COUNT - 2 * THIRD];

/** Pre-activations where an activation's formula (and so its slope) changes. */
const KINKS: ReadonlyMap<number, readonly number[]> = new Map(
  (
    [
      ['relu', [0]],
      ['leaky_relu', [0]],
      ['prelu', [0]],
      ['mixture', [0]], // its default palette holds ReLU
      ['abs', [0]],
      ['selu', [0]],
      ['elu', [0]],
      ['softplus', [20]],
      ['mish', [20]],
    ] as const
  ).map(([id, points]) => [activationCode(id), points]),
);

interface HeadCase {
  name: string;
  output: OutputSpec;
  /** Target for example n, output k. */
  target(rng: Rng, n: number, k: number, size: number): number;
}

const HEADS: HeadCase[] = [
  {
    name: 'tanh + mse',
    output: { activation: 'tanh', loss: 'mse', size: 1 },
    target: (rng) => (rng.next() < 0.5 ? -1 : 1),
  },
  {
    name: 'sigmoid + bce',
    output: { activation: 'sigmoid', loss: 'bce', size: 1 },
    target: (rng) => (rng.next() < 0.5 ? 0 : 1),
  },
  {
    name: 'sigmoid + mse',
    output: { activation: 'sigmoid', loss: 'mse', size: 1 },
    target: (rng) => (rng.next() < 0.5 ? 0 : 1),
  },
  {
    name: 'softmax + crossentropy, 3 classes',
    output: { activation: 'softmax', loss: 'crossentropy', size: 3 },
    target: (_rng, n, k, size) => (n % size === k ? 1 : 0),
  },
  {
    name: 'softmax + crossentropy, 5 classes',
    output: { activation: 'softmax', loss: 'crossentropy', size: 5 },
    target: (_rng, n, k, size) => (n % size === k ? 1 : 0),
  },
  {
    name: 'linear + mse, 1 output',
    output: { activation: 'linear', loss: 'mse', size: 1 },
    target: (rng) => rng.uniform(-1, 1),
  },
  {
    name: 'linear + mse, 2 outputs',
    output: { activation: 'linear', loss: 'mse', size: 2 },
    target: (rng) => rng.uniform(-1, 1),
  },
];

const PENALTIES: RegularizationSpec[] = [
  { name: 'none', rate: 0 },
  { name: 'l1', rate: 0.05 },
  { name: 'l2', rate: 0.1 },
];

/** The activations, in palette order rotated by `shift`, cut into the hidden layers. */
function mixedHidden(shift: number): ActivationId[][] {
  const ids = ACTIVATION_IDS.map(
    (_, i) => ACTIVATION_IDS[(i + shift) % ACTIVATION_IDS.length] as ActivationId,
  );
  let next = 0;
  return HIDDEN_WIDTHS.map((width) => ids.slice(next, (next += width)));
}

/** A network with random weights (Xavier) and random biases, and random examples for it. */
function buildCase(head: HeadCase, headIndex: number, penalty: RegularizationSpec) {
  const rng = new Rng(1000 + 17 * headIndex + PENALTIES.indexOf(penalty));
  const spec = { inputSize: INPUT_SIZE, hidden: mixedHidden(3 * headIndex), output: head.output };
  const net = new Network(spec, {
    optimizer: { name: 'sgd', learningRate: 0.1, momentum: 0 },
    regularization: penalty,
  });
  initializeParameters(net, 'xavier', rng);
  for (let u = INPUT_SIZE; u < net.unitCount; u++) net.biases[u] = rng.uniform(-0.5, 0.5);
  // Learned activations away from their defaults (a = 0.25, β = 1, α = 0), where the
  // derivatives with respect to them are generic.
  const params = net.activationParams;
  for (let p = 0; p < params.length; p++) params[p] = rng.uniform(-1.5, 1.5);
  net.mixWeightsStale = true;
  const size = head.output.size;
  const inputs = new Float64Array(EXAMPLE_COUNT * INPUT_SIZE);
  const targets = new Float64Array(EXAMPLE_COUNT * size);
  for (let i = 0; i < inputs.length; i++) inputs[i] = rng.uniform(-2, 2);
  for (let n = 0; n < EXAMPLE_COUNT; n++) {
    for (let k = 0; k < size; k++) targets[n * size + k] = head.target(rng, n, k, size);
  }
  return { net, examples: { inputs, targets, count: EXAMPLE_COUNT } satisfies Examples };
}

/** The objective J, with the penalty computed here rather than by the engine. */
function objective(net: Network, examples: Examples): number {
  const { name, rate } = net.training.regularization;
  let penalty = 0;
  for (const w of net.weights)
    penalty += name === 'l2' ? 0.5 * w * w : name === 'l1' ? Math.abs(w) : 0;
  return evaluate(net, examples).loss + rate * penalty;
}

/**
 * Which side of each kink every kinked quantity lies on: the pre-activation of each
 * kinked hidden neuron for each example, and (under L1) each weight. Equal signatures at
 * p + h and p - h mean no kink was crossed in between.
 */
function kinkSignature(net: Network, examples: Examples): string {
  const sides: number[] = [];
  for (let n = 0; n < examples.count; n++) {
    forward(net, examples.inputs, n * net.inputSize);
    for (let u = net.inputSize; u < (net.unitStart[net.outputLayer] as number); u++) {
      for (const kink of KINKS.get(net.codes[u] as number) ?? []) {
        sides.push(Math.sign((net.pre[u] as number) - kink));
      }
    }
  }
  if (net.training.regularization.name === 'l1')
    for (const w of net.weights) sides.push(Math.sign(w));
  return sides.join(',');
}

interface Mismatch {
  parameter: string;
  analytic: number;
  numeric: number;
}

/**
 * Compares every parameter's derivative in `gradient` (by default the engine's, from
 * `computeGradient` + `exportGradient`) with its central difference.
 */
function checkGradient(
  net: Network,
  examples: Examples,
  gradient?: Parameters,
  activationGradient?: number[][][],
) {
  if (!gradient) {
    computeGradient(net, examples);
    gradient = exportGradient(net);
    activationGradient = exportActivationParamGradient(net);
  }
  const mismatches: Mismatch[] = [];
  let checked = 0;
  let skipped = 0;
  const compare = (parameter: string, params: Float64Array, index: number, analytic: number) => {
    const original = params[index] as number;
    // Stale mixture weights after every write: a mixture's α enter through their softmax.
    params[index] = original + STEP;
    net.mixWeightsStale = true;
    const plus = objective(net, examples);
    const plusSide = kinkSignature(net, examples);
    params[index] = original - STEP;
    net.mixWeightsStale = true;
    const minus = objective(net, examples);
    const minusSide = kinkSignature(net, examples);
    params[index] = original;
    net.mixWeightsStale = true;
    if (plusSide !== minusSide) {
      skipped++;
      return;
    }
    checked++;
    const numeric = (plus - minus) / (2 * STEP);
    const scale = Math.max(Math.abs(analytic), Math.abs(numeric), FLOOR);
    if (!(Math.abs(analytic - numeric) <= RELATIVE * scale)) {
      mismatches.push({ parameter, analytic, numeric });
    }
  };
  // Walk the exported (nested) layout and find each entry's flat index independently.
  gradient.weights.forEach((rows, l) => {
    const fanIn = net.sizes[l] as number;
    rows.forEach((row, j) => {
      row.forEach((analytic, i) => {
        const index = (net.weightStart[l + 1] as number) + j * fanIn + i;
        compare(`weights[${l}][${j}][${i}]`, net.weights, index, analytic);
      });
    });
  });
  gradient.biases.forEach((layer, l) => {
    layer.forEach((analytic, j) => {
      compare(`biases[${l}][${j}]`, net.biases, net.unitIndex(l + 1, j), analytic);
    });
  });
  activationGradient?.forEach((layer, l) => {
    layer.forEach((neuron, j) => {
      const h = net.unitIndex(l + 1, j) - net.inputSize;
      neuron.forEach((analytic, q) => {
        const index = (net.activationParamStart[h] as number) + q;
        compare(`activationParams[${l}][${j}][${q}]`, net.activationParams, index, analytic);
      });
    });
  });
  return { mismatches, checked, skipped };
}

describe('backpropagation agrees with central differences of the loss plus penalty', () => {
  const cases = HEADS.flatMap((head, h) =>
    PENALTIES.map((penalty) => ({
      head,
      h,
      penalty,
      label: `${head.name}, penalty ${penalty.name}`,
    })),
  );

  it.each(cases.map((c) => [c.label, c] as const))('for a mixed network with %s', (_label, c) => {
    const { head, h, penalty } = c;
    const { net, examples } = buildCase(head, h, penalty);
    const before = Float64Array.from(net.weights);
    const { mismatches, checked, skipped } = checkGradient(net, examples);
    expect(mismatches.slice(0, 5)).toEqual([]);
    // Skips are for kinks crossed within ±1e-6: with random inputs they are rare.
    expect(skipped).toBeLessThanOrEqual(Math.ceil(0.02 * (checked + skipped)));
    const all = net.weights.length + net.unitCount - net.inputSize + net.activationParams.length;
    expect(checked).toBe(all - skipped);
    // Every learned parameter: PReLU's a, Swish's β and a mixture's six α.
    expect(net.activationParams.length).toBe(1 + 1 + 6);
    // The check restores every parameter it perturbs.
    expect(net.weights).toEqual(before);
  });

  it(`covers every output head and, in every network, all ${ACTIVATION_COUNT} activations`, () => {
    const pairs = (heads: readonly { activation: string; loss: string }[]) =>
      new Set(heads.map((h) => `${h.activation}+${h.loss}`));
    expect(pairs(HEADS.map((h) => h.output))).toEqual(pairs(OUTPUT_HEADS));
    HEADS.forEach((_, h) => {
      expect(new Set(mixedHidden(3 * h).flat())).toEqual(new Set(ACTIVATION_IDS));
    });
  });

  it('reports a derivative that is off by 0.1 %, and a penalty wrongly applied to a bias', () => {
    const { net, examples } = buildCase(HEADS[5] as HeadCase, 5, { name: 'l2', rate: 0.1 });
    computeGradient(net, examples);
    const gradient = exportGradient(net);
    const row = gradient.weights[1]?.[2] as number[];
    row[3] = (row[3] as number) * 1.001;
    const biases = gradient.biases[0] as number[];
    biases[4] = (biases[4] as number) + 0.1 * (net.biases[net.unitIndex(1, 4)] as number);
    const { mismatches } = checkGradient(net, examples, gradient);
    expect(mismatches.map((m) => m.parameter)).toEqual(['weights[1][2][3]', 'biases[0][4]']);
  });

  it('sees every kinked activation on both sides of its kink at 0 somewhere in the cases', () => {
    const sides = new Map<number, Set<number>>();
    cases.forEach(({ head, h, penalty }) => {
      const { net, examples } = buildCase(head, h, penalty);
      for (let n = 0; n < examples.count; n++) {
        forward(net, examples.inputs, n * net.inputSize);
        for (let u = net.inputSize; u < (net.unitStart[net.outputLayer] as number); u++) {
          const code = net.codes[u] as number;
          if (!sides.has(code)) sides.set(code, new Set());
          sides.get(code)?.add(Math.sign(net.pre[u] as number));
        }
      }
    });
    for (const id of ['relu', 'leaky_relu', 'abs', 'selu', 'elu'] as const) {
      expect([id, [...(sides.get(activationCode(id)) ?? [])].sort()]).toEqual([id, [-1, 1]]);
    }
  });
});

describe('backpropagation through neighbouring learned neurons', () => {
  it('agrees with central differences for runs of mixtures, PReLUs and Swishes', () => {
    // Runs of each kind side by side (the passes handle a run at a time), a palette of five
    // (its entries go three at a time, so the last pass repeats one), and 23 examples: passes
    // of 16 rows and of 7, which the mixture blends as 5 + 5 + 5 + 1 and 5 + 2.
    const rng = new Rng(77);
    const spec = {
      inputSize: INPUT_SIZE,
      hidden: [
        ['mixture', 'mixture', 'mixture', 'prelu', 'prelu', 'tanh'],
        ['swish', 'swish', 'mixture', 'mixture'],
      ] as ActivationId[][],
      output: { size: 1, activation: 'tanh', loss: 'mse' } as const,
      mixturePalette: ['tanh', 'sin', 'gaussian', 'sigmoid', 'softsign'] as const,
    };
    const net = new Network(spec, {
      optimizer: { name: 'sgd', learningRate: 0.1, momentum: 0 },
      regularization: { name: 'none', rate: 0 },
    });
    initializeParameters(net, 'xavier', rng);
    for (let u = INPUT_SIZE; u < net.unitCount; u++) net.biases[u] = rng.uniform(-0.5, 0.5);
    const params = net.activationParams;
    for (let p = 0; p < params.length; p++) params[p] = rng.uniform(-1.5, 1.5);
    net.mixWeightsStale = true;
    const count = 23;
    const inputs = Float64Array.from({ length: count * INPUT_SIZE }, () => rng.uniform(-2, 2));
    const targets = Float64Array.from({ length: count }, () => rng.uniform(-0.9, 0.9));
    const { mismatches, checked, skipped } = checkGradient(net, { inputs, targets, count });
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(net.activationParams.length).toBe(5 * 5 + 2 + 2);
    expect(skipped).toBeLessThanOrEqual(Math.ceil(0.02 * (checked + skipped)));
  });
});
