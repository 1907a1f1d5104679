import { expect, type Locator, type Page } from '@playwright/test';
import { ActivationPalette } from './ActivationPalette';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The network column: layer buttons, input features, neurons, links and their editors. */
export class NetworkPanel {
  readonly region: Locator;
  readonly addLayer: Locator;
  readonly removeLayer: Locator;
  readonly palette: ActivationPalette;
  /** Every hidden neuron's button. */
  readonly hiddenNeurons: Locator;
  readonly output: Locator;
  /** Invisible wide strokes over the links that take the pointer. */
  readonly links: Locator;
  readonly tooltip: Locator;
  readonly weightEditor: WeightEditor;

  constructor(private readonly page: Page) {
    this.region = page.getByRole('region', { name: 'Network' });
    this.addLayer = this.region.getByRole('button', { name: 'Add layer', exact: true });
    this.removeLayer = this.region.getByRole('button', { name: 'Remove layer', exact: true });
    this.palette = new ActivationPalette(page);
    this.hiddenNeurons = this.region.getByRole('button', { name: /^Layer \d+ neuron \d+/ });
    this.output = this.region.getByRole('button', { name: /^Output/ });
    this.links = this.region.locator('path.link-hit');
    this.tooltip = this.region.getByRole('tooltip');
    this.weightEditor = new WeightEditor(page);
  }

  /** Hidden neuron `neuron` (1-based) of layer `layer` (1-based), whatever its activation. */
  neuron(layer: number, neuron: number): Locator {
    return this.region.getByRole('button', {
      name: new RegExp(`^Layer ${layer} neuron ${neuron}\\b(?!\\d)`),
    });
  }

  /** The neurons of one layer. */
  layer(layer: number): Locator {
    return this.region.getByRole('button', { name: new RegExp(`^Layer ${layer} neuron \\d+`) });
  }

  /** The accessible name a neuron should have with activation `label`. */
  static nameOf(layer: number, neuron: number, label: string): RegExp {
    return new RegExp(`^Layer ${layer} neuron ${neuron}, ${escapeRegExp(label)}(,|$)`);
  }

  async expectActivation(layer: number, neuron: number, label: string): Promise<void> {
    await expect(this.neuron(layer, neuron)).toHaveAccessibleName(
      NetworkPanel.nameOf(layer, neuron, label),
    );
  }

  /** Every hidden neuron's accessible name, in page order. */
  async neuronNames(): Promise<string[]> {
    const names: string[] = [];
    for (const button of await this.hiddenNeurons.all()) {
      names.push((await button.getAttribute('aria-label')) ?? '');
    }
    return names;
  }

  addNeuron(layer: number): Locator {
    return this.region.getByRole('button', { name: `Add a neuron to layer ${layer}`, exact: true });
  }

  removeNeuron(layer: number): Locator {
    return this.region.getByRole('button', {
      name: `Remove a neuron from layer ${layer}`,
      exact: true,
    });
  }

  setLayerActivation(layer: number): Locator {
    return this.region.getByRole('button', {
      name: `Set the activation of every neuron in layer ${layer}`,
      exact: true,
    });
  }

  feature(label: string): Locator {
    return this.region.getByRole('button', { name: label, exact: true });
  }

  /** Opens the palette of one neuron with the mouse and picks `label`. */
  async assign(layer: number, neuron: number, label: string): Promise<void> {
    await this.neuron(layer, neuron).click();
    await expect(this.palette.dialog).toBeVisible();
    await this.palette.choose(label);
    await this.expectActivation(layer, neuron, label);
  }

  /**
   * Hovers the link whose tooltip starts with `name` ("Weight from layer 2 neuron 1 to the
   * output") and returns that link. Links are tried in turn since the diagram names none.
   */
  async hoverLink(name: string): Promise<Locator> {
    const count = await this.links.count();
    for (let i = count - 1; i >= 0; i--) {
      const link = this.links.nth(i);
      await this.page.mouse.move(0, 0);
      const hovered = await link.hover({ timeout: 2_000 }).then(
        () => true,
        () => false,
      );
      if (!hovered) continue;
      const text = await this.tooltip.textContent({ timeout: 2_000 }).catch(() => '');
      if (text?.startsWith(`${name}:`)) return link;
    }
    throw new Error(`no link shows the tooltip "${name}: …"`);
  }

  /** The weight value the tooltip shows now ("0.123" of "…: 0.123 (click to edit)"). */
  async tooltipValue(): Promise<string> {
    await expect(this.tooltip).toHaveText(/: -?[\d.]+ \(click to edit\)$/);
    const text = (await this.tooltip.textContent()) ?? '';
    return /: (-?[\d.]+) \(click to edit\)$/.exec(text)?.[1] ?? '';
  }
}

/** The small dialog that sets one weight. */
export class WeightEditor {
  readonly dialog: Locator;
  readonly input: Locator;
  readonly submit: Locator;
  readonly cancel: Locator;
  readonly error: Locator;

  constructor(page: Page) {
    this.dialog = page
      .getByRole('dialog')
      .filter({ has: page.getByRole('textbox', { name: 'Weight' }) });
    this.input = this.dialog.getByRole('textbox', { name: 'Weight' });
    this.submit = this.dialog.getByRole('button', { name: 'Set weight', exact: true });
    this.cancel = this.dialog.getByRole('button', { name: 'Cancel', exact: true });
    this.error = this.dialog.getByRole('alert');
  }

  async enter(value: string): Promise<void> {
    await this.input.fill(value);
    await this.submit.click();
  }
}
