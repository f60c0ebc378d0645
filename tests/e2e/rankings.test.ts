/**
 * The 红黄榜 in a real browser on the seeded district (issue 11, "rankings that measure"): the
 * leader finds this month's lists computed by the sweep timer, without pressing anything (issue 14),
 * and recomputes them by hand; 柳岸社区, whose four requests are all still within their
 * deadlines (nothing answered, overdue, scored or called back), shows 样本不足 apart from the
 * ranking, with its reason and without a rank or a score, and is on neither list; the 评分办法
 * names what weighs against a unit. On a desk screen (1280 px) and a phone (390 px), where the
 * tables must fit. Screenshots go to E2E_SHOTS (default .tmp/e2e-shots).
 *
 * The demo seed dates its requests relative to the server's clock, so the server runs on a clock
 * started at a fixed Friday afternoon (the one scripts/demo-rankings.ts uses) and the page is
 * opened on that month.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { useE2EWorld } from '../support/e2e-world';
import { button, settled, visible } from '../support/pages';
import { C } from '../../core/collections';
import type { RankingList } from '../../core/rankings/rankings';
import type { ServiceRequest } from '../../core/model';
import { createFunctions } from '../../core/functions';
import { devOpenid } from '../../core/seed/demo-district';

jest.setTimeout(600_000); // a real browser on a busy 2-core machine

const START = Date.parse('2026-11-27T07:00:00Z'); // Friday 15:00 in Beijing
const t0 = Date.now();
const errors: string[] = [];
const world = useE2EWorld('rank', { clock: { now: () => new Date(START + (Date.now() - t0)) } });

const open = (width: number, height: number) => world.page(width, { height, onError: (e) => errors.push(e.message) });
const { tallShot: shot, loginAs } = world;
const rankingsUrl = () => `${world.base}/#/subpkg-leader/rankings/index?period=month&key=2026-11`;

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

test('the 红黄榜 is there when the leader opens it: the sweep timer computed it, nothing to press', async () => {
  // start from no lists at all, then one tick of the sweep timer (the server's timers are off here)
  const lists = world.server.ports.store.collection<RankingList>(C.rankings);
  for (const l of await lists.find({})) await lists.remove(l._id);
  const tick = await createFunctions(world.server.ports).sweep({ Type: 'Timer' }, null);
  expect(tick.ok).toBe(true);
  const computed = await lists.find({});
  // and the final lists of the month and the quarter that ended before them
  expect(computed.map((l) => l._id).sort()).toEqual(['M202610', 'M202611', 'Q20263', 'Q20264']);

  const phone = await open(390, 844);
  await loginAs(phone, '马建国');
  // the month the server's clock is in (the browser's own clock may be elsewhere)
  await phone.goto(rankingsUrl());
  await visible(phone, '综合排名').waitFor();
  const meta = phone.locator('.rankings-toolbar__meta').locator('visible=true').first();
  await expect(meta.textContent()).resolves.toMatch(/计算时间 ?2026-11-27 \d\d:\d\d.*系统自动计算/);
  expect(await phone.getByRole('button', { name: '生成本期红黄榜', exact: true }).locator('visible=true').count()).toBe(0);
  await button(phone, '重新计算').waitFor();
  await expectLiuanApart(phone);
  expect(await overflow(phone)).toEqual([]);
  await settled(phone);
  await shot(phone, '59-leader-rankings-phone-fresh');
  expect(errors).toEqual([]);
});

test('a leader recomputes the 红黄榜: a unit with nothing measurable shows 样本不足 and no rank', async () => {
  // an officer of 东城社区 hands a wrong assignment back: it weighs against the center, shown beside its row
  const [road] = await world.server.ports.store.collection<ServiceRequest>(C.requests).find({ description: { $eq: '厂区门口道路缺少限速和指示标志，货车进出存在安全隐患。' } });
  const back = await createFunctions(world.server.ports).service(
    { action: 'request.handBack', id: road._id, reason: '属交通部门职责，非本网格事项' },
    { openid: devOpenid(road.assigneeId!) },
  );
  expect(back.ok).toBe(true);

  const page = await open(1280, 900);
  await loginAs(page, '马建国');
  await page.goto(rankingsUrl());
  await button(page, '重新计算').click();
  await visible(page, '红黄榜已生成').waitFor();
  await visible(page, '综合排名').waitFor();
  await visible(page, '红黄榜已生成').waitFor({ state: 'hidden' }); // the toast has faded
  await settled(page);

  // the stored list agrees: 柳岸社区 collected 4, none measurable, not ranked
  const list = (await world.server.ports.store.collection<RankingList>(C.rankings).get('M202611'))!;
  expect(list.computedBy).toMatchObject({ name: '马建国' });
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
  await phone.locator('.rank-table').locator('visible=true').first().screenshot({ path: join(world.shots, '62-leader-rankings-phone-table.png') });
  await phone.locator('.unranked').locator('visible=true').first().screenshot({ path: join(world.shots, '63-leader-rankings-phone-unranked.png') });
  expect(errors).toEqual([]);
});
