/** Deactivating an officer hands their open work back, every move recorded. */
import { C } from '../collections';
import type { User } from '../model';
import { freshEach, submission } from '../../tests/support/harness';

const w = freshEach();

const audit = async () => (await w.h.ok('u-admin', { action: 'admin.audit.list' })).items as Array<{ action: string; actorName: string; before: unknown; after: unknown }>;

test('deactivating an officer sends their open requests back to the queue and re-assigns them, each move recorded', async () => {
  const ids: string[] = [];
  for (let i = 0; i < 4; i++) ids.push((await w.h.ok('u-linxiao', submission())).request._id);
  const byZhang = (await w.h.requests().find({ assigneeId: 'u-zhangwei' })).map((r) => r._id);
  expect(byZhang.length).toBeGreaterThan(0);
  await w.h.ok('u-zhangwei', { action: 'request.accept', id: byZhang[0] });
  const r = await w.h.ok('u-admin', { action: 'admin.staff.deactivate', id: 'u-zhangwei', reason: '调离岗位' });
  expect(r.requeued).toBe(byZhang.length);
  for (const id of byZhang) {
    const req = (await w.h.requests().get(id))!;
    expect(req).toMatchObject({ status: 'assigned', assigneeId: 'u-wangfang' });
    const types = req.timeline.map((e) => e.type);
    expect(types.slice(-2)).toEqual(['requeued', 'assigned']);
    expect(req.timeline.at(-2)!.text).toContain('原承办人 张伟 已停用（调离岗位）');
  }
  expect((await w.h.store.collection<User>(C.users).get('u-zhangwei'))!).toMatchObject({ active: false, openCount: 0 });
  expect((await w.h.store.collection<User>(C.users).get('u-wangfang'))!.openCount).toBe(4);
  // a deactivated officer can no longer act
  expect(await w.h.call('u-zhangwei', { action: 'officer.inbox' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  expect((await audit())[0]).toMatchObject({ action: 'user.deactivate', actorName: '系统管理员' });
});
