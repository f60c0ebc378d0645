/**
 * The registry import from the .xlsx template: a dry run that names every bad row with every problem
 * of it, then confirm; the bad rows as a workbook to fix and upload again (下载错误行); files that are
 * not the template.
 */
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

/** the cells of a workbook's first sheet, as text, row by row */
async function rowsOf(fileID: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(join(h.filesDir, fileID.replace(/^local:\/\//, ''))) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const out: string[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) out.push(Array.from({ length: ws.columnCount }, (_, i) => ws.getRow(r).getCell(i + 1).text));
  return out;
}

test('a bad row names every problem it has, in the order of the columns, not only the first', async () => {
  const good = makeCreditCode(70_000_011);
  const fileID = await sheet([
    ['云溪好行有限公司', good, '东城路1号', '东城一网格', '', '小型', '', ''],
    // five problems: the name, the code, the grid, the scale, the phone
    ['坏', '91130182100000008A', '某路1号', '月球网格', '', '巨型', '', '12345'],
    // a good code that repeats row 2's, with a bad scale besides
    ['云溪重复有限公司', good, '某路2号', '东城一网格', '', '特大', '', ''],
    // nothing but a name
    ['只有名称有限公司', '', '', '', '', '', '', ''],
  ]);
  const dry = await h.ok('u-admin', { action: 'admin.enterprises.import', fileID });
  expect(dry).toMatchObject({ dryRun: true, total: 4, create: 1, errorCount: 3 });
  expect(dry.errors.map((e: { row: number; reasons: string[] }) => [e.row, e.reasons])).toEqual([
    [3, ['请填写企业全称', '统一社会信用代码校验失败', '所属网格“月球网格”不存在', '规模应为大型、中型、小型、微型之一', '联系电话格式不正确']],
    [4, ['规模应为大型、中型、小型、微型之一', '与第2行的统一社会信用代码重复']],
    [5, ['未填写统一社会信用代码', '未填写所属网格']],
  ]);
  // the one-line reason the older page reads says the same
  expect(dry.errors[0].reason).toBe('请填写企业全称；统一社会信用代码校验失败；所属网格“月球网格”不存在；规模应为大型、中型、小型、微型之一；联系电话格式不正确');
});

test('下载错误行: the bad rows as typed, with 错误原因; fixed and uploaded again, they import', async () => {
  const codes = [70_000_021, 70_000_022, 70_000_023].map((n) => makeCreditCode(n));
  const fileID = await sheet([
    ['云溪甲有限公司', codes[0], '东城路1号', '东城一网格', '软件信息', '小型', '甲', '13900001111'],
    ['云溪乙有限公司', codes[1], '东城路2号', '月球网格', '农业', '巨型', '乙', '0571-8888'],
    ['云溪丙有限公司', codes[2].toLowerCase(), '东城路3号', '西湖一网格', '', '', '丙', '13900003333'],
    ['云溪丁有限公司', '91130182100000008A', '', '东城一网格', '', '', '', ''],
  ]);
  const file = await h.ok('u-admin', { action: 'admin.enterprises.importErrors', fileID });
  expect(file).toMatchObject({ rows: 2, fileID: expect.stringMatching(/^local:\/\/exports\/enterprise-import-errors-.+\.xlsx$/), url: expect.any(String) });
  const rows = await rowsOf(file.fileID);
  expect(rows).toEqual([
    ['名称', '统一社会信用代码', '地址', '所属网格', '行业', '规模', '联系人', '联系电话', '错误原因'],
    ['云溪乙有限公司', codes[1], '东城路2号', '月球网格', '农业', '巨型', '乙', '0571-8888', '所属网格“月球网格”不存在；规模应为大型、中型、小型、微型之一；联系电话格式不正确'],
    ['云溪丁有限公司', '91130182100000008A', '', '东城一网格', '', '', '', '', '统一社会信用代码校验失败'],
  ]);

  // confirmed: the good rows are written; the workbook of bad rows is still the same
  await h.ok('u-admin', { action: 'admin.enterprises.import', fileID, confirm: true });
  expect(await rowsOf((await h.ok('u-admin', { action: 'admin.enterprises.importErrors', fileID })).fileID)).toEqual(rows);

  // the admin fixes the two rows in that workbook and uploads it again: the extra column is not read
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(join(h.filesDir, file.fileID.replace(/^local:\/\//, ''))) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  ws.getRow(2).getCell(4).value = '东城一网格';
  ws.getRow(2).getCell(6).value = '中型';
  ws.getRow(2).getCell(8).value = '0571-88886666';
  ws.getRow(3).getCell(2).value = makeCreditCode(70_000_024);
  const fixed = await uploaded(Buffer.from(await wb.xlsx.writeBuffer()));
  const dry = await h.ok('u-admin', { action: 'admin.enterprises.import', fileID: fixed });
  expect(dry).toMatchObject({ total: 2, create: 2, errorCount: 0, errors: [] });
  expect(await h.ok('u-admin', { action: 'admin.enterprises.importErrors', fileID: fixed })).toMatchObject({ rows: 0 });
  await h.ok('u-admin', { action: 'admin.enterprises.import', fileID: fixed, confirm: true });
  const ents = h.store.collection<Enterprise>(C.enterprises);
  expect(await ents.count({ creditCode: { $in: [codes[0], codes[1], codes[2], makeCreditCode(70_000_024)] } })).toBe(4);
  expect((await ents.find({ creditCode: codes[1] }, { limit: 1 }))[0]).toMatchObject({ name: '云溪乙有限公司', scale: '中型', contactPhone: '0571-88886666' });
});

test('下载错误行 takes only the admin\'s own upload', async () => {
  const tpl = await h.ok('u-admin', { action: 'admin.enterprises.template' });
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('企业名录').addRow(['名称', '统一社会信用代码', '地址', '所属网格', '行业', '规模', '联系人', '联系电话']);
  const others = await uploaded(Buffer.from(await wb.xlsx.writeBuffer()), 'u-linxiao');
  for (const fileID of [tpl.fileID, others, 'local://uploads/../app.db']) {
    expect(await h.call('u-admin', { action: 'admin.enterprises.importErrors', fileID })).toMatchObject({ ok: false, code: 'FILE_NOT_ALLOWED' });
  }
  expect(await h.call('u-linxiao', { action: 'admin.enterprises.importErrors', fileID: others })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
});
