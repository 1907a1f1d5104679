import { expect, type Locator, type Page } from '@playwright/test';

/** One row of the results CSV, as read back. */
export interface CsvRun {
  readonly variant: string;
  readonly seed: number;
  readonly fields: Readonly<Record<string, string>>;
}

/** Reads the experiment CSV (no quoted commas in the presets' names). */
export function parseCsv(text: string): CsvRun[] {
  const [head, ...lines] = text.trim().split(/\r?\n/);
  const columns = (head ?? '').split(',');
  return lines.map((line) => {
    const values = line.split(',');
    const fields = Object.fromEntries(columns.map((c, i) => [c, values[i] ?? '']));
    return { variant: fields.variant ?? '', seed: Number(fields.seed), fields };
  });
}

/** The Experiment dialog, opened from the header's Experiment button. */
export class ExperimentDialog {
  readonly opener: Locator;
  readonly dialog: Locator;
  readonly runButton: Locator;
  readonly cancel: Locator;
  readonly close: Locator;
  readonly progress: Locator;
  readonly seeds: Locator;
  readonly epochs: Locator;
  readonly target: Locator;
  readonly table: Locator;
  readonly verdict: Locator;
  readonly status: Locator;
  readonly downloadCsv: Locator;
  readonly downloadJson: Locator;
  readonly curves: Locator;
  readonly sweepChart: Locator;

  constructor(private readonly page: Page) {
    this.opener = page.getByRole('button', { name: 'Experiment', exact: true });
    this.dialog = page.getByRole('dialog', { name: 'Experiment' });
    this.runButton = this.dialog.getByRole('button', { name: 'Run experiment', exact: true });
    this.cancel = this.dialog.getByRole('button', { name: 'Cancel', exact: true });
    this.close = this.dialog.getByRole('button', { name: 'Close', exact: true });
    this.progress = this.dialog.getByRole('progressbar', { name: 'Experiment progress' });
    this.seeds = this.dialog.getByRole('spinbutton', { name: 'Seeds', exact: true });
    this.epochs = this.dialog.getByRole('spinbutton', { name: 'Epochs', exact: true });
    this.target = this.dialog.getByRole('spinbutton', { name: 'Target', exact: true });
    this.table = this.dialog.getByRole('table', { name: 'Experiment results' });
    this.verdict = this.dialog.getByTestId('verdict');
    this.status = this.dialog.locator('.run-status');
    this.downloadCsv = this.dialog.getByRole('button', { name: 'Download CSV', exact: true });
    this.downloadJson = this.dialog.getByRole('button', { name: 'Download JSON', exact: true });
    this.curves = this.dialog.getByRole('img', { name: /^Mean test loss over epochs/ });
    this.sweepChart = this.dialog.getByRole('img', {
      name: /^Final test loss against the share p/,
    });
  }

  async open(): Promise<void> {
    await this.opener.click();
    await expect(this.dialog).toBeVisible();
  }

  preset(title: string): Locator {
    return this.dialog.getByRole('button', { name: title, exact: true });
  }

  /** Chooses a preset and sets the seeds and epochs (typing into the fields). */
  async setUp(preset: string, seeds: number, epochs: number): Promise<void> {
    await this.preset(preset).click();
    await this.seeds.fill(String(seeds));
    await this.epochs.fill(String(epochs));
    await expect(this.dialog.getByText(`runs of ${epochs} epochs`)).toBeVisible();
  }

  /** Runs and waits for every one of `total` runs. */
  async runAll(total: number, timeout = 120_000): Promise<void> {
    await this.runButton.click();
    await expect(this.progress).toHaveAttribute('aria-valuenow', String(total), { timeout });
    await expect(this.status).toContainText('Done:', { timeout });
  }

  /** The table's row of the variant named `name`. */
  row(name: string): Locator {
    return this.table
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
  }

  /** A result cell (column key as in resultsTable.ts: testLoss, trainLoss, versusFirst, …). */
  cell(name: string, column: string): Locator {
    return this.row(name).locator(`td[data-column="${column}"]`);
  }

  /** The full-precision number a cell leads with. */
  async value(name: string, column: string): Promise<string> {
    return (await this.cell(name, column).getAttribute('data-value')) ?? '';
  }

  /** The names in the rows' first cells, in order. */
  async rowNames(): Promise<string[]> {
    return this.table.locator('tbody th').allInnerTexts();
  }

  runLink(variant: string, seed: number): Locator {
    return this.dialog.getByRole('link', {
      name: `Open this run in the playground: ${variant}, seed ${seed}`,
      exact: true,
    });
  }

  /** The hash of one run's playground link (the links are folded away until asked for). */
  async runHash(variant: string, seed: number): Promise<string> {
    const summary = this.dialog.getByText(/^Open one run in the playground/);
    const link = this.runLink(variant, seed);
    if (!(await link.isVisible())) await summary.click();
    const href = (await link.getAttribute('href')) ?? '';
    return href.slice(href.indexOf('#'));
  }

  /** Downloads through the button and returns the file's text. */
  async download(button: Locator): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), button.click()]);
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
  }
}
