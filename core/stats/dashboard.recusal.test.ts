/**
 * The dashboard of an official who is the subject of a complaint (回避, core/recusal.ts): the
 * complaint is left out of their figures as it is left out of their ledger, so that each figure
 * and row drilled down to the ledger (drillFilters) lists as many requests as it counts, and
 * nothing in the figures tells of the complaint. On the seeded demo district (18 November
 * requests), with one visit complaint about 马建国 (the leader) and 钱军 (区自然资源局's handler),
 * sent by card to 区自然资源局; 孙丽 (the dispatcher) is not on the visit and sees it counted.
 */
import { createFunctions, functionOf, type Envelope } from '../functions';
import { devOpenid } from '../seed/demo-district';
import { seededDistrict } from '../../tests/support/seeded';
import { countingStore } from '../../tests/support/store-probes';
import { drillFilters, type DrillScope, type HeadFigure, type RowKind } from '../../src/subpkg-leader/dashboard/charts';

jest.setTimeout(120_000);

const w = seededDistrict();
const { as } = w;
let complaintId = '';

beforeAll(async () => {
  const { h } = w;
  const scene = (await h.ok('u-gaopeng', { action: 'visit.code' })).code.scene;
  const { visit } = await h.ok('u-zhouqiang', { action: 'visit.checkin', scene, purpose: 'help', note: '走访了解企业用工和培训需求' });
  for (const who of ['u-qianjun', 'u-majianguo']) await h.ok(who, { action: 'visit.join', scene });
  h.clock.advance(1800_000);
  complaintId = (await h.ok('u-gaopeng', { action: 'visit.complain', visitId: visit._id, text: '走访人员要求企业购买指定机构的培训课程' })).request._id;
  await h.ok('u-sunli', {
    action: 'card.issue', id: complaintId, leadDeptId: 'dep-zrzy', coDeptIds: [], deadline: '2026-12-04',
    instructions: '请局领导另行指定人员核实并答复', confirmRecusal: true,
  });
  const stored = (await h.requests().get(complaintId))!;
  expect(stored.recusal!.userIds).toEqual(expect.arrayContaining(['u-majianguo', 'u-qianjun']));
  expect(stored).toMatchObject({ channel: 'report', deptIds: ['dep-zrzy'], statsPending: false });
});

const total = async (who: string, filters: Record<string, unknown>) => (await as(who, { action: 'ledger.list', pageSize: 100, ...filters })).total as number;
const drilled = (who: string, d: any, scope: DrillScope, figure: HeadFigure, row?: { kind: RowKind; id: string }) => total(who, drillFilters(d.period, scope, figure, row));
const FIGURES: HeadFigure[] = ['collected', 'closed', 'inProgress', 'rejected', 'overdue'];

/** every headline figure and every row of every breakdown, next to the ledger's total where it leads */
async function figuresAndLedger(who: string, d: any, scope: DrillScope = {}) {
  const seen: Array<[string, number]> = [];
  const want: Array<[string, number]> = [];
  for (const f of FIGURES) {
    seen.push([f, d.figures[f]]);
    want.push([f, await drilled(who, d, scope, f)]);
  }
  const kinds: Array<[RowKind, any[] | null]> = [['category', d.byCategory], ['channel', d.byChannel], ['tier', d.byTier], ['department', d.byDepartment], ['center', d.byCenter]];
  for (const [kind, rows] of kinds) {
    for (const r of rows ?? []) {
      for (const f of ['collected', 'overdue'] as const) {
        seen.push([`${kind} ${r.name} ${f}`, r[f]]);
        want.push([`${kind} ${r.name} ${f}`, await drilled(who, d, scope, f, { kind, id: r.id })]);
      }
    }
  }
  return { seen, want };
}

test('the leader the complaint is about: every figure and row equals its ledger, which leaves the complaint out', async () => {
  const d = await as('u-majianguo', { action: 'stats.dashboard', period: 'month' });
  expect(d.figures.collected).toBe(18); // the demo's, without the complaint
  const { seen, want } = await figuresAndLedger('u-majianguo', d);
  expect(seen).toEqual(want);
  // the trend's days too
  const days = d.trend.filter((p: any) => p.collected);
  for (const p of days) expect([p.key, await total('u-majianguo', drillFilters({ from: p.key, to: p.key }, {}, 'collected'))]).toEqual([p.key, p.collected]);
  // the leader's home reads the same figures
  const home = await as('u-majianguo', { action: 'home.todo' });
  expect(home.month.collected).toBe(d.figures.collected);
});

test('the department handler it is about, on the department it was sent to: figures equal the ledger', async () => {
  const d = await as('u-qianjun', { action: 'stats.dashboard', period: 'month' });
  expect(d.scope.departmentId).toBe('dep-zrzy');
  const { seen, want } = await figuresAndLedger('u-qianjun', d);
  expect(seen).toEqual(want);
});

test('the complaint does not leak into the figures of those it is about, and is counted for everyone else', async () => {
  const leader = await as('u-majianguo', { action: 'stats.dashboard', period: 'month' });
  const desk = await as('u-sunli', { action: 'stats.dashboard', period: 'month' });
  // the dispatcher (not on the visit) counts it: one more collected, in progress, and a 举报 row
  expect(desk.figures.collected).toBe(leader.figures.collected + 1);
  expect(desk.figures.inProgress).toBe(leader.figures.inProgress + 1);
  expect(desk.byChannel.find((r: any) => r.id === 'report')?.collected).toBe((leader.byChannel.find((r: any) => r.id === 'report')?.collected ?? 0) + 1);
  // the leader's figures are those of every request but the complaint, field by field
  const others = await w.monthCounted({ _id: { $ne: complaintId } });
  expect(leader.figures).toMatchObject({ collected: others.collected, closed: others.closed, inProgress: others.inProgress, rejected: others.rejected, overdue: others.overdue, urges: others.urges });
  expect(leader.figures.colours.white + leader.figures.colours.green + leader.figures.colours.yellow + leader.figures.colours.red).toBe(others.collected - others.rejected);
  // no row or day carries it: each equals the dispatcher's less the complaint's one
  const sum = (rows: any[] | null) => (rows ?? []).reduce((n, r) => n + r.collected, 0);
  for (const k of ['byCategory', 'byChannel', 'byTier', 'byCenter', 'trend'] as const) expect([k, sum(leader[k])]).toEqual([k, sum(desk[k]) - 1]);
  const zrzy = (d: any) => d.byDepartment.find((r: any) => r.id === 'dep-zrzy');
  expect(zrzy(leader).collected).toBe(zrzy(desk).collected - 1);

  // the department: its handler does not count the card's complaint; the dispatcher's view of it does
  const own = await as('u-qianjun', { action: 'stats.dashboard', period: 'month' });
  const deskOfDept = await as('u-sunli', { action: 'stats.dashboard', period: 'month', departmentId: 'dep-zrzy' });
  expect(own.figures.collected).toBe(deskOfDept.figures.collected - 1);
  expect(own.figures.collected).toBe(zrzy(leader).collected);
  // and the answer names nothing of it
  for (const d of [leader, own]) expect(JSON.stringify(d)).not.toMatch(new RegExp(`${complaintId}|培训课程|回避`));
});

test('store calls: the dashboard reads the complaints about the caller with one find beside its counter documents', async () => {
  let on = false;
  const store = countingStore(w.h.store, () => on);
  const fns = createFunctions({ ...w.h.ports, store });
  const call = async (who: string) => {
    const event = { action: 'stats.dashboard', period: 'month' };
    // a warm instance: the caller's lookup, the rules and the org cache are read once before
    await fns[functionOf('stats.dashboard')](event, { openid: devOpenid(who) });
    const start = store.log().length;
    on = true;
    const res: Envelope<any> = await fns[functionOf('stats.dashboard')](event, { openid: devOpenid(who) });
    on = false;
    if (!res.ok) throw new Error(`${res.code} ${res.message}`);
    const log = store.log().slice(start);
    return { calls: log.length, log };
  };
  const leader = await call('u-majianguo');
  const desk = await call('u-sunli');
  // measured: 7 each (the caller, the complaints about them, the counter documents, the orgs three
  // times, the instant answers' count); 6 before: the one added call is that find, whether it finds
  // any or not, made beside the counter documents' read
  expect(leader.log.filter((x) => x === 'requests.find')).toHaveLength(1);
  expect(desk.log.filter((x) => x === 'requests.find')).toHaveLength(1);
  expect(leader.log.filter((x) => x.startsWith('requests.'))).toHaveLength(1);
  expect(leader.calls).toBe(desk.calls);
  expect(leader.calls).toBeLessThanOrEqual(7);
});
