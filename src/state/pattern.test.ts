import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config';
import { actions } from './actions';
import { createPlaygroundStore } from './store';

const NET = {
  ...DEFAULT_CONFIG,
  hidden: [
    ['tanh', 'tanh', 'tanh', 'tanh'],
    ['relu', 'relu'],
  ],
} as typeof DEFAULT_CONFIG;

describe('applyPattern ("Set pattern…")', () => {
  it('applies a rule to the whole network', () => {
    const store = createPlaygroundStore({ config: NET });
    expect(actions(store).applyPattern({ kind: 'alternate', x: 'tanh', y: 'sin' })).toBe(true);
    expect(store.getState().config.hidden).toEqual([
      ['tanh', 'sin', 'tanh', 'sin'],
      ['tanh', 'sin'],
    ]);
  });

  it('applies a rule to one layer (from 1) and leaves the others', () => {
    const store = createPlaygroundStore({ config: NET });
    expect(actions(store).applyPattern({ kind: 'halves', x: 'elu', y: 'gelu' }, 2)).toBe(true);
    expect(store.getState().config.hidden).toEqual([
      ['tanh', 'tanh', 'tanh', 'tanh'],
      ['elu', 'gelu'],
    ]);
  });

  it('picks a fraction rule’s neurons from the seed: the same pick every time', () => {
    const store = createPlaygroundStore({ config: NET });
    const rule = { kind: 'fraction', x: 'tanh', y: 'sin', p: 0.5 } as const;
    actions(store).applyPattern(rule, 1);
    const first = store.getState().config.hidden[0];
    expect(first?.filter((id) => id === 'sin')).toHaveLength(2);
    actions(store).applyPattern({ kind: 'all', x: 'tanh' }, 1);
    actions(store).applyPattern(rule, 1);
    expect(store.getState().config.hidden[0]).toEqual(first);
  });

  it('refuses a layer that does not exist, changing nothing', () => {
    const store = createPlaygroundStore({ config: NET });
    const before = store.getState().config;
    expect(actions(store).applyPattern({ kind: 'all', x: 'sin' }, 3)).toBe(false);
    expect(actions(store).applyPattern({ kind: 'all', x: 'sin' }, 0)).toBe(false);
    expect(store.getState().config).toBe(before);
  });
});
