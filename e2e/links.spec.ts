import { expect, test } from './fixtures';
import { Playground } from './pages/Playground';

const LINK =
  '#dataset=spiral&noise=10&seed=7&features=x1,x2,sinx1&net=tanh,relu,sin;gelu,softsign&lr=0.03&batch=10';

test('two fresh loads of one link give the same losses after 20 steps', async ({
  playground,
  browser,
}) => {
  const readings: string[][] = [];
  const second = await browser.newContext();
  const other = new Playground(await second.newPage());
  for (const p of [playground, other]) {
    await p.open(LINK);
    await expect(p.data.dataset('Spiral')).toBeChecked();
    await p.network.expectActivation(2, 2, 'Softsign');
    const atStart = [
      await p.output.trainLoss.getAttribute('data-value'),
      await p.output.testLoss.getAttribute('data-value'),
    ];
    await p.run.stepTimes(20);
    await expect(p.run.epoch).toHaveText('20');
    await expect(p.run.play).toBeVisible();
    // Every digit of the losses (the text shows three): the two runs must agree bit for bit.
    const reading = [
      (await p.output.trainLoss.getAttribute('data-value')) ?? '',
      (await p.output.testLoss.getAttribute('data-value')) ?? '',
    ];
    expect(Number(reading[0])).toBeGreaterThan(0);
    expect(reading, 'training moved the losses').not.toEqual(atStart);
    readings.push(reading);
  }
  expect(readings[1]).toEqual(readings[0]);
  // The step count is exact: the second page did not run on.
  await expect(other.run.epoch).toHaveText('20');
  expect(other.errors).toEqual([]);
  await second.close();
});

test('a malformed link still opens, with a warning that lists what was ignored', async ({
  playground,
}) => {
  const { network, data, run, notices } = playground;
  await playground.open('#dataset=nope&lr=abc&net=tanh,bogus;relu');
  const warning = notices.linkWarning();
  await expect(warning).toBeVisible();
  await expect(warning).toContainText('dataset: "nope" is not one of circle, xor');
  await expect(warning).toContainText('lr: "abc" is not a number');
  await expect(warning).toContainText('"bogus" is not an activation (layer 1 neuron 2)');
  await playground.screenshot('12-bad-link');

  // What was valid is used; what was not took its default.
  await expect(data.dataset('Circle')).toBeChecked();
  await expect(run.learningRate).toHaveValue('0.03');
  await expect(network.hiddenNeurons).toHaveCount(3);
  await network.expectActivation(1, 1, 'Tanh');
  await network.expectActivation(1, 2, 'Tanh');
  await network.expectActivation(2, 1, 'ReLU');
  // The address is rewritten to a valid link.
  await expect.poll(() => playground.hashFields()['dataset']).toBe('circle');
  expect(playground.hashFields()['net']).toBe('tanh,tanh;relu');
  expect(playground.hashFields()['lr']).toBe('0.03');

  // The page works, and the message can be dismissed.
  await run.step.click();
  await expect(run.epoch).toHaveText('1');
  await warning.getByRole('button', { name: 'Dismiss message' }).click();
  await expect(warning).toHaveCount(0);
});

test('divergence pauses training with a message and a reset', async ({ playground }) => {
  const { run, notices, output } = playground;
  await playground.open('#dataset=reg-plane&lr=10&net=square,square,square,square;square,square');
  await expect(run.learningRate).toHaveValue('10');
  await run.play.click();
  await expect(notices.divergence).toBeVisible({ timeout: 20_000 });
  await expect(notices.divergence).toContainText(/Training paused: it diverged at epoch \d+/);
  await expect(notices.divergence).toContainText('Square');
  await expect(run.play).toBeVisible(); // paused
  const diverged = /epoch (\d+)/.exec((await notices.divergence.textContent()) ?? '')?.[1];
  expect(Number(diverged)).toBeGreaterThan(0);
  // The page shows the last good state: finite numbers, not NaN.
  await expect(output.trainLoss).toHaveText(/\d/);
  await expect(run.epoch).toHaveText(String(Number(diverged) - 1));
  await playground.screenshot('13-diverged');

  await notices.resetSameSettings.click();
  await expect(notices.divergence).toHaveCount(0);
  await expect(run.epoch).toHaveText('0');
  await expect(run.learningRate).toHaveValue('10');
  await expect(output.trainLoss).toHaveText(/\d/);
});
