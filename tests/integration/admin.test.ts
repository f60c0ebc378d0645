/** Administration: a district set up from nothing, staff invites, the registry import, rules. */
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { C } from '../../core/collections';
import { ACTIONS } from '../../core/functions';
import type { Enterprise, ServiceRequest, User } from '../../core/model';
import { makeCreditCode } from '../../core/seed/demo-district';
import { localFiles } from '../../adapters/local-ports';
import { makeHarness, submission, type Harness } from '../support/harness';

let h: Harness;
let dir: string;
beforeEach(async () => {
  h = await makeHarness();
  dir = mkdtempSync(join(tmpdir(), 'yszt-admin-'));
  h.ports.files = localFiles(dir);
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
  writeFileSync(join(dir, name), bytes);
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
  const tplBytes = readFileSync(join(dir, tpl.fileID.replace(/^local:\/\//, '')));
  const dry = await h.ok('u-admin', { action: 'admin.enterprises.import', fileID: await uploaded(tplBytes) });
  expect(dry).toMatchObject({ total: 0, errors: [] });
  // only the admin's own upload: not the generated template itself, not another user's file, not a path out of uploads/
  for (const fileID of [tpl.fileID, await uploaded(tplBytes, 'u-linxiao'), 'local://uploads/../app.db', 'local://uploads/0123456789abcdef01234567.xlsx']) {
    expect(await h.call('u-admin', { action: 'admin.enterprises.import', fileID })).toMatchObject({ ok: false, code: expect.stringMatching(/FILE_NOT_ALLOWED|VALIDATION_FAILED/) });
  }
});

test('deactivating an officer sends their open requests back to the queue and re-assigns them, each move recorded', async () => {
  const ids: string[] = [];
  for (let i = 0; i < 4; i++) ids.push((await h.ok('u-linxiao', submission())).request._id);
  const byZhang = (await h.requests().find({ assigneeId: 'u-zhangwei' })).map((r) => r._id);
  expect(byZhang.length).toBeGreaterThan(0);
  await h.ok('u-zhangwei', { action: 'request.accept', id: byZhang[0] });
  const r = await h.ok('u-admin', { action: 'admin.staff.deactivate', id: 'u-zhangwei', reason: '调离岗位' });
  expect(r.requeued).toBe(byZhang.length);
  for (const id of byZhang) {
    const req = (await h.requests().get(id))!;
    expect(req).toMatchObject({ status: 'assigned', assigneeId: 'u-wangfang' });
    const types = req.timeline.map((e) => e.type);
    expect(types.slice(-2)).toEqual(['requeued', 'assigned']);
    expect(req.timeline.at(-2)!.text).toContain('原承办人 张伟 已停用（调离岗位）');
  }
  expect((await h.store.collection<User>(C.users).get('u-zhangwei'))!).toMatchObject({ active: false, openCount: 0 });
  expect((await h.store.collection<User>(C.users).get('u-wangfang'))!.openCount).toBe(4);
  // a deactivated officer can no longer act
  expect(await h.call('u-zhangwei', { action: 'officer.inbox' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  expect((await audit())[0]).toMatchObject({ action: 'user.deactivate', actorName: '系统管理员' });
});

test('every admin action is refused to every other role, and changes nothing', async () => {
  const admin = ACTIONS.filter((a) => a.startsWith('admin.'));
  expect(admin.length).toBeGreaterThanOrEqual(18);
  const snapshot = async () => JSON.stringify(await Promise.all([C.orgs, C.users, C.enterprises, C.settings, C.audit, C.invites].map((c) => h.store.collection(c).find({}, { limit: 100 }))));
  const before = await snapshot();
  for (const who of ['u-linxiao', 'u-zhangwei', 'u-zhouqiang', 'u-qianjun', 'u-sunli', 'u-majianguo', 'wx-stranger']) {
    for (const action of admin) {
      const r = await h.call(who, { action, id: 'u-zhangwei', name: '新网格', kind: 'grid', parentId: 'c-dongcheng', roles: ['admin'], reason: 'x' });
      expect([who, action, r.ok ? 'ok' : r.code]).toEqual([who, action, 'FORBIDDEN']);
    }
  }
  // the stranger's first call created its blank enterprise user; nothing else changed
  const after = JSON.parse(await snapshot());
  const beforeParsed = JSON.parse(before);
  after[1] = after[1].filter((u: User) => u.openid !== 'wx-stranger');
  expect(after).toEqual(beforeParsed);
});

test('a district from empty: bootstrap admin, structure, an invited officer, an enterprise, a request reaching the officer', async () => {
  const empty = await makeHarness('2026-11-23T01:30:00Z', { seed: false, bootstrapAdminCode: 'BOOT2026' });
  try {
    const admin = 'wx-first-admin';
    expect(await empty.call(admin, { action: 'admin.overview' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await empty.call(admin, { action: 'invite.redeem', code: 'WRONG123' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    await empty.ok(admin, { action: 'invite.redeem', code: 'boot2026' });
    expect((await empty.ok(admin, { action: 'admin.overview' })).bootstrap).toBe(true);
    // the bootstrap code works once: with an admin, it is just a wrong code
    expect(await empty.call('wx-second', { action: 'invite.redeem', code: 'BOOT2026' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });

    const mk = async (kind: string, name: string, parentId: string | null) => (await empty.ok(admin, { action: 'admin.orgs.create', kind, name, parentId })).org.id as string;
    const district = await mk('district', '青山区', null);
    expect(await empty.call(admin, { action: 'admin.orgs.create', kind: 'district', name: '第二个区', parentId: null })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    const street = await mk('street', '城关街道', district);
    const community = await mk('community', '幸福社区', street);
    expect(await empty.call(admin, { action: 'admin.orgs.create', kind: 'grid', name: '错挂网格', parentId: street })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    const grid = await mk('grid', '幸福一网格', community);

    const invited = await empty.ok(admin, { action: 'admin.staff.invite', name: '周敏', phone: '13711112222', roles: ['officer'], gridIds: [grid], capacity: 5 });
    expect(invited.invite.code).toMatch(/^[A-Z2-9]{8}$/);
    expect(invited.user.bound).toBe(false);
    await empty.ok('wx-zhoumin', { action: 'invite.redeem', code: invited.invite.code });
    expect((await empty.ok('wx-zhoumin', { action: 'me' })).user).toMatchObject({ name: '周敏', roles: ['officer'] });
    expect(await empty.call('wx-someone-else', { action: 'invite.redeem', code: invited.invite.code })).toMatchObject({ ok: false, code: 'NOT_FOUND' });

    const code = makeCreditCode(80_000_001);
    await empty.ok(admin, { action: 'admin.enterprises.save', name: '青山精工有限公司', creditCode: code, address: '幸福路1号', gridId: grid, industry: '机械', scale: '小型', contactName: '吴总', contactPhone: '13800001234' });
    const asked = await empty.ok('wx-boss', { action: 'enterprise.bind', name: '青山精工有限公司', creditCode: code });
    await empty.ok('wx-zhoumin', { action: 'binding.approve', id: asked.binding.id });
    const { request } = await empty.ok('wx-boss', submission({ phone: '13800001234' }));
    expect(request).toMatchObject({ status: 'assigned', assigneeName: '周敏' });
    expect((await empty.ok('wx-zhoumin', { action: 'officer.inbox', tab: 'todo' })).items.map((r: ServiceRequest) => r._id)).toEqual([request._id]);
  } finally {
    empty.cleanup();
  }
});

test('rules are validated, versioned, and apply to new requests from the moment they are saved', async () => {
  const got = await h.ok('u-admin', { action: 'admin.rules.get' });
  expect(got.version).toBe(0);
  expect(got.rules.sla.generalDays).toBe(5);
  const bad = await h.call('u-admin', { action: 'admin.rules.save', version: 0, rules: { ...got.rules, sla: { ...got.rules.sla, complexDays: 3 } } });
  expect(bad).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
  if (!bad.ok) expect(bad.details).toEqual(expect.arrayContaining([{ field: 'rules.sla.complexDays', message: '复杂诉求时限不能短于一般诉求' }]));
  const before = (await h.ok('u-linxiao', submission())).request;
  await h.ok('u-admin', { action: 'admin.rules.save', version: 0, rules: { ...got.rules, sla: { ...got.rules.sla, generalDays: 3 }, routing: { dianli: 'dep-zjj' } } });
  const after = (await h.ok('u-linxiao', submission())).request;
  // Monday 09:30 + 3 working days = Thursday 09:30; the earlier request keeps its 5 days
  expect(after.dueAt).toBe('2026-11-26T01:30:00.000Z');
  expect(before.dueAt).toBe('2026-11-30T01:30:00.000Z');
  expect(await h.call('u-admin', { action: 'admin.rules.save', version: 0, rules: got.rules })).toMatchObject({ ok: false, code: 'CONFLICT' });
  const v1 = await h.ok('u-admin', { action: 'admin.rules.get' });
  expect(v1).toMatchObject({ version: 1, history: [{ version: 1, updatedByName: '系统管理员' }] });
  expect(v1.rules.routing).toEqual({ dianli: 'dep-zjj' });
  expect((await audit())[0]).toMatchObject({ action: 'rules.save' });
});
