/** The closed loop through the service function, on SQLite, as the phone pages drive it. */
import { C } from '../../core/collections';
import type { Enterprise, User } from '../../core/model';
import { makeHarness, submission, type Harness } from '../support/harness';

let h: Harness;
beforeEach(async () => { h = await makeHarness(); });
afterEach(() => h.cleanup());

const unread = async (who: string) => (await h.ok(who, { action: 'messages.list' })).unread as number;

test('submit → assigned to a grid officer → accept → progress → resolve → enterprise scores it', async () => {
  // both hold WeChat consents, so every notice is also pushed (consent accounting: tests/integration/notify-reach.test.ts)
  await h.consentAll();
  const { request } = await h.ok('u-linxiao', submission());
  expect(request.no).toMatch(/^SQ20261123\d{4}$/);
  expect(request.status).toBe('assigned');
  expect(['u-zhangwei', 'u-wangfang']).toContain(request.assigneeId);
  const officer = request.assigneeId as string;
  const assigned = request.timeline.find((e: any) => e.type === 'assigned');
  expect(assigned.text).toMatch(/^分派给 网格员 (张伟|王芳)（网格 东城一网格，在办 0 件）$/);

  // the officer finds it in the inbox and is told
  const inbox = await h.ok(officer, { action: 'officer.inbox', tab: 'todo' });
  expect(inbox.items.map((r: any) => r._id)).toEqual([request._id]);
  expect(inbox.counts).toEqual({ todo: 1, doing: 0, done: 0 });
  expect((await h.ok(officer, { action: 'messages.list' })).items[0].title).toBe('您有新的诉求待签收');

  h.clock.advance(3600_000);
  await h.ok(officer, { action: 'request.accept', id: request._id });
  await h.ok(officer, { action: 'request.progress', id: request._id, note: '已联系供电公司现场勘察' });
  const resolved = await h.ok(officer, { action: 'request.resolve', id: request._id, result: '供电公司已完成增容，恢复生产' });
  expect(resolved.request.status).toBe('resolved');
  expect(resolved.can.resolve).toBe(false);

  const seen = await h.ok('u-linxiao', { action: 'request.get', id: request._id });
  expect(seen.can).toMatchObject({ confirm: true, reopen: true });
  const titles = (await h.ok('u-linxiao', { action: 'messages.list' })).items.map((m: any) => m.title);
  expect(titles).toEqual(expect.arrayContaining(['诉求已提交', '诉求已分派', '诉求已签收，正在办理', '诉求办理进展', '诉求已办结，请评价']));

  const closed = await h.ok('u-linxiao', { action: 'request.confirm', id: request._id, score: 5, comment: '很及时' });
  expect(closed.request).toMatchObject({ status: 'closed', score: 5, comment: '很及时' });
  expect(closed.request.timeline.map((e: any) => e.type)).toEqual(['submitted', 'assigned', 'accepted', 'progress', 'resolved', 'closed']);
  // the officer's slot is free again
  expect((await h.store.collection<User>(C.users).get(officer))!.openCount).toBe(0);
  // every notification was also pushed through the notifier port
  expect(h.notifier.sent.length).toBeGreaterThanOrEqual(7);
});

test('an enterprise with a liaison goes to the liaison first', async () => {
  const { request } = await h.ok('u-gaopeng', submission({ phone: '13612340002' }));
  expect(request.assigneeId).toBe('u-zhouqiang');
  expect(request.timeline[1].text).toBe('分派给 特派员 周强（包联 云溪精密机械制造有限公司，在办 0 件）');
});

test('the least-loaded officer gets the next request; ties go to the longest since last assigned', async () => {
  const a = (await h.ok('u-linxiao', submission())).request.assigneeId;
  h.clock.advance(1000);
  const b = (await h.ok('u-linxiao', submission())).request.assigneeId;
  expect(new Set([a, b])).toEqual(new Set(['u-zhangwei', 'u-wangfang']));
  h.clock.advance(1000);
  // both now carry 1; the one assigned longer ago (a) is next
  expect((await h.ok('u-linxiao', submission())).request.assigneeId).toBe(a);
});

test('with every officer full the request waits in the community queue and is assigned when a slot frees', async () => {
  // 黄敏 (capacity 3) is the only officer of 柳岸一网格
  const ids: string[] = [];
  for (let i = 0; i < 4; i++) ids.push((await h.ok('u-hejun', submission({ phone: '13612340003' }))).request._id);
  const fourth = await h.ok('u-hejun', { action: 'request.get', id: ids[3] });
  expect(fourth.request.status).toBe('queued');
  expect(fourth.request.timeline.at(-1).text).toContain('柳岸社区营商环境优化中心 队列');

  // the timer retries without repeating the waiting note
  expect((await h.fns.assign({ Type: 'Timer' }, null)).ok).toBe(true);
  expect((await h.ok('u-hejun', { action: 'request.get', id: ids[3] })).request.timeline).toHaveLength(2);

  await h.ok('u-huangmin', { action: 'request.accept', id: ids[0] });
  await h.ok('u-huangmin', { action: 'request.resolve', id: ids[0], result: '已协调解决' });
  const after = await h.ok('u-hejun', { action: 'request.get', id: ids[3] });
  expect(after.request.status).toBe('assigned');
  expect(after.request.assigneeId).toBe('u-huangmin');
});

test('two assigners racing for one request assign it exactly once', async () => {
  // take every officer of 东城一网格 off duty so the submit leaves it queued
  const users = h.store.collection<User>(C.users);
  for (const id of ['u-zhangwei', 'u-wangfang']) await users.update(id, { $set: { onDuty: false } });
  const { request } = await h.ok('u-linxiao', submission());
  expect(request.status).toBe('queued');
  for (const id of ['u-zhangwei', 'u-wangfang']) await users.update(id, { $set: { onDuty: true } });

  const results = await Promise.all(Array.from({ length: 8 }, () => h.fns.assign({ requestId: request._id }, null)));
  const outcomes = results.map((r) => (r.ok ? (r.data as any).outcome : r.code));
  expect(outcomes.filter((o) => o === 'assigned')).toHaveLength(1);
  const final = (await h.requests().get(request._id))!;
  expect(final.timeline.filter((e) => e.type === 'assigned')).toHaveLength(1);
  const loads = await Promise.all(['u-zhangwei', 'u-wangfang'].map(async (id) => (await users.get(id))!.openCount));
  expect(loads.reduce((a, b) => a! + b!, 0)).toBe(1);
});

test('submitting twice with one client key creates one request', async () => {
  const event = submission();
  const [a, b] = await Promise.all([h.ok('u-linxiao', event), h.ok('u-linxiao', event)]);
  expect(a.request._id).toBe(b.request._id);
  expect(await h.requests().count({})).toBe(1);
  expect([a.created, b.created].sort()).toEqual([false, true]);
});

test('reopening sends the case back to the same officer and counts 重办', async () => {
  const { request } = await h.ok('u-linxiao', submission());
  const officer = request.assigneeId;
  await h.ok(officer, { action: 'request.accept', id: request._id });
  await h.ok(officer, { action: 'request.resolve', id: request._id, result: '已答复' });
  const r = await h.ok('u-linxiao', { action: 'request.reopen', id: request._id, reason: '问题没有解决' });
  expect(r.request).toMatchObject({ status: 'assigned', assigneeId: officer, reopenCount: 1 });
  expect((await h.store.collection<User>(C.users).get(officer))!.openCount).toBe(1);
  expect((await h.ok(officer, { action: 'messages.list' })).items[0].title).toBe('诉求被退回重办');
});

test('binding checks the credit code and the name; the grid officer approves the first contact, the first contact the rest, up to the cap', async () => {
  const fresh = 'wx-openid-new-1';
  const ent = (await h.store.collection<Enterprise>(C.enterprises).get('e-005'))!;
  const bad = await h.call(fresh, { action: 'enterprise.bind', name: ent.name, creditCode: ent.creditCode.slice(0, 17) + (ent.creditCode[17] === '0' ? '1' : '0') });
  expect(bad).toMatchObject({ ok: false, code: 'BAD_CREDIT_CODE' });
  const wrongName = await h.call(fresh, { action: 'enterprise.bind', name: '别的公司', creditCode: ent.creditCode });
  expect(wrongName).toMatchObject({ ok: false, code: 'ENTERPRISE_NAME_MISMATCH' });
  // lower case and spaces are accepted; e-005 has no contact yet, so its grid's officers decide
  const asked = await h.ok(fresh, { action: 'enterprise.bind', name: ent.name, creditCode: ` ${ent.creditCode.toLowerCase()} ` });
  expect(asked.binding).toMatchObject({ status: 'pending' });
  expect((await h.ok(fresh, { action: 'me' })).binding).toMatchObject({ status: 'pending', enterpriseName: ent.name });
  expect(await h.call(fresh, submission())).toMatchObject({ ok: false, code: 'NOT_BOUND' });
  // an officer of another grid cannot decide; 张伟 (东城一网格) can
  const pending = (await h.ok('u-zhangwei', { action: 'binding.list', tab: 'pending' })).items;
  expect(pending.map((b: any) => b.userName)).toEqual(['企业用户']);
  expect(await h.call('u-lina', { action: 'binding.approve', id: pending[0].id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  await h.ok('u-zhangwei', { action: 'binding.approve', id: pending[0].id });
  expect((await h.ok(fresh, { action: 'me' })).user.enterprise.name).toBe(ent.name);
  // later contacts are decided by the first contact
  for (let i = 2; i <= 5; i++) {
    const r = await h.ok(`wx-openid-new-${i}`, { action: 'enterprise.bind', name: ent.name, creditCode: ent.creditCode });
    await h.ok(fresh, { action: 'binding.approve', id: r.binding.id });
  }
  const sixth = await h.call('wx-openid-new-6', { action: 'enterprise.bind', name: ent.name, creditCode: ent.creditCode });
  expect(sixth).toMatchObject({ ok: false, code: 'ENTERPRISE_CONTACTS_FULL' });
  expect((await h.store.collection<Enterprise>(C.enterprises).get('e-005'))!.contactIds).toHaveLength(5);
  // the first contact removes one; a slot frees; a rejected applicant is told why
  const second = (await h.store.collection<Enterprise>(C.enterprises).get('e-005'))!.contactIds[1];
  expect(await h.call('wx-openid-new-3', { action: 'enterprise.unbind', userId: second })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  await h.ok(fresh, { action: 'enterprise.unbind', userId: second });
  const seventh = await h.ok('wx-openid-new-7', { action: 'enterprise.bind', name: ent.name, creditCode: ent.creditCode });
  await h.ok(fresh, { action: 'binding.reject', id: seventh.binding.id, reason: '非本企业员工' });
  const told = (await h.ok('wx-openid-new-7', { action: 'messages.list' })).items[0];
  expect(told).toMatchObject({ title: '企业绑定未通过' });
  expect(told.body).toContain('非本企业员工');
});

test('unread counts go down as messages are read', async () => {
  await h.ok('u-linxiao', submission());
  const before = await unread('u-linxiao');
  expect(before).toBe(2);
  const first = (await h.ok('u-linxiao', { action: 'messages.list' })).items[0];
  expect((await h.ok('u-linxiao', { action: 'messages.read', id: first._id })).unread).toBe(1);
  // someone else's message id changes nothing
  const other = (await h.ok('u-zhangwei', { action: 'messages.list' })).items[0];
  if (other) await h.ok('u-linxiao', { action: 'messages.read', id: other._id });
  expect((await h.ok('u-linxiao', { action: 'messages.read', all: true })).unread).toBe(0);
});
