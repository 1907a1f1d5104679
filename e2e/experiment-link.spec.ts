import { expect, test } from './fixtures';
import { parseCsv, type ExperimentDialog } from './pages/ExperimentDialog';
import { Playground } from './pages/Playground';

const CIRCLE = 'Circle: ReLU vs tanh';
const VARIANTS = ['All ReLU', 'All tanh'];
const EPOCHS = 30;

/** Every full-precision number of the table, variant by variant. */
async function tableValues(experiment: ExperimentDialog): Promise<string[]> {
  const values: string[] = [];
  for (const name of VARIANTS) {
    for (const column of ['testLoss', 'trainLoss', 'testAccuracy', 'versusFirst', 'target']) {
      values.push(`${name} ${column} ${await experiment.value(name, column)}`);
    }
  }
  return values;
}

test('an exp= link opens the experiment set up, not run, and running it gives the same numbers; one run is the playground', async ({
  playground,
  browser,
}) => {
  test.setTimeout(180_000);
  const { experiment } = playground;
  await playground.open();
  await experiment.open();
  await experiment.setUp(CIRCLE, 3, EPOCHS);
  await experiment.runAll(6);
  const first = await tableValues(experiment);
  expect(Number(await experiment.value('All tanh', 'testLoss'))).toBeGreaterThan(0);
  // The address holds the experiment while the dialog is open.
  await expect.poll(() => playground.page.url()).toContain(`epochs:${EPOCHS}`);
  const link = playground.page.url();
  expect(new URL(link).hash).toMatch(/&exp=variants:all\(relu\)\+all\(tanh\)(@[^;]*)?;seeds:3;/);
  const csv = parseCsv((await experiment.download(experiment.downloadCsv)).text);
  const runHash = await experiment.runHash('All tanh', 2);

  // A fresh page opened with the link: the dialog, set up as the link says, nothing run yet.
  const context = await browser.newContext();
  const other = new Playground(await context.newPage());
  await other.open(new URL(link).hash);
  await expect(other.experiment.dialog).toBeVisible();
  await expect(other.experiment.dialog).toContainText('Opened from a link');
  await expect(other.experiment.seeds).toHaveValue('3');
  await expect(other.experiment.epochs).toHaveValue(String(EPOCHS));
  await expect(other.experiment.table).toHaveCount(0);
  await expect(other.experiment.progress).toHaveCount(0);
  await other.experiment.runAll(6);
  expect(await tableValues(other.experiment)).toEqual(first);

  // One run opened in the playground and stepped as many epochs: the CSV's numbers, exactly.
  expect(runHash).toMatch(/^#.*&seed=2&/);
  const single = new Playground(await context.newPage());
  await single.open(runHash);
  await expect(single.experiment.dialog).toBeHidden();
  await single.network.expectActivation(1, 1, 'Tanh');
  await single.run.stepTimes(EPOCHS);
  await expect(single.run.epoch).toHaveText(String(EPOCHS));
  const row = csv.find((r) => r.variant === 'All tanh' && r.seed === 2);
  expect(row?.fields.epochs).toBe(String(EPOCHS));
  await expect(single.output.trainLoss).toHaveAttribute(
    'data-value',
    row?.fields.final_train_loss ?? '',
  );
  await expect(single.output.testLoss).toHaveAttribute(
    'data-value',
    row?.fields.final_test_loss ?? '',
  );
  expect(other.errors).toEqual([]);
  expect(single.errors).toEqual([]);
  await context.close();
});

test('a link with bad experiment parts opens anyway and says what it changed', async ({
  playground,
}) => {
  const { experiment } = playground;
  await playground.open(
    '#dataset=xor&exp=variants:all(tanh)+alt(tanh,bogus);seeds:500;epochs:40;what:1',
  );
  await expect(experiment.dialog).toBeVisible();
  const notice = experiment.dialog.getByRole('status').filter({
    hasText: 'Some parts of the link could not be used',
  });
  await expect(notice).toContainText('seeds: 500 is not a whole number from 1 to 100 — used 100');
  await expect(notice).toContainText('"bogus" is not an activation');
  await expect(notice).toContainText('"what" is not part of an experiment');
  await expect(experiment.seeds).toHaveValue('100');
  await expect(experiment.epochs).toHaveValue('40');
  await expect(experiment.dialog.getByRole('group', { name: 'Variant 2' })).toBeVisible();
  await playground.screenshot('experiment-bad-link');
  await notice.getByRole('button', { name: 'Dismiss message' }).click();
  await expect(notice).toHaveCount(0);
  // The playground behind took the link's own keys and nothing of exp=.
  await expect(playground.notices.linkWarning()).toHaveCount(0);
});
