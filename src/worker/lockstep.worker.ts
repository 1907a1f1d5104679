/**
 * The comparison's worker: a thin adapter that feeds the page's commands to a LockstepTrainer
 * and runs its slices in the same loop as training.worker.ts (see there for why `self` is
 * typed as a Window).
 */
import { LockstepTrainer } from './lockstep';
import { startSliceLoop } from './sliceLoop';
import type { LockstepCommand, LockstepEvent } from './lockstepProtocol';

function send(event: LockstepEvent, transfer: Transferable[]): void {
  self.postMessage(event, { transfer });
}

const trainer = new LockstepTrainer(send, () => performance.now());
// A slice that throws is rethrown: the worker's error event tells the page, which restarts it.
const { schedule } = startSliceLoop(trainer, (error) => {
  throw error;
});

self.addEventListener('message', (event: MessageEvent<LockstepCommand>) => {
  trainer.handle(event.data);
  schedule();
});
