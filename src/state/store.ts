/**
 * The page's one zustand store, built from typed slices. It holds intent (the configuration,
 * run status, selection) and throttled readouts, never frames: whatever changes every frame
 * lives in the frame hub (frameHub.ts) and is painted outside React.
 *
 * Neurons are numbered as the page says them: hidden layer and neuron both from 1 (see
 * neurons.ts).
 *
 * Change state only through `actions(store)` (actions.ts): they clamp and validate, so the
 * store never holds a configuration the worker would refuse.
 */
import { useStore } from 'zustand';
import { createStore, type StateCreator, type StoreApi } from 'zustand/vanilla';
import { DEFAULT_CONFIG, configProblems, type PlaygroundConfig } from '../config';
import type { Point } from '../data';
import type { SessionState } from '../worker/protocol';
import { neuronExists, type NeuronRef } from './neurons';

/** The numbers under the play button and on the loss chart, updated a few times a second. */
export interface Readouts {
  readonly epoch: number;
  /** NaN until the first frame. */
  readonly trainLoss: number;
  readonly testLoss: number;
  /** Fractions from 0 to 1; NaN for regression and until the first frame. */
  readonly trainAccuracy: number;
  readonly testAccuracy: number;
  /** Epochs trained per second over the last second (0 when paused). */
  readonly epochsPerSecond: number;
}

export type NoticeKind = 'info' | 'warning' | 'error';

/** A message for the person, shown until dismissed. */
export interface Notice {
  /** Unique within one store, increasing. */
  readonly id: number;
  readonly kind: NoticeKind;
  readonly text: string;
}

/** Why training stopped by itself: at which epoch, and a hint in words. */
export interface Divergence {
  readonly epoch: number;
  readonly hint: string;
}

/** What the pointer is over: a hidden neuron, the output, or nothing. */
export type Hovered = NeuronRef | 'output' | null;

/** Everything a link records: what the worker trains, how fast, and how the page draws it. */
export interface ConfigSlice {
  readonly config: PlaygroundConfig;
}

/** Drawing own data on the output heatmap: whether clicks add points, or remove them, and which. */
export interface DrawMode {
  readonly active: boolean;
  /** Clicks remove the nearest point (shift-click always does). */
  readonly removing: boolean;
  /** The label of added points: ±1, a class index, or a regression target. */
  readonly label: number;
}

/** The person's own data (not in the link: it is too long for one; network files hold it). */
export interface DataSlice {
  /** Points of the configuration's data set's task, used instead of generated ones; or null. */
  readonly ownData: readonly Point[] | null;
  readonly drawing: DrawMode;
}

/** Whether and how fast training runs, and what it reports. */
export interface RunSlice {
  /** The person's intent: training runs when true (the worker pauses itself on divergence). */
  readonly running: boolean;
  readonly readouts: Readouts;
  /** Set when training diverged; cleared by reset, play, or dismissing it. */
  readonly divergence: Divergence | null;
}

/** What the person is looking at. */
export interface ViewSlice {
  /** Selected hidden neurons (page numbering), in the order they were selected. */
  readonly selection: readonly NeuronRef[];
  readonly hovered: Hovered;
}

/** Messages for the person. */
export interface NoticeSlice {
  /** Oldest first; at most MAX_NOTICES. */
  readonly notices: readonly Notice[];
  /** The id the next notice gets (internal to the actions). */
  readonly nextNoticeId: number;
}

/** What "Undo freeze" restores: the configuration and whole training state from just before. */
export interface FreezeUndo {
  readonly config: PlaygroundConfig;
  readonly state: SessionState;
  readonly testLossBefore: number;
  readonly testLossAfter: number;
}

/** Letting the network choose its activations, and freezing the choices. */
export interface LearnedSlice {
  /** Non-null while the last freeze can be undone; any rebuild or activation edit clears it. */
  readonly freezeUndo: FreezeUndo | null;
  /**
   * A freeze or an undo asked for (intent, carried out by the bridge, which needs the worker);
   * `id` tells two requests of the same kind apart.
   */
  readonly learnedRequest: { readonly kind: 'freeze' | 'undoFreeze'; readonly id: number } | null;
}

export type PlaygroundState = ConfigSlice &
  DataSlice &
  RunSlice &
  ViewSlice &
  NoticeSlice &
  LearnedSlice;

export type PlaygroundStore = StoreApi<PlaygroundState>;

/** Notices kept at once; the oldest go first. */
export const MAX_NOTICES = 5;

/** Readouts before the first frame. */
export const EMPTY_READOUTS: Readouts = {
  epoch: 0,
  trainLoss: NaN,
  testLoss: NaN,
  trainAccuracy: NaN,
  testAccuracy: NaN,
  epochsPerSecond: 0,
};

type Slice<T> = StateCreator<PlaygroundState, [], [], T>;

const createConfigSlice: Slice<ConfigSlice> = () => ({ config: DEFAULT_CONFIG });

const createDataSlice: Slice<DataSlice> = () => ({
  ownData: null,
  drawing: { active: false, removing: false, label: 1 },
});

const createRunSlice: Slice<RunSlice> = () => ({
  running: false,
  readouts: EMPTY_READOUTS,
  divergence: null,
});

const createViewSlice: Slice<ViewSlice> = () => ({
  selection: [],
  hovered: null,
});

const createNoticeSlice: Slice<NoticeSlice> = () => ({ notices: [], nextNoticeId: 1 });

const createLearnedSlice: Slice<LearnedSlice> = () => ({ freezeUndo: null, learnedRequest: null });

/**
 * A fresh store (every test makes its own). `initial` overrides the defaults.
 * @throws RangeError when `initial.config` is invalid: a store is never created holding what
 *   the worker would refuse (parse links with `configFromHash`).
 */
export function createPlaygroundStore(initial: Partial<PlaygroundState> = {}): PlaygroundStore {
  if (initial.config) {
    const problems = configProblems(initial.config);
    if (problems.length > 0) throw new RangeError(`invalid config: ${problems.join('; ')}`);
  }
  return createStore<PlaygroundState>()((...a) => {
    const state: PlaygroundState = {
      ...createConfigSlice(...a),
      ...createDataSlice(...a),
      ...createRunSlice(...a),
      ...createViewSlice(...a),
      ...createNoticeSlice(...a),
      ...createLearnedSlice(...a),
      ...initial,
    };
    const exists = (ref: NeuronRef) => neuronExists(state.config.hidden, ref);
    const hovered = state.hovered === 'output' || !state.hovered || exists(state.hovered);
    return {
      ...state,
      selection: state.selection.filter(exists),
      hovered: hovered ? state.hovered : null,
    };
  });
}

/** The page's store. Tests use `createPlaygroundStore` instead. */
export const playgroundStore: PlaygroundStore = createPlaygroundStore();

/**
 * Reads the page's store in a component, re-rendering when the selected value changes.
 * Select one field or one primitive at a time (`s => s.running`); a selector that builds a
 * new object or array re-renders on every store change.
 */
export function usePlayground<T>(selector: (state: PlaygroundState) => T): T {
  return useStore(playgroundStore, selector);
}
