import { expect, test } from './fixtures';

test('the palette gives single neurons and whole layers their activations while training goes on', async ({
  playground,
}) => {
  const { run, network, page } = playground;
  const { palette } = network;
  await playground.open();
  await run.start();
  await run.expectTrainingGoesOn();

  // By mouse: the palette opens on the neuron's current activation.
  await network.neuron(1, 2).click();
  await expect(palette.dialog).toBeVisible();
  await expect(palette.dialog.getByRole('heading')).toHaveText('Layer 1 neuron 2');
  // The 17 fixed ones and Custom: f(x); the three learned ones have a folded group of their
  // own (learned.spec.ts).
  await expect(palette.listbox.getByRole('option')).toHaveCount(18);
  await expect(palette.selected()).toHaveAccessibleName('ReLU');
  await playground.screenshot('03-palette-open');
  await palette.choose('GELU');
  await network.expectActivation(1, 2, 'GELU');
  await expect(run.pause).toBeVisible();
  await run.expectTrainingGoesOn();
  // The other neurons keep theirs.
  await network.expectActivation(1, 1, 'Tanh');
  await network.expectActivation(1, 3, 'Sine');
  await network.expectActivation(1, 4, 'Gaussian');
  await network.expectActivation(2, 1, 'Tanh');

  // By keyboard: Tab to the neuron, Enter opens the palette on Tanh, arrows move, Enter picks.
  await network.feature('sin x2').focus();
  await page.keyboard.press('Tab');
  await expect(network.neuron(1, 1)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(palette.option('Tanh')).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(palette.option('Sigmoid')).toBeFocused();
  await page.keyboard.press('ArrowDown'); // three options per row
  await expect(palette.option('Cosine')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(palette.dialog).toBeHidden();
  await network.expectActivation(1, 1, 'Cosine');
  await expect(network.neuron(1, 1)).toBeFocused(); // focus goes back to the neuron
  await run.expectTrainingGoesOn();

  // Escape closes without a change; Space chooses too.
  await page.keyboard.press('Enter');
  await expect(palette.option('Cosine')).toBeFocused();
  await page.keyboard.press('End');
  await expect(palette.option('Custom: f(x)')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(palette.dialog).toBeHidden();
  await network.expectActivation(1, 1, 'Cosine');
  await expect(network.neuron(1, 1)).toBeFocused();

  await network.neuron(2, 2).focus();
  await page.keyboard.press('Enter');
  await expect(palette.option('Tanh')).toBeFocused();
  await page.keyboard.press('Home');
  await expect(palette.option('ReLU')).toBeFocused();
  await page.keyboard.press('Space');
  await expect(palette.dialog).toBeHidden();
  await network.expectActivation(2, 2, 'ReLU');
  await expect(network.neuron(2, 2)).toBeFocused();
  // Space chose: its key-up on the refocused neuron neither reopened the palette nor paused.
  await expect(palette.dialog).toBeHidden();
  await expect(run.pause).toBeVisible();

  // A whole layer: the palette marks nothing current for a mixed layer.
  await network.setLayerActivation(1).click();
  await expect(palette.dialog.getByRole('heading')).toHaveText('Every neuron of layer 1 (4)');
  await expect(palette.selected()).toHaveCount(0);
  await palette.choose('Softsign');
  for (let n = 1; n <= 4; n++) await network.expectActivation(1, n, 'Softsign');
  await network.expectActivation(2, 1, 'Tanh');
  await network.expectActivation(2, 2, 'ReLU');
  await run.expectTrainingGoesOn();
  await network.setLayerActivation(1).click();
  await expect(palette.selected()).toHaveAccessibleName('Softsign');
  await palette.close.click();
  await expect(palette.dialog).toBeHidden();
  await run.stop();
  await playground.screenshot('04-activations-assigned');
});

test('a link records every activation and a reload brings them all back', async ({
  playground,
}) => {
  const { network, page } = playground;
  await playground.open();
  await network.assign(1, 2, 'Sine');
  await network.assign(2, 1, 'Mish');
  await network.assign(1, 4, 'Leaky ReLU');

  await expect.poll(() => playground.hashFields()['net']).toBe('tanh,sin,sin,leaky_relu;mish,tanh');
  const before = await network.neuronNames();
  expect(before).toEqual([
    'Layer 1 neuron 1, Tanh',
    'Layer 1 neuron 2, Sine',
    'Layer 1 neuron 3, Sine',
    'Layer 1 neuron 4, Leaky ReLU',
    'Layer 2 neuron 1, Mish',
    'Layer 2 neuron 2, Tanh',
  ]);
  const url = page.url();

  await playground.reload();
  expect(page.url()).toBe(url);
  expect(await network.neuronNames()).toEqual(before);
  await expect(playground.notices.statuses).toHaveCount(0);
});
