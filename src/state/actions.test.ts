import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CONFIG,
  SETTING_KEYS,
  configProblems,
  rowOf,
  type PlaygroundConfig,
  type SettingRow,
} from '../config';
import { FEATURE_IDS } from '../data';
import { ACTIVATION_IDS, FIXED_ACTIVATION_IDS, LIMITS, type ActivationId } from '../nn';
import { actions } from './actions';
import { nextSeed } from './edits';
import { MAX_NOTICES, createPlaygroundStore, type PlaygroundState } from './store';

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
    expect(act.setNeuronActivation(1, 1, 'swoosh' as ActivationId)).toBe(false);
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
    act.set('defaultActivation', 'gelu');
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
    act.set('noise', 10);
    const before = config();
    expect(act.set('noise', 10)).toBe(true);
    expect(act.set('optimizer', 'sgd')).toBe(true);
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
    expect(act.set('dataset', 'spiral3')).toBe(true);
    expect(config().hidden).toBe(hidden);
    expect(act.set('dataset', 'reg-plane')).toBe(true);
    expect(config().hidden).toBe(hidden);
    expect(act.set('dataset', 'nope')).toBe(false);
    expect(config().dataset).toBe('reg-plane');
  });

  it('clamps noise and training share and refuses NaN', () => {
    const { act, config } = setup();
    act.set('noise', 80);
    expect(config().noise).toBe(50);
    act.set('noise', -5);
    expect(config().noise).toBe(0);
    expect(act.set('noise', NaN)).toBe(false);
    act.set('trainPercent', 5);
    expect(config().trainPercent).toBe(10);
    act.set('trainPercent', 95);
    expect(config().trainPercent).toBe(90);
    expect(act.set('trainPercent', Number('x'))).toBe(false);
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

  it('takes only 32-bit unsigned seeds, rounding a fraction', () => {
    const { act, config } = setup();
    expect(act.set('seed', 42)).toBe(true);
    expect(config().seed).toBe(42);
    expect(act.set('seed', -1)).toBe(false);
    expect(act.set('seed', 2 ** 32)).toBe(false);
    expect(act.set('seed', 2 ** 32 - 0.6)).toBe(true);
    expect(config().seed).toBe(2 ** 32 - 1);
    expect(act.set('seed', 2 ** 32 - 0.4)).toBe(false);
    expect(act.set('seed', 1.5)).toBe(true);
    expect(config().seed).toBe(2);
  });
});

describe('training settings', () => {
  it('takes any learning rate from a millionth to 10, clamping the rest', () => {
    const { act, config } = setup();
    expect(act.set('learningRate', 0.005)).toBe(true);
    expect(config().learningRate).toBe(0.005);
    act.set('learningRate', 1000);
    expect(config().learningRate).toBe(10);
    // 5e-324 was once accepted, and training then did nothing.
    for (const tiny of [5e-324, 0, -1]) {
      act.set('learningRate', 0.1);
      expect(act.set('learningRate', tiny)).toBe(true);
      expect(config().learningRate).toBe(0.000001);
    }
    expect(act.set('learningRate', NaN)).toBe(false);
    expect(config().learningRate).toBe(0.000001);
  });

  it('rounds and clamps the batch size', () => {
    const { act, config } = setup();
    act.set('batchSize', 7.4);
    expect(config().batchSize).toBe(7);
    act.set('batchSize', 100);
    expect(config().batchSize).toBe(30);
    act.set('batchSize', 0);
    expect(config().batchSize).toBe(1);
  });

  it('clamps the regularisation rate and refuses unknown choices', () => {
    const { act, config } = setup();
    expect(act.set('regularization', 'l2')).toBe(true);
    act.set('regularizationRate', 50);
    expect(config().regularizationRate).toBe(10);
    act.set('regularizationRate', -1);
    expect(config().regularizationRate).toBe(0);
    expect(act.set('regularization', 'l3')).toBe(false);
    expect(act.set('optimizer', 'rmsprop')).toBe(false);
    expect(act.set('init', 'zeros')).toBe(false);
    expect(act.set('loss', 'hinge')).toBe(false);
    expect(act.set('defaultActivation', 'swoosh')).toBe(false);
    expect(config().regularization).toBe('l2');
  });

  it('sets the optimizer, init, loss, default activation and display flags', () => {
    const { act, config } = setup();
    act.set('optimizer', 'adam');
    act.set('init', 'he');
    act.set('loss', 'bce');
    act.set('defaultActivation', 'selu');
    act.set('showTestData', true);
    act.set('discretize', true);
    expect(config()).toMatchObject({
      optimizer: 'adam',
      init: 'he',
      loss: 'bce',
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
    expect(ignored).toEqual([
      'lr: "abc" is not a number (a number from 0.000001 to 10) — used 0.03',
    ]);
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
    act.set('learningRate', 0.01);
    act.set('speed', 100);
    act.set('logScale', true);
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

  it('takes the listed speeds or Max (null) and refuses the rest', () => {
    const { act, config } = setup();
    expect(act.set('speed', 10)).toBe(true);
    expect(config().speed).toBe(10);
    expect(act.set('speed', null)).toBe(true);
    expect(config().speed).toBeNull();
    expect(act.set('speed', 0)).toBe(false);
    expect(act.set('speed', -1)).toBe(false);
    expect(act.set('speed', 0.5)).toBe(false);
    expect(act.set('speed', 'max')).toBe(false);
    expect(config().speed).toBeNull();
  });

  it('switches the log scale on and off, and clears a divergence', () => {
    const { store, act, config } = setup({}, { divergence: { epoch: 3, hint: 'x' } });
    expect(act.set('logScale', true)).toBe(true);
    expect(config().logScale).toBe(true);
    expect(act.set('logScale', false)).toBe(true);
    expect(config().logScale).toBe(false);
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

  it('replaces a notice in place, keeping its id and position, and says when it is gone', () => {
    const { act, store } = setup();
    const a = act.pushNotice('warning', 'restarted at epoch 70');
    const b = act.pushNotice('info', 'other');
    expect(act.replaceNotice(a, 'error', 'could not be restarted')).toBe(true);
    expect(store.getState().notices).toEqual([
      { id: a, kind: 'error', text: 'could not be restarted' },
      { id: b, kind: 'info', text: 'other' },
    ]);
    const before = store.getState().notices;
    expect(act.replaceNotice(a, 'error', 'could not be restarted')).toBe(true);
    expect(store.getState().notices).toBe(before);
    act.dismissNotice(a);
    expect(act.replaceNotice(a, 'warning', 'again')).toBe(false);
    expect(store.getState().notices).toEqual([{ id: b, kind: 'info', text: 'other' }]);
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

/** Valid values of a row: its ends and a value between, every choice, both flags, samples. */
function validValues(row: SettingRow): unknown[] {
  const { maxHiddenLayers, maxNeurons } = LIMITS;
  switch (row.kind) {
    case 'number': {
      const between = row.min + (row.max - row.min) * 0.37;
      return [row.min, row.max, row.integer ? Math.round(between) : between];
    }
    case 'choice':
      return row.choices.map((c) => c.value);
    case 'flag':
      return [true, false];
    case 'features':
      return [[...FEATURE_IDS], [FEATURE_IDS[FEATURE_IDS.length - 1]]];
    case 'network':
      return [
        [],
        [Array.from({ length: maxNeurons }, (_, j) => ACTIVATION_IDS[j % ACTIVATION_IDS.length])],
        Array.from({ length: maxHiddenLayers }, () => ['sin']),
      ];
    case 'palette':
      return [['sin', 'tanh'], [...FIXED_ACTIVATION_IDS]];
  }
}

/** Values of the wrong type or shape for a row, which `set` must refuse. */
function wrongValues(row: SettingRow): unknown[] {
  const { maxHiddenLayers, maxNeurons } = LIMITS;
  const always = [undefined, {}, Symbol('x')];
  switch (row.kind) {
    case 'number':
      return [...always, null, String(row.default), true, [row.default], NaN];
    case 'choice':
      return [...always, 'no-such-choice', true, 42.5, row.choices.map((c) => c.value)];
    case 'flag':
      return [...always, null, 1, 0, 'true', 'on'];
    case 'features':
      return [
        ...always,
        null,
        [],
        'x1',
        ['x9'],
        [...FEATURE_IDS].reverse(),
        [FEATURE_IDS[0], FEATURE_IDS[0]],
      ];
    case 'network':
      return [
        ...always,
        null,
        'tanh',
        [[]],
        [['swoosh']],
        ['tanh'],
        [Array.from({ length: maxNeurons + 1 }, () => 'tanh')],
        Array.from({ length: maxHiddenLayers + 1 }, () => ['tanh']),
      ];
    case 'palette':
      return [
        ...always,
        null,
        'tanh',
        ['tanh'],
        ['tanh', 'tanh'],
        ['tanh', 'prelu'],
        ['swoosh', 'sin'],
      ];
  }
}

const ROWS = SETTING_KEYS.map((key) => [key, rowOf(key)] as const);
const NUMBER_ROWS = ROWS.flatMap(([key, row]) =>
  row.kind === 'number' ? [[key, row] as const] : [],
);

describe('set, for every setting of the table', () => {
  it.each(ROWS)('sets %s to each valid value', (key, row) => {
    const { act, config } = setup();
    for (const value of validValues(row)) {
      expect(act.set(key, value)).toBe(true);
      expect(config()[key]).toEqual(value);
      expect(configProblems(config())).toEqual([]);
    }
  });

  it.each(ROWS)('refuses values of the wrong type or shape for %s', (key, row) => {
    const { store, act, config } = setup();
    const before = config();
    for (const value of wrongValues(row)) {
      expect(act.set(key, value), String(value)).toBe(false);
    }
    expect(config()).toBe(before);
    expect(store.getState().notices).toEqual([]);
  });

  it.each(ROWS)('keeps the config object when %s is set to the value it has', (key) => {
    const { act, config } = setup();
    const before = config();
    expect(act.set(key, before[key])).toBe(true);
    expect(config()).toBe(before);
  });

  it.each(NUMBER_ROWS)('clamps %s into its bounds, or refuses outside them', (key, row) => {
    const { act, config } = setup();
    const outside = [
      [row.max + 1, row.max],
      [row.min - 1, row.min],
      [row.max * 1000 + 1, row.max],
      [Infinity, row.max],
      [-Infinity, row.min],
    ] as const;
    for (const [value, clamped] of outside) {
      const before = config();
      if (row.outOfRange === 'clamp') {
        expect(act.set(key, value)).toBe(true);
        expect(config()[key]).toBe(clamped);
      } else {
        expect(act.set(key, value)).toBe(false);
        expect(config()).toBe(before);
      }
    }
  });

  it.each(NUMBER_ROWS)('refuses NaN for %s', (key) => {
    const { act, config } = setup();
    const before = config();
    expect(act.set(key, NaN)).toBe(false);
    expect(config()).toBe(before);
  });

  it.each(NUMBER_ROWS.filter(([, row]) => row.integer))(
    'rounds %s to a whole number',
    (key, row) => {
      const { act, config } = setup();
      expect(act.set(key, row.min + 0.4)).toBe(true);
      expect(config()[key]).toBe(row.min);
      expect(act.set(key, row.max - 0.4)).toBe(true);
      expect(config()[key]).toBe(row.max);
      expect(act.set(key, row.min + 1.6)).toBe(true);
      expect(config()[key]).toBe(row.min + 2);
    },
  );
});

describe('own data actions', () => {
  it('add drawn points of the task, remove the nearest, and fall back when the task changes', () => {
    const store = createPlaygroundStore();
    const act = actions(store);
    act.set('dataset', 'xor');
    act.setDrawing({ active: true, label: 0 });
    expect(act.addOwnPoint(1, 1)).toBe(true);
    expect(store.getState().ownData).toEqual([{ x: 1, y: 1, label: -1 }]);
    act.setDrawing({ label: 1 });
    act.addOwnPoint(-2, -2);
    expect(act.removeOwnPointNear(3, 3)).toBe(false);
    expect(act.removeOwnPointNear(-2.2, -2.1)).toBe(true);
    expect(store.getState().ownData).toEqual([{ x: 1, y: 1, label: -1 }]);
    expect(act.addOwnPoint(7, 0)).toBe(false);
    act.set('dataset', 'circle');
    expect(store.getState().ownData).toHaveLength(1);
    act.set('dataset', 'spiral3');
    expect(store.getState().ownData).toBeNull();
    expect(act.setOwnData([{ x: 0, y: 0, label: 3 }], 'blobs4')).toBe(true);
    expect(store.getState().config.dataset).toBe('blobs4');
    expect(act.setOwnData([{ x: 0, y: 0, label: 9 }], 'blobs4')).toBe(false);
  });
});
