/** The enterprise sends an answered request back (退回重办). */
import { C } from '../collections';
import type { User } from '../model';
import { makeHarness, submission, type Harness } from '../../tests/support/harness';

let h: Harness;
beforeEach(async () => { h = await makeHarness(); });
afterEach(() => h.cleanup());

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
