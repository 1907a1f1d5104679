import { axeViolations } from './axe';
import { expect, test } from './fixtures';
import { Playground } from './pages/Playground';

/** Each TensorFlow Playground hide flag and a locator for exactly what it names. */
const TF_FLAGS = [
  ['playButton', (p: Playground) => p.page.getByRole('button', { name: 'Play' })],
  ['stepButton', (p: Playground) => p.page.getByRole('button', { name: 'Step' })],
  ['resetButton', (p: Playground) => p.page.getByRole('button', { name: 'Reset' })],
  ['learningRate', (p: Playground) => p.page.getByLabel('Learning rate', { exact: true })],
  ['dataset', (p: Playground) => p.page.getByRole('radio', { name: 'Circle' })],
  ['noise', (p: Playground) => p.page.getByRole('slider', { name: 'Noise', exact: true })],
  [
    'percTrainData',
    (p: Playground) => p.page.getByRole('slider', { name: 'Training data', exact: true }),
  ],
  ['batchSize', (p: Playground) => p.page.getByRole('spinbutton', { name: 'Batch size' })],
  ['regularization', (p: Playground) => p.page.getByLabel('Regularization', { exact: true })],
  ['regularizationRate', (p: Playground) => p.page.getByLabel('Regularization rate')],
  ['numHiddenLayers', (p: Playground) => p.page.getByRole('button', { name: 'Add layer' })],
  ['showTestData', (p: Playground) => p.page.getByRole('checkbox', { name: 'Show test data' })],
  ['discretize', (p: Playground) => p.page.getByRole('checkbox', { name: 'Discretize output' })],
] as const;

test('each TensorFlow Playground hide flag hides exactly the control it names', async ({
  playground,
}) => {
  const { page, notices } = playground;
  await playground.open();
  for (const [, locate] of TF_FLAGS) await expect(locate(playground)).toBeVisible();
  const controls = await page.locator('button:visible, select:visible, input:visible').count();
  for (const [flag, locate] of TF_FLAGS) {
    // Not playground.open: it waits for the Play button, which one flag hides.
    await page.goto(`./#dataset=circle&${flag}_hide=true`);
    await expect(playground.output.trainLoss).toHaveText(/\d/);
    await expect(locate(playground), flag).toBeHidden();
    // Only that one is gone (regularisation rate and the layer buttons come as a group).
    const shown = await page.locator('button:visible, select:visible, input:visible').count();
    const expectedGone = flag === 'numHiddenLayers' ? 2 : flag === 'dataset' ? 10 : 1; // ten data sets
    expect(controls - shown, flag).toBe(expectedGone);
    await expect(notices.linkWarning()).toBeHidden();
  }
  // The flags stay in the address after the page rewrites its link.
  await page.getByRole('checkbox', { name: 'Show test data' }).check();
  await expect.poll(() => new URL(page.url()).hash).toContain('discretize_hide=true');
});

test("this page's own hide keys: any settings row, any group", async ({ playground }) => {
  const { page } = playground;
  await playground.open('#opt_hide=1&init_hide=1&lossChart_hide=1&dataPanel_hide=1');
  await expect(page.getByLabel('Optimizer')).toBeHidden();
  await expect(page.getByLabel('Initialization')).toBeHidden();
  await expect(page.getByRole('img', { name: 'Training and test loss over epochs' })).toBeHidden();
  await expect(page.getByRole('region', { name: 'Data' })).toBeHidden();
  await expect(page.getByLabel('Learning rate', { exact: true })).toBeVisible();
});

test.describe('embedded in a 970 × 700 frame', () => {
  test.use({ viewport: { width: 970, height: 700 } });

  test('drops the header, fits without scrollbars and opens the full page', async ({
    playground,
  }) => {
    const { page, run, network } = playground;
    await playground.open('#dataset=xor&embed=1');
    await expect(page.getByText('Every neuron its own activation')).toBeHidden();
    await expect(page.getByLabel('Learning rate', { exact: true })).toBeHidden();
    await run.stepTimes(2);
    await expect(run.epoch).toHaveText('2');
    await expect(network.neuron(1, 1)).toBeInViewport();
    const size = await page.evaluate(() => ({
      width: document.documentElement.scrollWidth,
      height: document.documentElement.scrollHeight,
    }));
    expect(size.width).toBeLessThanOrEqual(970);
    expect(size.height).toBeLessThanOrEqual(700);
    const full = page.getByRole('link', { name: 'Open full page' });
    await full.hover();
    await full.evaluate((a) =>
      a.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true })),
    );
    const href = (await full.getAttribute('href')) ?? '';
    expect(href).toContain('dataset=xor');
    expect(href).not.toContain('embed=1');
    expect(await axeViolations(page)).toEqual([]);
    await playground.screenshot('embed-970x700');
  });
});

test('"Embed…" gives the link and an iframe snippet of the current state', async ({
  playground,
}) => {
  const { page } = playground;
  await playground.open('#dataset=moons&noise_hide=1');
  await page.getByRole('button', { name: 'Embed…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Embed this playground' });
  await expect(dialog).toBeVisible();
  const link = await dialog.getByLabel('Link').inputValue();
  expect(link).toContain('dataset=moons');
  expect(link).toContain('embed=1');
  expect(link).toContain('noise_hide=1');
  const code = await dialog.getByLabel('Embed code').inputValue();
  expect(code).toMatch(
    /^<iframe src="[^"]+" width="970" height="700" title="Activation Playground"/,
  );
  expect(await axeViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Embed…' })).toBeFocused();
});
