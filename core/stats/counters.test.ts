/**
 * applyToDoc, the exactly-once write of a counter document: an instance updates on the version it
 * wrote last without reading the document again; a copy gone stale (another instance wrote, or the
 * document was removed and made again) only costs the read it saved.
 */
import { ARRAY_FIELDS, C, INDEXES } from '../collections';
import { openSqliteStore } from '../../adapters/sqlite-store';
import type { Ports, Store } from '../ports';
import { applyToDoc, deltaOf, groupRaw, withoutRequests, type CounterDoc } from './counters';
import type { StatsKey } from './figures';

function counting(inner: Store) {
  const calls: string[] = [];
  const store = {
    collection: (name: string) => {
      const c = inner.collection(name) as unknown as Record<string, (...a: unknown[]) => unknown>;
      return new Proxy(c, { get: (t, k) => (typeof t[k as string] === 'function' ? (...a: unknown[]) => { calls.push(String(k)); return t[k as string](...a); } : t[k as string]) });
    },
  } as unknown as Store;
  return { ports: { store } as Ports, calls };
}

test('one update per op on a document this instance wrote last; stale copies read again, nothing counted twice', async () => {
  const raw = openSqliteStore({ file: ':memory:', indexes: INDEXES, arrays: ARRAY_FIELDS });
  const a = counting(raw);
  const b = counting(raw);
  const n = async () => groupRaw((await raw.collection<CounterDoc>(C.stats).get('D20261123'))!, 'all')?.n;

  expect(await applyToDoc(a.ports, 'D20261123', { 'g.all.n': 1 }, 'op1')).toBe(true);
  a.calls.length = 0;
  expect(await applyToDoc(a.ports, 'D20261123', { 'g.all.n': 1 }, 'op2')).toBe(true);
  expect(a.calls).toEqual(['update']);

  // another instance writes: a's copy is stale, its guard fails, it reads and applies once
  expect(await applyToDoc(b.ports, 'D20261123', { 'g.all.n': 1 }, 'op3')).toBe(true);
  a.calls.length = 0;
  expect(await applyToDoc(a.ports, 'D20261123', { 'g.all.n': 1 }, 'op4')).toBe(true);
  expect(a.calls).toEqual(['update', 'get', 'update']);
  // a retry of an op already applied, by either instance, changes nothing
  expect(await applyToDoc(a.ports, 'D20261123', { 'g.all.n': 1 }, 'op3')).toBe(false);
  expect(await applyToDoc(b.ports, 'D20261123', { 'g.all.n': 1 }, 'op4')).toBe(false);
  expect(await n()).toBe(4);

  // the document removed and made again by someone else, to the same version: a's copy does not match it
  await raw.collection(C.stats).remove('D20261123');
  for (const op of ['x1', 'x2', 'x3', 'x4']) await applyToDoc(b.ports, 'D20261123', { 'g.all.n': 1 }, op);
  expect(await applyToDoc(a.ports, 'D20261123', { 'g.all.n': 1 }, 'op5')).toBe(true);
  expect(await applyToDoc(a.ports, 'D20261123', { 'g.all.n': 1 }, 'x4')).toBe(false);
  const doc = (await raw.collection<CounterDoc>(C.stats).get('D20261123'))!;
  expect(doc.ops).toEqual(['x1', 'x2', 'x3', 'x4', 'op5']);
  expect(await n()).toBe(5);
  raw.close();
});

test('withoutRequests takes out what each document holds of a request: its key, or while an op is in flight, the op\'s side it reached', () => {
  const open: StatsKey = { d: '20261120', gs: ['all', 'dept:zrzy'], f: { n: 1, open: 1, cw: 1 } };
  const done: StatsKey = { d: '20261120', gs: ['all', 'dept:zrzy'], f: { n: 1, done: 1, cg: 1 } };
  // the day and month documents as counted with `open` and another request
  const docs = new Map<string, CounterDoc>();
  for (const [id] of deltaOf(null, open)) docs.set(id, { _id: id, kind: id[0] as 'D', g: { all: { n: 2, open: 2, cw: 2 }, dept: { 'zrzy': { n: 1, open: 1, cw: 1 } } }, ops: ['r1@1'], v: 1 });
  expect([...docs.keys()]).toEqual(['D20261120', 'M202611']);
  const settled = withoutRequests(docs, [{ _id: 'r1', stats: { seq: 1, key: open } }]);
  for (const id of docs.keys()) {
    expect(groupRaw(settled.get(id), 'all')).toEqual({ n: 1, open: 1, cw: 1 });
    expect(groupRaw(settled.get(id), 'dept:zrzy')).toEqual({ n: 0, open: 0, cw: 0 });
    expect(groupRaw(docs.get(id), 'all')).toEqual({ n: 2, open: 2, cw: 2 }); // the read documents are left alone
  }
  // open → done in flight: the day document has it (its ring lists the op), the month not yet
  const inFlight = new Map(docs);
  inFlight.set('D20261120', { ...docs.get('D20261120')!, g: { all: { n: 2, open: 1, cw: 1, done: 1, cg: 1 } }, ops: ['r1@1', 'r1@2'] });
  const out = withoutRequests(inFlight, [{ _id: 'r1', stats: { seq: 1, key: open }, statsOp: { id: 'r1@2', seq: 2, from: open, to: done } }]);
  expect(groupRaw(out.get('D20261120'), 'all')).toEqual({ n: 1, open: 1, cw: 1, done: 0, cg: 0 });
  expect(groupRaw(out.get('M202611'), 'all')).toEqual({ n: 1, open: 1, cw: 1 });
  // a request never counted, or counted in documents not read, changes nothing
  expect(withoutRequests(docs, [{ _id: 'r2' }, { _id: 'r3', stats: { seq: 1, key: { ...open, d: '20261002' } } }])).toEqual(docs);
});

test('concurrent ops of one instance on one document take turns: one update each, no guard failed, every op counted', async () => {
  const raw = openSqliteStore({ file: ':memory:', indexes: INDEXES, arrays: ARRAY_FIELDS });
  const a = counting(raw);
  expect(await applyToDoc(a.ports, 'M202611', { 'g.all.n': 1 }, 'first')).toBe(true);
  a.calls.length = 0;
  const ops = Array.from({ length: 30 }, (_, i) => `op${i}`);
  expect(await Promise.all(ops.map((op) => applyToDoc(a.ports, 'M202611', { 'g.all.n': 1 }, op)))).toEqual(ops.map(() => true));
  // each on the version the one before it wrote: no read, no retry
  expect(a.calls).toEqual(ops.map(() => 'update'));
  // the same ops again, concurrently: each already there
  expect(await Promise.all(ops.map((op) => applyToDoc(a.ports, 'M202611', { 'g.all.n': 1 }, op)))).toEqual(ops.map(() => false));
  const doc = (await raw.collection<CounterDoc>(C.stats).get('M202611'))!;
  expect(groupRaw(doc, 'all')?.n).toBe(31);
  expect(doc.v).toBe(31);
  raw.close();
});
