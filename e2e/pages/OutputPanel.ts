import { expect, type Locator, type Page } from '@playwright/test';

/** What the pixels of the large heatmap look like. */
export interface HeatmapPixels {
  readonly width: number;
  readonly height: number;
  /** Distinct RGB colours. */
  readonly distinct: number;
  /** Variance of the luminance (0..255 scale). */
  readonly variance: number;
  /** Luminance of every pixel, row by row. */
  readonly luma: readonly number[];
}

/** The output column: losses, the large heatmap with its caption and legend. */
export class OutputPanel {
  readonly region: Locator;
  readonly trainLoss: Locator;
  readonly testLoss: Locator;
  readonly heatmap: Locator;
  readonly figure: Locator;
  readonly caption: Locator;
  readonly classLegend: Locator;
  readonly lossChart: Locator;

  constructor(page: Page) {
    this.region = page.getByRole('region', { name: 'Output' });
    this.trainLoss = this.region.getByTestId('train-loss');
    this.testLoss = this.region.getByTestId('test-loss');
    this.heatmap = this.region.getByTestId('output-heatmap');
    this.figure = this.region
      .getByRole('figure')
      .filter({ has: page.getByTestId('output-heatmap') });
    this.caption = this.figure.locator('figcaption');
    this.classLegend = this.region.getByRole('list', { name: 'Classes' });
    this.lossChart = this.region.getByRole('img', { name: 'Training and test loss over epochs' });
  }

  /** Reads the large heatmap's pixels straight from its canvas. */
  async pixels(): Promise<HeatmapPixels> {
    return this.heatmap.evaluate((element) => {
      const canvas = element as HTMLCanvasElement;
      const context = canvas.getContext('2d');
      if (!context) throw new Error('the heatmap has no 2d context');
      const { width, height } = canvas;
      const data = context.getImageData(0, 0, width, height).data;
      const colours = new Set<number>();
      const luma: number[] = [];
      let sum = 0;
      let sumSq = 0;
      for (let i = 0; i < data.length; i += 4) {
        const r = data[i] ?? 0;
        const g = data[i + 1] ?? 0;
        const b = data[i + 2] ?? 0;
        colours.add((r << 16) | (g << 8) | b);
        const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        luma.push(y);
        sum += y;
        sumSq += y * y;
      }
      const n = luma.length || 1;
      const mean = sum / n;
      return { width, height, distinct: colours.size, variance: sumSq / n - mean * mean, luma };
    });
  }

  /** Waits until the heatmap is painted with a pattern, not one flat colour. */
  async expectPaintedPattern(): Promise<HeatmapPixels> {
    let last: HeatmapPixels | null = null;
    await expect(async () => {
      last = await this.pixels();
      expect(last.width, 'grid-sized canvas').toBeGreaterThan(8);
      expect(last.distinct, 'distinct colours').toBeGreaterThan(20);
      expect(last.variance, 'luminance variance').toBeGreaterThan(50);
    }).toPass({ timeout: 10_000 });
    return last as unknown as HeatmapPixels;
  }
}

/** Mean absolute difference of two equally sized luminance images (0..255). */
export function lumaDifference(a: HeatmapPixels, b: HeatmapPixels): number {
  if (a.luma.length !== b.luma.length) return 255;
  let total = 0;
  for (let i = 0; i < a.luma.length; i++) total += Math.abs((a.luma[i] ?? 0) - (b.luma[i] ?? 0));
  return total / (a.luma.length || 1);
}
