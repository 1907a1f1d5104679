import { describe, expect, it } from 'vitest';
import { configFromHash } from '../config';
import { trainer } from '../state/testTrainer';
import { BUILTIN_LESSONS } from './builtin';
import { checkGoal } from './goal';

describe('the lesson "Let the network choose"', () => {
  it('is reached by letting every neuron choose at the start and training', () => {
    const lesson = BUILTIN_LESSONS.find((l) => l.id === 'let-it-choose');
    if (!lesson) throw new Error('no lesson let-it-choose');
    const { config } = configFromHash(lesson.start);
    // What "Let the network choose" does to the starting network: every neuron a learned mix.
    const hidden = config.hidden.map((layer) => layer.map(() => 'mixture' as const));
    const t = trainer();
    t.build({ ...config, hidden });
    t.step(800);
    const frame = t.lastFrame();
    const status = checkGoal(lesson.goal, { ...frame, hidden });
    expect(status, `test accuracy ${frame.testAccuracy} at epoch ${frame.epoch}`).toEqual({
      kind: 'met',
    });
  }, 120_000);
});
