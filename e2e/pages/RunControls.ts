import { expect, type Locator, type Page } from '@playwright/test';

/** The header: Play/Pause, Step, Reset, the epoch counter and the hyperparameters. */
export class RunControls {
  readonly group: Locator;
  readonly play: Locator;
  readonly pause: Locator;
  readonly step: Locator;
  readonly reset: Locator;
  /** The `<output>` labelled "Epoch" (role status). */
  readonly epoch: Locator;
  readonly speed: Locator;
  readonly learningRate: Locator;

  constructor(private readonly page: Page) {
    this.group = page.getByRole('group', { name: 'Run controls' });
    this.play = this.group.getByRole('button', { name: 'Play', exact: true });
    this.pause = this.group.getByRole('button', { name: 'Pause', exact: true });
    this.step = this.group.getByRole('button', { name: 'Step', exact: true });
    this.reset = this.group.getByRole('button', { name: 'Reset', exact: true });
    this.epoch = this.group.getByRole('status', { name: 'Epoch' });
    this.speed = this.group.getByRole('combobox', { name: 'Speed' });
    this.learningRate = page.getByRole('combobox', { name: 'Learning rate' });
  }

  /** The epoch counter as a number ("1,234" reads 1234). */
  async epochNumber(): Promise<number> {
    const text = (await this.epoch.textContent()) ?? '';
    return Number(text.replace(/[^\d]/g, ''));
  }

  async start(): Promise<void> {
    await this.play.click();
    await expect(this.pause).toBeVisible();
  }

  async stop(): Promise<void> {
    await this.pause.click();
    await expect(this.play).toBeVisible();
  }

  /** Plays until the counter passes `epochs`, then pauses and settles. */
  async trainPast(epochs: number): Promise<void> {
    await this.start();
    await expect.poll(() => this.epochNumber(), { timeout: 20_000 }).toBeGreaterThan(epochs);
    await this.stop();
    await this.settle();
  }

  /**
   * While paused: one Step moves the counter by exactly one. Epochs that were in flight when
   * Pause was pressed may still arrive during a first try; a retry then reads the settled
   * count. Afterwards nothing is in flight, so the page stays as it is.
   */
  async settle(): Promise<void> {
    await expect(async () => {
      const pausedAt = await this.epochNumber();
      await this.step.click();
      await expect(this.epoch).toHaveText((pausedAt + 1).toLocaleString('en'), {
        timeout: 1_000,
      });
    }).toPass({ timeout: 10_000 });
    await expect(this.play).toBeVisible();
  }

  /** Waits until training is seen to go on: the counter passes what it shows now. */
  async expectTrainingGoesOn(): Promise<void> {
    const before = await this.epochNumber();
    await expect.poll(() => this.epochNumber(), { timeout: 15_000 }).toBeGreaterThan(before);
  }

  /** Clicks Step `times` times (each trains one epoch while paused). */
  async stepTimes(times: number): Promise<void> {
    for (let i = 0; i < times; i++) await this.step.click();
  }
}
