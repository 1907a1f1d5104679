import { readFile, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
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

/** How many distinct colours a PNG has, decoded by the page (its CSP allows blobs there). */
async function coloursOf(page: import('@playwright/test').Page, png: Buffer) {
  return page.evaluate(async (base64) => {
    const binary = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const image = await createImageBitmap(new Blob([binary], { type: 'image/png' }));
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d');
    context?.drawImage(image, 0, 0);
    const data = context?.getImageData(0, 0, image.width, image.height).data ?? [];
    const colours = new Set<number>();
    for (let i = 0; i < data.length; i += 4 * 7) {
      colours.add(((data[i] ?? 0) << 16) | ((data[i + 1] ?? 0) << 8) | (data[i + 2] ?? 0));
    }
    return { width: image.width, height: image.height, colours: colours.size };
  }, png.toString('base64'));
}

test('Download diagram saves the whole network as a standalone SVG and as a PNG for slides', async ({
  playground: p,
  page,
  context,
}, testInfo) => {
  await p.open('#dataset=circle');
  await p.run.stepTimes(2);
  await expect(p.run.epoch).toHaveText('2');
  const nodes = await page.locator('.diagram .neuron').count();

  const savingSvg = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download diagram (SVG)' }).click();
  const svgDownload = await savingSvg;
  expect(svgDownload.suggestedFilename()).toBe('activation-playground-network.svg');
  const svg = await readFile((await svgDownload.path()) ?? '', 'utf8');
  expect(svg).toMatch(
    /^<\?xml[^>]*>\s*<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="1600" height="1000"/,
  );
  // Self-contained: every node's heatmap is embedded, nothing is fetched, no script, no CSS.
  expect(svg.match(/<image [^>]*href="data:image\/png;base64,/g)).toHaveLength(nodes);
  expect(svg.replace('http://www.w3.org/2000/svg', '')).not.toMatch(/https?:|<script|<style|url\(/);
  // It opens on its own, outside the page, and shows the heatmaps' colours.
  const file = testInfo.outputPath('diagram.svg');
  await writeFile(file, svg);
  const viewer = await context.newPage();
  const requests: string[] = [];
  viewer.on('request', (request) => requests.push(request.url()));
  await viewer.setViewportSize({ width: 1600, height: 1000 });
  await viewer.goto(pathToFileURL(file).href);
  expect(await viewer.evaluate(() => document.documentElement.tagName)).toBe('svg');
  const shot = await viewer.screenshot();
  await viewer.close();
  expect(requests.filter((url) => !url.startsWith('file:') && !url.startsWith('data:'))).toEqual(
    [],
  );
  expect((await coloursOf(page, shot)).colours).toBeGreaterThan(100);

  const savingPng = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download diagram (PNG)' }).click();
  const pngDownload = await savingPng;
  expect(pngDownload.suggestedFilename()).toBe('activation-playground-network.png');
  const png = await readFile((await pngDownload.path()) ?? '');
  expect(png.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
  expect(png.readUInt32BE(16)).toBe(1600);
  expect(png.readUInt32BE(20)).toBe(1000);
  const decoded = await coloursOf(page, png);
  expect(decoded).toMatchObject({ width: 1600, height: 1000 });
  expect(decoded.colours).toBeGreaterThan(100);
});
