/**
 * Letting the network choose and freezing the choices, from the store's actions to the worker
 * and back; and the link of learned activations: it records them and the palette, not the
 * learned values, and the same link trained the same epochs gives the same numbers.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, configFromHash, configToHash, type PlaygroundConfig } from '../config';
import { actions } from './actions';
import { freezeNoticeText } from './bridge';
import { makeNetworkFile, readNetworkFile, writeNetworkFile } from './networkFile';
import { createPlaygroundStore } from './store';
import { trainer } from './testTrainer';

const CHOOSING: PlaygroundConfig = {
  ...DEFAULT_CONFIG,
  dataset: 'spiral',
  features: ['x1', 'x2', 'sinx1', 'sinx2'],
  hidden: [
    ['mixture', 'mixture', 'mixture', 'mixture'],
    ['mixture', 'mixture', 'prelu'],
  ],
  optimizer: 'adam',
  learningRate: 0.01,
};

describe('the actions of issue 9', () => {
  it('let the network choose turns every hidden neuron, or one layer, into a Learned mix and runs', () => {
    const store = createPlaygroundStore();
    const act = actions(store);
    expect(act.letNetworkChoose(2)).toBe(true);
    expect(store.getState().config.hidden).toEqual([
      ['tanh', 'relu', 'sin', 'gaussian'],
      ['mixture', 'mixture'],
    ]);
    expect(store.getState().running).toBe(true);
    expect(act.letNetworkChoose('all')).toBe(true);
    expect(
      store
        .getState()
        .config.hidden.flat()
        .every((id) => id === 'mixture'),
    ).toBe(true);
    expect(act.letNetworkChoose(3)).toBe(false);
  });

  it('freeze asks the worker only when something learns; an activation edit forgets the undo', () => {
    const store = createPlaygroundStore();
    const act = actions(store);
    expect(act.freezeChoices()).toBe(false);
    expect(act.undoFreeze()).toBe(false);
    act.letNetworkChoose('all');
    expect(act.freezeChoices()).toBe(true);
    expect(store.getState().learnedRequest?.kind).toBe('freeze');
    const undo = {
      config: CHOOSING,
      state: trainer().events as never,
      testLossBefore: 1,
      testLossAfter: 2,
    };
    store.setState({ freezeUndo: undo });
    act.set('learningRate', 0.1);
    expect(store.getState().freezeUndo).toBe(undo);
    act.setNeuronActivation(1, 1, 'tanh');
    expect(store.getState().freezeUndo).toBeNull();
  });
});

describe('freezing in the worker', () => {
  it('gives every mix its palette entry, keeps the weights, reports the loss, and undoes exactly', () => {
    const t = trainer();
    t.build(CHOOSING);
    t.step(40);
    const frozen = t.freeze();
    const palette: readonly string[] = CHOOSING.mixPalette;
    expect(frozen.changed).toBeGreaterThanOrEqual(6);
    frozen.hidden.flat().forEach((id, n) => {
      if (n === 6) expect(['prelu', 'relu', 'leaky_relu', 'linear']).toContain(id);
      else expect(palette).toContain(id);
    });
    expect(Number.isFinite(frozen.testLossBefore) && Number.isFinite(frozen.testLossAfter)).toBe(
      true,
    );
    const after = t.checkpoint();
    expect(after.weights).toEqual(frozen.before.weights);
    expect(after.biases).toEqual(frozen.before.biases);
    expect(after.epoch).toBe(40);
    expect(t.lastFrame().testLoss).toBe(frozen.testLossAfter);
    // Training goes on with the frozen activations.
    t.step(5);
    expect(t.checkpoint().epoch).toBe(45);
    // Undo: the configuration and state from before give back the unfrozen network exactly.
    const again = trainer();
    again.build(CHOOSING);
    again.restore(frozen.before);
    const original = trainer();
    original.build(CHOOSING);
    original.step(40);
    expect(again.checkpoint()).toEqual(original.checkpoint());
    expect(
      freezeNoticeText({
        ...frozen,
        changed: 7,
        testLossBefore: 0.0812,
        testLossAfter: 0.0941,
        hidden: [['tanh'], ['swish']],
      }),
    ).toBe(
      'Froze 7 neurons: test loss 0.0812 → 0.0941. 1 PReLU or Swish neuron keeps learning its parameter.',
    );
  });
});

describe('the network file of learned activations', () => {
  it('carries their values and optimizer state, and reopens to the same training', () => {
    const t = trainer();
    t.build(CHOOSING);
    t.step(12);
    const state = t.checkpoint();
    const history = { epochs: [], trainLoss: [], testLoss: [] };
    const text = writeNetworkFile(makeNetworkFile(CHOOSING, state, null, history));
    const read = readNetworkFile(text);
    if (!read.ok) throw new Error(read.message);
    expect(read.file.config).toEqual(CHOOSING);
    expect(read.file.state.activationParams).toEqual(state.activationParams);
    expect(state.activationParams?.moment2.some((v) => v > 0)).toBe(true);
    const reopened = trainer();
    reopened.build(read.file.config);
    reopened.restore(read.file.state);
    reopened.step(3);
    t.step(3);
    expect(reopened.checkpoint()).toEqual(t.checkpoint());
  });

  it('still opens a file saved before learned activations, with the default palette', () => {
    const t = trainer();
    t.build(DEFAULT_CONFIG);
    const state = t.checkpoint();
    const history = { epochs: [], trainLoss: [], testLoss: [] };
    const file = JSON.parse(
      writeNetworkFile(makeNetworkFile(DEFAULT_CONFIG, state, null, history)),
    );
    delete file.config.mixPalette;
    delete file.state.activationParams;
    const read = readNetworkFile(JSON.stringify(file));
    expect(read.ok && read.file.config.mixPalette).toEqual(DEFAULT_CONFIG.mixPalette);
  });
});

describe('the link of learned activations', () => {
  it('records them and the palette, never the learned values', () => {
    const config = { ...CHOOSING, mixPalette: ['sin', 'tanh', 'softsign'] as const };
    const hash = configToHash(config);
    expect(hash).toContain('&net=mixture,mixture,mixture,mixture;mixture,mixture,prelu&');
    expect(hash).toContain('&mix=sin,tanh,softsign&');
    expect(configFromHash(hash)).toEqual({ config, ignored: [] });
  });

  it('trained the same epochs from the same link gives the same numbers', () => {
    const link = configToHash(CHOOSING);
    const runs = [0, 1].map(() => {
      const t = trainer();
      t.build(configFromHash(link).config);
      t.step(25);
      return t.checkpoint();
    });
    expect(runs[1]).toEqual(runs[0]);
    expect(runs[0]?.activationParams?.values.some((v) => v !== 0 && v !== 0.25)).toBe(true);
  });

  it('falls back to the default palette with a notice for a malformed one', () => {
    for (const [mix, why] of [
      ['relu', 'has fewer than 2 activations'],
      ['relu,swoosh', 'holds an entry that is not a fixed activation'],
      ['relu,relu', 'names an activation twice'],
      ['relu,mixture', 'holds an entry that is not a fixed activation'],
    ] as const) {
      const { config, ignored } = configFromHash(`#net=mixture,tanh&mix=${mix}`);
      expect(config.mixPalette).toEqual(DEFAULT_CONFIG.mixPalette);
      expect(config.hidden).toEqual([['mixture', 'tanh']]);
      expect(ignored).toEqual([
        `mix: "${mix}" ${why} — used relu,tanh,sin,gaussian,sigmoid,linear`,
      ]);
    }
  });
});
