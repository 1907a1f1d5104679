/**
 * The output-head table drives everything: codes, ids, the allowed pairs in messages, the
 * target encoding, the decision rule and the colour range come from it, and each head's
 * kernels agree with each other: its losses and deltas with its per-example loss (bit for bit)
 * and with a finite difference of it, its outputs with the activation's formula.
 */
import { describe, expect, it } from 'vitest';
import { SpecError } from './errors';
import {
  OUTPUT_HEAD_CODES,
  OUTPUT_HEAD_COUNT,
  OUTPUT_HEAD_EXPECTED,
  OUTPUT_HEAD_IDS,
  OUTPUT_HEADS,
  findOutputHead,
  outputColourRange,
  outputHeadCode,
  outputHeadOf,
  targetEncodingOf,
  type OutputHead,
} from './outputHeads';
import { Network } from './network';
import { Rng } from './rng';
import { validateSpec, type NetworkSpec } from './spec';

const heads = OUTPUT_HEADS.map((head) => [head.id, head as OutputHead] as const);

/** The head's output activation of one example's logits, written plainly. */
function outputsOf(head: OutputHead, z: number[]): number[] {
  switch (head.activation) {
    case 'tanh':
      return z.map(Math.tanh);
    case 'sigmoid':
      return z.map((v) => 1 / (1 + Math.exp(-v)));
    case 'softmax': {
      const e = z.map((v) => Math.exp(v));
      const sum = e.reduce((a, b) => a + b, 0);
      return e.map((v) => v / sum);
    }
    case 'linear':
      return z;
  }
}

/** A pass of `rows` rows of `size` outputs (unit k of row r at k·rows + r), random logits. */
function pass(head: OutputHead, rows: number, size: number, rng: Rng) {
  const pre = Float64Array.from({ length: rows * size }, () => rng.uniform(-3, 3));
  const out = new Float64Array(rows * size);
  head.activateOutputs(pre, out, 0, rows * size, rows, rows);
  const targets = new Float64Array(rows * size);
  for (let r = 0; r < rows; r++) {
    for (let k = 0; k < size; k++) {
      const t = head.targets === 'oneHot' ? (k === r % size ? 1 : 0) : rng.next() < 0.5 ? 0 : 1;
      targets[r * size + k] = head.targets === 'label' ? 2 * t - 1 : t;
    }
  }
  const rowExample = Int32Array.from({ length: rows }, (_, r) => r);
  return { pre, out, delta: new Float64Array(rows * size), rowExample, outputSize: size, targets };
}

describe('the output-head table numbers and names everything', () => {
  it('gives each head its position as its code, and one id per (activation, loss) pair', () => {
    expect(OUTPUT_HEAD_COUNT).toBe(OUTPUT_HEADS.length);
    OUTPUT_HEADS.forEach((head, code) => {
      expect([OUTPUT_HEAD_IDS[code], OUTPUT_HEAD_CODES[head.id], outputHeadCode(head)]).toEqual([
        head.id,
        code,
        code,
      ]);
      expect(findOutputHead(head.activation, head.loss)).toBe(head);
    });
    expect(new Set(OUTPUT_HEADS.map((h) => `${h.activation}+${h.loss}`)).size).toBe(
      OUTPUT_HEAD_COUNT,
    );
    expect(new Set(OUTPUT_HEADS.map((h) => h.label)).size).toBe(OUTPUT_HEAD_COUNT);
    for (const head of OUTPUT_HEADS) expect(head.label.startsWith(head.activation)).toBe(true);
  });

  it('names every allowed pair when refusing an output', () => {
    expect(OUTPUT_HEAD_EXPECTED.split(', ')).toEqual(
      OUTPUT_HEADS.map((h) => `${h.activation} + ${h.loss}`),
    );
    const spec: NetworkSpec = {
      inputSize: 2,
      hidden: [['tanh']],
      output: { size: 3, activation: 'softmax', loss: 'mse' },
    };
    let caught: unknown;
    try {
      validateSpec(spec);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SpecError);
    expect([(caught as SpecError).field, (caught as SpecError).allowed]).toEqual([
      'output',
      OUTPUT_HEAD_EXPECTED,
    ]);
    expect(() => outputHeadOf({ activation: 'relu', loss: 'mse' })).toThrow(SpecError);
  });

  it('gives a built network its head', () => {
    for (const head of OUTPUT_HEADS) {
      const size = head.targets === 'oneHot' ? 3 : 1;
      const net = new Network({ inputSize: 2, hidden: [], output: { ...head, size } });
      expect(net.head).toBe(head);
    }
  });

  it('encodes targets, decides and colours consistently with the output range', () => {
    for (const head of OUTPUT_HEADS) {
      // Heads that share an activation share an encoding, so data sets need not know the loss.
      expect([head.id, targetEncodingOf(head.activation)]).toEqual([head.id, head.targets]);
      expect([head.id, head.decision.rule === 'argmax']).toEqual([
        head.id,
        head.targets === 'oneHot',
      ]);
      const [low, high] = head.colourRange;
      if (head.decision.rule === 'threshold') {
        expect([head.id, head.decision.threshold]).toEqual([head.id, (low + high) / 2]);
      }
      expect(outputColourRange(head)).toBe(head.colourRange);
    }
  });
});

describe("each head's kernels agree", () => {
  it.each(heads)('%s: the outputs follow the formula, in place and with a stride', (_id, head) => {
    const rng = new Rng(5);
    const size = 3;
    const stride = 5; // two unused entries after each unit's three points
    const count = 3;
    const logits = Float64Array.from({ length: size * stride }, () => rng.uniform(-4, 4));
    const outputs = new Float64Array(logits.length);
    const inPlace = logits.slice();
    head.activateOutputs(logits, outputs, 0, size * stride, stride, count);
    head.activateOutputs(inPlace, inPlace, 0, size * stride, stride, count);
    for (let t = 0; t < count; t++) {
      const z = [0, 1, 2].map((u) => logits[u * stride + t] as number);
      const expected = outputsOf(head, z);
      [0, 1, 2].forEach((u) => {
        expect(outputs[u * stride + t]).toBeCloseTo(expected[u] as number, 14);
        expect(inPlace[u * stride + t]).toBe(outputs[u * stride + t]);
      });
    }
    // Entries past `count` are not touched.
    for (let u = 0; u < size; u++) {
      const unused = [u * stride + count, (u + 1) * stride] as const;
      expect(outputs.subarray(...unused).every((v) => v === 0)).toBe(true);
      expect(inPlace.subarray(...unused)).toEqual(logits.subarray(...unused));
    }
  });

  it.each(heads)(
    '%s: pass losses and deltas are the per-example losses and their slope',
    (_id, h) => {
      const rows = 5;
      const size = h.targets === 'oneHot' ? 3 : 2;
      const p = pass(h, rows, size, new Rng(11));
      const lossSum = h.lossesAndDeltas(p, 0, rows, p.targets, 0.25);
      let expected = 0.25;
      for (let r = 0; r < rows; r++) {
        expected += h.rowLoss(p.pre, p.out, r, rows, size, p.targets, r * size);
      }
      expect(lossSum).toBe(expected);
      expect(h.losses(p, 0, rows, p.targets, 0.25)).toBe(expected);

      const step = 1e-6;
      const lossAt = (r: number, k: number, dz: number) => {
        const pre = p.pre.slice();
        pre[k * rows + r] = (pre[k * rows + r] as number) + dz;
        const out = new Float64Array(pre.length);
        h.activateOutputs(pre, out, 0, pre.length, rows, rows);
        return h.rowLoss(pre, out, r, rows, size, p.targets, r * size);
      };
      for (let r = 0; r < rows; r++) {
        for (let k = 0; k < size; k++) {
          const numeric = (lossAt(r, k, step) - lossAt(r, k, -step)) / (2 * step);
          expect([r, k, p.delta[k * rows + r]]).toEqual([r, k, expect.closeTo(numeric, 7)]);
        }
      }
    },
  );

  it.each(heads)('%s: the loss is the formula of the outputs', (_id, h) => {
    const rows = 4;
    const size = h.targets === 'oneHot' ? 3 : 2;
    const p = pass(h, rows, size, new Rng(12));
    for (let r = 0; r < rows; r++) {
      const y = Array.from({ length: size }, (_, k) => p.out[k * rows + r] as number);
      const t = Array.from({ length: size }, (_, k) => p.targets[r * size + k] as number);
      const terms = y.map((yk, k) => {
        const tk = t[k] as number;
        if (h.loss === 'mse') return 0.5 * (yk - tk) ** 2;
        if (h.loss === 'bce') return -(tk * Math.log(yk) + (1 - tk) * Math.log(1 - yk));
        return -tk * Math.log(yk);
      });
      const loss = h.rowLoss(p.pre, p.out, r, rows, size, p.targets, r * size);
      expect(loss).toBeCloseTo(
        terms.reduce((a, b) => a + b, 0),
        12,
      );
    }
  });
});
