import type { Browser, BrowserContextOptions } from '@playwright/test';
import { expect, test } from './fixtures';
import { layoutProblems } from './layoutChecks';
import { Playground } from './pages/Playground';

/** The screens of a classroom, each as a fresh browser context. Zoom: a smaller CSS viewport. */
const SCREENS = [
  { name: '1024x768', viewport: { width: 1024, height: 768 } },
  { name: '1366x768', viewport: { width: 1366, height: 768 } },
  { name: '1280x800', viewport: { width: 1280, height: 800 } },
  { name: '1920x1080', viewport: { width: 1920, height: 1080 } },
  {
    name: '768x1024-touch',
    viewport: { width: 768, height: 1024 },
    hasTouch: true,
    isMobile: true,
  },
  { name: '1280x800-at-150%', viewport: { width: 853, height: 533 }, deviceScaleFactor: 1.5 },
  { name: '1280x800-at-200%', viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 },
  {
    name: 'presentation-1920x1080',
    viewport: { width: 1920, height: 1080 },
    flags: 'presentation=1',
  },
  {
    name: 'presentation-1280x720',
    viewport: { width: 1280, height: 720 },
    flags: 'presentation=1',
  },
  { name: 'embed-970x700', viewport: { width: 970, height: 700 }, flags: 'embed=1' },
] as const;

async function openAt(browser: Browser, screen: BrowserContextOptions, hash = '') {
  const context = await browser.newContext({ ...screen });
  const playground = new Playground(await context.newPage());
  await playground.open(hash);
  return { context, playground };
}

for (const { flags, ...screen } of SCREENS.map((s) => ({ flags: '', ...s }))) {
  test(`at ${screen.name} nothing leaves its panel and the palette stays in the window`, async ({
    browser,
  }) => {
    // Checkerboard: the longest data set name, in its tile.
    const hash = `#log=true&dataset=checkerboard${flags ? `&${flags}` : ''}`;
    const { context, playground } = await openAt(browser, screen, hash);
    const { page, network, run } = playground;
    // Before training the loss chart shows its message, then its curves. (Polled: the charts
    // follow their boxes' sizes a frame after the page lays out.)
    await expect.poll(() => layoutProblems(page)).toEqual([]);
    await run.stepTimes(3);
    await expect(run.epoch).toHaveText('3');
    expect(await layoutProblems(page)).toEqual([]);

    const neuron = network.neuron(2, 1);
    await neuron.scrollIntoViewIfNeeded();
    await neuron.click();
    const palette = network.palette.dialog;
    await expect(palette).toBeVisible();
    const box = await palette.boundingBox();
    // Never over the neuron it changes, where the window has room beside, above or below it.
    // Not checked under 1024 CSS px (150% and 200% zoom): there the only room beside the
    // neuron is over the output heatmap, and the palette covers the small neuron rather than
    // the large picture of what it changes. On a 720-line projector it is nearly the window.
    const opened = await neuron.boundingBox();
    const size = page.viewportSize();
    const room =
      box &&
      opened &&
      size &&
      size.width >= 1024 &&
      (opened.x >= box.width + 16 ||
        size.width - opened.x - opened.width >= box.width + 16 ||
        opened.y >= box.height + 16 ||
        size.height - opened.y - opened.height >= box.height + 16);
    if (box && opened && room) {
      const apart =
        box.x + box.width <= opened.x ||
        opened.x + opened.width <= box.x ||
        box.y + box.height <= opened.y ||
        opened.y + opened.height <= box.y;
      expect(apart, JSON.stringify({ box, opened })).toBe(true);
    }
    const view = page.viewportSize();
    expect(box && view).toBeTruthy();
    if (box && view) {
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(view.width);
      expect(box.y + box.height).toBeLessThanOrEqual(view.height);
    }
    await playground.screenshot(`layout-${screen.name}`);
    await page.keyboard.press('Escape');
    expect(playground.errors).toEqual([]);
    await context.close();
  });
}

for (const screen of [SCREENS[2], SCREENS[0]]) {
  test(`at ${screen.name} the palette covers neither its neuron, the output heatmap nor the data`, async ({
    browser,
  }) => {
    const { context, playground } = await openAt(browser, screen);
    const { page, network, output } = playground;
    for (const [layer, neuron] of [
      [1, 1],
      [2, 2],
    ] as const) {
      const opener = network.neuron(layer, neuron);
      await opener.click();
      await expect(network.palette.dialog).toBeVisible();
      const p = await network.palette.dialog.boundingBox();
      for (const covered of [opener, output.heatmap, page.locator('.data-panel')]) {
        const c = await covered.boundingBox();
        if (!p || !c) throw new Error('no box');
        const apart =
          p.x + p.width <= c.x ||
          c.x + c.width <= p.x ||
          p.y + p.height <= c.y ||
          c.y + c.height <= p.y;
        expect(apart, JSON.stringify({ layer, neuron, p, c })).toBe(true);
      }
      await page.keyboard.press('Escape');
    }
    await context.close();
  });
}

test('with eight layers at 1040 px each layer button is what a click there hits', async ({
  browser,
}) => {
  const net = Array.from({ length: 8 }, () => 'tanh,tanh,tanh').join(';');
  const { context, playground } = await openAt(
    browser,
    { viewport: { width: 1040, height: 768 } },
    `#net=${net}`,
  );
  const { page } = playground;
  const buttons = page.locator('.layer-header button');
  await expect(buttons).toHaveCount(24);
  for (const button of await buttons.all()) {
    const hit = await button.evaluate((b) => {
      const r = b.getBoundingClientRect();
      const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return { self: at === b || b.contains(at), w: r.width, h: r.height };
    });
    expect(hit.self, (await button.getAttribute('aria-label')) ?? '').toBe(true);
    expect(hit.w).toBeGreaterThanOrEqual(24);
    expect(hit.h).toBeGreaterThanOrEqual(24);
  }
  expect(await layoutProblems(page)).toEqual([]);
  await context.close();
});

test('the epoch readout keeps its width as the counter grows', async ({ playground }) => {
  const { page } = playground;
  await playground.open();
  const speed = page.locator('.run-controls select');
  const before = await speed.boundingBox();
  await page.getByTestId('epoch').evaluate((e) => (e.textContent = '12,345,678'));
  const after = await speed.boundingBox();
  expect(after?.x).toBe(before?.x);
});

test('on a touch screen, "Show large" puts a neuron in the large heatmap', async ({ browser }) => {
  const { context, playground } = await openAt(browser, SCREENS[4]);
  const { page, network } = playground;
  await network.neuron(1, 2).tap();
  await page.getByRole('button', { name: 'Show large' }).tap();
  await expect(page.locator('.big-heatmap figcaption')).toHaveText(/^Layer 1 neuron 2/);
  // The output is on the screen together with the network, without scrolling.
  const heatmap = await playground.output.heatmap.boundingBox();
  expect((heatmap?.y ?? 9999) + (heatmap?.height ?? 0)).toBeLessThanOrEqual(1024);
  await context.close();
});

test('a notice about a bad link covers neither the network nor the open palette', async ({
  playground,
}) => {
  const { page, network, notices } = playground;
  await playground.open('#dataset=nope&lr=abc&net=tanh,bogus;relu');
  const warning = notices.linkWarning();
  await expect(warning).toBeVisible();
  await network.neuron(1, 1).click();
  await expect(network.palette.dialog).toBeVisible();
  const n = await warning.boundingBox();
  for (const other of [
    page.locator('.panel').first(),
    page.locator('.network-panel'),
    network.palette.dialog,
  ]) {
    const o = await other.boundingBox();
    if (!n || !o) throw new Error('no box');
    const apart =
      n.x + n.width <= o.x ||
      o.x + o.width <= n.x ||
      n.y + n.height <= o.y ||
      o.y + o.height <= n.y;
    expect(apart, `notice ${JSON.stringify(n)} apart from ${JSON.stringify(o)}`).toBe(true);
  }
  expect(await layoutProblems(page)).toEqual([]);
});
