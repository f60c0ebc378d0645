/** The registry import from the .xlsx template: a dry run that names every bad row, then confirm; files that are not the template. */
import ExcelJS from 'exceljs';
import { readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { C } from '../collections';
import type { Enterprise } from '../model';
import { makeCreditCode } from '../seed/demo-district';
import { makeHarness, type Harness } from '../../tests/support/harness';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness(undefined, { files: true });
});
afterEach(() => h.cleanup());

async function sheet(rows: string[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('企业名录');
  ws.addRow(['名称', '统一社会信用代码', '地址', '所属网格', '行业', '规模', '联系人', '联系电话']);
  rows.forEach((r) => ws.addRow(r));
  return uploaded(Buffer.from(await wb.xlsx.writeBuffer()));
}

/** a file the admin uploaded, as the local server's /upload stores it (the bytes and who uploaded them) */
async function uploaded(bytes: Buffer | string, ownerId = 'u-admin'): Promise<string> {
  const name = `${randomBytes(12).toString('hex')}.xlsx`;
  writeFileSync(join(h.filesDir, name), bytes);
  await h.ports.store.collection(C.uploads).add({ _id: name, ownerId, type: 'xlsx', size: bytes.length, createdAt: '2026-01-01T00:00:00Z' });
  return `local://uploads/${name}`;
}

const audit = async () => (await h.ok('u-admin', { action: 'admin.audit.list' })).items as Array<{ action: string; actorName: string; before: unknown; after: unknown }>;

test('import: the dry run names every bad row and writes nothing; confirm writes; the same file again changes nothing', async () => {
  const good1 = makeCreditCode(70_000_001);
  const good2 = makeCreditCode(70_000_002);
  const existing = (await h.store.collection<Enterprise>(C.enterprises).get('e-003'))!;
  const fileID = await sheet([
    ['云溪新锐机器人有限公司', good1, '东城路88号', '东城一网格', '智能制造', '小型', '钱多', '13900001111'],
    ['云溪丰禾农业科技有限公司', good2.toLowerCase(), '西湖路6号', '西湖一网格', '农业', '微型', '孙禾', '13900002222'],
    [existing.name, existing.creditCode, '新地址99号', '东城一网格', existing.industry, existing.scale, '', ''],
    ['坏代码公司', '91130182100000008A', '某路1号', '东城一网格', '', '', '', ''],
    ['无网格公司', makeCreditCode(70_000_003), '某路2号', '月球网格', '', '', '', ''],
    ['重复行公司', good1, '某路3号', '东城一网格', '', '', '', ''],
    ['规模不对公司', makeCreditCode(70_000_004), '某路4号', '东城一网格', '', '巨型', '', '13900003333'],
  ]);
  const before = await h.store.collection(C.enterprises).count({});
  const dry = await h.ok('u-admin', { action: 'admin.enterprises.import', fileID });
  expect(dry).toMatchObject({ dryRun: true, total: 7, create: 2, update: 1, unchanged: 0, written: 0 });
  expect(dry.errors.map((e: any) => [e.row, e.reason])).toEqual([
    [5, '统一社会信用代码校验失败'],
    [6, '所属网格“月球网格”不存在'],
    [7, '与第2行的统一社会信用代码重复'],
    [8, '规模应为大型、中型、小型、微型之一'],
  ]);
  expect(await h.store.collection(C.enterprises).count({})).toBe(before);

  const done = await h.ok('u-admin', { action: 'admin.enterprises.import', fileID, confirm: true });
  expect(done).toMatchObject({ dryRun: false, create: 2, update: 1, written: 3 });
  expect(await h.store.collection(C.enterprises).count({})).toBe(before + 2);
  expect((await h.store.collection<Enterprise>(C.enterprises).get('e-003'))!).toMatchObject({ address: '新地址99号', contactIds: existing.contactIds });
  const again = await h.ok('u-admin', { action: 'admin.enterprises.import', fileID, confirm: true });
  expect(again).toMatchObject({ create: 0, update: 0, unchanged: 3, written: 0 });
  expect(await h.store.collection(C.enterprises).count({})).toBe(before + 2);
  expect((await audit()).filter((a) => a.action === 'enterprise.import')).toHaveLength(2);
});

test('a file that is not the template is refused with a clear message', async () => {
  expect(await h.call('u-admin', { action: 'admin.enterprises.import', fileID: await uploaded('hello') })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', message: '文件不是有效的 .xlsx 表格，请使用下载的模板' });
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('x').addRow(['企业', '代码']);
  const r = await h.call('u-admin', { action: 'admin.enterprises.import', fileID: await uploaded(Buffer.from(await wb.xlsx.writeBuffer())) });
  expect(r).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
  if (!r.ok) expect(r.message).toContain('表头应为：名称、统一社会信用代码');
  // the template the console offers parses as a valid (empty) import
  const tpl = await h.ok('u-admin', { action: 'admin.enterprises.template' });
  const tplBytes = readFileSync(join(h.filesDir, tpl.fileID.replace(/^local:\/\//, '')));
  const dry = await h.ok('u-admin', { action: 'admin.enterprises.import', fileID: await uploaded(tplBytes) });
  expect(dry).toMatchObject({ total: 0, errors: [] });
  // only the admin's own upload: not the generated template itself, not another user's file, not a path out of uploads/
  for (const fileID of [tpl.fileID, await uploaded(tplBytes, 'u-linxiao'), 'local://uploads/../app.db', 'local://uploads/0123456789abcdef01234567.xlsx']) {
    expect(await h.call('u-admin', { action: 'admin.enterprises.import', fileID })).toMatchObject({ ok: false, code: expect.stringMatching(/FILE_NOT_ALLOWED|VALIDATION_FAILED/) });
  }
});
