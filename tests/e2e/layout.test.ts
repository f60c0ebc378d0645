/**
 * Clipped text on a phone (issue 14, "phone UX"): each role's home and main lists, opened at 390 px on
 * the seeded district, must show every piece of text whole. A page fails when a visible element's text
 * is wider than its box (scrollWidth > clientWidth + 1), when text reaches past the box that clips it or
 * past the screen, when a label is squeezed to one character a line (the rating row's "交 评"), when the
 * cells of a table-like row run together ("0 100%": less than half a character apart), or when a date or
 * a time is broken over two lines ("17:3 / 0"). Text inside an intentional horizontal scroller
 * (overflow-x auto or scroll) and text cut on purpose with an ellipsis are left alone. The failure lists
 * the offenders, page by page.
 *
 * Each role walks its pages in one browser session, moving on inside the app, so the stylesheets of
 * the pages seen before stay loaded as on a phone (the enterprise detail's .score once made the visit
 * history's rating row a squeezed flex row). The seeded district is made to show what the lists can
 * hold: one of 林晓's visits awaits her score (the rating row), and this month's 红黄榜 is computed (the
 * ranking table). Screenshots go to E2E_SHOTS (default .tmp/e2e-shots), layout-*.png.
 */
import type { Page } from 'playwright-core';
import { useE2EWorld } from '../support/e2e-world';
import { settled, visible } from '../support/pages';
import { C } from '../../core/collections';
import { createFunctions } from '../../core/functions';
import type { ServiceRequest } from '../../core/model';
import { devOpenid } from '../../core/seed/demo-district';
import { beijingParts } from '../../core/time';
import type { VisitFeedback } from '../../core/visits/model';

jest.setTimeout(600_000); // a real browser on a busy 2-core machine

const errors: string[] = [];
const world = useE2EWorld('layout');
const { tallShot } = world;

beforeAll(async () => {
  const { store } = world.server.ports;
  // one of 林晓's visits is still to be scored: the history shows its rating row
  const [scored] = await store.collection<VisitFeedback>(C.visitFeedback).find({ userId: 'u-linxiao', kind: 'score' }, { limit: 1 });
  expect(scored).toBeDefined();
  await store.collection(C.visitFeedback).remove(scored._id);
  // this month's 红黄榜, so the ranking table is there to measure
  const now = beijingParts(new Date());
  const key = `${now.year}-${String(now.month).padStart(2, '0')}`;
  const computed = await createFunctions(world.server.ports).console(
    { action: 'rankings.compute', period: 'month', key },
    { openid: devOpenid('u-majianguo') },
  );
  expect(computed).toMatchObject({ ok: true });
});

afterAll(() => expect(errors).toEqual([]));

/** the text on the page that does not fit where it is shown, one line each */
function clippedText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const screen = document.documentElement.clientWidth;
    const out: string[] = [];
    const style = (el: Element) => getComputedStyle(el);
    const name = (el: Element) => {
      const cls = typeof el.className === 'string' ? el.className.trim().split(/\s+/).filter(Boolean).slice(0, 3) : [];
      return `<${el.tagName.toLowerCase()}${cls.length ? ` class="${cls.join(' ')}"` : ''}>`;
    };
    const scrolls = (el: Element) => ['auto', 'scroll'].includes(style(el).overflowX);
    const clips = (el: Element) => style(el).overflowX !== 'visible';
    /** inside a box that scrolls sideways on purpose, where text may run on */
    const inScroller = (el: Element) => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) if (scrolls(a)) return true;
      return false;
    };
    /** the box the text is laid out in: inline wrappers (Taro's Text) have no width of their own */
    const boxOf = (el: Element) => {
      let b: Element | null = el;
      while (b && ['inline', 'contents'].includes(style(b).display)) b = b.parentElement;
      return b;
    };
    const seen = new Set<Element>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = (node.textContent ?? '').trim();
      const parent = node.parentElement;
      if (!text || !parent || parent.closest('input, textarea, select, option, script, style, noscript')) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const lines = Array.from(range.getClientRects()).filter((r) => r.width > 0 && r.height > 0);
      if (!lines.length || style(parent).visibility === 'hidden' || inScroller(parent)) continue;
      const box = boxOf(parent);
      if (!box) continue;
      const look = style(box);
      const ellipsis = look.textOverflow === 'ellipsis' && clips(box); // cut on purpose, and it says so
      const where = `${name(box)} "${text.slice(0, 24)}"`;
      if (!seen.has(box)) {
        seen.add(box);
        if (!ellipsis && box.scrollWidth > box.clientWidth + 1) out.push(`${where}: ${box.scrollWidth} px of text in a ${box.clientWidth} px box`);
        // a label squeezed to a column of single characters ("交 评")
        const size = parseFloat(look.fontSize) || 14;
        const chars = (box.textContent ?? '').replace(/\s/g, '').length;
        const rows = new Set(lines.map((r) => Math.round(r.top))).size;
        if (chars >= 2 && rows >= 2 && box.clientWidth > 0 && box.clientWidth < 1.6 * size) out.push(`${where}: squeezed to ${box.clientWidth} px, one character a line`);
      }
      // a date or a time broken over two lines ("17:3 / 0", "2026-11- / 30")
      const value = node.textContent ?? '';
      for (const m of Array.from(value.matchAll(/\d{4}-\d{1,2}-\d{1,2}(?: \d{1,2}:\d{2})?|\d{1,2}:\d{2}|\d{4}年\d{1,2}月(?:\d{1,2}日)?/g))) {
        const part = document.createRange();
        part.setStart(node, m.index!);
        part.setEnd(node, m.index! + m[0].length);
        const tops = new Set(Array.from(part.getClientRects()).filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        if (tops.size > 1) out.push(`${name(box)} "${m[0]}": broken over ${tops.size} lines`);
      }
      // text reaching past the screen, or past an ancestor that clips it
      const left = Math.min(...lines.map((r) => r.left));
      const right = Math.max(...lines.map((r) => r.right));
      if (right > screen + 1 || left < -1) out.push(`${where}: runs off the screen (${Math.round(left)}–${Math.round(right)} px of ${screen})`);
      else if (!ellipsis) {
        for (let a = parent.parentElement; a && a !== document.body; a = a.parentElement) {
          if (!clips(a) || a.classList.contains('taro_page')) continue;
          const r = a.getBoundingClientRect();
          if (right > r.right + 1 || left < r.left - 1) {
            out.push(`${where}: cut off by ${name(a)} (${Math.round(left)}–${Math.round(right)} px in ${Math.round(r.left)}–${Math.round(r.right)})`);
            break;
          }
        }
      }
    }

    // side by side in a table-like row (three or more pieces of text, each on one line): each piece's
    // ink — its text, or its box where it has a background or a border — keeps at least half a
    // character clear of the next, or the columns read as one ("0 100%")
    type Ink = { left: number; right: number; top: number; bottom: number; boxed: boolean; size: number };
    const ink = (el: Element): Ink | null => {
      const look = style(el);
      if (!(el.textContent ?? '').trim()) return null;
      const size = parseFloat(look.fontSize) || 14;
      const box = el.getBoundingClientRect();
      if (look.backgroundColor !== 'rgba(0, 0, 0, 0)' || parseFloat(look.borderLeftWidth) > 0) {
        return { left: box.left, right: box.right, top: box.top, bottom: box.bottom, boxed: true, size };
      }
      const rects: DOMRect[] = [];
      const texts = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let t = texts.nextNode(); t; t = texts.nextNode()) {
        if (!(t.textContent ?? '').trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(t);
        rects.push(...Array.from(range.getClientRects()).filter((r) => r.width > 0 && r.height > 0));
      }
      if (!rects.length) return null;
      const top = Math.min(...rects.map((r) => r.top));
      const bottom = Math.max(...rects.map((r) => r.bottom));
      if (rects.some((r) => r.top >= top + size)) return null; // more than one line: not a cell
      const cut = clips(el); // an ellipsis ends at the box
      const left = Math.max(Math.min(...rects.map((r) => r.left)), cut ? box.left : -Infinity);
      const right = Math.min(Math.max(...rects.map((r) => r.right)), cut ? box.right : Infinity);
      return { left, right, top, bottom, boxed: false, size };
    };
    for (const row of Array.from(document.body.querySelectorAll('*'))) {
      const look = style(row);
      if (!look.display.includes('flex') || look.flexDirection !== 'row' || !row.getClientRects().length || inScroller(row)) continue;
      const items = Array.from(row.children).filter((c) => c.getClientRects().length && !['absolute', 'fixed'].includes(style(c).position));
      const inks = items.map(ink);
      if (inks.filter(Boolean).length < 3) continue;
      // each piece and the next one to its right on its line, as laid out (a wrapping row may reorder them)
      const placed = items.map((el, i) => ({ el, at: inks[i] })).filter((x): x is { el: Element; at: Ink } => !!x.at);
      for (const a of placed) {
        const oneLine = (b: Ink) => Math.min(a.at.bottom, b.bottom) - Math.max(a.at.top, b.top) >= Math.min(a.at.bottom - a.at.top, b.bottom - b.top) / 2;
        const next = placed.filter((b) => b !== a && b.at.left >= a.at.left && oneLine(b.at)).sort((x, y) => x.at.left - y.at.left)[0];
        if (!next) continue;
        const need = a.at.boxed || next.at.boxed ? 2 : Math.max(4, 0.5 * Math.min(a.at.size, next.at.size));
        const gap = next.at.left - a.at.right;
        if (gap < need) {
          const said = (el: Element) => `"${(el.textContent ?? '').trim().slice(0, 16)}"`;
          out.push(`${name(row)} ${said(a.el)} runs into ${said(next.el)} (${Math.round(gap)} px apart)`);
        }
      }
    }
    return Array.from(new Set(out));
  });
}

/** wait until the page has its data: no request in flight, no spinner, nothing moving */
async function ready(page: Page) {
  await settled(page, { toasts: false });
  await page.locator('.state__spinner').locator('visible=true').first().waitFor({ state: 'hidden', timeout: 30_000 });
  await settled(page, { toasts: false });
}

/** move on inside the app (the stylesheets already loaded stay, as on a phone), and wait for the page */
async function go(page: Page, path: string) {
  await page.evaluate((p) => {
    window.location.hash = `#${p}`;
  }, path);
  await page.waitForFunction((p) => window.location.hash.startsWith(`#${p}`), path);
  await ready(page);
}

type Stop = { label: string; path?: string; shows?: string };

/** log in, then each page in turn at 390 px; every page's clipped text is collected and the list must be empty */
async function walk(who: string, shot: string, stops: Stop[], before?: (page: Page) => Promise<void>) {
  const page = await world.page(390, { onError: (e) => errors.push(`${shot}: ${e.message}`) });
  await world.loginAs(page, who);
  await ready(page);
  if (before) await before(page);
  const found: string[] = [];
  for (const [i, stop] of stops.entries()) {
    if (stop.path) await go(page, stop.path);
    if (stop.shows) await page.locator(stop.shows).locator('visible=true').first().waitFor();
    await tallShot(page, `layout-${shot}-${i + 1}`);
    found.push(...(await clippedText(page)).map((o) => `${who} · ${stop.label}: ${o}`));
  }
  await page.context().close();
  expect(found).toEqual([]);
}

test('enterprise (林晓): home, 我的诉求, 入企记录 with a visit to score', async () => {
  // a request's detail page first, so its stylesheet is loaded when the history is drawn
  const [mine] = await world.server.ports.store.collection<ServiceRequest>(C.requests).find({ submitterId: 'u-linxiao' }, { limit: 1 });
  expect(mine).toBeDefined();
  await walk('林晓', 'enterprise', [
    { label: '首页' },
    { label: '我的诉求', path: '/subpkg-enterprise/list/index', shows: '.request-card' },
    { label: '入企记录', path: '/subpkg-visit/history/index', shows: '.visit-score' },
  ], (page) => go(page, `/subpkg-enterprise/detail/index?id=${mine._id}`));
});

test('officer (张伟): home, 我的工单', async () => {
  await walk('张伟', 'officer', [{ label: '首页' }, { label: '我的工单', path: '/subpkg-officer/inbox/index' }]);
});

test('dispatcher (孙丽): home, 台账', async () => {
  await walk('孙丽', 'dispatcher', [{ label: '首页' }, { label: '台账', path: '/subpkg-desk/ledger/index', shows: '.ledger-row' }]);
});

test('leader (马建国): home, 数据看板, 红黄榜', async () => {
  await walk('马建国', 'leader', [
    { label: '首页' },
    { label: '数据看板', path: '/subpkg-leader/dashboard/index', shows: '.ftable' },
    // the period bar is there whether the month has ranked units or not (in its first hours, none yet)
    { label: '红黄榜', path: '/subpkg-leader/rankings/index', shows: '.period-bar' },
  ]);
});

test('department (钱军): home, 督办卡', async () => {
  await walk('钱军', 'department', [{ label: '首页' }, { label: '督办卡', path: '/subpkg-dept/inbox/index' }]);
});

test('the check finds clipped text: a cell too narrow for its number, a squeezed label, cells run together, a broken date', async () => {
  const page = await world.page(390);
  await page.goto(`${world.base}/#/pages/login/index`);
  await visible(page, '林晓').waitFor();
  await page.evaluate(() => {
    const host = document.createElement('div');
    host.innerHTML = `
      <div style="display:flex;width:60px"><span style="flex:1;min-width:0;white-space:nowrap">100% 100%</span></div>
      <div style="display:flex;width:102px;font-size:13px"><span style="flex:1;text-align:right">4</span><span style="flex:1;text-align:right">0</span><span style="flex:1;text-align:right">100%</span></div>
      <div style="width:14px;font-size:14px">提交评价</div>
      <div style="width:120px;font-size:14px;word-break:break-all">截至时间2026-11-30 17:30</div>
      <div style="overflow-x:auto;width:60px"><span style="white-space:nowrap">在横向滚动区域里可以很长很长</span></div>
      <div style="width:60px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap">有意截断并显示省略号的文字</div>`;
    document.body.prepend(host);
  });
  const found = await clippedText(page);
  expect(found.some((f) => f.includes('"100% 100%"') && f.includes('px of text in a'))).toBe(true);
  expect(found.some((f) => f.includes('"提交评价"') && f.includes('one character a line'))).toBe(true);
  expect(found.some((f) => f.includes('"0" runs into "100%"'))).toBe(true);
  expect(found.some((f) => f.includes('"2026-11-30 17:30": broken over 2 lines'))).toBe(true);
  expect(found.filter((f) => f.includes('横向滚动') || f.includes('有意截断'))).toEqual([]);
  await page.context().close();
});
