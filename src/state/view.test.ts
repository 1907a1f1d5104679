import { describe, expect, it } from 'vitest';
import { viewFlagsFromHash } from '../config';
import { createViewStore, hashWithFlags } from './view';

describe('the view store', () => {
  it('starts from the flags of the link it was opened with', () => {
    const store = createViewStore('#dataset=xor&embed=1&stepButton_hide=true');
    expect(store.getState().embed).toBe(true);
    expect(store.getState().hidden).toEqual(new Set(['step']));
  });

  it('writes flags into a hash without touching its settings', () => {
    const flags = { ...viewFlagsFromHash('#lr_hide=1'), presentation: true };
    expect(hashWithFlags('#dataset=xor&noise=5&learningRate_hide=true', flags)).toBe(
      '#dataset=xor&noise=5&presentation=1&lr_hide=1',
    );
  });
});
