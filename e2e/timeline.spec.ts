import { expect, test } from './fixtures';
import { lumaDifference } from './pages/OutputPanel';
import { TimelineBar } from './pages/TimelineBar';

test('scrubbing the timeline back changes the heatmaps and the epoch shown, and leaving it returns to live', async ({
  playground,
  page,
}) => {
  const { run, output, network } = playground;
  const timeline = new TimelineBar(page);
  await playground.open('#speed=100');
  await run.trainPast(30);
  const liveEpoch = await run.epochNumber();
  const live = await output.expectPaintedPattern();
  const liveNeuron = await network.hiddenNeurons.first().screenshot();
  await expect(timeline.slider).toHaveAttribute('aria-valuetext', `Live, epoch ${liveEpoch}`);

  // Back to the start: the untrained network, paused.
  await timeline.slider.focus();
  await page.keyboard.press('Home');
  await expect(run.epoch).toHaveText('0');
  await expect(timeline.slider).toHaveAttribute('aria-valuetext', 'Epoch 0');
  await expect(timeline.resume).toBeVisible();
  await expect(run.play).toBeVisible();
  await expect.poll(async () => lumaDifference(await output.pixels(), live)).toBeGreaterThan(2);
  expect(await network.hiddenNeurons.first().screenshot()).not.toEqual(liveNeuron);

  // One arrow key, one snapshot (every epoch while few are kept, then evenly thinned).
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => timeline.epoch()).toBeGreaterThan(0);
  const second = await timeline.epoch();
  expect(second).toBeLessThan(liveEpoch);
  await expect(run.epoch).toHaveText(second.toLocaleString('en'));

  // Escape leaves: the live network exactly as it was.
  await page.keyboard.press('Escape');
  await expect(run.epoch).toHaveText(liveEpoch.toLocaleString('en'));
  await expect(timeline.resume).toBeHidden();
  await expect.poll(async () => lumaDifference(await output.pixels(), live)).toBe(0);

  // The button and the slider's end leave too.
  await page.keyboard.press('Home');
  await expect(run.epoch).toHaveText('0');
  await timeline.backToLive.click();
  await expect(run.epoch).toHaveText(liveEpoch.toLocaleString('en'));
  await timeline.slider.focus();
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => timeline.epoch()).toBeLessThan(liveEpoch);
  await expect(run.epoch).toHaveText((await timeline.epoch()).toLocaleString('en'));
  await page.keyboard.press('End');
  await expect(run.epoch).toHaveText(liveEpoch.toLocaleString('en'));
  await expect.poll(async () => lumaDifference(await output.pixels(), live)).toBe(0);
  expect(playground.errors).toEqual([]);
});

test("a snapshot from before an activation change shows the neuron's activation of then", async ({
  playground,
  page,
}) => {
  const { run, network } = playground;
  const timeline = new TimelineBar(page);
  await playground.open('#speed=100&net=tanh,tanh,tanh,tanh;tanh,tanh');
  await run.trainPast(10);
  await network.assign(1, 1, 'Sine');
  await page.keyboard.press('Escape');
  await run.step.click();
  await timeline.slider.focus();
  await page.keyboard.press('Home');
  await expect(run.epoch).toHaveText('0');
  await network.expectActivation(1, 1, 'Tanh');
  await page.keyboard.press('End');
  await network.expectActivation(1, 1, 'Sine');
  expect(playground.errors).toEqual([]);
});

test('resume from here trains on from the moment shown, as a new branch', async ({
  playground,
  page,
}) => {
  const { run } = playground;
  const timeline = new TimelineBar(page);
  await playground.open('#speed=100');
  await run.trainPast(30);
  await timeline.slider.focus();
  await page.keyboard.press('Home');
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
  await expect.poll(() => timeline.epoch()).toBeGreaterThanOrEqual(10);
  const from = await timeline.epoch();
  await expect(run.epoch).toHaveText(from.toLocaleString('en'));
  await timeline.resume.click();
  await expect(run.pause).toBeVisible();
  await run.stop();
  expect(await run.epochNumber()).toBeGreaterThanOrEqual(from);
  // The branch's timeline ends where it stands: its end is live, the old future is gone.
  await expect
    .poll(async () => timeline.slider.getAttribute('aria-valuetext'))
    .toBe(`Live, epoch ${(await run.epochNumber()).toLocaleString('en')}`);
  expect(playground.errors).toEqual([]);
});
