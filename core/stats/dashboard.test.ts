/**
 * The leaders' dashboard on the seeded demo district (the demo requests are made by the real
 * actions): its figures equal counts taken straight from the requests; periods agree; who may see
 * what; the counters follow new events at once. 红黄榜, 简报 and stats.verify have their tests
 * beside core/rankings, core/briefing and core/stats/verify.ts.
 */
import { C } from '../collections';
import { verifyCounters } from './recount';
import { percentText } from './figures';
import { submission } from '../../tests/support/harness';
import { seededDistrict } from '../../tests/support/seeded';

const w = seededDistrict();
const { as, refused } = w;

test('the leader dashboard equals counts taken from the requests', async () => {
  const d = await as('u-majianguo', { action: 'stats.dashboard', period: 'month' });
  const e = await w.monthCounted();
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
  expect((await verifyCounters(w.h.ports)).mismatches).toEqual([]);
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
  expect(own.figures.collected).toBe((await w.monthCounted({ deptIds: { $all: ['dep-zjj'] } })).collected);
  expect(own.byCategory).toBeNull();
  expect(own.byDepartment).toBeNull();
  expect(await refused('u-fengyu', { action: 'stats.dashboard', departmentId: 'dep-zrzy' })).toBe('FORBIDDEN');
  // the leader filters by tier or department
  const community = await as('u-majianguo', { action: 'stats.dashboard', tier: 'community' });
  expect(community.figures.collected).toBe((await w.monthCounted({ tier: 'community' })).collected);
  expect(community.byCenter.every((r: any) => r.extra === '社区')).toBe(true);
  const dept = await as('u-majianguo', { action: 'stats.dashboard', departmentId: 'dep-zrzy' });
  expect(dept.figures.collected).toBe(1);
  // a street's dispatcher: its center and the communities under it
  await w.h.store.collection(C.users).add({ _id: 'u-street', openid: 'dev-u-street', name: '周街', roles: ['dispatcher'], orgId: 's-dongcheng', active: true, createdAt: w.h.clock.now().toISOString() });
  const street = await as('u-street', { action: 'stats.dashboard' });
  const inStreet = (await w.monthCounted({ tierOrgId: { $in: ['s-dongcheng', 'c-dongcheng', 'c-chaoyang'] } })).collected;
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
  const { request } = await w.h.ok('u-linxiao', submission({ category: 'rongzi' }));
  await as(request.assigneeId, { action: 'request.accept', id: request._id });
  await as(request.assigneeId, { action: 'request.resolve', id: request._id, result: '已对接银行' });
  await as('u-linxiao', { action: 'request.confirm', id: request._id, score: 5 });
  const after = await as('u-majianguo', { action: 'stats.dashboard' });
  expect(after.figures.collected).toBe(before.figures.collected + 1);
  expect(after.figures.closed).toBe(before.figures.closed + 1);
  expect(after.figures.raw.sat).toBe(before.figures.raw.sat + 1);
  // 融资 is a 小类 of 财税金融与政策: both its row and its group's move
  const leaf = (d: any) => d.byCategory.find((r: any) => r.id === 'caijin').children.find((r: any) => r.id === 'rongzi').collected;
  expect(leaf(after)).toBe(leaf(before) + 1);
  expect(after.byCategory.find((r: any) => r.id === 'caijin').collected).toBe(before.byCategory.find((r: any) => r.id === 'caijin').collected + 1);
  expect((await verifyCounters(w.h.ports)).mismatches).toEqual([]);
});

