/**
 * applyToDoc, the exactly-once write of a counter document: an instance updates on the version it
 * wrote last without reading the document again; a copy gone stale (another instance wrote, or the
 * document was removed and made again) only costs the read it saved.
 */
import { ARRAY_FIELDS, C, INDEXES } from '../collections';
import { openSqliteStore } from '../../adapters/sqlite-store';
import type { Ports, Store } from '../ports';
import { applyToDoc, groupRaw, type CounterDoc } from './counters';

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
