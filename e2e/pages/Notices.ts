import type { Locator, Page } from '@playwright/test';

/** Messages at the top of the page: link warnings (status) and divergence (alert). */
export class Notices {
  readonly area: Locator;
  readonly statuses: Locator;
  readonly divergence: Locator;
  readonly resetSameSettings: Locator;

  constructor(page: Page) {
    this.area = page.locator('.notices');
    this.statuses = this.area.getByRole('status');
    this.divergence = this.area.getByRole('alert').filter({ hasText: 'Training paused' });
    this.resetSameSettings = this.divergence.getByRole('button', {
      name: 'Reset with the same settings',
    });
  }

  /** The link warning. */
  linkWarning(): Locator {
    return this.statuses.filter({ hasText: 'Some settings in the link could not be used' });
  }
}
