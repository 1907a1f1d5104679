import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Serious and critical axe violations, one readable line per failing element. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map(
        (node) =>
          `${v.impact} ${v.id}: ${node.target.join(' ')} — ${node.failureSummary ?? v.help}`,
      ),
    );
}

test('axe finds nothing serious in the Experiment dialog with results, nor in the Comparison', async ({
  playground,
}) => {
  test.setTimeout(120_000);
  const { page, experiment, comparison } = playground;
  await playground.open();
  await experiment.open();
  await experiment.setUp('Deep network: sigmoid vs tanh', 2, 20);
  await experiment.runAll(4);
  expect(await seriousViolations(page)).toEqual([]);
  await experiment.close.click();
  await comparison.open();
  await comparison.step.click();
  await expect(comparison.epoch).toHaveText('1');
  expect(await seriousViolations(page)).toEqual([]);
});
