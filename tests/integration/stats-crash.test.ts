/**
 * Crash safety of the counters: the store fails at random points of the counting protocol, either
 * before a write lands or after it landed with the acknowledgement lost (a cloud function killed
 * mid-way). The notify timer then finishes the interrupted countings, and the counters equal a
 * full recount: nothing lost, nothing counted twice. Also concurrent counting of one request, and
 * visits (counted once, distinct enterprises once per period).
 */
import { C } from '../../core/collections';
import { createFunctions, functionOf } from '../../core/functions';
import type { Collection, Doc, Ports, Store, Update } from '../../core/ports';
import { StoreError } from '../../core/ports';
import { countPending, countRequest, countVisit, readCounterDocs, groupRaw } from '../../core/stats/counters';
import { verifyCounters } from '../../core/stats/recount';
import { makeHarness, submission, type Harness } from '../support/harness';
import { prng, runRandomEvents } from '../support/random-events';

jest.setTimeout(300_000);

/** a store whose counting writes fail now and then: before the write, or after it (ack lost) */
function faulty(store: Store, rnd: ReturnType<typeof prng>, rate: { on: boolean; p: number }) {
  const counting = (name: string, u?: Update) =>
    name === C.stats || name === C.statsMarks || (name === C.requests && !!u?.$set && ('statsOp' in u.$set || 'stats' in u.$set));
  let faults = 0;
  const wrap = <T extends Doc>(name: string, c: Collection<T>): Collection<T> => ({
    ...c,
    get: c.get.bind(c), find: c.find.bind(c), count: c.count.bind(c), increment: c.increment.bind(c), remove: c.remove.bind(c),
    add: async (doc) => {
      if (rate.on && counting(name) && rnd.next() < rate.p) {
        faults++;
        if (rnd.next() < 0.5) throw new StoreError('STORE_FAILED', 'crash before add');
        await c.add(doc);
        throw new StoreError('STORE_FAILED', 'crash after add');
      }
      return c.add(doc);
    },
    update: async (id, u, where) => {
      if (rate.on && counting(name, u) && rnd.next() < rate.p) {
        faults++;
        if (rnd.next() < 0.5) throw new StoreError('STORE_FAILED', 'crash before update');
        await c.update(id, u, where);
        throw new StoreError('STORE_FAILED', 'crash after update');
      }
      return c.update(id, u, where);
    },
  });
  return { store: { collection: <T extends Doc>(name: string) => wrap<T>(name, store.collection<T>(name)) } as Store, faults: () => faults };
}

let h: Harness;
beforeEach(async () => {
  h = await makeHarness('2026-03-02T01:30:00Z');
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => {
  h?.cleanup();
  jest.restoreAllMocks();
});

test('counting interrupted at random points is finished by the timer, exactly once', async () => {
  const rnd = prng(7);
  const rate = { on: true, p: 0.08 };
  const f = faulty(h.store, rnd, rate);
  const ports: Ports = { ...h.ports, store: f.store };
  const fns = createFunctions(ports);
  const call = (who: string, event: Record<string, unknown>) => fns[functionOf(event.action)](event, { openid: `dev-${who}` });
  const faultyHarness = { ...h, ports, fns, call } as Harness;

  await runRandomEvents(faultyHarness, 1000, 99);
  expect(f.faults()).toBeGreaterThan(50);
  // interrupted countings are visible as pending requests (or operations in flight)
  expect(await h.requests().count({ statsPending: true })).toBeGreaterThan(0);

  rate.on = false;
  await fns.notify({ Type: 'Timer' }, null);
  expect(await h.requests().count({ statsPending: true })).toBe(0);
  expect(await h.requests().count({ statsOp: { $ne: null } })).toBe(0);
  const v = await verifyCounters(h.ports);
  expect(v.mismatches).toEqual([]);
});

test('two counters racing on one request count it once', async () => {
  const { request } = await h.ok('u-linxiao', submission());
  const id = request._id;
  await h.ok(request.assigneeId, { action: 'request.accept', id });
  // make the request pending again without counting, then let three counters race
  await h.requests().update(id, { $set: { status: 'resolved', closedOnTime: true, resolvedAt: h.clock.now().toISOString(), statsPending: true }, $inc: { seq: 1 } });
  await Promise.all([countRequest(h.ports, id), countRequest(h.ports, id), countRequest(h.ports, id)]);
  expect((await verifyCounters(h.ports)).mismatches).toEqual([]);
  const doc = (await h.requests().get(id))!;
  expect(doc.statsPending).toBe(false);
  expect(doc.stats!.key.f).toMatchObject({ n: 1, done: 1, onTime: 1, timed: 1 });
});

test('data that predates the counters is counted once by the timer', async () => {
  for (let i = 0; i < 5; i++) await h.ok('u-gaopeng', submission());
  // as if the counters were deployed onto existing data: no counters, no stats on the requests
  for (const r of await h.requests().find({})) await h.requests().update(r._id, { $unset: ['stats', 'statsPending', 'statsOp'] });
  for (const d of await h.store.collection(C.stats).find({})) await h.store.collection(C.stats).remove(d._id);
  const first = await countPending(h.ports);
  expect(first).toEqual({ counted: 5, migrated: true });
  expect((await verifyCounters(h.ports)).mismatches).toEqual([]);
  expect(await countPending(h.ports)).toEqual({ counted: 0, migrated: true });
  expect((await verifyCounters(h.ports)).mismatches).toEqual([]);
});

test('visits: each counted once, each enterprise once per period and bucket, retries harmless', async () => {
  const at = (d: string) => new Date(`${d}T10:00:00+08:00`).toISOString();
  const visits = [
    { _id: 'v1', enterpriseId: 'e-001', departmentId: 'dep-zjj', at: at('2026-03-02') },
    { _id: 'v2', enterpriseId: 'e-001', departmentIds: ['dep-zrzy'], orgId: 'c-dongcheng', at: at('2026-03-02') },
    { _id: 'v3', enterpriseId: 'e-002', departmentId: 'dep-zjj', at: at('2026-03-03') },
    { _id: 'v4', enterpriseId: 'e-001', departmentId: 'dep-zjj', at: at('2026-04-01') },
  ];
  for (const v of visits) await countVisit(h.ports, v);
  await countVisit(h.ports, visits[0]); // a retry
  const docs = await readCounterDocs(h.ports, ['D20260302', 'M202603', 'M202604', 'Q20261', 'Q20262', 'Y2026']);
  const all = (id: string) => groupRaw(docs.get(id), 'all');
  expect(all('D20260302')).toMatchObject({ visits: 2, vents: 1 });
  expect(all('M202603')).toMatchObject({ visits: 3, vents: 2 });
  expect(all('Q20261')).toMatchObject({ visits: 3, vents: 2 });
  expect(all('Q20262')).toMatchObject({ visits: 1, vents: 1 });
  expect(all('Y2026')).toMatchObject({ visits: 4, vents: 2 });
  expect(groupRaw(docs.get('M202603'), 'dept:dep-zjj')).toMatchObject({ visits: 2, vents: 2 });
  expect(groupRaw(docs.get('M202603'), 'dept:dep-zrzy')).toMatchObject({ visits: 1, vents: 1 });
  expect(groupRaw(docs.get('M202603'), 'org:c-dongcheng')).toMatchObject({ visits: 1, vents: 1 });
  // a joint inspection counts once for each department
  await countVisit(h.ports, { _id: 'v5', enterpriseId: 'e-003', departmentIds: ['dep-zjj', 'dep-zrzy'], at: at('2026-03-04') });
  const after = await readCounterDocs(h.ports, ['M202603']);
  expect(groupRaw(after.get('M202603'), 'all')).toMatchObject({ visits: 4, vents: 3 });
  expect(groupRaw(after.get('M202603'), 'dept:dep-zjj')).toMatchObject({ visits: 3, vents: 3 });
  expect(groupRaw(after.get('M202603'), 'dept:dep-zrzy')).toMatchObject({ visits: 2, vents: 2 });

  // the dashboard shows them
  const d = await h.ok('u-majianguo', { action: 'stats.dashboard', period: 'quarter', key: '2026-Q1' });
  expect(d.figures).toMatchObject({ visits: 4, enterprisesVisited: 3 });
  const y = await h.ok('u-majianguo', { action: 'stats.dashboard', period: 'year', key: '2026' });
  expect(y.figures).toMatchObject({ visits: 5, enterprisesVisited: 3 });
});
