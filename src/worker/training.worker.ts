/**
 * The training worker: a thin adapter that feeds the page's commands to a Trainer and runs
 * its slices. Typed against the app's DOM lib (see docs: the DOM and WebWorker libs clash in
 * one program), so `self` is typed as a Window; the calls used here exist on both.
 */
import type { WorkerCommand, WorkerEvent } from './protocol';
import { startSliceLoop } from './sliceLoop';
import { Trainer } from './trainer';

// Test builds only (`vite build --mode e2e`; a production build drops this): a worker opened
// with `?never-load` never finishes loading its script, like one stuck on a dead network.
if (import.meta.env.MODE === 'e2e' && new URLSearchParams(self.location.search).has('never-load')) {
  await new Promise<never>(() => {});
}

function send(event: WorkerEvent, transfer: Transferable[]): void {
  // The options form of postMessage types under the DOM lib and means the same in a worker.
  self.postMessage(event, { transfer });
}

function reportFailure(error: unknown): void {
  const reason = error instanceof Error ? error.message : String(error);
  send({ type: 'failed', message: `The training worker hit an error: ${reason}` }, []);
}

const trainer = new Trainer(send, () => performance.now());

// runSlice reports its own errors; the loop's handler catches only a failure to report them.
const { schedule } = startSliceLoop(trainer, reportFailure);

self.addEventListener('message', (event: MessageEvent<WorkerCommand>) => {
  if (import.meta.env.MODE === 'e2e' && runTestHook(event.data)) return;
  try {
    trainer.handle(event.data);
  } catch (error) {
    reportFailure(error);
  }
  schedule();
});

/**
 * Test builds only: `{ type: 'testHook', action }` makes the worker stop as real workers can
 * without an error event (`close`: it closes itself; `hang`: an endless loop). True when the
 * message was a hook.
 */
function runTestHook(message: unknown): boolean {
  const hook = message as { type?: unknown; action?: unknown };
  if (hook.type !== 'testHook') return false;
  if (hook.action === 'close') self.close();
  if (hook.action === 'hang') {
    for (;;) {
      // Never returns: the watchdog must notice.
    }
  }
  return true;
}
