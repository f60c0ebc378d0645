/** 事项清单 Excel 导入: the template, a dry run that writes nothing, then the items, matched by their name. */
import ExcelJS from 'exceljs';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeHarness, type Harness } from '../../tests/support/harness';
import { C } from '../collections';
import type { ItemEntry } from './items';

let h: Harness;
beforeEach(async () => { h = await makeHarness(undefined, { files: true }); });
afterEach(() => h.cleanup());

const HEADER = ['事项名称', '类别', '责任部门', '责任单位', '层级', '办理时限类别', '关键词', '常见说法', '法律依据'];
async function put(bytes: Buffer) {
  const name = `${randomBytes(12).toString('hex')}.xlsx`;
  writeFileSync(join(h.filesDir, name), bytes);
  await h.ports.store.collection(C.uploads).add({ _id: name, ownerId: 'u-admin', type: 'xlsx', size: bytes.length, createdAt: '2026-01-01T00:00:00Z' });
  return `local://uploads/${name}`;
}
async function upload(rows: string[][], header = HEADER) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('事项清单');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return put(Buffer.from(await wb.xlsx.writeBuffer()));
}
const items = () => h.store.collection<ItemEntry>(C.items);

test('the template has the columns the import reads, names what to choose from, and imports as nothing', async () => {
  const t = await h.ok('u-admin', { action: 'items.template' });
  const bytes = readFileSync(join(h.filesDir, t.fileID.replace(/^local:\/\//, '')));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  expect((wb.worksheets[0].getRow(1).values as unknown[]).slice(1)).toEqual(HEADER);
  const text = wb.getWorksheet('填写说明')!.getSheetValues().flat().join(' ');
  for (const word of ['开办企业', '区自然资源局', '街道', '即办/简易']) expect(text).toContain(word);
  const before = await items().count({});
  expect(await h.ok('u-admin', { action: 'items.import', fileID: await put(bytes) })).toMatchObject({ total: 0, create: 0, errorCount: 0 });
  expect(await items().count({})).toBe(before);
});

test('a dry run writes nothing; the import creates, updates by name, leaves the unchanged, and a re-import changes nothing', async () => {
  const seeded = (await items().get('ri-009'))!;
  const count = await items().count({});
  const fileID = await upload([
    // the seeded item by its name, with a new phrasing: an update of that item
    [seeded.name, '办理建筑许可', '区自然资源局', '', '区', '一般', seeded.keywords.join('；'), [...seeded.phrasings, '规划许可证咋申请'].join('；'), seeded.legalBasis],
    ['工业厂房屋顶光伏备案', '获得电力', '', '区发展和改革局', '区', '即办/简易', '光伏；屋顶光伏；分布式光伏', '厂房顶上装光伏要备案吗', '《分布式光伏发电项目管理办法》'],
    ['新', '不存在的类别', '不存在的部门', '', '省', '很快', '', '', ''],
    ['工业厂房屋顶光伏备案', '获得电力', '', '区发展和改革局', '区', '一般', '', '', ''],
    ['没有责任单位的事项', '获得电力', '', '', '街道', '一般', '', '', ''],
  ]);
  const dry = await h.ok('u-admin', { action: 'items.import', fileID });
  expect(dry).toMatchObject({ dryRun: true, total: 5, create: 1, update: 1, unchanged: 0, errorCount: 3 });
  expect(dry.errors.map((e: { row: number; reasons: string[] }) => [e.row, e.reasons])).toEqual([
    [4, ['类别“不存在的类别”不存在', '责任部门“不存在的部门”不存在', '层级“省”应为社区、街道、区之一', '办理时限类别“很快”应为即办/简易、一般、复杂之一', '事项名称至少2个字']],
    [5, ['与第3行的事项名称重复']],
    [6, ['请填写责任部门，或填写责任单位']],
  ]);
  expect(await items().count({})).toBe(count);
  expect((await items().get('ri-009'))!.phrasings).toEqual(seeded.phrasings);

  const done = await h.ok('u-admin', { action: 'items.import', fileID, confirm: true });
  expect(done).toMatchObject({ dryRun: false, finished: true, created: 1, updated: 1, remaining: 0 });
  expect(await items().count({})).toBe(count + 1);
  expect((await items().get('ri-009'))!.phrasings).toContain('规划许可证咋申请');
  const [made] = await items().find({ name: '工业厂房屋顶光伏备案' }, { limit: 2 });
  expect(made).toMatchObject({ category: 'dianli', departmentId: null, owner: '区发展和改革局', tier: 'district', deadlineClass: 'simple', keywords: ['光伏', '屋顶光伏', '分布式光伏'], active: true });
  // the submit page's suggestions see the new item at once
  const s = await h.ok('u-linxiao', { action: 'items.suggest', text: '我们厂房屋顶想装分布式光伏' });
  expect(s.items.map((i: { name: string }) => i.name)).toContain('工业厂房屋顶光伏备案');
  const log = await h.store.collection(C.audit).find({ action: 'items.import' }, { limit: 5 });
  expect(log.map((a) => (a as unknown as { summary: string }).summary)).toEqual(['导入事项清单：新增1项，修改1项，跳过错误行3行']);

  const again = await h.ok('u-admin', { action: 'items.import', fileID, confirm: true });
  expect(again).toMatchObject({ finished: true, created: 0, updated: 0, unchanged: 2 });
  expect(await items().count({})).toBe(count + 1);
});

test('only the admin imports, with its own upload and the template\'s header', async () => {
  const fileID = await upload([['工业厂房屋顶光伏备案', '获得电力', '', '区发展和改革局', '区', '一般', '', '', '']]);
  const count = await items().count({});
  for (const who of ['u-sunli', 'u-linxiao', 'u-majianguo']) {
    const r = await h.call(who, { action: 'items.import', fileID, confirm: true });
    expect(r.ok ? 'OK' : r.code).toBe('FORBIDDEN');
  }
  const wrong = await upload([['a', 'b']], ['名称', '类别']);
  const r = await h.call('u-admin', { action: 'items.import', fileID: wrong });
  expect(r.ok ? '' : r.message).toBe('表头应为：事项名称、类别、责任部门、责任单位、层级、办理时限类别、关键词、常见说法、法律依据（请使用下载的模板）');
  expect(await items().count({})).toBe(count);
});
