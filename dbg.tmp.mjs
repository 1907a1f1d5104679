import { chromium } from '@playwright/test';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await page.goto('http://127.0.0.1:4302/');
await page.getByRole('button', { name: /^(Play|Pause)$/ }).first().waitFor();
await page.getByRole('button', { name: /^Layer 1 neuron 1\b/ }).click();
await page.waitForTimeout(500);
console.log(await page.evaluate(() => {
  const q = (s) => { const e = document.querySelector(s); return e ? Math.round(e.getBoundingClientRect().height) : null; };
  return { palette: q('.palette'), options: q('.palette-options'), group: q('.learned-group'), header: q('.learned-group-header'), learnedList: q('.learned-options'), toggle: q('.learned-group > button'), neuron: document.querySelector('.neuron').getBoundingClientRect().toJSON(), toolbar: q('.network-toolbar') };
}));
await browser.close();
