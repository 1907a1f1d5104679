/** Accessibility checks shared by the specs: axe at every impact level, target sizes. */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** Axe violations of every impact level (minor included), one readable line per element. */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.flatMap((v) =>
    v.nodes.map(
      (node) => `${v.impact} ${v.id}: ${node.target.join(' ')} — ${node.failureSummary ?? v.help}`,
    ),
  );
}

/** Visible controls smaller than 24 × 24 px (WCAG 2.5.8), counting a control's own label. */
export async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const small: string[] = [];
    const controls = document.querySelectorAll(
      'button, select, input, [role="option"], a[href], [tabindex="0"]',
    );
    for (const control of controls) {
      const own = control.getBoundingClientRect();
      if (own.width === 0 || own.height === 0) continue;
      // A visually hidden control (a file input behind its button) is no pointer target.
      if (control.closest('.visually-hidden')) continue;
      if (getComputedStyle(control).opacity === '0' && !control.closest('label')) continue;
      const label = control.closest('label') ?? control;
      const box = label.getBoundingClientRect();
      if (
        Math.max(own.width, box.width) < 24 - 0.5 ||
        Math.max(own.height, box.height) < 24 - 0.5
      ) {
        small.push(
          `${control.tagName.toLowerCase()} ${control.getAttribute('aria-label') ?? ((control as HTMLInputElement).labels?.[0]?.textContent?.trim() || control.textContent?.trim()) ?? ''}: ${Math.round(box.width)}×${Math.round(box.height)}`,
        );
      }
    }
    return small;
  });
}
