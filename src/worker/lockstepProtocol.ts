/**
 * Every message between the page's comparison and its worker, which trains two networks in
 * lockstep (lockstep.ts): the same data, seed and initial draws, activations apart.
 *
 * The unit of work is the round: one epoch of the first network, then one of the second. A
 * frame is only ever made between rounds, so both sides of every frame are at the same epoch
 * (a side that diverged stays at its last good one, and says so).
 *
 * Flow control and generations as in protocol.ts: one frame in flight until `frameDone`; a
 * `build` or `reset` carries a new generation and the page drops what is older. Buffers in a
 * frame are transferred.
 */
import type { PlaygroundConfig } from '../config';
import type { PointSet } from './protocol';

/** When a side has learnt: test accuracy at least, or test loss at most, `value`. */
export interface LockstepTarget {
  readonly metric: 'testAccuracy' | 'testLoss';
  readonly value: number;
}

export type LockstepCommand =
  /**
   * Two networks from two configurations that differ in their hidden activations only; the
   * data and the weights' random draws come from their common seed. Epoch 0.
   */
  | {
      readonly type: 'build';
      readonly generation: number;
      readonly configs: readonly [PlaygroundConfig, PlaygroundConfig];
      readonly target: LockstepTarget;
    }
  /** Both networks' weights drawn again from the seed; epoch 0, data unchanged. */
  | { readonly type: 'reset'; readonly generation: number }
  | { readonly type: 'run'; readonly running: boolean }
  /** Exactly `epochs` more rounds (an epoch of each side), then a frame. */
  | { readonly type: 'step'; readonly epochs: number }
  /** Rounds per second while running; null for as fast as the machine allows. */
  | { readonly type: 'speed'; readonly epochsPerSecond: number | null }
  | { readonly type: 'frameDone' };

/** One side of a frame. */
export interface SideFrame {
  /** Epochs this side has trained: the frame's epoch, or where it diverged from. */
  readonly epoch: number;
  readonly trainLoss: number;
  readonly testLoss: number;
  /** Fractions; NaN for regression. */
  readonly trainAccuracy: number;
  readonly testAccuracy: number;
  /** Every hidden and output unit's image over the grid (nn/grid.ts `evaluateGrid`). */
  readonly grid: Float32Array;
  /** Loss points since the previous frame. */
  readonly historyEpochs: Float64Array;
  readonly historyTrainLoss: Float64Array;
  readonly historyTestLoss: Float64Array;
  /** First epoch (0 = untrained) at which the test set met the target; null while none has. */
  readonly reachedAt: number | null;
  /** Set once the side diverged: it stays at its last good epoch from then on. */
  readonly diverged: { readonly epoch: number; readonly hint: string } | null;
}

export interface PairFrame {
  readonly type: 'pair';
  readonly generation: number;
  /** Rounds trained since the build or reset. */
  readonly epoch: number;
  readonly running: boolean;
  readonly gridN: number;
  readonly sides: readonly [SideFrame, SideFrame];
  /** Rounds per second over the last second (0 when paused). */
  readonly epochsPerSecond: number;
}

export type LockstepEvent =
  | PairFrame
  /** The points both sides train on (one data set: one seed). */
  | {
      readonly type: 'data';
      readonly generation: number;
      readonly train: PointSet;
      readonly test: PointSet;
    }
  | { readonly type: 'failed'; readonly message: string };

/** The buffers of a pair frame, for postMessage's transfer list. */
export function pairTransferables(frame: PairFrame): ArrayBuffer[] {
  return frame.sides.flatMap((side) =>
    [side.grid, side.historyEpochs, side.historyTrainLoss, side.historyTestLoss].map(
      (array) => array.buffer as ArrayBuffer,
    ),
  );
}
