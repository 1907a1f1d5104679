import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import type { Playground } from './pages/Playground';

const LINK = '#dataset=spiral&net=sin,relu,tanh;gaussian,silu&opt=adam&lr=0.03';

/** The losses the page shows, every digit. */
async function losses(p: Playground): Promise<[string, string]> {
  return [
    (await p.output.trainLoss.getAttribute('data-value')) ?? '',
    (await p.output.testLoss.getAttribute('data-value')) ?? '',
  ];
}

async function stepTo(p: Playground, epoch: number): Promise<void> {
  const now = await p.run.epochNumber();
  await p.run.stepTimes(epoch - now);
  await expect(p.run.epoch).toHaveText(epoch.toLocaleString('en'));
}

test('a saved network opens and goes on with the very numbers it would have had', async ({
  playground: p,
  page,
}) => {
  await p.open(LINK);
  await stepTo(p, 5);
  const saving = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save network' }).click();
  const download = await saving;
  expect(download.suggestedFilename()).toBe('activation-playground-epoch-5.json');
  const text = await readFile((await download.path()) ?? '', 'utf8');
  expect(JSON.parse(text)).toMatchObject({ format: 'activation-playground-network', version: 1 });

  await stepTo(p, 9);
  const expected = await losses(p);

  // Somewhere else entirely: other data and shape, then the file brings the network back.
  await p.run.reset.click();
  await p.page.goto('./#dataset=xor&net=relu');
  await p.waitUntilReady();
  await page.getByLabel('Network file').setInputFiles({
    name: 'saved.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  await expect(p.run.epoch).toHaveText('5');
  await expect(p.network.hiddenNeurons).toHaveCount(5);
  await stepTo(p, 9);
  expect(await losses(p)).toEqual(expected);
});

test('a broken or foreign file is refused with a message and the page stays as it was', async ({
  playground: p,
  page,
}) => {
  await p.open(LINK);
  await stepTo(p, 3);
  const before = await losses(p);
  await page.getByLabel('Network file').setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format": "activation-playground-network", "version": 1, "con'),
  });
  await expect(p.notices.area).toContainText('This file could not be opened');
  // Dropped on the page: the same way in, the same refusal.
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.items.add(new File(['{"format":"other"}'], 'other.json', { type: 'application/json' }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, cancelable: true }));
  });
  await expect(p.notices.area).toContainText('not an Activation Playground network file');
  await expect(p.run.epoch).toHaveText('3');
  expect(await losses(p)).toEqual(before);
});
