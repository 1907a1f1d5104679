import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type PlaygroundConfig } from '../config';
import type { WorkerEvent } from './protocol';
import { changesSince, divergenceAdvice } from './advice';
import { Trainer } from './trainer';

const PLANE_SQUARES: PlaygroundConfig = {
  ...DEFAULT_CONFIG,
  dataset: 'reg-plane',
  learningRate: 3,
  hidden: [
    ['square', 'square', 'square', 'square'],
    ['square', 'square'],
  ],
};

/** Builds `config` in a Trainer, trains `epochs` epochs and returns the divergence hint, if any. */
function divergenceOf(trainer: Trainer, events: WorkerEvent[], epochs = 20): string | null {
  trainer.handle({ type: 'step', epochs });
  for (let i = 0; i < 100 && trainer.nextDelayMs() !== null; i++) {
    trainer.runSlice(10);
    trainer.handle({ type: 'frameDone' });
  }
  const last = events.filter((e) => e.type === 'diverged').pop();
  events.length = 0;
  return last?.type === 'diverged' ? last.hint : null;
}

describe('divergence advice', () => {
  it('blames the Square activations, not the learning rate, on the plane, and follows what changed', () => {
    const events: WorkerEvent[] = [];
    let time = 0;
    const trainer = new Trainer(
      (e) => events.push(e),
      () => (time += 20),
    );
    trainer.handle({ type: 'build', generation: 1, config: PLANE_SQUARES });
    const first = divergenceOf(trainer, events);
    expect(first).toMatch(
      /^Lowering the learning rate will not help: only at 0.000001, too small a step/,
    );
    expect(first).toContain('Square neurons in layers 1 and 2 compound');
    // The person lowers the rate anyway: the message says it did not help.
    trainer.handle({ type: 'patch', config: { ...PLANE_SQUARES, learningRate: 0.00001 } });
    const second = divergenceOf(trainer, events);
    expect(second).toMatch(
      /^It diverged again after you lowered the learning rate from 3 to 0.00001\. Lowering the learning rate will not help/,
    );
    // The advice works: Tanh in the second layer, a modest rate, and it trains.
    const advised = {
      ...PLANE_SQUARES,
      learningRate: 0.03,
      hidden: [PLANE_SQUARES.hidden[0] ?? [], ['tanh', 'tanh']],
    } as PlaygroundConfig;
    trainer.handle({ type: 'build', generation: 2, config: advised });
    expect(divergenceOf(trainer, events, 50)).toBeNull();
  });

  it('names the changes since the last divergence', () => {
    expect(
      changesSince(PLANE_SQUARES, { ...PLANE_SQUARES, learningRate: 10, optimizer: 'adam' }),
    ).toEqual(['raised the learning rate from 3 to 10', 'switched to adam']);
    expect(divergenceAdvice(DEFAULT_CONFIG, 0.3, DEFAULT_CONFIG)).toMatch(
      /^It diverged again with the same settings\./,
    );
  });
});
