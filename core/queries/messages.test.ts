/** The in-app message center. */
import { makeHarness, submission, type Harness } from '../../tests/support/harness';

let h: Harness;
beforeEach(async () => { h = await makeHarness(); });
afterEach(() => h.cleanup());

const unread = async (who: string) => (await h.ok(who, { action: 'messages.list' })).unread as number;

test('unread counts go down as messages are read', async () => {
  // a submit assigned at once is one message (core/notify/outbox.ts); the officer's 签收 is a second
  const { request } = await h.ok('u-linxiao', submission());
  expect(await unread('u-linxiao')).toBe(1);
  await h.ok(request.assigneeId, { action: 'request.accept', id: request._id });
  const before = await unread('u-linxiao');
  expect(before).toBe(2);
  const first = (await h.ok('u-linxiao', { action: 'messages.list' })).items[0];
  expect((await h.ok('u-linxiao', { action: 'messages.read', id: first._id })).unread).toBe(1);
  // someone else's message id changes nothing
  const other = (await h.ok('u-zhangwei', { action: 'messages.list' })).items[0];
  if (other) await h.ok('u-linxiao', { action: 'messages.read', id: other._id });
  expect((await h.ok('u-linxiao', { action: 'messages.read', all: true })).unread).toBe(0);
});
