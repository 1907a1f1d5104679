import { execFileSync } from 'node:child_process';
import { expect, test } from './fixtures';

const LINK = '#dataset=circle&net=sin,relu,tanh,gaussian;silu,elu&opt=momentum&lr=0.1';
const TOLERANCE = 1e-9;

test('Export PyTorch downloads a file that prints the page losses and trains on like it', async ({
  playground: p,
  page,
}) => {
  await p.open(LINK);
  await p.run.stepTimes(3);
  await expect(p.run.epoch).toHaveText('3');
  const exporting = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export PyTorch' }).click();
  const download = await exporting;
  expect(download.suggestedFilename()).toBe('activation_playground_epoch_3.py');
  const file = (await download.path()) ?? '';

  const readLosses = async () => [
    Number(await p.output.trainLoss.getAttribute('data-value')),
    Number(await p.output.testLoss.getAttribute('data-value')),
  ];
  const atExport = await readLosses();
  await p.run.stepTimes(2);
  await expect(p.run.epoch).toHaveText('5');
  const later = await readLosses();

  const printed = execFileSync('/usr/bin/python3', [file, '--epochs', '2'], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.split(' '));
  expect(printed.map((f) => f[1])).toEqual(['3', '4', '5']);
  const [first, , last] = printed;
  for (const [line, losses] of [
    [first, atExport],
    [last, later],
  ] as const) {
    expect(Math.abs(Number(line?.[3]) - (losses[0] as number))).toBeLessThanOrEqual(TOLERANCE);
    expect(Math.abs(Number(line?.[5]) - (losses[1] as number))).toBeLessThanOrEqual(TOLERANCE);
  }
});
