/**
 * The variant "Let the network choose, freeze at epoch N": every hidden neuron a Learned mix,
 * frozen after N epochs and trained on; the same numbers as doing it by hand in the
 * playground (Let the network choose, N epochs, Freeze choices, the rest), and in the link.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config';
import type { Frame, FrozenEvent, WorkerEvent } from '../worker/protocol';
import { FRAME_INTERVAL_MS, Trainer } from '../worker/trainer';
import { checkDefinition } from './check';
import { experimentFromHash, experimentToHash } from './link';
import { planRuns, runConfig } from './plan';
import { ruleLabel } from './rules';
import { runOne } from './run';

const BASE = {
  ...DEFAULT_CONFIG,
  dataset: 'circle' as const,
  optimizer: 'adam' as const,
  learningRate: 0.01,
};

const DEFINITION = checkDefinition({
  base: BASE,
  variants: [{ rule: { kind: 'choose', freezeAt: 6 } }, { rule: { kind: 'asSet' } }],
  seeds: { first: 3, count: 2 },
  epochs: 10,
  target: { metric: 'testAccuracy', value: 0.99 },
}).definition;

/** The playground's Trainer on a fake clock, driven until quiet after every command. */
function playground(config: ReturnType<typeof runConfig>) {
  const events: WorkerEvent[] = [];
  let time = 0;
  const t = new Trainer(
    (event) => events.push(event),
    () => time,
  );
  const settle = () => {
    t.handle({ type: 'frameDone' });
    for (let i = 0; i < 1000 && t.nextDelayMs() !== null; i++) {
      time += FRAME_INTERVAL_MS;
      t.runSlice(10);
      t.handle({ type: 'frameDone' });
    }
  };
  t.handle({ type: 'build', generation: 1, config });
  settle();
  return {
    step(epochs: number) {
      t.handle({ type: 'step', epochs });
      settle();
    },
    freeze(): FrozenEvent {
      t.handle({ type: 'freeze' });
      settle();
      return events.filter((e): e is FrozenEvent => e.type === 'frozen').pop() as FrozenEvent;
    },
    lastFrame(): Frame {
      return events.filter((e): e is Frame => e.type === 'frame').pop() as Frame;
    },
  };
}

describe('let the network choose, freeze at epoch N', () => {
  it('is every neuron a Learned mix, named in words, frozen after N epochs', () => {
    const config = runConfig(DEFINITION, 0, 3);
    expect(config.hidden.flat().every((id) => id === 'mixture')).toBe(true);
    expect(ruleLabel({ kind: 'choose', freezeAt: 6 })).toBe(
      'Let the network choose, freeze at epoch 6',
    );
    expect(planRuns(DEFINITION).map((job) => job.freezeAt)).toEqual([6, null, 6, null]);
  });

  it('gives the numbers of doing it by hand in the playground', () => {
    const config = runConfig(DEFINITION, 0, 3);
    const outcome = runOne(config, 10, DEFINITION.target, 6);
    const byHand = playground(config);
    byHand.step(6);
    const frozen = byHand.freeze();
    expect(frozen.hidden.flat().every((id) => BASE.mixPalette.includes(id as never))).toBe(true);
    byHand.step(4);
    expect(byHand.lastFrame().testLoss).toBe(outcome.final.testLoss);
    expect(byHand.lastFrame().epoch).toBe(10);
    // Without the freeze the numbers differ: the rule does freeze.
    expect(runOne(config, 10, DEFINITION.target, null).final.testLoss).not.toBe(
      outcome.final.testLoss,
    );
  });

  it('goes into the experiment link and back, and a bad epoch falls back with a note', () => {
    const hash = experimentToHash(DEFINITION);
    expect(hash).toContain('variants:choose(6)+set;');
    expect(experimentFromHash(hash).definition).toEqual(DEFINITION);
    const bad = experimentFromHash(hash.replace('choose(6)', 'choose(x)'));
    expect(bad.definition?.variants[0]?.rule).toEqual({ kind: 'choose', freezeAt: 100 });
    expect(bad.notes.join()).toContain('"x" is not a whole number from 0 to 5000 — used 100');
  });
});
