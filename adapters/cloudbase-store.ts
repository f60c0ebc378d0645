/**
 * Store on a WeChat CloudBase database. Receives `cloud.database()` from wx-server-sdk (never
 * imported here, so this file also loads where the SDK is absent).
 *
 * Filters and updates are validated by the shared normalizers in filter-match.ts, so the same
 * inputs are rejected here as in the SQLite adapter, before any network call.
 *
 * SDK behaviours this adapter works around:
 * - doc(id).get() rejects with "document with _id … does not exist" instead of returning null.
 * - reading a collection that was never created fails (-502005); reads treat it as empty and
 *   writes create the collection once and retry.
 * - plain objects in update data are flattened into dotted $set paths (a merge); $set must
 *   replace, so every value goes through `_.set(...)`.
 * - `_.push(array)` pushes the array's elements, so a single value is sent as `{ each: [v] }`.
 * - wx-server-sdk maps the error codes of reads/writes made inside a transaction to generic
 *   ones, so a DATABASE_TRANSACTION_CONFLICT raised there escapes the SDK's own retry;
 *   increment retries conflicts itself.
 * - `stats.updated` counts modified documents (MongoDB's nModified): an update that matches but
 *   changes nothing ($set to the value already stored, $unset of a missing field, $inc by 0) reports
 *   0. The port calls that applied, as SQLite does; so when 0 comes back for an update that could be
 *   a no-op, one count asks whether the document now meets the condition and already holds what the
 *   update sets. If so the update counts as applied at that moment (nothing to change); otherwise it
 *   did not match.
 */
import { StoreError, type Collection, type Doc, type Filter, type FindOptions, type Store, type Update } from '../core/ports';
import {
  applyNormalUpdate,
  checkOrderBy,
  getPath,
  normalizeFilter,
  normalizeUpdate,
  pageOf,
  type Clause,
  type NormalFilter,
  type NormalUpdate,
} from './filter-match';

type SdkError = { errCode?: number | string; errMsg?: string; message?: string; code?: string };

const text = (err: unknown): string => {
  const e = (err ?? {}) as SdkError;
  return `${e.code ?? ''} ${e.errCode ?? ''} ${e.errMsg ?? ''} ${e.message ?? ''} ${typeof err === 'string' ? err : ''}`;
};
const isDocMissing = (err: unknown) => /document with _id .* does not exist/.test(text(err));
const isCollectionMissing = (err: unknown) =>
  (err as SdkError)?.errCode === -502005 || /DATABASE_COLLECTION_NOT_EXIST|collection not exist/i.test(text(err));
const isDuplicate = (err: unknown) => /DATABASE_DUPLICATE_WRITE|E11000|duplicate key/i.test(text(err));
const isConflict = (err: unknown) => /TRANSACTION_CONFLICT|conflict/i.test(text(err));

function failed(err: unknown): StoreError {
  if (err instanceof StoreError) return err;
  const e = new StoreError('STORE_FAILED', text(err).trim() || 'CloudBase request failed');
  (e as { cause?: unknown }).cause = err;
  return e;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function cloudbaseStore(db: any): Store {
  const _ = db.command;

  /** Mongo-style query object (or logic command) for a normalized filter. */
  function toQuery(f: NormalFilter): any {
    const byPath = new Map<string, any[]>();
    for (const c of f.clauses) {
      const list = byPath.get(c.path) ?? [];
      list.push(c);
      byPath.set(c.path, list);
    }
    const query: Record<string, unknown> = {};
    for (const [path, clauses] of byPath) {
      // A lone non-null equality stays a plain value; anything else becomes commands ANDed per field.
      const only = clauses[0] as Clause;
      query[path] =
        clauses.length === 1 && only.op === 'eq' && only.value !== null
          ? only.value
          : clauses.map(toCommand).reduce((a, b) => a.and(b));
    }
    if (!f.or) return query;
    const or = _.or(f.or.map(toQuery));
    return Object.keys(query).length ? _.and([query, or]) : or;
  }

  function toCommand(c: Clause): any {
    switch (c.op) {
      case 'eq': return _.eq(c.value);
      case 'ne': return _.neq(c.value);
      case 'gt': return _.gt(c.value);
      case 'gte': return _.gte(c.value);
      case 'lt': return _.lt(c.value);
      case 'lte': return _.lte(c.value);
      case 'in': return _.in(c.value);
      case 'nin': return _.nin(c.value);
      case 'all': return _.all(c.value);
      case 'exists': return _.exists(c.value);
    }
  }

  function toUpdateData(u: NormalUpdate): Record<string, unknown> {
    const data: Record<string, unknown> = {};
    for (const [p, v] of u.set) data[p] = _.set(v);
    for (const [p, by] of u.inc) data[p] = _.inc(by);
    for (const [p, values] of u.push) data[p] = _.push({ each: values });
    for (const p of u.unset) data[p] = _.remove();
    return data;
  }

  /**
   * The condition under which an update that modified nothing was nevertheless applied: every $set
   * path already holds its value (`$eq` on the whole value), every $unset path is absent, every
   * $inc path exists. Null when the update always modifies a document it matches ($inc by a
   * non-zero amount, $push of values), so 0 can only mean it did not match.
   */
  function noOpCheck(u: NormalUpdate): Record<string, unknown> | null {
    if (u.inc.some(([, by]) => by !== 0) || u.push.some(([, values]) => values.length > 0)) return null;
    const check: Record<string, unknown> = {};
    for (const [p, v] of u.set) check[p] = v === null ? _.exists(true).and(_.eq(null)) : _.eq(v);
    for (const [p] of u.inc) check[p] = _.exists(true);
    for (const p of u.unset) check[p] = _.exists(false);
    return check;
  }

  async function createCollection(name: string): Promise<void> {
    try {
      await db.createCollection(name);
    } catch {
      // Most likely created meanwhile by another call; the retried operation reports real failures.
    }
  }

  function collection<T extends Doc = Doc>(name: string): Collection<T> {
    const coll = () => db.collection(name);

    /** Run a write; if the collection does not exist yet, create it and run the write once more. */
    async function write<R>(op: () => Promise<R>): Promise<R> {
      try {
        return await op();
      } catch (err) {
        if (!isCollectionMissing(err)) throw err;
      }
      await createCollection(name);
      return op();
    }

    /** Run a read; a missing collection reads as empty. */
    async function read<R>(op: () => Promise<R>, empty: R): Promise<R> {
      try {
        return await op();
      } catch (err) {
        if (isCollectionMissing(err)) return empty;
        throw failed(err);
      }
    }

    return {
      async get(id) {
        try {
          const res = await coll().doc(id).get();
          return (res.data ?? null) as T | null;
        } catch (err) {
          if (isDocMissing(err) || isCollectionMissing(err)) return null;
          throw failed(err);
        }
      },

      async add(doc) {
        const data = { ...(doc as Record<string, unknown>) };
        if (data._id === undefined) delete data._id;
        else if (typeof data._id !== 'string' || data._id === '') throw new StoreError('BAD_UPDATE', '_id must be a non-empty string');
        try {
          const res: { _id: string } = await write(() => coll().add({ data }));
          return String(res._id);
        } catch (err) {
          if (isDuplicate(err)) throw new StoreError('DUPLICATE_ID', `${name}: _id ${String(data._id)} already exists`);
          throw failed(err);
        }
      },

      async find(filter: Filter, options?: FindOptions) {
        const f = normalizeFilter(filter);
        const order = checkOrderBy(options?.orderBy);
        const { skip, limit } = pageOf(options);
        return read(async () => {
          let q = f.clauses.length || f.or ? coll().where(toQuery(f)) : coll();
          for (const [field, dir] of order) q = q.orderBy(field, dir);
          const res = await q.skip(skip).limit(limit).get();
          return res.data as T[];
        }, [] as T[]);
      },

      async count(filter: Filter) {
        const f = normalizeFilter(filter);
        return read(async () => {
          const q = f.clauses.length || f.or ? coll().where(toQuery(f)) : coll();
          return (await q.count()).total as number;
        }, 0);
      },

      async update(id: string, update: Update, where?: Filter) {
        const u = normalizeUpdate(update);
        const data = toUpdateData(u);
        const w = where ? normalizeFilter(where) : { clauses: [] };
        // _id and the condition in one query: CloudBase applies it atomically to the document.
        const query = toQuery({ clauses: [{ path: '_id', op: 'eq', value: id }, ...w.clauses], or: w.or });
        return read(async () => {
          const res = await coll().where(query).update({ data });
          if (res.stats.updated === 1) return true;
          const settled = noOpCheck(u);
          if (!settled) return false;
          return (await coll().where(_.and([query, settled])).count()).total === 1;
        }, false);
      },

      async increment(id: string, field: string, by = 1) {
        const u = normalizeUpdate({ $inc: { [field]: by } });
        const attempt = () =>
          db.runTransaction(async (t: any) => {
            const ref = t.collection(name).doc(id);
            let doc: Doc | null = null;
            try {
              doc = ((await ref.get()).data ?? null) as Doc | null;
            } catch (err) {
              if (!isDocMissing(err)) throw err;
            }
            // Same validation as SQLite (e.g. $inc on a string fails) before writing anything.
            const next = applyNormalUpdate(doc ?? ({ _id: id } as Doc), u);
            if (doc) {
              await ref.update({ data: { [field]: _.inc(by) } });
            } else {
              const { _id, ...fresh } = next;
              await ref.set({ data: fresh });
            }
            return getPath(next, field) as number;
          });
        for (let i = 0; ; i++) {
          try {
            return await write(attempt);
          } catch (err) {
            if (err instanceof StoreError) throw err;
            if (i >= 7 || !isConflict(err)) throw failed(err);
            await sleep(Math.random() * 50 * (i + 1)); // jitter spreads out the competing transactions
          }
        }
      },

      async remove(id: string) {
        return read(async () => {
          const res = await coll().doc(id).remove();
          return res.stats.removed === 1;
        }, false);
      },
    };
  }

  return { collection };
}
