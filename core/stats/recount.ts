/**
 * The full recount: the same counter documents computed from scratch by reading every request
 * (paged by _id), with the same `contribution` as the incremental counters. Used to check the
 * counters (tests; the admin's `stats.verify`) — never by a dashboard view.
 * Visit figures are not recounted here (visits live in core/visits); `compareCounters` ignores them.
 */
import { C } from '../collections';
import type { Ports } from '../ports';
import { loadSla } from '../sla/policy';
import { contribution } from './figures';
import { deltaOf, type CounterDoc } from './counters';
import { requestRepo } from '../repos/requests';

/** docId → dotted field path → value, for every non-zero request figure */
export type FlatCounters = Map<string, Map<string, number>>;

export async function recount(ports: Ports): Promise<FlatCounters> {
  const { calendar } = await loadSla(ports);
  const requests = requestRepo(ports.store);
  const out: FlatCounters = new Map();
  let after = '';
  for (;;) {
    const page = await requests.pageById(after, 100);
    if (!page.length) break;
    for (const r of page) {
      for (const [doc, incs] of deltaOf(null, contribution(r, calendar))) {
        const m = out.get(doc) ?? new Map<string, number>();
        for (const [p, v] of Object.entries(incs)) m.set(p, (m.get(p) ?? 0) + v);
        out.set(doc, m);
      }
    }
    after = page[page.length - 1]._id;
  }
  return out;
}

const VISIT_FIELDS = new Set(['visits', 'vents']);

function flatten(prefix: string, o: unknown, into: Map<string, number>) {
  if (typeof o === 'number') {
    if (o !== 0) into.set(prefix, o);
    return;
  }
  if (!o || typeof o !== 'object') return;
  for (const [k, v] of Object.entries(o)) flatten(prefix ? `${prefix}.${k}` : k, v, into);
}

/** the request figures the counters hold now, in the recount's shape (day and month documents) */
export async function storedCounters(ports: Ports): Promise<FlatCounters> {
  const stats = ports.store.collection<CounterDoc>(C.stats);
  const out: FlatCounters = new Map();
  let after = '';
  for (;;) {
    const page = await stats.find(after ? { _id: { $gt: after } } : {}, { orderBy: [['_id', 'asc']], limit: 100 });
    if (!page.length) break;
    for (const doc of page) {
      if (doc.kind !== 'D' && doc.kind !== 'M') continue;
      const m = new Map<string, number>();
      flatten('g', doc.g, m);
      for (const k of [...m.keys()]) if (VISIT_FIELDS.has(k.slice(k.lastIndexOf('.') + 1))) m.delete(k);
      if (m.size) out.set(doc._id, m);
    }
    after = page[page.length - 1]._id;
  }
  return out;
}

export type Mismatch = { doc: string; field: string; counted: number; recounted: number };

export function compareCounters(counted: FlatCounters, recounted: FlatCounters): Mismatch[] {
  const out: Mismatch[] = [];
  const docs = new Set([...counted.keys(), ...recounted.keys()]);
  for (const doc of [...docs].sort()) {
    const a = counted.get(doc) ?? new Map<string, number>();
    const b = recounted.get(doc) ?? new Map<string, number>();
    for (const field of new Set([...a.keys(), ...b.keys()])) {
      const x = a.get(field) ?? 0;
      const y = b.get(field) ?? 0;
      if (x !== y) out.push({ doc, field, counted: x, recounted: y });
    }
  }
  return out;
}

/** counters vs. a full recount: the mismatches (none when the counters are right) */
export async function verifyCounters(ports: Ports): Promise<{ documents: number; fields: number; mismatches: Mismatch[] }> {
  const [counted, recounted] = await Promise.all([storedCounters(ports), recount(ports)]);
  let fields = 0;
  for (const m of recounted.values()) fields += m.size;
  return { documents: recounted.size, fields, mismatches: compareCounters(counted, recounted) };
}
