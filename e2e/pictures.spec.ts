import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';

test('Download PNG saves the output heatmap with its points and legend, sized for slides', async ({
  playground: p,
  page,
}) => {
  await p.open('#dataset=circle');
  await p.run.stepTimes(2);
  await expect(p.run.epoch).toHaveText('2');
  const saving = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download PNG' }).click();
  const download = await saving;
  expect(download.suggestedFilename()).toBe('activation-playground-output.png');
  const bytes = await readFile((await download.path()) ?? '');
  // The PNG signature, then the IHDR chunk's width and height.
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
  expect(bytes.readUInt32BE(16)).toBe(1600);
  expect(bytes.readUInt32BE(20)).toBe(1000);
  // It decodes: the browser draws it back at that size, with colour in it.
  const decoded = await page.evaluate(async (base64) => {
    // createImageBitmap, not an <img>: the page's CSP (img-src 'self') refuses data: URLs.
    const binary = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const image = await createImageBitmap(new Blob([binary], { type: 'image/png' }));
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d');
    context?.drawImage(image, 0, 0);
    const pixel = context?.getImageData(520, 500, 1, 1).data ?? [];
    return { width: image.width, height: image.height, pixel: Array.from(pixel) };
  }, bytes.toString('base64'));
  expect(decoded.width).toBe(1600);
  expect(decoded.height).toBe(1000);
  expect(decoded.pixel).not.toEqual([255, 255, 255, 255]);
});
