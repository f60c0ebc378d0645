/**
 * Store on an embedded SQLite file (better-sqlite3, synchronous).
 *
 * One table per collection: (id TEXT PRIMARY KEY, doc TEXT NOT NULL), the whole JSON document
 * (including _id) in `doc`. Filters compile to SQL over json_extract(doc, '$.path'); indexes
 * are expression indexes on exactly the same text, so SQLite can use them.
 */
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import {
  StoreError,
  type Collection,
  type Doc,
  type Filter,
  type FindOptions,
  type Store,
  type Update,
} from '../core/ports';
import {
  applyNormalUpdate,
  checkField,
  checkOrderBy,
  getPath,
  matchNormal,
  normalizeFilter,
  normalizeUpdate,
  pageOf,
  type NormalFilter,
  type Scalar,
} from './filter-match';

export type SqliteStore = Store & {
  close(): void;
  db: Database.Database;
  /**
   * Resolves once everything written so far is committed (at once when nothing is pending). With
   * group commit, a host answers nobody before this: an answer is a promise that its work is stored.
   */
  sync(): Promise<void>;
};

export type SqliteOptions = {
  file: string;
  indexes?: Record<string, string[]>;
  /**
   * FULL (default): a committed write survives a power cut (WAL synced at every commit). NORMAL
   * survives a crash of the process but may lose the last commits on a power cut: for throwaway
   * test databases.
   */
  synchronous?: 'FULL' | 'NORMAL';
  /**
   * Group commit: writes go into one open transaction that commits (one fsync) once the event
   * loop has run every unit of work that was ready, so concurrent actions share a commit. A write's
   * promise resolves at once; a host must `sync()` before answering (server/app.ts does for every
   * response). Off: every write commits on its own before its promise resolves.
   */
  groupCommit?: boolean;
  /**
   * Array fields that filters look into (`$all`), per collection: each gets a side table of
   * (value, id) kept with every write, so "officers of this grid" is an index lookup instead of a
   * scan of every user. CloudBase indexes arrays itself (multikey).
   */
  arrays?: Record<string, string[]>;
  /**
   * Cooperative slices: once one turn of the event loop has spent this many ms in store calls and
   * the code between them, the next (sliceable) call resolves on the following turn, so a long timer
   * run never holds requests up for longer than that. 0 or absent: never.
   */
  sliceMs?: number;
  /**
   * Which calls may be cut into slices (default: all). The local server slices only background work
   * (timers, follow-ups): a request's unit of work runs in one turn, so its writes land in one batch
   * and no other request runs in the middle of it.
   */
  sliceable?: () => boolean;
};

/** The one place that spells a field's SQL expression: indexes and queries must agree. */
export function jsonExpr(path: string): string {
  // _id is mirrored in the primary-key column; using it gets the PK index for free.
  return path === '_id' ? 'id' : `json_extract(doc, '$.${path}')`;
}

function typeExpr(path: string): string {
  return path === '_id' ? `'text'` : `json_type(doc, '$.${path}')`;
}

function tableName(collection: string): string {
  if (!/^[A-Za-z0-9_]{1,100}$/.test(collection) || /^sqlite_/i.test(collection)) {
    throw new StoreError('STORE_FAILED', `invalid collection name: ${JSON.stringify(collection)}`);
  }
  return collection;
}

// --- Filter compiler --------------------------------------------------------------------------

type Sql = { sql: string; params: unknown[] };

/** Value matches one of `values`, with Mongo type families (json_extract turns true into 1). */
function inSql(expr: string, type: string, values: Scalar[], params: unknown[]): string {
  const nums = values.filter((v): v is number => typeof v === 'number');
  const strs = values.filter((v): v is string => typeof v === 'string');
  const bools = [...new Set(values.filter((v): v is boolean => typeof v === 'boolean'))];
  const parts: string[] = [];
  const group = (vals: unknown[], types: string[]) => {
    params.push(...vals);
    parts.push(`(${expr} IN (${vals.map(() => '?').join(', ')}) AND ${type} IN (${types.map((t) => `'${t}'`).join(', ')}))`);
  };
  if (nums.length) group(nums, ['integer', 'real']);
  if (strs.length) group(strs, ['text']);
  if (bools.length) group(bools.map((b) => (b ? 1 : 0)), bools.map(String));
  if (values.includes(null)) parts.push(`${expr} IS NULL`);
  if (parts.length === 0) return '0';
  return parts.length === 1 ? parts[0] : `(${parts.join(' OR ')})`;
}

const CMP = { gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

/** the side table of an array field, if it has one: `$all` reads it instead of scanning every document */
export const sideTable = (collection: string, path: string) => `mk_${collection}_${path.replace(/\./g, '__')}`;

export function compileFilter(f: NormalFilter, multikey: (path: string) => string | null = () => null): Sql {
  const params: unknown[] = [];
  const walk = (nf: NormalFilter): string => {
    const parts = nf.clauses.map((c) => {
      const e = jsonExpr(c.path);
      const t = typeExpr(c.path);
      switch (c.op) {
        case 'eq':
          return inSql(e, t, [c.value], params);
        case 'in':
          return inSql(e, t, c.value, params);
        case 'ne':
        case 'nin': {
          const values: Scalar[] = c.op === 'ne' ? [c.value] : (c.value as Scalar[]);
          const nonNull = values.filter((v) => v !== null);
          // Missing/null counts as "not equal" unless null itself is excluded.
          if (values.includes(null)) {
            return nonNull.length ? `(${e} IS NOT NULL AND NOT ${inSql(e, t, nonNull, params)})` : `${e} IS NOT NULL`;
          }
          return `(${e} IS NULL OR NOT ${inSql(e, t, nonNull, params)})`;
        }
        case 'gt':
        case 'gte':
        case 'lt':
        case 'lte':
          params.push(c.value);
          return `(${e} ${CMP[c.op]} ? AND ${t} IN (${typeof c.value === 'number' ? `'integer', 'real'` : `'text'`}))`;
        case 'exists':
          return `${t} IS ${c.value ? 'NOT ' : ''}NULL`;
        case 'all': {
          if (c.value.length === 0) return '0';
          const jsonPath = `'$.${c.path}'`;
          const side = multikey(c.path);
          const each = c.value.map((v) => side
            ? `id IN (SELECT id FROM "${side}" WHERE ${inSql('value', 'type', [v], params)})`
            : `EXISTS (SELECT 1 FROM json_each(doc, ${jsonPath}) WHERE ${inSql('value', 'type', [v], params)})`);
          // A scalar counts as a one-element array (json_each yields it once); objects never match.
          return `(json_type(doc, ${jsonPath}) <> 'object' AND ${each.join(' AND ')})`;
        }
      }
    });
    if (nf.or) parts.push(`(${nf.or.map((sub) => walk(sub)).join(' OR ')})`);
    return parts.length ? parts.join(' AND ') : '1';
  };
  return { sql: walk(f), params };
}

function orderSql(orderBy: FindOptions['orderBy']): string {
  const order = checkOrderBy(orderBy);
  const terms = order.map(([field, dir]) => `${jsonExpr(field)} ${dir.toUpperCase()}`);
  // ties come in the order the documents were added (newest first when the order is descending), as an
  // index scan gives them, whichever index the planner picks (a side table lists ids in id order); an
  // order ending on _id has no ties
  const last = order[order.length - 1];
  if (last && last[0] !== '_id') terms.push(`rowid ${last[1] === 'desc' ? 'DESC' : 'ASC'}`);
  return terms.length ? ` ORDER BY ${terms.join(', ')}` : '';
}

// --- Store ---------------------------------------------------------------------------------------

/** 24 hex chars, the length of a Mongo ObjectId. */
export const newDocId = (): string => randomBytes(12).toString('hex');

function checkId(id: unknown): string {
  if (typeof id !== 'string' || id.length === 0) throw new StoreError('BAD_UPDATE', '_id must be a non-empty string');
  return id;
}

/** Surface driver failures (busy, disk full, ...) as the port's error type. */
function asStoreError(err: unknown): StoreError {
  if (err instanceof StoreError) return err;
  const e = new StoreError('STORE_FAILED', err instanceof Error ? err.message : String(err));
  (e as { cause?: unknown }).cause = err;
  return e;
}

export function openSqliteStore(opts: SqliteOptions): SqliteStore {
  const db = new Database(opts.file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${opts.synchronous === 'NORMAL' ? 'NORMAL' : 'FULL'}`);
  db.pragma('busy_timeout = 5000');

  // --- group commit: one open transaction, committed once per turn of the event loop ---
  let batchOpen = false;
  let waiters: Array<{ ok: () => void; bad: (e: unknown) => void }> = [];
  const commit = () => {
    if (!batchOpen) return;
    batchOpen = false;
    const list = waiters;
    waiters = [];
    try {
      // a statement error SQLite answered with a rollback (disk full, I/O) leaves no transaction to commit
      if (!db.inTransaction) throw new Error('the batch was rolled back');
      db.exec('COMMIT');
    } catch (err) {
      if (db.inTransaction) { try { db.exec('ROLLBACK'); } catch { /* closed or already gone */ } }
      const e = asStoreError(err);
      list.forEach((w) => w.bad(e));
      return;
    }
    list.forEach((w) => w.ok());
  };
  /** before any write: join the open batch, or open one that commits after this turn */
  const joinBatch = () => {
    if (!opts.groupCommit || batchOpen || !db.open) return;
    db.exec('BEGIN IMMEDIATE');
    batchOpen = true;
    setImmediate(commit);
  };
  const sync = (): Promise<void> => (batchOpen ? new Promise<void>((ok, bad) => waiters.push({ ok, bad })) : Promise.resolve());

  // --- cooperative slices ---
  let sliceStart = -1;
  const resolved = <T>(value: T): Promise<T> => {
    if (!opts.sliceMs || (opts.sliceable && !opts.sliceable())) return Promise.resolve(value);
    const t = performance.now();
    if (sliceStart < 0) {
      sliceStart = t;
      setImmediate(() => { sliceStart = -1; });
    }
    if (t - sliceStart < opts.sliceMs) return Promise.resolve(value);
    return new Promise<T>((ok) => setImmediate(() => ok(value)));
  };
  const guard = <T>(fn: () => T): Promise<T> => {
    try {
      return resolved(fn());
    } catch (err) {
      return Promise.reject(asStoreError(err));
    }
  };
  const write = <T>(fn: () => T): Promise<T> => guard(() => { joinBatch(); return fn(); });

  const stmts = new Map<string, Database.Statement>();
  const prepare = (sql: string): Database.Statement => {
    let s = stmts.get(sql);
    if (!s) {
      if (stmts.size > 500) stmts.clear(); // dynamic filters: keep the cache bounded
      s = db.prepare(sql);
      stmts.set(sql, s);
    }
    return s;
  };

  const ready = new Set<string>();
  const ensureTable = (name: string): string => {
    const t = tableName(name);
    if (ready.has(t)) return t;
    db.exec(`CREATE TABLE IF NOT EXISTS "${t}" (id TEXT PRIMARY KEY, doc TEXT NOT NULL)`);
    for (const path of opts.arrays?.[name] ?? []) {
      const side = sideTable(t, checkField(path, 'BAD_FILTER'));
      const fresh = !db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(side);
      db.exec(`CREATE TABLE IF NOT EXISTS "${side}" (value, type TEXT, id TEXT NOT NULL)`);
      db.exec(`CREATE INDEX IF NOT EXISTS "ix_${side}" ON "${side}" (value, type, id)`);
      db.exec(`CREATE INDEX IF NOT EXISTS "ix_${side}_id" ON "${side}" (id)`);
      // a side table added to a store that has documents already: filled from them once
      if (fresh) db.exec(`INSERT INTO "${side}" (value, type, id) SELECT j.value, j.type, d.id FROM "${t}" d, json_each(d.doc, '$.${path}') j`);
    }
    for (const entry of opts.indexes?.[name] ?? []) {
      const fields = entry.split(',').map((f) => checkField(f.trim(), 'BAD_FILTER'));
      db.exec(`CREATE INDEX IF NOT EXISTS "ix_${t}_${fields.join(',')}" ON "${t}" (${fields.map(jsonExpr).join(', ')})`);
    }
    ready.add(t);
    return t;
  };
  // Indexed collections exist from the start, so their indexes are in place before any query.
  try {
    for (const name of Object.keys(opts.indexes ?? {})) ensureTable(name);
  } catch (err) {
    db.close();
    throw err;
  }

  function collection<T extends Doc = Doc>(name: string): Collection<T> {
    const t = ensureTable(name);
    const readDoc = (id: string): T | null => {
      const row = prepare(`SELECT doc FROM "${t}" WHERE id = ?`).get(id) as { doc: string } | undefined;
      return row ? (JSON.parse(row.doc) as T) : null;
    };
    const sides = (opts.arrays?.[name] ?? []).map((path) => ({ path, table: sideTable(t, path) }));
    const multikey = (path: string) => sides.find((x) => x.path === path)?.table ?? null;
    /** the side tables follow the document: its array's values (a scalar counts as a one-element array; nothing when missing) */
    const index = (id: string, json: string | null) => {
      for (const x of sides) {
        prepare(`DELETE FROM "${x.table}" WHERE id = ?`).run(id);
        if (json !== null) prepare(`INSERT INTO "${x.table}" (value, type, id) SELECT value, type, ? FROM json_each(?, '$.${x.path}')`).run(id, json);
      }
    };
    const writeDoc = (doc: Doc) => {
      const json = JSON.stringify(doc);
      prepare(`UPDATE "${t}" SET doc = ? WHERE id = ?`).run(json, doc._id);
      if (sides.length) index(doc._id, json);
    };
    const insertDoc = (doc: Doc) => {
      const json = JSON.stringify(doc);
      prepare(`INSERT INTO "${t}" (id, doc) VALUES (?, ?)`).run(doc._id, json);
      if (sides.length) index(doc._id, json);
    };
    const removeDoc = (id: string) => {
      const gone = prepare(`DELETE FROM "${t}" WHERE id = ?`).run(id).changes > 0;
      if (sides.length) index(id, null);
      return gone;
    };
    /** a document and its side tables change together (a savepoint inside an open batch) */
    const atomic = <R>(fn: () => R): R => (sides.length ? db.transaction(fn)() : fn());

    return {
      get: (id) => guard(() => readDoc(id)),

      add: (doc) =>
        write(() => {
          const { _id, ...rest } = doc as Record<string, unknown>;
          const id = _id === undefined ? newDocId() : checkId(_id);
          try {
            atomic(() => insertDoc({ _id: id, ...rest }));
          } catch (err) {
            if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
              throw new StoreError('DUPLICATE_ID', `${name}: _id ${id} already exists`);
            }
            throw err;
          }
          return id;
        }),

      find: (filter: Filter, options?: FindOptions) =>
        guard(() => {
          const { sql, params } = compileFilter(normalizeFilter(filter), multikey);
          const order = orderSql(options?.orderBy);
          const { skip, limit } = pageOf(options);
          const rows = prepare(`SELECT doc FROM "${t}" WHERE ${sql}${order} LIMIT ? OFFSET ?`).all(...params, limit, skip);
          return (rows as Array<{ doc: string }>).map((r) => JSON.parse(r.doc) as T);
        }),

      count: (filter: Filter) =>
        guard(() => {
          const { sql, params } = compileFilter(normalizeFilter(filter), multikey);
          return (prepare(`SELECT COUNT(*) AS n FROM "${t}" WHERE ${sql}`).get(...params) as { n: number }).n;
        }),

      update: (id: string, update: Update, where?: Filter) =>
        write(() => {
          // Validate first so a bad request fails the same way whether or not the doc exists.
          const u = normalizeUpdate(update);
          const w = where ? normalizeFilter(where) : undefined;
          // IMMEDIATE takes the write lock before reading: no other connection can slip in between.
          return db
            .transaction((): boolean => {
              const doc = readDoc(id);
              if (!doc || (w && !matchNormal(doc, w))) return false;
              writeDoc(applyNormalUpdate(doc, u));
              return true;
            })
            .immediate();
        }),

      increment: (id: string, field: string, by = 1) =>
        write(() => {
          const u = normalizeUpdate({ $inc: { [field]: by } });
          return db
            .transaction((): number => {
              const doc = readDoc(id);
              const next = applyNormalUpdate((doc ?? { _id: id }) as Doc, u);
              if (doc) writeDoc(next);
              else insertDoc(next);
              return getPath(next, field) as number;
            })
            .immediate();
        }),

      remove: (id: string) => write(() => atomic(() => removeDoc(id))),
    };
  }

  return {
    db,
    collection,
    sync,
    close: () => {
      // what is in the open batch was never acknowledged (nobody answered before sync), but it is kept
      commit();
      db.close();
    },
  };
}
