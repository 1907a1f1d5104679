import { expect, test } from './fixtures';

test('a weight can be read on hover and set by typing; invalid values are refused', async ({
  playground,
}) => {
  const { network, run, output } = playground;
  const { weightEditor: editor } = network;
  await playground.open();
  await run.stepTimes(3);
  await expect(run.epoch).toHaveText('3');

  const name = 'Weight from layer 2 neuron 1 to the output';
  const link = await network.hoverLink(name);
  const before = await network.tooltipValue();
  expect(Number(before)).not.toBeNaN();
  await playground.screenshot('10-weight-tooltip');

  await link.click();
  await expect(editor.dialog).toBeVisible();
  await expect(editor.dialog.getByRole('heading')).toHaveText(name);
  await expect(editor.input).toHaveValue(before);
  await expect(editor.input).toBeFocused();

  // Not a number: refused with a message, the dialog stays.
  await editor.enter('abc');
  await expect(editor.error).toHaveText(/"abc" is not a number/);
  await expect(editor.input).toHaveAttribute('aria-invalid', 'true');
  await expect(editor.dialog).toBeVisible();
  await playground.screenshot('11-weight-invalid');
  // Out of range: refused too.
  await editor.enter('1e6');
  await expect(editor.error).toHaveText(/limited/);
  await expect(editor.dialog).toBeVisible();
  // Empty: refused.
  await editor.enter('');
  await expect(editor.error).toBeVisible();

  const lossBefore = await output.trainLoss.textContent();
  const value = Number(before) > 0 ? '-2.5' : '2.5';
  await editor.enter(value);
  await expect(editor.dialog).toBeHidden();
  const shown = Number(value).toFixed(3);
  // The next read shows the new value (the network is paused, nothing moves it).
  await expect(async () => {
    await network.hoverLink(name);
    expect(await network.tooltipValue()).toBe(shown);
  }).toPass({ timeout: 10_000 });
  await expect(run.epoch).toHaveText('3');
  await expect(output.trainLoss).not.toHaveText(lossBefore ?? '');

  // Reopening the editor shows it too; Escape closes without change.
  await (await network.hoverLink(name)).click();
  await expect(editor.input).toHaveValue(shown);
  await playground.page.keyboard.press('Escape');
  await expect(editor.dialog).toBeHidden();

  // Training goes on from the edited weight.
  await run.step.click();
  await expect(run.epoch).toHaveText('4');
});
