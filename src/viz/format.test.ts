import { describe, expect, it } from 'vitest';
import { MISSING, formatLoss, formatPercent, formatWeight } from './format';

describe('formatLoss', () => {
  it('shows 3 significant digits', () => {
    expect(formatLoss(0.123456)).toBe('0.123');
    expect(formatLoss(1.23456)).toBe('1.23');
    expect(formatLoss(0.5)).toBe('0.500');
    expect(formatLoss(0.001)).toBe('0.00100');
  });

  it('switches to an exponent for tiny and huge values', () => {
    expect(formatLoss(0.0000123456)).toBe('1.23e-5');
    expect(formatLoss(123456)).toBe('1.23e+5');
  });

  it('shows 0 plainly, a dash for NaN and ∞ for an infinite loss', () => {
    expect(formatLoss(0)).toBe('0');
    expect(formatLoss(NaN)).toBe(MISSING);
    expect(formatLoss(Infinity)).toBe('∞');
  });
});

describe('formatWeight', () => {
  it('shows 3 decimals with an ASCII minus that Number() parses back', () => {
    expect(formatWeight(0.5)).toBe('0.500');
    expect(formatWeight(-1.23456)).toBe('-1.235');
    expect(Number(formatWeight(-1.23456))).toBe(-1.235);
  });

  it('never shows a negative zero', () => {
    expect(formatWeight(-0.0001)).toBe('0.000');
    expect(formatWeight(-0)).toBe('0.000');
  });

  it('shows a dash for NaN', () => {
    expect(formatWeight(NaN)).toBe(MISSING);
  });
});

describe('formatPercent', () => {
  it('shows a fraction as a percentage with one decimal by default', () => {
    expect(formatPercent(0.975)).toBe('97.5%');
    expect(formatPercent(1)).toBe('100.0%');
    expect(formatPercent(0.5, 0)).toBe('50%');
  });

  it('shows a dash for NaN, as regression accuracy is', () => {
    expect(formatPercent(NaN)).toBe(MISSING);
  });
});
