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

  /** The notice about a restarted training worker ("…; it was restarted at epoch 70 (…)."). */
  workerRestarted(): Locator {
    return this.statuses.filter({ hasText: /^The training worker stopped.*; it was restarted/ });
  }

  /** The epoch a restarted worker continued from, read from its notice. */
  async restartedAtEpoch(): Promise<number> {
    const text = (await this.workerRestarted().textContent()) ?? '';
    const match = /restarted at epoch ([\d,]+)/.exec(text);
    if (!match?.[1]) throw new Error(`no epoch in "${text}"`);
    return Number(match[1].replace(/,/g, ''));
  }

  /** The link warning. */
  linkWarning(): Locator {
    return this.statuses.filter({ hasText: 'Some settings in the link could not be used' });
  }
}
