/**
 * The registry import of 5,000 rows on CloudBase's clock: every store call costs 10 ms (the fake
 * clock moves on with each), a call has a 2 s budget. The import runs over several calls, each
 * within its budget, ends as one big call would, and a call after the end changes nothing.
 */
import ExcelJS from 'exceljs';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { C } from '../collections';
import { enterpriseIdFor } from './enterprises';
import { CALL_BUDGET_MS } from '../jobs';
import { readAll } from '../read-all';
import type { Enterprise } from '../model';
import { makeCreditCode } from '../seed/demo-district';
import { localFiles } from '../../adapters/local-ports';
import { tickingStore } from '../../tests/support/store-probes';
import { makeHarness, type Harness } from '../../tests/support/harness';

jest.setTimeout(600_000);

const GRIDS = ['东城一网格', '东城二网格', '朝阳一网格', '西湖一网格', '西湖二网格', '柳岸一网格'];
const ROWS = 5000;
const GRID_NAMES: Record<string, string> = { 'g-dc1': '东城一网格', 'g-dc2': '东城二网格', 'g-cy1': '朝阳一网格', 'g-xh1': '西湖一网格', 'g-xh2': '西湖二网格', 'g-la1': '柳岸一网格' };

/** the store as the functions see it: each call costs `ms` of the fake clock, and is counted */
function slowStore(h: Harness, ms: number) {
  // every store call costs `ms` on the fake clock (tests/support/store-probes.ts)
  const store = tickingStore(h.store, h.clock, () => ms);
  h.ports.store = store;
  return { get calls() { return store.calls(); } };
}

/** 5,000 rows: new enterprises, the 30 registered ones (half changed), and some bad rows */
async function sheetBytes(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('企业名录');
  ws.addRow(['名称', '统一社会信用代码', '地址', '所属网格', '行业', '规模', '联系人', '联系电话']);
  const h = await makeHarness();
  const existing = await h.store.collection<Enterprise>(C.enterprises).find({}, { orderBy: [['_id', 'asc']], limit: 100 });
  h.cleanup();
  for (let i = 0; i < ROWS; i++) {
    const grid = GRIDS[i % GRIDS.length];
    if (i < existing.length) {
      // the registered enterprises: every other one with a new address
      const e = existing[i];
      ws.addRow([e.name, e.creditCode, i % 2 ? `新址${i}号` : e.address, GRID_NAMES[e.gridId], e.industry, e.scale, e.contactName ?? '', e.contactPhone ?? '']);
    } else if (i % 125 === 7) {
      ws.addRow([`错误行${i}有限公司`, '91130182100000008A', `某路${i}号`, grid, '', '', '', '']);
    } else {
      ws.addRow([`云溪第${i}号科技有限公司`, makeCreditCode(60_000_000 + i), `云溪路${i}号`, grid, '软件信息', ['大型', '中型', '小型', '微型'][i % 4], `联系人${i % 97}`, `139${String(i).padStart(8, '0')}`]);
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

let bytes: Buffer;
beforeAll(async () => {
  bytes = await sheetBytes();
});

async function world() {
  const h = await makeHarness();
  const dir = mkdtempSync(join(tmpdir(), 'yszt-import-'));
  h.ports.files = localFiles(dir);
  const name = `${randomBytes(12).toString('hex')}.xlsx`;
  writeFileSync(join(dir, name), bytes);
  await h.store.collection(C.uploads).add({ _id: name, ownerId: 'u-admin', type: 'xlsx', size: bytes.length, createdAt: '2026-01-01T00:00:00Z' });
  return { h, fileID: `local://uploads/${name}` };
}

/** the registry without the instants the calls ran at */
async function registry(h: Harness) {
  const all = await readAll(h.store.collection<Enterprise>(C.enterprises), {});
  return all.map(({ createdAt, ...rest }) => (void createdAt, rest));
}
const importAudits = async (h: Harness) => (await h.store.collection(C.audit).find({ action: 'enterprise.import' }, { limit: 100 })).length;

test('5,000 rows: the dry run reads the registry 90 codes a call, not a find per row', async () => {
  const { h, fileID } = await world();
  const stats = slowStore(h, 10);
  const dry = await h.ok('u-admin', { action: 'admin.enterprises.import', fileID });
  expect(dry).toMatchObject({ dryRun: true, total: ROWS, unchanged: 15, update: 15, errorCount: 39, written: 0 });
  expect(dry.create).toBe(ROWS - 30 - 39);
  // 56 lookups, the grids and communities, the upload record and the caller
  expect(stats.calls).toBeLessThanOrEqual(64);
  // eslint-disable-next-line no-console
  console.info(`dry run of ${ROWS} rows: ${stats.calls} store calls`);
  h.cleanup();
});

test('5,000 rows over several calls, each within its budget, end as one big call does; a call after the end changes nothing', async () => {
  // one big call: store calls cost nothing, so the budget is never spent
  const big = await world();
  const once = await big.h.ok('u-admin', { action: 'admin.enterprises.import', fileID: big.fileID, confirm: true });
  expect(once).toMatchObject({ finished: true, total: ROWS, done: ROWS, create: ROWS - 30 - 39, update: 15, unchanged: 15, errorCount: 39, written: ROWS - 30 - 39 + 15 });
  expect(once.message).toBe(`导入完成：新增${ROWS - 69}家，更新15家，无变化15家，跳过错误行39行`);

  // the same on CloudBase's clock
  const { h, fileID } = await world();
  slowStore(h, 10);
  const answers: Array<{ done: number; finished: boolean; message: string }> = [];
  const spent: number[] = [];
  let jobId: string | undefined;
  for (let i = 0; i < 200; i++) {
    const t0 = h.clock.now().getTime();
    const r = await h.ok('u-admin', { action: 'admin.enterprises.import', fileID, confirm: true, ...(jobId ? { jobId } : {}) });
    spent.push(h.clock.now().getTime() - t0);
    answers.push(r);
    jobId = r.jobId;
    if (r.finished) break;
  }
  const last = answers.at(-1)!;
  expect(last).toEqual({ ...once, jobId });
  expect(answers.length).toBeGreaterThan(5);
  for (const ms of spent) expect(ms).toBeLessThanOrEqual(CALL_BUDGET_MS);
  // eslint-disable-next-line no-console
  console.info(`import of ${ROWS} rows at 10 ms a store call: ${answers.length} calls of at most ${Math.max(...spent)} ms; progress ${answers.map((a) => a.done).join(' → ')}`);
  // progress only grows, and says so in the words the admin page shows
  for (let i = 1; i < answers.length; i++) expect(answers[i].done).toBeGreaterThan(answers[i - 1].done);
  expect(answers[0].message).toMatch(new RegExp(`^已导入 ${answers[0].done}/${ROWS} 行$`));
  expect(await registry(h)).toEqual(await registry(big.h));
  expect(await importAudits(h)).toBe(1);

  // after the end: the same answer, nothing written
  const before = await registry(h);
  const again = await h.ok('u-admin', { action: 'admin.enterprises.import', fileID, confirm: true, jobId });
  expect(again).toEqual(last);
  expect(await registry(h)).toEqual(before);
  expect(await importAudits(h)).toBe(1);
  big.h.cleanup();
  h.cleanup();
});

test('a call that finds the job held by another answers the progress and writes nothing; the job is only its starter\'s', async () => {
  const { h, fileID } = await world();
  slowStore(h, 10);
  const first = await h.ok('u-admin', { action: 'admin.enterprises.import', fileID, confirm: true });
  expect(first.finished).toBe(false);
  // another call holds the job right now
  await h.store.collection(C.jobs).update(first.jobId, { $set: { lease: 'l-other', leaseUntil: new Date(h.clock.now().getTime() + 3000).toISOString() } });
  const count = (await registry(h)).length;
  const busy = await h.ok('u-admin', { action: 'admin.enterprises.import', fileID, confirm: true, jobId: first.jobId });
  expect(busy).toMatchObject({ finished: false, done: first.done, message: `导入正在进行，已导入 ${first.done}/${ROWS} 行` });
  expect((await registry(h)).length).toBe(count);
  // its lease runs out (the call died): the next call takes the job over
  h.clock.advance(3001);
  const next = await h.ok('u-admin', { action: 'admin.enterprises.import', fileID, confirm: true, jobId: first.jobId });
  expect(next.done).toBeGreaterThan(first.done);
  // another admin, or another file, cannot continue it
  await h.store.collection(C.users).add({ _id: 'u-admin2', openid: 'dev-u-admin2', name: '管理员二', roles: ['admin'], active: true, enterpriseId: null, createdAt: '2026-01-01T00:00:00Z' });
  expect(await h.call('u-admin2', { action: 'admin.enterprises.import', fileID, confirm: true, jobId: first.jobId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  expect(await h.call('u-admin', { action: 'admin.enterprises.import', fileID: 'local://uploads/0123456789abcdef01234567.xlsx', confirm: true, jobId: first.jobId })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
  h.cleanup();
});

test('two imports of one file started at once register each enterprise once; a derived id held by a corrected code is not overwritten', async () => {
  const h = await makeHarness();
  const dir = mkdtempSync(join(tmpdir(), 'yszt-import-'));
  h.ports.files = localFiles(dir);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('企业名录');
  ws.addRow(['名称', '统一社会信用代码', '地址', '所属网格', '行业', '规模', '联系人', '联系电话']);
  for (let i = 0; i < 40; i++) ws.addRow([`云溪双击${i}号有限公司`, makeCreditCode(50_000_000 + i), `双击路${i}号`, '东城一网格', '', '', '', '']);
  const file = Buffer.from(await wb.xlsx.writeBuffer());
  const name = `${randomBytes(12).toString('hex')}.xlsx`;
  writeFileSync(join(dir, name), file);
  await h.store.collection(C.uploads).add({ _id: name, ownerId: 'u-admin', type: 'xlsx', size: file.length, createdAt: '2026-01-01T00:00:00Z' });
  const fileID = `local://uploads/${name}`;
  // the id row 0's code derives to already holds an enterprise whose code was corrected since
  const ents = h.store.collection<Enterprise>(C.enterprises);
  const corrected = { ...(await ents.get('e-001'))!, _id: enterpriseIdFor(makeCreditCode(50_000_000)), creditCode: makeCreditCode(50_999_999), name: '代码已更正有限公司' };
  await ents.add(corrected);

  const [a, b] = await Promise.all([1, 2].map(() => h.ok('u-admin', { action: 'admin.enterprises.import', fileID, confirm: true })));
  expect(a.finished && b.finished).toBe(true);
  expect(a.jobId).not.toBe(b.jobId);
  const all = await readAll(ents, {});
  for (let i = 0; i < 40; i++) expect(all.filter((e) => e.creditCode === makeCreditCode(50_000_000 + i))).toHaveLength(1);
  expect(await ents.get(corrected._id)).toEqual(corrected);
  expect(all.find((e) => e.creditCode === makeCreditCode(50_000_000))!._id).not.toBe(corrected._id);
  h.cleanup();
});
