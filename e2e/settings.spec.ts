import type { Locator, Page } from '@playwright/test';
import { SETTINGS, SETTING_KEYS, type SettingRow } from '../src/config';
import { expect, test } from './fixtures';

/** The control of a setting row, found by the row's label as a person (or screen reader) would. */
function controlOf(page: Page, row: SettingRow): Locator | null {
  // The data sets are thumbnails (radio buttons); the features and the network are the diagram;
  // f(x) is in the palette (custom-activation.spec.ts), and so is the mix palette, in the
  // learned group (learned.spec.ts).
  if (row.link === 'dataset' || row.kind === 'features' || row.kind === 'network') return null;
  if (row.kind === 'expression' || row.kind === 'palette') return null;
  return page.getByLabel(row.label, { exact: true });
}

test('every control shows the label, bounds and choices of its row in the settings table', async ({
  playground,
}) => {
  const { page } = playground;
  await playground.open();
  for (const key of SETTING_KEYS) {
    const row = SETTINGS[key] as SettingRow;
    const control = controlOf(page, row);
    if (!control) continue;
    await expect(control, `${key}: one control named "${row.label}"`).toHaveCount(1);
    await expect(control).toHaveAttribute('title', row.help);
    if (row.kind === 'number' && !row.options) {
      await expect(control).toHaveAttribute('min', String(row.min));
      await expect(control).toHaveAttribute('max', String(row.max));
    }
    if (row.kind === 'number' && row.options) {
      for (const option of row.options) {
        await expect(control.locator(`option[value="${option}"]`)).toHaveCount(1);
      }
    }
    if (row.kind === 'choice') {
      await expect(control.locator('option')).toHaveCount(row.choices.length);
    }
  }
  // The data sets: one radio button per choice.
  const datasets = SETTINGS.dataset.choices;
  await expect(playground.data.region.getByRole('radio')).toHaveCount(datasets.length);
});

test('a link with speed, log scale, seed and loss restores all four, and so does a reload', async ({
  playground,
}) => {
  const { page } = playground;
  await playground.open('#dataset=xor&speed=max&log=1&seed=42&loss=bce');
  const speed = page.getByRole('combobox', { name: 'Speed', exact: true });
  const log = page.getByRole('checkbox', { name: 'Log-scale loss', exact: true });
  const seed = page.getByRole('spinbutton', { name: 'Seed', exact: true });
  const loss = page.getByRole('combobox', { name: 'Loss', exact: true });
  await expect(speed).toHaveValue('max');
  await expect(log).toBeChecked();
  await expect(seed).toHaveValue('42');
  await expect(loss).toHaveValue('bce');
  await expect(loss.locator('option')).toHaveText([/squared error/i, /cross-entropy/i]);
  // The sigmoid output's colour scale runs from 0 to 1.
  await expect(
    playground.output.region.getByRole('img', { name: 'Colour scale from 0 to 1' }),
  ).toBeVisible();

  // Changed in the page, written to the link, restored by a reload.
  await speed.selectOption({ label: '100 epochs/s' });
  await log.uncheck();
  await seed.fill('7');
  await loss.selectOption('mse');
  await expect.poll(() => playground.hashFields()['seed']).toBe('7');
  expect(playground.hashFields()).toMatchObject({ speed: '100', log: '0', loss: 'mse' });
  await playground.reload();
  await expect(speed).toHaveValue('100');
  await expect(log).not.toBeChecked();
  await expect(seed).toHaveValue('7');
  await expect(loss).toHaveValue('mse');
  expect(playground.errors).toEqual([]);
});

test('a typed number is read one way: bad text is refused with a message, a number out of range is clamped and said', async ({
  playground,
}) => {
  const { page } = playground;
  await playground.open();
  const seed = page.getByRole('spinbutton', { name: 'Seed', exact: true });
  const batch = page.getByRole('spinbutton', { name: 'Batch size', exact: true });

  await seed.fill('-3');
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: 'Seed must be a whole number from 0 to 4294967295' }),
  ).toBeVisible();
  expect(playground.hashFields()['seed']).toBe('1');

  await batch.fill('50');
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: 'Batch size is a whole number from 1 to 30: used 30' }),
  ).toBeVisible();
  await expect.poll(() => playground.hashFields()['batch']).toBe('30');
  await batch.blur();
  await expect(batch).toHaveValue('30');
});

test('a layer written as only commas in a link is left out, not filled with default neurons', async ({
  playground,
}) => {
  await playground.open('#net=,,,,;relu');
  await expect(playground.network.hiddenNeurons).toHaveCount(1);
  await playground.network.expectActivation(1, 1, 'ReLU');
  await expect(playground.notices.linkWarning()).toContainText('net: layer 1 is empty');
});
