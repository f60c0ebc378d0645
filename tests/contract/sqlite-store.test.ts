import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StoreError } from '../../core/ports';
import { openSqliteStore, type SqliteStore } from '../../adapters/sqlite-store';
import { storeContract } from './store.contract';

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'sqlite-store-'));

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
// the event loop), cooperative slices, and a side table for the array field every $all looks into
storeContract('sqlite, as the server opens it (group commit, slices, array side tables)', async () => {
  const dir = tempDir();
  const store = openSqliteStore({
    file: path.join(dir, 'store.db'),
    synchronous: 'FULL',
    groupCommit: true,
    sliceMs: 1,
    // the contract names its collections per run: every collection's `tags` is an array field
    arrays: new Proxy({}, { get: () => ['tags'] }),
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

    it('creates one expression index per listed entry', () => {
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
      expect(await planOf(s, 'tasks', () => tasks.count({ status: { $in: ['open', 'new'] } }))).toMatch(/USING INDEX ix_tasks_status/);
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

    it('uses the primary key for _id and scans for unindexed fields', async () => {
      const s = openStore(indexes);
      const tasks = s.collection('tasks');
      expect(await planOf(s, 'tasks', () => tasks.find({ _id: 'x' }))).toMatch(/USING (INDEX sqlite_autoindex_tasks_1|PRIMARY KEY)/);
      expect(await planOf(s, 'tasks', () => tasks.find({ title: 'x' }))).toMatch(/SCAN tasks/);
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
