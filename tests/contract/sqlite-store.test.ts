import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StoreError } from '../../core/ports';
import { openSqliteStore, type SqliteStore } from '../../adapters/sqlite-store';
import { storeContract } from './store.contract';

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'sqlite-store-'));

/** the fields the contract's filters, orders and updates touch, as indexes (so as columns) */
const CONTRACT_INDEXES = ['status', 'a', 'a.b', 'n', 'i', 'x', 'v', 's', 'seen', 'owner', 'contact', 'contact.city', 'phone', 'hits', 'list', 'tags', 'status,i', 'n,_id'];

storeContract('sqlite', async () => {
  const dir = tempDir();
  const store = openSqliteStore({ file: path.join(dir, 'store.db') });
  return {
    store,
    cleanup: async () => {
      store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
});

// the same contract as the local server opens its store: group commit (one transaction per turn of
// the event loop), cooperative slices, a side table for the array field every $all looks into, and
// indexes (so columns) on the fields the contract filters, orders and updates, scalars, objects,
// arrays and dotted paths alike: every query and write goes through the columns
storeContract('sqlite, as the server opens it (group commit, the fsync off the thread, slices, array side tables, indexed columns)', async () => {
  const dir = tempDir();
  const store = openSqliteStore({
    file: path.join(dir, 'store.db'),
    synchronous: 'FULL',
    groupCommit: true,
    syncOffThread: true,
    sliceMs: 1,
    // the contract names its collections per run: every collection's `tags` is an array field
    arrays: new Proxy({}, { get: () => ['tags'] }),
    indexes: new Proxy({}, { get: () => CONTRACT_INDEXES }),
  });
  return {
    store,
    cleanup: async () => {
      await store.sync();
      store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('SQLite store specifics', () => {
  let dir: string;
  let file: string;
  const open: SqliteStore[] = [];
  const openStore = (indexes?: Record<string, string[]>) => {
    const s = openSqliteStore({ file, indexes });
    open.push(s);
    return s;
  };

  /** Plan of the SQL that find() actually issues, captured from the driver. */
  async function planOf(s: SqliteStore, collection: string, run: () => Promise<unknown>): Promise<string> {
    const spy = jest.spyOn(s.db, 'prepare');
    try {
      await run();
      const sql = spy.mock.calls.map(([q]) => q).find((q) => q.startsWith('SELECT') && q.includes(`"${collection}"`));
      if (!sql) throw new Error('no SELECT captured');
      // Filter values are always bound; NULLs are enough to get a plan.
      const params = Array.from(sql.matchAll(/\?/g), () => null);
      const rows = s.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>;
      return rows.map((r) => r.detail).join('\n');
    } finally {
      spy.mockRestore();
    }
  }

  beforeEach(() => {
    dir = tempDir();
    file = path.join(dir, 'store.db');
  });

  afterEach(() => {
    for (const s of open.splice(0)) if (s.db.open) s.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('runs in WAL mode', () => {
    const s = openStore();
    expect(s.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(s.db.pragma('busy_timeout', { simple: true })).toBe(5000);
  });

  it('keeps data across close and reopen', async () => {
    const a = openStore();
    await a.collection('tasks').add({ _id: 't1', status: 'open', list: [1] });
    await a.collection('tasks').update('t1', { $set: { status: 'done' }, $push: { list: 2 } });
    await a.collection('counters').increment('c', 'n', 7);
    a.close();

    const b = openStore();
    expect(await b.collection('tasks').get('t1')).toEqual({ _id: 't1', status: 'done', list: [1, 2] });
    expect(await b.collection('counters').increment('c', 'n')).toBe(8);
    expect(await b.collection('tasks').count({ status: 'done' })).toBe(1);
  });

  describe('query plans', () => {
    const indexes = { tasks: ['status', 'status,dueAt', 'contact.phone', 'flag'] };

    it('creates one index per listed entry, on the fields\' columns', () => {
      const s = openStore(indexes);
      const names = (s.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'tasks'`).all() as Array<{ name: string }>)
        .map((r) => r.name)
        .filter((n) => n.startsWith('ix_'));
      expect(names.sort()).toEqual(['ix_tasks_contact.phone', 'ix_tasks_flag', 'ix_tasks_status', 'ix_tasks_status,dueAt']);
    });

    it('uses the index for equality, $in, ranges, booleans and dotted paths', async () => {
      const s = openStore(indexes);
      const tasks = s.collection('tasks');
      await tasks.add({ _id: 'x', status: 'open', dueAt: 1, flag: true, contact: { phone: '1' } });

      expect(await planOf(s, 'tasks', () => tasks.find({ status: 'open' }))).toMatch(/USING INDEX ix_tasks_status/);
      // a count of strings is answered by the index alone: TEXT in a column is always a string
      expect(await planOf(s, 'tasks', () => tasks.count({ status: { $in: ['open', 'new'] } }))).toMatch(/USING COVERING INDEX ix_tasks_status/);
      expect(await planOf(s, 'tasks', () => tasks.find({ 'contact.phone': '1' }))).toMatch(/USING INDEX ix_tasks_contact\.phone/);
      expect(await planOf(s, 'tasks', () => tasks.find({ flag: true }))).toMatch(/USING INDEX ix_tasks_flag/);
      expect(await planOf(s, 'tasks', () => tasks.find({ status: 'open', dueAt: { $lt: 5 } }))).toMatch(
        /USING INDEX ix_tasks_status,dueAt/,
      );
      // The composite index also serves the sort: no temporary b-tree.
      const sorted = await planOf(s, 'tasks', () => tasks.find({ status: 'open' }, { orderBy: [['dueAt', 'asc']] }));
      expect(sorted).toMatch(/USING INDEX ix_tasks_status,dueAt/);
      expect(sorted).not.toMatch(/TEMP B-TREE/);
    });

    it('keeps each indexed field in a column equal to json_extract of the stored document (objects and arrays as BLOBs), through every kind of write', async () => {
      const fc = require('fast-check') as typeof import('fast-check');
      const value = fc.oneof(
        fc.constant(null), fc.boolean(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string(), fc.string({ unit: 'grapheme', maxLength: 6 }),
        fc.array(fc.oneof(fc.string({ maxLength: 4 }), fc.integer(), fc.boolean()), { maxLength: 3 }),
        fc.dictionary(fc.constantFrom('c', 'd'), fc.oneof(fc.integer(), fc.string({ maxLength: 3 }))),
      );
      const fields = ['a', 'b', 'b.c', 'flag', 'list'];
      const op = fc.oneof(
        fc.record({ kind: fc.constant('add' as const), id: fc.integer({ min: 0, max: 5 }), a: value, b: value, flag: value, list: value }, { requiredKeys: ['kind', 'id'] }),
        fc.record({ kind: fc.constant('set' as const), id: fc.integer({ min: 0, max: 5 }), path: fc.constantFrom(...fields), v: value }),
        fc.record({ kind: fc.constant('unset' as const), id: fc.integer({ min: 0, max: 5 }), path: fc.constantFrom(...fields) }),
        fc.record({ kind: fc.constant('inc' as const), id: fc.integer({ min: 0, max: 5 }), by: fc.integer({ min: -3, max: 3 }) }),
        fc.record({ kind: fc.constant('remove' as const), id: fc.integer({ min: 0, max: 5 }) }),
      );
      let run = 0;
      await fc.assert(fc.asyncProperty(fc.array(op, { maxLength: 25 }), async (ops) => {
        const s = openStore({ [`cols${++run}`]: ['a', 'b', 'b.c', 'flag,a', 'list', 'n'] });
        const c = s.collection(`cols${run}`);
        for (const o of ops) {
          const id = `d${o.id}`;
          if (o.kind === 'add') { const { kind, id: _, ...rest } = o; await c.add({ _id: id, ...(rest as Record<string, unknown>) }).catch(() => undefined); }
          if (o.kind === 'set') await c.update(id, { $set: { [o.path]: o.v } }).catch(() => undefined);
          if (o.kind === 'unset') await c.update(id, { $unset: [o.path] }).catch(() => undefined);
          if (o.kind === 'inc') await c.increment(id, 'n', o.by).catch(() => undefined);
          if (o.kind === 'remove') await c.remove(id);
        }
        for (const f of ['a', 'b', 'b.c', 'flag', 'list', 'n']) {
          const col = `"f_${f.replace('.', '__')}"`;
          // numbers: the column holds the JS number (a double); json_extract reads an integer past 2^53 as an exact
          // 64-bit integer, which the double it was written from only approximates (and which a query's number could never equal)
          const x = `json_extract(doc, '$.${f}')`;
          // objects and arrays: their JSON text as a BLOB, so that a TEXT column value always is a string
          const jt = `coalesce(json_type(doc, '$.${f}'), '')`;
          const same = `(typeof(${col}) = 'blob' AND ${jt} IN ('array', 'object') AND CAST(${col} AS TEXT) = ${x})` +
            ` OR (typeof(${col}) <> 'blob' AND (${col} IS ${x} OR (typeof(${x}) = 'integer' AND ${col} = CAST(${x} AS REAL))))`;
          const off = s.db.prepare(`SELECT id, ${col} AS col, ${x} AS x FROM "cols${run}" WHERE NOT (${same}) OR ((typeof(${col}) = 'text') <> (${jt} = 'text'))`).all();
          expect({ field: f, off }).toEqual({ field: f, off: [] });
        }
        // and what the columns answer is what the documents say
        for (const d of await c.find({}, { limit: 100 })) {
          const a = (d as any).a ?? null;
          if (a !== null && typeof a === 'object') continue;
          expect((await c.find({ a }, { limit: 100 })).map((x) => x._id)).toContain(d._id);
        }
      }), { numRuns: Number(process.env.PROP_RUNS ?? 150) });
    });

    it('converts a database from before the columns: expression indexes replaced under the same names, columns filled, queries indexed', async () => {
      const old = new (require('better-sqlite3'))(file);
      old.exec(`CREATE TABLE tasks (id TEXT PRIMARY KEY, doc TEXT NOT NULL)`);
      old.exec(`CREATE INDEX "ix_tasks_status" ON tasks (json_extract(doc, '$.status'))`);
      old.exec(`CREATE INDEX "ix_tasks_status,dueAt" ON tasks (json_extract(doc, '$.status'), json_extract(doc, '$.dueAt'))`);
      old.exec(`CREATE INDEX "ix_tasks_gone" ON tasks (json_extract(doc, '$.gone'))`);
      const insert = old.prepare('INSERT INTO tasks (id, doc) VALUES (?, ?)');
      for (let i = 0; i < 30; i++) insert.run(`t${i}`, JSON.stringify({ _id: `t${i}`, status: i % 3 ? 'open' : 'done', dueAt: i, flag: i % 2 === 0 }));
      old.close();

      const s = openStore({ tasks: ['status', 'status,dueAt', 'flag'] });
      const ixs = s.db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'tasks' AND name LIKE 'ix_%'`).all() as Array<{ name: string; sql: string }>;
      expect(ixs.map((r) => r.name).sort()).toEqual(['ix_tasks_flag', 'ix_tasks_status', 'ix_tasks_status,dueAt']);
      expect(ixs.filter((r) => r.sql.includes('json_extract'))).toEqual([]);
      const tasks = s.collection('tasks');
      expect(await tasks.count({ status: 'open' })).toBe(20);
      expect(await tasks.count({ flag: true })).toBe(15);
      expect((await tasks.find({ status: 'done' }, { orderBy: [['dueAt', 'desc']], limit: 2 })).map((d) => d._id)).toEqual(['t27', 't24']);
      expect(await planOf(s, 'tasks', () => tasks.find({ status: 'open', dueAt: { $lt: 5 } }))).toMatch(/USING INDEX ix_tasks_status,dueAt/);
      // opening again changes nothing
      s.close();
      const again = openStore({ tasks: ['status', 'status,dueAt', 'flag'] });
      expect(await again.collection('tasks').count({ status: 'open' })).toBe(20);
    });

    it('drops an index taken out of the configuration (every write would keep paying for it); the queries it served use what is left', async () => {
      const before = openStore({ tasks: ['status', 'status,dueAt', 'flag'] });
      const t = before.collection('tasks');
      for (let i = 0; i < 10; i++) await t.add({ _id: `t${i}`, status: i % 2 ? 'open' : 'done', dueAt: i, flag: true });
      await before.sync();
      before.close();
      const after = openStore({ tasks: ['status,dueAt', 'flag'] });
      const names = (after.db.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'tasks' AND name LIKE 'ix_%'`).all() as Array<{ name: string }>).map((r) => r.name).sort();
      expect(names).toEqual(['ix_tasks_flag', 'ix_tasks_status,dueAt']);
      const tasks = after.collection('tasks');
      expect(await tasks.count({ status: 'open' })).toBe(5);
      expect(await planOf(after, 'tasks', () => tasks.find({ status: 'open' }))).toMatch(/USING INDEX ix_tasks_status,dueAt/);
    });

    it('uses the primary key for _id and scans for unindexed fields', async () => {
      const s = openStore(indexes);
      const tasks = s.collection('tasks');
      expect(await planOf(s, 'tasks', () => tasks.find({ _id: 'x' }))).toMatch(/USING (INDEX sqlite_autoindex_tasks_1|PRIMARY KEY)/);
      expect(await planOf(s, 'tasks', () => tasks.find({ title: 'x' }))).toMatch(/SCAN tasks/);
    });
  });

  describe('checkpoints on a worker thread', () => {
    it('copies the log into the database file beside the writes, and the main connection never checkpoints', async () => {
      const s = openSqliteStore({ file, groupCommit: true, checkpointWorker: true });
      open.push(s);
      expect(s.db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
      const before = fs.statSync(file).size;
      const docs = s.collection('docs');
      // about 2,500 pages of log: past SQLite's own 1,000-page threshold
      const text = 'x'.repeat(4000);
      for (let i = 0; i < 2500; i++) await docs.add({ _id: `d${i}`, text });
      await s.sync();
      const deadline = Date.now() + 5000;
      while (fs.statSync(file).size < before + 2000 * 4096 && Date.now() < deadline) await new Promise((ok) => setTimeout(ok, 50));
      expect(fs.statSync(file).size).toBeGreaterThan(before + 2000 * 4096);
      expect(await docs.count({})).toBe(2500);
    });

    it('keeps the log near its limit under a steady stream of commits: the main connection finishes what the worker cannot', async () => {
      const s = openSqliteStore({ file, groupCommit: true, checkpointWorker: true, logLimitBytes: 1024 * 1024 });
      open.push(s);
      const docs = s.collection('docs');
      const text = 'x'.repeat(4000);
      // commits one after another for 3 s, never a pause for the log to start over by itself
      let i = 0;
      let largest = 0;
      const end = Date.now() + 3000;
      while (Date.now() < end) {
        for (let k = 0; k < 5; k++) await docs.add({ _id: `d${i++}`, text });
        await s.sync();
        if (i % 100 === 0) largest = Math.max(largest, fs.statSync(`${file}-wal`).size);
      }
      // tens of MB were written (a page or more per document): without the catch-up the log holds all of
      // them; with it, the limit plus what is committed between two of the worker's passes
      const written = i * 4096;
      expect(written).toBeGreaterThan(16 * 1024 * 1024);
      expect(largest).toBeLessThan(written / 3);
      expect(fs.statSync(`${file}-wal`).size).toBeLessThan(written / 3);
      expect(await docs.count({})).toBe(i);
    });

    it('without the worker, a connection with automatic checkpoints off leaves the data in the log (the test above would fail)', async () => {
      const s = openSqliteStore({ file, groupCommit: true });
      open.push(s);
      s.db.pragma('wal_autocheckpoint = 0');
      const before = fs.statSync(file).size;
      const docs = s.collection('docs');
      for (let i = 0; i < 500; i++) await docs.add({ _id: `d${i}`, text: 'x'.repeat(4000) });
      await s.sync();
      await new Promise((ok) => setTimeout(ok, 500));
      expect(fs.statSync(file).size).toBeLessThan(before + 100 * 4096);
    });
  });

  describe('group commit', () => {
    it('keeps writes in one open transaction until the turn ends; sync resolves once they are committed', async () => {
      const s = openSqliteStore({ file, groupCommit: true });
      open.push(s);
      const tasks = s.collection('tasks');
      await tasks.add({ _id: 'a', n: 1 });
      await tasks.update('a', { $inc: { n: 1 } });
      // visible to this connection at once, not yet to another one
      expect(await tasks.get('a')).toEqual({ _id: 'a', n: 2 });
      expect(s.db.inTransaction).toBe(true);
      const other = openSqliteStore({ file });
      open.push(other);
      expect(await other.collection('tasks').get('a')).toBeNull();
      await s.sync();
      expect(s.db.inTransaction).toBe(false);
      expect(await other.collection('tasks').get('a')).toEqual({ _id: 'a', n: 2 });
      // nothing written: sync has nothing to wait for
      await expect(s.sync()).resolves.toBeUndefined();
    });

    it('a write that fails leaves the batch and the other writes in it intact', async () => {
      const s = openSqliteStore({ file, groupCommit: true });
      open.push(s);
      const tasks = s.collection('tasks');
      await tasks.add({ _id: 'a' });
      await expect(tasks.add({ _id: 'a' })).rejects.toMatchObject({ code: 'DUPLICATE_ID' });
      await tasks.add({ _id: 'b' });
      await s.sync();
      s.close();
      const again = openStore();
      expect((await again.collection('tasks').find({}, { orderBy: [['_id', 'asc']] })).map((d) => d._id)).toEqual(['a', 'b']);
    });

    it('a batch only background work wrote waits for its timer; a request joining it, or a sync, commits it with the turn', async () => {
      let background = true;
      const s = openSqliteStore({ file, groupCommit: true, sliceable: () => background, backgroundCommitMs: 200 });
      open.push(s);
      const tasks = s.collection('tasks');
      const other = openSqliteStore({ file });
      open.push(other);
      const committed = async (id: string) => (await other.collection('tasks').get(id)) !== null;
      const turn = () => new Promise((ok) => setImmediate(ok));
      // background writes over several turns share one open batch
      await tasks.add({ _id: 'bg1' });
      await turn();
      await tasks.add({ _id: 'bg2' });
      await turn();
      await turn();
      expect(s.db.inTransaction).toBe(true);
      expect(await committed('bg1')).toBe(false);
      // its timer commits it without anyone asking
      await new Promise((ok) => setTimeout(ok, 260));
      expect(s.db.inTransaction).toBe(false);
      expect(await committed('bg2')).toBe(true);
      // a request's write joins a background batch: both commit at the end of the turn
      await tasks.add({ _id: 'bg3' });
      background = false;
      await tasks.add({ _id: 'rq1' });
      await turn();
      await turn();
      expect(s.db.inTransaction).toBe(false);
      expect(await committed('bg3')).toBe(true);
      expect(await committed('rq1')).toBe(true);
      // a sync (an answer, a sender about to reach outside) does not wait for the timer either
      background = true;
      await tasks.add({ _id: 'bg4' });
      const t0 = performance.now();
      await s.sync();
      expect(performance.now() - t0).toBeLessThan(150);
      expect(await committed('bg4')).toBe(true);
    });

    it('is synchronous=FULL unless asked otherwise', () => {
      expect(openStore().db.pragma('synchronous', { simple: true })).toBe(2);
      const normal = openSqliteStore({ file, synchronous: 'NORMAL' });
      open.push(normal);
      expect(normal.db.pragma('synchronous', { simple: true })).toBe(1);
    });

    it('slices only sliceable work: past the slice, such a call resolves on a later turn', async () => {
      let background = false;
      const s = openSqliteStore({ file, sliceMs: 1, sliceable: () => background });
      open.push(s);
      const tasks = s.collection('tasks');
      await tasks.add({ _id: 'a' });
      const busy = (ms: number) => { const end = performance.now() + ms; while (performance.now() < end); };
      // a request: never cut, however long its turn
      let turnEnded = false;
      setImmediate(() => { turnEnded = true; });
      busy(3);
      await tasks.get('a');
      busy(3);
      await tasks.get('a');
      expect(turnEnded).toBe(false);
      // background work past its slice gives the turn away
      background = true;
      await tasks.get('a'); // the slice starts
      busy(3);
      expect(turnEnded).toBe(false);
      await tasks.get('a');
      expect(turnEnded).toBe(true);
    });
  });

  describe('array side tables', () => {
    const arrays = { users: ['gridIds'] };
    it('answer $all from the side table, follow every write, and are filled when first declared', async () => {
      const before = openStore();
      const users = before.collection('users');
      await users.add({ _id: 'u1', gridIds: ['g1', 'g2'] });
      await users.add({ _id: 'u2', gridIds: ['g2'] });
      await users.add({ _id: 'u3', gridIds: 'g1' });
      before.close();
      // declared on an existing store: filled from the documents there
      const s = openSqliteStore({ file, arrays });
      open.push(s);
      const u = s.collection('users');
      const ids = async (g: string[]) => (await u.find({ gridIds: { $all: g } }, { orderBy: [['_id', 'asc']] })).map((d) => d._id);
      expect(await ids(['g1'])).toEqual(['u1', 'u3']);
      expect(await ids(['g1', 'g2'])).toEqual(['u1']);
      expect(await planOf(s, 'users', () => u.find({ gridIds: { $all: ['g2'] } }))).toMatch(/mk_users_gridIds/);
      await u.update('u1', { $set: { gridIds: ['g3'] } });
      await u.add({ _id: 'u4', gridIds: ['g1'] });
      await u.remove('u3');
      await u.increment('u2', 'n');
      expect(await ids(['g1'])).toEqual(['u4']);
      expect(await ids(['g3'])).toEqual(['u1']);
      expect(await ids(['g2'])).toEqual(['u2']);
      expect(s.db.prepare('SELECT COUNT(*) AS n FROM mk_users_gridIds WHERE id = ?').get('u3')).toEqual({ n: 0 });
    });
  });

  describe('injection', () => {
    const evil = "a'); DROP TABLE tasks;--";

    it('rejects hostile field names everywhere and leaves the data intact', async () => {
      const s = openStore();
      const tasks = s.collection('tasks');
      await tasks.add({ _id: 't', a: 1 });
      await expect(tasks.find({ [evil]: 1 })).rejects.toMatchObject({ code: 'BAD_FILTER' });
      await expect(tasks.find({}, { orderBy: [[evil, 'asc']] })).rejects.toMatchObject({ code: 'BAD_FILTER' });
      await expect(tasks.update('t', { $set: { [evil]: 1 } })).rejects.toMatchObject({ code: 'BAD_UPDATE' });
      await expect(tasks.increment('t', evil)).rejects.toMatchObject({ code: 'BAD_UPDATE' });
      expect(() => openStore({ tasks: [evil] })).toThrow(StoreError);
      expect(() => s.collection('tasks"; DROP TABLE tasks;--')).toThrow(StoreError);
      expect(await tasks.get('t')).toEqual({ _id: 't', a: 1 });
    });

    it('binds hostile values as plain data', async () => {
      const s = openStore();
      const tasks = s.collection('tasks');
      await tasks.add({ _id: evil, name: evil });
      expect(await tasks.find({ name: evil })).toEqual([{ _id: evil, name: evil }]);
      expect(await tasks.count({ _id: { $in: [evil] }, tags: { $nin: [evil] } })).toBe(1);
    });
  });
});

/**
 * The log's fsync off the event loop (syncOffThread): SQLite commits without it, the store runs it on
 * libuv's pool, and sync() (which the server awaits before every answer) resolves only after an fsync
 * that began after the commit. fs.fdatasync is held here to see what waits for it.
 */
describe('SQLite store: the fsync off the thread', () => {
  let dir: string;
  let store: SqliteStore;
  let held: Array<{ fd: number; done: (err: NodeJS.ErrnoException | null) => void }>;
  let spy: jest.SpyInstance;
  const settled = async (p: Promise<unknown>) => {
    let state = 'pending';
    p.then(() => { state = 'resolved'; }, () => { state = 'rejected'; });
    for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
    return state;
  };
  beforeEach(() => {
    dir = tempDir();
    held = [];
    spy = jest.spyOn(fs, 'fdatasync').mockImplementation(((fd: number, done: (err: NodeJS.ErrnoException | null) => void) => { held.push({ fd, done }); }) as never);
    store = openSqliteStore({ file: path.join(dir, 'store.db'), synchronous: 'FULL', groupCommit: true, syncOffThread: true });
  });
  afterEach(() => {
    spy.mockRestore();
    try { store.close(); } catch { /* a test closed it */ }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('SQLite commits without its own fsync; the answer waits for the log fsync that follows the commit', async () => {
    expect(store.db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL: the store does the fsync
    await store.collection('c').add({ _id: 'a', n: 1 });
    const first = store.sync();
    expect(await settled(first)).toBe('pending');
    // committed (another connection sees it) but not yet answered
    const reader = new (require('better-sqlite3'))(path.join(dir, 'store.db'), { readonly: true });
    expect(reader.prepare('SELECT COUNT(*) AS n FROM "c"').get().n).toBe(1);
    reader.close();
    expect(held).toHaveLength(1);
    expect(fs.readlinkSync(`/proc/self/fd/${held[0].fd}`)).toBe(path.join(dir, 'store.db-wal'));
    // a write while that fsync runs: its own commit needs a later fsync, not the one already running
    await store.collection('c').add({ _id: 'b', n: 2 });
    const second = store.sync();
    held.shift()!.done(null);
    expect(await settled(first)).toBe('resolved');
    expect(await settled(second)).toBe('pending');
    expect(held).toHaveLength(1);
    held.shift()!.done(null);
    expect(await settled(second)).toBe('resolved');
    // nothing new: nothing to wait for
    expect(await settled(store.sync())).toBe('resolved');
  });

  test('a reader answering while the last commit is not yet on disk waits for it too', async () => {
    await store.collection('c').add({ _id: 'a', n: 1 });
    void store.sync();
    for (let i = 0; i < 3; i++) await new Promise((r) => setImmediate(r));
    expect(held).toHaveLength(1);
    // a read sees the committed document; its answer must not leave before that document is on disk
    expect(await store.collection('c').get('a')).toMatchObject({ n: 1 });
    const readerAnswer = store.sync();
    expect(await settled(readerAnswer)).toBe('pending');
    held.shift()!.done(null);
    expect(await settled(readerAnswer)).toBe('resolved');
  });

  test('a failed fsync fails its waiters and every later sync: nothing is answered as stored', async () => {
    await store.collection('c').add({ _id: 'a', n: 1 });
    const waiting = store.sync();
    for (let i = 0; i < 3; i++) await new Promise((r) => setImmediate(r));
    held.shift()!.done(Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' }));
    await expect(waiting).rejects.toMatchObject({ code: 'STORE_FAILED' });
    await store.collection('c').add({ _id: 'b', n: 2 });
    await expect(store.sync()).rejects.toMatchObject({ code: 'STORE_FAILED' });
  });

  test('close syncs what is still waiting for its fsync, on the spot', async () => {
    const syncNow = jest.spyOn(fs, 'fdatasyncSync');
    try {
      await store.collection('c').add({ _id: 'a', n: 1 });
      void store.sync().catch(() => undefined);
      for (let i = 0; i < 3; i++) await new Promise((r) => setImmediate(r));
      store.close();
      expect(syncNow).toHaveBeenCalledTimes(1);
    } finally {
      syncNow.mockRestore();
    }
  });

  test('without group commit, or on NORMAL, SQLite keeps its own setting and nothing runs off the thread', async () => {
    const other = openSqliteStore({ file: path.join(dir, 'plain.db'), synchronous: 'FULL', syncOffThread: true });
    try {
      expect(other.db.pragma('synchronous', { simple: true })).toBe(2);
      await other.collection('c').add({ _id: 'a' });
      expect(await settled(other.sync())).toBe('resolved');
      expect(held).toHaveLength(0);
    } finally {
      other.close();
    }
  });
});
