/** Pushes that fail are retried with backoff, never dropped; refused subscriptions end as no consent. */
import { C } from '../collections';
import type { OutboxEntry } from '../model';
import { backoffMs, MAX_ATTEMPTS, sendDue } from './sender';
import { makeHarness, submission, type Harness } from '../../tests/support/harness';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
  // everyone holds consents: these tests are about what happens to a push once it may go
  await h.consentAll();
});
afterEach(() => h.cleanup());

const store = () => h.store.collection<OutboxEntry>(C.outbox);
/** the WeChat entries (SMS and robot entries have their own tests: core/notify/reach.test.ts) */
const outbox = () => ({
  ...store(),
  find: async (...a: Parameters<ReturnType<typeof store>['find']>) => (await store().find(...a)).filter((e) => (e.channel ?? 'wechat') === 'wechat'),
  get: (id: string) => store().get(id),
  remove: (id: string) => store().remove(id),
  count: (f: Parameters<ReturnType<typeof store>['count']>[0]) => store().count(f),
  add: (d: Parameters<ReturnType<typeof store>['add']>[0]) => store().add(d),
});

test('a failed push retries with backoff until it is sent', async () => {
  h.notifier.failNext({ ok: false, retry: true, error: 'system busy' });
  const { request } = await h.ok('u-linxiao', submission());
  const pending = await outbox().find({ requestId: request._id, status: 'pending' });
  expect(pending).toHaveLength(1);
  expect(pending[0]).toMatchObject({ attempts: 1, lastError: 'system busy' });
  // the in-app message is there already (the submit and its assignment are one message)
  expect((await h.ok('u-linxiao', { action: 'messages.list' })).total).toBe(1);

  expect(await sendDue(h.ports, h.clock.now())).toEqual({});          // not due yet
  h.clock.advance(backoffMs(1));
  expect(await sendDue(h.ports, h.clock.now())).toEqual({ sent: 1 });
  expect((await outbox().get(pending[0]._id))!.status).toBe('sent');
});

test('after the last attempt an entry is kept as failed; a refused subscription (43101) is no consent', async () => {
  // the officer's pushes always time out; the enterprise refused the receipt template
  h.ports.notifier = {
    send: async (m) =>
      m.openid === 'dev-u-zhangwei' || m.openid === 'dev-u-wangfang'
        ? { ok: false, retry: true, error: 'timeout' }
        : m.data.remark.startsWith('已收到您的诉求')
          ? { ok: false, retry: false, error: '43101 user refuse to accept the msg' }
          : { ok: true },
  };
  const { request } = await h.ok('u-linxiao', submission());
  // the enterprise's next notice: its request was signed for
  await h.ok(request.assigneeId, { action: 'request.accept', id: request._id });
  for (let i = 0; i < MAX_ATTEMPTS + 2; i++) {
    h.clock.advance(backoffMs(MAX_ATTEMPTS));
    await sendDue(h.ports, h.clock.now());
  }
  const all = await outbox().find({}, { orderBy: [['_id', 'asc']] });
  // after the 43101 WeChat has told us the enterprise holds no consent: its next notice is not even tried
  expect(all.map((e) => e.status).sort()).toEqual(['failed', 'no_consent', 'no_consent']);
  expect(all.filter((e) => e.status === 'no_consent').map((e) => e.lastError?.slice(0, 5)).sort()).toEqual(['43101', '用户的订阅']);
  expect(all.find((e) => e.status === 'failed')).toMatchObject({ attempts: MAX_ATTEMPTS, lastError: 'timeout' });
  expect(all.find((e) => e.status === 'no_consent')!.lastError).toMatch(/^43101/);
});

test('the notify timer rebuilds outbox entries a crash left unwritten, once', async () => {
  const { request } = await h.ok('u-linxiao', submission());
  // simulate a crash after the request update: entries gone, mark still set
  for (const e of await outbox().find({})) await outbox().remove(e._id);
  await h.requests().update(request._id, { $set: { needsNotify: true, notifiedSeq: 0 } });
  const r1 = await h.fns.notify({ Type: 'Timer' }, null);
  expect(r1.ok && (r1.data as any).materialized).toBe(1);
  const count = await outbox().count({});
  expect(count).toBeGreaterThan(0);
  await h.fns.notify({ Type: 'Timer' }, null);
  expect(await outbox().count({})).toBe(count);
});

test('WeChat refusing our data (47003) or our template id (40037) is failed and logged, not skipped', async () => {
  const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  h.notifier.failNext(
    { ok: false, retry: false, error: '47003 argument invalid! data.phrase2.value invalid' },
    { ok: false, retry: false, error: '40037 invalid template id' },
  );
  await h.ok('u-linxiao', submission());
  const all = await outbox().find({}, { orderBy: [['_id', 'asc']] });
  const failed = all.filter((e) => e.status === 'failed');
  expect(failed.map((e) => e.lastError?.slice(0, 5)).sort()).toEqual(['40037', '47003']);
  expect(all.some((e) => e.status === 'skipped' || e.status === 'no_consent')).toBe(false);
  expect(errors.mock.calls.some((c) => String(c[0]).includes('47003'))).toBe(true);
  errors.mockRestore();
});

test('a stored payload WeChat would refuse is never sent: failed with the reason', async () => {
  const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const { request } = await h.ok('u-linxiao', submission());
  const at = h.clock.now().toISOString();
  // what the code wrote before issue 10: a score in a phrase, a name as the number, an emoji cut in half
  await outbox().add({
    _id: 'legacy-1', userId: 'u-linxiao', openid: 'dev-u-linxiao', requestId: request._id, template: 'statusChanged', page: 'p',
    data: { no: '东城新材料科技', status: '评分1分', title: '厂区用电😀'.slice(0, 5), time: '2026-11-23 09:30', remark: '说明' },
    status: 'pending', attempts: 0, nextAttemptAt: at, lastError: null, createdAt: at, sentAt: null,
  });
  const before = h.notifier.sent.length;
  expect(await sendDue(h.ports, h.clock.now())).toEqual({ failed: 1 });
  // 'legacy-1' predates channels: a WeChat entry; it held no consent, so none was spent
  expect(h.notifier.sent.length).toBe(before);
  const e = (await outbox().get('legacy-1'))!;
  expect(e.status).toBe('failed');
  expect(e.lastError).toMatch(/^invalid payload: /);
  expect(e.lastError).toMatch(/character_string1 \(no\)/);
  expect(e.lastError).toMatch(/phrase2 \(status\)/);
  expect(e.lastError).toMatch(/thing3 \(title\).*lone surrogate/);
  expect(errors).toHaveBeenCalled();
  errors.mockRestore();
});
