/**
 * Experiment workers as Node worker threads, for the benchmark and scripts. The worker file is
 * TypeScript, loaded through tsx (see experimentWorker.mjs), so it runs the sources the page bundles.
 */
import { Worker } from 'node:worker_threads';
import type { ExperimentEvent } from '../src/experiment/messages';
import type { WorkerFactory, WorkerHandlers, WorkerLike } from '../src/experiment/pool';

const WORKER_URL = new URL('./experimentWorker.mjs', import.meta.url);

/** A started worker thread waiting to be handed to a pool. */
export interface NodeWorker {
  attach(handlers: WorkerHandlers): WorkerLike;
}

/** What a worker thread posts once its modules are loaded, before any result. */
export const READY = 'ready';

/** Starts a worker thread; resolves once it has loaded (tsx compiles its modules on load). */
export function startNodeWorker(): Promise<NodeWorker> {
  const worker = new Worker(WORKER_URL);
  let handlers: WorkerHandlers | null = null;
  let loaded: () => void = () => {};
  worker.on('message', (event: ExperimentEvent | typeof READY) => {
    if (event === READY) loaded();
    else handlers?.onEvent(event);
  });
  worker.on('error', (error) => handlers?.onCrash(error.message));
  worker.on('exit', (code) => handlers?.onCrash(`the worker thread exited with code ${code}`));
  return new Promise((resolve, reject) => {
    loaded = () =>
      resolve({
        attach(h) {
          handlers = h;
          return {
            send: (command) => worker.postMessage(command),
            terminate: () => {
              handlers = null;
              void worker.terminate();
            },
          };
        },
      });
    worker.once('error', reject);
  });
}

/**
 * A factory that hands out already started workers first (so start-up is not timed), then
 * starts new ones, which the pool's replacements need.
 */
export function nodeWorkerFactory(ready: NodeWorker[]): WorkerFactory {
  return (handlers) => {
    const warm = ready.shift();
    if (warm) return warm.attach(handlers);
    let attached: WorkerLike | null = null;
    let stopped = false;
    const pending: Parameters<WorkerLike['send']>[0][] = [];
    void startNodeWorker().then(
      (worker) => {
        if (stopped) return worker.attach(handlers).terminate();
        attached = worker.attach(handlers);
        for (const command of pending.splice(0)) attached.send(command);
      },
      (error: unknown) => handlers.onCrash(String(error)),
    );
    return {
      send: (command) => (attached ? attached.send(command) : pending.push(command)),
      terminate: () => {
        stopped = true;
        attached?.terminate();
      },
    };
  };
}
