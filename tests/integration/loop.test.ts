/**
 * The closed loop through the service function, on SQLite and on the CloudBase test bed, as the
 * phone pages drive it. Each step's own cases sit beside its use case (core/intake, core/assignment,
 * core/handling, core/feedback).
 */
import { C } from '../../core/collections';
import type { User } from '../../core/model';
import { makeHarness, submission, type Harness } from '../support/harness';

let h: Harness;
beforeEach(async () => { h = await makeHarness(); });
afterEach(() => h.cleanup());

test('submit → assigned to a grid officer → accept → progress → resolve → enterprise scores it', async () => {
  // both hold WeChat consents, so every notice is also pushed (consent accounting: core/notify/reach.test.ts)
  await h.consentAll();
  const { request } = await h.ok('u-linxiao', submission());
  expect(request.no).toMatch(/^SQ20261123\d{4}$/);
  expect(request.status).toBe('assigned');
  expect(['u-zhangwei', 'u-wangfang']).toContain(request.assigneeId);
  const officer = request.assigneeId as string;
  // the enterprise reads who handles it; the officer reads by which rule and with what load
  const assigned = request.timeline.find((e: any) => e.type === 'assigned');
  expect(assigned.text).toMatch(/^已安排网格员(张伟|王芳)为您办理$/);

  // the officer finds it in the inbox and is told
  const inbox = await h.ok(officer, { action: 'officer.inbox', tab: 'todo' });
  expect(inbox.items.map((r: any) => r._id)).toEqual([request._id]);
  expect(inbox.counts).toEqual({ todo: 1, doing: 0, done: 0 });
  expect((await h.ok(officer, { action: 'messages.list' })).items[0].title).toBe('您有新的诉求待签收');
  const asStaff = await h.ok(officer, { action: 'request.get', id: request._id });
  expect(asStaff.request.timeline.find((e: any) => e.type === 'assigned').text).toMatch(/^分派给 网格员 (张伟|王芳)（网格 东城一网格，在办 0 件）$/);

  h.clock.advance(3600_000);
  await h.ok(officer, { action: 'request.accept', id: request._id });
  await h.ok(officer, { action: 'request.progress', id: request._id, note: '已联系供电公司现场勘察' });
  const resolved = await h.ok(officer, { action: 'request.resolve', id: request._id, result: '供电公司已完成增容，恢复生产' });
  expect(resolved.request.status).toBe('resolved');
  expect(resolved.can.resolve).toBe(false);

  const seen = await h.ok('u-linxiao', { action: 'request.get', id: request._id });
  expect(seen.can).toMatchObject({ confirm: true, reopen: true });
  const titles = (await h.ok('u-linxiao', { action: 'messages.list' })).items.map((m: any) => m.title);
  // one message per event, the submit and its assignment in one (one tap, one message)
  expect([...titles].sort()).toEqual(['诉求已提交', '诉求已签收，正在办理', '诉求办理进展', '诉求已办结，请评价'].sort());

  const closed = await h.ok('u-linxiao', { action: 'request.confirm', id: request._id, score: 5, comment: '很及时' });
  expect(closed.request).toMatchObject({ status: 'closed', score: 5, comment: '很及时' });
  expect(closed.request.timeline.map((e: any) => e.type)).toEqual(['submitted', 'assigned', 'accepted', 'progress', 'resolved', 'closed']);
  // the officer's slot is free again
  expect((await h.store.collection<User>(C.users).get(officer))!.openCount).toBe(0);
  // every notification was also pushed through the notifier port
  // (to the enterprise: submitted and assigned as one, accepted, progress, resolved; to the officer: new work, closed)
  expect(h.notifier.sent.length).toBeGreaterThanOrEqual(6);
});

