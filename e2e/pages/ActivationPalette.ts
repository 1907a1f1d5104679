import { expect, type Locator, type Page } from '@playwright/test';

/** The dialog listing the activations, opened from a neuron or a layer button. */
export class ActivationPalette {
  readonly dialog: Locator;
  readonly listbox: Locator;
  readonly close: Locator;

  constructor(page: Page) {
    this.dialog = page.getByRole('dialog').filter({
      has: page.getByRole('listbox', { name: 'Activation functions' }),
    });
    this.listbox = this.dialog.getByRole('listbox', { name: 'Activation functions' });
    this.close = this.dialog.getByRole('button', { name: 'Close palette' });
  }

  option(label: string): Locator {
    return this.listbox.getByRole('option', { name: label, exact: true });
  }

  /** The options marked current (aria-selected). */
  selected(): Locator {
    return this.listbox.getByRole('option', { selected: true });
  }

  async choose(label: string): Promise<void> {
    await this.option(label).click();
    await expect(this.dialog).toBeHidden();
  }
}
