import { BUILTIN_LESSONS } from '../src/lessons/builtin';
import { axeViolations } from './axe';
import { expect, test } from './fixtures';

test('every lesson loads its start state and is not reached before training', async ({
  playground,
}) => {
  const { page, run } = playground;
  await playground.open();
  for (const lesson of BUILTIN_LESSONS) {
    await page.getByRole('button', { name: 'Lessons', exact: true }).click();
    const list = page.getByRole('list', { name: 'Lessons' });
    await list.getByRole('button', { name: lesson.title, exact: true }).click();
    await expect(page.getByRole('heading', { name: `Lesson: ${lesson.title}` })).toBeVisible();
    await expect(run.epoch).toHaveText('0');
    // The page's settings are the lesson's start link.
    const dataset = /dataset=([a-z0-9-]+)/.exec(lesson.start)?.[1];
    await expect.poll(() => playground.hashFields().dataset).toBe(dataset);
    const net = /net=([^&]*)/.exec(lesson.start)?.[1];
    await expect.poll(() => playground.hashFields().net).toBe(net);
    await expect(page.getByTestId('lesson-status')).not.toContainText('Goal reached');
  }
  expect(await axeViolations(page)).toEqual([]);
});

test('a lesson driven to its goal with the UI says "Goal reached", and not before', async ({
  playground,
}) => {
  const { page, network, run } = playground;
  await playground.open();
  await page.getByRole('button', { name: 'Lessons', exact: true }).click();
  await page
    .getByRole('list', { name: 'Lessons' })
    .getByRole('button', { name: 'The habit: one activation for the whole layer' })
    .click();
  const status = page.getByTestId('lesson-status');
  // Linear neurons cannot draw a circle: training does not reach the goal.
  await run.stepTimes(5);
  await expect(run.epoch).toHaveText('5');
  await expect(status).not.toContainText('Goal reached');
  await page.getByRole('button', { name: 'Show a hint' }).click();
  await expect(page.getByText(/^Hint 1:/)).toBeVisible();
  // Give the layer tanh with its ƒ button, start over and train.
  await page.getByRole('button', { name: 'Set the activation of every neuron in layer 1' }).click();
  await network.palette.option('Tanh').click();
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(run.epoch).toHaveText('0');
  await expect(status).not.toContainText('Goal reached');
  await run.play.click();
  await expect(status).toContainText('Goal reached', { timeout: 45_000 });
  await run.pause.click();
  await playground.screenshot('lesson-goal-reached');
});

test('the experiment lesson is reached by running an experiment of enough seeds, not before', async ({
  playground,
}) => {
  const { page, experiment } = playground;
  await playground.open();
  await page.getByRole('button', { name: 'Lessons', exact: true }).click();
  await page
    .getByRole('list', { name: 'Lessons' })
    .getByRole('button', { name: 'Is it luck? An experiment over seeds' })
    .click();
  const status = page.getByTestId('lesson-status');
  await expect(status).toContainText('press Experiment and run an experiment');
  // The lesson sets the dialog up (3 seeds, as set against all tanh) but leaves it closed.
  await expect(experiment.dialog).toBeHidden();
  await experiment.open();
  await expect(experiment.seeds).toHaveValue('3');
  await experiment.runAll(6);
  await expect(experiment.verdict).toContainText('3 seeds');
  await experiment.close.click();
  await expect(status).toContainText('the last experiment had 3 seeds; use at least 5');
  await expect(status).not.toContainText('Goal reached');
  await experiment.open();
  await experiment.seeds.fill('5');
  await experiment.runAll(10);
  await expect(experiment.verdict).toContainText('5 seeds');
  await experiment.close.click();
  await expect(status).toContainText('Goal reached');
});

test('a lesson file that does not fit is refused with a message naming the problem', async ({
  playground,
}) => {
  const { page } = playground;
  await playground.open();
  await page.getByRole('button', { name: 'Lessons', exact: true }).click();
  const bad = { ...BUILTIN_LESSONS[0], goal: { metric: 'testLoss' } };
  await page.getByLabel('Load a lesson file (JSON)').setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(bad)),
  });
  await expect(page.getByRole('alert')).toContainText('Not a lesson file: goal');
  const good = { ...BUILTIN_LESSONS[0], id: 'mine', title: 'My own lesson' };
  await page.getByLabel('Load a lesson file (JSON)').setInputFiles({
    name: 'good.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(good)),
  });
  await expect(page.getByRole('heading', { name: 'Lesson: My own lesson' })).toBeVisible();
});

test('a lesson link pasted into the open page opens that lesson', async ({ playground }) => {
  const { page } = playground;
  await playground.open('');
  await page.evaluate(() => {
    window.location.hash = 'lesson=sine-spiral';
  });
  await expect(
    page.getByRole('heading', { name: 'Lesson: One sine neuron against the spiral' }),
  ).toBeVisible();
  await expect.poll(() => playground.hashFields().dataset).toBe('spiral');
});

test('a link opens a lesson', async ({ playground }) => {
  const { page } = playground;
  await playground.open('#lesson=dying-relu');
  await expect(page.getByRole('heading', { name: 'Lesson: A dying ReLU' })).toBeVisible();
  await expect.poll(() => playground.hashFields().lr).toBe('1');
  await expect(playground.notices.linkWarning()).toBeHidden();
});
