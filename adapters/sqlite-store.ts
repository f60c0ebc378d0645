/**
 * Store on an embedded SQLite file (better-sqlite3, synchronous).
 *
 * One table per collection: (id TEXT PRIMARY KEY, doc TEXT NOT NULL), the whole JSON document
 * (including _id) in `doc`, plus one column per indexed field holding exactly what
 * json_extract(doc, '$.path') would give, written with the document by every write. Indexes are on
 * those columns, and filters and orders on an indexed field use its column (json_extract on any other
 * field), so SQLite uses the indexes without parsing the document: an insert no longer parses it once
 * per indexed field, and an update touches only the indexes whose fields changed. A database from
 * before the columns (expression indexes on json_extract) is converted when it is opened.
 */
import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { closeSync, fdatasync, fdatasyncSync, fsyncSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
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
  /** many documents at once, in one transaction (benches and imports that fill a store quickly) */
  bulkAdd(collection: string, docs: Doc[]): void;
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
   * With group commit: a batch that only background work wrote (`sliceable()` true for each write:
   * follow-ups, timer ticks) waits up to this many ms for more before it commits, so background work
   * cut into many slices shares one fsync instead of paying one per slice. Nobody waits on such a
   * batch: its work is redone from the marks on the documents if it is lost. The moment someone
   * `sync()`s (an answer, or a sender about to reach outside), it commits at the end of that turn.
   * 0 or absent: every batch commits at the end of its turn.
   */
  backgroundCommitMs?: number;
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
  /**
   * Checkpoints (copying the write-ahead log into the database file, and its fsync) on a worker
   * thread with its own connection, instead of inside whichever commit crosses SQLite's 1,000-page
   * threshold: that commit would hold the event loop for tens of ms. WAL mode lets the checkpoint
   * run beside the writes (PASSIVE: it copies what no reader still needs). Commits stay durable in
   * the log either way. Off: SQLite's automatic checkpoints.
   */
  checkpointWorker?: boolean;
  /**
   * With the checkpoint worker: the log's size at which this connection finishes the worker's
   * checkpoint itself, between two batches (default 64 MiB). Under a steady stream of commits the
   * worker's PASSIVE checkpoints never catch up with the last commit, so SQLite never starts the log
   * over and it grows for as long as the stream lasts (300 MB in a 10 s bench run). Copying the few
   * frames committed since the worker's pass lets the next write start the log from its beginning;
   * the file is then cut back to this size. That copy and its fsync run on the event loop, a few ms
   * once per limit's worth of log.
   */
  logLimitBytes?: number;
  /**
   * With group commit and synchronous FULL: the log's fsync after each commit runs on libuv's thread
   * pool instead of inside COMMIT on the event loop, and `sync()` resolves only once an fsync that
   * began after the commit has finished. SQLite itself then commits with synchronous=NORMAL (no
   * fsync), which in WAL mode is exactly FULL minus the per-commit fsync of the log: this adds that
   * fsync back, off the thread. An answer still never leaves before its work is on disk; the event
   * loop meanwhile runs the next batch, so the disk's wait and the server's work overlap. A failed
   * fsync fails every waiter and every later `sync()` (the store must be reopened: what the page
   * cache held is no longer known to be on disk). Files only (not ':memory:').
   */
  syncOffThread?: boolean;
};

/** The one place that spells a field's SQL expression when it has no column. */
export function jsonExpr(path: string): string {
  // _id is mirrored in the primary-key column; using it gets the PK index for free.
  return path === '_id' ? 'id' : `json_extract(doc, '$.${path}')`;
}

/** the column that holds an indexed field (dots as __) */
export const fieldColumn = (path: string) => `"f_${path.replace(/\./g, '__')}"`;

/**
 * a value as json_extract gives it from the stored JSON: booleans as 1/0, objects and arrays as their
 * JSON text in a BLOB (so that only strings are TEXT: a string test reads no document), numbers as the number (past 2^53 json_extract would read an exact 64-bit integer that the
 * double only approximates; the column keeps the double, which is what a query's number equals)
 */
function columnValue(v: unknown): unknown {
  if (v === undefined || v === null) return null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string') return v;
  if (v instanceof Date) return v.toJSON();
  if (typeof v === 'bigint') return v;
  // objects and arrays: their JSON as a BLOB, so that TEXT in a column always means a string
  return Buffer.from(JSON.stringify(v));
}

/** two column values alike (objects and arrays are Buffers: alike when their bytes are) */
const sameValue = (a: unknown, b: unknown) => a === b || (Buffer.isBuffer(a) && Buffer.isBuffer(b) && a.equals(b));

/** the SQL that fills a column from the stored documents: what extractField gives */
const columnFill = (path: string) =>
  `CASE WHEN json_type(doc, '$.${path}') IN ('array', 'object') THEN CAST(json_extract(doc, '$.${path}') AS BLOB) ELSE json_extract(doc, '$.${path}') END`;

/** json_extract(doc, '$.a.b') of the document as it will be stored: a path through anything but an object is null */
export function extractField(doc: unknown, path: string): unknown {
  let v: unknown = doc;
  for (const k of path.split('.')) {
    if (v === null || typeof v !== 'object' || Array.isArray(v) || v instanceof Date) return null;
    v = (v as Record<string, unknown>)[k];
  }
  return columnValue(v);
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
/** a SQL test that the field's JSON type is one of `types` */
type TypeIn = (types: string[]) => string;
const typeInOf = (type: string): TypeIn => (types) => `${type} IN (${types.map((t) => `'${t}'`).join(', ')})`;

/** Value matches one of `values`, with Mongo type families (json_extract turns true into 1). */
function inSql(expr: string, typeIn: TypeIn, values: Scalar[], params: unknown[]): string {
  const nums = values.filter((v): v is number => typeof v === 'number');
  const strs = values.filter((v): v is string => typeof v === 'string');
  const bools = [...new Set(values.filter((v): v is boolean => typeof v === 'boolean'))];
  const parts: string[] = [];
  const group = (vals: unknown[], types: string[]) => {
    params.push(...vals);
    parts.push(`(${expr} IN (${vals.map(() => '?').join(', ')}) AND ${typeIn(types)})`);
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

export function compileFilter(f: NormalFilter, multikey: (path: string) => string | null = () => null, expr: (path: string) => string = jsonExpr): Sql {
  const params: unknown[] = [];
  const walk = (nf: NormalFilter): string => {
    // the side-table tests of this conjunction, as one subquery (see below)
    const members: string[] = [];
    const memberParams: unknown[] = [];
    const parts = nf.clauses.map((c) => {
      const e = expr(c.path);
      const t = typeExpr(c.path);
      const fromDoc = typeInOf(t);
      // a column holds strings as TEXT and nothing else as TEXT (objects and arrays are BLOBs): a string
      // test needs no look into the document, so an index on the column answers it alone
      const typeIn: TypeIn = e !== jsonExpr(c.path) && c.path !== '_id'
        ? (types) => (types.length === 1 && types[0] === 'text' ? `typeof(${e}) = 'text'` : fromDoc(types))
        : fromDoc;
      switch (c.op) {
        case 'eq':
          return inSql(e, typeIn, [c.value], params);
        case 'in':
          return inSql(e, typeIn, c.value, params);
        case 'ne':
        case 'nin': {
          const values: Scalar[] = c.op === 'ne' ? [c.value] : (c.value as Scalar[]);
          const nonNull = values.filter((v) => v !== null);
          // Missing/null counts as "not equal" unless null itself is excluded.
          if (values.includes(null)) {
            return nonNull.length ? `(${e} IS NOT NULL AND NOT ${inSql(e, typeIn, nonNull, params)})` : `${e} IS NOT NULL`;
          }
          return `(${e} IS NULL OR NOT ${inSql(e, typeIn, nonNull, params)})`;
        }
        case 'gt':
        case 'gte':
        case 'lt':
        case 'lte':
          params.push(c.value);
          return `(${e} ${CMP[c.op]} ? AND ${typeIn(typeof c.value === 'number' ? ['integer', 'real'] : ['text'])})`;
        case 'exists':
          return `${t} IS ${c.value ? 'NOT ' : ''}NULL`;
        case 'all': {
          if (c.value.length === 0) return '0';
          const jsonPath = `'$.${c.path}'`;
          const side = multikey(c.path);
          // A scalar counts as a one-element array (json_each yields it once); objects never match.
          if (side) {
            // their parameters go in after this conjunction's others, where their SQL goes
            members.push(...c.value.map((v) => `SELECT id FROM "${side}" WHERE ${inSql('value', typeInOf('type'), [v], memberParams)}`));
            return `json_type(doc, ${jsonPath}) <> 'object'`;
          }
          const each = c.value.map((v) => `EXISTS (SELECT 1 FROM json_each(doc, ${jsonPath}) WHERE ${inSql('value', typeInOf('type'), [v], params)})`);
          return `(json_type(doc, ${jsonPath}) <> 'object' AND ${each.join(' AND ')})`;
        }
      }
    });
    // Every side-table test of one conjunction is one `id IN (… INTERSECT …)`: the planner reads the
    // ids from the side tables' indexes and merges them. Written as one `id IN (SELECT …)` each, all
    // but the one that leads the loop are checked through an ephemeral table and a Bloom filter that
    // SQLite builds on every run: about 170 µs each, against 5 µs for the merge (a grid's active
    // officers, roles and gridIds, are read on every submit).
    if (members.length) {
      parts.push(`id IN (${members.join(' INTERSECT ')})`);
      params.push(...memberParams);
    }
    if (nf.or) parts.push(`(${nf.or.map((sub) => walk(sub)).join(' OR ')})`);
    return parts.length ? parts.join(' AND ') : '1';
  };
  return { sql: walk(f), params };
}

function orderSql(orderBy: FindOptions['orderBy'], expr: (path: string) => string = jsonExpr): string {
  const order = checkOrderBy(orderBy);
  const terms = order.map(([field, dir]) => `${expr(field)} ${dir.toUpperCase()}`);
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
  const offThread = !!opts.syncOffThread && !!opts.groupCommit && opts.synchronous !== 'NORMAL' && opts.file !== ':memory:' && !opts.file.startsWith('file:');
  db.pragma(`synchronous = ${opts.synchronous === 'NORMAL' || offThread ? 'NORMAL' : 'FULL'}`);
  db.pragma('busy_timeout = 5000');
  const logLimit = opts.logLimitBytes ?? 64 * 1024 * 1024;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  /** the worker found the log past its limit: this connection checkpoints once no batch is open */
  let catchUp = false;
  const finishCheckpoint = () => {
    catchUp = false;
    // PASSIVE: never waits (a worker pass under way makes it a no-op; the worker reports again)
    try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* busy or closed: the next report */ }
  };
  const checkpointer = opts.checkpointWorker && opts.file !== ':memory:'
    ? startCheckpointer(db, opts.file, (logFrames) => {
      if (logFrames * pageSize < logLimit || !db.open) return;
      if (batchOpen) catchUp = true;
      else finishCheckpoint();
    })
    : null;
  if (checkpointer) db.pragma(`journal_size_limit = ${logLimit}`);

  // --- group commit: one open transaction, committed once per turn of the event loop ---
  let batchOpen = false;
  /** the batch waits for a timer (background writes only) rather than the end of the turn */
  let deferred: ReturnType<typeof setTimeout> | null = null;
  let waiters: Array<{ ok: () => void; bad: (e: unknown) => void }> = [];

  // --- the log's fsync off the event loop (SqliteOptions.syncOffThread) ---
  /** commits made so far, and how many of them an fsync has covered */
  let committed = 0;
  let durable = 0;
  let flushing = false;
  let walFd = -1;
  /** a failed fsync: nothing written since is known to be on disk */
  let broken: StoreError | null = null;
  let durableWaiters: Array<{ seq: number; ok: () => void; bad: (e: unknown) => void }> = [];
  const openWal = () => {
    if (walFd >= 0) return walFd;
    walFd = openSync(`${opts.file}-wal`, 'r');
    // the log's directory entry, once: a log the directory forgot would take its commits with it
    const dir = openSync(dirname(opts.file), 'r');
    try { fsyncSync(dir); } finally { closeSync(dir); }
    return walFd;
  };
  const fail = (err: unknown) => {
    broken = asStoreError(err);
    const list = durableWaiters;
    durableWaiters = [];
    list.forEach((w) => w.bad(broken));
  };
  const flush = () => {
    if (flushing || broken || durable >= committed) return;
    const target = committed;
    let fd: number;
    try { fd = openWal(); } catch (err) { fail(err); return; }
    flushing = true;
    fdatasync(fd, (err) => {
      flushing = false;
      if (err) { fail(err); return; }
      durable = target;
      const ready = durableWaiters.filter((w) => w.seq <= target);
      durableWaiters = durableWaiters.filter((w) => w.seq > target);
      ready.forEach((w) => w.ok());
      flush();
    });
  };
  /** once what the commit numbered `seq` wrote is on disk */
  const whenDurable = (seq: number, ok: () => void, bad: (e: unknown) => void) => {
    if (broken) bad(broken);
    else if (!offThread || seq <= durable) ok();
    else durableWaiters.push({ seq, ok, bad });
  };

  const commit = () => {
    if (deferred) { clearTimeout(deferred); deferred = null; }
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
    const seq = ++committed;
    list.forEach((w) => whenDurable(seq, w.ok, w.bad));
    if (offThread) flush();
    if (catchUp) finishCheckpoint();
  };
  /** before any write: join the open batch, or open one that commits after this turn */
  const background = () => !!opts.backgroundCommitMs && !!opts.sliceable?.();
  /** the batch commits at the end of this turn (it was waiting for a timer) */
  const hurry = () => {
    if (!deferred) return;
    clearTimeout(deferred);
    deferred = null;
    setImmediate(commit);
  };
  const joinBatch = () => {
    if (!opts.groupCommit || !db.open) return;
    if (batchOpen) {
      // a request's write joins a batch background work opened: it commits with this turn
      if (deferred && !background()) hurry();
      return;
    }
    db.exec('BEGIN IMMEDIATE');
    batchOpen = true;
    if (background()) deferred = setTimeout(commit, opts.backgroundCommitMs);
    else setImmediate(commit);
  };
  const sync = (): Promise<void> => {
    if (!batchOpen) {
      if (broken) return Promise.reject(broken);
      if (committed <= durable || !offThread) return Promise.resolve();
      // nothing open, but the last commits' fsync is still running: what a reader saw must be on disk first
      const seq = committed;
      return new Promise<void>((ok, bad) => whenDurable(seq, ok, bad));
    }
    hurry();
    return new Promise<void>((ok, bad) => waiters.push({ ok, bad }));
  };

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

  /** runs its argument in a transaction (a savepoint when one is open): made once, not per call */
  const inTransaction = db.transaction((fn: () => unknown) => fn());

  const ready = new Set<string>();
  /** per table, the indexed fields that have columns */
  const columns = new Map<string, string[]>();
  /** per table, its plain insert (document, columns, side tables), for bulkAdd */
  const inserters = new Map<string, (doc: Doc) => void>();
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
    // indexed fields live in columns (see the header): add what is missing, fill it, index it
    const entries = (opts.indexes?.[name] ?? []).map((entry) => entry.split(',').map((f) => checkField(f.trim(), 'BAD_FILTER')));
    const fields = [...new Set(entries.flat().filter((f) => f !== '_id'))];
    columns.set(t, fields);
    db.transaction(() => {
      const have = new Set((db.prepare(`PRAGMA table_info("${t}")`).all() as Array<{ name: string }>).map((r) => `"${r.name}"`));
      const existing = new Map((db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ?`).all(t) as Array<{ name: string; sql: string | null }>).map((r) => [r.name, r.sql ?? '']));
      // a column is filled from the documents when it is new, or when an index on it is created now
      // (an index dropped from the configuration and added again finds its columns stale)
      const fill = new Set<string>();
      for (const f of fields) {
        if (have.has(fieldColumn(f))) continue;
        db.exec(`ALTER TABLE "${t}" ADD COLUMN ${fieldColumn(f)}`);
        fill.add(f);
      }
      const create: Array<[string, string[]]> = [];
      const wanted = new Set(entries.map((fs) => `ix_${t}_${fs.join(',')}`));
      for (const fs of entries) {
        const ix = `ix_${t}_${fs.join(',')}`;
        const sql = existing.get(ix);
        if (sql !== undefined && !sql.includes('json_extract')) continue;
        // an expression index from before the columns: replaced under the same name
        if (sql !== undefined) db.exec(`DROP INDEX "${ix}"`);
        fs.filter((f) => f !== '_id').forEach((f) => fill.add(f));
        create.push([ix, fs]);
      }
      // indexes no entry asks for any more (an expression index from before the columns, an entry
      // taken out of the configuration) would only slow every write
      for (const [ix] of existing) if (ix.startsWith(`ix_${t}_`) && !wanted.has(ix)) db.exec(`DROP INDEX "${ix}"`);
      if (fill.size) db.exec(`UPDATE "${t}" SET ${[...fill].map((f) => `${fieldColumn(f)} = ${columnFill(f)}`).join(', ')}`);
      for (const [ix, fs] of create) db.exec(`CREATE INDEX "${ix}" ON "${t}" (${fs.map((f) => (f === '_id' ? 'id' : fieldColumn(f))).join(', ')})`);
    })();
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

  /** one handle per collection, made on first use: repositories ask for theirs in every action */
  const handles = new Map<string, Collection<Doc>>();
  function collection<T extends Doc = Doc>(name: string): Collection<T> {
    let h = handles.get(name);
    if (!h) {
      h = makeCollection<Doc>(name);
      handles.set(name, h);
    }
    return h as unknown as Collection<T>;
  }

  function makeCollection<T extends Doc = Doc>(name: string): Collection<T> {
    const t = ensureTable(name);
    const readDoc = (id: string): T | null => {
      const row = prepare(`SELECT doc FROM "${t}" WHERE id = ?`).get(id) as { doc: string } | undefined;
      return row ? (JSON.parse(row.doc) as T) : null;
    };
    const cols = columns.get(t) ?? [];
    const colSet = new Set(cols);
    const expr = (path: string) => (colSet.has(path) ? fieldColumn(path) : jsonExpr(path));
    const values = (doc: Doc) => cols.map((f) => extractField(doc, f));
    const insertSql = `INSERT INTO "${t}" (id, doc${cols.map((f) => `, ${fieldColumn(f)}`).join('')}) VALUES (?, ?${cols.map(() => ', ?').join('')})`;
    const sides = (opts.arrays?.[name] ?? []).map((path) => ({ path, table: sideTable(t, path) }));
    const multikey = (path: string) => sides.find((x) => x.path === path)?.table ?? null;
    /**
     * the side tables follow the document: its array's values (a scalar counts as a one-element array;
     * nothing when missing). Rewritten only where the array changed: most writes leave them alone.
     */
    const arrays = (doc: Doc | null) => sides.map((x) => (doc === null ? undefined : JSON.stringify(getPath(doc, x.path))));
    const index = (id: string, before: Array<string | undefined> | null, after: Array<string | undefined> | null) => {
      sides.forEach((x, i) => {
        const was = before?.[i];
        const now = after?.[i];
        if (before !== null && after !== null && was === now) return;
        if (was !== undefined && was !== '[]') prepare(`DELETE FROM "${x.table}" WHERE id = ?`).run(id);
        if (now !== undefined && now !== '[]') prepare(`INSERT INTO "${x.table}" (value, type, id) SELECT value, type, ? FROM json_each(?)`).run(id, now);
      });
    };
    /** `doc` as read (its arrays before the change), changed in place by `change` and written back */
    const rewrite = (doc: Doc, change: (doc: Doc) => Doc) => {
      const before = sides.length ? arrays(doc) : null;
      const was = values(doc);
      const next = change(doc);
      // only the columns whose values changed: SQLite then leaves the other indexes alone
      const now = values(next);
      const changed = cols.flatMap((f, i) => (sameValue(now[i], was[i]) ? [] : [i]));
      prepare(`UPDATE "${t}" SET doc = ?${changed.map((i) => `, ${fieldColumn(cols[i])} = ?`).join('')} WHERE id = ?`)
        .run(JSON.stringify(next), ...changed.map((i) => now[i]), next._id);
      if (before) index(next._id, before, arrays(next));
      return next;
    };
    const insertDoc = (doc: Doc) => {
      prepare(insertSql).run(doc._id, JSON.stringify(doc), ...values(doc));
      if (sides.length) index(doc._id, null, arrays(doc));
    };
    const removeDoc = (id: string) => {
      const before = sides.length ? readDoc(id) : null;
      const gone = prepare(`DELETE FROM "${t}" WHERE id = ?`).run(id).changes > 0;
      if (before) index(id, arrays(before), null);
      return gone;
    };
    /** a document and its side tables change together (a savepoint inside an open batch) */
    const atomic = <R>(fn: () => R): R => (sides.length ? (inTransaction(fn) as R) : fn());
    /** a new document whose arrays are all empty or missing writes no side rows: one statement, no savepoint */
    const plainInsert = (doc: Doc) => arrays(doc).every((a) => a === undefined || a === '[]');
    inserters.set(t, insertDoc);

    return {
      get: (id) => guard(() => readDoc(id)),

      add: (doc) =>
        write(() => {
          const { _id, ...rest } = doc as Record<string, unknown>;
          const id = _id === undefined ? newDocId() : checkId(_id);
          try {
            const doc = { _id: id, ...rest } as Doc;
            if (plainInsert(doc)) insertDoc(doc);
            else atomic(() => insertDoc(doc));
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
          const { sql, params } = compileFilter(normalizeFilter(filter), multikey, expr);
          const order = orderSql(options?.orderBy, expr);
          const { skip, limit } = pageOf(options);
          const rows = prepare(`SELECT doc FROM "${t}" WHERE ${sql}${order} LIMIT ? OFFSET ?`).all(...params, limit, skip);
          return (rows as Array<{ doc: string }>).map((r) => JSON.parse(r.doc) as T);
        }),

      count: (filter: Filter) =>
        guard(() => {
          const { sql, params } = compileFilter(normalizeFilter(filter), multikey, expr);
          return (prepare(`SELECT COUNT(*) AS n FROM "${t}" WHERE ${sql}`).get(...params) as { n: number }).n;
        }),

      update: (id: string, update: Update, where?: Filter) =>
        write(() => {
          // Validate first so a bad request fails the same way whether or not the doc exists.
          const u = normalizeUpdate(update);
          const w = where ? normalizeFilter(where) : undefined;
          // IMMEDIATE takes the write lock before reading: no other connection can slip in between.
          return inTransaction.immediate((): boolean => {
            const doc = readDoc(id);
            if (!doc || (w && !matchNormal(doc, w))) return false;
            // the document was just parsed for this call: changed in place, not copied
            rewrite(doc, (d) => applyNormalUpdate(d, u, { inPlace: true }));
            return true;
          }) as boolean;
        }),

      increment: (id: string, field: string, by = 1) =>
        write(() => {
          const u = normalizeUpdate({ $inc: { [field]: by } });
          return inTransaction.immediate((): number => {
            const doc = readDoc(id);
            if (!doc) {
              const fresh = applyNormalUpdate({ _id: id } as Doc, u, { inPlace: true });
              insertDoc(fresh);
              return getPath(fresh, field) as number;
            }
            return getPath(rewrite(doc, (d) => applyNormalUpdate(d, u, { inPlace: true })), field) as number;
          }) as number;
        }),

      remove: (id: string) => write(() => atomic(() => removeDoc(id))),
    };
  }

  return {
    db,
    collection,
    sync,
    bulkAdd: (name, docs) => {
      collection(name);
      const insert = inserters.get(tableName(name))!;
      inTransaction(() => docs.forEach((d) => insert(d)));
      // outside a batch this was its own commit (synchronous=NORMAL when off-thread): the next sync() waits for its fsync
      if (offThread && !batchOpen) { committed++; flush(); }
    },
    close: () => {
      // what is in the open batch was never acknowledged (nobody answered before sync), but it is kept
      commit();
      if (walFd >= 0) {
        // the last commits' fsync, here and now: the log must be on disk before the store is gone
        try { if (!broken && committed > durable) fdatasyncSync(walFd); } finally { closeSync(walFd); walFd = -1; }
      }
      checkpointer?.stop();
      db.close();
    },
  };
}

/**
 * The checkpoint thread (SqliteOptions.checkpointWorker): its own connection to the same file runs a
 * PASSIVE checkpoint every `everyMs`, and the main connection's automatic checkpoints are off. The
 * log is restarted by SQLite itself once a checkpoint has copied everything and no reader holds it;
 * past SqliteOptions.logLimitBytes the main connection copies the rest itself (`onPass`), since under
 * a steady stream of commits no pass of the thread's ever does. If the thread cannot start (or dies),
 * the main connection checkpoints as before.
 */
function startCheckpointer(db: Database.Database, file: string, onPass: (logFrames: number) => void, everyMs = 200): { stop(): void } {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { Worker } = require('node:worker_threads') as typeof import('node:worker_threads');
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    const Database = require(workerData.driver);
    const db = new Database(workerData.file, { fileMustExist: true });
    db.pragma('busy_timeout = 1000');
    db.pragma('synchronous = FULL');
    // after each pass: the log's length in frames (the main connection finishes a pass that cannot catch up)
    const tick = () => { try { const [r] = db.pragma('wal_checkpoint(PASSIVE)'); if (r && r.log > 0) parentPort.postMessage(r.log); } catch (e) { /* busy: the next tick */ } };
    const timer = setInterval(tick, workerData.everyMs);
    parentPort.on('message', (m) => { if (m === 'stop') { clearInterval(timer); tick(); db.close(); process.exit(0); } });
  `;
  let worker: import('node:worker_threads').Worker;
  try {
    worker = new Worker(code, { eval: true, workerData: { file, everyMs, driver: require.resolve('better-sqlite3') } });
  } catch {
    return { stop() {} };
  }
  db.pragma('wal_autocheckpoint = 0');
  worker.unref();
  worker.on('message', (logFrames: number) => onPass(logFrames));
  // a thread that fails hands checkpointing back to SQLite on this connection
  worker.on('error', () => { if (db.open) db.pragma('wal_autocheckpoint = 1000'); });
  return { stop: () => { worker.postMessage('stop'); } };
}
