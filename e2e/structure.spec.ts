import { expect, test } from './fixtures';

test('layers and neurons can be added and removed within the limits', async ({ playground }) => {
  const { network, run } = playground;
  await playground.open();
  await expect(network.layer(1)).toHaveCount(4);
  await expect(network.layer(2)).toHaveCount(2);
  await expect(network.layer(3)).toHaveCount(0);

  // A third layer appears with neurons of the default activation.
  await network.addLayer.click();
  await expect(network.region).toContainText('3 hidden layers');
  await expect(network.neuron(3, 1)).toBeVisible();
  await network.expectActivation(3, 1, 'Tanh');
  await expect(network.setLayerActivation(3)).toBeVisible();
  await expect.poll(() => playground.hashFields()['net']?.split(';').length).toBe(3);

  // Neurons: layer 1 shrinks to one, where removing is refused; adding brings a Tanh back.
  await network.assign(1, 3, 'Square');
  await network.removeNeuron(1).click();
  await expect(network.neuron(1, 4)).toHaveCount(0);
  await expect(network.layer(1)).toHaveCount(3);
  await network.expectActivation(1, 3, 'Square'); // the others keep their activations
  await network.removeNeuron(1).click();
  await network.removeNeuron(1).click();
  await expect(network.layer(1)).toHaveCount(1);
  await network.expectActivation(1, 1, 'Tanh');
  await expect(network.removeNeuron(1)).toBeDisabled();
  await expect(network.region).toContainText('1 neuron');
  await network.addNeuron(1).click();
  await expect(network.layer(1)).toHaveCount(2);
  await network.expectActivation(1, 2, 'Tanh');
  await expect(network.removeNeuron(1)).toBeEnabled();
  await network.addNeuron(2).click();
  await expect(network.layer(2)).toHaveCount(3);

  // The network still trains in its new shape.
  await run.trainPast(30);
  await playground.output.expectPaintedPattern();
  await playground.screenshot('05-three-layers');

  // Removing layers takes the last one first, down to none.
  await network.removeLayer.click();
  await expect(network.layer(3)).toHaveCount(0);
  await expect(network.layer(2)).toHaveCount(3);
  await network.removeLayer.click();
  await network.removeLayer.click();
  await expect(network.hiddenNeurons).toHaveCount(0);
  await expect(network.removeLayer).toBeDisabled();
  await expect(network.output).toBeVisible();
  await expect.poll(() => playground.hashFields()['net']).toBe('');
  await network.addLayer.click();
  await expect(network.hiddenNeurons).not.toHaveCount(0);
  await network.expectActivation(1, 1, 'Tanh');
});

test('a link at the limits disables adding layers and neurons', async ({ playground }) => {
  const { network } = playground;
  const eight = Array.from({ length: 8 }, () => 'relu').join(';');
  await playground.open(`#net=${eight}`);
  await expect(network.region).toContainText('8 hidden layers');
  await expect(network.neuron(8, 1)).toBeVisible();
  await expect(network.addLayer).toBeDisabled();
  await expect(network.removeLayer).toBeEnabled();
  for (let l = 1; l <= 8; l++) await expect(network.removeNeuron(l)).toBeDisabled();

  const sixteen = Array.from({ length: 16 }, () => 'tanh').join(',');
  await playground.page.goto(`./#net=${sixteen}`);
  await playground.reload();
  await expect(network.layer(1)).toHaveCount(16);
  await expect(network.addNeuron(1)).toBeDisabled();
  await expect(network.removeNeuron(1)).toBeEnabled();
  await expect(network.addLayer).toBeEnabled();
  await playground.screenshot('06-sixteen-neurons');
});
