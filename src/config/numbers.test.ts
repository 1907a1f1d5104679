import { describe, expect, it } from 'vitest';
import { boundsText, numberProblem, readDecimal, readNumberOf } from './numbers';

describe('readDecimal', () => {
  it.each([
    ['0.03', 0.03],
    ['-1.5', -1.5],
    [' 3e-4 ', 3e-4],
    ['3E-4', 3e-4],
    ['+2', 2],
    ['.5', 0.5],
    ['5.', 5],
    ['\u22121', -1],
    ['0', 0],
    ['1e308', 1e308],
    ['5e-324', 5e-324],
    ['4294967295', 4294967295],
  ])('reads %j as %d', (text, value) => {
    expect(readDecimal(text)).toEqual({ ok: true, value });
  });

  it('reads -0 as 0, so it prints as "0"', () => {
    const reading = readDecimal('-0');
    expect(reading).toEqual({ ok: true, value: 0 });
    expect(reading.ok && Object.is(reading.value, -0)).toBe(false);
    expect(reading.ok && String(reading.value)).toBe('0');
  });

  it.each([
    ['', 'is empty'],
    ['   ', 'is empty'],
    ['abc', 'is not a number'],
    ['0x10', 'is not a number'],
    ['0b11', 'is not a number'],
    ['0o17', 'is not a number'],
    ['Infinity', 'is not a number'],
    ['-Infinity', 'is not a number'],
    ['NaN', 'is not a number'],
    ['1,5', 'is not a number'],
    ['1_000', 'is not a number'],
    ['1e', 'is not a number'],
    ['e5', 'is not a number'],
    ['.', 'is not a number'],
    ['--1', 'is not a number'],
    ['1 2', 'is not a number'],
    ['1e400', 'is too large to represent'],
    ['-1e400', 'is too large to represent'],
    ['1e-400', 'is too close to 0 to represent (it would be 0)'],
    ['-0.1e-400', 'is too close to 0 to represent (it would be 0)'],
  ])('refuses %j because it %s', (text, problem) => {
    expect(readDecimal(text)).toEqual({ ok: false, problem });
  });

  it('refuses a 100-character text of digits as no number anyone typed', () => {
    expect(readDecimal('1'.repeat(100))).toEqual({ ok: false, problem: 'is not a number' });
    expect(readDecimal(`0.${'1'.repeat(98)}`)).toEqual({ ok: false, problem: 'is not a number' });
  });

  it('reads a zero written with an exponent as 0, not as too close to 0', () => {
    expect(readDecimal('0e-400')).toEqual({ ok: true, value: 0 });
    expect(readDecimal('0.000e5')).toEqual({ ok: true, value: 0 });
  });

  it('reads back every number it prints', () => {
    for (const value of [0.1 + 0.2, 1 / 3, 1e-7, 123456789.123, 2 ** 53, -4.5e-300]) {
      expect(readDecimal(String(value))).toEqual({ ok: true, value });
    }
  });
});

describe('boundsText', () => {
  it('says whether the number must be whole, and its bounds', () => {
    expect(boundsText({ min: 1, max: 30, integer: true })).toBe('a whole number from 1 to 30');
    expect(boundsText({ min: 0, max: 50, integer: false })).toBe('a number from 0 to 50');
  });

  it('writes a small bound in plain decimals', () => {
    expect(boundsText({ min: 0.000001, max: 10, integer: false })).toBe(
      'a number from 0.000001 to 10',
    );
  });
});

describe('readNumberOf', () => {
  const batch = { min: 1, max: 30, integer: true };
  const rate = { min: 0.000001, max: 10, integer: false };

  it('takes a decimal within the bounds, ends included', () => {
    expect(readNumberOf(batch, '1')).toEqual({ ok: true, value: 1 });
    expect(readNumberOf(batch, '30')).toEqual({ ok: true, value: 30 });
    expect(readNumberOf(rate, '1e-6')).toEqual({ ok: true, value: 0.000001 });
    expect(readNumberOf(rate, '0.0042')).toEqual({ ok: true, value: 0.0042 });
  });

  it('refuses a value outside the bounds, or a fraction where a whole number is needed', () => {
    const problem = 'is not a whole number from 1 to 30';
    expect(readNumberOf(batch, '0')).toEqual({ ok: false, problem });
    expect(readNumberOf(batch, '31')).toEqual({ ok: false, problem });
    expect(readNumberOf(batch, '2.5')).toEqual({ ok: false, problem });
    expect(readNumberOf(rate, '5e-324')).toEqual({
      ok: false,
      problem: 'is not a number from 0.000001 to 10',
    });
  });

  it('gives the reading problem, with the bounds, for text that is no number at all', () => {
    expect(readNumberOf(batch, 'ten')).toEqual({
      ok: false,
      problem: 'is not a number (a whole number from 1 to 30)',
    });
    expect(readNumberOf(batch, '')).toEqual({
      ok: false,
      problem: 'is empty (a whole number from 1 to 30)',
    });
  });
});

describe('numberProblem', () => {
  const noise = { min: 0, max: 50, integer: false };

  it('accepts finite numbers within the bounds only', () => {
    expect(numberProblem(noise, 12.5)).toBeNull();
    for (const value of [NaN, Infinity, -Infinity, -0.1, 50.1, '5', null, undefined]) {
      expect(numberProblem(noise, value)).toBe('is not a number from 0 to 50');
    }
  });
});
