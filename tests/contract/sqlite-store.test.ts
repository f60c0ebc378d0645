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

describe('SQLite store specifics', () => {
  let dir: string;
  let file: string;
  const open: SqliteStore[] = [];
  const openStore = (indexes?: Record<string, string[]>) => {
    const s = openSqliteStore({ file, indexes });
    open.push(s);
    return s;
  };

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
