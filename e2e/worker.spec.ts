import { expect, test } from './fixtures';

const LINK = '#dataset=xor&features=x1,x2&net=sin,relu,tanh;gaussian,tanh&lr=0.1';

test('when the training worker dies the page says so, restarts it and keeps every setting', async ({
  playground,
  page,
}) => {
  const { run, network, notices } = playground;
  await playground.open(LINK);
  await run.trainPast(5);

  // An uncaught error inside the worker: the Worker object in the page gets an `error` event,
  // exactly as when the worker script fails for real.
  const [worker] = page.workers();
  if (!worker) throw new Error('the page runs no worker');
  await worker.evaluate(() => {
    setTimeout(() => {
      throw new Error('simulated crash');
    });
  });

  await expect(
    notices.statuses.filter({ hasText: 'The training worker stopped; it was restarted' }),
  ).toBeVisible();
  // The crash reached the console; that error is expected here, nothing else is.
  expect(playground.errors.every((e) => e.includes('simulated crash'))).toBe(true);
  playground.errors.length = 0;

  // Same network and link, and a fresh worker that trains it.
  await network.expectActivation(1, 1, 'Sine');
  await network.expectActivation(2, 1, 'Gaussian');
  expect(playground.hashFields().net).toBe('sin,relu,tanh;gaussian,tanh');
  await run.start();
  await run.expectTrainingGoesOn();
  await run.stop();
});
