import { expect, test } from './fixtures';
import type { Playground } from './pages/Playground';

const LINK = '#dataset=xor&features=x1,x2&net=sin,relu,tanh;gaussian,tanh&lr=0.1';
/** 10 epochs a second: the worker checkpoints every second, so a restart loses about 10. */
const TRAINING_LINK = `${LINK}&speed=10`;
const MOST_EPOCHS_LOST = 15;

/** Opens the link, plays, and returns the epoch reached just before the trouble. */
async function trainSome(playground: Playground): Promise<number> {
  await playground.open(TRAINING_LINK);
  await playground.run.start();
  await expect.poll(() => playground.run.epochNumber(), { timeout: 20_000 }).toBeGreaterThan(25);
  return playground.run.epochNumber();
}

/**
 * One notice says the worker was restarted (`what` it says happened), from an epoch at most
 * MOST_EPOCHS_LOST below `before`; training goes on past both, with the settings of the link.
 */
async function expectRecovered(
  playground: Playground,
  before: number,
  what: RegExp,
  timeout: number,
): Promise<void> {
  const { notices, run, network } = playground;
  await expect(notices.workerRestarted()).toHaveText(what, { timeout });
  await expect(notices.statuses).toHaveCount(1);
  const restored = await notices.restartedAtEpoch();
  expect(restored).toBeGreaterThanOrEqual(before - MOST_EPOCHS_LOST);
  await expect(run.pause).toBeVisible();
  await expect
    .poll(() => run.epochNumber(), { timeout: 15_000 })
    .toBeGreaterThan(Math.max(before, restored) + 5);
  await network.expectActivation(1, 1, 'Sine');
  await network.expectActivation(2, 1, 'Gaussian');
  expect(playground.hashFields().net).toBe('sin,relu,tanh;gaussian,tanh');
}

test('when the training worker dies the page says so, restarts it and keeps the training', async ({
  playground,
  page,
}) => {
  const before = await trainSome(playground);
  // An uncaught error inside the worker: the Worker object in the page gets an `error` event,
  // exactly as when the worker script fails for real.
  const [worker] = page.workers();
  if (!worker) throw new Error('the page runs no worker');
  await worker.evaluate(() => {
    setTimeout(() => {
      throw new Error('simulated crash');
    });
  });
  await expectRecovered(
    playground,
    before,
    /^The training worker stopped; it was restarted at epoch [\d,]+ \((no|\d+) epochs? lost\)\./,
    10_000,
  );
  // The crash reached the console; that error is expected here, nothing else is.
  expect(playground.errors.every((e) => e.includes('simulated crash'))).toBe(true);
  playground.errors.length = 0;
});

test('a training worker that closes itself is noticed within seconds and replaced', async ({
  playground,
}) => {
  const before = await trainSome(playground);
  await playground.hooks.closeWorker();
  await expectRecovered(
    playground,
    before,
    /^The training worker stopped responding; it was restarted at epoch/,
    6_000,
  );
});

test('a training worker stuck in an endless loop is noticed within seconds and replaced', async ({
  playground,
}) => {
  const before = await trainSome(playground);
  await playground.hooks.hangWorker();
  await expectRecovered(
    playground,
    before,
    /^The training worker stopped responding; it was restarted at epoch/,
    6_000,
  );
});

test('a fresh worker that never loads is replaced too, and the incident keeps one notice', async ({
  playground,
}) => {
  const before = await trainSome(playground);
  await playground.hooks.neverLoadNext(1);
  await playground.hooks.closeWorker();
  // First the closed worker (2 s), then the one that never loads (5 s) are replaced.
  await expectRecovered(
    playground,
    before,
    /^The training worker stopped responding; it was restarted at epoch/,
    12_000,
  );
});

test('when no fresh worker ever loads the page says once that it gave up', async ({
  playground,
}) => {
  const { notices, run } = playground;
  await trainSome(playground);
  await playground.hooks.neverLoadNext(10);
  await playground.hooks.closeWorker();
  await expect(notices.workerRestarted()).toBeVisible({ timeout: 6_000 });
  const gaveUp = notices.statuses.filter({
    hasText:
      'The training worker stopped responding; it could not be restarted. Reload the page to try again.',
  });
  // Three fresh workers get 5 s each to load.
  await expect(gaveUp).toBeVisible({ timeout: 30_000 });
  await expect(notices.workerRestarted()).toHaveCount(0);
  await expect(notices.statuses).toHaveCount(1);
  await expect(run.play).toBeVisible();
});
