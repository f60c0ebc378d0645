/** Submitting a request is idempotent on the client's key. */
import { makeHarness, submission, type Harness } from '../../tests/support/harness';

let h: Harness;
beforeEach(async () => { h = await makeHarness(); });
afterEach(() => h.cleanup());

test('submitting twice with one client key creates one request', async () => {
  const event = submission();
  const [a, b] = await Promise.all([h.ok('u-linxiao', event), h.ok('u-linxiao', event)]);
  expect(a.request._id).toBe(b.request._id);
  expect(await h.requests().count({})).toBe(1);
  expect([a.created, b.created].sort()).toEqual([false, true]);
});
