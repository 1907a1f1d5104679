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
  // Read the one way every field and the link read numbers: no hex, no silent underflow.
  await editor.enter('0x10');
  await expect(editor.error).toHaveText(/"0x10" is not a number/);
  await editor.enter('1e-400');
  await expect(editor.error).toHaveText(/"1e-400" is too close to 0 to represent/);
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

test('a weight can be reached and set with the keyboard alone, through its neuron', async ({
  playground,
  page,
}) => {
  const { network, run } = playground;
  const { weightEditor: editor } = network;
  await playground.open();
  await run.stepTimes(2);
  await expect(run.epoch).toHaveText('2');

  /** Keyboard only: focus the neuron, Enter, pick the source, Enter on "Edit weight…". */
  async function openEditor(): Promise<void> {
    await network.neuron(2, 1).focus();
    await page.keyboard.press('Enter');
    const palette = page.getByRole('dialog', { name: 'Layer 2 neuron 1' });
    await expect(palette).toBeVisible();
    const source = palette.getByRole('combobox', { name: 'Incoming weight' });
    await source.focus();
    await source.selectOption({ label: 'from layer 1 neuron 3' });
    await palette.getByRole('button', { name: 'Edit weight…' }).press('Enter');
    await expect(editor.dialog.getByRole('heading')).toHaveText(
      'Weight from layer 1 neuron 3 to layer 2 neuron 1',
    );
    await expect(editor.input).toBeFocused();
  }

  await openEditor();
  const before = await editor.input.inputValue();
  const value = Number(before) > 0 ? '-1.75' : '1.75';
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(value);
  await page.keyboard.press('Enter');
  await expect(editor.dialog).toBeHidden();

  // The worker took it: the editor, opened again the same way, shows the new weight.
  await expect(async () => {
    await page.keyboard.press('Escape');
    await openEditor();
    await expect(editor.input).toHaveValue(Number(value).toFixed(3), { timeout: 1_000 });
  }).toPass({ timeout: 10_000 });
  await expect(run.epoch).toHaveText('2');
});
