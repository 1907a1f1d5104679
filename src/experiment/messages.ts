/**
 * Every message between the experiment pool and one of its workers, in one place. A worker
 * does one run at a time: the pool sends `run`, the worker answers `done` (or `error`) with
 * the same index, then gets the next run. The curve of a result is transferred, not copied:
 * after posting it the worker's copy is detached.
 */
import type { RunJob } from './plan';
import type { RunOutcome } from './run';

export type ExperimentCommand = { readonly type: 'run'; readonly job: RunJob };

export type ExperimentEvent =
  | { readonly type: 'done'; readonly index: number; readonly outcome: RunOutcome }
  /** The run threw: a bug or a configuration the worker refuses; running it again will not help. */
  | { readonly type: 'error'; readonly index: number; readonly message: string };

/** The buffers an event transfers. */
export function eventTransferables(event: ExperimentEvent): ArrayBuffer[] {
  return event.type === 'done' ? [event.outcome.testLossCurve.buffer as ArrayBuffer] : [];
}
