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

  /** The epoch the slider says it is on ("Epoch 12", "Live, epoch 1,234"). */
  async epoch(): Promise<number> {
    const text = (await this.slider.getAttribute('aria-valuetext')) ?? '';
    const match = /epoch ([\d,]+)/i.exec(text);
    if (!match) throw new Error(`no epoch in "${text}"`);
    return Number((match[1] as string).replace(/,/g, ''));
  }
}
