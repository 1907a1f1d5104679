import { describe, expect, it } from 'vitest';
import { ACTIVATION_TABLE } from '../nn/activationTable';
import {
  checkExpression,
  compileExpression,
  MAX_EXPRESSION_LENGTH,
  torchCustomActivation,
} from './index';

const GOOD: readonly (readonly [string, (x: number) => number])[] = [
  ['x', (x) => x],
  ['x * sin(x)', (x) => x * Math.sin(x)],
  ['max(0, x) + 0.1 * sin(3 * x)', (x) => Math.max(0, x) + 0.1 * Math.sin(3 * x)],
  ['x^2', (x) => x * x],
  ['x**3', (x) => x ** 3],
  ['-x^2', (x) => -(x * x)],
  ['(-x)^2', (x) => x * x],
  ['2^3^2 + 0*x', () => 512],
  ['2 * -x^2', (x) => -2 * x * x],
  ['pow(x, 2) - min(x, 1)', (x) => x * x - Math.min(x, 1)],
  ['exp(-x*x/2)', (x) => Math.exp((-x * x) / 2)],
  ['log(1 + exp(x))', (x) => Math.log(1 + Math.exp(x))],
  ['softplus(x) - sigmoid(x)', (x) => Math.log1p(Math.exp(x)) - 1 / (1 + Math.exp(-x))],
  ['tanh(x) * cos(pi * x)', (x) => Math.tanh(x) * Math.cos(Math.PI * x)],
  ['sqrt(x*x + 1) - e', (x) => Math.sqrt(x * x + 1) - Math.E],
  ['abs(x) / (1 + abs(x))', (x) => Math.abs(x) / (1 + Math.abs(x))],
  ['  +x - 1.5e-1 ', (x) => x - 0.15],
  ['pow(2, x)', (x) => 2 ** x],
  ['x ^ 0', () => 1],
];

const BAD: readonly (readonly [string, RegExp])[] = [
  ['', /empty/],
  ['   ', /empty/],
  ['x'.repeat(MAX_EXPRESSION_LENGTH + 1), /characters long/],
  ['x +', /cannot be read/],
  ['sin(x', /cannot be read/],
  ['y * x', /uses y, which is not x, pi, e or a function/],
  ['foo(x)', /calls foo, which is not one of exp, log/],
  ['sin(x, 2)', /calls sin with 2; sin takes 1 argument/],
  ['max(x)', /max takes 2 arguments/],
  ['sin + x', /uses sin without arguments/],
  ['x % 2', /operator %/],
  ['x > 0', /operator >/],
  ['!x', /operator !/],
  ['x ? 1 : 2', /condition/],
  ['Math.sin(x)', /property access|not a function name/],
  ['"x"', /not a number/],
  ['[x]', /list in brackets/],
  ['constructor(x)', /calls constructor, which is not one of/],
  ['__proto__', /uses __proto__/],
  ['x; x', /second expression/],
  ['log(x)', /The expression log\(x\) is not finite at x = -6$/],
  ['1 / x', /not finite at x = 0$/],
  ['sqrt(abs(x))', /derivative that is not finite at x = 0$/],
  ['exp(exp(exp(x)))', /not finite at x = /],
  ['x ^ 0.5', /not finite at x = -6/],
];

describe('compileExpression', () => {
  it.each(GOOD)('reads %j as the function it means', (text, expected) => {
    const f = compileExpression(text);
    for (const x of [-6, -2.5, -1, 0, 0.3, 1, 4, 6]) {
      expect(f.value(x)).toBeCloseTo(expected(x), 12);
    }
    expect(f.text).toBe(text.trim());
  });

  it.each(BAD)('refuses %j with a message naming the expression', (text, why) => {
    const result = checkExpression(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toMatch(/expression/);
      expect(result.message).toMatch(why);
    }
  });

  it.each(GOOD)('differentiates %j exactly (against central differences)', (text) => {
    const f = compileExpression(text);
    for (let x = -5.95; x < 6; x += 0.37) {
      const h = 1e-5;
      const numeric = (f.value(x + h) - f.value(x - h)) / (2 * h);
      expect(Math.abs(f.derivative(x) - numeric)).toBeLessThan(1e-5 * (1 + Math.abs(numeric)));
    }
  });

  it('follows PyTorch at kinks: abs′(0) = 0, max and min split a tie evenly', () => {
    expect(compileExpression('abs(x)').derivative(0)).toBe(0);
    expect(compileExpression('max(0, x)').derivative(0)).toBe(0.5);
    expect(compileExpression('min(x, 0)').derivative(0)).toBe(0.5);
    expect(compileExpression('x ^ 0').derivative(0)).toBe(0);
  });

  it('gives the built-in activations bit for bit where it spells them the same', () => {
    const byId = new Map(ACTIVATION_TABLE.map((entry) => [entry.id as string, entry]));
    const pairs: [string, string][] = [
      ['x', 'linear'],
      ['tanh(x)', 'tanh'],
      ['sigmoid(x)', 'sigmoid'],
      ['softplus(x)', 'softplus'],
      ['abs(x)', 'abs'],
    ];
    for (const [text, id] of pairs) {
      const custom = compileExpression(text);
      const builtin = byId.get(id)!;
      const pre = Float64Array.from({ length: 2001 }, (_, i) => -10 + i / 100);
      const out = [new Float64Array(pre.length), new Float64Array(pre.length)];
      const slope = [new Float64Array(pre.length), new Float64Array(pre.length)];
      custom.run(pre, out[0]!, slope[0]!, 0, pre.length);
      builtin.run(pre, out[1]!, slope[1]!, 0, pre.length);
      expect(out[0], text).toEqual(out[1]);
      expect(slope[0], text).toEqual(slope[1]);
    }
  });

  it('keeps separate compilations independent (no shared scratch)', () => {
    const f = compileExpression('x * x');
    const g = compileExpression('sin(x)');
    const pre = Float64Array.of(1, 2, 3);
    const out = new Float64Array(3);
    const slope = new Float64Array(3);
    f.run(pre, out, slope, 0, 3);
    g.value(5);
    expect(Array.from(out)).toEqual([1, 4, 9]);
    expect(Array.from(slope)).toEqual([2, 4, 6]);
  });
});

describe('torchCustomActivation', () => {
  it('writes f in torch operations from the tree, the text only in a comment', () => {
    const source = torchCustomActivation('-x^2 + max(0, x) * 2 ** x');
    expect(source).toContain(
      '    return ((-torch.pow(x, _c(2.0))) + (torch.maximum(_c(0.0), x) * torch.pow(_c(2.0), x)))',
    );
    expect(source).toContain('    # f(x) = "-x^2 + max(0, x) * 2 ** x", generated');
    expect(source.split('\n').filter((line) => /^\S/.test(line))).toEqual([
      'def _c(value):',
      'def custom_activation(x):',
    ]);
  });

  it('refuses what it cannot read rather than writing it', () => {
    expect(() => torchCustomActivation('__import__("os")')).toThrow(/expression/);
  });
});
