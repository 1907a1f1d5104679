import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serveStatic, type StaticSite } from '../scripts/staticServer';
import { expect, test } from './fixtures';

/**
 * The built site as a teacher hosts it: a plain static server with the files of dist/ under
 * a sub-path, e.g. a course site's /course/playground/. Nothing may be asked of the host's
 * root: the page, its assets, the training worker and the offline service worker all load
 * from the sub-path.
 */
const SUB_PATH = '/course/playground/';

let root = '';
let site: StaticSite | null = null;

// The service worker is blocked in every other test (playwright.config.ts).
test.use({ serviceWorkers: 'allow' });

test.beforeAll(async () => {
  // The web server of playwright.config.ts has just built dist/ (with the test hooks).
  root = mkdtempSync(join(tmpdir(), 'activation-subpath-'));
  const target = join(root, ...SUB_PATH.split('/').filter(Boolean));
  mkdirSync(target, { recursive: true });
  cpSync(resolve('dist'), target, { recursive: true });
  site = await serveStatic(root);
});

test.afterAll(async () => {
  await site?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

test('served from a sub-path, the page loads, trains, registers its workers there and opens a lesson link', async ({
  playground,
  context,
}) => {
  const { page, run } = playground;
  const base = new URL(SUB_PATH, site?.url).href;
  const requested: string[] = [];
  context.on('request', (request) => requested.push(request.url()));
  const missing: string[] = [];
  context.on('response', (response) => {
    if (response.status() >= 400) missing.push(`${response.status()} ${response.url()}`);
  });

  await page.goto(`${base}#dataset=xor`);
  await playground.waitUntilReady();
  await run.stepTimes(3);
  await expect(run.epoch).toHaveText('3');

  // The training worker is a module script under the sub-path's assets.
  const workers = page.workers().map((worker) => worker.url());
  expect(workers.length).toBeGreaterThan(0);
  for (const url of workers) expect(url.startsWith(base)).toBe(true);
  // The offline copy's service worker: its script and its scope are the sub-path.
  const registration = await page.evaluate(async () => {
    const ready = await navigator.serviceWorker.ready;
    return { scope: ready.scope, script: ready.active?.scriptURL ?? '' };
  });
  expect(registration.scope).toBe(base);
  expect(registration.script).toBe(`${base}sw.js`);
  // Nothing was asked of the host outside the sub-path, and nothing was missing.
  expect(
    requested.filter((url) => url.startsWith(site?.url ?? '') && !url.startsWith(base)),
  ).toEqual([]);
  expect(missing).toEqual([]);

  // A lesson link handed to students opens the lesson with its settings.
  // (A new load: the page reads a lesson link when it opens.)
  await page.goto('about:blank');
  await page.goto(`${base}#lesson=dying-relu`);
  await playground.waitUntilReady();
  await expect(page.getByRole('heading', { name: 'Lesson: A dying ReLU' })).toBeVisible();
  await expect.poll(() => playground.hashFields().lr).toBe('1');
  expect(new URL(page.url()).pathname).toBe(SUB_PATH);

  // Controlled by the service worker from this load on: it reloads there without a network.
  await context.setOffline(true);
  await playground.reload();
  await run.stepTimes(2);
  await expect(run.epoch).toHaveText('2');
  await context.setOffline(false);
  expect(playground.errors).toEqual([]);
});
