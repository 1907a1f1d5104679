/**
 * The experiment worker: a thin adapter that runs each `run` command to the end and posts its
 * result. Typed against the app's DOM lib (see src/worker/training.worker.ts), so `self` is
 * typed as a Window; the calls used here exist on both.
 */
import { eventTransferables, type ExperimentCommand } from './messages';
import { handleExperimentCommand } from './workerCore';

self.addEventListener('message', (event: MessageEvent<ExperimentCommand>) => {
  const reply = handleExperimentCommand(event.data);
  self.postMessage(reply, { transfer: eventTransferables(reply) });
});
