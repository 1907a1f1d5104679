/**
 * Conformance with the outside oracle: PyTorch float64 vectors (fixtures/, copied from
 * ../shared/reference): cases.json (format 1), learnable-cases.json (format 2, learned
 * activations and edits mid-training) and activations.json. `npm run test:reference` runs
 * only this file; with REFERENCE_CASES=/path/cases.json it checks that file's cases (either
 * format) instead of the two case files. A missing or malformed file fails the run: the cases
 * are read while the tests are collected.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  FIXED_ACTIVATION_COUNT,
  FIXED_ACTIVATION_IDS,
  activate,
  activationCode,
  activationDerivative,
  isActivationId,
} from './activations';
import { parseReferenceCases, runReferenceCase, type ReferenceCase } from './referenceCases';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const casesPaths = process.env.REFERENCE_CASES
  ? [process.env.REFERENCE_CASES]
  : [fixture('cases.json'), fixture('learnable-cases.json')];
const casesFiles = casesPaths.map(
  (path) => [path, parseReferenceCases(readFileSync(path, 'utf8'))] as const,
);

interface Tolerance {
  relative: number;
  absolute: number;
}

/** Every leaf number of `actual` against `expected`; returns the mismatches, described. */
function mismatches(actual: unknown, expected: unknown, tol: Tolerance, path: string): string[] {
  if (typeof expected === 'number') {
    if (typeof actual !== 'number') return [`${path}: expected ${expected}, got ${String(actual)}`];
    const allowed = tol.absolute + tol.relative * Math.abs(expected);
    return Math.abs(actual - expected) <= allowed
      ? []
      : [`${path}: expected ${expected}, got ${actual}`];
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      return [
        `${path}: expected ${expected.length} entries, got ${Array.isArray(actual) ? actual.length : typeof actual}`,
      ];
    }
    return expected.flatMap((e, i) => mismatches(actual[i], e, tol, `${path}[${i}]`));
  }
  if (expected && typeof expected === 'object') {
    return Object.entries(expected).flatMap(([key, e]) =>
      mismatches((actual as Record<string, unknown>)?.[key], e, tol, `${path}.${key}`),
    );
  }
  throw new Error(`${path}: unexpected value in the reference file`);
}

describe.each(casesFiles)(
  'the engine matches PyTorch on every reference case of %s',
  (_, cases) => {
    it.each(cases.map((c): [string, ReferenceCase] => [c.name, c]))('%s', (_name, c) => {
      const result = runReferenceCase(c);
      const problems = (Object.keys(c.expected) as (keyof typeof c.expected)[]).flatMap((key) =>
        mismatches(result[key], c.expected[key], c.tolerance, key),
      );
      expect(problems.slice(0, 10), `${problems.length} numbers out of tolerance`).toEqual([]);
    });
  },
);

describe('every hidden activation matches PyTorch, value and derivative', () => {
  const file = JSON.parse(readFileSync(fixture('activations.json'), 'utf8')) as {
    activations: Record<string, { x: number[]; y: number[]; dydx: number[] }>;
  };
  const tol = { relative: 1e-9, absolute: 1e-12 };

  it(`covers exactly the ${FIXED_ACTIVATION_COUNT} fixed activations of the engine`, () => {
    expect(Object.keys(file.activations).sort()).toEqual([...FIXED_ACTIVATION_IDS].sort());
  });

  it.each(Object.entries(file.activations))('%s', (name, { x, y, dydx }) => {
    if (!isActivationId(name)) throw new Error(`unknown activation ${name}`);
    const code = activationCode(name);
    const values = x.map((xi) => activate(code, xi));
    const slopes = x.map((xi, i) => activationDerivative(code, xi, values[i] as number));
    expect(values.every(Number.isFinite)).toBe(true);
    expect(mismatches(values, y, tol, 'y')).toEqual([]);
    expect(mismatches(slopes, dydx, tol, 'dydx')).toEqual([]);
  });
});
