import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type PlaygroundConfig } from '../config';
import type { ActivationId } from '../nn';
import { actions } from './actions';
import { nextSeed } from './edits';
import { MAX_NOTICES, createPlaygroundStore, type PlaygroundState } from './store';
import { configProblems } from './validate';

function setup(config: Partial<PlaygroundConfig> = {}, state: Partial<PlaygroundState> = {}) {
  const store = createPlaygroundStore({ ...state, config: { ...DEFAULT_CONFIG, ...config } });
  return { store, act: actions(store), config: () => store.getState().config };
}

describe('activations', () => {
  it('sets one neuron, counting layers and neurons from 1', () => {
    const { act, config } = setup();
    expect(act.setNeuronActivation(1, 2, 'elu')).toBe(true);
    expect(config().hidden).toEqual([
      ['tanh', 'elu', 'sin', 'gaussian'],
      ['tanh', 'tanh'],
    ]);
  });

  it('refuses a neuron that does not exist or an unknown activation', () => {
    const { act, config } = setup();
    const before = config();
    expect(act.setNeuronActivation(1, 5, 'elu')).toBe(false);
    expect(act.setNeuronActivation(0, 1, 'elu')).toBe(false);
    expect(act.setNeuronActivation(3, 1, 'elu')).toBe(false);
    expect(act.setNeuronActivation(1, 1, 'swish' as ActivationId)).toBe(false);
    expect(config()).toBe(before);
  });

  it('sets a whole layer and leaves the other layers alone', () => {
    const { act, config } = setup();
    expect(act.setLayerActivation(1, 'relu')).toBe(true);
    expect(config().hidden).toEqual([
      ['relu', 'relu', 'relu', 'relu'],
      ['tanh', 'tanh'],
    ]);
    expect(act.setLayerActivation(3, 'relu')).toBe(false);
  });

  it('sets every selected neuron at once', () => {
    const { act, config } = setup();
    act.toggleSelected(1, 1, false);
    act.toggleSelected(1, 3, true);
    act.toggleSelected(2, 2, true);
    expect(act.setSelectionActivation('square')).toBe(true);
    expect(config().hidden).toEqual([
      ['square', 'relu', 'square', 'gaussian'],
      ['tanh', 'square'],
    ]);
  });

  it('refuses to set the selection when nothing is selected', () => {
    const { act, config } = setup();
    const before = config();
    expect(act.setSelectionActivation('square')).toBe(false);
    expect(config()).toBe(before);
  });

  it('applies the default activation to every neuron', () => {
    const { act, config } = setup();
    act.setDefaultActivation('gelu');
    expect(act.applyDefaultToAll()).toBe(true);
    expect(
      config()
        .hidden.flat()
        .every((id) => id === 'gelu'),
    ).toBe(true);
    expect(config().hidden.map((layer) => layer.length)).toEqual([4, 2]);
  });

  it('keeps the config object when a neuron is set to what it already is', () => {
    const { act, config } = setup();
    const before = config();
    expect(act.setNeuronActivation(1, 2, 'relu')).toBe(true);
    expect(act.setLayerActivation(2, 'tanh')).toBe(true);
    expect(config()).toBe(before);
  });

  it('keeps the config object when a field is set to the value it already has', () => {
    const { act, config } = setup();
    act.setNoise(10);
    const before = config();
    expect(act.setNoise(10)).toBe(true);
    expect(act.setOptimizer('sgd')).toBe(true);
    expect(config()).toBe(before);
  });
});

describe('selection', () => {
  it('selects one neuron on a plain click and deselects it on a second', () => {
    const { store, act } = setup();
    act.toggleSelected(1, 2, false);
    expect(store.getState().selection).toEqual([{ layer: 1, neuron: 2 }]);
    act.toggleSelected(1, 3, false);
    expect(store.getState().selection).toEqual([{ layer: 1, neuron: 3 }]);
    act.toggleSelected(1, 3, false);
    expect(store.getState().selection).toEqual([]);
  });

  it('adds and removes neurons on additive clicks', () => {
    const { store, act } = setup();
    act.toggleSelected(1, 1, true);
    act.toggleSelected(2, 1, true);
    expect(store.getState().selection).toEqual([
      { layer: 1, neuron: 1 },
      { layer: 2, neuron: 1 },
    ]);
    act.toggleSelected(1, 1, true);
    expect(store.getState().selection).toEqual([{ layer: 2, neuron: 1 }]);
    act.clearSelection();
    expect(store.getState().selection).toEqual([]);
  });

  it('refuses to select a neuron that does not exist', () => {
    const { store, act } = setup();
    expect(act.toggleSelected(2, 3, false)).toBe(false);
    expect(store.getState().selection).toEqual([]);
  });

  it('forgets selected and hovered neurons that a shape change removed', () => {
    const { store, act } = setup();
    act.toggleSelected(1, 4, true);
    act.toggleSelected(1, 1, true);
    act.toggleSelected(2, 2, true);
    act.setHovered({ layer: 2, neuron: 1 });
    act.removeNeuron(1);
    expect(store.getState().selection).toEqual([
      { layer: 1, neuron: 1 },
      { layer: 2, neuron: 2 },
    ]);
    act.removeLayer();
    expect(store.getState().selection).toEqual([{ layer: 1, neuron: 1 }]);
    expect(store.getState().hovered).toBeNull();
  });

  it('keeps the output hovered through shape changes', () => {
    const { store, act } = setup();
    expect(act.setHovered('output')).toBe(true);
    act.removeLayer();
    expect(store.getState().hovered).toBe('output');
    expect(act.setHovered({ layer: 5, neuron: 1 })).toBe(false);
  });
});

describe('layers and neurons', () => {
  it('appends a layer of two neurons of the default activation', () => {
    const { act, config } = setup({ defaultActivation: 'sin' });
    expect(act.addLayer()).toBe(true);
    expect(config().hidden).toEqual([
      ['tanh', 'relu', 'sin', 'gaussian'],
      ['tanh', 'tanh'],
      ['sin', 'sin'],
    ]);
  });

  it('stops adding layers at 8', () => {
    const { act, config } = setup({ hidden: [] });
    for (let i = 0; i < 8; i++) expect(act.addLayer()).toBe(true);
    expect(act.addLayer()).toBe(false);
    expect(config().hidden).toHaveLength(8);
  });

  it('removes the last layer, down to no hidden layers at all', () => {
    const { act, config } = setup();
    expect(act.removeLayer()).toBe(true);
    expect(config().hidden).toEqual([['tanh', 'relu', 'sin', 'gaussian']]);
    expect(act.removeLayer()).toBe(true);
    expect(config().hidden).toEqual([]);
    expect(act.removeLayer()).toBe(false);
    expect(configProblems(config())).toEqual([]);
  });

  it('keeps every per-neuron choice when neurons are added and removed', () => {
    const { act, config } = setup({ defaultActivation: 'cos' });
    act.setNeuronActivation(2, 2, 'mish');
    expect(act.addNeuron(1)).toBe(true);
    expect(config().hidden[0]).toEqual(['tanh', 'relu', 'sin', 'gaussian', 'cos']);
    expect(act.removeNeuron(1)).toBe(true);
    expect(act.removeNeuron(1)).toBe(true);
    expect(config().hidden).toEqual([
      ['tanh', 'relu', 'sin'],
      ['tanh', 'mish'],
    ]);
    expect(act.addNeuron(1)).toBe(true);
    expect(config().hidden[0]).toEqual(['tanh', 'relu', 'sin', 'cos']);
  });

  it('keeps the other layers when a layer is added and removed', () => {
    const { act, config } = setup();
    act.setNeuronActivation(2, 1, 'softsign');
    act.addLayer();
    act.removeLayer();
    expect(config().hidden).toEqual([
      ['tanh', 'relu', 'sin', 'gaussian'],
      ['softsign', 'tanh'],
    ]);
  });

  it('keeps a layer between 1 and 16 neurons', () => {
    const { act, config } = setup({ hidden: [['tanh']] });
    expect(act.removeNeuron(1)).toBe(false);
    for (let i = 0; i < 15; i++) expect(act.addNeuron(1)).toBe(true);
    expect(act.addNeuron(1)).toBe(false);
    expect(config().hidden[0]).toHaveLength(16);
  });

  it('refuses to grow or shrink a layer that does not exist', () => {
    const { act } = setup();
    expect(act.addNeuron(3)).toBe(false);
    expect(act.addNeuron(0)).toBe(false);
    expect(act.removeNeuron(1.5)).toBe(false);
  });
});

describe('features and data', () => {
  it('switches features on and off, kept in display order', () => {
    const { act, config } = setup();
    expect(act.toggleFeature('sinx1')).toBe(true);
    expect(act.toggleFeature('x1sq')).toBe(true);
    expect(config().features).toEqual(['x1', 'x2', 'x1sq', 'sinx1']);
    expect(act.toggleFeature('x1')).toBe(true);
    expect(config().features).toEqual(['x2', 'x1sq', 'sinx1']);
  });

  it('never switches off the last feature', () => {
    const { act, config } = setup({ features: ['x2'] });
    expect(act.toggleFeature('x2')).toBe(false);
    expect(config().features).toEqual(['x2']);
  });

  it('keeps the hidden layers when the dataset changes to another kind of task', () => {
    const { act, config } = setup();
    const hidden = config().hidden;
    expect(act.setDataset('spiral3')).toBe(true);
    expect(config().hidden).toBe(hidden);
    expect(act.setDataset('reg-plane')).toBe(true);
    expect(config().hidden).toBe(hidden);
    expect(act.setDataset('nope' as 'xor')).toBe(false);
    expect(config().dataset).toBe('reg-plane');
  });

  it('clamps noise and training share and refuses NaN', () => {
    const { act, config } = setup();
    act.setNoise(80);
    expect(config().noise).toBe(50);
    act.setNoise(-5);
    expect(config().noise).toBe(0);
    expect(act.setNoise(NaN)).toBe(false);
    act.setTrainPercent(5);
    expect(config().trainPercent).toBe(10);
    act.setTrainPercent(95);
    expect(config().trainPercent).toBe(90);
    expect(act.setTrainPercent(Number('x'))).toBe(false);
  });

  it('moves to a new seed on regenerate, the same sequence every time', () => {
    const a = setup();
    const b = setup();
    a.act.regenerate();
    b.act.regenerate();
    const first = a.config().seed;
    expect(first).not.toBe(DEFAULT_CONFIG.seed);
    expect(b.config().seed).toBe(first);
    a.act.regenerate();
    expect(a.config().seed).not.toBe(first);
    expect(a.config().seed).toBe(nextSeed(first));
    expect(configProblems(a.config())).toEqual([]);
  });

  it('never returns the same seed from nextSeed, even at the ends of the range', () => {
    for (const seed of [0, 1, 2, 12345, 0xffffffff]) {
      const next = nextSeed(seed);
      expect(next).not.toBe(seed);
      expect(Number.isInteger(next) && next >= 0 && next <= 0xffffffff).toBe(true);
    }
  });

  it('takes only 32-bit unsigned seeds', () => {
    const { act, config } = setup();
    expect(act.setSeed(42)).toBe(true);
    expect(config().seed).toBe(42);
    expect(act.setSeed(-1)).toBe(false);
    expect(act.setSeed(2 ** 32)).toBe(false);
    expect(act.setSeed(1.5)).toBe(false);
  });
});

describe('training settings', () => {
  it('takes any positive learning rate, clamped to 10, and refuses zero', () => {
    const { act, config } = setup();
    expect(act.setLearningRate(0.005)).toBe(true);
    expect(config().learningRate).toBe(0.005);
    act.setLearningRate(1000);
    expect(config().learningRate).toBe(10);
    expect(act.setLearningRate(0)).toBe(false);
    expect(act.setLearningRate(-1)).toBe(false);
    expect(act.setLearningRate(NaN)).toBe(false);
    expect(config().learningRate).toBe(10);
  });

  it('rounds and clamps the batch size', () => {
    const { act, config } = setup();
    act.setBatchSize(7.4);
    expect(config().batchSize).toBe(7);
    act.setBatchSize(100);
    expect(config().batchSize).toBe(30);
    act.setBatchSize(0);
    expect(config().batchSize).toBe(1);
  });

  it('clamps the regularisation rate and refuses unknown choices', () => {
    const { act, config } = setup();
    expect(act.setRegularization('l2')).toBe(true);
    act.setRegularizationRate(50);
    expect(config().regularizationRate).toBe(10);
    act.setRegularizationRate(-1);
    expect(config().regularizationRate).toBe(0);
    expect(act.setRegularization('l3' as 'l1')).toBe(false);
    expect(act.setOptimizer('rmsprop' as 'adam')).toBe(false);
    expect(act.setInit('zeros' as 'he')).toBe(false);
    expect(act.setDefaultActivation('swish' as 'tanh')).toBe(false);
    expect(config().regularization).toBe('l2');
  });

  it('sets the optimizer, init, default activation and display flags', () => {
    const { act, config } = setup();
    act.setOptimizer('adam');
    act.setInit('he');
    act.setDefaultActivation('selu');
    act.setShowTestData(true);
    act.setDiscretize(true);
    expect(config()).toMatchObject({
      optimizer: 'adam',
      init: 'he',
      defaultActivation: 'selu',
      showTestData: true,
      discretize: true,
    });
  });

  it('loads only a valid whole config', () => {
    const { act, config } = setup();
    expect(act.loadConfig({ ...DEFAULT_CONFIG, batchSize: 99 })).toBe(false);
    expect(config()).toEqual(DEFAULT_CONFIG);
    expect(act.loadConfig({ ...DEFAULT_CONFIG, batchSize: 5 })).toBe(true);
    expect(config().batchSize).toBe(5);
  });

  it('loads a link and tells what of it was ignored in one warning', () => {
    const { store, act, config } = setup();
    const ignored = act.loadFromHash('#dataset=xor&lr=abc');
    expect(config().dataset).toBe('xor');
    expect(ignored).toEqual(['lr: "abc" is not a number — used 0.03']);
    const notices = store.getState().notices;
    expect(notices).toHaveLength(1);
    expect(notices[0]?.kind).toBe('warning');
    expect(notices[0]?.text).toContain('lr: "abc" is not a number');
  });

  it('loads a clean link without a notice', () => {
    const { store, act } = setup();
    expect(act.loadFromHash('#dataset=moons')).toEqual([]);
    expect(store.getState().notices).toEqual([]);
  });
});

describe('run state and view', () => {
  it('drops a divergence when the network is rebuilt, not when it is only patched', () => {
    const { store, act } = setup({}, { divergence: { epoch: 3, hint: 'too fast' } });
    act.setLearningRate(0.01);
    expect(store.getState().divergence).not.toBeNull();
    act.regenerate();
    expect(store.getState().divergence).toBeNull();
  });

  it('plays and pauses; playing clears an earlier divergence', () => {
    const { store, act } = setup({}, { divergence: { epoch: 3, hint: 'too fast' } });
    act.setRunning(false);
    expect(store.getState().divergence).not.toBeNull();
    act.setRunning(true);
    expect(store.getState()).toMatchObject({ running: true, divergence: null });
  });

  it('takes positive speeds or null and refuses the rest', () => {
    const { store, act } = setup();
    expect(act.setSpeed(30)).toBe(true);
    expect(store.getState().speed).toBe(30);
    expect(act.setSpeed(null)).toBe(true);
    expect(store.getState().speed).toBeNull();
    expect(act.setSpeed(0)).toBe(false);
    expect(act.setSpeed(-1)).toBe(false);
    expect(store.getState().speed).toBeNull();
  });

  it('toggles the log scale and clears a divergence', () => {
    const { store, act } = setup({}, { divergence: { epoch: 3, hint: 'x' } });
    act.toggleLogScale();
    expect(store.getState().logScale).toBe(true);
    act.clearDivergence();
    expect(store.getState().divergence).toBeNull();
  });
});

describe('notices', () => {
  it('pushes notices with increasing ids and dismisses them by id', () => {
    const { store, act } = setup();
    const a = act.pushNotice('info', 'one');
    const b = act.pushNotice('error', 'two');
    expect(b).toBeGreaterThan(a);
    act.dismissNotice(a);
    expect(store.getState().notices).toEqual([{ id: b, kind: 'error', text: 'two' }]);
  });

  it('shows the same message once', () => {
    const { store, act } = setup();
    const a = act.pushNotice('warning', 'same');
    expect(act.pushNotice('warning', 'same')).toBe(a);
    expect(store.getState().notices).toHaveLength(1);
  });

  it('keeps only the newest notices', () => {
    const { store, act } = setup();
    for (let i = 0; i < MAX_NOTICES + 3; i++) act.pushNotice('info', `n${i}`);
    const texts = store.getState().notices.map((n) => n.text);
    expect(texts).toHaveLength(MAX_NOTICES);
    expect(texts[texts.length - 1]).toBe(`n${MAX_NOTICES + 2}`);
    expect(texts[0]).toBe('n3');
  });

  it('does not reuse the id of a dismissed notice', () => {
    const { act } = setup();
    const a = act.pushNotice('info', 'a');
    act.dismissNotice(a);
    expect(act.pushNotice('info', 'b')).not.toBe(a);
  });
});
