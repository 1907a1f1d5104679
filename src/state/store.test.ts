import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, SPEEDS, configProblems, rowOf, speedLabel } from '../config';
import {
  fromEngineNeuron,
  neuronExists,
  neuronLabel,
  toConfigIndex,
  toEngineNeuron,
} from './neurons';
import { EMPTY_READOUTS, createPlaygroundStore } from './store';

describe('createPlaygroundStore', () => {
  it('starts paused on the default config with nothing selected and no notices', () => {
    const state = createPlaygroundStore().getState();
    expect(state.config).toEqual(DEFAULT_CONFIG);
    expect(state.running).toBe(false);
    expect(state.selection).toEqual([]);
    expect(state.hovered).toBeNull();
    expect(state.notices).toEqual([]);
    expect(state.divergence).toBeNull();
    expect(state.readouts).toEqual(EMPTY_READOUTS);
    expect(state.config.logScale).toBe(false);
    expect(state.config.speed).toBe(30);
  });

  it('gives every call a store of its own', () => {
    const a = createPlaygroundStore();
    const b = createPlaygroundStore();
    a.setState({ running: true });
    expect(b.getState().running).toBe(false);
  });

  it('takes initial values over the defaults', () => {
    const config = {
      ...DEFAULT_CONFIG,
      dataset: 'xor' as const,
      hidden: [['relu' as const]],
      speed: 10,
      logScale: true,
    };
    const store = createPlaygroundStore({ config, running: true });
    expect(store.getState().config).toEqual(config);
    expect(store.getState().running).toBe(true);
  });

  it('refuses to start from an invalid config', () => {
    const bad = { ...DEFAULT_CONFIG, learningRate: -1 };
    expect(() => createPlaygroundStore({ config: bad })).toThrow(/learningRate/);
    const noFeatures = { ...DEFAULT_CONFIG, features: [] };
    expect(() => createPlaygroundStore({ config: noFeatures })).toThrow(/features/);
  });

  it('refuses to start from an invalid speed or log scale', () => {
    expect(() => createPlaygroundStore({ config: { ...DEFAULT_CONFIG, speed: 0 } })).toThrow(
      /speed/,
    );
    const log = { ...DEFAULT_CONFIG, logScale: 1 as unknown as boolean };
    expect(() => createPlaygroundStore({ config: log })).toThrow(/logScale/);
  });

  it('drops an initial selection of neurons the network does not have', () => {
    const store = createPlaygroundStore({
      selection: [
        { layer: 1, neuron: 4 },
        { layer: 1, neuron: 5 },
        { layer: 3, neuron: 1 },
      ],
    });
    expect(store.getState().selection).toEqual([{ layer: 1, neuron: 4 }]);
  });

  it('drops an initial hovered neuron the network does not have, but keeps the output', () => {
    expect(createPlaygroundStore({ hovered: { layer: 9, neuron: 1 } }).getState().hovered).toBe(
      null,
    );
    expect(createPlaygroundStore({ hovered: 'output' }).getState().hovered).toBe('output');
  });
});

describe('configProblems', () => {
  it('finds nothing wrong with the default config', () => {
    expect(configProblems(DEFAULT_CONFIG)).toEqual([]);
  });

  it('names each broken field', () => {
    expect(configProblems({ ...DEFAULT_CONFIG, noise: 51 })[0]).toMatch(/noise/);
    expect(configProblems({ ...DEFAULT_CONFIG, seed: 1.5 })[0]).toMatch(/seed/);
    expect(configProblems({ ...DEFAULT_CONFIG, batchSize: 0 })[0]).toMatch(/batchSize/);
    expect(configProblems({ ...DEFAULT_CONFIG, features: ['x2', 'x1'] })[0]).toMatch(/order/);
    expect(configProblems({ ...DEFAULT_CONFIG, hidden: [[]] })[0]).toMatch(/hidden layer 1/);
    expect(configProblems({ ...DEFAULT_CONFIG, learningRate: 5e-324 })[0]).toMatch(/learningRate/);
  });

  it('lists every broken field, and never throws on garbage', () => {
    const broken = { ...DEFAULT_CONFIG, noise: -1, loss: 'hinge', speed: 0 };
    expect(configProblems(broken)).toHaveLength(3);
    for (const garbage of [null, undefined, 42, 'config', [], { hidden: 'x' }]) {
      expect(() => configProblems(garbage)).not.toThrow();
      expect(configProblems(garbage).length).toBeGreaterThan(0);
    }
  });
});

describe('neuron numbering', () => {
  it('converts the page numbering to the engine numbering and back', () => {
    const ref = { layer: 2, neuron: 3 };
    expect(toEngineNeuron(ref)).toEqual({ layer: 2, neuron: 2 });
    expect(fromEngineNeuron(toEngineNeuron(ref))).toEqual(ref);
  });

  it('converts the page numbering to config indices', () => {
    expect(toConfigIndex({ layer: 1, neuron: 1 })).toEqual({ l: 0, j: 0 });
  });

  it('names a neuron as the page says it', () => {
    expect(neuronLabel({ layer: 1, neuron: 3 })).toBe('Layer 1 neuron 3');
  });

  it('knows which neurons exist, counting from 1', () => {
    const hidden = DEFAULT_CONFIG.hidden;
    expect(neuronExists(hidden, { layer: 1, neuron: 1 })).toBe(true);
    expect(neuronExists(hidden, { layer: 1, neuron: 4 })).toBe(true);
    expect(neuronExists(hidden, { layer: 1, neuron: 0 })).toBe(false);
    expect(neuronExists(hidden, { layer: 0, neuron: 1 })).toBe(false);
    expect(neuronExists(hidden, { layer: 2, neuron: 3 })).toBe(false);
    expect(neuronExists(hidden, { layer: 1.5, neuron: 1 })).toBe(false);
  });
});

describe('speeds', () => {
  it('offers speeds from slow to unlimited, each with a label', () => {
    expect(SPEEDS[SPEEDS.length - 1]).toBeNull();
    expect(SPEEDS.every((speed) => speed === null || speed > 0)).toBe(true);
    expect(SPEEDS.map(speedLabel)).toEqual([
      '1 epoch/s',
      '3 epochs/s',
      '10 epochs/s',
      '30 epochs/s',
      '100 epochs/s',
      '300 epochs/s',
      '1000 epochs/s',
      'Max',
    ]);
  });

  it('accepts only the offered speeds, Max as null', () => {
    const valid = (speed: unknown) => configProblems({ ...DEFAULT_CONFIG, speed }).length === 0;
    expect(SPEEDS.every(valid)).toBe(true);
    for (const speed of [0, -3, Infinity, NaN, 0.5, 7, 'max', undefined]) {
      expect(valid(speed)).toBe(false);
    }
  });

  it('offers the speeds in the speed control, labelled as the page says them', () => {
    const row = rowOf('speed');
    if (row.kind !== 'choice') throw new Error('speed is not a choice row');
    expect(row.choices.map((c) => c.value)).toEqual(SPEEDS);
    expect(row.choices.map((c) => c.label)).toEqual(SPEEDS.map(speedLabel));
  });
});
