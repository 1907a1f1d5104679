import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config';
import { divergenceHint, unboundedActivations } from './hint';

describe('divergenceHint', () => {
  it('blames a high learning rate on the unbounded neurons, Square first', () => {
    const hint = divergenceHint({
      ...DEFAULT_CONFIG,
      learningRate: 10,
      hidden: [['relu', 'tanh', 'square']],
    });
    expect(hint).toBe(
      'The learning rate 10 is too high for Square and ReLU neurons: their outputs grow without bound. Lower the learning rate or reset.',
    );
  });

  it('blames a high learning rate alone when every neuron is bounded', () => {
    const hint = divergenceHint({ ...DEFAULT_CONFIG, learningRate: 3, hidden: [['tanh']] });
    expect(hint).toMatch(/^The learning rate 3 is too high: /);
  });

  it('names unbounded neurons at a modest learning rate, and adds a word on regression', () => {
    const hint = divergenceHint({
      ...DEFAULT_CONFIG,
      dataset: 'reg-gauss',
      learningRate: 0.03,
      hidden: [['linear', 'sin']],
    });
    expect(hint).toMatch(/^The outputs of the Linear neurons grew without bound/);
    expect(hint).toContain('regression output');
  });

  it('lists the unbounded activations once each', () => {
    expect(
      unboundedActivations({
        ...DEFAULT_CONFIG,
        hidden: [
          ['elu', 'tanh', 'elu'],
          ['abs', 'square'],
        ],
      }),
    ).toEqual(['square', 'elu', 'abs']);
  });
});
