/**
 * A worker that runs in the calling thread, one run per macrotask: for tests, and for
 * anywhere without Workers. It blocks its thread while a run trains.
 */
import type { WorkerFactory } from './pool';
import { handleExperimentCommand } from './workerCore';

export const createInProcessWorker: WorkerFactory = (handlers) => {
  let stopped = false;
  return {
    send(command) {
      setTimeout(() => {
        if (stopped) return;
        const event = handleExperimentCommand(command);
        if (!stopped) handlers.onEvent(event);
      }, 0);
    },
    terminate() {
      stopped = true;
    },
  };
};
