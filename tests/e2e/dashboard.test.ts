/**
 * The leaders' pages in a real browser on the seeded district: the leader opens the dashboard
 * and its numbers match the seeded requests (counted here straight from the store); a year view;
 * the 红黄榜 is there without pressing anything (the sweep timer computed it) and recomputes by hand;
 * the briefing page renders and its .xlsx downloads and parses back with the same figures; the
 * dashboard on a phone-sized screen, whose figures and rows drill down to the ledger with the same
 * totals (收集, 超期, a center's row). Screenshots go to E2E_SHOTS (default .tmp/e2e-shots).
 */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { useE2EWorld } from '../support/e2e-world';
import { countedFigures } from '../support/figures';
import { button, chartsDrawn, settled, visible } from '../support/pages';
import { C } from '../../core/collections';
import type { ServiceRequest } from '../../core/model';
import type { RankingList } from '../../core/rankings/rankings';
import { beijingParts } from '../../core/time';
import { percentText } from '../../core/stats/figures';

jest.setTimeout(600_000); // a whole journey in a real browser on a busy 2-core machine

const errors: string[] = [];
const world = useE2EWorld('dash');

const open = (width = 1280, height = 900) => world.page(width, { height, acceptDownloads: true, onError: (e) => errors.push(e.message) });
const { tallShot: shot, loginAs } = world;

/** the figures of the requests submitted in [from, to) Beijing dates, counted from the store */
async function expected(range: (createdAt: string) => boolean) {
  const all = await world.server.ports.store.collection<ServiceRequest>(C.requests).find({}, { limit: 100 });
  return countedFigures(all.filter((r) => range(r.createdAt)));
}

const inMonth = (y: number, m: number) => (iso: string) => {
  const p = beijingParts(new Date(iso));
  return p.year === y && p.month === m;
};

test('a leader opens the dashboard: the numbers match the seeded data; 红黄榜 and 简报', async () => {
  const now = beijingParts(new Date());
  const month = await expected(inMonth(now.year, now.month));
  const year = await expected((iso) => beijingParts(new Date(iso)).year === now.year);
  expect(year.collected).toBeGreaterThanOrEqual(18);

  // 1. the leader's home page leads to the dashboard
  const page = await open();
  await loginAs(page, '马建国');
  await visible(page, '数据看板').click();
  const lead = page.locator('.headline__lead').locator('visible=true').first();
  await lead.waitFor();
  const sentence = `收集问题${month.collected}项，办结${month.closed}项，${month.inProgress}项正在办理`;
  await expect(lead.textContent()).resolves.toContain(sentence);
  if (month.satisfactionRate !== null) await expect(lead.textContent()).resolves.toContain(`满意度${percentText(month.satisfactionRate, true)}`);
  const kpi = async (label: string) =>
    (await page.locator('.kpi').filter({ has: page.getByText(label, { exact: true }) }).locator('visible=true').first().locator('.kpi__value').textContent())?.trim();
  expect(await kpi('收集问题')).toBe(`${month.collected}项`);
  expect(await kpi('办结')).toBe(`${month.closed}项`);
  expect(await kpi('正在办理')).toBe(`${month.inProgress}项`);
  expect(await kpi('超期')).toBe(`${month.overdue}项`);
  // the charts are drawn
  await page.locator('.echart canvas').locator('visible=true').first().waitFor();
  expect(await page.locator('.echart canvas').locator('visible=true').count()).toBeGreaterThanOrEqual(2);
  await chartsDrawn(page);
  await shot(page, '21-leader-dashboard');

  // 2. this year
  await visible(page, '本年').click();
  await page.locator('.headline__lead').locator('visible=true').filter({ hasText: `收集问题${year.collected}项` }).first().waitFor();
  expect(await kpi('收集问题')).toBe(`${year.collected}项`);
  await chartsDrawn(page);
  await shot(page, '22-leader-dashboard-year');

  // 3. 红黄榜: this month's lists are there already, computed by the sweep timer (the seed ends with a tick):
  // nothing to press; 重新计算 recomputes by hand
  const computed = await world.server.ports.store.collection<RankingList>(C.rankings).find({});
  // with the final lists of the month and the quarter that ended before them
  const q = Math.ceil(now.month / 3);
  const monthId = (y: number, m: number) => `M${y}${String(m).padStart(2, '0')}`;
  const ids = [
    monthId(now.year, now.month), now.month === 1 ? monthId(now.year - 1, 12) : monthId(now.year, now.month - 1),
    `Q${now.year}${q}`, q === 1 ? `Q${now.year - 1}4` : `Q${now.year}${q - 1}`,
  ];
  expect(computed.map((l) => l._id).sort()).toEqual(ids.sort());
  expect(computed.every((l) => l.computedBy === null)).toBe(true);
  await visible(page, '红黄榜 ›').click();
  await page.locator('.honour--red').locator('visible=true').first().waitFor();
  await visible(page, '综合排名').waitFor();
  await visible(page, /系统自动计算/).waitFor();
  expect(await page.getByRole('button', { name: '生成本期红黄榜', exact: true }).locator('visible=true').count()).toBe(0);
  await button(page, '重新计算').click();
  await visible(page, /马建国手动计算/).waitFor();
  await visible(page, '往期榜单').waitFor();
  const stored = await world.server.ports.store.collection<RankingList>(C.rankings).find({});
  expect(stored).toHaveLength(4);
  await settled(page); // the "generated" toast has faded
  await shot(page, '23-leader-rankings');

  // 4. 简报: the printable page and its workbook
  await button(page, '简报').click();
  await page.locator('.paper__title').locator('visible=true').first().waitFor();
  await visible(page, /\d{4}年第1期/).waitFor();
  const paper = page.locator('.paper').locator('visible=true').first();
  await expect(paper.textContent()).resolves.toContain(sentence);
  await shot(page, '24-leader-briefing');
  const download = page.waitForEvent('download');
  await button(page, '导出简报Excel').click();
  const file = join(world.dataDir, 'briefing.xlsx');
  await (await download).saveAs(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['简报', '红黄榜', '综合排名', '分类统计', '典型案例']);
  const values = new Map<string, unknown>();
  wb.getWorksheet('简报')!.eachRow((r) => { values.set(String(r.getCell(1).value), r.getCell(2).value); values.set(String(r.getCell(3).value), r.getCell(4).value); });
  expect(values.get('收集问题（项）')).toBe(month.collected);
  expect(values.get('办结（项）')).toBe(month.closed);

  // 5. the dashboard on a phone-sized screen (as in the mini-program)
  const phone = await open(390, 844);
  await loginAs(phone, '马建国');
  await visible(phone, '数据看板').click();
  await phone.locator('.headline__lead').locator('visible=true').first().waitFor();
  await phone.locator('.echart canvas').locator('visible=true').first().waitFor();
  await chartsDrawn(phone);
  await shot(phone, '25-leader-dashboard-phone');

  // 6. drill-down on the phone: 收集问题 opens the ledger of this month's requests, as many as the figure
  const ledgerTotal = async () => {
    const total = phone.locator('.ledger-toolbar__total').locator('visible=true').filter({ hasText: /^共 \d+ 条$/ }).first();
    await total.waitFor();
    return Number((await total.textContent())!.match(/\d+/)![0]);
  };
  const tapKpi = (label: string) => phone.locator('.kpi--link').filter({ has: phone.getByText(label, { exact: true }) }).locator('visible=true').first().click();
  await tapKpi('收集问题');
  await phone.waitForURL(/subpkg-desk\/ledger/);
  expect(phone.url()).toContain(`from=${now.year}-${String(now.month).padStart(2, '0')}-01`);
  expect(await ledgerTotal()).toBe(month.collected);
  await settled(phone);
  await shot(phone, '26-leader-drill-collected-phone');
  await phone.goBack();
  // 超期: open and past the deadline, or answered late; a 看板口径 chip says so
  const overdue = Number((await phone.locator('.kpi').filter({ has: phone.getByText('超期', { exact: true }) }).locator('visible=true').first().locator('.kpi__value').textContent())!.match(/\d+/)![0]);
  await tapKpi('超期');
  await visible(phone, /超期（在办超期、超期办结）/).waitFor();
  expect(await ledgerTotal()).toBe(overdue);
  await settled(phone);
  await shot(phone, '27-leader-drill-overdue-phone');
  await phone.goBack();
  // a center's row: that center's requests of the month
  await phone.locator('.headline__lead').locator('visible=true').first().waitFor();
  // in the first hours of a month every seeded request lies in the month before (the seed runs working days back
  // from now), and a month with nothing collected has no rows: step back to that month
  if (month.collected === 0) {
    await phone.locator('.period-bar__arrow').locator('visible=true').first().click();
    await phone.locator('.headline__lead').locator('visible=true').filter({ hasText: /收集问题[1-9]/ }).first().waitFor();
  }
  const row = phone.locator('.card').filter({ has: phone.getByText('各级优化中心', { exact: true }) }).locator('.ftable__row--link[data-row]').locator('visible=true').first();
  await row.waitFor();
  const rowId = await row.getAttribute('data-row');
  const rowCollected = Number(await row.locator('.ftable__cell').nth(1).textContent());
  await row.click();
  await phone.waitForURL(/subpkg-desk\/ledger/);
  expect(phone.url()).toContain(`centerId=${rowId}`);
  expect(await ledgerTotal()).toBe(rowCollected);

  expect(errors).toEqual([]);
});

test('a dispatcher sees the dashboard; an enterprise user is refused', async () => {
  const page = await open();
  await loginAs(page, '孙丽');
  await visible(page, '数据看板').click();
  await page.locator('.headline__lead').locator('visible=true').first().waitFor();
  await page.goto(`${world.base}/#/pages/login/index`);
  await loginAs(page, '林晓');
  await expect(page.getByText('数据看板', { exact: true }).locator('visible=true').count()).resolves.toBe(0);
  await page.goto(`${world.base}/#/subpkg-leader/dashboard/index`);
  await visible(page, '当前账号无权进行此操作').waitFor();
});
