import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../worker/protocol';
import { describeEvents, groupMarks } from './Timeline';

const change = (epoch: number, neuron: number): TimelineEvent => ({
  epoch,
  kind: 'activation',
  text: `Layer 1 neuron ${neuron}: Tanh to Learned mix`,
});

describe('groupMarks', () => {
  it('draws marks at one epoch as one mark that names them all', () => {
    const events = [1, 2, 3].map((n) => change(0, n));
    const groups = groupMarks(events, () => 0, 300, 14);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.text).toBe(
      'Epoch 0: 3 activation changes (Layer 1 neuron 1: Tanh to Learned mix; ' +
        'Layer 1 neuron 2: Tanh to Learned mix; Layer 1 neuron 3: Tanh to Learned mix)',
    );
  });

  it('joins marks closer than a mark width, keeps the others apart', () => {
    const events = [change(0, 1), change(4, 2), change(50, 3)];
    const groups = groupMarks(events, (e) => e.epoch / 100, 300, 14);
    expect(groups.map((g) => g.events.length)).toEqual([2, 1]);
    expect(groups[0]?.text).toMatch(/^Epochs 0–4: 2 activation changes/);
    expect(groups[1]?.text).toBe('Epoch 50: Layer 1 neuron 3: Tanh to Learned mix');
    // Drawn marks are never closer than a mark's width.
    expect(((groups[1]?.at ?? 0) - (groups[0]?.at ?? 0)) * 300).toBeGreaterThanOrEqual(14);
  });

  it('draws a mixed group as its most alarming kind and counts each', () => {
    const died: TimelineEvent = { epoch: 3, kind: 'died', text: 'Layer 1 neuron 2 died' };
    const groups = groupMarks([change(3, 1), died], () => 0.5, 300, 14);
    expect(groups[0]?.kind).toBe('died');
    expect(describeEvents(groups[0]?.events ?? [])).toMatch(
      /^Epoch 3: 1 neuron died, 1 activation change \(/,
    );
  });
});
