/**
 * Starting the bundled worker under the page's Content-Security-Policy, which requires
 * Trusted Types for scripts (`require-trusted-types-for 'script'`): `new Worker` then takes
 * only a TrustedScriptURL, made by the one policy the CSP allows (`trusted-types
 * activation-playground`), and that policy passes only the URLs of workers Vite bundled.
 * A page script injected by an attacker can therefore start no worker of its own.
 */
// `?worker&url`: Vite bundles the worker (as it would for `new Worker(new URL(…))`) and gives
// its URL, so the URL can go through the policy before it reaches `new Worker`.
import trainingWorkerUrl from './training.worker.ts?worker&url';

/** The policy's name; index.html's CSP names it in `trusted-types`. */
export const TRUSTED_TYPES_POLICY = 'activation-playground';

/** The bundled training worker, absolute. */
export const TRAINING_WORKER_URL = absolute(trainingWorkerUrl);

/** The parts of the Trusted Types API used here (not yet in TypeScript's DOM library). */
interface TrustedTypePolicyFactoryLike {
  createPolicy(
    name: string,
    rules: { createScriptURL(input: string): string },
  ): { createScriptURL(input: string): unknown };
}

const allowed = new Set<string>([TRAINING_WORKER_URL]);
let policy: { createScriptURL(input: string): unknown } | null | undefined;

/**
 * Lets the policy pass one more bundled worker URL (the test build's never-loading worker).
 * Only URLs of the page's own origin are taken.
 */
export function allowBundledWorker(url: string): string {
  const full = absolute(url);
  if (new URL(full).origin !== location.origin) throw new TypeError(`${url} is not same-origin`);
  allowed.add(full);
  return full;
}

/**
 * A module worker of `url`, which must be one of the allowed bundled URLs.
 * @throws when the browser refuses: no Worker support, a policy it will not create, or a
 *   CSP that blocks the worker outright
 */
export function createTrustedWorker(url: string): Worker {
  const scriptUrl = trustedScriptUrl(url);
  // A TrustedScriptURL is what `new Worker` takes under Trusted Types; the DOM typings
  // know only strings and URLs.
  return new Worker(scriptUrl as string, { type: 'module' });
}

function trustedScriptUrl(url: string): unknown {
  policy ??= createPolicy();
  if (policy === null) {
    if (!allowed.has(url)) throw new TypeError(`${url} is not a bundled worker`);
    return url;
  }
  return policy.createScriptURL(url);
}

/** The page's policy, or null in a browser without Trusted Types (nothing to enforce there). */
function createPolicy(): { createScriptURL(input: string): unknown } | null {
  const factory = (globalThis as { trustedTypes?: TrustedTypePolicyFactoryLike }).trustedTypes;
  if (!factory) return null;
  return factory.createPolicy(TRUSTED_TYPES_POLICY, {
    createScriptURL(input: string): string {
      if (allowed.has(input)) return input;
      throw new TypeError(`Trusted Types: ${input} is not a worker of this page`);
    },
  });
}

function absolute(url: string): string {
  const base = typeof location === 'undefined' ? 'http://localhost/' : location.href;
  return new URL(url, base).href;
}

/**
 * Registers the offline service worker (`sw.js` beside index.html, made by vite-plugin-pwa)
 * through the policy: under `require-trusted-types-for 'script'` the browser refuses a plain
 * URL here as it does for `new Worker`. A browser without service workers simply stays online.
 */
export function registerServiceWorker(): void {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  const url = allowBundledWorker('./sw.js');
  navigator.serviceWorker
    .register(trustedScriptUrl(url) as string, { scope: './' })
    .catch((error: unknown) => console.warn('The offline copy could not be set up:', error));
}
