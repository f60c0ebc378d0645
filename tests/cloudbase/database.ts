/**
 * `cloud.database()` of the test bed: the surface of wx-server-sdk 3.x our adapters use, over an
 * in-memory document store with MongoDB semantics (mongo.ts).
 *
 * Commands and encoding are not re-implemented: `db.command` is @cloudbase/database's own Command
 * (what wx-server-sdk hands out as `db.command`), and every where() / update() goes through that
 * package's QuerySerializer / UpdateSerializer, so the store evaluates exactly the query and update
 * documents the real SDK would send. What each behaviour rests on:
 *
 * - collections must exist: reads and writes of a missing one fail with -502005
 *   DATABASE_COLLECTION_NOT_EXIST (wx-server-sdk TCB_ERR_CODE; README step 5 has deployers create them).
 * - `get()` returns at most 100 documents without limit() and at most 1000 with one: @cloudbase/database
 *   1.4.1 query.js sends `limit: 100` by default and `limit < 1000 ? limit : 1000`, confirmed by
 *   TencentCloudBase/node-sdk test/database/unit/query.limit.test.ts (limit(1001) gets 1000 back). CloudBase
 *   clamps silently; the test bed, by default, fails loudly instead (`limitOver1000: 'throw'`) so that
 *   no code relying on more than 1000 passes here and loses documents there. `limit(0)` means the default
 *   (the SDK tests `if (limit)`); non-integers throw synchronously (Validate.isInteger).
 * - `where().update()` updates every match (multi defaults to true) and answers
 *   `{ stats: { updated } }` with the count of documents actually modified (wx-server-sdk query.ts;
 *   MongoDB nModified); `doc(id).update()` likewise, 0 for a missing document (node-sdk
 *   test/database/unit/document.test.ts "remove document that not exist" → deleted 0).
 * - `doc(id).get()` of a missing document rejects with "document with _id … does not exist" unless
 *   the database was made with `{ throwOnNotFound: false }` (wx-server-sdk document.ts).
 * - `doc(id).set()` replaces the whole document and creates it if missing (`upsert: true`); update
 *   commands inside set() are refused ("update operator complicit", @cloudbase/database document.js).
 * - update data with an `_id` is refused ('不能更新_id的值'); empty data is refused (wx-server-sdk assertObjectNotEmpty).
 * - `add()` without `_id` gets a random 32-hex id; an existing `_id` fails (MongoDB E11000, surfaced by
 *   wx-server-sdk as DATABASE_REQUEST_FAILED -502001). No other field is unique unless the test declares
 *   a unique index (`bed.createIndex`): CloudBase has no implicit uniqueness, so two concurrent
 *   "find, then add" sequences both add (the race is reproducible here).
 * - runTransaction (https://developers.weixin.qq.com/miniprogram/dev/wxcloud/guide/database/transaction.html,
 *   Database.runTransaction reference): only single-record operations (collection.doc get/set/update/remove
 *   and collection.add); where/orderBy/get/count/update/remove on a collection are refused; snapshot
 *   isolation: reads see the snapshot taken when the transaction began plus its own writes; a write fails
 *   with DATABASE_TRANSACTION_CONFLICT when another open transaction holds the document's lock or the
 *   document changed after the snapshot (node-sdk test/database/unit/transaction.test.ts "冲突检测", "读偏");
 *   plain writes to a locked document wait until the lock is released ("普通的更新操作会被阻塞").
 *   The callback's result is runTransaction's result; it is retried (default times = 3) only when the
 *   error's `code` is DATABASE_TRANSACTION_CONFLICT (@cloudbase/database transaction/index.js) — which a
 *   conflict raised by an operation inside the callback never has, because wx-server-sdk rewrites those
 *   errors to errCode -501001 (error-checker.ts); only a conflict at commit keeps the code and is retried.
 *   `transaction.rollback(reason)` makes runTransaction reject with `reason`.
 * - every call counts (`calls`) and takes `latencyMs` (half before the server applies it, half after).
 */
import { randomBytes } from 'crypto';
import { Command } from '@cloudbase/database/dist/commonjs/command';
import { QuerySerializer } from '@cloudbase/database/dist/commonjs/serializer/query';
import { UpdateSerializer } from '@cloudbase/database/dist/commonjs/serializer/update';
import { UpdateCommand } from '@cloudbase/database/dist/commonjs/commands/update';
import { applyUpdate, clone, matchQuery, MongoError, reach, replacement, sortDocs } from './mongo';
import {
  COLLECTION_MISSING_MESSAGE, CONFLICT_MESSAGE, stringFailure, tcbError, tcbFailure, type SdkError,
} from './errors';

export type Doc = Record<string, unknown> & { _id: string | number };
type Version = { seq: number; doc: Doc | null };
type Index = { fields: string[]; unique: boolean; name: string };

export type DatabaseOptions = {
  /** per call, in ms; half before the server applies the call, half after (default 0) */
  latencyMs?: number;
  /** limit() above 1000: 'throw' (default, loud) or 'clamp' (what CloudBase does silently) */
  limitOver1000?: 'throw' | 'clamp';
};

export type CallCounter = { total: number; byApi: Record<string, number> };

const keyOf = (id: unknown) => `${typeof id}:${String(id)}`;
const last = <T>(a: T[]) => a[a.length - 1];
const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && Object.prototype.toString.call(v) === '[object Object]';

function hasUpdateCommand(v: unknown): boolean {
  if (v instanceof UpdateCommand) return true;
  if (v && typeof v === 'object') return Object.values(v as object).some(hasUpdateCommand);
  return false;
}

/** the value of a (dotted) field for index keys: missing counts as null, as in a MongoDB unique index */
function indexValue(doc: Doc, path: string): string {
  let cur: unknown = doc;
  for (const seg of path.split('.')) cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[seg] : undefined;
  return JSON.stringify(cur === undefined ? null : cur);
}

class Transaction {
  readonly id: number;
  readonly startSeq: number;
  /** pending writes: collection → doc key → new doc (null = removed) */
  readonly writes = new Map<string, Map<string, { id: unknown; doc: Doc | null }>>();
  aborted = false;
  abortReason: unknown;
  done = false;
  constructor(id: number, startSeq: number) {
    this.id = id;
    this.startSeq = startSeq;
  }
  pending(coll: string, key: string) {
    return this.writes.get(coll)?.get(key);
  }
  put(coll: string, key: string, id: unknown, doc: Doc | null) {
    if (!this.writes.has(coll)) this.writes.set(coll, new Map());
    this.writes.get(coll)!.set(key, { id, doc });
  }
}

export class DatabaseState {
  readonly collections = new Map<string, Map<string, Version[]>>();
  /** natural order: the position a document took when it entered its collection */
  private readonly positions = new Map<string, Map<string, number>>();
  private posSeq = 0;
  /**
   * Equality lookups, built on first use per (collection, field) and kept current on every write:
   * a speed-up only. They select candidates (a superset of the matches); matchQuery decides.
   */
  private readonly lookups = new Map<string, Map<string, Map<string, Set<string>>>>();
  readonly indexes = new Map<string, Index[]>();
  readonly locks = new Map<string, Transaction>();
  readonly calls: CallCounter = { total: 0, byApi: {} };
  latencyMs: number;
  limitOver1000: 'throw' | 'clamp';
  seq = 0;
  private txSeq = 0;
  readonly open = new Set<Transaction>();
  private waiters: Array<() => void> = [];
  /** conflicts to inject into the next transactional operations ('op') or commits ('commit') */
  readonly injected = { op: 0, commit: 0 };

  constructor(opts: DatabaseOptions = {}) {
    this.latencyMs = opts.latencyMs ?? 0;
    this.limitOver1000 = opts.limitOver1000 ?? 'throw';
  }

  // ---------------------------------------------------------------------------------------------
  // plumbing

  count(api: string) {
    this.calls.total++;
    this.calls.byApi[api] = (this.calls.byApi[api] ?? 0) + 1;
  }

  /** half of a round trip: a macrotask at least, so concurrent calls interleave as on a network */
  hop(): Promise<void> {
    const ms = this.latencyMs / 2;
    return new Promise((resolve) => (ms > 0 ? setTimeout(resolve, ms) : setImmediate(resolve)));
  }

  collection(name: string, api: string): Map<string, Version[]> {
    const c = this.collections.get(name);
    if (!c) throw tcbFailure(api, 'DATABASE_COLLECTION_NOT_EXIST', COLLECTION_MISSING_MESSAGE);
    return c;
  }

  createCollection(name: string): void {
    if (!name || typeof name !== 'string') throw new Error('集合名称不合法');
    if (!this.collections.has(name)) {
      this.collections.set(name, new Map());
      this.positions.set(name, new Map());
      this.lookups.set(name, new Map());
    }
  }

  createIndex(collection: string, fields: string[], opts: { unique?: boolean } = {}): void {
    const list = this.indexes.get(collection) ?? [];
    list.push({ fields, unique: !!opts.unique, name: fields.map((f) => `${f}_1`).join('_') });
    this.indexes.set(collection, list);
  }

  /** committed documents, natural (insertion) order */
  docs(name: string, api: string): Doc[] {
    const out: Doc[] = [];
    for (const versions of this.collection(name, api).values()) {
      const d = last(versions).doc;
      if (d) out.push(d);
    }
    return out;
  }

  current(name: string, id: unknown, api: string): Doc | null {
    const v = this.collection(name, api).get(keyOf(id));
    return v ? last(v).doc : null;
  }

  private snapshot(name: string, id: unknown, seq: number, api: string): Doc | null {
    const versions = this.collection(name, api).get(keyOf(id));
    if (!versions) return null;
    for (let i = versions.length - 1; i >= 0; i--) if (versions[i].seq <= seq) return versions[i].doc;
    return null;
  }

  private checkUnique(name: string, doc: Doc, api: string): void {
    for (const ix of this.indexes.get(name) ?? []) {
      if (!ix.unique) continue;
      const key = ix.fields.map((f) => indexValue(doc, f)).join('|');
      // candidates through the equality lookup of the first field when its value is a scalar; a
      // missing or null value (which a unique index also counts, as null) needs the full scan
      const first = reach(doc, ix.fields[0].split('.'));
      const scalar = first.values.length === 1 ? DatabaseState.lookupKey(first.values[0]) : null;
      const coll = this.collection(name, api);
      const others = scalar === null
        ? this.docs(name, api)
        : [...(this.lookup(name, ix.fields[0]).get(scalar) ?? [])].map((k) => coll.get(k)).filter((v): v is Version[] => !!v).map((v) => last(v).doc).filter((d): d is Doc => !!d);
      for (const other of others) {
        if (keyOf(other._id) === keyOf(doc._id)) continue;
        if (ix.fields.map((f) => indexValue(other, f)).join('|') === key) {
          throw tcbFailure(api, 'DATABASE_REQUEST_FAILED',
            `E11000 duplicate key error collection: ${name} index: ${ix.name} dup key: { ${ix.fields.map((f) => `${f}: ${indexValue(doc, f)}`).join(', ')} }`);
        }
      }
    }
  }

  /**
   * Field names with '.' or a leading '$' cannot be stored (MongoDB before 5.0; from 5.0 they are
   * stored but cannot be queried or updated by path, https://www.mongodb.com/docs/manual/core/dot-dollar-considerations/):
   * refused here, as either way such a field is unreachable through the SDK's dotted paths.
   */
  private static checkFieldNames(v: unknown, api: string, at = ''): void {
    if (Array.isArray(v)) {
      v.forEach((x, i) => DatabaseState.checkFieldNames(x, api, `${at}.${i}`));
      return;
    }
    if (!isPlainObject(v)) return;
    for (const [k, x] of Object.entries(v)) {
      if (k.includes('.') || k.startsWith('$') || k === '') {
        throw tcbFailure(api, 'DATABASE_REQUEST_FAILED', `The field name '${k}' at '${at.slice(1) || '(top)'}' is not valid for storage: no '.', no leading '$'`);
      }
      DatabaseState.checkFieldNames(x, api, `${at}.${k}`);
    }
  }

  /** commit one document version (plain write or a transaction's commit) */
  write(name: string, id: unknown, doc: Doc | null, api: string): void {
    const coll = this.collection(name, api);
    if (doc) DatabaseState.checkFieldNames(doc, api);
    if (doc) this.checkUnique(name, doc, api);
    const key = keyOf(id);
    const seq = ++this.seq;
    const versions = coll.get(key);
    this.relookup(name, key, versions ? last(versions).doc : null, doc);
    const stored = doc ? clone(doc) : null;
    if (this.open.size === 0) {
      if (stored) this.place(name, key, [{ seq, doc: stored }]);
      else this.drop(name, key);
    } else if (versions) versions.push({ seq, doc: stored });
    else this.place(name, key, [{ seq, doc: stored }]);
  }

  private place(name: string, key: string, versions: Version[]): void {
    const coll = this.collections.get(name)!;
    if (!coll.has(key)) this.positions.get(name)!.set(key, ++this.posSeq);
    coll.set(key, versions);
  }

  private drop(name: string, key: string): void {
    this.collections.get(name)!.delete(key);
    this.positions.get(name)!.delete(key);
  }

  private prune(): void {
    if (this.open.size) return;
    for (const [name, coll] of this.collections) {
      for (const [key, versions] of coll) {
        const d = last(versions).doc;
        if (!d) this.drop(name, key);
        else if (versions.length > 1) coll.set(key, [last(versions)]);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // equality lookups (speed only)

  private static lookupKey(v: unknown): string | null {
    if (typeof v === 'string') return `s:${v}`;
    if (typeof v === 'number') return `n:${v === 0 ? 0 : v}`;
    if (typeof v === 'boolean') return `b:${v}`;
    if (v instanceof Date) return `d:${v.getTime()}`;
    return null;
  }

  /** every key under which `doc` can match an equality on `field` (array elements included) */
  private static keysOf(doc: Doc | null, field: string): string[] {
    if (!doc) return [];
    const out: string[] = [];
    for (const v of reach(doc, field.split('.')).values) {
      for (const x of Array.isArray(v) ? v : [v]) {
        const k = DatabaseState.lookupKey(x);
        if (k) out.push(k);
      }
    }
    return out;
  }

  private relookup(name: string, key: string, before: Doc | null, after: Doc | null): void {
    for (const [field, index] of this.lookups.get(name) ?? []) {
      for (const k of DatabaseState.keysOf(before, field)) index.get(k)?.delete(key);
      for (const k of DatabaseState.keysOf(after, field)) {
        if (!index.has(k)) index.set(k, new Set());
        index.get(k)!.add(key);
      }
    }
  }

  private lookup(name: string, field: string): Map<string, Set<string>> {
    const all = this.lookups.get(name)!;
    let index = all.get(field);
    if (!index) {
      index = new Map();
      all.set(field, index);
      for (const [key, versions] of this.collections.get(name)!) {
        for (const k of DatabaseState.keysOf(last(versions).doc, field)) {
          if (!index.has(k)) index.set(k, new Set());
          index.get(k)!.add(key);
        }
      }
    }
    return index;
  }

  /** a top-level equality (or $eq / $in of scalars) the query requires, possibly inside a top-level $and */
  private static equalityOf(query: unknown): { field: string; values: unknown[] } | null {
    if (!query || typeof query !== 'object' || Array.isArray(query)) return null;
    let found: { field: string; values: unknown[] } | null = null;
    for (const [field, cond] of Object.entries(query as Record<string, unknown>)) {
      let values: unknown[] | null = null;
      if (field === '$and' && Array.isArray(cond)) {
        for (const sub of cond) {
          const r = DatabaseState.equalityOf(sub);
          if (r && (!found || r.field === '_id')) found = r;
        }
        continue;
      }
      if (field.startsWith('$')) continue;
      if (DatabaseState.lookupKey(cond) !== null) values = [cond];
      else if (isPlainObject(cond)) {
        if ('$eq' in cond && DatabaseState.lookupKey(cond.$eq) !== null) values = [cond.$eq];
        else if (Array.isArray(cond.$in) && cond.$in.every((x) => DatabaseState.lookupKey(x) !== null)) values = cond.$in;
      }
      if (values && (!found || field === '_id')) found = { field, values };
    }
    return found;
  }

  /** committed documents matching the query, natural order */
  matching(name: string, query: Record<string, unknown> | undefined, api: string): Doc[] {
    const coll = this.collection(name, api);
    const eq = query ? DatabaseState.equalityOf(query) : null;
    let docs: Doc[];
    if (!eq) docs = this.docs(name, api);
    else {
      const keys = new Set<string>();
      if (eq.field === '_id') for (const v of eq.values) keys.add(keyOf(v));
      else {
        const index = this.lookup(name, eq.field);
        for (const v of eq.values) for (const k of index.get(DatabaseState.lookupKey(v)!) ?? []) keys.add(k);
      }
      const pos = this.positions.get(name)!;
      docs = [...keys]
        .filter((k) => coll.has(k) && last(coll.get(k)!).doc)
        .sort((a, b) => pos.get(a)! - pos.get(b)!)
        .map((k) => last(coll.get(k)!).doc!);
    }
    return query ? docs.filter((d) => matchQuery(d, query)) : docs;
  }

  /** plain writes wait while a transaction holds the document */
  async unlocked(name: string, ids: unknown[]): Promise<void> {
    for (;;) {
      const held = ids.some((id) => this.locks.has(`${name}/${keyOf(id)}`));
      if (!held) return;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  // ---------------------------------------------------------------------------------------------
  // transactions

  begin(): Transaction {
    const tx = new Transaction(++this.txSeq, this.seq);
    this.open.add(tx);
    return tx;
  }

  private release(tx: Transaction): void {
    for (const [k, holder] of this.locks) if (holder === tx) this.locks.delete(k);
    this.open.delete(tx);
    tx.done = true;
    this.prune();
    this.wake();
  }

  commit(tx: Transaction): void {
    if (this.injected.commit > 0) {
      this.injected.commit--;
      this.release(tx);
      throw tcbError('DATABASE_TRANSACTION_CONFLICT', CONFLICT_MESSAGE);
    }
    for (const [name, writes] of tx.writes) {
      for (const { id, doc } of writes.values()) this.write(name, id, doc, 'transaction.commit');
    }
    this.release(tx);
  }

  rollback(tx: Transaction): void {
    if (!tx.done) this.release(tx);
  }

  txRead(tx: Transaction, name: string, id: unknown, api: string): Doc | null {
    this.collection(name, api);
    const own = tx.pending(name, keyOf(id));
    if (own) return own.doc ? clone(own.doc) : null;
    const d = this.snapshot(name, id, tx.startSeq, api);
    return d ? clone(d) : null;
  }

  /** take the document's lock for a transactional write, or fail as CloudBase does */
  txLock(tx: Transaction, name: string, id: unknown, api: string): void {
    this.collection(name, api);
    if (tx.done) throw tcbFailure(api, 'DATABASE_TRANSACTION_FAIL', '[ResourceUnavailable.TransactionNotExist] Transaction does not exist on the server, transaction must be commit or abort in 30 seconds.');
    if (this.injected.op > 0) {
      this.injected.op--;
      throw tcbFailure(api, 'DATABASE_TRANSACTION_CONFLICT', CONFLICT_MESSAGE);
    }
    const lockKey = `${name}/${keyOf(id)}`;
    const holder = this.locks.get(lockKey);
    if (holder && holder !== tx) throw tcbFailure(api, 'DATABASE_TRANSACTION_CONFLICT', CONFLICT_MESSAGE);
    const versions = this.collection(name, api).get(keyOf(id));
    if (versions && last(versions).seq > tx.startSeq && holder !== tx) throw tcbFailure(api, 'DATABASE_TRANSACTION_CONFLICT', CONFLICT_MESSAGE);
    this.locks.set(lockKey, tx);
  }

  // ---------------------------------------------------------------------------------------------
  // state for the runtime test's child process

  exportState(): string {
    const out: Record<string, Doc[]> = {};
    for (const name of this.collections.keys()) out[name] = this.docs(name, 'export');
    return JSON.stringify(out, (_k, v) => (v instanceof Date ? { $date: v.toISOString() } : v));
  }

  importState(json: string): void {
    const data = JSON.parse(json, (_k, v) => (v && typeof v === 'object' && typeof v.$date === 'string' && Object.keys(v).length === 1 ? new Date(v.$date) : v)) as Record<string, Doc[]>;
    for (const [name, docs] of Object.entries(data)) {
      this.createCollection(name);
      for (const d of docs) this.write(name, d._id, d, 'import');
    }
  }
}

// -----------------------------------------------------------------------------------------------
// the SDK objects

type QueryState = {
  db: Database;
  name: string;
  query?: Record<string, unknown>;
  order: Array<[string, 1 | -1]>;
  offset?: number;
  limit?: number;
  tx?: Transaction;
};

const TX_ONLY_SINGLE =
  '事务中仅能进行单记录操作（collection.doc 的 get/set/update/remove 与 collection.add），不能使用 where、orderBy、get、count、update、remove 等批量接口 ' +
  '(https://developers.weixin.qq.com/miniprogram/dev/wxcloud/guide/database/transaction.html)';

function mongoFailure(api: string, e: unknown): SdkError {
  if (e instanceof MongoError) return tcbFailure(api, 'DATABASE_REQUEST_FAILED', e.message);
  return e as SdkError;
}

export class Query {
  constructor(protected s: QueryState) {}

  protected with(patch: Partial<QueryState>): Query {
    return new Query({ ...this.s, ...patch });
  }

  where(query: unknown): Query {
    // @cloudbase/database query.js where(): a plain object (or a logic command), not all-undefined
    if (Object.prototype.toString.call(query).slice(8, -1) !== 'Object') throw new Error('查询参数必须为对象');
    const keys = Object.keys(query as object);
    if (keys.length && !keys.some((k) => (query as Record<string, unknown>)[k] !== undefined)) throw new Error('查询参数对象值不能均为undefined');
    return this.with({ query: QuerySerializer.encode(query as never) as Record<string, unknown> });
  }

  orderBy(field: string, direction: string): Query {
    if (!/^[a-zA-Z0-9-_.]/.test(field)) throw new Error();
    if (direction !== 'asc' && direction !== 'desc') throw new Error('排序字符不合法');
    const order = this.s.order.filter(([f]) => f !== field);
    // the SDK keeps the order in an object: a repeated field keeps its first position
    const at = this.s.order.findIndex(([f]) => f === field);
    const entry: [string, 1 | -1] = [field, direction === 'desc' ? -1 : 1];
    if (at >= 0) order.splice(at, 0, entry);
    else order.push(entry);
    return this.with({ order });
  }

  limit(n: number): Query {
    if (!Number.isInteger(n)) throw new Error('limitmust be integer');
    return this.with({ limit: n });
  }

  skip(n: number): Query {
    if (!Number.isInteger(n)) throw new Error('offsetmust be integer');
    return this.with({ offset: n });
  }

  private refuseInTx(api: string): void {
    if (this.s.tx) throw stringFailure(api, TX_ONLY_SINGLE);
  }

  private matching(api: string): Doc[] {
    try {
      return this.s.db.state.matching(this.s.name, this.s.query, api);
    } catch (e) {
      throw mongoFailure(api, e);
    }
  }

  async get(): Promise<{ data: Doc[]; errMsg: string }> {
    const api = 'collection.get';
    const st = this.s.db.state;
    st.count(api);
    this.refuseInTx(api);
    let limit = this.s.limit ? this.s.limit : 100;
    if (limit > 1000) {
      if (st.limitOver1000 === 'throw') {
        throw new Error(`test bed: limit(${limit}) — CloudBase returns at most 1000 documents and silently drops the rest (limit is clamped to 1000); page with skip() instead`);
      }
      limit = 1000;
    }
    await st.hop();
    const docs = sortDocs(this.matching(api), this.s.order).slice(this.s.offset ?? 0, (this.s.offset ?? 0) + limit).map((d) => clone(d));
    await st.hop();
    return { data: docs, errMsg: `${api}:ok` };
  }

  async count(): Promise<{ total: number; errMsg: string }> {
    const api = 'collection.count';
    const st = this.s.db.state;
    st.count(api);
    this.refuseInTx(api);
    await st.hop();
    const total = this.matching(api).length;
    await st.hop();
    return { total, errMsg: `${api}:ok` };
  }

  async update(options: { data?: unknown; multi?: boolean }): Promise<{ stats: { updated: number }; errMsg: string }> {
    const api = 'collection.update';
    const st = this.s.db.state;
    st.count(api);
    this.refuseInTx(api);
    const data = checkData(api, options?.data);
    if (Object.prototype.hasOwnProperty.call(data, '_id')) throw tcbFailure(api, 'INVALID_PARAM', '不能更新_id的值');
    const encoded = UpdateSerializer.encode(data as never);
    await st.hop();
    let updated = 0;
    // a plain update waits for transaction locks on the documents it matches, then applies atomically
    for (;;) {
      const targets = this.matching(api);
      const ids = targets.map((d) => d._id);
      if (ids.some((id) => st.locks.has(`${this.s.name}/${keyOf(id)}`))) {
        await st.unlocked(this.s.name, ids);
        continue;
      }
      for (const d of options.multi === false ? targets.slice(0, 1) : targets) {
        let r;
        try {
          r = applyUpdate(d, encoded);
        } catch (e) {
          throw mongoFailure(api, e);
        }
        if (r.modified) {
          st.write(this.s.name, d._id, r.doc as Doc, api);
          updated++;
        }
      }
      break;
    }
    await st.hop();
    return { stats: { updated }, errMsg: `${api}:ok` };
  }

  async remove(): Promise<{ stats: { removed: number }; errMsg: string }> {
    const api = 'collection.remove';
    const st = this.s.db.state;
    st.count(api);
    this.refuseInTx(api);
    await st.hop();
    for (;;) {
      const ids = this.matching(api).map((d) => d._id);
      if (ids.some((id) => st.locks.has(`${this.s.name}/${keyOf(id)}`))) {
        await st.unlocked(this.s.name, ids);
        continue;
      }
      for (const id of ids) st.write(this.s.name, id, null, api);
      await st.hop();
      return { stats: { removed: ids.length }, errMsg: `${api}:ok` };
    }
  }
}

function checkData(api: string, data: unknown): Record<string, unknown> {
  // wx-server-sdk assertType(options, { data: 'object' }) and assertObjectNotEmpty
  if (!isPlainObject(data)) throw tcbFailure(api, 'INVALID_PARAM', 'options.data should be object');
  if (Object.keys(data).length === 0) throw tcbFailure(api, 'INVALID_PARAM', 'options.data should not be empty');
  return data;
}

export class CollectionReference extends Query {
  doc(id: string | number): DocumentReference {
    if (typeof id !== 'string' && typeof id !== 'number') throw new Error('docId必须为字符串或数字');
    return new DocumentReference(this.s, id);
  }

  async add(options: { data?: unknown }): Promise<{ _id: string | number; errMsg: string }> {
    const api = 'collection.add';
    const st = this.s.db.state;
    st.count(api);
    const data = options?.data;
    if (!isPlainObject(data)) throw tcbFailure(api, 'INVALID_PARAM', 'options.data should be object');
    await st.hop();
    st.collection(this.s.name, api);
    const id = data._id !== undefined ? data._id : randomBytes(16).toString('hex');
    if (typeof id !== 'string' && typeof id !== 'number') throw tcbFailure(api, 'INVALID_PARAM', '_id must be a string or a number');
    const exists = this.s.tx ? st.txRead(this.s.tx, this.s.name, id, api) : st.current(this.s.name, id, api);
    if (exists) {
      throw tcbFailure(api, 'DATABASE_REQUEST_FAILED', `E11000 duplicate key error collection: ${this.s.name} index: _id_ dup key: { _id: ${JSON.stringify(id)} }`);
    }
    const doc = replacement(id, data) as Doc;
    if (this.s.tx) {
      st.txLock(this.s.tx, this.s.name, id, api);
      this.s.tx.put(this.s.name, keyOf(id), id, doc);
    } else {
      st.write(this.s.name, id, doc, api);
    }
    await st.hop();
    return { _id: id, errMsg: `${api}:ok` };
  }
}

export class DocumentReference {
  constructor(private s: QueryState, readonly _id: string | number) {}

  async get(): Promise<{ data: Doc | null; errMsg: string }> {
    const api = 'document.get';
    const st = this.s.db.state;
    st.count(api);
    await st.hop();
    const doc = this.s.tx ? st.txRead(this.s.tx, this.s.name, this._id, api) : st.current(this.s.name, this._id, api);
    await st.hop();
    if (!doc) {
      if (this.s.db.throwOnNotFound) throw stringFailure(api, `document with _id ${this._id} does not exist`);
      return { data: null, errMsg: `${api}:ok` };
    }
    return { data: clone(doc), errMsg: `${api}:ok` };
  }

  async set(options: { data?: unknown }): Promise<{ _id: string | number; stats: { updated: number; created: number }; errMsg: string }> {
    const api = 'document.set';
    const st = this.s.db.state;
    st.count(api);
    const data = checkData(api, options?.data);
    if (Object.prototype.hasOwnProperty.call(data, '_id')) throw tcbFailure(api, 'INVALID_PARAM', '不能更新_id的值');
    if (hasUpdateCommand(data)) throw tcbFailure(api, 'DATABASE_REQUEST_FAILED', 'update operator complicit');
    await st.hop();
    const doc = replacement(this._id, data) as Doc;
    let before: Doc | null;
    if (this.s.tx) {
      before = st.txRead(this.s.tx, this.s.name, this._id, api);
      st.txLock(this.s.tx, this.s.name, this._id, api);
      this.s.tx.put(this.s.name, keyOf(this._id), this._id, doc);
    } else {
      st.collection(this.s.name, api);
      await st.unlocked(this.s.name, [this._id]);
      before = st.current(this.s.name, this._id, api);
      st.write(this.s.name, this._id, doc, api);
    }
    await st.hop();
    const changed = !before || JSON.stringify(before) !== JSON.stringify(doc);
    return { _id: this._id, stats: { updated: before && changed ? 1 : 0, created: before ? 0 : 1 }, errMsg: `${api}:ok` };
  }

  async update(options: { data?: unknown }): Promise<{ stats: { updated: number }; errMsg: string }> {
    const api = 'document.update';
    const st = this.s.db.state;
    st.count(api);
    const data = checkData(api, options?.data);
    if (Object.prototype.hasOwnProperty.call(data, '_id')) throw tcbFailure(api, 'INVALID_PARAM', '不能更新_id的值');
    const encoded = UpdateSerializer.encode(data as never);
    await st.hop();
    let updated = 0;
    if (this.s.tx) {
      const before = st.txRead(this.s.tx, this.s.name, this._id, api);
      st.txLock(this.s.tx, this.s.name, this._id, api);
      if (before) {
        let r;
        try {
          r = applyUpdate(before, encoded);
        } catch (e) {
          throw mongoFailure(api, e);
        }
        this.s.tx.put(this.s.name, keyOf(this._id), this._id, r.doc as Doc);
        updated = r.modified ? 1 : 0;
      }
    } else {
      st.collection(this.s.name, api);
      await st.unlocked(this.s.name, [this._id]);
      const before = st.current(this.s.name, this._id, api);
      if (before) {
        let r;
        try {
          r = applyUpdate(before, encoded);
        } catch (e) {
          throw mongoFailure(api, e);
        }
        if (r.modified) {
          st.write(this.s.name, this._id, r.doc as Doc, api);
          updated = 1;
        }
      }
    }
    await st.hop();
    return { stats: { updated }, errMsg: `${api}:ok` };
  }

  async remove(): Promise<{ stats: { removed: number }; errMsg: string }> {
    const api = 'document.remove';
    const st = this.s.db.state;
    st.count(api);
    await st.hop();
    let removed = 0;
    if (this.s.tx) {
      const before = st.txRead(this.s.tx, this.s.name, this._id, api);
      st.txLock(this.s.tx, this.s.name, this._id, api);
      if (before) {
        this.s.tx.put(this.s.name, keyOf(this._id), this._id, null);
        removed = 1;
      }
    } else {
      st.collection(this.s.name, api);
      await st.unlocked(this.s.name, [this._id]);
      if (st.current(this.s.name, this._id, api)) {
        st.write(this.s.name, this._id, null, api);
        removed = 1;
      }
    }
    await st.hop();
    return { stats: { removed }, errMsg: `${api}:ok` };
  }
}

/** the `transaction` handed to a runTransaction callback */
class TransactionHandle {
  constructor(private db: Database, private tx: Transaction) {}
  collection(name: string): CollectionReference {
    if (!name) throw new Error('Collection name is required');
    return new CollectionReference({ db: this.db, name, order: [], tx: this.tx });
  }
  async rollback(reason?: unknown): Promise<void> {
    this.db.state.count('transaction.rollback');
    this.tx.aborted = true;
    this.tx.abortReason = reason;
    this.db.state.rollback(this.tx);
  }
}

export class Database {
  readonly command = Command;
  readonly throwOnNotFound: boolean;
  constructor(readonly state: DatabaseState, config: { throwOnNotFound?: boolean } = {}) {
    this.throwOnNotFound = config.throwOnNotFound ?? true;
  }

  collection(name: string): CollectionReference {
    if (!name) throw new Error('Collection name is required');
    return new CollectionReference({ db: this, name, order: [] });
  }

  async createCollection(name: string): Promise<{ errMsg: string }> {
    const api = 'createCollection';
    this.state.count(api);
    await this.state.hop();
    if (this.state.collections.has(name)) {
      throw tcbFailure(api, 'DATABASE_COLLECTION_ALREADY_EXIST', `[ResourceInUse] Table exist. (test bed wording) ${name}`);
    }
    this.state.createCollection(name);
    await this.state.hop();
    return { errMsg: `${api}:ok` };
  }

  /** @cloudbase/database transaction/index.js runTransaction, as wx-server-sdk calls it */
  async runTransaction<R>(callback: (t: TransactionHandle) => Promise<R>, times = 3): Promise<R> {
    const st = this.state;
    st.count('database.startTransaction');
    await st.hop();
    const tx = st.begin();
    await st.hop();
    try {
      const res = await callback(new TransactionHandle(this, tx));
      if (tx.aborted) throw tx.abortReason;
      st.count('database.commitTransaction');
      await st.hop();
      st.commit(tx);
      await st.hop();
      return res;
    } catch (error) {
      st.rollback(tx);
      if (tx.aborted) throw tx.abortReason;
      if (times <= 0) throw error;
      if (error && (error as { code?: string }).code === 'DATABASE_TRANSACTION_CONFLICT') return this.runTransaction(callback, times - 1);
      throw error;
    }
  }
}
