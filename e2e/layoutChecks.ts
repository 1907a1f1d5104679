import type { Page } from '@playwright/test';

/**
 * Every visible element of a panel (and of the header) that reaches out of its panel's box,
 * every pair of panels that overlap, a word broken across lines, two texts drawn over each
 * other, and a page wider than the window: one line each.
 */
export async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const describe = (e: Element) =>
      `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}` +
      (e.getAttribute('aria-label') ? `[${e.getAttribute('aria-label')}]` : '');
    const regions = [...document.querySelectorAll('.panel, .header')];
    for (const region of regions) {
      const box = region.getBoundingClientRect();
      for (const e of region.querySelectorAll('*')) {
        if (e.closest('.palette, .weight-editor, .tooltip, [role="dialog"]')) continue;
        // A leaf's text can spill out of its own box: measure the text itself.
        let r = e.getBoundingClientRect();
        if (e.children.length === 0 && e.textContent?.trim()) {
          const range = document.createRange();
          range.selectNodeContents(e);
          const t = range.getBoundingClientRect();
          r = new DOMRect(
            Math.min(r.left, t.left),
            Math.min(r.top, t.top),
            Math.max(r.right, t.right) - Math.min(r.left, t.left),
            Math.max(r.bottom, t.bottom) - Math.min(r.top, t.top),
          );
        }
        if (r.width === 0 || r.height === 0) continue;
        if (getComputedStyle(e).visibility === 'hidden') continue;
        if (
          r.left < box.left - 1 ||
          r.right > box.right + 1 ||
          r.top < box.top - 1 ||
          r.bottom > box.bottom + 1
        ) {
          problems.push(`${describe(e)} reaches out of ${describe(region)}`);
        }
      }
    }
    const panels = [...document.querySelectorAll('.panel, .header')].map((e) => ({
      e,
      r: e.getBoundingClientRect(),
    }));
    for (const [i, a] of panels.entries()) {
      for (const b of panels.slice(i + 1)) {
        const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
        const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
        if (w > 0 && h > 0) problems.push(`${describe(a.e)} overlaps ${describe(b.e)}`);
      }
    }
    // Text a person reads: every visible leaf with text (HTML or SVG) of the regions.
    const texts = regions.flatMap((region) =>
      [...region.querySelectorAll('*')].filter(
        (e) =>
          e.children.length === 0 &&
          (e.textContent ?? '').trim() !== '' &&
          !e.closest('.palette, .weight-editor, .tooltip, [role="dialog"], .visually-hidden') &&
          getComputedStyle(e).visibility !== 'hidden' &&
          e.getBoundingClientRect().width > 0,
      ),
    );
    // A word broken across two lines ("Checkerbo / ard"): its glyphs sit on more than one line.
    // Breaks the page offers on purpose (<wbr>) split the text into separate nodes.
    for (const e of texts) {
      for (const node of e.childNodes) {
        if (node.nodeType !== Node.TEXT_NODE) continue;
        const text = node.textContent ?? '';
        for (const match of text.matchAll(/\S{2,}/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          if (tops.size > 1) problems.push(`"${match[0]}" breaks across lines in ${describe(e)}`);
        }
      }
    }
    // Two texts drawn over each other (an axis name on a tick label, a message on an axis).
    const textBox = (e: Element) => {
      const range = document.createRange();
      range.selectNodeContents(e);
      return range.getBoundingClientRect();
    };
    const boxes = texts.map((e) => ({ e, r: textBox(e) })).filter((t) => t.r.width > 0);
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        if (a.e.contains(b.e) || b.e.contains(a.e)) continue;
        const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
        const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
        // Glyph boxes include line spacing: lines a couple of pixels into each other are not
        // a collision, but side by side any overlap is ("0.4Press").
        if (w > 0.5 && h > 2) {
          problems.push(
            `text "${a.e.textContent?.trim()}" collides with "${b.e.textContent?.trim()}" (${describe(a.e)}, ${describe(b.e)})`,
          );
        }
      }
    }
    if (document.documentElement.scrollWidth > window.innerWidth + 1) {
      problems.push(
        `page ${document.documentElement.scrollWidth} px wide in a ${window.innerWidth} px window`,
      );
    }
    return problems;
  });
}
