/**
 * Every query the core issues is served by a declared index (core/collections.ts), so the index
 * list cannot drift from the code: a new filter or sort without its index fails here, and
 * `npm run cloud:setup` (which creates exactly the declared indexes on CloudBase) stays complete.
 *
 * The queries are recorded, not guessed: a store wrapper notes every find and count while the real
 * actions run on the security tests' world (tests/security/world.ts): every action of the service
 * function with its sample input, with all its optional fields and with each one alone (the ledger,
 * visit, staff and dashboard filters), as every role; then random traffic through the whole request
 * loop with the timers (tests/support/random-events.ts); then the timers after days pass.
 *
 * A query shape is (collection, equality fields, range fields, sort). An index serves it when its
 * leading fields are equality fields of the query (any order), and the rest of what the query needs
 * comes next: the sort fields in order, or else a range field. A query by _id is served by the
 * primary key. A collection declared SCAN_OK (small by nature, with the reason) may be read without
 * an index; everything else must be served. See `served` below.
 */
import { writeFileSync } from 'node:fs';
import { C, INDEXES, SCAN_OK, UNIQUE_INDEXES } from '../../core/collections';
import { ACTIONS, functionOf } from '../../core/functions';
import type { Doc, Filter } from '../../core/ports';
import { getPath, normalizeFilter, type NormalFilter } from '../../adapters/filter-match';
import { runRandomEvents } from '../support/random-events';
import type { Harness } from '../support/harness';
import { recordingStore, type QueryRecord } from '../support/store-probes';
import { buildWorld, CALLERS, openCopy, openidOf, optionalFields, removeWorld, ROLES, samples, STREET_DISPATCHER, type Snapshot } from '../security/world';

jest.setTimeout(600_000);

export type Shape = {
  collection: string;
  op: 'find' | 'count';
  /** fields compared by equality, a list of values or "contains all": these pick index entries */
  eq: string[];
  /** fields compared by a range ($gt, $gte, $lt, $lte) */
  range: string[];
  /** fields with $ne, $nin or $exists: they select nothing by themselves, checked on what was found */
  other: string[];
  sort: string[];
};

/** the shapes of one recorded query: one per branch of an $or (each branch must be served) */
export function shapesOf(q: QueryRecord): Shape[] {
  const flatten = (f: NormalFilter, outer: NormalFilter['clauses']): Array<NormalFilter['clauses']> =>
    f.or ? f.or.flatMap((branch) => flatten(branch, [...outer, ...f.clauses])) : [[...outer, ...f.clauses]];
  return flatten(normalizeFilter(q.filter as Filter), []).map((clauses) => {
    const eq = new Set<string>();
    const range = new Set<string>();
    const other = new Set<string>();
    for (const c of clauses) {
      if (c.op === 'eq' || c.op === 'in' || c.op === 'all') eq.add(c.path);
      else if (c.op === 'gt' || c.op === 'gte' || c.op === 'lt' || c.op === 'lte') range.add(c.path);
      else other.add(c.path);
    }
    for (const f of eq) { range.delete(f); other.delete(f); }
    for (const f of range) other.delete(f);
    const sorted = (x: Set<string>) => [...x].sort();
    return { collection: q.collection, op: q.op, eq: sorted(eq), range: sorted(range), other: sorted(other), sort: q.orderBy.map(([f]) => f) };
  });
}

/**
 * Does this index serve the shape? Its leading fields must all be equality fields of the query (as
 * many as it has, in any order); then, if the query sorts (on fields it does not fix by equality),
 * the index must go on with exactly those sort fields; else, if nothing was matched by equality,
 * it must go on with a range field. Equality fields the index does not cover are checked on the
 * entries it found (a few per key, for a selective leading field), which is what an index is for.
 */
export function served(shape: Shape, index: string[]): boolean {
  const eq = new Set(shape.eq);
  let k = 0;
  while (k < index.length && eq.has(index[k])) k++;
  // a query that fixes fields must find its entries through one of them
  if (eq.size && k === 0) return false;
  const sort = shape.sort.filter((f) => !eq.has(f));
  if (sort.length) return sort.every((f, i) => index[k + i] === f);
  if (k > 0) return true;
  return index.length > 0 && shape.range.includes(index[0]);
}

/** queries read without an index on purpose, each with its reason */
const UNINDEXED_OK: Array<{ match: (s: Shape) => boolean; why: string }> = [
  {
    match: (s) => s.op === 'count' && !s.eq.length && !s.range.length && !s.other.length,
    why: 'a count of a whole collection (a list total without filters): answered from the _id index, no document is read',
  },
  {
    match: (s) => s.collection === C.requests && s.op === 'find' && !s.eq.length && !s.range.length && s.other.join() === 'stats',
    why: 'countPending counting requests that predate the dashboard counters: a one-time pass, never again once it has marked the counters migrated',
  },
];

export function coverage(shape: Shape): 'id' | 'index' | 'scan-ok' | 'unindexed-ok' | 'missing' {
  if (shape.eq.includes('_id')) return 'id';
  // paging through a whole collection by _id (recount, readAll without a filter)
  if (!shape.eq.length && shape.range.every((f) => f === '_id') && shape.sort.every((f) => f === '_id') && (shape.range.length || shape.sort.length)) return 'id';
  const indexes = (INDEXES[shape.collection] ?? []).map((e) => e.split(',').map((f) => f.trim()));
  if (indexes.some((ix) => served(shape, ix))) return 'index';
  if (SCAN_OK[shape.collection]) return 'scan-ok';
  if (UNINDEXED_OK.some((u) => u.match(shape))) return 'unindexed-ok';
  return 'missing';
}

const key = (s: Shape) => `${s.op} ${s.collection} eq[${s.eq.join(',')}] range[${s.range.join(',')}] other[${s.other.join(',')}] sort[${s.sort.join(',')}]`;

const inCloudbaseProject = process.env.HARNESS_STORE === 'cloudbase';
// the world is built on SQLite (it is copied by its bytes); the queries the core issues are the same on any store
const describeHere = inCloudbaseProject ? describe.skip : describe;

describeHere('query coverage (recorded on SQLite; the core issues the same queries on any store)', () => {
  let snap: Snapshot;
  const log: QueryRecord[] = [];
  const seen = new Map<string, Shape>();
  const docs = new Map<string, Doc[]>();

  beforeAll(async () => {
    snap = await buildWorld();
    /** a fresh copy of the world whose every find and count is noted (the functions read their ports live) */
    const recorded = () => {
      const copy = openCopy(snap);
      const raw = copy.ports.store;
      copy.ports.store = recordingStore(raw, log);
      return { copy, raw };
    };
    const callers = [...ROLES.map((r) => CALLERS[r]), STREET_DISPATCHER];
    const valid = samples(snap.ids);
    const optional = optionalFields(snap.ids);
    // every action, on its own copy (one action's changes, e.g. an unbinding, must not hide another's
    // queries), as every role, with its sample input, with all optional fields, with each alone, and
    // the same without the sample's fields (what is optional there, e.g. the ledger's colour)
    for (const action of ACTIONS) {
      const { copy } = recorded();
      const base = valid[action] ?? {};
      const extra = optional[action] ?? {};
      const alone = Object.entries(extra).map(([k, v]) => ({ [k]: v }));
      const inputs = [base, { ...base, ...extra }, ...alone.map((a) => ({ ...base, ...a })), {}, extra, ...alone];
      for (const input of inputs) for (const who of callers) await copy.fns[functionOf(action)]({ ...input, action }, { openid: openidOf(who) });
      copy.close();
    }
    const { copy, raw } = recorded();
    // the request loop with its timers, as random traffic
    const clock = copy.ports.clock as unknown as Harness['clock'];
    const h = {
      ports: copy.ports, store: raw, clock, fns: copy.fns, notifier: copy.notifier,
      call: (who: string, event: Record<string, unknown>) => copy.fns[functionOf(event.action)](event, { openid: openidOf(who) }),
      requests: () => raw.collection(C.requests),
    } as unknown as Harness;
    await runRandomEvents(h, 600, 7);
    // and the timers after days pass (colours, urges, stale visits, counting)
    for (let d = 0; d < 6; d++) {
      clock.advance(86400_000);
      for (const fn of ['sweep', 'assign', 'notify'] as const) await copy.fns[fn]({ Type: 'Timer' }, null);
    }
    // what the documents hold after all that: which indexed fields are arrays, which values repeat
    for (const name of Object.keys(INDEXES)) {
      for (let skip = 0; ; skip += 100) {
        const page = await raw.collection(name).find({}, { orderBy: [['_id', 'asc']], skip, limit: 100 });
        docs.set(name, [...(docs.get(name) ?? []), ...page]);
        if (page.length < 100) break;
      }
    }
    copy.close();
    for (const q of log) for (const s of shapesOf(q)) seen.set(key(s), s);
  });

  afterAll(() => snap && removeWorld(snap));

  test('the flows issued queries on every collection the core reads', () => {
    const collections = new Set([...seen.values()].map((s) => s.collection));
    for (const name of [C.requests, C.users, C.orgs, C.enterprises, C.outbox, C.messages, C.cards, C.visits, C.visitPlans, C.bindings, C.audit]) {
      expect(collections).toContain(name);
    }
    expect(seen.size).toBeGreaterThan(60);
  });

  test('every recorded query shape is served by a declared index, by _id, or reads a collection declared small', () => {
    const report = [...seen.values()].map((s) => `${coverage(s).padEnd(8)} ${key(s)}`).sort();
    if (process.env.QUERY_COVERAGE_REPORT) writeFileSync(process.env.QUERY_COVERAGE_REPORT, JSON.stringify([...seen.values()], null, 1));
    expect(report.filter((l) => l.startsWith('missing'))).toEqual([]);
  });

  test('no declared index holds two array fields (CloudBase, like MongoDB, cannot index parallel arrays)', () => {
    const bad: string[] = [];
    for (const [name, list] of Object.entries(INDEXES)) {
      for (const entry of list) {
        const fields = entry.split(',');
        for (const d of docs.get(name) ?? []) {
          if (fields.filter((f) => Array.isArray(getPath(d, f))).length > 1) bad.push(`${name} ${entry} (${d._id})`);
        }
      }
    }
    expect(bad).toEqual([]);
    // the world has documents in the collections with array-led indexes, so the check saw some
    expect(docs.get(C.visits)?.length).toBeGreaterThan(0);
    expect(docs.get(C.requests)?.length).toBeGreaterThan(0);
  });

  test('the values of every unique index are unique in the world, and every unique index is declared', () => {
    for (const [name, fields] of Object.entries(UNIQUE_INDEXES)) {
      for (const entry of fields) {
        expect(INDEXES[name]).toContain(entry);
        const values = (docs.get(name) ?? []).map((d) => JSON.stringify(entry.split(',').map((f) => getPath(d, f) ?? null)));
        expect(values.length).toBeGreaterThan(0);
        expect(new Set(values).size).toBe(values.length);
      }
    }
  });
});

test('the coverage rule', () => {
  const shape = (eq: string[], range: string[] = [], sort: string[] = []): Shape => ({ collection: 'x', op: 'find', eq, range, other: [], sort });
  // equality prefix, any order, then the sort
  expect(served(shape(['status', 'tierOrgId']), ['tierOrgId', 'status'])).toBe(true);
  expect(served(shape(['status'], [], ['createdAt']), ['status', 'createdAt'])).toBe(true);
  expect(served(shape(['status'], [], ['createdAt']), ['status'])).toBe(false);
  expect(served(shape(['status'], [], ['createdAt']), ['createdAt'])).toBe(false);
  // a sort on a field fixed by equality costs nothing
  expect(served(shape(['userId'], [], ['userId']), ['userId'])).toBe(true);
  // a range alone needs its field first; after an equality prefix it is checked on the entries found
  expect(served(shape([], ['nextCheckAt']), ['nextCheckAt'])).toBe(true);
  expect(served(shape([], ['nextCheckAt']), ['status', 'nextCheckAt'])).toBe(false);
  expect(served(shape(['status'], ['nextAttemptAt'], ['nextAttemptAt']), ['status', 'nextAttemptAt'])).toBe(true);
  // an index whose first field the query does not fix is of no use
  expect(served(shape(['enterpriseId']), ['gridId', 'enterpriseId'])).toBe(false);
  // $or: each branch is its own shape
  const branches = shapesOf({ collection: 'x', op: 'find', filter: { status: 'open', $or: [{ a: 1 }, { b: { $gte: 2 } }] }, orderBy: [] });
  expect(branches.map((b) => [b.eq, b.range])).toEqual([[['a', 'status'], []], [['status'], ['b']]]);
  // _id
  expect(coverage({ collection: 'requests', op: 'find', eq: ['_id'], range: [], other: [], sort: [] })).toBe('id');
});
