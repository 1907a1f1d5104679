/**
 * Hooks for the browser tests, in test builds only (`vite build --mode e2e`): the runtime
 * uses them under `import.meta.env.MODE === 'e2e'`, so a production build leaves this module
 * out (an e2e check greps the production bundle for the hook names).
 *
 * `window.__activationPlaygroundTest`:
 * - `worker('close' | 'hang')`: the current worker closes itself or loops forever;
 * - `neverLoadNext(count)`: the next `count` workers started never finish loading.
 */
import type { WorkerLike } from './client';
import { allowBundledWorker, createTrustedWorker, TRAINING_WORKER_URL } from './workerUrl';

export type TestHookAction = 'close' | 'hang';

export interface TestHooks {
  worker(action: TestHookAction): void;
  neverLoadNext(count: number): void;
}

/** Installs the hooks on `window` and returns the worker factory they steer. */
export function installTestHooks(): () => WorkerLike {
  const neverLoadUrl = allowBundledWorker(`${TRAINING_WORKER_URL}?never-load`);
  let neverLoad = 0;
  let current: Worker | null = null;
  const hooks: TestHooks = {
    worker(action) {
      current?.postMessage({ type: 'testHook', action });
    },
    neverLoadNext(count) {
      neverLoad = count;
    },
  };
  (window as unknown as { __activationPlaygroundTest: TestHooks }).__activationPlaygroundTest =
    hooks;
  return () => {
    const url = neverLoad > 0 ? neverLoadUrl : TRAINING_WORKER_URL;
    if (neverLoad > 0) neverLoad--;
    current = createTrustedWorker(url);
    return current;
  };
}
