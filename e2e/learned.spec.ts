import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { axeViolations, smallTargets } from './axe';
import { expect, test } from './fixtures';
import { layoutProblems } from './layoutChecks';
import type { Playground } from './pages/Playground';

/** A spiral with two tanh layers, trained fast. */
const SPIRAL =
  '#dataset=spiral&features=x1,x2&net=tanh,tanh,tanh,tanh;tanh,tanh,tanh&lr=0.03&speed=max';
/** A learned mix's name: its label and leading shares. */
const MIX_NAME = /^Layer \d+ neuron \d+, Learned mix: \d+% [^,]+, \d+% [^,]+, …/;

/** The glyph canvas of hidden neuron (layer, neuron), as RGBA bytes. */
async function glyphPixels(p: Playground, layer: number, neuron: number): Promise<number[]> {
  return p.network
    .neuron(layer, neuron)
    .getByTestId('learned-glyph')
    .evaluate((element) => {
      const canvas = element as HTMLCanvasElement;
      const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
      return data ? [...data] : [];
    });
}

/** The blend bar's segments' weights (thousandths) of a neuron. */
async function blend(p: Playground, layer: number, neuron: number): Promise<string[]> {
  return p.network
    .neuron(layer, neuron)
    .getByTestId('blend-bar')
    .evaluate((bar) => [...bar.children].map((s) => (s as HTMLElement).style.flexGrow));
}

/** The saved network file, parsed. */
async function savedNetwork(page: Page): Promise<{ weights: number[]; hidden: string[][] }> {
  const saving = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save network' }).click();
  const download = await saving;
  const file = JSON.parse(await readFile((await download.path()) ?? '', 'utf8')) as {
    config: { hidden: string[][] };
    state: { weights: number[] };
  };
  return { weights: file.state.weights, hidden: file.config.hidden };
}

function button(page: Page, name: string): Locator {
  return page.getByRole('button', { name, exact: true });
}

test('let the network choose on the spiral: live glyphs, blends and names, then freeze and undo', async ({
  playground: p,
  page,
}) => {
  const { network, run } = p;
  await p.open(SPIRAL);
  await expect(button(page, 'Freeze choices')).toBeDisabled();
  await expect(button(page, 'Undo freeze')).toHaveCount(0);

  // Epoch 0 with every neuron an even blend: give the first layer Learned mix by its ƒ menu.
  await network.setLayerActivation(1).click();
  await network.palette.dialog.getByRole('button', { name: 'Learned activations' }).click();
  await network.palette.dialog.getByRole('option', { name: 'Learned mix', exact: true }).click();
  // The mix stays open on the palette it blends.
  await expect(
    network.palette.dialog.getByRole('group', { name: 'Learned mix palette' }),
  ).toBeVisible();
  await network.palette.close.click();
  await expect(network.neuron(1, 1)).toHaveAccessibleName(
    'Layer 1 neuron 1, Learned mix: 17% ReLU, 17% Tanh, …',
  );
  const atStart = await glyphPixels(p, 1, 1);
  expect(atStart.length).toBeGreaterThan(0);
  expect(new Set(await blend(p, 1, 1)).size).toBe(1);

  await button(page, 'Let the network choose').click();
  await expect(run.pause).toBeVisible();
  await expect(network.hiddenNeurons).toHaveCount(7);
  for (const name of await network.neuronNames()) expect(name).toMatch(MIX_NAME);
  const chart = page.getByRole('img', { name: /^Share of each activation in the learned mixes/ });
  await expect(chart).toBeVisible();
  await expect.poll(() => run.epochNumber(), { timeout: 30_000 }).toBeGreaterThanOrEqual(300);

  // The curve, the blend and the name have moved away from the even blend.
  await expect.poll(async () => (await glyphPixels(p, 1, 1)).join()).not.toBe(atStart.join());
  await expect.poll(async () => new Set(await blend(p, 1, 1)).size).toBeGreaterThan(1);
  await expect(network.neuron(1, 1)).not.toHaveAccessibleName(/17% ReLU, 17% Tanh/);
  await expect(network.neuron(1, 1)).toHaveAccessibleName(MIX_NAME);
  await expect(chart).toHaveAccessibleName(/Layer 1: \d+% \w+.*; Layer 2: \d+% \w+/);
  await p.screenshot('learned-choosing');

  // Freeze while paused: every neuron takes a palette entry, every weight stays as it was.
  await run.stop();
  await run.settle();
  const before = await savedNetwork(page);
  expect(before.hidden.flat().every((id) => id === 'mixture')).toBe(true);
  // By keyboard: the freeze disables its own button and hands the focus to Undo freeze.
  await button(page, 'Freeze choices').focus();
  await page.keyboard.press('Enter');
  await expect(button(page, 'Undo freeze')).toBeFocused();
  await expect(
    p.notices.statuses.filter({ hasText: /^Froze 7 neurons: test loss [\d.e-]+ → [\d.e-]+\./ }),
  ).toBeVisible();
  const palette = ['ReLU', 'Tanh', 'Sine', 'Gaussian', 'Sigmoid', 'Linear'];
  for (const name of await network.neuronNames()) {
    const [neuron, label] = name.split(', ');
    expect(palette, `${neuron} froze to one of the palette`).toContain(label);
  }
  await expect(chart).toHaveCount(0);
  await expect(run.play).toBeVisible();
  const after = await savedNetwork(page);
  const fixed = ['relu', 'tanh', 'sin', 'gaussian', 'sigmoid', 'linear'];
  expect(after.hidden.flat().every((id) => fixed.includes(id))).toBe(true);
  expect(after.weights).toEqual(before.weights);

  // Undo brings the mixes back, as they were, and the focus back to Freeze choices.
  await button(page, 'Undo freeze').focus(); // saving above took the focus
  await page.keyboard.press('Enter');
  await expect(button(page, 'Undo freeze')).toHaveCount(0);
  await expect(button(page, 'Freeze choices')).toBeFocused();
  await expect(chart).toBeVisible();
  for (const name of await network.neuronNames()) expect(name).toMatch(MIX_NAME);
  const undone = await savedNetwork(page);
  expect(undone.hidden).toEqual(before.hidden);
  expect(undone.weights).toEqual(before.weights);
});

test('the learned group of the palette: keyboard, slope and β, the blend palette, axe', async ({
  playground: p,
  page,
}) => {
  const { network } = p;
  await p.open(SPIRAL);
  await network.neuron(1, 1).click();
  // Folded under the fixed activations until asked for.
  const fold = network.palette.dialog.getByRole('button', { name: 'Learned activations' });
  await expect(fold).toHaveAttribute('aria-expanded', 'false');
  await fold.click();
  const learned = network.palette.dialog.getByRole('listbox', { name: 'Learned activations' });
  await expect(learned.getByRole('option')).toHaveText([
    /PReLU/,
    /Swish \(learned β\)/,
    /Learned mix/,
  ]);
  // The 17 fixed activations and "Custom: f(x)"; the learned three are not among them.
  await expect(network.palette.listbox.getByRole('option')).toHaveCount(18);
  await learned.getByRole('option', { name: 'PReLU', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(network.palette.dialog).toBeHidden();
  await expect(network.neuron(1, 1)).toHaveAccessibleName(
    'Layer 1 neuron 1, PReLU, slope a = 0.25',
  );
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(network.neuron(1, 1)).toHaveAccessibleName(
    /^Layer 1 neuron 1, PReLU, slope a = -?\d/,
  );

  // Its palette says the learned slope; arrows move in the learned group; Swish by keyboard.
  await network.neuron(1, 1).click();
  await expect(network.palette.dialog.getByTestId('learned-values')).toHaveText(
    /^Learned now: slope a = -?\d/,
  );
  await learned.getByRole('option', { name: 'PReLU', exact: true }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(learned.getByRole('option', { name: 'Swish (learned β)' })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(network.neuron(1, 1)).toHaveAccessibleName(
    /^Layer 1 neuron 1, Swish \(learned β\), β = /,
  );

  // The hover view says it too, over the large heatmap.
  await network.neuron(1, 1).hover();
  await expect(p.output.region.getByTestId('learned-values')).toHaveText(/^β = -?\d/);

  // The blend palette, edited by keyboard, with axe clean while open.
  await network.neuron(1, 2).click();
  await network.palette.dialog.getByRole('button', { name: 'Learned activations' }).click();
  await network.palette.dialog
    .getByRole('button', { name: /^Show the blended activations/ })
    .click();
  const entries = network.palette.dialog.getByRole('group', { name: 'Learned mix palette' });
  await expect(entries.getByRole('checkbox', { checked: true })).toHaveCount(6);
  await entries.getByRole('checkbox', { name: 'Cosine' }).focus();
  await page.keyboard.press('Space');
  await expect(entries.getByRole('checkbox', { checked: true })).toHaveCount(7);
  await expect.poll(() => p.hashFields().mix).toBe('relu,tanh,sin,gaussian,sigmoid,linear,cos');
  expect(await axeViolations(page)).toEqual([]);
  // Down to two: the last two cannot be unticked.
  for (const label of ['ReLU', 'Tanh', 'Sine', 'Gaussian', 'Sigmoid']) {
    await entries.getByRole('checkbox', { name: label, exact: true }).uncheck();
  }
  await expect(entries.getByRole('checkbox', { checked: true })).toHaveCount(2);
  await expect(entries.getByRole('checkbox', { name: 'Linear', exact: true })).toBeDisabled();
  await network.palette.close.click();

  // A layer's palette (no incoming-weight footer) with the learned group and its palette open:
  // every target at least 24 px, axe clean; and the layer can be told to choose from there.
  await network.setLayerActivation(2).click();
  await network.palette.dialog.getByRole('button', { name: 'Learned activations' }).click();
  await network.palette.dialog
    .getByRole('button', { name: /^Show the blended activations/ })
    .click();
  expect(await axeViolations(page)).toEqual([]);
  expect(await smallTargets(page)).toEqual([]);
  await expect(button(page, 'Let layer 2 choose')).toBeVisible();
});

test.describe('a learned network training, at four sizes', () => {
  for (const [width, height, touch] of [
    [1280, 800, false],
    [1920, 1080, false],
    [1024, 768, false],
    [768, 1024, true],
  ] as const) {
    test.describe(`${width}×${height}`, () => {
      test.use({ viewport: { width, height }, hasTouch: touch });
      test('the choice is shown large and nothing overlaps', async ({ playground: p, page }) => {
        await p.open(SPIRAL);
        await button(page, 'Let the network choose').click();
        await expect.poll(() => p.run.epochNumber(), { timeout: 30_000 }).toBeGreaterThan(200);
        const chart = page.getByRole('img', { name: /^Share of each activation/ });
        await expect(chart).toBeVisible();
        // Back-row legible: the chart's bars are at least 24 px tall and its text 14 px.
        const bar = await chart.locator('rect').first().boundingBox();
        expect(bar?.height ?? 0).toBeGreaterThanOrEqual(24);
        expect(await layoutProblems(page)).toEqual([]);
        await p.screenshot(`learned-${width}x${height}`);
      });
    });
  }
});
