import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, serveStatic, type StaticSite } from '../scripts/staticServer';
import { expect, test } from './fixtures';

/**
 * The production build, as it ships: served by a plain static server that adds the policy as
 * a header too (what a host would do), with Trusted Types required.
 */
const HEADER_POLICY =
  "default-src 'self'; script-src 'self'; worker-src 'self'; object-src 'none'; " +
  "require-trusted-types-for 'script'; trusted-types activation-playground";
/** Names of the test build's hooks (src/worker/testHooks.ts, src/worker/training.worker.ts). */
const HOOK_NAMES = ['testHook', '__activationPlaygroundTest', 'neverLoadNext', 'never-load'];

let outDir = '';
let site: StaticSite | null = null;
let refusing: StaticSite | null = null;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  outDir = mkdtempSync(join(tmpdir(), 'activation-csp-'));
  buildApp(outDir);
  const html = (path: string) => path.endsWith('/') || path.endsWith('.html');
  site = await serveStatic(outDir, (path) =>
    html(path) ? { 'content-security-policy': HEADER_POLICY } : {},
  );
  // A browser whose policy allows no Trusted Types policy at all: the worker cannot start.
  refusing = await serveStatic(outDir, (path) =>
    html(path)
      ? { 'content-security-policy': "require-trusted-types-for 'script'; trusted-types 'none'" }
      : {},
  );
});

test.afterAll(async () => {
  await site?.close();
  await refusing?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

/** Every securitypolicyviolation event of the page, recorded from before its scripts run. */
async function recordViolations(
  page: import('@playwright/test').Page,
): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (e) => {
      seen.push(
        `${e.effectiveDirective} refused ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
  return () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
}

test('the production build holds none of the test hooks', () => {
  const files = readdirSync(join(outDir, 'assets')).filter((f) => f.endsWith('.js'));
  expect(files.length).toBeGreaterThanOrEqual(2);
  for (const file of files) {
    const code = readFileSync(join(outDir, 'assets', file), 'utf8');
    for (const name of HOOK_NAMES) expect(code.includes(name), `${name} in ${file}`).toBe(false);
  }
  const index = readFileSync(join(outDir, 'index.html'), 'utf8');
  expect(index).toContain('http-equiv="Content-Security-Policy"');
  expect(index).toContain("require-trusted-types-for 'script'");
});

test('under the strict policy and Trusted Types the built page loads, trains and breaks no rule', async ({
  playground,
  page,
}) => {
  const violations = await recordViolations(page);
  await page.goto(`${site?.url}#dataset=xor`);
  await playground.waitUntilReady();
  await playground.run.start();
  await playground.run.expectTrainingGoesOn();
  await playground.run.stop();
  await playground.run.settle();
  await playground.network.neuron(1, 1).hover();
  expect(await violations()).toEqual([]);
  expect(
    await page.evaluate(() => typeof (window as { trustedTypes?: unknown }).trustedTypes),
  ).toBe('object');
});

test('under the strict policy a custom f(x) neuron compiles, trains and draws without eval', async ({
  playground,
  page,
}) => {
  const violations = await recordViolations(page);
  const fx = encodeURIComponent('max(0, x) + 0.1 * sin(3 * x) ^ 2');
  await page.goto(`${site?.url}#dataset=circle&net=custom,tanh;custom&fx=${fx}`);
  await playground.waitUntilReady();
  await playground.network.expectActivation(1, 1, 'Custom: max(0, x) + 0.1 * sin(3 * x) ^ 2');
  await playground.run.start();
  await playground.run.expectTrainingGoesOn();
  await playground.run.stop();
  await playground.run.settle();
  // A new expression typed in the palette compiles on the page too.
  await playground.network.neuron(1, 1).click();
  const field = playground.network.palette.dialog.getByRole('textbox', { name: 'f(x)' });
  await field.fill('tanh(x) - 0.05 * x^3');
  await playground.network.expectActivation(1, 1, 'Custom: tanh(x) - 0.05 * x^3');
  await playground.run.stepTimes(2);
  expect(await violations()).toEqual([]);
});

test('the policy is in force: a script injected into the page can neither write HTML nor start a worker', async ({
  playground,
  page,
}) => {
  const violations = await recordViolations(page);
  await page.goto(`${site?.url}#dataset=xor`);
  await playground.waitUntilReady();
  const refused = await page.evaluate(() => {
    const attempts: Record<string, boolean> = {};
    const attempt = (name: string, run: () => void) => {
      try {
        run();
        attempts[name] = false;
      } catch {
        attempts[name] = true;
      }
    };
    attempt('innerHTML', () => {
      document.body.insertAdjacentHTML('beforeend', '<img src=x onerror="alert(1)">');
    });
    attempt('worker', () => new Worker('./assets/evil.js'));
    return attempts;
  });
  expect(refused).toEqual({ innerHTML: true, worker: true });
  expect((await violations()).length).toBeGreaterThanOrEqual(2);
  // The browser reports each refusal on the console: expected here.
  expect(playground.errors.every((e) => /Trusted|Content Security Policy/i.test(e))).toBe(true);
  playground.errors.length = 0;
});

test('a browser that refuses to start the worker gets a message, not a blank page', async ({
  playground,
  page,
}) => {
  await page.goto(refusing?.url ?? '');
  await expect(page.getByRole('alert')).toContainText(
    'Activation Playground cannot train in this browser.',
  );
  await expect(page.getByRole('alert')).toContainText('the browser refused to start one');
  expect(playground.errors.every((e) => /Trusted|Content Security Policy/i.test(e))).toBe(true);
  playground.errors.length = 0;
});
