/** Who gets a request: the liaison first, else the least-loaded officer of the grid, else the community queue; assigned exactly once. */
import { C } from '../collections';
import type { ServiceRequest, User } from '../model';
import { makeHarness, submission, type Harness } from '../../tests/support/harness';

let h: Harness;
beforeEach(async () => { h = await makeHarness(); });
afterEach(() => h.cleanup());

test('an enterprise with a liaison goes to the liaison first', async () => {
  const { request } = await h.ok('u-gaopeng', submission({ phone: '13612340002' }));
  expect(request.assigneeId).toBe('u-zhouqiang');
  // the desk reads the rule and the load; the enterprise reads who will handle it
  const staffView = await h.ok('u-zhouqiang', { action: 'request.get', id: request._id });
  expect(staffView.request.timeline[1].text).toBe('分派给 特派员 周强（包联 云溪精密机械制造有限公司，在办 0 件）');
  expect(request.timeline[1].text).toBe('已安排特派员周强为您办理');
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
  expect(fourth.request.timeline.at(-1).text).toBe('正在为您安排办理人员，安排好后会通知您');
  const stored = await h.store.collection<ServiceRequest>(C.requests).get(ids[3]);
  expect(stored!.timeline.at(-1)!.text).toContain('柳岸社区营商环境优化中心 队列');

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
