/**
 * The ledger (台账): filters, colour counts and paging over 30 requests in different states, who
 * may read which rows, and the .xlsx export read back with exceljs.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { localFiles } from '../../adapters/local-ports';
import { C } from '../collections';
import type { ServiceRequest, User } from '../model';
import { makeHarness, submission, type Harness } from '../../tests/support/harness';

const bj = (local: string) => new Date(`${local}:00+08:00`).toISOString();
const phones: Record<string, string> = { 'u-linxiao': '13612340001', 'u-gaopeng': '13612340002', 'u-hejun': '13612340003' };

type Groups = Record<'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G', string[]>;

/**
 * A: 4 general requests of 16 Nov, accepted, overdue (red) by the sweep of 23 Nov; A0 resolved late and scored 2
 * B: 3 of 17 Nov via the liaison 周强, accepted, yellow on 23 Nov
 * C: 4 of 18 Nov in 柳岸: C0 resolved, C1 closed (score 5), C2 accepted, C3 queued (white)
 * D: 3 submitted 19 Nov 07:30 Beijing (18 Nov in UTC) under supervision cards: D0 zrzy, D1 zrzy+zjj, D2 zjj
 * E: 4 of 20 Nov: E0 E1 rejected, E2 verified 用地/complex and escalated to the street, E3 escalated to the district
 * F: 7 of 23 Nov via 周强, unaccepted; F0 F1 from the 12345 hotline, F2 from a visit
 * G: 5 of 23 Nov in 东城一网格, unaccepted
 */
async function buildDistrict(h: Harness): Promise<Groups> {
  const g: Groups = { A: [], B: [], C: [], D: [], E: [], F: [], G: [] };
  const submit = async (who: string, category: string) => {
    h.clock.advance(1000); // distinct submission instants keep the ledger's order total
    const { request } = await h.ok(who, submission({ category, phone: phones[who] }));
    return request as { _id: string; assigneeId: string | null; status: string };
  };
  const accept = (r: { _id: string; assigneeId: string | null }) => h.ok(r.assigneeId!, { action: 'request.accept', id: r._id });

  h.clock.set(bj('2026-11-16T09:30'));
  for (let i = 0; i < 4; i++) { const r = await submit('u-linxiao', 'dianli'); await accept(r); g.A.push(r._id); }

  h.clock.set(bj('2026-11-17T09:30'));
  for (let i = 0; i < 3; i++) { const r = await submit('u-gaopeng', 'rongzi'); expect(r.assigneeId).toBe('u-zhouqiang'); await accept(r); g.B.push(r._id); }

  h.clock.set(bj('2026-11-18T10:00'));
  for (let i = 0; i < 3; i++) { const r = await submit('u-hejun', 'yonggong'); await accept(r); g.C.push(r._id); }
  await h.ok('u-huangmin', { action: 'request.resolve', id: g.C[0], result: '已协助发布招聘信息' });
  await h.ok('u-huangmin', { action: 'request.resolve', id: g.C[1], result: '已对接人社局招聘会' });
  await h.ok('u-hejun', { action: 'request.confirm', id: g.C[1], score: 5 });
  await h.store.collection<User>(C.users).update('u-huangmin', { $set: { onDuty: false } });
  const queued = await submit('u-hejun', 'yonggong');
  expect(queued.status).toBe('queued');
  g.C.push(queued._id);

  h.clock.set(bj('2026-11-19T07:30'));
  for (let i = 0; i < 3; i++) g.D.push((await submit('u-linxiao', 'jianzhu'))._id);
  h.clock.set(bj('2026-11-19T10:00'));
  const issue = (id: string, lead: string, co: string[]) =>
    h.ok('u-sunli', { action: 'card.issue', id, leadDeptId: lead, coDeptIds: co, deadline: '2026-12-04', instructions: '请牵头办理前期手续' });
  await issue(g.D[0], 'dep-zrzy', []);
  await issue(g.D[1], 'dep-zrzy', ['dep-zjj']);
  await issue(g.D[2], 'dep-zjj', []);

  h.clock.set(bj('2026-11-20T10:00'));
  for (let i = 0; i < 4; i++) g.E.push((await submit('u-linxiao', 'dianli'))._id);
  await h.ok('u-sunli', { action: 'desk.reject', id: g.E[0], kind: 'duplicate', reason: '与此前诉求重复' });
  await h.ok('u-sunli', { action: 'desk.reject', id: g.E[1], kind: 'invalid', reason: '未描述具体问题' });
  await h.ok('u-sunli', { action: 'desk.verify', id: g.E[2], level: 'complex', category: 'yongdi' });
  await h.ok('u-sunli', { action: 'desk.escalate', id: g.E[2], reason: '需街道协调' });
  await h.ok('u-sunli', { action: 'desk.escalate', id: g.E[3], reason: '需街道协调' });
  await h.ok('u-sunli', { action: 'desk.escalate', id: g.E[3], reason: '需区级部门协调' });
  for (const id of [g.E[2], g.E[3]]) {
    const r = (await h.requests().get(id))!;
    await accept(r);
  }

  // Monday 23 Nov: the sweep turns A red and B yellow
  h.clock.set(bj('2026-11-23T10:00'));
  const swept = await h.fns.sweep({ Type: 'Timer' }, null);
  expect(swept).toMatchObject({ ok: true, data: { timeouts: 0, colourChanges: 7 } });
  const a0 = (await h.requests().get(g.A[0]))!;
  await h.ok(a0.assigneeId!, { action: 'request.resolve', id: a0._id, result: '已完成增容' });
  await h.ok('u-linxiao', { action: 'request.confirm', id: a0._id, score: 2, comment: '太慢' });

  h.clock.set(bj('2026-11-23T11:00'));
  for (let i = 0; i < 7; i++) g.F.push((await submit('u-gaopeng', 'huanjing'))._id);
  // imported work orders carry their channel (the phone form always submits 'self')
  const requests = h.requests();
  await requests.update(g.F[0], { $set: { channel: 'hotline' } });
  await requests.update(g.F[1], { $set: { channel: 'hotline' } });
  await requests.update(g.F[2], { $set: { channel: 'visit' } });
  for (let i = 0; i < 5; i++) g.G.push((await submit('u-linxiao', 'dianli'))._id);
  return g;
}

const sorted = (xs: string[]) => [...xs].sort();

describe('ledger over a district of 30 requests', () => {
  let h: Harness;
  let g: Groups;
  let all: ServiceRequest[];
  let dir: string;
  beforeAll(async () => {
    h = await makeHarness('2026-11-16T01:30:00Z');
    g = await buildDistrict(h);
    all = await h.requests().find({}, { limit: 100 });
    dir = mkdtempSync(join(tmpdir(), 'ledger-export-'));
    h.ports.files = localFiles(dir);
  });
  afterAll(() => { h.cleanup(); rmSync(dir, { recursive: true, force: true }); });

  const list = async (who: string, filter: Record<string, unknown> = {}) => h.ok(who, { action: 'ledger.list', pageSize: 100, ...filter });
  const idsOf = (res: any) => sorted(res.items.map((r: any) => r._id));

  test('the dataset is what the filters are checked against', () => {
    expect(all).toHaveLength(30);
    const colourOf = (ids: string[]) => [...new Set(ids.map((id) => all.find((r) => r._id === id)!.colour))];
    expect(colourOf(g.A)).toEqual(['red']);
    expect(colourOf(g.B)).toEqual(['yellow']);
    expect(colourOf([g.C[3], g.E[0], g.E[1]])).toEqual(['white']);
  });

  test('counts per colour over everything the dispatcher sees', async () => {
    const res = await list('u-sunli');
    expect(res.total).toBe(30);
    expect(res.counts).toEqual({ white: 3, green: 20, yellow: 3, red: 4, all: 30 });
    // the leader reads the same ledger
    expect((await list('u-majianguo')).counts).toEqual(res.counts);
  });

  test.each([
    ['colour red', { colour: 'red' }, (g: Groups) => g.A],
    ['colour yellow', { colour: 'yellow' }, (g: Groups) => g.B],
    ['colour white', { colour: 'white' }, (g: Groups) => [g.C[3], g.E[0], g.E[1]]],
    ['tier street', { tier: 'street' }, (g: Groups) => [g.E[2]]],
    ['tier district', { tier: 'district' }, (g: Groups) => [g.E[3]]],
    ['department zrzy (lead or co)', { departmentId: 'dep-zrzy' }, (g: Groups) => [g.D[0], g.D[1]]],
    ['department zjj (lead or co)', { departmentId: 'dep-zjj' }, (g: Groups) => [g.D[1], g.D[2]]],
    ['category 用地 (after verification)', { category: 'yongdi' }, (g: Groups) => [g.E[2]]],
    ['category 融资', { category: 'rongzi' }, (g: Groups) => g.B],
    ['channel hotline', { channel: 'hotline' }, (g: Groups) => [g.F[0], g.F[1]]],
    ['channel visit', { channel: 'visit' }, (g: Groups) => [g.F[2]]],
    ['status rejected', { status: 'rejected' }, (g: Groups) => [g.E[0], g.E[1]]],
    ['status closed', { status: 'closed' }, (g: Groups) => [g.A[0], g.C[1]]],
    ['status resolved', { status: 'resolved' }, (g: Groups) => [g.C[0]]],
    ['status queued', { status: 'queued' }, (g: Groups) => [g.C[3]]],
    ['status supervised', { status: 'supervised' }, (g: Groups) => g.D],
    ['status assigned', { status: 'assigned' }, (g: Groups) => [...g.F, ...g.G]],
    ['Beijing date 18 Nov (not the 07:30 requests of the 19th)', { from: '2026-11-18', to: '2026-11-18' }, (g: Groups) => g.C],
    ['Beijing date 19 Nov', { from: '2026-11-19', to: '2026-11-19' }, (g: Groups) => g.D],
    ['from 20 Nov', { from: '2026-11-20' }, (g: Groups) => [...g.E, ...g.F, ...g.G]],
    ['to 17 Nov', { to: '2026-11-17' }, (g: Groups) => [...g.A, ...g.B]],
    ['assignee 周强', { assigneeId: 'u-zhouqiang' }, (g: Groups) => [...g.B, ...g.F]],
    ['assignee 黄敏', { assigneeId: 'u-huangmin' }, (g: Groups) => [g.C[0], g.C[1], g.C[2]]],
    ['red and closed', { colour: 'red', status: 'closed' }, (g: Groups) => [g.A[0]]],
    ['16-17 Nov, accepted', { from: '2026-11-16', to: '2026-11-17', status: 'accepted' }, (g: Groups) => [g.A[1], g.A[2], g.A[3], ...g.B]],
  ])('filter: %s', async (_name, filter, expected) => {
    const res = await list('u-sunli', filter);
    expect(idsOf(res)).toEqual(sorted(expected(g)));
    expect(res.total).toBe(expected(g).length);
    // the colour counts describe the rows of the other filters, whatever colour is picked
    const { colour, ...rest } = filter as Record<string, string>;
    const uncoloured = await list('u-sunli', rest);
    expect(res.counts).toEqual(uncoloured.counts);
    expect(uncoloured.counts.all).toBe(uncoloured.total);
    if (colour) expect(uncoloured.counts[colour]).toBe(res.total);
  });

  test('rows carry the labels the ledger shows', async () => {
    const res = await list('u-sunli', { departmentId: 'dep-zjj' });
    const d1 = res.items.find((r: any) => r._id === g.D[1]);
    expect(d1).toMatchObject({
      handler: '区自然资源局（牵头）、区住房和城乡建设局（协办）', statusLabel: '督办中', categoryName: '办理建筑许可',
      levelLabel: '特殊', colourLabel: '正常', tierLabel: '社区', dueAt: bj('2026-12-04T17:30'),
    });
    expect(d1.timeline).toBeUndefined();
    const queued = (await list('u-sunli', { status: 'queued' })).items[0];
    expect(queued).toMatchObject({ handler: '待分派', colourLabel: '未开始', statusLabel: '待分派' });
    const b = (await list('u-sunli', { colour: 'yellow' })).items[0];
    expect(b).toMatchObject({ handler: '周强（特派员）', colourLabel: '临期', categoryName: '融资' });
  });

  test('pages walk every row once, newest first', async () => {
    const seen: string[] = [];
    for (let page = 1; page <= 5; page++) {
      const res = await h.ok('u-sunli', { action: 'ledger.list', page, pageSize: 7 });
      expect(res).toMatchObject({ total: 30, page, pageSize: 7 });
      expect(res.items).toHaveLength(page < 5 ? 7 : 2);
      seen.push(...res.items.map((r: any) => r._id));
    }
    expect(new Set(seen).size).toBe(30);
    const newestFirst = [...all].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).map((r) => r._id);
    expect(seen).toEqual(newestFirst);
    expect((await h.ok('u-sunli', { action: 'ledger.list', page: 6, pageSize: 7 })).items).toEqual([]);
    // paging within a colour
    const red = await h.ok('u-sunli', { action: 'ledger.list', colour: 'red', page: 2, pageSize: 3 });
    expect(red.items).toHaveLength(1);
    expect(red.total).toBe(4);
  });

  test("a department handler sees only its department's rows", async () => {
    const mine = await list('u-qianjun');
    expect(idsOf(mine)).toEqual(sorted([g.D[0], g.D[1]]));
    expect(mine.counts).toEqual({ white: 0, green: 2, yellow: 0, red: 0, all: 2 });
    expect(idsOf(await list('u-qianjun', { departmentId: 'dep-zrzy' }))).toEqual(sorted([g.D[0], g.D[1]]));
    expect(idsOf(await list('u-fengyu'))).toEqual(sorted([g.D[1], g.D[2]]));
    expect(await h.call('u-qianjun', { action: 'ledger.list', departmentId: 'dep-zjj' })).toMatchObject({
      ok: false, code: 'FORBIDDEN', message: '只能查看本部门的台账',
    });
    // filters narrow further but never widen
    expect((await list('u-qianjun', { colour: 'red' })).total).toBe(0);
    expect((await list('u-qianjun', { assigneeId: 'u-zhouqiang' })).total).toBe(0);
  });

  test("a street center's dispatcher sees the requests of its communities only", async () => {
    await h.store.collection<User>(C.users).add({
      _id: 'u-disp-xihu', openid: 'dev-u-disp-xihu', name: '西湖街道调度员', roles: ['dispatcher'], orgId: 's-xihu', active: true, createdAt: bj('2026-11-01T09:00'),
    } as User);
    const res = await list('u-disp-xihu');
    expect(idsOf(res)).toEqual(sorted(g.C));
    expect(res.counts).toEqual({ white: 1, green: 3, yellow: 0, red: 0, all: 4 });
    expect((await list('u-disp-xihu', { tier: 'district' })).total).toBe(0);
    const rows = await readExport(await h.ok('u-disp-xihu', { action: 'ledger.export' }));
    expect(rows).toHaveLength(1 + g.C.length);
  });

  test('enterprise users and officers are refused; bad filters are explained', async () => {
    for (const who of ['u-linxiao', 'u-zhangwei', 'u-zhouqiang']) {
      expect(await h.call(who, { action: 'ledger.list' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(await h.call(who, { action: 'ledger.export' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    expect(await h.call('u-sunli', { action: 'ledger.list', from: '2026-11-20', to: '2026-11-18' })).toMatchObject({
      ok: false, code: 'VALIDATION_FAILED', message: '开始日期不能晚于结束日期',
    });
    expect(await h.call('u-sunli', { action: 'ledger.list', colour: 'purple' })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', message: '颜色不正确' });
    expect(await h.call('u-sunli', { action: 'ledger.list', from: '20261118' })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', message: '日期格式应为 YYYY-MM-DD' });
  });

  async function readExport(res: { fileID: string }) {
    expect(res.fileID).toMatch(/^local:\/\/exports\/ledger-\d{12}-[\w-]+\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, res.fileID.replace('local://', '')));
    const ws = wb.getWorksheet('台账')!;
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    return rows;
  }

  const HEADER = [
    '工单号', '企业', '类别', '等级', '承办人/部门', '受理时间', '期限', '状态', '颜色',
    '超期天数', '重办次数', '催办次数', '满意度评分', '回访结果', '诉求内容', '办理结果',
  ];

  test('export of the red rows: the header and exactly those tickets', async () => {
    const res = await h.ok('u-sunli', { action: 'ledger.export', colour: 'red' });
    expect(res.rows).toBe(4);
    const rows = await readExport(res);
    expect(rows[0]).toEqual(HEADER);
    const body = rows.slice(1);
    expect(body).toHaveLength(4);
    const reds = all.filter((r) => g.A.includes(r._id)).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    expect(body.map((r) => r[0])).toEqual(reds.map((r) => r.no));
    for (const row of body) expect(row[8]).toBe('超期');

    const a0 = (await h.requests().get(g.A[0]))!;
    const row = body.find((r) => r[0] === a0.no)!;
    // answered 30 working minutes after its deadline: 0.1 working day late (tenths rounded up); urged once by the sweep
    expect(row.map((v) => v ?? '')).toEqual([
      // the export names the category with its group (大类/小类)
      a0.no, '东城新材料科技有限公司', '水电气热/获得电力', '一般', `${a0.assigneeName}（网格员）`,
      '2026-11-16 09:30', '2026-11-23 09:30', '已办结', '超期', 0.1, 0, a0.urgeCount, 2, '待回访',
      a0.description, '已完成增容',
    ]);
    expect(a0.urgeCount).toBe(1);
    const open = body.find((r) => r[0] !== a0.no)!;
    expect(open[7]).toBe('办理中');
    // still open: due 23 Nov 09:30, exported at 11:00 the same day, 90 working minutes late = 0.3 (tenths rounded up)
    expect(open[9]).toBe(0.3);
    expect(open[12] ?? '').toBe('');
    expect(open[15] ?? '').toBe('');
  });

  test("a department's export holds its own rows with the card's departments", async () => {
    const res = await h.ok('u-qianjun', { action: 'ledger.export' });
    const rows = await readExport(res);
    expect(rows[0]).toEqual(HEADER);
    const d = all.filter((r) => [g.D[0], g.D[1]].includes(r._id));
    expect(sorted(rows.slice(1).map((r) => String(r[0])))).toEqual(sorted(d.map((r) => r.no)));
    const d1 = rows.find((r) => r[0] === d.find((x) => x._id === g.D[1])!.no)!;
    expect(d1.slice(2, 9)).toEqual(['项目建设与用地/办理建筑许可', '特殊', '区自然资源局（牵头）、区住房和城乡建设局（协办）', '2026-11-19 07:30', '2026-12-04 17:30', '督办中', '正常']);
  });

  test('export with the other filters: status and dates', async () => {
    const rejected = await readExport(await h.ok('u-sunli', { action: 'ledger.export', status: 'rejected' }));
    expect(rejected.slice(1).map((r) => r[7])).toEqual(['不予受理', '不予受理']);
    expect(rejected.slice(1).map((r) => r[8])).toEqual(['未开始', '未开始']);
    const nov18 = await readExport(await h.ok('u-sunli', { action: 'ledger.export', from: '2026-11-18', to: '2026-11-18' }));
    expect(nov18).toHaveLength(1 + g.C.length);
    expect(nov18.slice(1).every((r) => String(r[5]).startsWith('2026-11-18'))).toBe(true);
  });
});
