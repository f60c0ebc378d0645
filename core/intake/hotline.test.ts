/** 12345 热线工单导入: the hotline's export, a dry run, then one request per new work order, never twice. */
import ExcelJS from 'exceljs';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeHarness, type Harness } from '../../tests/support/harness';
import { C } from '../collections';
import type { Enterprise, ServiceRequest } from '../model';
import { hotlineCategory } from './hotline';

let h: Harness;
beforeEach(async () => { h = await makeHarness(undefined, { files: true }); });
afterEach(() => h.cleanup());

/** an export as a hotline system writes it: its own column names and order */
async function upload(rows: string[][], header = ['序号', '工单号', '来电时间', '单位名称', '信用代码', '问题分类', '来电内容', '来电号码'], owner = 'u-sunli') {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('工单');
  ws.addRow(header);
  rows.forEach((r, i) => ws.addRow([String(i + 1), ...r]));
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  const name = `${randomBytes(12).toString('hex')}.xlsx`;
  writeFileSync(join(h.filesDir, name), bytes);
  await h.ports.store.collection(C.uploads).add({ _id: name, ownerId: owner, type: 'xlsx', size: bytes.length, createdAt: '2026-01-01T00:00:00Z' });
  return `local://uploads/${name}`;
}

const code = async (id: string) => (await h.store.collection<Enterprise>(C.enterprises).get(id))!.creditCode;

test('the dry run says what would happen; the import makes one request per new order, the enterprise\'s own; a re-import adds nothing', async () => {
  const fileID = await upload([
    ['RX2026112300017', '2026-11-22 09:12', '云溪精密机械制造有限公司', await code('e-001'), '供电服务', '企业反映厂区频繁停电，影响生产，希望供电部门排查线路。', '13612340002'],
    // no credit code: found by its exact registered name
    ['RX2026112300018', '2026-11-22 10:40', '东城新材料科技有限公司', '', '劳动保障', '企业反映招聘技术工人困难，希望对接职业院校。', '13612340001'],
    ['RX2026112300019', '2026-11-22 11:05', '不存在的公司', '', '其他', '反映的问题描述足够长。', '13612340009'],
    ['RX2026112300017', '2026-11-22 11:30', '云溪精密机械制造有限公司', '', '其他', '重复的工单编号这一行应被拒绝。', '13612340002'],
    ['RX2026112300020', '', '云溪恒达物流有限公司', '', '', '短', '12345'],
  ]);
  const dry = await h.ok('u-sunli', { action: 'hotline.import', fileID });
  expect(dry).toMatchObject({ dryRun: true, total: 5, create: 2, existing: 0, errorCount: 3 });
  expect(dry.errors.map((e: { row: number; reasons: string[] }) => [e.row, e.reasons])).toEqual([
    [4, ['未找到企业“不存在的公司”（请先在企业名录中登记）']],
    [5, ['与第2行的工单编号重复']],
    [6, ['诉求内容至少5个字', '联系电话格式不正确']],
  ]);
  expect(await h.requests().count({})).toBe(0);

  const done = await h.ok('u-sunli', { action: 'hotline.import', fileID, confirm: true });
  expect(done).toMatchObject({ dryRun: false, finished: true, created: 2, remaining: 0 });
  const docs = await h.requests().find({ channel: 'hotline' }, { limit: 10 });
  const byNo = new Map(docs.map((d: ServiceRequest) => [d.hotline?.no, d]));
  expect(byNo.get('RX2026112300017')).toMatchObject({ enterpriseId: 'e-001', submitterId: 'u-gaopeng', category: 'dianli', status: 'assigned', hotline: { no: 'RX2026112300017', at: '2026-11-22 09:12' } });
  expect(byNo.get('RX2026112300018')).toMatchObject({ enterpriseId: 'e-002', submitterId: 'u-linxiao', category: 'yonggong' });
  expect(byNo.get('RX2026112300017')!.timeline[0].text).toBe('12345热线工单 RX2026112300017（来电 2026-11-22 09:12）转入，孙丽导入');
  // the enterprise follows it as its own, and reads where it came from
  expect((await h.ok('u-gaopeng', { action: 'request.get', id: byNo.get('RX2026112300017')!._id })).request.timeline[0].text).toBe('您通过12345热线反映的问题（工单 RX2026112300017）已转来办理');
  expect((await h.ok('u-linxiao', { action: 'request.mine' })).items.map((r: { _id: string }) => r._id)).toEqual([byNo.get('RX2026112300018')!._id]);

  // the same export again, or a later one that repeats an order: nothing twice
  const again = await h.ok('u-sunli', { action: 'hotline.import', fileID, confirm: true });
  expect(again).toMatchObject({ finished: true, created: 0, existing: 2 });
  const later = await upload([['RX2026112300018', '2026-11-22 10:40', '东城新材料科技有限公司', '', '劳动保障', '企业反映招聘技术工人困难，希望对接职业院校。', '13612340001']]);
  expect(await h.ok('u-sunli', { action: 'hotline.import', fileID: later })).toMatchObject({ create: 0, existing: 1 });
  expect(await h.requests().count({ channel: 'hotline' })).toBe(2);
});

test('a community dispatcher imports only its scope\'s enterprises; others may not import, nor use a file they did not upload', async () => {
  await h.store.collection('users').update('u-sunli', { $set: { orgId: 'c-chaoyang' } });
  const fileID = await upload([['RX2026112300030', '', '云溪精密机械制造有限公司', '', '', '企业反映厂区频繁停电，影响生产。', '13612340002']]);
  const dry = await h.ok('u-sunli', { action: 'hotline.import', fileID });
  expect(dry.errors[0].reasons).toEqual(['企业“云溪精密机械制造有限公司”不在您的管辖范围内']);
  for (const who of ['u-zhangwei', 'u-admin', 'u-linxiao']) {
    const r = await h.call(who, { action: 'hotline.import', fileID });
    expect(r.ok ? 'OK' : r.code).toBe('FORBIDDEN');
  }
  await h.store.collection('users').update('u-sunli', { $set: { orgId: 'd-yunxi' } });
  const others = await upload([['RX2026112300031', '', '云溪精密机械制造有限公司', '', '', '企业反映厂区频繁停电，影响生产。', '13612340002']], undefined, 'u-majianguo');
  const r = await h.call('u-sunli', { action: 'hotline.import', fileID: others, confirm: true });
  expect(r.ok ? 'OK' : r.code).toBe('FILE_NOT_ALLOWED');
  expect(await h.requests().count({})).toBe(0);
});

test('a file that is not the export says what is missing', async () => {
  const fileID = await upload([['x', 'y']], ['编号', '内容']);
  const r = await h.call('u-sunli', { action: 'hotline.import', fileID });
  expect(r.ok ? '' : r.message).toBe('表格缺少列：工单编号、企业名称、诉求内容、联系电话（第一行应为列名）');
});

test('a file that is not a workbook says to upload the hotline\'s export', async () => {
  const name = `${randomBytes(12).toString('hex')}.xlsx`;
  writeFileSync(join(h.filesDir, name), 'not a workbook');
  await h.ports.store.collection(C.uploads).add({ _id: name, ownerId: 'u-sunli', type: 'xlsx', size: 14, createdAt: '2026-01-01T00:00:00Z' });
  expect(await h.call('u-sunli', { action: 'hotline.import', fileID: `local://uploads/${name}` }))
    .toMatchObject({ ok: false, code: 'VALIDATION_FAILED', message: '文件不是有效的 .xlsx 表格，请上传12345热线系统导出的工单表' });
});

test('the hotline\'s categories map to ours by name, then by words, else 12345便民热线', () => {
  expect(hotlineCategory('获得电力', '')).toBe('dianli');
  expect(hotlineCategory('城市管理', '门前道路破损，货车进出困难')).toBe('jiaotong');
  expect(hotlineCategory('', '企业反映拖欠工程款')).toBe('tuoqian');
  expect(hotlineCategory('咨询', '咨询办事流程')).toBe('zhengwu');
  expect(hotlineCategory('其他', '请帮忙看看')).toBe('other');
  // no topic: staff classify it (12345 is the channel, not a category)
  expect(hotlineCategory('综合', '请帮忙看看')).toBe('other');
  // the hotline's sheet may name an old category or 大类/小类: read as the leaf
  expect(hotlineCategory('用电/供水/管网', '请帮忙看看')).toBe('shuiqi');
  expect(hotlineCategory('前期手续', '请帮忙看看')).toBe('jianzhu');
  expect(hotlineCategory('水电气热/获得电力', '请帮忙看看')).toBe('dianli');
});
