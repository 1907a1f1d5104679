import type { Locator, Page } from '@playwright/test';

/** The data column: a radio button per data set. */
export class DataPanel {
  readonly region: Locator;

  constructor(page: Page) {
    this.region = page.getByRole('region', { name: 'Data' });
  }

  dataset(label: string): Locator {
    return this.region.getByRole('radio', { name: label, exact: true });
  }

  async choose(label: string): Promise<void> {
    await this.dataset(label).check();
  }
}
