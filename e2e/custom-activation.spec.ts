import { expect, test } from './fixtures';
import { NetworkPanel } from './pages/NetworkPanel';

test('a neuron takes a custom f(x) from the palette, refuses a bad one with a pointed message, and trains', async ({
  playground: p,
  page,
}) => {
  await p.open('#dataset=circle&net=tanh,relu;tanh');
  const { network } = p;
  await network.neuron(1, 2).click();
  await network.palette.option('Custom: f(x)').click();
  // The palette stays open on the field, which holds the network's expression.
  const field = network.palette.dialog.getByRole('textbox', { name: 'f(x)' });
  await expect(field).toBeFocused();
  await expect(field).toHaveValue('x * sin(x)');
  await network.expectActivation(1, 2, 'Custom: x * sin(x)');
  await expect(page).toHaveURL(/net=tanh,custom;tanh&.*fx=x%20\*%20sin\(x\)/);

  // A bad text: the error under the field, the last good f(x) still in force.
  await field.fill('log(x)');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(network.palette.dialog).toContainText(
    'The expression log(x) is not finite at x = -6',
  );
  await network.expectActivation(1, 2, 'Custom: x * sin(x)');
  await field.press('Enter');
  await expect(p.notices.area).toContainText('The expression log(x) is not finite at x = -6');

  await field.fill('max(0, x) + 0.1 * sin(3 * x)');
  await expect(field).toHaveAttribute('aria-invalid', 'false');
  await network.expectActivation(1, 2, 'Custom: max(0, x) + 0.1 * sin(3 * x)');
  await network.palette.close.click();

  await p.run.stepTimes(3);
  await expect(p.run.epoch).toHaveText('3');
  // The link carries it: a fresh page has the same custom neuron.
  await p.reload();
  await expect(network.neuron(1, 2)).toHaveAccessibleName(
    NetworkPanel.nameOf(1, 2, 'Custom: max(0, x) + 0.1 * sin(3 * x)'),
  );
});

test('a bad fx in the link falls back to the default expression with a notice', async ({
  playground: p,
}) => {
  await p.open('#net=custom&fx=' + encodeURIComponent('foo(x)'));
  await p.network.expectActivation(1, 1, 'Custom: x * sin(x)');
  await expect(p.notices.area).toContainText('The expression foo(x) calls foo');
});
