/** 知识库 Excel 导入: the template, a dry run that writes nothing, then the entries, matched by their question. */
import ExcelJS from 'exceljs';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeHarness, type Harness } from '../../tests/support/harness';
import { C } from '../collections';
import type { KbEntry } from './kb';

let h: Harness;
beforeEach(async () => { h = await makeHarness(undefined, { files: true }); });
afterEach(() => h.cleanup());

const HEADER = ['问题', '答复', '类别', '责任部门', '其他问法', '生效日期', '失效日期'];
async function upload(rows: string[][], header = HEADER) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('知识库');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  const name = `${randomBytes(12).toString('hex')}.xlsx`;
  writeFileSync(join(h.filesDir, name), bytes);
  await h.ports.store.collection(C.uploads).add({ _id: name, ownerId: 'u-admin', type: 'xlsx', size: bytes.length, createdAt: '2026-01-01T00:00:00Z' });
  return `local://uploads/${name}`;
}
const kb = () => h.store.collection<KbEntry>(C.kb);

test('the template has the columns the import reads, and names the categories and departments to use', async () => {
  const t = await h.ok('u-admin', { action: 'kb.template' });
  const wb = new ExcelJS.Workbook();
  const bytes = readFileSync(join(h.filesDir, t.fileID.replace(/^local:\/\//, '')));
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  expect((wb.worksheets[0].getRow(1).values as unknown[]).slice(1)).toEqual(HEADER);
  const help = wb.getWorksheet('填写说明')!;
  const text = help.getSheetValues().flat().join(' ');
  expect(text).toContain('纳税及社保');
  expect(text).toContain('区自然资源局');
  // the template as downloaded imports as nothing (its example row is skipped), not as errors
  const fileID = `local://uploads/${randomBytes(12).toString('hex')}.xlsx`;
  writeFileSync(join(h.filesDir, fileID.slice('local://uploads/'.length)), bytes);
  await h.ports.store.collection(C.uploads).add({ _id: fileID.slice('local://uploads/'.length), ownerId: 'u-admin', type: 'xlsx', size: bytes.length, createdAt: '2026-01-01T00:00:00Z' });
  expect(await h.ok('u-admin', { action: 'kb.import', fileID })).toMatchObject({ total: 0, create: 0, errorCount: 0 });
});

test('a dry run writes nothing; the import creates, updates by question, leaves the unchanged, and a re-import changes nothing', async () => {
  await h.ok('u-admin', { action: 'kb.save', question: '新办企业如何申领发票？', answer: '旧的答复：请到办税服务厅申领发票。', category: 'nashui' });
  const before = (await kb().find({}, { limit: 10 }))[0];
  const fileID = await upload([
    ['新办企业如何申领发票？', '新办纳税人可在电子税务局在线申领发票，一般1个工作日内办结。', '纳税及社保', '', '怎么领发票；发票申领', '', ''],
    ['工业用地出让有哪些条件？', '工业用地通过招拍挂方式出让，详见区自然资源局公告。', '用地', '区自然资源局', '', '2026-01-01', '2026-12-31'],
    ['问', '太短', '不存在的类别', '不存在的部门', '', '2026-13-01', ''],
    ['工业用地出让有哪些条件？', '重复的问题这一行应被拒绝，答复长度足够。', '用地', '', '', '', ''],
  ]);
  const dry = await h.ok('u-admin', { action: 'kb.import', fileID });
  expect(dry).toMatchObject({ dryRun: true, total: 4, create: 1, update: 1, unchanged: 0, errorCount: 2 });
  expect(dry.errors.map((e: { row: number; reasons: string[] }) => [e.row, e.reasons])).toEqual([
    [4, ['类别“不存在的类别”不存在', '责任部门“不存在的部门”不存在', '问题至少4个字', '答复至少10个字', '日期格式应为 YYYY-MM-DD']],
    [5, ['与第3行的问题重复']],
  ]);
  expect(await kb().count({})).toBe(1);

  const done = await h.ok('u-admin', { action: 'kb.import', fileID, confirm: true });
  expect(done).toMatchObject({ dryRun: false, finished: true, created: 1, updated: 1, remaining: 0 });
  const all = await kb().find({}, { limit: 10 });
  expect(all).toHaveLength(2);
  const edited = all.find((e) => e._id === before._id)!;
  expect(edited).toMatchObject({ answer: '新办纳税人可在电子税务局在线申领发票，一般1个工作日内办结。', phrasings: ['怎么领发票', '发票申领'], active: true });
  expect(all.find((e) => e._id !== before._id)).toMatchObject({ question: '工业用地出让有哪些条件？', category: 'yongdi', departmentId: 'dep-zrzy', validFrom: '2026-01-01', validTo: '2026-12-31' });
  // the enterprises' suggestions see the new entry at once
  const s = await h.ok('u-linxiao', { action: 'kb.suggest', text: '工业用地出让需要什么条件' });
  expect(s.answers.map((a: { question: string }) => a.question)).toContain('工业用地出让有哪些条件？');
  // audited once, in Chinese
  const log = await h.store.collection(C.audit).find({ action: 'kb.import' }, { limit: 5 });
  expect(log.map((a) => (a as unknown as { summary: string }).summary)).toEqual(['导入知识库：新增1条，修改1条，跳过错误行2行']);

  const again = await h.ok('u-admin', { action: 'kb.import', fileID, confirm: true });
  expect(again).toMatchObject({ finished: true, created: 0, updated: 0, unchanged: 2 });
  expect(await kb().count({})).toBe(2);
});

test('only the admin imports, with its own upload and the template\'s header', async () => {
  const fileID = await upload([['新办企业如何申领发票？', '新办纳税人可在电子税务局在线申领发票。', '纳税及社保', '', '', '', '']]);
  for (const who of ['u-sunli', 'u-linxiao', 'u-majianguo']) {
    const r = await h.call(who, { action: 'kb.import', fileID, confirm: true });
    expect(r.ok ? 'OK' : r.code).toBe('FORBIDDEN');
  }
  const wrong = await upload([['a', 'b']], ['问', '答']);
  const r = await h.call('u-admin', { action: 'kb.import', fileID: wrong });
  expect(r.ok ? '' : r.message).toBe('表头应为：问题、答复、类别、责任部门、其他问法、生效日期、失效日期（请使用下载的模板）');
  expect(await kb().count({})).toBe(0);
});
