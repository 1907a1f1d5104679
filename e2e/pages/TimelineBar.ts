import type { Locator, Page } from '@playwright/test';

/** The timeline under the loss chart: the slider and its way back to live. */
export class TimelineBar {
  readonly slider: Locator;
  readonly backToLive: Locator;
  readonly resume: Locator;
  readonly legend: Locator;

  constructor(page: Page) {
    const output = page.getByRole('region', { name: 'Output' });
    this.slider = output.getByRole('slider', { name: 'Timeline', exact: true });
    this.backToLive = output.getByRole('button', { name: 'Back to live', exact: true });
    this.resume = output.getByRole('button', { name: 'Resume from here', exact: true });
    this.legend = output.getByRole('list', { name: 'Timeline marks' });
  }

  /** The slider's position (a snapshot index). */
  async index(): Promise<number> {
    return Number(await this.slider.inputValue());
  }
}
