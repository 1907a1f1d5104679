import { expect, test } from './fixtures';

const layers = (activation: string, sizes: number[]) =>
  sizes.map((n) => Array<string>(n).fill(activation).join(',')).join(';');

test('a deep sigmoid network shows its gradient vanishing: the first layer gets the least', async ({
  playground,
}) => {
  const { run, page } = playground;
  await playground.open(`#net=${layers('sigmoid', [4, 4, 4, 4, 4])}`);
  await run.stepTimes(3);
  await expect(run.epoch).toHaveText('3');
  const table = page.getByRole('table', { name: 'Gradient flow' });
  const rows = table.getByRole('row');
  await expect(rows).toHaveCount(5);
  await expect(rows.first().getByRole('rowheader')).toHaveText('Layer 1');
  const values = async () => {
    const cells = await table.getByRole('cell').allTextContents();
    return cells.map(Number);
  };
  await expect.poll(async () => (await values()).every((v) => v > 0)).toBe(true);
  const flow = await values();
  expect(Math.min(...flow)).toBe(flow[0]);
  await playground.screenshot('diagnostics-gradient-flow');
});

test('a ReLU on the spiral at learning rate 0.3 dies, and Revive redraws its weights', async ({
  playground,
}) => {
  const { run, network } = playground;
  await playground.open(`#dataset=spiral&net=${layers('relu', [8, 8])}&lr=0.3`);
  await run.step.click();
  await expect(run.epoch).toHaveText('1');
  const dead = network.region.getByRole('button', { name: /^Layer \d+ neuron \d+, ReLU, dead/ });
  await expect(dead.first()).toBeVisible();
  const name = (await dead.first().getAttribute('aria-label')) ?? '';
  const [, layer, neuron] = /^Layer (\d+) neuron (\d+)/.exec(name) ?? [];
  const { palette, weightEditor } = network;
  /** The first incoming weight, as the palette's weight editor shows it. */
  const firstWeight = async () => {
    await network.neuron(Number(layer), Number(neuron)).click();
    await palette.dialog.getByRole('button', { name: 'Edit weight…' }).click();
    const value = await weightEditor.input.inputValue();
    await weightEditor.cancel.click();
    return value;
  };
  const before = await firstWeight();

  await network.neuron(Number(layer), Number(neuron)).click();
  await expect(palette.dialog.getByText(/\d+% of inputs in the flat region/)).toBeVisible();
  await playground.screenshot('diagnostics-dead-palette');
  await palette.dialog.getByRole('button', { name: 'Revive', exact: true }).click();
  await palette.close.click();
  await expect.poll(firstWeight).not.toBe(before);
});

test('Square neurons at learning rate 10 on the circle pause with a message that says why', async ({
  playground,
}) => {
  const { run, page } = playground;
  await playground.open(`#net=${layers('square', [4, 2])}&lr=10`);
  await run.start();
  const alert = page.getByRole('alert').filter({ hasText: 'paused' });
  await expect(alert).toBeVisible({ timeout: 20_000 });
  await expect(alert).toContainText(
    /The output neuron is saturated for \d+% of examples since epoch \d+/,
  );
  await expect(alert).toContainText('the learning rate 10 is too high for Square neurons');
  await expect(run.play).toBeVisible();
  await playground.screenshot('diagnostics-stuck');
});
