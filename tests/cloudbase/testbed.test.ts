/**
 * The test bed's own semantics: each documented CloudBase / WeChat behaviour it claims (see the
 * header comments of database.ts, openapi.ts, testbed.ts) pinned by a test, so a change that makes
 * it more lenient than the cloud fails here.
 */
import { dirname, join } from 'path';
import { createTestBed, FunctionTimeout, type TestBed } from './testbed';
import { fieldProblem } from './openapi';

const ROOT = join(__dirname, '..', '..');

let bed: TestBed;
let db: ReturnType<TestBed['sdk']['database']>;
let _: any;
beforeEach(() => {
  bed = createTestBed();
  bed.sdk.init({ env: bed.sdk.DYNAMIC_CURRENT_ENV });
  db = bed.sdk.database();
  _ = db.command;
});

const seed = async (name: string, n: number, f: (i: number) => Record<string, unknown> = (i) => ({ i })) => {
  bed.createCollection(name);
  for (let i = 0; i < n; i++) await db.collection(name).add({ data: { _id: `d${String(i).padStart(4, '0')}`, ...f(i) } });
};

describe('database', () => {
  it('uses the @cloudbase/database that wx-server-sdk itself loads', () => {
    const sdkDir = dirname(require.resolve('wx-server-sdk'));
    const nodeSdk = dirname(require.resolve('@cloudbase/node-sdk', { paths: [sdkDir] }));
    expect(require.resolve('@cloudbase/database', { paths: [nodeSdk] })).toBe(require.resolve('@cloudbase/database'));
  });

  it('get() answers 100 documents by default, up to 1000 with limit(), and refuses more (CloudBase would drop them)', async () => {
    await seed('many', 1005);
    expect((await db.collection('many').get()).data).toHaveLength(100);
    expect((await db.collection('many').limit(0).get()).data).toHaveLength(100);
    expect((await db.collection('many').limit(1000).get()).data).toHaveLength(1000);
    await expect(db.collection('many').limit(1001).get()).rejects.toThrow(/at most 1000/);
    bed.db.limitOver1000 = 'clamp';
    expect((await db.collection('many').limit(5000).get()).data).toHaveLength(1000);
    expect(() => db.collection('many').limit(1.5)).toThrow('must be integer');
    expect((await db.collection('many').count()).total).toBe(1005);
  });

  it('a missing collection fails with -502005 for reads and writes until created', async () => {
    for (const p of [
      db.collection('nope').get(),
      db.collection('nope').count(),
      db.collection('nope').add({ data: { a: 1 } }),
      db.collection('nope').doc('x').get(),
      db.collection('nope').where({ a: 1 }).update({ data: { a: 2 } }),
    ]) await expect(p).rejects.toMatchObject({ errCode: -502005, errMsg: expect.stringContaining('Db or Table not exist') });
    await db.createCollection('nope');
    expect((await db.collection('nope').get()).data).toEqual([]);
  });

  it('where().update() answers stats.updated with the documents actually modified', async () => {
    await seed('u', 3, (i) => ({ n: i, tag: 'x' }));
    expect(await db.collection('u').where({ tag: 'x' }).update({ data: { tag: 'y' } })).toMatchObject({ stats: { updated: 3 } });
    // $set to the value already stored modifies nothing
    expect(await db.collection('u').where({ _id: 'd0000' }).update({ data: { tag: _.set('y') } })).toMatchObject({ stats: { updated: 0 } });
    expect(await db.collection('u').doc('d0001').update({ data: { n: _.inc(1) } })).toMatchObject({ stats: { updated: 1 } });
    expect(await db.collection('u').doc('missing').update({ data: { n: 1 } })).toMatchObject({ stats: { updated: 0 } });
    await expect(db.collection('u').doc('d0001').update({ data: { _id: 'z' } })).rejects.toThrow('不能更新_id的值');
    await expect(db.collection('u').doc('d0001').update({ data: {} })).rejects.toThrow(/empty/);
  });

  it('plain objects in update data merge (flattened by the SDK); _.set replaces', async () => {
    bed.createCollection('m');
    await db.collection('m').add({ data: { _id: 'a', contact: { phone: '1', city: 'sh' } } });
    await db.collection('m').doc('a').update({ data: { contact: { phone: '2' } } });
    expect((await db.collection('m').doc('a').get()).data).toEqual({ _id: 'a', contact: { phone: '2', city: 'sh' } });
    await db.collection('m').doc('a').update({ data: { contact: _.set({ phone: '3' }) } });
    expect((await db.collection('m').doc('a').get()).data).toEqual({ _id: 'a', contact: { phone: '3' } });
    // _.push(array) pushes its elements
    await db.collection('m').doc('a').update({ data: { list: _.push([1, 2]) } });
    expect((await db.collection('m').doc('a').get()).data).toMatchObject({ list: [1, 2] });
  });

  it('doc.get() of a missing document rejects unless throwOnNotFound is false', async () => {
    bed.createCollection('g');
    await expect(db.collection('g').doc('x').get()).rejects.toMatchObject({ errCode: -1, message: 'document.get:fail document with _id x does not exist' });
    expect(await bed.sdk.database({ throwOnNotFound: false }).collection('g').doc('x').get()).toMatchObject({ data: null });
  });

  it('doc.set() replaces or creates, and refuses update commands', async () => {
    bed.createCollection('s');
    expect(await db.collection('s').doc('a').set({ data: { v: 1, w: 2 } })).toMatchObject({ stats: { updated: 0, created: 1 } });
    expect(await db.collection('s').doc('a').set({ data: { v: 2 } })).toMatchObject({ stats: { updated: 1, created: 0 } });
    expect((await db.collection('s').doc('a').get()).data).toEqual({ _id: 'a', v: 2 });
    await expect(db.collection('s').doc('a').set({ data: { v: _.inc(1) } })).rejects.toThrow('update operator complicit');
  });

  it('only _id is unique: two adds of one openid both succeed unless an index says unique', async () => {
    bed.createCollection('users');
    const firstCall = async () => {
      // what a first call does: look the openid up, then add the user
      const found = await db.collection('users').where({ openid: 'o-new' }).get();
      if (!found.data.length) await db.collection('users').add({ data: { openid: 'o-new' } });
    };
    await Promise.all([firstCall(), firstCall()]);
    expect((await db.collection('users').where({ openid: 'o-new' }).count()).total).toBe(2);
    const ids = (await db.collection('users').get()).data.map((d: any) => d._id);
    expect(ids[0]).toMatch(/^[0-9a-f]{32}$/);
    await expect(db.collection('users').add({ data: { _id: ids[0] } })).rejects.toMatchObject({ errCode: -502001, errMsg: expect.stringContaining('E11000 duplicate key') });

    bed.createCollection('accounts');
    bed.createIndex('accounts', ['openid'], { unique: true });
    await db.collection('accounts').add({ data: { openid: 'o-1' } });
    await expect(db.collection('accounts').add({ data: { openid: 'o-1' } })).rejects.toThrow(/E11000 duplicate key .*openid_1/);
  });

  it("refuses field names with '.' or a leading '$', which no dotted path can reach", async () => {
    bed.createCollection('f');
    await expect(db.collection('f').add({ data: { counts: { '2026.03': 1 } } })).rejects.toMatchObject({ errCode: -502001, errMsg: expect.stringContaining("'2026.03'") });
    await db.collection('f').add({ data: { _id: 'a', counts: {} } });
    await expect(db.collection('f').doc('a').update({ data: { counts: _.set({ $x: 1 }) } })).rejects.toThrow(/not valid for storage/);
  });

  it('evaluates MongoDB semantics: array elements match equality, null matches missing, types do not mix', async () => {
    bed.createCollection('q');
    for (const d of [
      { _id: 'a', tags: ['x', 'y'], n: 1, s: 'b' },
      { _id: 'b', tags: 'x', n: '1' },
      { _id: 'c', tags: [], n: 2, opt: null },
      { _id: 'd', items: [{ k: 'p' }, { k: 'q' }] },
    ]) await db.collection('q').add({ data: d });
    const ids = async (q: object) => (await db.collection('q').where(q).get()).data.map((d: any) => d._id).sort();
    expect(await ids({ tags: 'x' })).toEqual(['a', 'b']);
    expect(await ids({ tags: _.neq('x') })).toEqual(['c', 'd']);
    expect(await ids({ n: 1 })).toEqual(['a']);
    expect(await ids({ n: _.gt(0) })).toEqual(['a', 'c']);
    expect(await ids({ opt: null })).toEqual(['a', 'b', 'c', 'd']);
    expect(await ids({ opt: _.exists(true) })).toEqual(['c']);
    expect(await ids({ 'items.k': 'q' })).toEqual(['d']);
    expect(await ids({ tags: _.all([]) })).toEqual([]);
    expect(await ids(_.or([{ s: 'b' }, { n: 2 }]))).toEqual(['a', 'c']);
  });

  it('sorts in BSON order; equal keys follow the index scan (insertion order, reversed when descending)', async () => {
    bed.createCollection('o');
    for (const [id, v] of [['1', 'b'], ['2', 3], ['3', null], ['4', 'a'], ['5', 3], ['6', true]] as const) await db.collection('o').add({ data: { _id: id, v } });
    const order = async (dir: 'asc' | 'desc') => (await db.collection('o').orderBy('v', dir).get()).data.map((d: any) => d._id);
    expect(await order('asc')).toEqual(['3', '2', '5', '4', '1', '6']);
    expect(await order('desc')).toEqual(['6', '1', '4', '5', '2', '3']);
  });

  it('counts calls and waits the configured latency per call', async () => {
    bed.createCollection('l');
    const before = bed.calls.total;
    bed.latencyMs = 40;
    const t0 = Date.now();
    await db.collection('l').add({ data: { a: 1 } });
    await db.collection('l').where({ a: 1 }).count();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(75);
    expect(bed.calls.total - before).toBe(2);
    expect(bed.calls.byApi['collection.count']).toBe(1);
  });
});

describe('transactions', () => {
  beforeEach(() => bed.createCollection('t'));

  it('allow single-record operations only', async () => {
    await db.collection('t').add({ data: { _id: 'a', n: 1 } });
    const r = await db.runTransaction(async (t: any) => {
      const a = await t.collection('t').doc('a').get();
      await t.collection('t').doc('a').update({ data: { n: _.inc(1) } });
      await t.collection('t').add({ data: { _id: 'b', n: a.data.n } });
      return 'done';
    });
    expect(r).toBe('done');
    expect((await db.collection('t').doc('a').get()).data).toMatchObject({ n: 2 });
    for (const op of [
      (t: any) => t.collection('t').where({ n: 1 }).get(),
      (t: any) => t.collection('t').get(),
      (t: any) => t.collection('t').count(),
      (t: any) => t.collection('t').where({ n: 1 }).update({ data: { n: 3 } }),
      (t: any) => t.collection('t').where({ n: 1 }).remove(),
    ]) await expect(db.runTransaction(op)).rejects.toThrow(/事务中仅能进行单记录操作/);
  });

  it('read a snapshot and fail a write on a document changed after it, without the SDK retrying', async () => {
    await db.collection('t').add({ data: { _id: 'a', n: 1 } });
    let runs = 0;
    const p = db.runTransaction(async (t: any) => {
      runs++;
      const a = await t.collection('t').doc('a').get();
      if (runs === 1) await db.collection('t').doc('a').update({ data: { n: 10 } }); // a plain write in between
      const again = await t.collection('t').doc('a').get();
      expect(again.data.n).toBe(a.data.n); // still the snapshot
      await t.collection('t').doc('a').update({ data: { n: a.data.n + 1 } });
    });
    // wx-server-sdk turns the conflict into errCode -501001: runTransaction does not retry it
    await expect(p).rejects.toMatchObject({ errCode: -501001, message: expect.stringContaining('TransactionConflict') });
    expect(runs).toBe(1);
    expect((await db.collection('t').doc('a').get()).data).toMatchObject({ n: 10 });
  });

  it('conflict on a document another open transaction holds; plain writes wait for its lock', async () => {
    await db.collection('t').add({ data: { _id: 'a', n: 1 } });
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const first = db.runTransaction(async (t: any) => {
      await t.collection('t').doc('a').update({ data: { n: 2 } });
      await gate;
    });
    await new Promise((r) => setTimeout(r, 20));
    await expect(db.runTransaction(async (t: any) => t.collection('t').doc('a').update({ data: { n: 3 } }))).rejects.toThrow(/TransactionConflict/);
    const plain = db.collection('t').doc('a').update({ data: { n: _.inc(100) } });
    let plainDone = false;
    void plain.then(() => (plainDone = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(plainDone).toBe(false);
    release();
    await first;
    await plain;
    expect((await db.collection('t').doc('a').get()).data).toMatchObject({ n: 102 });
  });

  it('injected conflicts: at an operation they escape the SDK; at commit the SDK retries', async () => {
    await db.collection('t').add({ data: { _id: 'a', n: 1 } });
    let runs = 0;
    const bump = (t: any) => { runs++; return t.collection('t').doc('a').update({ data: { n: _.inc(1) } }); };
    bed.injectConflicts(1, 'op');
    await expect(db.runTransaction(bump)).rejects.toThrow(/TransactionConflict/);
    expect(runs).toBe(1);
    runs = 0;
    bed.injectConflicts(2, 'commit');
    await db.runTransaction(bump);
    expect(runs).toBe(3);
    expect((await db.collection('t').doc('a').get()).data).toMatchObject({ n: 2 });
  });

  it('rollback(reason) rejects with the reason and writes nothing', async () => {
    await db.collection('t').add({ data: { _id: 'a', n: 1 } });
    await expect(db.runTransaction(async (t: any) => {
      await t.collection('t').doc('a').update({ data: { n: 5 } });
      await t.rollback(-100);
    })).rejects.toBe(-100);
    expect((await db.collection('t').doc('a').get()).data).toMatchObject({ n: 1 });
  });
});

describe('context, storage, invocation', () => {
  it('getWXContext answers the OPENID of each concurrent call, none for a timer', async () => {
    const seen = await Promise.all(['o-1', 'o-2', null].map((o) => bed.runAs(o, async () => {
      await new Promise((r) => setImmediate(r));
      return bed.sdk.getWXContext().OPENID ?? null;
    })));
    expect(seen).toEqual(['o-1', 'o-2', null]);
    expect(bed.sdk.getWXContext()).toMatchObject({ ENV: bed.env });
  });

  it('stores files: upload, temporary URL, download', async () => {
    const { fileID } = await bed.sdk.uploadFile({ cloudPath: 'exports/a.xlsx', fileContent: Buffer.from('xyz') });
    expect(fileID).toMatch(new RegExp(`^cloud://${bed.env}\\..+/exports/a\\.xlsx$`));
    const { fileList } = await bed.sdk.getTempFileURL({ fileList: [fileID, 'cloud://nope/x'] });
    expect(fileList[0]).toMatchObject({ status: 0, tempFileURL: expect.stringMatching(/^https:\/\/.+\/exports\/a\.xlsx\?sign=/) });
    expect(fileList[1]).toMatchObject({ status: -1, tempFileURL: '' });
    expect((await bed.sdk.downloadFile({ fileID })).fileContent.toString()).toBe('xyz');
    await expect(bed.sdk.downloadFile({ fileID: 'cloud://nope/x' })).rejects.toMatchObject({ errCode: -503003 });
    await expect(bed.sdk.uploadFile({ cloudPath: '/abs.png', fileContent: Buffer.from('') })).rejects.toThrow(/invalid cloudPath/);
  });

  it("a function's main fails with a timeout after its config.json timeout (3 s by default)", async () => {
    const slow = () => new Promise((r) => setTimeout(() => r('late'), 1500));
    await expect(bed.invoke('slowfn', slow, {}, { config: { timeout: 1 } })).rejects.toBeInstanceOf(FunctionTimeout);
    expect(await bed.invoke('slowfn', slow, {}, { config: {} })).toBe('late');
    expect(bed.timeouts).toEqual([{ fn: 'slowfn', seconds: 1 }]);
  });

  it('openapi calls need the permission in config.json', async () => {
    const main = () => bed.sdk.openapi.wxacode.getUnlimited({ scene: 'abc', checkPath: false });
    await expect(bed.invoke('assign', main, {}, { config: { permissions: { openapi: ['subscribeMessage.send'] } } })).rejects.toMatchObject({ errCode: -604101 });
    await expect(bed.invoke('service', main, {}, { config: { permissions: { openapi: ['wxacode.getUnlimited'] } } })).resolves.toMatchObject({ contentType: 'image/jpeg' });
  });
});

describe('subscribeMessage.send', () => {
  const send = (data: Record<string, string>, extra: Record<string, unknown> = {}) =>
    bed.sdk.openapi.subscribeMessage.send({ touser: 'o-1', templateId: 'T1', page: 'pages/index/index', data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, { value: v }])), ...extra });

  it.each<[string, string, boolean]>([
    ['thing1', '二十个字以内的事物描述二十个字以内的事物', true],
    ['thing1', '超过二十个字的事物描述超过二十个字的事物描述', false],
    ['number1', '12.50', true],
    ['number1', '12a', false],
    ['letter1', 'ABCxyz', true],
    ['letter1', 'AB1', false],
    ['symbol1', '%$#', true],
    ['symbol1', '%$#!@&', false],
    ['character_string1', 'SQ202611230001', true],
    ['character_string1', 'SQ-2026/11', true],
    ['character_string1', '诉求SQ2026', false],
    ['character_string1', 'A'.repeat(33), false],
    ['time1', '15:01', true],
    ['time1', '2019年10月1日 15:01', true],
    ['time1', '2026-11-23 09:30', true],
    ['time1', '2026-11-23 09:30 ~ 2026-11-23 10:30', true],
    ['time1', '明天上午', false],
    ['date1', '2019年10月1日', true],
    ['date1', '2019年10月1日 15:01', true],
    ['date1', '15:01', false],
    ['amount1', '¥100.50', true],
    ['amount1', '100元', true],
    ['amount1', '一百元', false],
    ['phone_number1', '+86-0766-66888866', true],
    ['phone_number1', '电话13612340001', false],
    ['car_number1', '粤A8Z888挂', true],
    ['car_number1', '粤A8Z888挂超', false],
    ['name1', '欧阳娜娜', true],
    ['name1', 'Tom Smith', true],
    ['name1', '一二三四五六七八九十一', false],
    ['phrase1', '已受理', true],
    ['phrase1', '已受理了吗啊', false],
    ['phrase1', '待签收1', false],
    ['thing1', '', false],
  ])('%s = %j is %s', async (key, value, ok) => {
    bed.consent('o-1', 'T1');
    if (ok) await expect(send({ [key]: value })).resolves.toMatchObject({ errCode: 0 });
    else await expect(send({ [key]: value })).rejects.toMatchObject({ errCode: 47003, errMsg: expect.stringContaining(`data.${key}.value`) });
  });

  it('needs a consent per message (43101 without one) and records every send', async () => {
    await expect(send({ thing1: '好' })).rejects.toMatchObject({ errCode: 43101 });
    bed.consent('o-1', 'T1', 2);
    await send({ thing1: '一' });
    await send({ thing1: '二' });
    await expect(send({ thing1: '三' })).rejects.toMatchObject({ errCode: 43101 });
    expect(bed.wechat.sent.map((s) => s.result)).toEqual([43101, 'ok', 'ok', 43101]);
  });

  it('checks touser, template id, page and miniprogram_state', async () => {
    bed.consent('o-1', 'T1', Infinity);
    await expect(send({ thing1: 'x' }, { touser: '' })).rejects.toMatchObject({ errCode: 40003 });
    await expect(send({ thing1: 'x' }, { templateId: '' })).rejects.toMatchObject({ errCode: 40037 });
    await expect(send({ thing1: 'x' }, { miniprogramState: 'release' })).rejects.toMatchObject({ errCode: 47003 });
    await expect(send({ thing1: 'x' }, { miniprogramState: 'developer' })).resolves.toMatchObject({ errCode: 0 });
    const strict = createTestBed({ pages: ['pages/index/index'], templates: { T1: ['thing1', 'phrase2'] } });
    strict.consent('o-1', 'T1', Infinity);
    const s = (data: Record<string, { value: string }>, page = 'pages/index/index') => strict.sdk.openapi.subscribeMessage.send({ touser: 'o-1', templateId: 'T1', page, data });
    await expect(s({ thing1: { value: 'x' } })).rejects.toMatchObject({ errCode: 47003, errMsg: expect.stringContaining('data.phrase2.value is empty') });
    await expect(s({ thing1: { value: 'x' }, phrase2: { value: '已办' } }, 'pages/none/index?id=1')).rejects.toMatchObject({ errCode: 41030 });
    await expect(s({ thing1: { value: 'x' }, phrase2: { value: '已办' } }, 'pages/index/index?id=1')).resolves.toMatchObject({ errCode: 0 });
    await expect(strict.sdk.openapi.subscribeMessage.send({ touser: 'o-1', templateId: 'T9', data: {} })).rejects.toMatchObject({ errCode: 40037 });
  });

  it('knows no field type it cannot check', () => {
    expect(fieldProblem('thing12', 'x')).toBeNull();
    expect(fieldProblem('weird1', 'x')).toMatch(/does not know/);
  });
});

describe('wxacode.getUnlimited and msgSecCheck', () => {
  const code = (p: Record<string, unknown>, b: TestBed = bed) => b.sdk.openapi.wxacode.getUnlimited(p);

  it('checks scene, page, check_path and env_version', async () => {
    const b = createTestBed({ pages: ['subpkg-visit/scan/index'] });
    await expect(code({ scene: 'A'.repeat(33) }, b)).rejects.toMatchObject({ errCode: 40169 });
    await expect(code({ scene: '场景' }, b)).rejects.toMatchObject({ errCode: 40169 });
    await expect(code({ scene: 'a b' }, b)).rejects.toMatchObject({ errCode: 40169 });
    await expect(code({ scene: 'abc', page: '/subpkg-visit/scan/index', checkPath: false }, b)).rejects.toMatchObject({ errCode: 41030 });
    await expect(code({ scene: 'abc', page: 'subpkg-visit/scan/index?x=1', checkPath: false }, b)).rejects.toMatchObject({ errCode: 41030 });
    await expect(code({ scene: 'abc', page: 'subpkg-visit/none/index' }, b)).rejects.toMatchObject({ errCode: 41030 });
    await expect(code({ scene: 'abc', page: 'subpkg-visit/none/index', checkPath: false }, b)).resolves.toMatchObject({ contentType: 'image/jpeg' });
    await expect(code({ scene: 'abc', envVersion: 'release2' }, b)).rejects.toMatchObject({ errCode: 40097 });
    const r = await code({ scene: "a1!#$&'()*+,/:;=?@-._~", page: 'subpkg-visit/scan/index', envVersion: 'trial' }, b);
    expect(JSON.parse(r.buffer.subarray(4).toString())).toMatchObject({ envVersion: 'trial', page: 'subpkg-visit/scan/index' });
    expect(b.wechat.codes.filter((c) => c.result === 'ok')).toHaveLength(2);
  });

  it('msgSecCheck v2 answers suggest, risky for the words a test declares', async () => {
    bed.riskyWords('违禁词');
    const check = (content: string, openid = 'o-1') => bed.sdk.openapi.security.msgSecCheck({ content, version: 2, scene: 1, openid });
    await expect(check('正常的诉求内容')).resolves.toMatchObject({ result: { suggest: 'pass' } });
    await expect(check('含有违禁词的内容')).resolves.toMatchObject({ result: { suggest: 'risky' } });
    await expect(check('x', '')).rejects.toMatchObject({ errCode: 40003 });
    await expect(check('字'.repeat(2501))).rejects.toMatchObject({ errCode: 40097 });
  });
});

describe('the demo mini-program pages', () => {
  it('are read from src/app.config.ts', () => {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const { miniProgramPages } = require('./functions') as typeof import('./functions');
    const pages = miniProgramPages(ROOT);
    expect(pages).toEqual(expect.arrayContaining(['pages/index/index', 'subpkg-visit/scan/index', 'subpkg-enterprise/detail/index']));
  });
});
