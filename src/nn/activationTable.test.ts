/**
 * The activation table drives everything: codes, ids, the count, the page's display data and
 * the messages come from it, and each entry's kernels (scalar value and derivative, the
 * training run, the display rule) agree with each other within their documented tolerances.
 */
import { describe, expect, it } from 'vitest';
import {
  ACTIVATION_CODES,
  ACTIVATION_COUNT,
  ACTIVATION_IDS,
  ALL_ACTIVATION_ENTRIES,
} from './activationIds';
import { ACTIVATION_TABLE, activateRun, FIXED_ACTIVATION_COUNT } from './activationTable';
import { LEARNED_ACTIVATION_TABLE } from './learnedActivations';
import {
  ACTIVATION_ID_EXPECTED,
  ACTIVATIONS,
  activate,
  activationCode,
  activationDerivative,
  activationIdOf,
  isActivationId,
} from './activations';
import { setActivation } from './edit';
import { SpecError } from './errors';
import {
  activateRowForDisplay,
  displayTableOf,
  tabulatedSine,
  tabulatedValue,
} from './fastActivations';
import { Network } from './network';
import { validateSpec, type NetworkSpec } from './spec';

/** The display rules' bound (fastActivations.ts), absolute below 1 and relative above. */
const DISPLAY_TOLERANCE = 1e-4;
const within = (actual: number, exact: number, tolerance: number) =>
  Math.abs(actual - exact) <= tolerance * Math.max(1, Math.abs(exact));

/** Equal numbers, with ±0 alike (ELU's two cases add a zero of either sign), NaN equal to NaN. */
const same = (a: number, b: number) => a === b || (Number.isNaN(a) && Number.isNaN(b));

const entries = ACTIVATION_TABLE.map((entry, code) => [entry.id, entry, code] as const);

describe('the activation table numbers and names everything', () => {
  it('gives each entry its position as its code, in palette order', () => {
    expect(ACTIVATION_COUNT).toBe(ACTIVATION_TABLE.length + LEARNED_ACTIVATION_TABLE.length);
    expect(new Set(ACTIVATION_IDS).size).toBe(ACTIVATION_COUNT);
    ALL_ACTIVATION_ENTRIES.forEach((entry, code) => {
      expect([ACTIVATION_IDS[code], activationCode(entry.id), activationIdOf(code)]).toEqual([
        entry.id,
        code,
        entry.id,
      ]);
      expect([entry.id, ACTIVATION_CODES[entry.id]]).toEqual([entry.id, code]);
    });
    expect(Object.values(ACTIVATION_CODES)).toEqual([...Array(ACTIVATION_COUNT).keys()]);
  });

  it('lets the compiler check code names and values (npm run typecheck)', () => {
    const tanhCode: 1 = ACTIVATION_CODES.tanh; // a literal type: its position in the table
    // @ts-expect-error: there is no such activation, so there is no such code
    const unknownCode: number = ACTIVATION_CODES.swoosh;
    expect([tanhCode, unknownCode]).toEqual([activationCode('tanh'), undefined]);
  });

  it('refuses codes and ids that are none, prototype names included', () => {
    expect(() => activationIdOf(ACTIVATION_COUNT)).toThrow(RangeError);
    expect(isActivationId('toString')).toBe(false);
    expect(isActivationId('swoosh')).toBe(false);
    expect(activate(ACTIVATION_COUNT, 0)).toBeNaN();
    expect(activationDerivative(ACTIVATION_COUNT, 0, 0)).toBeNaN();
    const out = new Float64Array(2);
    const slope = new Float64Array(2);
    activateRun(ACTIVATION_COUNT, Float64Array.of(0, 1), out, slope, 0, 2);
    expect([...out, ...slope].every(Number.isNaN)).toBe(true);
    const shown = new Float32Array(2);
    activateRowForDisplay(ACTIVATION_COUNT, Float64Array.of(0, 1), shown, 0, 2);
    expect([...shown].every(Number.isNaN)).toBe(true);
  });

  it("gives the page each entry's display data as plain data, without kernels", () => {
    expect(ACTIVATIONS).toHaveLength(ACTIVATION_COUNT);
    ACTIVATION_TABLE.forEach(({ id, label, formula, range, initFamily }, code) => {
      expect(ACTIVATIONS[code]).toEqual({
        id,
        label,
        formula,
        range,
        initFamily,
        parameterCount: 0,
      });
    });
    LEARNED_ACTIVATION_TABLE.forEach((entry, index) => {
      const { id, label, formula, range, initFamily, parameterCount, learns } = entry;
      expect(ACTIVATIONS[FIXED_ACTIVATION_COUNT + index]).toEqual({
        ...{ id, label, formula, range, initFamily, parameterCount, learns },
      });
    });
    expect(structuredClone(ACTIVATIONS)).toEqual(ACTIVATIONS);
  });

  it('keeps the fixed table fixed and lists the learned ones, with their labels, after it', () => {
    expect(ACTIVATION_TABLE.filter((entry) => entry.parameterCount !== 0)).toEqual([]);
    expect(ACTIVATIONS.slice(FIXED_ACTIVATION_COUNT).map((a) => [a.id, a.label])).toEqual([
      ['prelu', 'PReLU'],
      ['swish', 'Swish (learned β)'],
      ['mixture', 'Learned mix'],
    ]);
    expect(LEARNED_ACTIVATION_TABLE.map((entry) => entry.parameterCount)).toEqual([
      1,
      1,
      'palette',
    ]);
  });

  it('names the count in the messages that refuse an unknown id', () => {
    const expected = `one of the ${ACTIVATION_COUNT} activation ids`;
    expect(ACTIVATION_ID_EXPECTED).toBe(expected);
    const spec = (id: string): NetworkSpec => ({
      inputSize: 2,
      hidden: [['tanh', id as 'tanh']],
      output: { size: 1, activation: 'tanh', loss: 'mse' },
    });
    const refusal = (act: () => void) => {
      try {
        act();
      } catch (error) {
        return error instanceof SpecError ? [error.field, error.allowed] : error;
      }
      return 'accepted';
    };
    expect(refusal(() => validateSpec(spec('swoosh')))).toEqual(['hidden[0][1]', expected]);
    const net = new Network(spec('relu'));
    expect(refusal(() => setActivation(net, 1, 0, 'swoosh' as 'tanh'))).toEqual([
      'activation',
      expected,
    ]);
  });
});

describe("each entry's kernels agree with its scalar value and derivative", () => {
  const sweep = Float64Array.from({ length: 4001 }, (_, i) => -40 + i / 50);
  const far = Float64Array.of(0, -0, 1e-300, -1e-300, 1e6, -1e6, 1e12, -1e12, 1e300, -1e300);
  const xs = Float64Array.from([...sweep, ...far, NaN, Infinity, -Infinity]);

  it.each(entries)('%s: the run computes value and derivative, bit for bit', (_id, entry, code) => {
    const out = new Float64Array(xs.length);
    const slope = new Float64Array(xs.length);
    activateRun(code, xs, out, slope, 0, xs.length);
    const wrong: string[] = [];
    xs.forEach((x, i) => {
      const y = entry.value(x);
      const dy = entry.derivative(x, y);
      const scalar = [activate(code, x), activationDerivative(code, x, y)];
      if (!same(out[i] as number, y) || !same(slope[i] as number, dy)) {
        wrong.push(`x = ${x}: run (${out[i]}, ${slope[i]}) vs entry (${y}, ${dy})`);
      }
      if (!same(scalar[0] as number, y) || !same(scalar[1] as number, dy)) {
        wrong.push(`x = ${x}: activate (${scalar.join(', ')}) vs entry (${y}, ${dy})`);
      }
    });
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  it.each(entries)('%s: the derivative is the slope of the value', (_id, entry) => {
    const h = 1e-6;
    const wrong: string[] = [];
    for (let x = -6; x <= 6; x += 0.05) {
      if (Math.abs(x) < 1e-3) continue; // the kinks of relu, leaky_relu, abs, elu and selu
      const numeric = (entry.value(x + h) - entry.value(x - h)) / (2 * h);
      const analytic = entry.derivative(x, entry.value(x));
      if (!within(analytic, numeric, 1e-6)) wrong.push(`x = ${x}: ${analytic} vs ${numeric}`);
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  it.each(entries)('%s: the display rule holds where it claims to', (_id, entry) => {
    const { display, value } = entry;
    const wrong: string[] = [];
    if (display.kind === 'table') {
      // Beyond the table's ±16 the heatmaps use the rule's line and constant.
      for (const x of [16, 20, 40, 1e3, 1e6, 1e12]) {
        const line = display.highSlope * x + display.highIntercept;
        if (!within(line, value(x), DISPLAY_TOLERANCE)) wrong.push(`x = ${x}: ${line}`);
        if (!within(value(-16), value(-x), DISPLAY_TOLERANCE)) wrong.push(`x = ${-x}`);
      }
    } else if (display.kind === 'sine') {
      for (let x = -20; x <= 20; x += 0.1) {
        if (!within(Math.sin(x + display.phase), value(x), 1e-12)) wrong.push(`x = ${x}`);
      }
    } else {
      const shown = new Float64Array(xs.length + 3);
      display.row(xs, -3, shown, 3, xs.length + 3);
      xs.forEach((x, p) => {
        if (!same(shown[p + 3] as number, value(x))) wrong.push(`x = ${x}: ${shown[p + 3]}`);
      });
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  // The tabulated entries (table and sine rules): the exact ones have no one-point form.
  const tabulated = entries.filter(([, { display }]) => display.kind !== 'exact');
  it.each(tabulated)(
    '%s: the display row and the one-point display value agree bit for bit',
    (_id, { display }, code) => {
      const points = Float64Array.from([...xs, 15.999, 16, -16, -16.001, 1e9, -1e9]);
      const shown = new Float64Array(points.length);
      activateRowForDisplay(code, points, shown, 0, points.length);
      const table = displayTableOf(code);
      const one = (x: number) =>
        table
          ? tabulatedValue(table.values, table.highSlope, table.highIntercept, table.lowValue, x)
          : tabulatedSine(x, display.kind === 'sine' ? display.phase : NaN);
      const wrong = [...points].filter((x, p) => !Object.is(one(x), shown[p]));
      expect(wrong).toEqual([]);
    },
  );
});
