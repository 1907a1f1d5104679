/**
 * Frames and events for the state and painter tests (not used by the page): small, with the
 * history fields a test asks for.
 */
import type { Frame } from '../worker/protocol';
import type { DataEvent } from './frameHub';

/** A frame of `generation` at `epoch`; `history` gives the epochs of its loss points. */
export function makeFrame(
  generation: number,
  epoch: number,
  options: { history?: readonly number[]; running?: boolean; trainLoss?: number } = {},
): Frame {
  const history = options.history ?? [epoch];
  const trainLoss = options.trainLoss ?? 1 / (1 + epoch);
  return {
    type: 'frame',
    generation,
    epoch,
    running: options.running ?? true,
    trainLoss,
    testLoss: trainLoss * 1.1,
    trainAccuracy: 0.5,
    testAccuracy: 0.4,
    gridN: 2,
    grid: new Float32Array(4),
    weights: new Float64Array(3),
    biases: new Float64Array(3),
    activationParams: new Float64Array(0),
    preMin: new Float64Array(1),
    preMax: new Float64Array(1),
    meanAbsGradient: new Float64Array(1),
    historyEpochs: Float64Array.from(history),
    historyTrainLoss: Float64Array.from(history, (e) => 1 / (1 + e)),
    historyTestLoss: Float64Array.from(history, (e) => 1.1 / (1 + e)),
    epochsPerSecond: options.running === false ? 0 : 60,
  };
}

/** The `data` event of a build of `generation`. */
export function makeData(generation: number): DataEvent {
  return {
    type: 'data',
    generation,
    train: { xyLabel: new Float32Array([0, 0, 1]) },
    test: { xyLabel: new Float32Array([1, 1, -1]) },
  };
}

/** A requestAnimationFrame whose callbacks run only when the test says so. */
export class FakeAnimationFrames {
  private callbacks: (() => void)[] = [];

  readonly request = (callback: () => void): number => {
    this.callbacks.push(callback);
    return this.callbacks.length;
  };

  /** Callbacks waiting for the next display refresh. */
  get pending(): number {
    return this.callbacks.length;
  }

  /** Runs the callbacks scheduled so far (as one display refresh). */
  runFrame(): void {
    const due = this.callbacks;
    this.callbacks = [];
    for (const callback of due) callback();
  }
}
