/**
 * The 红黄榜 in a real browser on the seeded district (issue 11, "rankings that measure"): the
 * leader generates this month's lists; 柳岸社区, whose four requests are all still within their
 * deadlines (nothing answered, overdue, scored or called back), shows 样本不足 apart from the
 * ranking, with its reason and without a rank or a score, and is on neither list; the 评分办法
 * names what weighs against a unit. On a desk screen (1280 px) and a phone (390 px), where the
 * tables must fit. Screenshots go to E2E_SHOTS (default .tmp/e2e-shots).
 *
 * The demo seed dates its requests relative to the server's clock, so the server runs on a clock
 * started at a fixed Friday afternoon (the one scripts/demo-rankings.ts uses) and the page is
 * opened on that month.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startLocalServer } from '../../server/app';
import { h5Dir, launchChromium } from '../support/browser';
import { button, loginAs as login, settled, shot as takeShot, visible } from '../support/pages';
import { C } from '../../core/collections';
import type { RankingList } from '../../core/rankings/rankings';
import type { ServiceRequest } from '../../core/model';
import { createFunctions } from '../../core/functions';
import { devOpenid } from '../../core/seed/demo-district';

jest.setTimeout(600_000); // a real browser on a busy 2-core machine

const root = join(__dirname, '..', '..');
const shots = process.env.E2E_SHOTS ?? join(root, '.tmp', 'e2e-shots');
const START = Date.parse('2026-11-27T07:00:00Z'); // Friday 15:00 in Beijing
const t0 = Date.now();
let server: Awaited<ReturnType<typeof startLocalServer>>;
let browser: Browser;
let dataDir: string;
let base: string;
const errors: string[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'yszt-e2e-rank-'));
  server = await startLocalServer({
    port: 0, dataDir, h5Dir: h5Dir(root), functionsDir: join(root, 'cloudfunctions'), timers: false, log: () => {},
    clock: { now: () => new Date(START + (Date.now() - t0)) },
  });
  base = `http://127.0.0.1:${server.port}`;
  browser = (await launchChromium()).browser;
  mkdirSync(shots, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function open(width: number, height: number): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width, height } });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  return page;
}
/** the whole page: Taro scrolls inside its page element, so the viewport grows to fit it for the picture */
async function shot(page: Page, name: string) {
  const size = page.viewportSize()!;
  const height = await page.evaluate(() =>
    Math.max(0, ...Array.from(document.querySelectorAll('.page')).filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => (e as HTMLElement).scrollHeight)),
  );
  if (height > size.height) await page.setViewportSize({ width: size.width, height: Math.min(height + 24, 6000) });
  await takeShot(page, shots, name, true);
  await page.setViewportSize(size);
}

const loginAs = (page: Page, name: string) => login(page, base, name);
const rankingsUrl = () => `${base}/#/subpkg-leader/rankings/index?period=month&key=2026-11`;

/** what of the page is wider than the screen: the page itself, or any table on it */
async function overflow(page: Page) {
  return page.evaluate(() => {
    const out: string[] = [];
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width + 1) out.push(`document ${document.documentElement.scrollWidth} > ${width}`);
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('.page, .rank-table, .ftable__row, .unranked__item, .method'))) {
      if (el.offsetParent === null) continue;
      if (el.scrollWidth > el.clientWidth + 1) out.push(`${el.className} ${el.scrollWidth} > ${el.clientWidth}`);
      const r = el.getBoundingClientRect();
      if (r.right > width + 1) out.push(`${el.className} ends at ${r.right} > ${width}`);
    }
    return out;
  });
}

async function expectLiuanApart(page: Page) {
  const apart = page.locator('.unranked').locator('visible=true').first();
  await apart.waitFor();
  const liuan = apart.locator('.unranked__item[data-unit="c-liuan"]');
  await expect(liuan.textContent()).resolves.toMatch(/柳岸社区.*样本不足/);
  await expect(liuan.locator('.unranked__reason').textContent()).resolves.toMatch(/4项诉求均无可衡量事项/);
  // not in the ranking, not on a list
  await expect(page.locator('.rank-table [data-unit="c-liuan"]').locator('visible=true').count()).resolves.toBe(0);
  const lists = await page.locator('.honour').locator('visible=true').allTextContents();
  expect(lists.join('')).not.toContain('柳岸社区');
}

test('a leader generates the 红黄榜: a unit with nothing measurable shows 样本不足 and no rank', async () => {
  // an officer of 东城社区 hands a wrong assignment back: it weighs against the center, shown beside its row
  const [road] = await server.ports.store.collection<ServiceRequest>(C.requests).find({ description: { $eq: '厂区门口道路缺少限速和指示标志，货车进出存在安全隐患。' } });
  const back = await createFunctions(server.ports).service(
    { action: 'request.handBack', id: road._id, reason: '属交通部门职责，非本网格事项' },
    { openid: devOpenid(road.assigneeId!) },
  );
  expect(back.ok).toBe(true);

  const page = await open(1280, 900);
  await loginAs(page, '马建国');
  await page.goto(rankingsUrl());
  await button(page, '生成本期红黄榜').click();
  await visible(page, '红黄榜已生成').waitFor();
  await visible(page, '综合排名').waitFor();
  await visible(page, '红黄榜已生成').waitFor({ state: 'hidden' }); // the toast has faded
  await settled(page);

  // the stored list agrees: 柳岸社区 collected 4, none measurable, not ranked
  const [list] = await server.ports.store.collection<RankingList>(C.rankings).find({});
  const liuan = list.units.find((u) => u.id === 'c-liuan')!;
  expect(liuan).toMatchObject({ eligible: false, rank: null, score: null, list: null, figures: { collected: 4, closed: 0, measured: 0 } });
  // every ranked center has a rank and a score, every other one is apart
  const ranked = list.units.filter((u) => u.eligible);
  expect(ranked.length).toBeGreaterThan(0);
  expect(ranked.every((u) => u.rank !== null && u.score !== null)).toBe(true);

  await expectLiuanApart(page);
  // the ranked centers are in the table with their ranks
  for (const u of ranked.filter((x) => x.kind === 'center')) {
    const row = page.locator(`.rank-table [data-unit="${u.id}"]`).locator('visible=true').first();
    await expect(row.locator('.rank-table__rank').textContent()).resolves.toBe(String(u.rank));
  }
  const dongcheng = list.units.find((u) => u.id === 'c-dongcheng')!;
  expect(dongcheng).toMatchObject({ eligible: true, figures: { handBacks: 1 } });
  await expect(page.locator('.rank-table [data-unit="c-dongcheng"] .rank-table__faults').locator('visible=true').first().textContent()).resolves.toBe('退回改派1次');
  // 评分办法: what weighs against a unit, with the weights in force
  const method = await page.locator('.method').locator('visible=true').first().textContent();
  expect(method).toContain(`督办卡按时接收率（${list.settings.weights.cardAccept}`);
  expect(method).toContain('首次答复超期的诉求计为超期');
  expect(method).toContain('回访不满意');
  expect(method).toContain('退回改派');
  expect(method).toContain('样本不足');
  expect(await overflow(page)).toEqual([]);
  await shot(page, '60-leader-rankings-desk');

  // on a phone: the same, and nothing wider than the screen
  const phone = await open(390, 844);
  await loginAs(phone, '马建国');
  await phone.goto(rankingsUrl());
  await visible(phone, '综合排名').waitFor();
  await settled(phone);
  await expectLiuanApart(phone);
  expect(await overflow(phone)).toEqual([]);
  await shot(phone, '61-leader-rankings-phone');
  // the ranking table and the 样本不足 list at the phone's own scale, to look at closely
  await phone.locator('.rank-table').locator('visible=true').first().screenshot({ path: join(shots, '62-leader-rankings-phone-table.png') });
  await phone.locator('.unranked').locator('visible=true').first().screenshot({ path: join(shots, '63-leader-rankings-phone-unranked.png') });
  expect(errors).toEqual([]);
});
