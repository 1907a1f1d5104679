import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Decodes a PNG in the page (no emulation applies to the pixels read back) to RGBA bytes. */
async function pixelsAt(page: Page, png: Buffer, points: { x: number; y: number }[]) {
  return page.evaluate(
    async ({ data, points }) => {
      // From bytes, not a data: URL: the page's CSP (img-src 'self') refuses data: images.
      const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const image = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d');
      if (!context) throw new Error('no 2d context');
      context.drawImage(image, 0, 0);
      return points.map(({ x, y }) => [...context.getImageData(x, y, 1, 1).data].slice(0, 3));
    },
    { data: png.toString('base64'), points },
  );
}

test('the four classes stay apart under simulated colour blindness, and differ in shape', async ({
  playground,
}) => {
  const { page } = playground;
  await playground.open('#dataset=blobs4');
  const marks = page.getByRole('list', { name: 'Classes' }).locator('svg.class-mark path');
  await expect(marks).toHaveCount(4);
  // Four different shapes.
  const shapes = await marks.evaluateAll((paths) => paths.map((p) => p.getAttribute('d')));
  expect(new Set(shapes).size).toBe(4);
  const centres = [];
  for (const mark of await marks.all()) {
    const box = await mark.boundingBox();
    if (!box) throw new Error('no box');
    centres.push({ x: Math.round(box.x + box.width / 2), y: Math.round(box.y + box.height / 2) });
  }
  const cdp = await page.context().newCDPSession(page);
  for (const type of ['deuteranopia', 'protanopia', 'tritanopia', 'none'] as const) {
    await cdp.send('Emulation.setEmulatedVisionDeficiency', { type });
    const colours = await pixelsAt(page, await page.screenshot(), centres);
    for (let a = 0; a < colours.length; a++) {
      for (let b = a + 1; b < colours.length; b++) {
        const [ca, cb] = [colours[a] as number[], colours[b] as number[]];
        const distance = Math.hypot(...ca.map((v, i) => v - (cb[i] as number)));
        expect(distance, `${type}: classes ${a + 1} and ${b + 1}`).toBeGreaterThan(60);
      }
    }
  }
});
