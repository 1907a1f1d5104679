import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type PlaygroundConfig } from '../config';
import type { Frame, TimelineInfo, WorkerCommand, WorkerEvent } from './protocol';
import type { SessionState } from './sessionState';
import { FRAME_INTERVAL_MS, Trainer } from './trainer';

/** Momentum, so the optimizer's moments take part in every comparison. */
const CONFIG: PlaygroundConfig = { ...DEFAULT_CONFIG, optimizer: 'momentum' };

/** A trainer on a fake clock, driven until quiet after every command. */
function harness() {
  const events: WorkerEvent[] = [];
  let time = 0;
  const trainer = new Trainer(
    (event) => events.push(event),
    () => time,
  );
  const settle = () => {
    trainer.handle({ type: 'frameDone' });
    for (let i = 0; i < 1000 && trainer.nextDelayMs() !== null; i++) {
      time += FRAME_INTERVAL_MS;
      trainer.runSlice(10);
      trainer.handle({ type: 'frameDone' });
    }
  };
  const last = <T extends WorkerEvent['type']>(type: T) => {
    const found = events.filter((e) => e.type === type).pop();
    if (!found) throw new Error(`no ${type} event`);
    return found as Extract<WorkerEvent, { type: T }>;
  };
  const h = {
    trainer,
    events,
    send(command: WorkerCommand) {
      trainer.handle(command);
      settle();
    },
    build(config: PlaygroundConfig = CONFIG) {
      h.send({ type: 'build', generation: 1, config });
    },
    step(epochs: number) {
      h.send({ type: 'step', epochs });
    },
    frame: (): Frame => last('frame'),
    timeline: (): TimelineInfo => last('timeline'),
    checkpoint(): SessionState {
      h.send({ type: 'checkpoint' });
      return last('checkpoint').state;
    },
    failures: () => events.filter((e) => e.type === 'failed'),
  };
  return h;
}

describe('Trainer timeline', () => {
  it('records a snapshot after every epoch and tells the page', () => {
    const h = harness();
    h.build();
    expect(h.timeline().epochs).toEqual([0]);
    expect(h.timeline().events).toEqual([{ epoch: 0, kind: 'start', text: 'New network' }]);
    h.step(5);
    expect(h.timeline()).toMatchObject({ epochs: [0, 1, 2, 3, 4, 5], viewing: null, liveEpoch: 5 });
  });

  it('shows a snapshot paused with its own numbers and leaves the live state as it was', () => {
    const h = harness();
    h.build();
    h.step(3);
    const atThree = h.frame();
    h.step(7);
    const live = h.frame();
    const liveState = h.checkpoint();
    h.send({ type: 'viewSnapshot', epoch: 3 });
    const shown = h.frame();
    expect(shown.epoch).toBe(3);
    expect(shown.running).toBe(false);
    expect(shown.weights).toEqual(atThree.weights);
    expect(shown.grid).toEqual(atThree.grid);
    expect(shown.trainLoss).toBe(atThree.trainLoss);
    // Nothing of the past is added to the loss curve again.
    expect(shown.historyEpochs.length).toBe(0);
    expect(h.timeline().viewing).toBe(3);
    // A checkpoint (what a restarted worker continues from) is the live state's.
    expect(h.checkpoint()).toEqual(liveState);
    h.send({ type: 'leaveTimeline' });
    const back = h.frame();
    expect(back.epoch).toBe(10);
    expect(back.weights).toEqual(live.weights);
    expect(back.grid).toEqual(live.grid);
    expect(h.checkpoint()).toEqual(liveState);
    expect(h.timeline().viewing).toBeNull();
  });

  it('resuming from epoch N gives bit for bit a fresh run stopped at N, and goes on alike', () => {
    const branched = harness();
    branched.build();
    branched.step(12);
    branched.send({ type: 'viewSnapshot', epoch: 5 });
    branched.send({ type: 'resumeFromSnapshot', epoch: 5 });
    const fresh = harness();
    fresh.build();
    fresh.step(5);
    expect(branched.checkpoint()).toEqual(fresh.checkpoint());
    expect(branched.timeline().epochs).toEqual([0, 1, 2, 3, 4, 5]);
    expect(branched.events.some((e) => e.type === 'branched' && e.epoch === 5)).toBe(true);
    branched.step(4);
    fresh.step(4);
    expect(branched.checkpoint()).toEqual(fresh.checkpoint());
    expect(branched.frame().trainLoss).toBe(fresh.frame().trainLoss);
  });

  it('resumes learned activations (their parameters and moments) bit for bit', () => {
    const learned = {
      ...CONFIG,
      hidden: [
        ['prelu', 'swish', 'mixture', 'tanh'],
        ['mixture', 'tanh'],
      ],
    } as PlaygroundConfig;
    const branched = harness();
    branched.build(learned);
    branched.step(9);
    branched.send({ type: 'viewSnapshot', epoch: 4 });
    const fresh = harness();
    fresh.build(learned);
    fresh.step(4);
    expect(branched.frame().grid).toEqual(fresh.frame().grid);
    branched.send({ type: 'resumeFromSnapshot', epoch: 4 });
    expect(branched.checkpoint()).toEqual(fresh.checkpoint());
    branched.step(3);
    fresh.step(3);
    expect(branched.checkpoint()).toEqual(fresh.checkpoint());
  });

  it('resumes under the settings the snapshot was trained with', () => {
    const h = harness();
    h.build();
    h.step(4);
    const relu = { ...CONFIG, hidden: CONFIG.hidden.map((l) => l.map(() => 'relu' as const)) };
    h.send({ type: 'patch', config: relu });
    h.step(3);
    h.send({ type: 'resumeFromSnapshot', epoch: 2 });
    const branched = h.events.filter((e) => e.type === 'branched').pop();
    expect(branched?.config.hidden).toEqual(CONFIG.hidden);
    const fresh = harness();
    fresh.build();
    fresh.step(2);
    h.step(3);
    fresh.step(3);
    expect(h.checkpoint()).toEqual(fresh.checkpoint());
  });

  it('marks activation changes and divergence on the timeline', () => {
    const h = harness();
    h.build();
    h.step(2);
    const hidden = CONFIG.hidden.map((layer) => [...layer]);
    (hidden[0] as string[])[1] = 'sigmoid';
    h.send({ type: 'patch', config: { ...CONFIG, hidden } as PlaygroundConfig });
    expect(h.timeline().events.at(-1)).toMatchObject({
      epoch: 2,
      kind: 'activation',
      text: 'Layer 1 neuron 2: ReLU to Sigmoid',
    });
    h.trainer.addTimelineEvent('died', 'Layer 1 neuron 2 died');
    h.send({ type: 'frameDone' });
    expect(h.timeline().events.at(-1)).toMatchObject({
      kind: 'died',
      text: 'Layer 1 neuron 2 died',
    });
  });

  it("reports the viewed snapshot's activations, which an activation change since leaves as they were", () => {
    const h = harness();
    h.build();
    h.step(2);
    const hidden = CONFIG.hidden.map((layer) => [...layer]);
    (hidden[0] as string[])[0] = 'sin';
    h.send({ type: 'patch', config: { ...CONFIG, hidden } as PlaygroundConfig });
    h.step(2);
    expect(h.timeline().viewedHidden).toBeNull();
    h.send({ type: 'viewSnapshot', epoch: 1 });
    expect(h.timeline().viewedHidden).toEqual(CONFIG.hidden);
    h.send({ type: 'viewSnapshot', epoch: 3 });
    expect(h.timeline().viewedHidden).toEqual(hidden);
    h.send({ type: 'leaveTimeline' });
    expect(h.timeline().viewedHidden).toBeNull();
  });

  it('marks a divergence at the last good epoch', () => {
    const config: PlaygroundConfig = {
      ...CONFIG,
      dataset: 'reg-plane',
      hidden: [['square', 'square', 'tanh']],
      learningRate: 0.001,
    };
    const h = harness();
    h.build(config);
    h.step(2);
    h.send({ type: 'patch', config: { ...config, learningRate: 10 } });
    h.send({ type: 'run', running: true });
    const diverged = h.events.find((e) => e.type === 'diverged');
    expect(diverged).toMatchObject({ epoch: 3 });
    expect(h.timeline().events.at(-1)).toEqual({
      epoch: 2,
      kind: 'diverged',
      text: 'Diverged in epoch 3',
    });
    expect(h.timeline().epochs).toEqual([0, 1, 2]);
  });

  it('applies an edit made while a snapshot is shown to that snapshot, as a new branch', () => {
    const h = harness();
    h.build();
    h.step(6);
    h.send({ type: 'viewSnapshot', epoch: 2 });
    h.send({ type: 'setWeight', layer: 1, neuron: 0, from: 0, value: 0.5 });
    const branched = h.events.filter((e) => e.type === 'branched').pop();
    expect(branched).toMatchObject({ epoch: 2, byEdit: true });
    expect(h.frame().epoch).toBe(2);
    expect(h.timeline()).toMatchObject({ epochs: [0, 1, 2], viewing: null, liveEpoch: 2 });
    expect(h.checkpoint().weights[0]).toBe(0.5);
  });

  it('goes back to live when played or stepped while a snapshot is shown', () => {
    const h = harness();
    h.build();
    h.step(4);
    h.send({ type: 'viewSnapshot', epoch: 1 });
    h.step(1);
    expect(h.frame().epoch).toBe(5);
    expect(h.timeline().viewing).toBeNull();
  });

  it('shows the newest snapshot before an epoch it no longer keeps (thinned since the page saw it)', () => {
    const h = harness();
    h.build();
    h.step(300);
    const epochs = h.timeline().epochs;
    expect(epochs).not.toContain(151);
    const before = Math.max(...epochs.filter((e) => e < 151));
    h.send({ type: 'viewSnapshot', epoch: 151 });
    expect(h.frame().epoch).toBe(before);
    expect(h.timeline().viewing).toBe(before);
    expect(h.failures()).toEqual([]);
  });

  it('refuses an epoch before the timeline, and starts a new timeline on reset', () => {
    const h = harness();
    h.build();
    h.step(3);
    h.send({ type: 'viewSnapshot', epoch: -1 });
    expect(h.failures().at(-1)).toMatchObject({ command: 'viewSnapshot' });
    h.send({ type: 'reset', generation: 2 });
    expect(h.timeline()).toMatchObject({ generation: 2, epochs: [0], viewing: null });
  });
});

describe('Trainer timeline marks what happened to neurons', () => {
  const RELU: PlaygroundConfig = { ...CONFIG, hidden: [['relu', 'tanh']], init: 'he' };

  it('marks a neuron that died (no gradient left) and one revived by hand', () => {
    const h = harness();
    h.build(RELU);
    h.step(30);
    const kinds = () => h.timeline().events.map((event) => event.kind);
    expect(kinds()).not.toContain('died');
    // Zero incoming weights: its input is its bias for every example, on this seed below 0
    // after 30 epochs, where ReLU′ = 0: no gradient reaches it again.
    for (const from of [0, 1]) h.send({ type: 'setWeight', layer: 1, neuron: 0, from, value: 0 });
    h.step(30);
    expect(h.timeline().events).toContainEqual(
      expect.objectContaining({
        kind: 'died',
        text: expect.stringMatching(/^Layer 1 neuron 1 died/),
      }),
    );
    h.send({ type: 'revive', layer: 1, neuron: 0 });
    expect(h.timeline().events).toContainEqual(
      expect.objectContaining({
        kind: 'revived',
        text: expect.stringMatching(/^Layer 1 neuron 1 revived/),
      }),
    );
  });
});
