/**
 * Drill-down from the leaders' dashboard to the ledger (issue 14): on the seeded demo district,
 * every headline figure and every breakdown row, opened as the ledger filter the dashboard page
 * links to (drillFilters in src/subpkg-leader/dashboard/charts.ts), lists exactly as many requests as the
 * figure counts, for the same period and scope.
 */
import { requestRepo, type LedgerCursor, type LedgerQuery } from '../repos/requests';
import { C } from '../collections';
import { seededDistrict } from '../../tests/support/seeded';
import { drillFilters, pointDates, type DrillScope, type HeadFigure, type RowKind } from '../../src/subpkg-leader/dashboard/charts';

const w = seededDistrict();
const { as } = w;

/** the ledger's total under these filters, as this user */
const total = async (who: string, filters: Record<string, unknown>) => (await as(who, { action: 'ledger.list', pageSize: 100, ...filters })).total as number;
/** the ledger's total where the dashboard page leads for this figure (of this row) */
const drilled = (who: string, d: any, scope: DrillScope, figure: HeadFigure, row?: { kind: RowKind; id: string }) => total(who, drillFilters(d.period, scope, figure, row));

test('each headline figure opens a ledger whose total is the figure', async () => {
  const d = await as('u-majianguo', { action: 'stats.dashboard', period: 'month' });
  const period = { from: d.period.from, to: d.period.to };
  expect(period).toEqual({ from: '2026-11-01', to: '2026-11-30' });
  const f = d.figures;
  // the demo has something in each, or the comparison would prove little
  expect(f.collected).toBe(18);
  expect(f.closed).toBeGreaterThan(0);
  expect(f.inProgress).toBeGreaterThan(0);
  expect(f.overdue).toBeGreaterThan(0);

  expect(await drilled('u-majianguo', d, {}, 'collected')).toBe(f.collected);
  expect(await drilled('u-majianguo', d, {}, 'closed')).toBe(f.closed);
  expect(await drilled('u-majianguo', d, {}, 'inProgress')).toBe(f.inProgress);
  expect(await drilled('u-majianguo', d, {}, 'rejected')).toBe(f.rejected);
  expect(await drilled('u-majianguo', d, {}, 'overdue')).toBe(f.overdue);
  expect(drillFilters(d.period, {}, 'overdue')).toEqual({ from: '2026-11-01', to: '2026-11-30', figure: 'overdue' });
  // row by row: the ledger's 超期 are the requests whose counted contribution (stats.key, what each
  // request added to the counters) is 在办超期 or 超期办结, and its 办结 / 在办 likewise
  const counted = (await w.h.requests().find({}, { limit: 100 })) as Array<{ _id: string; stats?: { key: { f: Record<string, number> } } }>;
  const ids = async (filters: Record<string, unknown>) => ((await as('u-majianguo', { action: 'ledger.list', pageSize: 100, ...period, ...filters })).items as Array<{ _id: string }>).map((r) => r._id).sort();
  const having = (...fields: string[]) => counted.filter((r) => fields.some((k) => r.stats?.key.f[k])).map((r) => r._id).sort();
  expect(await ids({ figure: 'overdue' })).toEqual(having('odOpen', 'late'));
  expect(await ids({ figure: 'done' })).toEqual(having('done'));
  expect(await ids({ figure: 'open' })).toEqual(having('open'));
  expect(f.raw.late).toBeGreaterThan(0); // one answered late, and three open past their deadline

  // the figure's filter narrows a status picked too, and a status outside it leaves nothing
  expect(await total('u-majianguo', { ...period, figure: 'done', status: 'closed' })).toBe(await total('u-majianguo', { ...period, status: 'closed' }));
  expect(await total('u-majianguo', { ...period, figure: 'done', status: 'queued' })).toBe(0);
  // a month with nothing in it
  expect(await total('u-majianguo', { from: '2026-10-01', to: '2026-10-31', figure: 'overdue' })).toBe(0);
});

test('each breakdown row opens a ledger whose total is the row, and its 超期 the row\'s 超期', async () => {
  const d = await as('u-majianguo', { action: 'stats.dashboard', period: 'month' });
  const check = async (rows: any[], kind: RowKind) => {
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      const row = { kind, id: r.id };
      expect([r.name, await drilled('u-majianguo', d, {}, 'collected', row)]).toEqual([r.name, r.collected]);
      expect([r.name, await drilled('u-majianguo', d, {}, 'overdue', row)]).toEqual([r.name, r.overdue]);
      expect([r.name, await drilled('u-majianguo', d, {}, 'closed', row)]).toEqual([r.name, r.closed]);
      expect([r.name, await drilled('u-majianguo', d, {}, 'inProgress', row)]).toEqual([r.name, r.inProgress]);
    }
  };
  await check(d.byCategory, 'category');
  await check(d.byChannel, 'channel');
  await check(d.byTier, 'tier');
  await check(d.byDepartment, 'department');
  await check(d.byCenter, 'center');
});

test('each trend bar opens its day\'s requests of its kind', async () => {
  const d = await as('u-majianguo', { action: 'stats.dashboard', period: 'month' });
  for (const p of d.trend.filter((x: any) => x.collected)) {
    const dates = pointDates(p.key, d.period);
    expect(dates).toEqual({ from: p.key, to: p.key });
    expect(await total('u-majianguo', drillFilters(dates, {}, 'closed'))).toBe(p.closed);
    expect(await total('u-majianguo', drillFilters(dates, {}, 'inProgress'))).toBe(p.inProgress);
  }
  // a year's months, within a custom range
  expect(pointDates('2026-02', { from: '2026-01-15', to: '2026-12-31' })).toEqual({ from: '2026-02-01', to: '2026-02-28' });
  expect(pointDates('2026-01', { from: '2026-01-15', to: '2026-12-31' })).toEqual({ from: '2026-01-15', to: '2026-01-31' });
});

test('a scoped dashboard (a tier, a department, a street dispatcher) drills into the same scope', async () => {
  for (const scope of [{ tier: 'community' }, { departmentId: 'dep-zjj' }]) {
    const d = await as('u-majianguo', { action: 'stats.dashboard', period: 'month', ...scope });
    expect(d.figures.collected).toBeGreaterThan(0);
    for (const figure of ['collected', 'closed', 'inProgress', 'overdue'] as const) {
      const expected = { collected: d.figures.collected, closed: d.figures.closed, inProgress: d.figures.inProgress, overdue: d.figures.overdue }[figure];
      expect([scope, figure, await drilled('u-majianguo', d, scope, figure)]).toEqual([scope, figure, expected]);
    }
    // the tier's centers
    for (const r of d.byCenter ?? []) expect(await drilled('u-majianguo', d, scope, 'collected', { kind: 'center', id: r.id })).toBe(r.collected);
  }
  // a department handler: its own department, whatever the page sends
  const own = await as('u-fengyu', { action: 'stats.dashboard', period: 'month' });
  expect(await drilled('u-fengyu', own, {}, 'collected')).toBe(own.figures.collected);
  // a street's dispatcher: its centers only; a center outside its charge lists nothing
  await w.h.store.collection(C.users).add({ _id: 'u-street2', openid: 'dev-u-street2', name: '周街', roles: ['dispatcher'], orgId: 's-dongcheng', active: true, createdAt: w.h.clock.now().toISOString() });
  const street = await as('u-street2', { action: 'stats.dashboard', period: 'month' });
  const period = { from: street.period.from, to: street.period.to };
  expect(await drilled('u-street2', street, {}, 'collected')).toBe(street.figures.collected);
  expect(await drilled('u-street2', street, {}, 'overdue')).toBe(street.figures.overdue);
  for (const r of street.byCenter) expect(await drilled('u-street2', street, {}, 'collected', { kind: 'center', id: r.id })).toBe(r.collected);
  const outside = (await as('u-majianguo', { action: 'stats.dashboard', period: 'month' })).byCenter.find((r: any) => !street.byCenter.some((s: any) => s.id === r.id));
  expect(outside.collected).toBeGreaterThan(0);
  expect(await total('u-street2', { ...period, centerId: outside.id })).toBe(0);
});

test('超期 pages through the ledger and its export the same way', async () => {
  const d = await as('u-majianguo', { action: 'stats.dashboard', period: 'month' });
  const q: LedgerQuery = { overdue: true, status: ['queued', 'dispatch', 'assigned', 'accepted', 'paused', 'supervised', 'resolved', 'closed'] };
  const repo = requestRepo(w.h.store);
  // two at a time: the cursor's $or and the figure's nest
  const seen: string[] = [];
  let cursor: LedgerCursor | null = null;
  for (;;) {
    const page = await repo.ledgerAfter(q, cursor, 2);
    seen.push(...page.map((r) => r._id));
    if (page.length < 2) break;
    cursor = { createdAt: page[page.length - 1].createdAt, id: page[page.length - 1]._id };
  }
  expect(new Set(seen).size).toBe(seen.length);
  expect(seen.length).toBe(d.figures.overdue); // every demo request is of November
  const firstPage = await repo.ledgerPage(q, 1, 100);
  expect(firstPage.map((r) => r._id)).toEqual(seen);
  const exported = await as('u-majianguo', { action: 'ledger.export', from: d.period.from, to: d.period.to, figure: 'overdue' });
  expect(exported).toMatchObject({ finished: true, rows: d.figures.overdue });
});
