/**
 * The ledger's history columns (issue 11, items 3 and 8): 重办次数 and 超期天数 on the screen's
 * rows, and the export with the screen's columns plus the long texts, read back with exceljs.
 *
 * 超期天数 counts working days (7 a day: 09:00–12:00, 13:30–17:30) from the first deadline to the
 * first answer, in tenths rounded up; a reopen does not reset it; an open request keeps counting,
 * but not over a weekend; a paused one stops at its pause.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localFiles } from '../../adapters/local-ports';
import { EXPORT_COLUMNS, SCREEN_COLUMNS } from './ledger';
import { makeHarness, submission, type Harness } from '../../tests/support/harness';

const bj = (local: string) => new Date(`${local}:00+08:00`).toISOString();

let h: Harness;
let dir: string;
/** late: answered 2 working days late, reopened, answered again in time, confirmed, called back; open: past due, never answered; paused: paused past due; onTime; rejected */
const ids = { late: '', open: '', paused: '', onTime: '', rejected: '' };

beforeAll(async () => {
  h = await makeHarness('2026-11-16T01:30:00Z');
  dir = mkdtempSync(join(tmpdir(), 'ledger-columns-'));
  h.ports.files = localFiles(dir);
  const submit = async (at: string, description: string) => {
    h.clock.set(bj(at));
    const { request } = await h.ok('u-linxiao', submission({ description }));
    await h.ok(request.assigneeId, { action: 'request.accept', id: request._id });
    return request as { _id: string; assigneeId: string };
  };
  // Monday 16 Nov: general requests, due Monday 23 Nov at the same time of day
  const late = await submit('2026-11-16T09:30', '新车间用电增容报装两周无人联系，影响设备调试。');
  const open = await submit('2026-11-16T10:30', '厂区门前道路破损，货车进出困难。');
  const paused = await submit('2026-11-16T11:00', '申请政策兑现材料提交后无回音。');
  const onTime = await submit('2026-11-16T11:30', '咨询招聘补贴政策。');
  h.clock.set(bj('2026-11-16T11:45'));
  const rejected = (await h.ok('u-linxiao', submission({ description: '重复提交的诉求内容示例。' }))).request;
  await h.ok('u-sunli', { action: 'desk.reject', id: rejected._id, kind: 'duplicate', reason: '与此前诉求重复' });
  Object.assign(ids, { late: late._id, open: open._id, paused: paused._id, onTime: onTime._id, rejected: rejected._id });

  h.clock.set(bj('2026-11-18T10:00'));
  await h.ok(onTime.assigneeId, { action: 'request.resolve', id: onTime._id, result: '已告知补贴申领流程' });
  // overdue from Monday 23 Nov: the sweeps turn them red and urge
  h.clock.set(bj('2026-11-23T12:00'));
  await h.fns.sweep({ Type: 'Timer' }, null);
  h.clock.set(bj('2026-11-24T09:00'));
  await h.ok(paused.assigneeId, { action: 'request.pause', id: paused._id, reason: '请补充兑现申请表原件' });
  h.clock.set(bj('2026-11-24T12:00'));
  await h.fns.sweep({ Type: 'Timer' }, null);
  // Wednesday 25 Nov 09:30: the first answer, 2 working days late; the enterprise sends it back
  h.clock.set(bj('2026-11-25T09:30'));
  await h.ok(late.assigneeId, { action: 'request.resolve', id: late._id, result: '已协调供电公司上门勘察' });
  h.clock.set(bj('2026-11-25T10:00'));
  await h.ok('u-linxiao', { action: 'request.reopen', id: late._id, reason: '只勘察未增容' });
  await h.ok(late.assigneeId, { action: 'request.accept', id: late._id });
  h.clock.set(bj('2026-11-25T15:00'));
  await h.ok(late.assigneeId, { action: 'request.resolve', id: late._id, result: '已完成增容并送电' });
  await h.ok('u-linxiao', { action: 'request.confirm', id: late._id, score: 3, comment: '第二次才办好' });
  await h.ok('u-sunli', { action: 'callback.record', id: late._id, method: 'call', outcome: 'satisfied', note: '企业确认已送电' });
  // Friday 27 Nov 12:00
  h.clock.set(bj('2026-11-27T12:00'));
});
afterAll(() => { h.cleanup(); rmSync(dir, { recursive: true, force: true }); });

const rows = async () => {
  const res = await h.ok('u-sunli', { action: 'ledger.list', pageSize: 100 });
  return new Map<string, any>(res.items.map((r: any) => [r._id, r]));
};

test('rows carry the rework count and the days overdue of the first answer', async () => {
  const byId = await rows();
  const late = byId.get(ids.late);
  // reopened once, answered in time on the rework: still 2 working days late on its first answer, and red
  expect(late).toMatchObject({ reworkCount: 1, daysOverdue: 2, status: 'closed', colour: 'red', callbackLabel: '满意', score: 3 });
  expect(late.urgeCount).toBeGreaterThan(0);
  expect(late.urgeCount).toBe((await h.requests().get(ids.late))!.urgeCount);
  // open since its deadline (Mon 23 Nov 10:30) to now (Fri 27 Nov 12:00): 330 + 3 × 420 + 180 = 1,770 working minutes = 4.21 days
  expect(byId.get(ids.open)).toMatchObject({ reworkCount: 0, daysOverdue: 4.3, colour: 'red' });
  // paused on Tue 24 Nov 09:00, 240 + 60 = 300 working minutes after its deadline (Mon 11:00): 0.71 days, and no more while it waits
  expect(byId.get(ids.paused)).toMatchObject({ status: 'paused', daysOverdue: 0.8 });
  expect(byId.get(ids.onTime)).toMatchObject({ reworkCount: 0, daysOverdue: 0, callbackLabel: '' });
  expect(byId.get(ids.rejected)).toMatchObject({ reworkCount: 0, daysOverdue: 0 });
});

test('an open request counts working days only: nothing over the weekend', async () => {
  h.clock.set(bj('2026-11-29T12:00')); // Sunday
  const sunday = (await rows()).get(ids.open).daysOverdue;
  // to Friday 17:30: 1,770 + 240 = 2,010 minutes = 4.79 days
  expect(sunday).toBe(4.8);
  h.clock.set(bj('2026-11-30T09:00')); // Monday before work
  expect((await rows()).get(ids.open).daysOverdue).toBe(4.8);
  h.clock.set(bj('2026-11-30T09:43')); // 43 more minutes: 2,053 / 420 = 4.888
  expect((await rows()).get(ids.open).daysOverdue).toBe(4.9);
  h.clock.set(bj('2026-11-27T12:00'));
});

test('the 超期 rows stay overdue after the rework: the red filter holds the reopened request', async () => {
  const red = await h.ok('u-sunli', { action: 'ledger.list', colour: 'red', pageSize: 100 });
  expect(red.items.map((r: any) => r._id)).toContain(ids.late);
});

async function readExport(res: { fileID: string }) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(dir, res.fileID.replace('local://', '')));
  const ws = wb.getWorksheet('台账')!;
  const out: unknown[][] = [];
  ws.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return { ws, rows: out };
}

test('the export has the screen columns, then the long texts, with the same values', async () => {
  expect(EXPORT_COLUMNS.slice(0, SCREEN_COLUMNS.length)).toEqual([...SCREEN_COLUMNS]);
  const res = await h.ok('u-sunli', { action: 'ledger.export' });
  expect(res.rows).toBe(5);
  const { ws, rows: sheet } = await readExport(res);
  expect(sheet[0]).toEqual([
    '工单号', '企业', '类别', '等级', '承办人/部门', '受理时间', '期限', '状态', '颜色',
    '超期天数', '重办次数', '催办次数', '满意度评分', '回访结果', '诉求内容', '办理结果',
  ]);
  const col = (name: string) => EXPORT_COLUMNS.indexOf(name as (typeof EXPORT_COLUMNS)[number]);
  const byNo = new Map(sheet.slice(1).map((r) => [String(r[0]), r]));
  const screen = await rows();

  const late = (await h.requests().get(ids.late))!;
  const l = byNo.get(late.no)!;
  expect(l[col('状态')]).toBe('已办结');
  expect(l[col('颜色')]).toBe('超期');
  expect(l[col('超期天数')]).toBe(2);
  expect(l[col('重办次数')]).toBe(1);
  expect(l[col('催办次数')]).toBe(late.urgeCount);
  expect(l[col('满意度评分')]).toBe(3);
  expect(l[col('回访结果')]).toBe('满意');
  expect(l[col('诉求内容')]).toBe('新车间用电增容报装两周无人联系，影响设备调试。');
  expect(l[col('办理结果')]).toBe('已完成增容并送电');

  const open = (await h.requests().get(ids.open))!;
  const o = byNo.get(open.no)!;
  expect(o[col('超期天数')]).toBe(4.3);
  expect(o[col('重办次数')]).toBe(0);
  expect(o[col('状态')]).toBe('办理中');
  expect(o[col('办理结果')] ?? '').toBe('');
  expect(o[col('满意度评分')] ?? '').toBe('');

  const paused = (await h.requests().get(ids.paused))!;
  expect(byNo.get(paused.no)![col('超期天数')]).toBe(0.8);
  const onTime = (await h.requests().get(ids.onTime))!;
  expect(byNo.get(onTime.no)!.slice(col('超期天数'), col('催办次数') + 1)).toEqual([0, 0, 0]);
  expect(byNo.get(onTime.no)![col('办理结果')]).toBe('已告知补贴申领流程');

  // every row: the history columns as the screen shows them
  for (const r of screen.values()) {
    const x = byNo.get(r.no)!;
    expect([x[col('超期天数')], x[col('重办次数')], x[col('催办次数')], x[col('回访结果')] ?? '']).toEqual([r.daysOverdue, r.reworkCount, r.urgeCount, r.callbackLabel]);
  }
  // the colour cell keeps its fill, and the long texts wrap
  const lateRow = ws.getRow(sheet.findIndex((r) => r[0] === late.no) + 1);
  expect((lateRow.getCell(col('颜色') + 1).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFAD4D4');
  expect(lateRow.getCell(col('诉求内容') + 1).alignment?.wrapText).toBe(true);
});

test('the 待回访 export holds the closed requests not called back', async () => {
  // only the late request is closed, and it was called back
  expect((await h.ok('u-sunli', { action: 'ledger.export', callback: 'done' })).rows).toBe(1);
  expect((await h.ok('u-sunli', { action: 'ledger.export', callback: 'due' })).rows).toBe(0);
});
