import { expect, test } from './fixtures';

test('an edit followed at once by a reload survives it', async ({ playground, page }) => {
  const { run } = playground;
  await playground.open('#dataset=xor');
  await run.learningRate.selectOption('0.3');
  // No waiting for the hash's 200 ms of quiet: the edit is handed to the next page as it is made.
  await page.reload();
  await playground.waitUntilReady();
  await expect(run.learningRate).toHaveValue('0.3');
  expect(playground.hashFields()).toMatchObject({ dataset: 'xor', lr: '0.3' });
});

test('an edit is in the address as soon as the page is hidden (a hidden tab may be discarded)', async ({
  playground,
  page,
}) => {
  const { run } = playground;
  await playground.open('#dataset=xor');
  await run.learningRate.selectOption('1');
  // What a switched tab sends before the browser may discard it without another event.
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  expect(playground.hashFields()).toMatchObject({ lr: '1' });
});
