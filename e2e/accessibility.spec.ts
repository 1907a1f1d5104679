import { axeViolations, smallTargets } from './axe';
import { expect, test } from './fixtures';

test('axe finds no violations of any impact, with and without the palette open', async ({
  playground,
}) => {
  const { page, network, run } = playground;
  await playground.open();
  await run.stepTimes(2);
  await expect(run.epoch).toHaveText('2');
  expect(await axeViolations(page)).toEqual([]);
  expect(await smallTargets(page)).toEqual([]);
  // Every slider and number field has a name of its own (the label, not the shown value).
  await expect(page.getByRole('slider', { name: 'Noise', exact: true })).toBeVisible();
  await expect(page.getByRole('slider', { name: 'Training data', exact: true })).toBeVisible();
  await expect(page.getByRole('spinbutton', { name: 'Seed', exact: true })).toBeVisible();

  await network.neuron(1, 1).click();
  await expect(network.palette.dialog).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');

  await (await network.hoverLink('Weight from layer 2 neuron 2 to the output')).click();
  await expect(network.weightEditor.dialog).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
});

test.describe('on a narrow touch screen', () => {
  test.use({ viewport: { width: 768, height: 1024 }, hasTouch: true, isMobile: false });

  test('the network and output are visible and a tapped neuron opens the palette', async ({
    playground,
  }) => {
    const { page, network, output, run } = playground;
    await playground.open();
    await expect(network.region).toBeVisible();
    await expect(network.neuron(1, 1)).toBeVisible();
    await expect(network.output).toBeVisible();
    await expect(output.heatmap).toBeVisible();
    // No sideways scrolling.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      768,
    );
    // Neurons do not overlap each other or fall outside the network panel.
    const panel = await network.region.boundingBox();
    const boxes = [];
    for (const neuron of await network.hiddenNeurons.all()) boxes.push(await neuron.boundingBox());
    for (const box of boxes) {
      expect(box).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(panel!.x);
      expect(box!.x + box!.width).toBeLessThanOrEqual(panel!.x + panel!.width);
    }
    await playground.screenshot('14-narrow-top');

    await run.play.tap();
    await run.expectTrainingGoesOn();
    await network.neuron(1, 4).tap();
    await expect(network.palette.dialog).toBeVisible();
    await expect(network.palette.dialog).toBeInViewport();
    await playground.screenshot('15-narrow-palette');
    await network.palette.option('Absolute').tap();
    await expect(network.palette.dialog).toBeHidden();
    await network.expectActivation(1, 4, 'Absolute');
    await run.expectTrainingGoesOn();

    await output.heatmap.scrollIntoViewIfNeeded();
    await output.expectPaintedPattern();
    await playground.screenshot('16-narrow-output');
  });
});

test('focus never hides behind the palette: tabbing out of it closes it', async ({
  playground,
}) => {
  const { page, network } = playground;
  await playground.open();
  await network.neuron(1, 1).click();
  await expect(network.palette.dialog).toBeVisible();
  for (let i = 0; i < 12 && (await network.palette.dialog.isVisible()); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(network.palette.dialog).toBeHidden();
  // What has focus now is on the screen, not under anything.
  const covered = await page.evaluate(() => {
    const focused = document.activeElement;
    if (!focused || focused === document.body) return false;
    const r = focused.getBoundingClientRect();
    const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return !(at && (focused === at || focused.contains(at) || at.contains(focused)));
  });
  expect(covered).toBe(false);
});
