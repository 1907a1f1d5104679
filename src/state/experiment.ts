/**
 * The experiment dialog's state and what it does: the draft being edited, the results of the
 * last run (or the one under way), and the link. The runs themselves train in the pool's
 * workers (src/experiment); the page gets their results at most a few times a second, so a
 * long experiment never floods React however quickly small runs finish.
 *
 * The experiment's base configuration is always the playground's: variants are made by rule
 * from the network on screen, and a preset or a link loads its base into the playground. So
 * the address is always the playground's keys and, while the dialog is open, `exp=`.
 */
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  browserCores,
  createBrowserWorker,
  defaultPoolSize,
  encodeExperiment,
  experimentFromHash,
  presetById,
  runCount,
  startExperiment,
  type ExperimentDefinition,
  type ExperimentHandle,
  type ExperimentResults,
  type WorkerFactory,
} from '../experiment';
import { actions } from './actions';
import {
  definitionOf,
  draftForConfig,
  draftOf,
  withAddedVariant,
  withVariant,
  withoutVariant,
  type DraftVariant,
  type ExperimentDraft,
} from './experimentDraft';
import { writeExperimentToAddress } from './experimentLink';
import type { HashEvents, HistoryLike, LocationLike } from './hashSync';
import { playgroundStore, type PlaygroundStore } from './store';

/** Least milliseconds between two results shown while an experiment runs. */
export const RESULTS_INTERVAL_MS = 250;
/** Quiet time before a changed draft is written into the address. */
export const EXPERIMENT_HASH_DELAY_MS = 200;

export interface ExperimentState {
  readonly open: boolean;
  readonly draft: ExperimentDraft;
  /** The last experiment run or under way, as shown (throttled); null before the first. */
  readonly results: ExperimentResults | null;
  /** Milliseconds from the start of that experiment to its latest shown results. */
  readonly elapsedMs: number;
  /** What reading a link changed (one sentence each), shown in the dialog until the next load. */
  readonly notes: readonly string[];
  /** Where the draft came from, e.g. "Opened from a link" or a preset's title. */
  readonly origin: string | null;
}

export interface ExperimentControllerOptions {
  /** The playground whose configuration is the experiment's base. */
  readonly playground?: PlaygroundStore;
  readonly createWorker?: WorkerFactory;
  /** Pool size; by default all cores but one (`defaultPoolSize`). */
  readonly workers?: number;
  readonly now?: () => number;
}

/** The page's address, for the link (the window's in the browser, a fake in tests). */
export interface ExperimentAddress {
  readonly location: LocationLike;
  readonly history: HistoryLike;
  readonly events?: HashEvents;
}

/**
 * Milliseconds left, at the pace of the runs finished so far (0 when all are done); null
 * before the first run finishes, when there is nothing to go by.
 */
export function estimateMsLeft(elapsedMs: number, finished: number, total: number): number | null {
  if (total > 0 && finished >= total) return 0;
  if (finished <= 0) return null;
  return (elapsedMs / finished) * (total - finished);
}

/** The experiment dialog's state and actions over one playground store. */
export class ExperimentController {
  readonly store: StoreApi<ExperimentState>;
  private readonly playground: PlaygroundStore;
  private readonly createWorker: WorkerFactory;
  private readonly workers: number;
  private readonly now: () => number;
  private handle: ExperimentHandle | null = null;
  private startedAt = 0;
  private pending: ExperimentResults | null = null;
  private lastShownAt = -Infinity;
  private resultsTimer: ReturnType<typeof setTimeout> | null = null;
  private address: ExperimentAddress | null = null;
  private hashTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(options: ExperimentControllerOptions = {}) {
    this.playground = options.playground ?? playgroundStore;
    this.createWorker = options.createWorker ?? createBrowserWorker;
    this.workers = options.workers ?? defaultPoolSize(browserCores());
    this.now = options.now ?? (() => performance.now());
    this.store = createStore<ExperimentState>()(() => ({
      open: false,
      draft: draftForConfig(this.playground.getState().config),
      results: null,
      elapsedMs: 0,
      notes: [],
      origin: null,
    }));
    // The link follows the draft and the playground's network while the dialog is open.
    this.store.subscribe((state, previous) => {
      if (state.open !== previous.open || state.draft !== previous.draft) this.scheduleHash();
    });
    this.playground.subscribe((state, previous) => {
      if (state.config !== previous.config) this.scheduleHash();
    });
  }

  private get state(): ExperimentState {
    return this.store.getState();
  }

  /** The valid definition the dialog shows: the draft on the playground's configuration. */
  definition(): ExperimentDefinition {
    return definitionOf(this.state.draft, this.playground.getState().config);
  }

  /** True while an experiment's runs are under way. */
  get running(): boolean {
    return this.handle !== null;
  }

  open(): void {
    if (!this.state.open) this.store.setState({ open: true });
  }

  /** Closes the dialog; an experiment under way goes on (the Experiment button shows it). */
  close(): void {
    if (this.state.open) this.store.setState({ open: false });
  }

  setDraft(change: Partial<ExperimentDraft>): void {
    this.store.setState({ draft: { ...this.state.draft, ...change } });
  }

  setVariant(index: number, variant: DraftVariant): void {
    this.store.setState({ draft: withVariant(this.state.draft, index, variant) });
  }

  addVariant(): void {
    const config = this.playground.getState().config;
    this.store.setState({ draft: withAddedVariant(this.state.draft, config) });
  }

  removeVariant(index: number): void {
    this.store.setState({ draft: withoutVariant(this.state.draft, index) });
  }

  dismissNotes(): void {
    if (this.state.notes.length > 0) this.store.setState({ notes: [] });
  }

  /** Fills the dialog with a preset and puts its network into the playground. */
  loadPreset(id: string): boolean {
    const preset = presetById(id);
    if (!preset) return false;
    actions(this.playground).loadConfig(preset.definition.base);
    this.store.setState({
      draft: draftOf(preset.definition),
      notes: [],
      origin: preset.title,
    });
    return true;
  }

  /**
   * Opens the dialog with the experiment of a link (`#…&exp=…`), not yet run; the playground
   * loads the link's own keys (actions.loadFromHash). What could not be used is in `notes`.
   * A lesson's start sets the dialog up the same way with `open` false, for the class to open.
   * @returns false when the hash holds no experiment
   */
  loadLink(hash: string, open = true): boolean {
    const parsed = experimentFromHash(hash);
    if (!parsed.definition) return false;
    this.store.setState({
      open,
      draft: draftOf(parsed.definition),
      notes: parsed.notes,
      origin: 'Opened from a link',
    });
    return true;
  }

  /** Starts every run of the dialog's experiment; the playground's own training pauses. */
  run(): boolean {
    if (this.handle) return false;
    const definition = this.definition();
    actions(this.playground).setRunning(false);
    this.startedAt = this.now();
    this.lastShownAt = -Infinity;
    const empty: ExperimentResults = {
      definition,
      outcomes: Array.from({ length: runCount(definition) }, () => undefined),
      status: 'running',
      message: null,
      restarts: 0,
    };
    this.store.setState({ results: empty, elapsedMs: 0 });
    const handle = startExperiment(definition, {
      createWorker: this.createWorker,
      workers: this.workers,
      onUpdate: (results) => this.offerResults(results),
    });
    this.handle = handle;
    void handle.done.then((results) => {
      if (this.handle !== handle) return;
      this.handle = null;
      this.showResults(results);
    });
    return true;
  }

  /** Stops the runs; the finished ones are kept and shown as partial results. */
  cancel(): void {
    this.handle?.cancel();
  }

  /** Results shown at most every RESULTS_INTERVAL_MS; the newest wins. */
  private offerResults(results: ExperimentResults): void {
    this.pending = results;
    const wait = this.lastShownAt + RESULTS_INTERVAL_MS - this.now();
    if (wait <= 0) {
      this.showResults(results);
      return;
    }
    this.resultsTimer ??= setTimeout(() => {
      this.resultsTimer = null;
      if (this.pending && this.handle) this.showResults(this.pending);
    }, wait);
  }

  private showResults(results: ExperimentResults): void {
    if (this.resultsTimer !== null) clearTimeout(this.resultsTimer);
    this.resultsTimer = null;
    this.pending = null;
    this.lastShownAt = this.now();
    this.store.setState({ results, elapsedMs: this.lastShownAt - this.startedAt });
  }

  /**
   * Keeps `exp=` in the address while the dialog is open, and reads a link with one: the
   * opened page's now, and any the person types later (hashchange). Returns the detach.
   */
  attach(address: ExperimentAddress): () => void {
    this.address = address;
    this.loadLink(address.location.hash);
    const onHashChange = () => {
      if (!this.loadLink(address.location.hash)) this.close();
    };
    address.events?.addEventListener('hashchange', onHashChange);
    this.scheduleHash();
    return () => {
      address.events?.removeEventListener('hashchange', onHashChange);
      if (this.hashTimer !== null) clearTimeout(this.hashTimer);
      this.hashTimer = null;
      this.address = null;
    };
  }

  private scheduleHash(): void {
    if (!this.address) return;
    if (this.hashTimer !== null) clearTimeout(this.hashTimer);
    this.hashTimer = setTimeout(() => this.writeHash(), EXPERIMENT_HASH_DELAY_MS);
  }

  /** Writes `exp=` now (or removes it when the dialog is closed). */
  writeHash(): void {
    if (this.hashTimer !== null) clearTimeout(this.hashTimer);
    this.hashTimer = null;
    const address = this.address;
    if (!address) return;
    const value = this.state.open ? encodeExperiment(this.definition()) : null;
    writeExperimentToAddress(value, address.location, address.history);
  }
}

/** The page's experiment, over the page's playground and the browser's workers. */
export const experimentController = new ExperimentController();

/** Reads the page's experiment state in a component; select one field at a time. */
export function useExperiment<T>(selector: (state: ExperimentState) => T): T {
  return useStore(experimentController.store, selector);
}
