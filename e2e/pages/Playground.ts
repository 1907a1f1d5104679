import { mkdirSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import { Comparison } from './Comparison';
import { DataPanel } from './DataPanel';
import { ExperimentDialog } from './ExperimentDialog';
import { NetworkPanel } from './NetworkPanel';
import { Notices } from './Notices';
import { OutputPanel } from './OutputPanel';
import { RunControls } from './RunControls';
import { TestHooks } from './TestHooks';

const SCREENSHOT_DIR = 'test-results/screenshots';

/** The whole page, made of its screen regions; also records console errors. */
export class Playground {
  readonly run: RunControls;
  readonly data: DataPanel;
  readonly network: NetworkPanel;
  readonly output: OutputPanel;
  readonly notices: Notices;
  readonly hooks: TestHooks;
  readonly experiment: ExperimentDialog;
  readonly comparison: Comparison;
  /** Console errors and uncaught exceptions seen since the page object was made. */
  readonly errors: string[] = [];

  constructor(readonly page: Page) {
    this.run = new RunControls(page);
    this.data = new DataPanel(page);
    this.network = new NetworkPanel(page);
    this.output = new OutputPanel(page);
    this.notices = new Notices(page);
    this.hooks = new TestHooks(page);
    this.experiment = new ExperimentDialog(page);
    this.comparison = new Comparison(page);
    page.on('console', (message) => {
      if (message.type() === 'error') this.errors.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => this.errors.push(`pageerror: ${error.message}`));
  }

  /** Opens the page (with a link's hash, e.g. "#dataset=xor") and waits for the network. */
  async open(hash = ''): Promise<void> {
    await this.page.goto(`./${hash}`);
    await this.waitUntilReady();
  }

  async reload(): Promise<void> {
    await this.page.reload();
    await this.waitUntilReady();
  }

  /** Ready: the controls are drawn and the first frame has filled the losses. */
  async waitUntilReady(): Promise<void> {
    await expect(this.run.play.or(this.run.pause)).toBeVisible();
    await expect(this.output.trainLoss).toHaveText(/\d/);
  }

  /** The URL hash, decoded into its fields. */
  hashFields(): Record<string, string> {
    const hash = new URL(this.page.url()).hash.slice(1);
    return Object.fromEntries(hash.split('&').map((pair) => pair.split('=') as [string, string]));
  }

  async screenshot(name: string): Promise<void> {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await this.page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png` });
  }
}
