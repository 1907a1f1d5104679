/**
 * Learned activations in the worker: their parameters survive a checkpoint and restore bit for
 * bit, a new palette is a patch that restarts only the blends, frames carry the parameters,
 * and a learned parameter that overflows is named in the divergence report.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type PlaygroundConfig } from '../config';
import { DivergenceError, Network, trainEpoch } from '../nn';
import { learnedDivergence } from './learnedHint';
import type { Frame, WorkerEvent } from './protocol';
import { buildSession, patchSession } from './session';
import { captureSessionState, restoreSessionState } from './sessionState';
import { Trainer } from './trainer';

const CONFIG: PlaygroundConfig = {
  ...DEFAULT_CONFIG,
  dataset: 'spiral',
  optimizer: 'adam',
  hidden: [
    ['mixture', 'prelu', 'tanh', 'mixture'],
    ['swish', 'mixture'],
  ],
  mixPalette: ['relu', 'tanh', 'sin', 'gaussian'],
};

function trainEpochs(session: ReturnType<typeof buildSession>, epochs: number): void {
  for (let e = 0; e < epochs; e++) {
    trainEpoch(
      session.net,
      session.train,
      session.config.batchSize,
      session.shuffleRng,
      session.order,
    );
    session.epoch++;
  }
}

describe('learned parameters in the session', () => {
  it('a restored checkpoint goes on exactly as the session it was taken from', () => {
    const original = buildSession(CONFIG, 1);
    trainEpochs(original, 4);
    const state = JSON.parse(JSON.stringify(captureSessionState(original)));
    const restored = buildSession(CONFIG, 2);
    restoreSessionState(restored, state);
    trainEpochs(original, 3);
    trainEpochs(restored, 3);
    expect(Array.from(restored.net.activationParams)).toEqual(
      Array.from(original.net.activationParams),
    );
    expect(Array.from(restored.net.moment2ActivationParams)).toEqual(
      Array.from(original.net.moment2ActivationParams),
    );
    expect(Array.from(restored.net.weights)).toEqual(Array.from(original.net.weights));
  });

  it('refuses a checkpoint whose learned parameters do not fit the network', () => {
    const session = buildSession(CONFIG, 1);
    const state = captureSessionState(session);
    const values = [...(state.activationParams?.values ?? []), 0];
    const bad = { ...state, activationParams: { ...state.activationParams!, values } };
    expect(() => restoreSessionState(session, bad)).toThrow('activationParams.values');
  });

  it('a new palette restarts the blends and keeps the weights and the other parameters', () => {
    const session = buildSession(CONFIG, 1);
    trainEpochs(session, 2);
    const weights = Array.from(session.net.weights);
    const prelu = session.net.activationParams[4];
    patchSession(session, { ...CONFIG, mixPalette: ['sin', 'linear', 'sigmoid'] });
    expect(Array.from(session.net.weights)).toEqual(weights);
    expect(Array.from(session.net.activationParams)).toEqual([
      0,
      0,
      0,
      prelu,
      0,
      0,
      0,
      session.net.activationParams[7],
      0,
      0,
      0,
    ]);
    expect(session.net.mixturePalette).toEqual(['sin', 'linear', 'sigmoid']);
  });

  it('sends the parameters with every frame', () => {
    const events: WorkerEvent[] = [];
    let time = 0;
    const trainer = new Trainer(
      (event) => events.push(event),
      () => (time += 100),
    );
    trainer.handle({ type: 'build', generation: 1, config: CONFIG });
    trainer.handle({ type: 'frameDone' });
    trainer.handle({ type: 'step', epochs: 2 });
    trainer.runSlice(10_000);
    trainer.handle({ type: 'frameDone' });
    const frames = events.filter((e): e is Frame => e.type === 'frame');
    const last = frames.at(-1) as Frame;
    expect(last.epoch).toBe(2);
    expect(last.activationParams).toHaveLength(4 + 1 + 4 + 1 + 4);
    expect(Array.from(last.activationParams).some((v) => v !== 0 && v !== 0.25 && v !== 1)).toBe(
      true,
    );
  });
});

describe('a learned parameter that overflows', () => {
  it('is named in the divergence report', () => {
    const net = new Network({
      inputSize: 2,
      hidden: [['tanh', 'tanh', 'swish']],
      output: { size: 1, activation: 'tanh', loss: 'mse' },
    });
    net.activationParams[0] = Infinity;
    expect(learnedDivergence(net, new DivergenceError(3, 'parameters'))).toBe(
      "Layer 1 neuron 3's Swish β became non-finite.",
    );
    net.activationParams[0] = 1;
    net.gradActivationParams[0] = NaN;
    expect(learnedDivergence(net, new DivergenceError(3, 'loss'))).toBeNull();
    expect(learnedDivergence(net, new DivergenceError(3, 'gradient'))).toBe(
      "Layer 1 neuron 3's Swish β got a non-finite gradient.",
    );
  });
});
