/**
 * Dashboard, 红黄榜 and 简报 on the seeded demo district (the demo requests are made by the real
 * actions): the dashboard's figures equal counts taken straight from the requests; who may see
 * what; lists computed, kept and read back; thresholds change the lists; the briefing's workbook
 * parses back with the same figures.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { C } from '../../core/collections';
import type { ServiceRequest } from '../../core/model';
import type { Filter } from '../../core/ports';
import { seedDemoRequests } from '../../core/seed/demo-requests';
import { verifyCounters } from '../../core/stats/recount';
import { percentText } from '../../core/stats/figures';
import { localFiles } from '../../adapters/local-ports';
import { createFunctions, functionOf } from '../../core/functions';
import { makeHarness, submission, type Harness } from '../support/harness';



let h: Harness;
let filesDir: string;
let fns: ReturnType<typeof createFunctions>;
const as = async (who: string, event: Record<string, unknown>) => {
  const r = await fns[functionOf(event.action)](event, { openid: `dev-${who}` });
  if (!r.ok) throw new Error(`${String(event.action)}: ${r.code} ${r.message}`);
  return r.data as any;
};
const refused = async (who: string, event: Record<string, unknown>) => {
  const r = await fns[functionOf(event.action)](event, { openid: `dev-${who}` });
  return r.ok ? 'OK' : r.code;
};

beforeAll(async () => {
  h = await makeHarness();
  filesDir = mkdtempSync(join(tmpdir(), 'yszt-files-'));
  const ports = { ...h.ports, files: localFiles(filesDir) };
  fns = createFunctions(ports);
  await seedDemoRequests(ports, h.clock.now());
});
afterAll(() => {
  h?.cleanup();
  rmSync(filesDir, { recursive: true, force: true });
});

/** the month's figures counted straight from the requests, independently of the counters */
async function expectedFor(filter: Filter = {}) {
  const rows = (await h.requests().find(filter, { limit: 100 })).filter((r) => r.createdAt >= '2026-10-31T16:00:00.000Z' && r.createdAt < '2026-11-30T16:00:00.000Z');
  const done = rows.filter((r) => r.status === 'resolved' || r.status === 'closed');
  const scored = rows.filter((r) => r.score !== null);
  const timed = done.filter((r) => r.closedOnTime !== null);
  return {
    collected: rows.length,
    closed: done.length,
    inProgress: rows.filter((r) => ['queued', 'dispatch', 'assigned', 'accepted', 'paused', 'supervised'].includes(r.status)).length,
    rejected: rows.filter((r) => r.status === 'rejected').length,
    onTimeRate: timed.length ? timed.filter((r) => r.closedOnTime).length / timed.length : null,
    satisfactionRate: scored.length ? scored.filter((r) => r.score! >= 4).length / scored.length : null,
    meanScore: scored.length ? scored.reduce((s, r) => s + r.score!, 0) / scored.length : null,
    overdue: rows.filter((r) => r.colour === 'red').length,
    urges: rows.reduce((s, r) => s + r.urgeCount, 0),
    red: rows.filter((r) => r.colour === 'red' && r.status !== 'rejected').length,
  };
}

test('the leader dashboard equals counts taken from the requests', async () => {
  const d = await as('u-majianguo', { action: 'stats.dashboard', period: 'month' });
  const e = await expectedFor();
  expect(e.collected).toBe(18);
  expect(d.period).toMatchObject({ kind: 'month', key: '2026-11', label: '2026年11月' });
  expect(d.scope).toMatchObject({ label: '云溪区', whole: true });
  expect(d.figures).toMatchObject({
    collected: e.collected, closed: e.closed, inProgress: e.inProgress, rejected: e.rejected, overdue: e.overdue, urges: e.urges,
  });
  expect(d.figures.onTimeRate).toBeCloseTo(e.onTimeRate!);
  expect(d.figures.satisfactionRate).toBeCloseTo(e.satisfactionRate!);
  expect(d.figures.meanScore).toBeCloseTo(e.meanScore!);
  expect(d.figures.colours.red).toBe(e.red);
  expect(d.headline[0]).toBe(`2026年11月，云溪区共收集问题${e.collected}项，办结${e.closed}项，${e.inProgress}项正在办理，满意度${percentText(e.satisfactionRate, true)}。`);
  // a trend point per day up to today; categories and departments
  expect(d.trend.map((p: any) => p.key)).toEqual(Array.from({ length: 23 }, (_, i) => `2026-11-${String(i + 1).padStart(2, '0')}`));
  expect(d.trend.reduce((s: number, p: any) => s + p.collected, 0)).toBe(e.collected);
  expect(d.byCategory.reduce((s: number, r: any) => s + r.collected, 0)).toBe(e.collected);
  expect(d.byDepartment.map((r: any) => [r.name, r.collected])).toEqual([['区住房和城乡建设局', 1], ['区自然资源局', 1]]);
  expect(d.byCenter.reduce((s: number, r: any) => s + r.collected, 0)).toBe(e.collected);
  expect(d.docsRead).toBeLessThanOrEqual(32);
  expect((await verifyCounters(h.ports)).mismatches).toEqual([]);
});

test('periods: quarter, year and a custom range agree with the month', async () => {
  const month = await as('u-majianguo', { action: 'stats.dashboard', period: 'month' });
  const quarter = await as('u-majianguo', { action: 'stats.dashboard', period: 'quarter' });
  const year = await as('u-sunli', { action: 'stats.dashboard', period: 'year' });
  const custom = await as('u-majianguo', { action: 'stats.dashboard', period: 'custom', from: '2026-10-15', to: '2026-11-30' });
  for (const x of [quarter, year, custom]) expect(x.figures.raw).toEqual(month.figures.raw);
  expect(quarter.trend.map((p: any) => p.label)).toEqual(['10月', '11月']);
  expect(year.trend).toHaveLength(11);
  expect(custom.period.granularity).toBe('day');
  const past = await as('u-majianguo', { action: 'stats.dashboard', period: 'month', key: '2026-10' });
  expect(past.figures.collected).toBe(0);
  expect(await refused('u-majianguo', { action: 'stats.dashboard', period: 'custom', from: '2026-11-30', to: '2026-11-01' })).toBe('VALIDATION_FAILED');
  expect(await refused('u-majianguo', { action: 'stats.dashboard', period: 'month', key: '2026-13' })).toBe('VALIDATION_FAILED');
});

test('who sees what', async () => {
  expect(await refused('u-linxiao', { action: 'stats.dashboard' })).toBe('FORBIDDEN');
  expect(await refused('u-zhangwei', { action: 'stats.dashboard' })).toBe('FORBIDDEN');
  // a department handler: its own department only, no district breakdowns
  const own = await as('u-fengyu', { action: 'stats.dashboard' });
  expect(own.scope.label).toBe('区住房和城乡建设局');
  expect(own.figures.collected).toBe((await expectedFor({ deptIds: { $all: ['dep-zjj'] } })).collected);
  expect(own.byCategory).toBeNull();
  expect(own.byDepartment).toBeNull();
  expect(await refused('u-fengyu', { action: 'stats.dashboard', departmentId: 'dep-zrzy' })).toBe('FORBIDDEN');
  // the leader filters by tier or department
  const community = await as('u-majianguo', { action: 'stats.dashboard', tier: 'community' });
  expect(community.figures.collected).toBe((await expectedFor({ tier: 'community' })).collected);
  expect(community.byCenter.every((r: any) => r.extra === '社区')).toBe(true);
  const dept = await as('u-majianguo', { action: 'stats.dashboard', departmentId: 'dep-zrzy' });
  expect(dept.figures.collected).toBe(1);
  // a street's dispatcher: its center and the communities under it
  await h.store.collection(C.users).add({ _id: 'u-street', openid: 'dev-u-street', name: '周街', roles: ['dispatcher'], orgId: 's-dongcheng', active: true, createdAt: h.clock.now().toISOString() });
  const street = await as('u-street', { action: 'stats.dashboard' });
  const inStreet = (await expectedFor({ tierOrgId: { $in: ['s-dongcheng', 'c-dongcheng', 'c-chaoyang'] } })).collected;
  expect(street.figures.collected).toBe(inStreet);
  expect(street.scope).toMatchObject({ label: '东城街道（含下级）', whole: false });
  expect(street.byCenter.map((r: any) => r.id).sort()).toEqual(expect.arrayContaining(['c-dongcheng']));
  expect(street.byCenter.every((r: any) => ['s-dongcheng', 'c-dongcheng', 'c-chaoyang'].includes(r.id))).toBe(true);
  expect(await refused('u-street', { action: 'stats.dashboard', departmentId: 'dep-zjj' })).toBe('FORBIDDEN');
  for (const who of ['u-linxiao', 'u-zhangwei', 'u-fengyu']) {
    expect(await refused(who, { action: 'rankings.compute' })).toBe('FORBIDDEN');
    expect(await refused(who, { action: 'briefing.generate' })).toBe('FORBIDDEN');
  }
});

test('the counters follow new events at once', async () => {
  const before = await as('u-majianguo', { action: 'stats.dashboard' });
  const { request } = await h.ok('u-linxiao', submission({ category: 'rongzi' }));
  await as(request.assigneeId, { action: 'request.accept', id: request._id });
  await as(request.assigneeId, { action: 'request.resolve', id: request._id, result: '已对接银行' });
  await as('u-linxiao', { action: 'request.confirm', id: request._id, score: 5 });
  const after = await as('u-majianguo', { action: 'stats.dashboard' });
  expect(after.figures.collected).toBe(before.figures.collected + 1);
  expect(after.figures.closed).toBe(before.figures.closed + 1);
  expect(after.figures.raw.sat).toBe(before.figures.raw.sat + 1);
  expect(after.byCategory.find((r: any) => r.id === 'rongzi').collected).toBe(before.byCategory.find((r: any) => r.id === 'rongzi').collected + 1);
  expect((await verifyCounters(h.ports)).mismatches).toEqual([]);
});

test('红黄榜: computed from the counters, kept per period, thresholds configurable', async () => {
  const list = await as('u-sunli', { action: 'rankings.compute', period: 'month' });
  expect(list._id).toBe('M202611');
  expect(list.units.filter((u: any) => u.kind === 'department').map((u: any) => u.name).sort()).toEqual(['区住房和城乡建设局', '区自然资源局']);
  const centers = list.units.filter((u: any) => u.kind === 'center');
  expect(centers.map((u: any) => u.name)).toEqual(expect.arrayContaining(['东城社区', '西湖社区', '柳岸社区', '朝阳社区', '东城街道', '西湖街道']));
  // the demo's units are small: only units with at least 3 requests (a department: cards) and a measurable item are ranked
  for (const u of list.units) expect(u.eligible).toBe(u.figures.collected >= 3 && u.figures.measured >= 1);
  for (const u of list.units) if (!u.eligible) expect(u).toMatchObject({ rank: null, score: null, list: null, reasons: [expect.stringMatching(/^样本不足：/)] });
  // a lower bar puts every ranked unit on one list or none, never both
  await as('u-majianguo', { action: 'rankings.configure', minCases: 1, yellow: { belowScore: 100, maxSize: 2 } });
  const strict = await as('u-majianguo', { action: 'rankings.compute', period: 'month' });
  expect(strict.yellow).toHaveLength(2);
  expect(strict.yellow.every((u: any) => u.score < 100 && u.reasons.length > 0)).toBe(true);
  expect(strict.red.filter((u: any) => strict.yellow.some((y: any) => y.id === u.id))).toEqual([]);
  expect(strict.settings.minCases).toBe(1);
  await as('u-admin', { action: 'rankings.configure', minCases: 3, yellow: { belowScore: 75, maxSize: 5 } });
  expect(await refused('u-sunli', { action: 'rankings.configure', minCases: 2 })).toBe('FORBIDDEN');
  expect(await refused('u-majianguo', { action: 'rankings.configure', yellow: { onTimeBelow: 80 } })).toBe('VALIDATION_FAILED');
  // past lists are kept and read back
  await as('u-majianguo', { action: 'rankings.compute', period: 'month', key: '2026-10' });
  await as('u-majianguo', { action: 'rankings.compute', period: 'quarter' });
  const all = await as('u-majianguo', { action: 'rankings.list' });
  expect(all.items.map((i: any) => i.id)).toEqual(['Q20264', 'M202611', 'M202610']);
  const got = await as('u-majianguo', { action: 'rankings.get', id: 'M202611' });
  expect(got.settings.minCases).toBe(1); // as computed then, not as configured now
  expect(await refused('u-majianguo', { action: 'rankings.get', id: 'M202601' })).toBe('NOT_FOUND');
  const settings = await as('u-majianguo', { action: 'rankings.settings' });
  expect(settings.settings.minCases).toBe(3);
});

test('简报: one action, an .xlsx and the printable page, with the same figures', async () => {
  const b = await as('u-majianguo', { action: 'briefing.generate', period: 'month' });
  expect(b.title).toBe('营商环境“红黄榜”简报');
  expect(b.issueLabel).toBe('2026年第1期');
  expect(b.publisher).toBe('云溪区营商环境优化中心');
  expect(b.url).toMatch(/^\/files\/exports\/briefing-M202611-.*\.xlsx$/);
  const e = await expectedFor();
  expect(b.figures.collected).toBe(e.collected);
  expect(b.cases.praised.length).toBeGreaterThan(0);
  expect(b.cases.praised.every((c: any) => c.score === 5)).toBe(true);
  expect(b.cases.warned.length).toBeGreaterThan(0);
  expect(b.ranking._id).toBe('M202611');

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(join(filesDir, b.url.replace('/files/', ''))) as any);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['简报', '红黄榜', '综合排名', '分类统计', '典型案例']);
  const cover = wb.getWorksheet('简报')!;
  expect(cover.getCell('A1').value).toBe('营商环境“红黄榜”简报');
  const texts: string[] = [];
  cover.eachRow((r) => texts.push(String(r.getCell(1).value ?? '')));
  expect(texts).toContain(b.headline[0]);
  const values = new Map<string, unknown>();
  cover.eachRow((r) => { values.set(String(r.getCell(1).value), r.getCell(2).value); values.set(String(r.getCell(3).value), r.getCell(4).value); });
  expect(values.get('收集问题（项）')).toBe(e.collected);
  expect(values.get('办结（项）')).toBe(e.closed);
  const rank = wb.getWorksheet('综合排名')!;
  expect(rank.rowCount).toBe(1 + b.ranking.units.length);
  const cases = wb.getWorksheet('典型案例')!;
  expect(cases.rowCount).toBe(1 + b.cases.praised.length + b.cases.warned.length);

  // the same period keeps its issue number; the next period gets the next one
  expect((await as('u-sunli', { action: 'briefing.generate', period: 'month' })).issueLabel).toBe('2026年第1期');
  expect((await as('u-sunli', { action: 'briefing.generate', period: 'quarter' })).issueLabel).toBe('2026年第2期');
  const view = await as('u-majianguo', { action: 'briefing.view', period: 'month' });
  expect(view.issueLabel).toBe('2026年第1期');
  expect(view.url).toBeUndefined();
});

test('stats.verify for the admin', async () => {
  const v = await as('u-admin', { action: 'stats.verify' });
  expect(v).toMatchObject({ ok: true, mismatches: [] });
  expect(v.fields).toBeGreaterThan(100);
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const _typed: ServiceRequest | null = await h.store.collection<ServiceRequest>(C.requests).get('none');
});
