import { expect, test } from './fixtures';

const LINK = '#dataset=xor&seed=3&features=x1,x2&net=tanh,tanh,tanh,tanh;tanh,tanh&lr=0.03';

test('Compare trains two variants in lockstep: both heatmaps, both curves, Step moves both by one', async ({
  playground,
  page,
}) => {
  const { comparison, run, output } = playground;
  await playground.open(LINK);
  await comparison.open();
  await expect(comparison.side('A')).toHaveAccessibleName('A: As set');
  await expect(comparison.side('B')).toHaveAccessibleName('B: Layer 1: Tanh and Sine alternating');
  await expect(comparison.neuron('B', 1, 2)).toHaveAccessibleName('Layer 1 neuron 2, Sine');
  await expect(comparison.neuron('A', 1, 2)).toHaveAccessibleName('Layer 1 neuron 2, Tanh');
  await expect(comparison.epoch).toHaveText('0');
  await expect.poll(() => comparison.outputColours('A')).toBeGreaterThan(20);
  await expect.poll(() => comparison.outputColours('B')).toBeGreaterThan(20);
  const before = [
    await comparison.testLoss('A').getAttribute('data-value'),
    await comparison.testLoss('B').getAttribute('data-value'),
  ];

  await comparison.step.click();
  await expect(comparison.epoch).toHaveText('1');
  for (const [i, letter] of (['A', 'B'] as const).entries()) {
    await expect(comparison.testLoss(letter)).not.toHaveAttribute('data-value', before[i] ?? '');
  }
  for (let i = 2; i <= 5; i++) {
    await comparison.step.click();
    await expect(comparison.epoch).toHaveText(String(i));
  }
  await expect(comparison.curve('A')).toHaveAttribute('d', /^M.+L/);
  await expect(comparison.curve('B')).toHaveAttribute('d', /^M.+L/);
  const sideA = (await comparison.trainLoss('A').getAttribute('data-value')) ?? '';
  expect(await comparison.testLoss('B').getAttribute('data-value')).not.toBe(
    await comparison.testLoss('A').getAttribute('data-value'),
  );

  // Play and pause move both on together.
  await comparison.play.click();
  await expect(comparison.pause).toBeVisible();
  await expect.poll(async () => Number(await comparison.epoch.textContent())).toBeGreaterThan(8);
  await comparison.pause.click();
  await expect(comparison.play).toBeVisible();
  await expect(comparison.reached).toContainText('Target 90% test accuracy');

  // It fits the classroom's 1280×800 screen without scrolling.
  const fits = await comparison.region.evaluate(
    (region) =>
      region.scrollHeight <= region.clientHeight && region.scrollWidth <= region.clientWidth,
  );
  expect(fits, 'the comparison fits 1280×800').toBe(true);
  await playground.screenshot('comparison-1280x800');
  await page.setViewportSize({ width: 768, height: 1024 });
  await expect(comparison.chart).toBeVisible();
  await playground.screenshot('comparison-768x1024');
  await page.setViewportSize({ width: 1280, height: 800 });

  // Reset puts both back at epoch 0.
  await comparison.reset.click();
  await expect(comparison.epoch).toHaveText('0');
  await expect(comparison.testLoss('A')).toHaveAttribute('data-value', before[0] ?? '');
  await expect(comparison.testLoss('B')).toHaveAttribute('data-value', before[1] ?? '');

  // Escape closes it and focus goes back; side A is the playground's own network, stepped
  // as many epochs it has the same numbers.
  await page.keyboard.press('Escape');
  await expect(comparison.region).toBeHidden();
  await expect(comparison.opener).toBeFocused();
  await run.stepTimes(5);
  await expect(run.epoch).toHaveText('5');
  await expect(output.trainLoss).toHaveAttribute('data-value', sideA);
});

test('Compare can take the experiment’s first two variants', async ({ playground }) => {
  const { comparison, experiment } = playground;
  await playground.open();
  await experiment.open();
  await experiment.preset('Deep network: sigmoid vs tanh').click();
  await experiment.close.click();
  await comparison.open();
  await comparison.useExperiment.click();
  await expect(comparison.side('A')).toHaveAccessibleName('A: All sigmoid');
  await expect(comparison.side('B')).toHaveAccessibleName('B: All tanh');
  await expect(comparison.neuron('A', 6, 4)).toHaveAccessibleName('Layer 6 neuron 4, Sigmoid');
  await comparison.step.click();
  await expect(comparison.epoch).toHaveText('1');
});
