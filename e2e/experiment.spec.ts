import { expect, test } from './fixtures';
import { parseCsv } from './pages/ExperimentDialog';

const SPIRAL = 'Spiral: all tanh vs two sine neurons';

/** The mean of a CSV column over one variant's rows, summed in seed order as the page sums. */
function columnMean(rows: ReturnType<typeof parseCsv>, variant: string, column: string): number {
  const values = rows.filter((r) => r.variant === variant).map((r) => Number(r.fields[column]));
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

test('a preset at 3 seeds × 100 epochs fills the table and the verdict, and the CSV agrees', async ({
  playground,
  page,
}) => {
  test.setTimeout(180_000);
  const { experiment, network } = playground;
  await playground.open();
  await experiment.open();
  await experiment.setUp(SPIRAL, 3, 100);
  // The preset's network is in the playground behind the dialog.
  await expect(network.hiddenNeurons).toHaveCount(16);
  await experiment.runAll(6);

  expect(await experiment.rowNames()).toEqual(['All tanh', 'Two sine neurons per layer']);
  await expect(experiment.verdict).toContainText(/over 3 seeds/i);
  await expect(experiment.verdict).toContainText('All tanh');
  await expect(experiment.cell('All tanh', 'versusFirst')).toHaveText('reference');
  await expect(experiment.cell('Two sine neurons per layer', 'versusFirst')).toContainText(
    /lower on \d of 3 seeds/,
  );
  await expect(experiment.cell('All tanh', 'target')).toContainText(/\d of 3 reached/);
  await expect(experiment.curves).toBeVisible();
  await expect(experiment.curves.locator('circle')).toHaveCount(6);
  await playground.screenshot('experiment-results-1280x800');

  // The CSV: one row per run, and its numbers give the table's means exactly.
  const csv = await experiment.download(experiment.downloadCsv);
  expect(csv.name).toBe('activation-playground-experiment.csv');
  const rows = parseCsv(csv.text);
  expect(rows).toHaveLength(6);
  expect(rows.map((r) => r.seed)).toEqual([1, 2, 3, 1, 2, 3]);
  for (const variant of ['All tanh', 'Two sine neurons per layer']) {
    for (const [column, key] of [
      ['final_test_loss', 'testLoss'],
      ['final_train_loss', 'trainLoss'],
      ['final_test_accuracy', 'testAccuracy'],
    ] as const) {
      expect(Number(await experiment.value(variant, key)), `${variant} ${column}`).toBe(
        columnMean(rows, variant, column),
      );
    }
    expect(rows.filter((r) => r.variant === variant).every((r) => r.fields.epochs === '100')).toBe(
      true,
    );
  }
  const json = await experiment.download(experiment.downloadJson);
  const file = JSON.parse(json.text) as { format: string; runs: unknown[]; partial: boolean };
  expect(file.format).toBe('activation-playground-experiment');
  expect(file.runs).toHaveLength(6);
  expect(file.partial).toBe(false);
  // The PyTorch export holds every run (its data and initial weights) and takes --shard K/N.
  const python = await experiment.download(
    experiment.dialog.getByRole('button', { name: 'Export experiment (PyTorch)' }),
  );
  expect(python.name).toBe('activation_playground_experiment.py');
  expect(python.text.match(/^ {8}"prefix": /gm)).toHaveLength(6);
  expect(python.text).toContain('--shard K/N');

  // A tablet held upright: the dialog scrolls inside, the page does not.
  await page.setViewportSize({ width: 768, height: 1024 });
  await expect(experiment.table).toBeVisible();
  await experiment.table.scrollIntoViewIfNeeded();
  await playground.screenshot('experiment-results-768x1024');
  const fits = await experiment.dialog.evaluate((dialog) => {
    const box = dialog.getBoundingClientRect();
    return box.top >= 0 && box.bottom <= window.innerHeight && box.right <= window.innerWidth;
  });
  expect(fits, 'the dialog fits the viewport').toBe(true);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
});

test('the dialog is keyboard operable: focus stays inside, Escape closes, focus returns', async ({
  playground,
  page,
}) => {
  const { experiment } = playground;
  await playground.open();
  await experiment.opener.focus();
  await page.keyboard.press('Enter');
  await expect(experiment.dialog).toBeVisible();
  // Tabbing all the way round stays inside the dialog.
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const inside = await experiment.dialog.evaluate((d) => d.contains(document.activeElement));
    expect(inside, `focus inside after ${i + 1} tabs`).toBe(true);
  }
  await page.keyboard.press('Shift+Tab');
  expect(await experiment.dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(experiment.dialog).toBeHidden();
  await expect(experiment.opener).toBeFocused();
  // Closed, the address is the playground's again.
  await expect.poll(() => new URL(page.url()).hash).not.toContain('exp=');
});

test('Cancel keeps the finished runs and says the results are partial', async ({ playground }) => {
  test.setTimeout(120_000);
  const { experiment } = playground;
  await playground.open();
  await experiment.open();
  await experiment.setUp('Circle: ReLU vs tanh', 20, 300);
  await experiment.runButton.click();
  await expect(experiment.progress).not.toHaveAttribute('aria-valuenow', '0', { timeout: 60_000 });
  await experiment.cancel.click();
  await expect(experiment.status).toContainText('Cancelled: partial results');
  await expect(experiment.verdict).toContainText(/^Partial results \(\d+ of 40 runs\)/);
  await expect(experiment.runButton).toBeEnabled();
});

test('"Set pattern…" gives one layer or the whole network a rule', async ({ playground, page }) => {
  const { network } = playground;
  await playground.open('#net=tanh,tanh,tanh,tanh;tanh,tanh');
  const open = page.getByRole('button', { name: 'Set pattern…', exact: true });
  const dialog = page.getByRole('dialog', { name: 'Set pattern' });
  await open.click();
  await dialog.getByRole('combobox', { name: 'Apply to' }).selectOption({ label: 'Layer 1' });
  await dialog.getByRole('combobox', { name: 'Rule' }).selectOption({
    label: 'Alternate X and Y within each layer',
  });
  await dialog.getByRole('combobox', { name: 'Y', exact: true }).selectOption({ label: 'Sine' });
  await dialog.getByRole('button', { name: 'Apply', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(open).toBeFocused();
  await network.expectActivation(1, 1, 'Tanh');
  await network.expectActivation(1, 2, 'Sine');
  await network.expectActivation(1, 4, 'Sine');
  await network.expectActivation(2, 2, 'Tanh');

  await open.click();
  await dialog.getByRole('combobox', { name: 'Rule' }).selectOption({
    label: 'First half X, second half Y',
  });
  await dialog.getByRole('combobox', { name: 'X', exact: true }).selectOption({ label: 'ReLU' });
  await dialog.getByRole('combobox', { name: 'Y', exact: true }).selectOption({ label: 'GELU' });
  await dialog.getByRole('button', { name: 'Apply', exact: true }).click();
  await network.expectActivation(1, 2, 'ReLU');
  await network.expectActivation(1, 3, 'GELU');
  await network.expectActivation(2, 1, 'ReLU');
  await network.expectActivation(2, 2, 'GELU');
  await expect.poll(() => playground.hashFields().net).toBe('relu,relu,gelu,gelu;relu,gelu');
});

test('workers that cannot start are told in the dialog, not left spinning', async ({
  playground,
  page,
}) => {
  const { experiment } = playground;
  // Every experiment worker's script fails to load, as on a flaky school network.
  await page.route(/experiment\.worker-[^/]*\.js$/, (route) => route.abort());
  await playground.open();
  await experiment.open();
  await experiment.setUp('Circle: ReLU vs tanh', 2, 10);
  await experiment.runButton.click();
  await expect(experiment.dialog.getByRole('alert')).toContainText(
    /The experiment stopped: a worker died 3 times .*could not start/,
  );
  await expect(experiment.dialog.getByRole('alert')).toContainText('0 of 4 runs finished');
  await expect(experiment.runButton).toBeEnabled();
  // The failed loads reached the console; nothing else did.
  expect(playground.errors.every((e) => /worker|Failed to load|ERR_FAILED/i.test(e))).toBe(true);
  playground.errors.length = 0;
});
