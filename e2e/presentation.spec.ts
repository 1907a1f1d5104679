import type { Page } from '@playwright/test';
import { axeViolations } from './axe';
import { expect, test } from './fixtures';
import { layoutProblems } from './layoutChecks';

/** Visible text in the header and the panels set smaller than `least` px, one line each. */
async function smallText(page: Page, least: number): Promise<string[]> {
  return page.evaluate((least) => {
    const small: string[] = [];
    const walker = document.createTreeWalker(
      document.querySelector('.app') ?? document.body,
      NodeFilter.SHOW_TEXT,
    );
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const parent = node.parentElement;
      if (!text || !parent || parent.closest('.visually-hidden')) continue;
      const box = parent.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || !parent.checkVisibility()) continue;
      const size = parseFloat(getComputedStyle(parent).fontSize);
      if (size < least - 0.01) small.push(`${text.slice(0, 30)}: ${size} px`);
    }
    return small;
  }, least);
}

test.describe('presentation mode at 1920 × 1080', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  test('has no text under 20 px, a presenter’s controls and the shortcuts shown', async ({
    playground,
  }) => {
    const { page, run } = playground;
    await playground.open('#dataset=spiral&presentation=1');
    await run.stepTimes(3);
    await expect(run.epoch).toHaveText('3');
    expect(await smallText(page, 20)).toEqual([]);
    expect(await layoutProblems(page)).toEqual([]);
    await expect(page.getByText('Keys:')).toBeVisible();
    await expect(page.getByLabel('Learning rate', { exact: true })).toBeHidden();
    await expect(page.getByRole('button', { name: 'Presentation' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(await axeViolations(page)).toEqual([]);
    await playground.screenshot('presentation-1920x1080');
    // P leaves presentation; the flag leaves the address.
    await page.locator('body').press('p');
    await expect(page.getByLabel('Learning rate', { exact: true })).toBeVisible();
    expect(new URL(page.url()).hash).not.toContain('presentation=1');
  });
});

test.describe('presentation mode at 1280 × 720', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('the toggle turns it on and the heatmap stays large', async ({ playground }) => {
    const { page, output } = playground;
    await playground.open('#dataset=xor');
    await page.getByRole('button', { name: 'Presentation' }).click();
    await expect(page.getByText('Keys:')).toBeVisible();
    expect(await smallText(page, 20)).toEqual([]);
    expect(await layoutProblems(page)).toEqual([]);
    const box = await output.heatmap.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThanOrEqual(220);
    await expect(output.heatmap).toBeInViewport({ ratio: 1 });
    await playground.screenshot('presentation-1280x720');
  });
});
