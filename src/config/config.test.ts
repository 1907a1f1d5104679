import { describe, expect, it } from 'vitest';
import { DATASETS } from '../data';
import { outputColourRange, outputSpecOfDataset } from './config';

describe('the output colour range', () => {
  it.each(DATASETS.map((d) => [d.id, d.kind] as const))(
    '%s (%s) is coloured over its head’s range',
    (id, kind) => {
      const expected = kind === 'multiclass' ? [0, 1] : [-1, 1];
      expect(outputColourRange(outputSpecOfDataset(id, 'mse'))).toEqual(expected);
    },
  );

  it('is 0 to 1 for two classes under cross-entropy (a sigmoid output)', () => {
    expect(outputColourRange(outputSpecOfDataset('circle', 'bce'))).toEqual([0, 1]);
  });
});
