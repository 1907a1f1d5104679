/** The page's side of one experiment worker: a module Worker behind the pool's WorkerLike. */
import { allowBundledWorker, createTrustedWorker } from '../worker/workerUrl';
import type { ExperimentEvent } from './messages';
import type { WorkerFactory } from './pool';
// The bundled worker's URL, to pass through the page's Trusted Types policy (see workerUrl.ts).
import experimentWorkerUrl from './experiment.worker.ts?worker&url';

/**
 * Starts an experiment worker in the browser. A script error, a failed load or a message that
 * cannot be read reports a crash, and the pool replaces the worker.
 */
export const createBrowserWorker: WorkerFactory = (handlers) => {
  const worker = createTrustedWorker(allowBundledWorker(experimentWorkerUrl));
  worker.onmessage = (event: MessageEvent<ExperimentEvent>) => handlers.onEvent(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    handlers.onCrash(event.message || 'the worker could not start');
  };
  worker.onmessageerror = () => handlers.onCrash('a message from the worker could not be read');
  return {
    send: (command) => worker.postMessage(command),
    terminate: () => worker.terminate(),
  };
};

/** Cores the page may use for an experiment: navigator.hardwareConcurrency, when known. */
export function browserCores(): number {
  return typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 1 : 1;
}
