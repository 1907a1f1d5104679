import { expect, test } from './fixtures';

// The service worker is blocked in every other test (playwright.config.ts).
test.use({ serviceWorkers: 'allow' });

test('after one visit the page reloads and trains without a network', async ({
  playground,
  context,
}) => {
  const { page, run } = playground;
  await playground.open('#dataset=xor');
  // The service worker has installed and precached the page, its assets and the worker.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  // A page is controlled by a service worker from its next load on.
  await playground.reload();
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await context.setOffline(true);
  await playground.reload();
  await run.stepTimes(3);
  await expect(run.epoch).toHaveText('3');
  await context.setOffline(false);
});
