/** Binding decisions are in the admin's 操作日志: who approved or refused whom, for which enterprise, and why. */
import { C } from '../collections';
import type { AuditEntry, Enterprise } from '../model';
import { makeHarness, type Harness } from '../../tests/support/harness';

let h: Harness;
beforeEach(async () => { h = await makeHarness(); });
afterEach(() => h.cleanup());

const bindingLog = async () => (await h.ok('u-admin', { action: 'admin.audit.list', entity: 'binding' })).items as Array<AuditEntry & { id: string }>;

test('an approval and a refusal are each recorded with entity binding, the decider, and the binding before and after', async () => {
  const ent = (await h.store.collection<Enterprise>(C.enterprises).get('e-005'))!;
  const first = await h.ok('wx-audit-1', { action: 'enterprise.bind', name: ent.name, creditCode: ent.creditCode, applicantName: '赵一' });
  expect(await bindingLog()).toEqual([]);
  // the grid officer approves the first contact
  await h.ok('u-zhangwei', { action: 'binding.approve', id: first.binding.id });
  const [approved] = await bindingLog();
  expect(approved).toMatchObject({
    action: 'binding.approve', entity: 'binding', entityId: first.binding.id, actorId: 'u-zhangwei', actorName: '张伟',
    summary: `通过 赵一 成为“${ent.name}”联系人的申请`,
    before: { status: 'pending', userName: '赵一', enterpriseName: ent.name, decidedAt: null },
    after: { status: 'approved', userName: '赵一', enterpriseName: ent.name, decidedAt: h.clock.now().toISOString() },
  });

  // the first contact refuses the next applicant, with a reason
  const second = await h.ok('wx-audit-2', { action: 'enterprise.bind', name: ent.name, creditCode: ent.creditCode, applicantName: '钱二' });
  await h.ok('wx-audit-1', { action: 'binding.reject', id: second.binding.id, reason: '非本企业员工' });
  const log = await bindingLog();
  expect(log).toHaveLength(2);
  expect(log.find((a) => a.action === 'binding.reject')).toMatchObject({
    entity: 'binding', entityId: second.binding.id, actorName: '赵一',
    summary: `驳回 钱二 成为“${ent.name}”联系人的申请：非本企业员工`,
    before: { status: 'pending', reason: null }, after: { status: 'rejected', reason: '非本企业员工' },
  });
  // the whole log has them too, and nobody but the admin reads it
  expect((await h.ok('u-admin', { action: 'admin.audit.list' })).items.filter((a: AuditEntry) => a.entity === 'binding')).toHaveLength(2);
  expect(await h.call('u-zhangwei', { action: 'admin.audit.list', entity: 'binding' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
});

test('a decision that does not happen leaves no entry: a second decision, another grid\'s officer', async () => {
  const ent = (await h.store.collection<Enterprise>(C.enterprises).get('e-005'))!;
  const asked = await h.ok('wx-audit-3', { action: 'enterprise.bind', name: ent.name, creditCode: ent.creditCode, applicantName: '孙三' });
  expect(await h.call('u-lina', { action: 'binding.approve', id: asked.binding.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  expect(await bindingLog()).toEqual([]);
  await h.ok('u-zhangwei', { action: 'binding.reject', id: asked.binding.id, reason: '信息不符' });
  expect(await h.call('u-zhangwei', { action: 'binding.approve', id: asked.binding.id })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
  expect((await bindingLog()).map((a) => a.action)).toEqual(['binding.reject']);
});
