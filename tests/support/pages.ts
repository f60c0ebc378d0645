/** Page helpers for the browser tests: Taro keeps earlier pages in the DOM, hidden, so every lookup is of visible elements. */
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';

export const visible = (page: Page | Locator, text: string | RegExp) =>
  page.getByText(text, { exact: typeof text === 'string' }).locator('visible=true').first();

export const button = (page: Page | Locator, name: string) => page.getByRole('button', { name, exact: true }).locator('visible=true').first();

/** Taro wraps native inputs in custom elements that carry the placeholder; this finds the native one. */
export const field = (page: Page | Locator, placeholder: string) =>
  page
    .locator(['input', 'textarea'].flatMap((t) => [`${t}[placeholder*="${placeholder}"]`, `[placeholder*="${placeholder}"] ${t}`]).join(', '))
    .locator('visible=true')
    .first();

/**
 * Wait, by events rather than by the clock, until the page has stopped moving: no request in flight,
 * no toast or loading mask showing, and two animation frames drawn (Taro's page transition is CSS).
 */
export async function settled(page: Page, { toasts = true } = {}) {
  await page.waitForLoadState('networkidle');
  if (toasts) {
    await page.locator('.taro__toast, .nut-toast, .taro__loading').locator('visible=true').first().waitFor({ state: 'hidden', timeout: 10_000 });
  }
  await page.evaluate(
    () => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))).then(
      () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
    ),
  );
}

/** Wait until every visible chart canvas has finished animating: its pixels stay the same over three frames. */
export async function chartsDrawn(page: Page) {
  await page.locator('.echart canvas').locator('visible=true').first().waitFor();
  await page.waitForFunction(
    () => {
      const w = window as unknown as { __chartFrames?: string[] };
      const now = Array.from(document.querySelectorAll<HTMLCanvasElement>('.echart canvas'))
        .filter((c) => c.offsetParent !== null)
        .map((c) => c.toDataURL())
        .join('|');
      const frames = (w.__chartFrames = [...(w.__chartFrames ?? []), now].slice(-3));
      return frames.length === 3 && frames.every((f) => f === now);
    },
    undefined,
    { polling: 'raf', timeout: 30_000 },
  );
}

export async function shot(page: Page, dir: string, name: string, fullPage = false) {
  await settled(page, { toasts: false }); // a toast the step just raised belongs in its picture
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage });
}

export async function loginAs(page: Page, base: string, name: string) {
  await page.goto(`${base}/#/pages/login/index`);
  await visible(page, name).click();
  await visible(page, /您好|欢迎/).waitFor();
}
