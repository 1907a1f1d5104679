/**
 * Every message between the page and the training worker, in one place.
 *
 * Flow control: the worker posts a frame, then posts no other until the page answers
 * `frameDone` (after painting it), so frames never queue up behind a busy main thread and
 * there is at most one per display refresh. Buffers in a frame are transferred, not copied:
 * after `postMessage` the worker's copies are detached (length 0) and must not be reused.
 *
 * Generations: every `build` and `reset` carries a new generation number; the page drops any
 * frame or event of an older generation, which may still be in flight after a rebuild.
 *
 * Heartbeat: while the page expects the worker to work it sends `ping`s; each is answered by a
 * `pong` as soon as the worker reads it (commands are read between training slices), so a
 * worker that stopped, hangs or never loaded shows as a ping left unanswered.
 *
 * Checkpoints: now and then the worker sends the session's whole state (`checkpoint`), which
 * the page keeps and hands back to a fresh worker as a `restore` after the build.
 */
import type { PlaygroundConfig } from '../config';
import type { Point } from '../data';
import type { NetworkHealth } from '../nn';
import { healthTransferables } from './diagnostics';
import type { SessionState } from './sessionState';
import type { TimelineEvent, TimelineEventKind } from './timeline';

export type { SessionState, TimelineEvent, TimelineEventKind };

/** Layers as the engine numbers them: 1 = first hidden layer, hidden count + 1 = outputs. */
export interface WeightAddress {
  readonly layer: number;
  readonly neuron: number;
  /** Unit of the layer below (inputs when layer is 1). */
  readonly from: number;
}

export type WorkerCommand =
  /**
   * New data and a new network from `config`, weights drawn from its seed; epoch 0. With
   * `ownData`, those points (the person's, of the config's data set's task) replace the
   * generated ones.
   */
  | {
      readonly type: 'build';
      readonly generation: number;
      readonly config: PlaygroundConfig;
      readonly ownData?: readonly Point[] | null;
    }
  /** Same shape: patch activations, optimizer, regularisation and batch size; weights kept. */
  | { readonly type: 'patch'; readonly config: PlaygroundConfig }
  /** Redraw the weights from the seed and go back to epoch 0, data unchanged. */
  | { readonly type: 'reset'; readonly generation: number }
  | { readonly type: 'run'; readonly running: boolean }
  /** Train exactly `epochs` more epochs, then send a frame (whether running or not). */
  | { readonly type: 'step'; readonly epochs: number }
  /** Epochs per second while running; null for as fast as the machine allows. */
  | { readonly type: 'speed'; readonly epochsPerSecond: number | null }
  /** One weight of the live network, within the engine's LIMITS.maxAbsWeight. */
  | ({ readonly type: 'setWeight'; readonly value: number } & WeightAddress)
  /** The page has painted the last frame; the worker may send the next. */
  | { readonly type: 'frameDone' }
  /** Answer at once with a `pong` of the same id. */
  | { readonly type: 'ping'; readonly id: number }
  /**
   * Continue from a checkpoint: the network just built (of `generation`, which must be the
   * build's) takes the state's parameters, optimizer, epoch and shuffles.
   */
  | { readonly type: 'restore'; readonly generation: number; readonly state: SessionState }
  /** Send a `checkpoint` of the session now, changed or not (to save it in a file). */
  | { readonly type: 'checkpoint' }
  /**
   * Timeline (worker/timeline.ts): show the snapshot of `epoch` (paused; the live state is set
   * aside, untouched, and checkpoints stay the live state's), go back to live, or branch:
   * make the snapshot of `epoch` the live state and drop what came after it. A patch or a
   * weight edit while a snapshot is shown branches from it first, then applies.
   */
  | { readonly type: 'viewSnapshot'; readonly epoch: number; readonly request?: number }
  | { readonly type: 'leaveTimeline'; readonly request?: number }
  | { readonly type: 'resumeFromSnapshot'; readonly epoch: number }
  /** Freeze the learned choices (nn/freeze.ts), weights kept; answered by `frozen`. */
  | { readonly type: 'freeze' }
  /**
   * Redraw hidden neuron `neuron` of layer `layer`'s incoming weights and bias from the init
   * scheme (nn/revive.ts), everything else kept; the n-th revive of a neuron since the build
   * or reset draws from the stream `reviveSeed(weights seed, layer, neuron, n)`.
   */
  | { readonly type: 'revive'; readonly layer: number; readonly neuron: number };

/** One point of a data set for drawing: flat x, y, label triples. */
export interface PointSet {
  /** x0, y0, label0, x1, y1, label1, … */
  readonly xyLabel: Float32Array;
}

export interface Frame {
  readonly type: 'frame';
  readonly generation: number;
  readonly epoch: number;
  readonly running: boolean;
  readonly trainLoss: number;
  readonly testLoss: number;
  /** Fractions; NaN for regression. */
  readonly trainAccuracy: number;
  readonly testAccuracy: number;
  /** Grid side and every hidden and output neuron's image: see nn/grid.ts `evaluateGrid`. */
  readonly gridN: number;
  readonly grid: Float32Array;
  /** Parameters in the engine's flat layout (nn/network.ts), for drawing links. */
  readonly weights: Float64Array;
  /** Biases per unit, inputs first (their entries unused). */
  readonly biases: Float64Array;
  /**
   * The learned activations' parameters (PReLU's a, Swish's β, a mixture's α), in the layout
   * of nn `activationParamLayout(hidden, mixturePalette.length)`.
   */
  readonly activationParams: Float64Array;
  /** Per hidden neuron, unit order: see nn/stats.ts. */
  readonly preMin: Float64Array;
  readonly preMax: Float64Array;
  readonly meanAbsGradient: Float64Array;
  /** Loss history points since the previous frame: epoch numbers and losses. */
  readonly historyEpochs: Float64Array;
  readonly historyTrainLoss: Float64Array;
  readonly historyTestLoss: Float64Array;
  /** Epochs trained per second over the last second (0 when paused). */
  readonly epochsPerSecond: number;
  /** A diagnostics pass (nn/health.ts), on a few frames a second; absent on the others. */
  readonly health?: NetworkHealth;
  /**
   * Gradient flow since the previous frame: epochs, and per epoch the mean |gradient| of each
   * hidden layer (`layerGradient[i * hiddenLayers + l]`), thinned as the loss history.
   */
  readonly gradientEpochs?: Float64Array;
  readonly layerGradient?: Float64Array;
}

export type WorkerEvent =
  | Frame
  /** Data of a new build, for the scatter overlay and dataset legend. */
  | {
      readonly type: 'data';
      readonly generation: number;
      readonly train: PointSet;
      readonly test: PointSet;
    }
  /**
   * Training produced non-finite numbers. The worker has paused and put back the parameters
   * of the last good epoch; `hint` says in words what probably caused it.
   */
  | {
      readonly type: 'diverged';
      readonly generation: number;
      readonly epoch: number;
      readonly step: number;
      readonly hint: string;
      /**
       * Set for a stuck run instead (worker/stuck.ts): what happened, in words ending in what
       * to do; the worker has paused and the parameters are as they were.
       */
      readonly headline?: string;
    }
  /**
   * A command could not be carried out (for example an invalid configuration); `command` names
   * it, absent when training itself failed. A failed build leaves the previous network.
   */
  | { readonly type: 'failed'; readonly message: string; readonly command?: WorkerCommand['type'] }
  /** The answer to a `ping`, with where training is (generation -1 and epoch 0 before a build). */
  | {
      readonly type: 'pong';
      readonly id: number;
      readonly generation: number;
      readonly epoch: number;
      /** Whether training work is under way or waiting: running, or steps still to train. */
      readonly busy: boolean;
    }
  /**
   * The session's state, to continue from after a restart: about once a second while training
   * runs, and whenever it settled after a change (a step, a pause, an edit).
   */
  | { readonly type: 'checkpoint'; readonly generation: number; readonly state: SessionState }
  /**
   * The session's timeline, when it changed: at most about four times a second while training,
   * at once otherwise. `viewing` is the epoch of the snapshot shown, null when live.
   */
  | {
      readonly type: 'timeline';
      readonly generation: number;
      readonly epochs: readonly number[];
      readonly events: readonly TimelineEvent[];
      readonly viewing: number | null;
      /**
       * The hidden activations of the snapshot shown (they may differ from the live ones: an
       * activation changed since), null when live.
       */
      readonly viewedHidden: PlaygroundConfig['hidden'] | null;
      /** The live network's epoch. */
      readonly liveEpoch: number;
      /**
       * The `request` of the last viewSnapshot or leaveTimeline carried out (0 before any):
       * while the page has sent a newer one, this report's `viewing` is already out of date.
       */
      readonly request: number;
    }
  /**
   * The session went on from the snapshot of `epoch` (a new branch): its loss curve after that
   * epoch is void. `config` is the configuration it now trains under; `byEdit` when an edit
   * made while viewing started the branch (the page's own settings then apply on top).
   */
  | {
      readonly type: 'branched';
      readonly generation: number;
      readonly epoch: number;
      readonly config: PlaygroundConfig;
      readonly byEdit: boolean;
    }
  /**
   * The answer to `freeze`: the hidden activations now in force, the state from just before
   * (to undo exactly), the test loss just before and just after, and how many neurons changed.
   */
  | {
      readonly type: 'frozen';
      readonly generation: number;
      readonly hidden: PlaygroundConfig['hidden'];
      readonly before: SessionState;
      readonly testLossBefore: number;
      readonly testLossAfter: number;
      readonly changed: number;
    };

/** The `data` event: the points of a new build. */
export type DataEvent = Extract<WorkerEvent, { type: 'data' }>;
export type PongEvent = Extract<WorkerEvent, { type: 'pong' }>;
export type CheckpointEvent = Extract<WorkerEvent, { type: 'checkpoint' }>;
export type TimelineInfo = Extract<WorkerEvent, { type: 'timeline' }>;
export type BranchedEvent = Extract<WorkerEvent, { type: 'branched' }>;
export type FrozenEvent = Extract<WorkerEvent, { type: 'frozen' }>;

/** The buffers of a frame, for postMessage's transfer list. */
export function frameTransferables(frame: Frame): ArrayBuffer[] {
  return [
    frame.grid,
    frame.weights,
    frame.biases,
    frame.activationParams,
    frame.preMin,
    frame.preMax,
    frame.meanAbsGradient,
    frame.historyEpochs,
    frame.historyTrainLoss,
    frame.historyTestLoss,
    ...(frame.gradientEpochs ? [frame.gradientEpochs] : []),
    ...(frame.layerGradient ? [frame.layerGradient] : []),
  ]
    .map((array) => array.buffer as ArrayBuffer)
    .concat(frame.health ? healthTransferables(frame.health) : []);
}
