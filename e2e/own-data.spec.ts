import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';

test('an uploaded CSV is previewed with its bad rows, trained on, and travels in a network file', async ({
  playground: p,
  page,
}) => {
  await p.open('#dataset=circle');
  const rows = ['x1,x2,label'];
  for (let i = 0; i < 40; i++) {
    const angle = (i / 40) * 2 * Math.PI;
    const r = i % 2 === 0 ? 2 : 10;
    rows.push(`${r * Math.cos(angle)},${r * Math.sin(angle)},${i % 2 === 0 ? 'inner' : 'outer'}`);
  }
  rows.push('oops,1,inner', '1,2');
  await page.getByLabel('Upload CSV').setInputFiles({
    name: 'rings.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(rows.join('\n')),
  });
  const preview = page.getByRole('region', { name: 'CSV preview' });
  await expect(preview).toContainText('40 points, labels as 2 classes: inner, outer');
  await expect(preview).toContainText(/scaled by 0\.6\d\d/);
  await expect(preview).toContainText('Line 42: x1 "oops" is not a number');
  await expect(preview).toContainText('Line 43: 2 fields, not 3');
  await preview.getByRole('button', { name: 'Use these points' }).click();
  await expect(page.getByText('Your 40 points')).toBeVisible();
  await expect(p.notices.area).toContainText(/scaled by 0\.6\d\d to fit/);
  await p.run.stepTimes(3);
  await expect(p.run.epoch).toHaveText('3');

  const saving = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save network' }).click();
  const text = await readFile((await (await saving).path()) ?? '', 'utf8');
  expect(JSON.parse(text).data).toHaveLength(40);
  await p.run.stepTimes(2);
  await expect(p.run.epoch).toHaveText('5');
  const losses = await p.output.trainLoss.getAttribute('data-value');

  await page.getByRole('button', { name: 'Generated data' }).click();
  await expect(page.getByText('Generated points')).toBeVisible();
  await page.getByLabel('Network file').setInputFiles({
    name: 'rings.json',
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  await expect(page.getByText('Your 40 points')).toBeVisible();
  await expect(p.run.epoch).toHaveText('3');
  await p.run.stepTimes(2);
  await expect(p.run.epoch).toHaveText('5');
  expect(await p.output.trainLoss.getAttribute('data-value')).toBe(losses);

  // The link cannot hold the points, and says so.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(p.notices.area).toContainText('not your own data');
});

test('Draw data adds points where the output is clicked and shift-click removes them', async ({
  playground: p,
  page,
}) => {
  await p.open('#dataset=xor');
  await page.getByRole('button', { name: 'Clear data' }).click();
  await expect(page.getByText('Your 0 points')).toBeVisible();
  await page.getByLabel('Draw data').check();
  const heatmap = p.output.heatmap;
  await heatmap.click({ position: { x: 60, y: 60 }, force: true });
  await page.getByLabel('Point class').selectOption('-1');
  await heatmap.click({ position: { x: 190, y: 190 }, force: true });
  await heatmap.click({ position: { x: 190, y: 60 }, force: true });
  await expect(page.getByText('Your 3 points')).toBeVisible();
  await heatmap.click({ position: { x: 190, y: 61 }, force: true, modifiers: ['Shift'] });
  await expect(page.getByText('Your 2 points')).toBeVisible();
  await p.run.stepTimes(2);
  await expect(p.run.epoch).toHaveText('2');
  await expect(p.output.trainLoss).toHaveText(/\d/);
});
