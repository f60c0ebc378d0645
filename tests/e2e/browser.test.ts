/**
 * The browser fallback a fresh machine relies on: with Debian's chromium ignored, the Chromium inside
 * @sparticuz/chromium is found and launched from inside jest (which refuses dynamic import()), renders
 * Chinese text and runs the page's scripts. Every `npm test` runs this, wherever Debian's chromium is present.
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { findChromium } from '../support/browser';

jest.setTimeout(300_000); // unpacking the binary the first time, on a busy 2-core machine

test('the @sparticuz/chromium fallback launches under jest and renders a page', async () => {
  const found = await findChromium({ E2E_CHROMIUM: 'bundled' });
  expect(found.source).toContain('@sparticuz/chromium');
  expect(existsSync(found.executablePath)).toBe(true);
  const browser = await chromium.launch({ executablePath: found.executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'], headless: true });
  try {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.setContent('<main><h1>诉求直通</h1><script>document.querySelector("h1").dataset.ran = "yes"</script></main>');
    expect(await page.textContent('h1')).toBe('诉求直通');
    expect(await page.getAttribute('h1', 'data-ran')).toBe('yes');
  } finally {
    await browser.close();
  }
});
