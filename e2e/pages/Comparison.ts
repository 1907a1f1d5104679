import { expect, type Locator, type Page } from '@playwright/test';

/** The Comparison region: two variants trained side by side, in lockstep. */
export class Comparison {
  readonly opener: Locator;
  readonly region: Locator;
  readonly controls: Locator;
  readonly play: Locator;
  readonly pause: Locator;
  readonly step: Locator;
  readonly reset: Locator;
  readonly epoch: Locator;
  readonly close: Locator;
  readonly chart: Locator;
  readonly reached: Locator;
  readonly useExperiment: Locator;

  constructor(private readonly page: Page) {
    this.opener = page.getByRole('button', { name: 'Compare', exact: true });
    this.region = page.getByRole('region', { name: 'Comparison' });
    this.controls = this.region.getByRole('group', { name: 'Comparison controls' });
    this.play = this.controls.getByRole('button', { name: 'Play', exact: true });
    this.pause = this.controls.getByRole('button', { name: 'Pause', exact: true });
    this.step = this.controls.getByRole('button', { name: 'Step', exact: true });
    this.reset = this.controls.getByRole('button', { name: 'Reset', exact: true });
    this.epoch = this.controls.getByRole('status', { name: 'Epoch' });
    this.close = this.region.getByRole('button', { name: 'Close the comparison' });
    this.chart = this.region.getByRole('img', { name: /^Test and training loss over epochs/ });
    this.reached = this.region.getByTestId('reached-words');
    this.useExperiment = this.region.getByRole('button', {
      name: 'Use the experiment’s first two variants',
    });
  }

  async open(): Promise<void> {
    await this.opener.click();
    await expect(this.region).toBeVisible();
  }

  /** Side "A" or "B", named by its letter and its variant. */
  side(letter: 'A' | 'B'): Locator {
    return this.region.getByRole('region', { name: new RegExp(`^${letter}: `) });
  }

  testLoss(letter: 'A' | 'B'): Locator {
    return this.side(letter).getByTestId('test-loss');
  }

  trainLoss(letter: 'A' | 'B'): Locator {
    return this.side(letter).getByTestId('train-loss');
  }

  neuron(letter: 'A' | 'B', layer: number, neuron: number): Locator {
    return this.side(letter).getByRole('img', {
      name: new RegExp(`^Layer ${layer} neuron ${neuron}, `),
    });
  }

  curve(letter: 'A' | 'B'): Locator {
    return this.chart.getByTestId(`test-curve-${letter}`);
  }

  /** Distinct colours on side `letter`'s output heatmap. */
  async outputColours(letter: 'A' | 'B'): Promise<number> {
    return this.side(letter)
      .getByTestId('comparison-output')
      .evaluate((element) => {
        const canvas = element as HTMLCanvasElement;
        const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
        const colours = new Set<number>();
        for (let i = 0; data && i < data.length; i += 4) {
          colours.add(((data[i] ?? 0) << 16) | ((data[i + 1] ?? 0) << 8) | (data[i + 2] ?? 0));
        }
        return colours.size;
      });
  }
}
