import { expect, test } from './fixtures';

test('first load trains the default network and paints a patterned output heatmap', async ({
  playground,
}) => {
  const { run, network, output, data } = playground;
  await playground.open();

  // The default network: two hidden layers whose first layer mixes activations.
  await expect(run.epoch).toHaveText('0');
  await expect(data.dataset('Circle')).toBeChecked();
  await expect(output.caption).toHaveText('Output: Circle');
  await expect(network.hiddenNeurons).toHaveCount(6);
  await network.expectActivation(1, 1, 'Tanh');
  await network.expectActivation(1, 2, 'ReLU');
  await network.expectActivation(1, 3, 'Sine');
  await network.expectActivation(1, 4, 'Gaussian');
  await expect(network.output).toHaveCount(1);
  await expect(network.feature('x1')).toHaveAttribute('aria-pressed', 'true');
  await expect(network.feature('x1 squared')).toHaveAttribute('aria-pressed', 'false');
  await playground.screenshot('01-first-load');

  const lossAtStart = (await output.trainLoss.textContent()) ?? '';
  const valueAtStart = Number(await output.trainLoss.getAttribute('data-value'));
  await run.speed.selectOption({ label: 'Max' });
  await run.trainPast(200);
  // Training made the loss fall, not merely change (trainPast leaves it paused).
  const valueAfter = Number(await output.trainLoss.getAttribute('data-value'));
  expect(valueAfter).toBeLessThan(valueAtStart * 0.8);
  const pixels = await output.expectPaintedPattern();
  expect(pixels.width).toBe(pixels.height);
  await playground.screenshot('02-trained-circle');

  // The space bar plays and pauses when focus is not in a control.
  await playground.page.getByRole('heading', { name: 'Activation Playground' }).click();
  await expect(run.play).toBeVisible();
  await playground.page.keyboard.press('Space');
  await expect(run.pause).toBeVisible();
  await run.expectTrainingGoesOn();
  await playground.page.keyboard.press('Space');
  await expect(run.play).toBeVisible();
  // Paused means paused: a Step then moves the counter by exactly one.
  await run.settle();

  // Reset redraws the same initial weights from the seed: epoch 0 and the first loss again.
  await run.reset.click();
  await expect(run.epoch).toHaveText('0');
  await expect(output.trainLoss).toHaveText(lossAtStart);

  expect(playground.errors).toEqual([]);
});
