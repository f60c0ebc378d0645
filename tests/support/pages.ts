/** Page helpers for the browser tests: Taro keeps earlier pages in the DOM, hidden, so every lookup is of visible elements. */
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { functionOf } from '../../core/functions';
import { devOpenid } from '../../core/seed/demo-district';
import type { E2EWorld } from './e2e-world';

export const visible = (page: Page | Locator, text: string | RegExp) =>
  page.getByText(text, { exact: typeof text === 'string' }).locator('visible=true').first();

/** the confirm button of Taro's H5 modal (showModal; Taro spells its class taro-model__) */
export const modalConfirm = (page: Page) => page.locator('.taro__modal .taro-model__confirm').locator('visible=true').last();

/**
 * Call a cloud function as a seeded demo user (by id), beside the browser, and answer its data once what
 * follows the answer (notifications, counting) is done, so the test looks at a settled store; a failed
 * call throws with its code.
 */
export async function as(world: E2EWorld, userId: string, event: Record<string, unknown>): Promise<any> {
  const r = await world.server.functions[functionOf(event.action)](event, { openid: devOpenid(userId) });
  await world.server.followUpsIdle();
  if (!r.ok) throw new Error(`${String(event.action)} failed: ${r.code} ${r.message}`);
  return r.data;
}

/** poll (every 200 ms, up to `timeout`) until `get` answers something: a state the server stores after its answer */
export async function until<T>(get: () => Promise<T | null | undefined>, timeout = 10_000): Promise<T> {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await get();
    if (v) return v;
    if (Date.now() > end) throw new Error('timed out waiting for the stored state');
    await new Promise((r) => setTimeout(r, 200));
  }
}

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

/** choose a YYYY-MM-DD date in Taro's H5 date picker (年/月/日 columns), opened by tapping `trigger` */
export async function pickDate(page: Page, trigger: Locator, ymd: string) {
  await trigger.click();
  const sheet = page.locator('.weui-picker').locator('visible=true').first();
  await sheet.waitFor();
  const [y, m, d] = ymd.split('-');
  const want = [`${y}年`, `${m}月`, `${d}日`];
  for (let i = 0; i < 3; i++) {
    const column = sheet.locator('.weui-picker__group').nth(i);
    for (let step = 0; step < 40; step++) {
      // the item under the indicator, and the target's place relative to it
      const where = await column.evaluate((col, text) => {
        const line = col.querySelector('.weui-picker__indicator')!.getBoundingClientRect();
        const items = Array.from(col.querySelectorAll<HTMLElement>('.weui-picker__item'));
        const centre = (e: HTMLElement) => { const r = e.getBoundingClientRect(); return (r.top + r.bottom) / 2; };
        const mid = (line.top + line.bottom) / 2;
        const current = items.reduce((a, b) => (Math.abs(centre(a) - mid) < Math.abs(centre(b) - mid) ? a : b));
        const target = items.findIndex((e) => e.textContent === text);
        return { current: current.textContent, offset: target - items.indexOf(current) };
      }, want[i]);
      if (where.current === want[i]) break;
      // tap the item up to three rows away towards the target: the column brings it under the line
      const rows = Math.max(-3, Math.min(3, where.offset));
      const box = (await column.locator('.weui-picker__indicator').boundingBox())!;
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2 + rows * box.height);
      await page.waitForTimeout(350);
    }
  }
  await sheet.getByText('确定', { exact: true }).click();
}
