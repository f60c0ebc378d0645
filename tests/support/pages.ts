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

export async function shot(page: Page, dir: string, name: string, fullPage = false) {
  await page.waitForTimeout(500); // let Taro's page transition finish
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage });
}

export async function loginAs(page: Page, base: string, name: string) {
  await page.goto(`${base}/#/pages/login/index`);
  await visible(page, name).click();
  await visible(page, /您好|欢迎/).waitFor();
}
