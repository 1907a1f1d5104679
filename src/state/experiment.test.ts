import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG, configToHash } from '../config';
import {
  PRESETS,
  experimentToHash,
  splitExperiment,
  type RunOutcome,
  type WorkerFactory,
  type WorkerHandlers,
} from '../experiment';
import type { RunJob } from '../experiment/plan';
import { createInProcessWorker } from '../experiment/inProcessWorker';
import { actions } from './actions';
import {
  EXPERIMENT_HASH_DELAY_MS,
  ExperimentController,
  RESULTS_INTERVAL_MS,
  estimateMsLeft,
} from './experiment';
import { definitionOf, draftForConfig, draftOf, targetFor } from './experimentDraft';
import { hashWithExperiment } from './experimentLink';
import { HashSync } from './hashSync';
import { createPlaygroundStore } from './store';

/** A location and history that keep the hash as the browser does. */
class FakeAddress {
  hash = '';
  readonly pathname = '/';
  readonly search = '';
  state: unknown = null;
  private readonly listeners = new Set<() => void>();
  replaceState = (_state: unknown, _unused: string, url?: string | URL | null): void => {
    const text = String(url);
    this.hash = text.includes('#') ? text.slice(text.indexOf('#')) : '';
  };
  addEventListener = (_type: 'hashchange', listener: () => void) => this.listeners.add(listener);
  removeEventListener = (_type: 'hashchange', listener: () => void) =>
    this.listeners.delete(listener);
  edit(hash: string): void {
    this.hash = hash;
    for (const listener of this.listeners) listener();
  }
}

/** Workers whose runs the test finishes by hand, one `finish` call per run. */
function manualWorkers() {
  const waiting: { job: RunJob; handlers: WorkerHandlers }[] = [];
  const factory: WorkerFactory = (handlers) => ({
    send: (command) => waiting.push({ job: command.job, handlers }),
    terminate: () => {},
  });
  const outcome = (loss: number): RunOutcome => ({
    epochs: 1,
    testLossCurve: new Float64Array([1, loss]),
    final: { trainLoss: loss, trainAccuracy: 0.5, testLoss: loss, testAccuracy: 0.5 },
    epochsToTarget: null,
    diverged: null,
  });
  const finish = (loss = 0.5) => {
    const next = waiting.shift();
    if (!next) throw new Error('no run is waiting');
    next.handlers.onEvent({ type: 'done', index: next.job.index, outcome: outcome(loss) });
  };
  return { factory, finish, waiting };
}

describe('estimateMsLeft', () => {
  it('goes by the pace of the finished runs', () => {
    expect(estimateMsLeft(1000, 0, 10)).toBeNull();
    expect(estimateMsLeft(1000, 2, 10)).toBe(4000);
    expect(estimateMsLeft(5000, 10, 10)).toBe(0);
  });
});

describe('experiment drafts', () => {
  it.each(PRESETS.map((p) => [p.title, p] as const))(
    'read a definition back unchanged: %s',
    (_title, preset) => {
      const draft = draftOf(preset.definition);
      expect(definitionOf(draft, preset.definition.base)).toEqual(preset.definition);
    },
  );

  it('start with the network as set against all of its default activation', () => {
    const definition = definitionOf(draftForConfig(DEFAULT_CONFIG), DEFAULT_CONFIG);
    expect(definition.variants.map((v) => v.name)).toEqual(['As set', 'All Tanh']);
    expect(definition.base).toEqual(DEFAULT_CONFIG);
  });

  it('measure regression by test loss whatever the draft held', () => {
    const draft = draftForConfig(DEFAULT_CONFIG);
    const regression = { ...DEFAULT_CONFIG, dataset: 'reg-plane' as const };
    expect(targetFor(draft, regression)).toEqual({ metric: 'testLoss', value: 0.01 });
    expect(definitionOf(draft, regression).target.metric).toBe('testLoss');
  });
});

describe('ExperimentController', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs every run, pauses the playground and keeps the results complete', async () => {
    const playground = createPlaygroundStore({ running: true });
    const controller = new ExperimentController({
      playground,
      createWorker: createInProcessWorker,
      workers: 1,
    });
    controller.setDraft({ seeds: { first: 1, count: 2 }, epochs: 3 });
    expect(controller.run()).toBe(true);
    expect(playground.getState().running).toBe(false);
    expect(controller.run()).toBe(false); // one at a time
    await vi.runAllTimersAsync();
    const results = controller.store.getState().results;
    expect(results?.status).toBe('complete');
    expect(results?.outcomes.every((o) => o?.epochs === 3)).toBe(true);
    expect(controller.running).toBe(false);
  });

  it('shows results at most every RESULTS_INTERVAL_MS, the newest, and the final at once', async () => {
    let time = 0;
    const workers = manualWorkers();
    const controller = new ExperimentController({
      playground: createPlaygroundStore(),
      createWorker: workers.factory,
      workers: 2,
      now: () => time,
    });
    controller.setDraft({ seeds: { first: 1, count: 2 }, epochs: 1 });
    const shown: number[] = [];
    controller.store.subscribe((s) => {
      shown.push(s.results?.outcomes.filter(Boolean).length ?? -1);
    });
    controller.run();
    expect(shown).toEqual([0]);
    workers.finish(); // the first results show at once
    workers.finish(); // then they wait
    workers.finish();
    expect(shown).toEqual([0, 1]);
    time += RESULTS_INTERVAL_MS;
    vi.advanceTimersByTime(RESULTS_INTERVAL_MS);
    expect(shown).toEqual([0, 1, 3]);
    workers.finish(); // the last run: shown as soon as the pool is done
    await vi.runAllTimersAsync();
    expect(shown[shown.length - 1]).toBe(4);
    expect(controller.store.getState().results?.status).toBe('complete');
  });

  it('keeps the finished runs when cancelled, as partial results', async () => {
    const workers = manualWorkers();
    const controller = new ExperimentController({
      playground: createPlaygroundStore(),
      createWorker: workers.factory,
      workers: 1,
    });
    controller.setDraft({ seeds: { first: 1, count: 3 }, epochs: 1 });
    controller.run();
    workers.finish();
    controller.cancel();
    await vi.runAllTimersAsync();
    const results = controller.store.getState().results;
    expect(results?.status).toBe('cancelled');
    expect(results?.outcomes.filter(Boolean)).toHaveLength(1);
  });

  it('loads a preset: its network into the playground, its experiment into the dialog', () => {
    const playground = createPlaygroundStore();
    const controller = new ExperimentController({
      playground,
      createWorker: createInProcessWorker,
    });
    const preset = PRESETS[0]!;
    expect(controller.loadPreset(preset.id)).toBe(true);
    expect(playground.getState().config).toEqual(preset.definition.base);
    expect(controller.definition()).toEqual(preset.definition);
    expect(controller.loadPreset('nope')).toBe(false);
  });
});

describe('the experiment in the address', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sets and removes exp= keeping the other keys', () => {
    expect(hashWithExperiment('#dataset=xor&exp=old', 'epochs:5')).toBe(
      '#dataset=xor&exp=epochs:5',
    );
    expect(hashWithExperiment('#dataset=xor&exp=old', null)).toBe('#dataset=xor');
    expect(hashWithExperiment('', 'epochs:5')).toBe('#exp=epochs:5');
  });

  it('leaves exp= alone when the playground writes its keys', () => {
    const address = new FakeAddress();
    address.hash = '#dataset=xor&exp=epochs:5';
    const sync = new HashSync({ location: address, history: address, delay: 0 }, () => {});
    sync.schedule(DEFAULT_CONFIG);
    sync.flush();
    expect(address.hash).toBe(`${configToHash(DEFAULT_CONFIG)}&exp=epochs:5`);
  });

  it('is not read as a playground setting', () => {
    const store = createPlaygroundStore();
    const ignored = actions(store).loadFromHash('#dataset=xor&exp=epochs:5');
    expect(ignored).toEqual([]);
    expect(store.getState().config.dataset).toBe('xor');
  });

  it('opens the dialog with a linked experiment, not run, and writes it back while open', () => {
    const playground = createPlaygroundStore();
    const controller = new ExperimentController({
      playground,
      createWorker: createInProcessWorker,
    });
    const preset = PRESETS[1]!;
    const link = experimentToHash(preset.definition);
    actions(playground).loadFromHash(link); // what the bridge does with the opened page's hash
    const address = new FakeAddress();
    address.hash = link;
    const detach = controller.attach({ location: address, history: address, events: address });
    const state = controller.store.getState();
    expect(state.open).toBe(true);
    expect(state.results).toBeNull();
    expect(controller.definition()).toEqual(preset.definition);

    controller.setDraft({ epochs: 42 });
    vi.advanceTimersByTime(EXPERIMENT_HASH_DELAY_MS);
    expect(splitExperiment(address.hash).experiment).toContain('epochs:42');
    controller.close();
    vi.advanceTimersByTime(EXPERIMENT_HASH_DELAY_MS);
    expect(splitExperiment(address.hash).experiment).toBeNull();
    detach();
  });

  it('tells what a bad link held and falls back', () => {
    const controller = new ExperimentController({
      playground: createPlaygroundStore(),
      createWorker: createInProcessWorker,
    });
    expect(controller.loadLink('#dataset=xor&exp=seeds:0;epochs:abc;bogus:1')).toBe(true);
    const { notes } = controller.store.getState();
    expect(notes.join('\n')).toContain('seeds: 0 is not a whole number from 1 to 100');
    expect(notes.join('\n')).toContain('"bogus" is not part of an experiment');
    expect(controller.definition().seeds.count).toBe(1);
    expect(controller.loadLink('#dataset=xor')).toBe(false);
  });
});
