/** Deactivating an officer hands their open work back, every move recorded. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { C } from '../collections';
import type { User } from '../model';
import { localFiles } from '../../adapters/local-ports';
import { makeHarness, submission, type Harness } from '../../tests/support/harness';

let h: Harness;
let dir: string;
beforeEach(async () => {
  h = await makeHarness();
  dir = mkdtempSync(join(tmpdir(), 'yszt-admin-'));
  h.ports.files = localFiles(dir);
});
afterEach(() => h.cleanup());

const audit = async () => (await h.ok('u-admin', { action: 'admin.audit.list' })).items as Array<{ action: string; actorName: string; before: unknown; after: unknown }>;

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
