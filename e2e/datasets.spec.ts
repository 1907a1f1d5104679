import { expect, test } from './fixtures';
import { lumaDifference } from './pages/OutputPanel';

test('switching data sets retitles the output, shows classes for a multi-class set and trains a regression set', async ({
  playground,
}) => {
  const { data, network, output, run, page } = playground;
  await playground.open();

  // A multi-class set: one output neuron per class and a legend of the classes.
  await data.choose('3-class spiral');
  await expect(data.dataset('3-class spiral')).toBeChecked();
  await expect(data.dataset('Circle')).not.toBeChecked();
  await expect(output.caption).toHaveText('Output: 3-class spiral');
  await expect(network.output).toHaveCount(3);
  await expect(network.output.first()).toHaveAccessibleName(/^Output class 1/);
  await expect(output.classLegend.getByRole('listitem')).toHaveText([
    'Class 1',
    'Class 2',
    'Class 3',
  ]);
  await expect.poll(() => playground.hashFields()['dataset']).toBe('spiral3');
  await run.trainPast(60);
  await output.expectPaintedPattern();
  await playground.screenshot('07-three-class-spiral');

  // A regression set: one output, a colour scale instead of classes, no accuracy.
  await data.choose('Plane');
  await expect(output.caption).toHaveText('Output: Plane');
  await expect(network.output).toHaveCount(1);
  await expect(output.classLegend).toHaveCount(0);
  await expect(output.region.getByText('Accuracy')).toHaveCount(0);
  await expect(run.epoch).toHaveText('0');
  await expect.poll(() => playground.hashFields()['dataset']).toBe('reg-plane');
  const lossAtStart = await output.trainLoss.textContent();
  await run.trainPast(60);
  await expect(output.trainLoss).not.toHaveText(lossAtStart ?? '');
  const regression = await output.expectPaintedPattern();
  await playground.screenshot('08-regression-plane');

  // A two-class set again.
  await data.choose('Exclusive or');
  await expect(output.caption).toHaveText('Output: Exclusive or');
  await expect(output.region.getByText('Accuracy')).toBeVisible();
  await expect.poll(() => playground.hashFields()['dataset']).toBe('xor');
  await output.expectPaintedPattern();
  const xor = await output.pixels();
  expect(lumaDifference(xor, regression)).toBeGreaterThan(1);

  // Hovering a hidden neuron shows it large, with its own caption and its own image.
  await network.assign(1, 3, 'Cosine');
  await run.trainPast(40);
  const shownOutput = await output.pixels();
  await network.neuron(1, 3).hover();
  await expect(output.caption).toHaveText('Layer 1 neuron 3 (Cosine)');
  await expect(output.heatmap).toHaveAccessibleName(/^Layer 1 neuron 3 \(Cosine\)/);
  await expect
    .poll(async () => lumaDifference(await output.pixels(), shownOutput), {
      message: 'the hovered neuron’s image differs from the output’s',
    })
    .toBeGreaterThan(5);
  await playground.screenshot('09-hovered-neuron');
  await network.neuron(2, 1).hover();
  await expect(output.caption).toHaveText('Layer 2 neuron 1 (Tanh)');
  await page.mouse.move(2, 2);
  await expect(output.caption).toHaveText('Output: Exclusive or');
  await expect
    .poll(async () => lumaDifference(await output.pixels(), shownOutput))
    .toBeLessThan(0.5);

  // Keyboard focus shows a neuron too (Tab from the neuron above).
  await network.neuron(1, 1).focus();
  await page.keyboard.press('Tab');
  await expect(network.neuron(1, 2)).toBeFocused();
  await expect(output.caption).toHaveText('Layer 1 neuron 2 (ReLU)');
});
