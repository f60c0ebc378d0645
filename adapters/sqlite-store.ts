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

export type SqliteStore = Store & { close(): void; db: Database.Database };

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

export function compileFilter(f: NormalFilter): Sql {
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
          const each = c.value.map(
            (v) => `EXISTS (SELECT 1 FROM json_each(doc, ${jsonPath}) WHERE ${inSql('value', 'type', [v], params)})`,
          );
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
  const terms = checkOrderBy(orderBy).map(([field, dir]) => `${jsonExpr(field)} ${dir.toUpperCase()}`);
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
function guard<T>(fn: () => T): Promise<T> {
  try {
    return Promise.resolve(fn());
  } catch (err) {
    if (err instanceof StoreError) return Promise.reject(err);
    const e = new StoreError('STORE_FAILED', err instanceof Error ? err.message : String(err));
    (e as { cause?: unknown }).cause = err;
    return Promise.reject(e);
  }
}

export function openSqliteStore(opts: { file: string; indexes?: Record<string, string[]> }): SqliteStore {
  const db = new Database(opts.file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');

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
    const writeDoc = (doc: Doc) => prepare(`UPDATE "${t}" SET doc = ? WHERE id = ?`).run(JSON.stringify(doc), doc._id);
    const insertDoc = (doc: Doc) => prepare(`INSERT INTO "${t}" (id, doc) VALUES (?, ?)`).run(doc._id, JSON.stringify(doc));

    return {
      get: (id) => guard(() => readDoc(id)),

      add: (doc) =>
        guard(() => {
          const { _id, ...rest } = doc as Record<string, unknown>;
          const id = _id === undefined ? newDocId() : checkId(_id);
          try {
            insertDoc({ _id: id, ...rest });
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
          const { sql, params } = compileFilter(normalizeFilter(filter));
          const order = orderSql(options?.orderBy);
          const { skip, limit } = pageOf(options);
          const rows = prepare(`SELECT doc FROM "${t}" WHERE ${sql}${order} LIMIT ? OFFSET ?`).all(...params, limit, skip);
          return (rows as Array<{ doc: string }>).map((r) => JSON.parse(r.doc) as T);
        }),

      count: (filter: Filter) =>
        guard(() => {
          const { sql, params } = compileFilter(normalizeFilter(filter));
          return (prepare(`SELECT COUNT(*) AS n FROM "${t}" WHERE ${sql}`).get(...params) as { n: number }).n;
        }),

      update: (id: string, update: Update, where?: Filter) =>
        guard(() => {
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
        guard(() => {
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

      remove: (id: string) => guard(() => prepare(`DELETE FROM "${t}" WHERE id = ?`).run(id).changes > 0),
    };
  }

  return {
    db,
    collection,
    close: () => db.close(),
  };
}
