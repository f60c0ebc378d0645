/**
 * The 操作日志 speaks Chinese (issue 14): every record the server writes, opened field by field as the
 * audit page shows it (src/subpkg-admin/audit/fields.ts), has a Chinese name for each field and a
 * Chinese value wherever the value is a word of ours (roles, kinds, statuses, switches, SMS modes),
 * not an id or a code the admin typed.
 */
import ExcelJS from 'exceljs';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { C } from '../../core/collections';
import type { AuditEntry, Enterprise } from '../../core/model';
import { makeCreditCode } from '../../core/seed/demo-district';
import { fieldRows, verbOf, type Names } from '../../src/subpkg-admin/audit/fields';
import { makeHarness, type Harness } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await makeHarness(undefined, { files: true });
});
afterAll(() => h.cleanup());

/** values that are ids, codes, phones or addresses as stored: not words of ours */
const AS_STORED = /(^|\.)(_id|id|liaisonId|leaderId|contactIds|enterpriseId|creditCode|templateId|robots|phone|contactPhone)$/;

test('every field of every kind of record has a Chinese name, and our words in its values are Chinese', async () => {
  // a change of each kind the console makes, and a binding decision
  const made = (await h.ok('u-admin', { action: 'admin.orgs.create', kind: 'grid', name: '东城三网格', parentId: 'c-dongcheng' })).org;
  await h.ok('u-admin', { action: 'admin.orgs.update', id: made.id, name: '东城第三网格' });
  await h.ok('u-admin', { action: 'admin.orgs.retire', id: made.id, reason: '网格合并' });
  const invited = await h.ok('u-admin', { action: 'admin.staff.invite', name: '吴敏', phone: '13711113333', roles: ['officer', 'liaison'], gridIds: ['g-dc2'], capacity: 8 });
  await h.ok('u-admin', { action: 'admin.staff.update', id: invited.user.id, onDuty: false, capacity: 9 });
  await h.ok('u-admin', { action: 'admin.staff.deactivate', id: 'u-lina', reason: '调离本区' });
  await h.ok('u-admin', { action: 'admin.enterprises.save', id: 'e-006', name: '云溪改名科技有限公司', creditCode: (await h.store.collection<Enterprise>(C.enterprises).get('e-006'))!.creditCode, gridId: 'g-dc1', address: '东城路1号', location: { latitude: 30.2776, longitude: 120.1633 } });
  await h.ok('u-admin', { action: 'admin.stewardship.set', enterpriseId: 'e-002', liaisonId: 'u-zhouqiang', leaderId: 'u-majianguo', departmentId: 'dep-zrzy' });
  const got = await h.ok('u-admin', { action: 'admin.rules.get' });
  await h.ok('u-admin', {
    action: 'admin.rules.save', version: 0, rules: {
      ...got.rules, routing: { dianli: 'dep-zjj' }, sla: { ...got.rules.sla, yellowDays: 2, workingHours: [['08:30', '12:00'], ['13:30', '17:30']] },
      visits: { cap: 3, autoCloseHours: 6 }, calendar: { overrides: [{ date: '2027-01-04', kind: 'workday', name: '补班' }], adminYears: [2027] },
      notify: { ...got.rules.notify, sms: { ...got.rules.notify.sms, urge: 'always' }, quietHours: false },
    },
  });
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('企业名录');
  ws.addRow(['名称', '统一社会信用代码', '地址', '所属网格', '行业', '规模', '联系人', '联系电话']);
  ws.addRow(['云溪词语有限公司', makeCreditCode(70_100_001), '东城路9号', '东城一网格', '', '', '', '']);
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  const name = `${randomBytes(12).toString('hex')}.xlsx`;
  writeFileSync(join(h.filesDir, name), bytes);
  await h.ports.store.collection(C.uploads).add({ _id: name, ownerId: 'u-admin', type: 'xlsx', size: bytes.length, createdAt: '2026-01-01T00:00:00Z' });
  await h.ok('u-admin', { action: 'admin.enterprises.import', fileID: `local://uploads/${name}`, confirm: true });
  const ent = (await h.store.collection<Enterprise>(C.enterprises).get('e-005'))!;
  const asked = await h.ok('wx-words-1', { action: 'enterprise.bind', name: ent.name, creditCode: ent.creditCode, applicantName: '赵一' });
  await h.ok('u-zhangwei', { action: 'binding.reject', id: asked.binding.id, reason: '信息不符' });

  const orgs = new Map<string, string>((await h.ok('u-admin', { action: 'admin.orgs.list' })).orgs.map((o: { id: string; name: string }) => [o.id, o.name]));
  const names: Names = { org: (id) => orgs.get(id) };
  const log = await h.store.collection<AuditEntry>(C.audit).find({}, { limit: 100 });
  expect(new Set(log.map((a) => a.entity))).toEqual(new Set(['org', 'user', 'enterprise', 'rules', 'binding']));
  const latin: string[] = [];
  for (const a of log) {
    if (verbOf(a.action) === '其他操作') latin.push(`${a.action}: no verb`);
    for (const r of fieldRows(a.before, a.after, names)) {
      // a name is Chinese (模板ID is the one Latin word the page uses itself)
      if (/[A-Za-z]/.test(r.label.replace(/ID/g, ''))) latin.push(`${a.action} ${r.path}: label ${r.label}`);
      if (AS_STORED.test(r.path)) continue;
      for (const v of [r.before, r.after]) if (/[A-Za-z]{2,}/.test(v)) latin.push(`${a.action} ${r.path}: value ${v}`);
    }
  }
  expect(latin).toEqual([]);

  // what the issue saw: the import's summary and the rules, by name
  const imp = log.find((a) => a.action === 'enterprise.import')!;
  expect(fieldRows(imp.before, imp.after, names).map((r) => [r.label, r.after])).toEqual([['新建', '1'], ['修改', '0'], ['未变', '0'], ['错误行', '0']]);
  const rules = fieldRows(log.find((a) => a.action === 'rules.save')!.before, log.find((a) => a.action === 'rules.save')!.after, names).filter((r) => r.changed);
  expect(rules.map((r) => [r.label, r.before, r.after])).toEqual(expect.arrayContaining([
    ['分派规则 · 获得电力', '不指定', orgs.get('dep-zjj')],
    ['办理时限 · 临期提醒（黄色）', '1', '2'],
    ['办理时限 · 每日工作时段', '09:00–12:00、13:30–17:30', '08:30–12:00、13:30–17:30'],
    ['提醒规则 · 短信 · 催办', '微信不可达时发送', '始终发送'],
    ['提醒规则 · 免打扰', '是', '否'],
    ['工作日历 · 日期调整', '（无）', '2027-01-04 调休上班 补班'],
  ]));
  const staff = fieldRows(log.find((a) => a.action === 'user.invite')!.before, log.find((a) => a.action === 'user.invite')!.after, names);
  expect(staff.find((r) => r.path === 'roles')!.after).toBe('网格员、特派员');
  expect(staff.find((r) => r.path === 'gridIds')!.after).toBe(orgs.get('g-dc2'));
  const binding = log.find((a) => a.action === 'binding.reject')!;
  expect(fieldRows(binding.before, binding.after, names).filter((r) => r.changed).map((r) => [r.label, r.before, r.after])).toEqual([
    ['状态', '待审核', '未通过'], ['原因', '（空）', '信息不符'], ['处理时间', '（空）', '2026-11-23 09:30'],
  ]);
});
