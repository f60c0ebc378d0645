/**
 * Incremental counters behind the dashboards: kept current with each change of a request, so a
 * view reads a handful of counter documents instead of every request.
 *
 * Counter documents (collection `stats`), one per Beijing day / month (and quarter / year for
 * visits): { _id: 'D20261123' | 'M202611' | 'Q20264' | 'Y2026', g: { all: Raw, tier: { community: Raw },
 * org: { <center>: Raw }, dept: {...}, cat: {...}, ch: {...} }, ops: [recent op ids], v }.
 * Raw fields are defined in figures.ts.
 *
 * CloudBase has single-document atomic updates and no multi-document transactions, so counting
 * one change of a request is a small protocol that survives a crash at any point and concurrent
 * counters of the same request:
 *  1. every change of a request sets `statsPending: true` in the same atomic update as the change
 *     (request-record.ts tryTransition; submit sets it on insert);
 *  2. claim: the counter computes the request's new contribution (figures.ts `contribution`) and
 *     records the operation { id: `${requestId}@${seq}`, from: old contribution, to: new } on the
 *     request, conditioned on the version read (seq), on no other operation in flight and on the
 *     last counted version — so one operation per change, and only one counter applies it;
 *  3. apply: the delta (to − from) goes to each affected counter document with one conditional
 *     update (versioned read-modify-write) that also remembers the op id in the document's ring of
 *     recent ops: re-applying the same op to a document is a no-op, so a retry after a crash never
 *     counts twice;
 *  4. finish: the request records what it now contributes (`stats`), clears the operation, and
 *     clears `statsPending` only if it did not change meanwhile (else the loop counts again).
 * A crash leaves `statsPending` (and maybe the operation) on the request; the notify timer
 * (`countPending`) finishes it within a minute. The ring keeps the last RING op ids per document:
 * a retry must come before RING further ops reach the same document (the timer runs every minute).
 */
import { C } from '../collections';
import { AppError } from '../errors';
import type { ServiceRequest } from '../model';
import { StoreError, type Ports } from '../ports';
import { loadSla } from '../sla/policy';
import { contribution, sameKey, type Group, type Raw, type RawField, type StatsKey, type Dimension } from './figures';
import type { StatsOp } from './keys';

export type { StatsOp };
import { docIdsForDate } from './period';
import { beijingDateKey } from '../time';
import { requestRepo } from '../repos/requests';

export type CounterGroups = { all?: Raw } & Partial<Record<Dimension, Record<string, Raw>>>;
/** `gen`: drawn when the document is made, so a copy of a removed and remade document never matches it */
export type CounterDoc = { _id: string; kind: 'D' | 'M' | 'Q' | 'Y'; g: CounterGroups; ops: string[]; v: number; gen?: string; updatedAt?: string };

/** what a request carries for the counters */
export type RequestStats = { stats?: { seq: number; key: StatsKey } | null; statsPending?: boolean; statsOp?: StatsOp | null };

export const RING = 200;
const META_ID = 'meta';

// ---------- field paths ----------

const PLAIN = /^[A-Za-z][A-Za-z0-9]*$/;
/** a bucket value as a field name: kept when plain, else "k_" + escaped (store paths allow [A-Za-z0-9_] only) */
export function encodeKey(value: string): string {
  if (PLAIN.test(value)) return value;
  return 'k_' + [...value].map((ch) => (/[A-Za-z0-9]/.test(ch) ? ch : `_${ch.codePointAt(0)!.toString(16).padStart(6, '0')}`)).join('');
}
export function decodeKey(key: string): string {
  if (!key.startsWith('k_')) return key;
  return key.slice(2).replace(/_([0-9a-f]{6})/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)));
}

export function groupPath(g: Group): string {
  if (g === 'all') return 'g.all';
  const i = g.indexOf(':');
  return `g.${g.slice(0, i)}.${encodeKey(g.slice(i + 1))}`;
}

/** the raw figures of one group in a counter document */
export function groupRaw(doc: CounterDoc | null | undefined, g: Group): Raw | undefined {
  if (!doc) return undefined;
  if (g === 'all') return doc.g?.all;
  const i = g.indexOf(':');
  return doc.g?.[g.slice(0, i) as Dimension]?.[encodeKey(g.slice(i + 1))];
}

/** every value of one dimension in a counter document, decoded */
export function dimensionValues(doc: CounterDoc | null | undefined, dim: Dimension): Array<[string, Raw]> {
  const m = doc?.g?.[dim];
  return m ? Object.entries(m).map(([k, raw]) => [decodeKey(k), raw]) : [];
}

// ---------- deltas ----------

type Incs = Map<string, Record<string, number>>;

function addKey(out: Incs, key: StatsKey, sign: 1 | -1, periods: Array<'day' | 'month' | 'quarter' | 'year'>) {
  const ids = docIdsForDate(key.d);
  for (const p of periods) {
    const doc = ids[p];
    const incs = out.get(doc) ?? {};
    for (const g of key.gs) {
      const base = groupPath(g);
      for (const [field, v] of Object.entries(key.f)) {
        if (!v) continue;
        const path = `${base}.${field}`;
        incs[path] = (incs[path] ?? 0) + sign * v;
      }
    }
    out.set(doc, incs);
  }
}

/** what applying `to` in place of `from` adds to each counter document (zeros dropped) */
export function deltaOf(from: StatsKey | null, to: StatsKey | null, periods: Array<'day' | 'month' | 'quarter' | 'year'> = ['day', 'month']): Incs {
  const out: Incs = new Map();
  if (from) addKey(out, from, -1, periods);
  if (to) addKey(out, to, 1, periods);
  for (const [doc, incs] of out) {
    for (const [p, v] of Object.entries(incs)) if (!v) delete incs[p];
    if (!Object.keys(incs).length) out.delete(doc);
  }
  return out;
}

function nest(incs: Record<string, number>): CounterGroups {
  const root: Record<string, unknown> = {};
  for (const [path, v] of Object.entries(incs)) {
    const segs = path.split('.').slice(1); // drop the leading "g"
    let o = root;
    for (const s of segs.slice(0, -1)) o = (o[s] ??= {}) as Record<string, unknown>;
    o[segs[segs.length - 1]] = ((o[segs[segs.length - 1]] as number) ?? 0) + v;
  }
  return root as CounterGroups;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The version and op ring of the counter documents this instance wrote last, per store: the next op
 * on the same document tries its update on them before reading it (a day's and a month's documents
 * take every change, so most ops save both reads). A stale copy only fails the version guard.
 */
const lastSeen = new WeakMap<object, Map<string, { v: number; gen: string; ops: string[] }>>();
const SEEN_DOCS = 16;
const randomGen = () => Math.random().toString(36).slice(2, 10);

/**
 * The counter documents this instance is writing, per store: its own concurrent writers of one
 * document (follow-ups, a timer) take turns instead of racing. Each would otherwise update on the
 * version it read, all but one fail their guard, read the document again and retry: under a burst of
 * submits the day's and month's documents saw retries pile up until counting gave up (CONFLICT,
 * left to the timer). Other instances still meet the version guard.
 */
const writing = new WeakMap<object, Map<string, Promise<unknown>>>();

/**
 * Adds `incs` to one counter document exactly once per op id (within the ring): a versioned
 * read-modify-write that records the op id in the same atomic update. Returns false if the op was
 * already there.
 */
export async function applyToDoc(ports: Ports, docId: string, incs: Record<string, number>, opId: string): Promise<boolean> {
  let queues = writing.get(ports.store);
  if (!queues) writing.set(ports.store, (queues = new Map()));
  const before = queues.get(docId);
  const mine = (before ?? Promise.resolve()).then(() => applyOnce(ports, docId, incs, opId));
  const tail = mine.catch(() => undefined);
  queues.set(docId, tail);
  // the last in line clears the entry, so the map holds only documents being written
  void tail.then(() => { if (queues!.get(docId) === tail) queues!.delete(docId); });
  return mine;
}

async function applyOnce(ports: Ports, docId: string, incs: Record<string, number>, opId: string): Promise<boolean> {
  const stats = ports.store.collection<CounterDoc>(C.stats);
  let seen = lastSeen.get(ports.store);
  if (!seen) lastSeen.set(ports.store, (seen = new Map()));
  const remember = (v: number, gen: string, ops: string[]) => {
    seen!.delete(docId);
    seen!.set(docId, { v, gen, ops });
    if (seen!.size > SEEN_DOCS) seen!.delete(seen!.keys().next().value!);
  };
  for (let attempt = 0; attempt < 40; attempt++) {
    // the copy this instance wrote last, once; then the document as stored
    const known = attempt === 0 ? seen.get(docId) : undefined;
    // an op the copy lists is checked on the document itself (it may have been removed and remade)
    const doc = known && !known.ops.includes(opId) ? known : await stats.get(docId);
    if (!doc) {
      try {
        const gen = randomGen();
        await stats.add({ _id: docId, kind: docId[0] as CounterDoc['kind'], g: nest(incs), ops: [opId], v: 1, gen });
        remember(1, gen, [opId]);
        return true;
      } catch (e) {
        if (e instanceof StoreError && e.code === 'DUPLICATE_ID') continue;
        throw e;
      }
    }
    const ops = doc.ops ?? [];
    if (ops.includes(opId)) return false;
    const next = [...ops.slice(-(RING - 1)), opId];
    // a document made before `gen` gets one with its next op
    const gen = doc.gen ?? randomGen();
    const ok = await stats.update(docId, { $inc: { ...incs, v: 1 }, $set: { ops: next, gen } }, doc.gen ? { v: doc.v, gen: doc.gen } : { v: doc.v });
    if (ok) {
      remember(doc.v + 1, gen, next);
      return true;
    }
    seen.delete(docId);
    if (attempt > 2) await sleep(Math.random() * 20 * Math.min(attempt, 10)); // a busy document: spread the retries
  }
  throw new AppError('CONFLICT', '统计数据更新繁忙，请稍后重试');
}

async function applyDelta(ports: Ports, incs: Incs, opId: string) {
  for (const [docId, fields] of incs) await applyToDoc(ports, docId, fields, opId);
}

// ---------- counting one request ----------

type Counted = ServiceRequest & RequestStats;

/**
 * Brings the counters up to date with one request (see the protocol above). Safe to call any
 * number of times, from anywhere, concurrently; a no-op when the request is already counted.
 */
export async function countRequest<T extends ServiceRequest>(ports: Ports, id: string, known?: T | null): Promise<T | null> {
  const requests = requestRepo(ports.store);
  // `known`: the document as just read by the caller, saves a read
  let cached: Counted | null | undefined = known;
  for (let round = 0; round < 8; round++) {
    const r = cached ?? ((await requests.get(id)) as Counted | null);
    cached = undefined;
    if (!r) return null;
    if (r.statsOp) {
      await applyDelta(ports, deltaOf(r.statsOp.from, r.statsOp.to), r.statsOp.id);
      if (await finish(ports, id, r.statsOp)) return { ...r, stats: { seq: r.statsOp.seq, key: r.statsOp.to }, statsOp: null, statsPending: false } as unknown as T;
      continue;
    }
    if (r.statsPending === false || (r.statsPending === undefined && r.stats)) return r as unknown as T;
    const { calendar } = await loadSla(ports);
    const to = contribution(r, calendar);
    const from = r.stats?.key ?? null;
    const lastSeq = r.stats?.seq ?? null;
    const counted = { ...r, stats: { seq: r.seq, key: to }, statsOp: null, statsPending: false } as unknown as T;
    if (sameKey(from, to)) {
      // nothing to add: just record that this version is counted
      const ok = await requests.update(id, { $set: { stats: { seq: r.seq, key: to }, statsPending: false } }, { seq: r.seq, statsOp: null, 'stats.seq': lastSeq });
      if (ok) return counted;
      continue;
    }
    const op: StatsOp = { id: `${id}@${r.seq}`, seq: r.seq, from, to };
    const claimed = await requests.update(id, { $set: { statsOp: op } }, { seq: r.seq, statsOp: null, 'stats.seq': lastSeq });
    if (!claimed) continue; // changed or claimed meanwhile: look again
    await applyDelta(ports, deltaOf(from, to), op.id);
    if (await finish(ports, id, op)) return counted;
  }
  // still moving after several rounds: the timer finishes it (statsPending stays set)
  return null;
}

/** true when the request is counted up to date; false when it changed meanwhile (count again) */
async function finish(ports: Ports, id: string, op: StatsOp): Promise<boolean> {
  const requests = requestRepo(ports.store);
  const stats = { seq: op.seq, key: op.to };
  // unchanged since the claim: counted; changed meanwhile: stays pending for the next round
  const done = await requests.update(id, { $set: { stats, statsOp: null, statsPending: false } }, { 'statsOp.id': op.id, seq: op.seq });
  if (!done) await requests.update(id, { $set: { stats, statsOp: null } }, { 'statsOp.id': op.id });
  return done;
}

/** counting must never fail the change that triggered it: the timer retries */
export async function countRequestQuietly<T extends ServiceRequest>(ports: Ports, id: string, known?: T | null): Promise<T | null> {
  try {
    return await countRequest(ports, id, known);
  } catch (e) {
    console.error('[stats] deferred to timer:', (e as Error)?.message ?? e);
    return null;
  }
}

/**
 * Timer work (run by the notify timer every minute): finishes requests whose counting was
 * interrupted, and — once, after this feature is deployed onto existing data — counts the requests
 * that predate it. Returns how many requests it looked at. `stop` (the notify timer's wall-clock
 * budget) is asked before each request: what is not counted stays pending for the next run.
 */
export async function countPending(ports: Ports, budget = 500, stop: () => boolean = () => false): Promise<{ counted: number; migrated: boolean }> {
  const requests = requestRepo(ports.store);
  const seen = new Set<string>();
  let counted = 0;
  while (counted < budget) {
    if (stop()) return { counted, migrated: false };
    const page = (await requests.markedForStats(100)).filter((r) => !seen.has(r._id));
    if (!page.length) break;
    for (const r of page) { if (stop()) return { counted, migrated: false }; seen.add(r._id); await countRequestQuietly(ports, r._id); counted++; }
  }
  const statsC = ports.store.collection<{ _id: string; migratedAt?: string }>(C.stats);
  const meta = await statsC.get(META_ID);
  if (meta?.migratedAt) return { counted, migrated: true };
  while (counted < budget) {
    if (stop()) return { counted, migrated: false };
    const page = (await requests.neverCounted(100)).filter((r) => !seen.has(r._id));
    if (!page.length) {
      const at = ports.clock.now().toISOString();
      if (meta) await statsC.update(META_ID, { $set: { migratedAt: at } });
      else await statsC.add({ _id: META_ID, migratedAt: at }).catch(() => undefined);
      return { counted, migrated: true };
    }
    for (const r of page) { if (stop()) return { counted, migrated: false }; seen.add(r._id); await countRequestQuietly(ports, r._id); counted++; }
  }
  return { counted, migrated: false };
}

// ---------- visits ----------

/** what core/visits hands over for one official visit (扫码入企) */
export type VisitForStats = {
  _id: string;
  enterpriseId: string;
  /** the visiting officials' departments (a joint inspection counts once for each), if any */
  departmentIds?: string[];
  /** one department (same as departmentIds: [departmentId]) */
  departmentId?: string | null;
  /** the tier center the visit counts for, if any */
  orgId?: string | null;
  /** the check-in instant (UTC ISO) */
  at: string;
};

type Mark = { _id: string; applied: boolean };

/**
 * Counts one visit: +1 visit in every bucket, +1 enterprise visited in each bucket whose period has
 * not seen this enterprise yet (markers in `statsMarks`). Idempotent: calling it again for the same
 * visit (a retry) changes nothing, as long as the retry comes within RING ops of the first call.
 */
export async function countVisit(ports: Ports, visit: VisitForStats): Promise<void> {
  const d = beijingDateKey(new Date(visit.at));
  const groups: Group[] = ['all'];
  for (const dep of new Set([...(visit.departmentIds ?? []), ...(visit.departmentId ? [visit.departmentId] : [])])) groups.push(`dept:${dep}`);
  if (visit.orgId) groups.push(`org:${visit.orgId}`);
  const ids = docIdsForDate(d);
  const marks = ports.store.collection<Mark>(C.statsMarks);
  for (const docId of [ids.day, ids.month, ids.quarter, ids.year]) {
    const incs: Record<string, number> = {};
    for (const g of groups) incs[`${groupPath(g)}.visits`] = 1;
    await applyToDoc(ports, docId, incs, `v:${visit._id}`);
    for (const g of groups) {
      const markId = `${docId}_${encodeKey(g)}_${encodeKey(visit.enterpriseId)}`;
      let mark: Mark | null = null;
      try {
        await marks.add({ _id: markId, applied: false });
      } catch (e) {
        if (!(e instanceof StoreError && e.code === 'DUPLICATE_ID')) throw e;
        mark = await marks.get(markId);
      }
      if (mark?.applied) continue;
      await applyToDoc(ports, docId, { [`${groupPath(g)}.vents`]: 1 }, `ve:${g}:${visit.enterpriseId}`);
      await marks.update(markId, { $set: { applied: true } });
    }
  }
}

// ---------- reading ----------

/** counter documents by id (missing ones are absent from the map) */
export async function readCounterDocs(ports: Ports, ids: string[]): Promise<Map<string, CounterDoc>> {
  const out = new Map<string, CounterDoc>();
  const unique = [...new Set(ids)];
  const stats = ports.store.collection<CounterDoc>(C.stats);
  for (let i = 0; i < unique.length; i += 100) {
    const chunk = unique.slice(i, i + 100);
    for (const doc of await stats.find({ _id: { $in: chunk } }, { limit: 100 })) out.set(doc._id, doc);
  }
  return out;
}

export type { RawField };

/**
 * The counter documents as if `requests` were never counted: each one's contribution taken out of
 * the documents it went into (copies; `docs` is left alone). The dashboard of an official leaves
 * out the complaints about them this way (core/recusal.ts), as their ledger does, so that a figure
 * drilled down to the ledger lists as many requests as it counts. What a document holds of a
 * request is its recorded contribution (`stats.key`); while an operation is in flight
 * (`statsOp`), `to` in the documents whose ring lists the op, `from` in the others.
 */
export function withoutRequests(docs: Map<string, CounterDoc>, requests: Array<Pick<ServiceRequest, '_id'> & RequestStats>): Map<string, CounterDoc> {
  const out = new Map(docs);
  for (const r of requests) {
    const op = r.statsOp;
    const keys = op ? [op.from, op.to] : [r.stats?.key ?? null];
    const seen = new Set<string>();
    for (const key of keys) {
      if (!key) continue;
      for (const [docId, incs] of deltaOf(key, null)) {
        const doc = out.get(docId);
        if (!doc || seen.has(docId)) continue;
        // in flight: this key is the one the document holds only if the op reached it (to) or not (from)
        if (op && (doc.ops ?? []).includes(op.id) !== (key === op.to)) continue;
        seen.add(docId);
        out.set(docId, subtract(doc, incs));
      }
    }
  }
  return out;
}

/** a copy of the document with `incs` (field paths under g, negative) added */
function subtract(doc: CounterDoc, incs: Record<string, number>): CounterDoc {
  const g = structuredClone(doc.g ?? {}) as Record<string, unknown>;
  for (const [path, v] of Object.entries(incs)) {
    const segs = path.split('.').slice(1); // drop the leading "g"
    let o = g;
    for (const s of segs.slice(0, -1)) o = (o[s] ??= {}) as Record<string, unknown>;
    const last = segs[segs.length - 1];
    o[last] = ((o[last] as number) ?? 0) + v;
  }
  return { ...doc, g: g as CounterGroups };
}
