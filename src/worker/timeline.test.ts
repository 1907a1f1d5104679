import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type PlaygroundConfig } from '../config';
import { FEATURE_IDS } from '../data';
import { LIMITS, trainEpoch } from '../nn';
import { buildSession, type Session } from './session';
import { MAX_TIMELINE_SNAPSHOTS, Timeline, activationChanges, snapshotBytes } from './timeline';

const CONFIG: PlaygroundConfig = { ...DEFAULT_CONFIG, optimizer: 'momentum' };

/** Trains one epoch of `session` as the trainer does. */
function trainOne(session: Session): void {
  trainEpoch(
    session.net,
    session.train,
    session.config.batchSize,
    session.shuffleRng,
    session.order,
  );
  session.epoch++;
}

describe('Timeline', () => {
  it('keeps every epoch at first, then at most its bound with the first and the newest', () => {
    const session = buildSession(CONFIG, 1);
    const timeline = new Timeline(10);
    timeline.start(session, 'New network');
    for (let e = 1; e <= 8; e++) {
      session.epoch = e;
      timeline.record(session);
    }
    expect(timeline.epochs).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    for (let e = 9; e <= 1000; e++) {
      session.epoch = e;
      timeline.record(session);
      expect(timeline.length).toBeLessThanOrEqual(10);
      const epochs = timeline.epochs;
      expect(epochs[0]).toBe(0);
      expect(epochs.at(-1)).toBe(e);
    }
    // Evenly spread: the kept ones (all but the provisional newest) on one spacing.
    const kept = timeline.epochs.slice(0, -1);
    const gaps = new Set(kept.slice(1).map((epoch, i) => epoch - (kept[i] as number)));
    expect(gaps.size).toBe(1);
    expect(kept.length).toBeGreaterThanOrEqual(4);
  });

  it('holds the default bound of 200 snapshots over a long run', () => {
    const session = buildSession(CONFIG, 1);
    const timeline = new Timeline();
    timeline.start(session, 'New network');
    for (let e = 1; e <= 5000; e++) {
      session.epoch = e;
      timeline.record(session);
    }
    expect(timeline.length).toBeLessThanOrEqual(MAX_TIMELINE_SNAPSHOTS);
    expect(timeline.length).toBeGreaterThan(MAX_TIMELINE_SNAPSHOTS / 4);
    expect(timeline.epochs[0]).toBe(0);
    expect(timeline.epochs.at(-1)).toBe(5000);
  });

  it('gives back exactly the weights, moments and shuffles it recorded', () => {
    const session = buildSession(CONFIG, 1);
    const timeline = new Timeline();
    timeline.start(session, 'New network');
    const recorded: { weights: Float64Array; moments: Float64Array; order: Int32Array }[] = [];
    for (let e = 1; e <= 5; e++) {
      trainOne(session);
      timeline.record(session);
      recorded.push({
        weights: session.net.weights.slice(),
        moments: session.net.moment1Weights.slice(),
        order: session.order.slice(),
      });
    }
    const view = timeline.view(session, 3);
    expect(view).not.toBeNull();
    if (!view) return;
    expect(view.epoch).toBe(3);
    expect(view.net.weights).toEqual(recorded[2]?.weights);
    expect(view.net.moment1Weights).toEqual(recorded[2]?.moments);
    expect(view.order).toEqual(recorded[2]?.order);
    // The live session is untouched by viewing.
    expect(session.epoch).toBe(5);
    expect(session.net.weights).toEqual(recorded[4]?.weights);
    expect(timeline.view(session, 99)?.epoch).toBe(5);
    expect(timeline.view(session, -1)).toBeNull();
  });

  it('drops the later snapshots and events when branching', () => {
    const session = buildSession(CONFIG, 1);
    const timeline = new Timeline();
    timeline.start(session, 'New network');
    for (let e = 1; e <= 6; e++) {
      trainOne(session);
      timeline.record(session);
      if (e === 2 || e === 5) timeline.addEvent(e, 'died', `Layer 1 neuron 1 died`);
    }
    const configs: PlaygroundConfig[] = [];
    expect(timeline.branch(session, 3, (config) => configs.push(config))).toBe(true);
    expect(configs).toEqual([CONFIG]);
    expect(session.epoch).toBe(3);
    expect(timeline.epochs).toEqual([0, 1, 2, 3]);
    expect(timeline.events.map((e) => [e.epoch, e.kind])).toEqual([
      [0, 'start'],
      [2, 'died'],
    ]);
  });

  it('names activation changes neuron by neuron', () => {
    const hidden = CONFIG.hidden.map((layer) => [...layer]);
    (hidden[1] as string[])[0] = 'relu';
    const after = { ...CONFIG, hidden } as PlaygroundConfig;
    const before = CONFIG.hidden[1]?.[0];
    expect(before).not.toBe('relu');
    expect(activationChanges(CONFIG, after)).toEqual([
      expect.stringMatching(/^Layer 2 neuron 1: .+ to ReLU$/),
    ]);
  });

  it.each([
    // The 6×8 network of the frame budget, and the largest the settings allow.
    [6, 8, 7 * 8 + 5 * 8 * 8 + 8, 13_720],
    [LIMITS.maxHiddenLayers, LIMITS.maxNeurons, 7 * 16 + 7 * 16 * 16 + 16, 54_424],
  ])('states its memory bound for %i layers of %i neurons', (layers, neurons, weights, size) => {
    const hidden = Array.from({ length: layers }, () =>
      Array.from({ length: neurons }, () => 'tanh'),
    );
    const config = {
      ...CONFIG,
      features: [...FEATURE_IDS],
      hidden,
      trainPercent: 90,
    } as PlaygroundConfig;
    const session = buildSession(config, 1);
    expect(session.net.weights.length).toBe(weights);
    const bytes = snapshotBytes(session);
    // The figures timeline.ts states in its JSDoc.
    expect(bytes).toBe(size);
    // At most MAX + 1 snapshots exist at once, spares included (see Timeline).
    expect((MAX_TIMELINE_SNAPSHOTS + 1) * bytes).toBeLessThan(size === 13_720 ? 2.76e6 : 10.94e6);
  });
});
