/**
 * Right after an action the outbox entries are written in their first state: closed when the person
 * holds no WeChat consent (no claim, no consent read), claimed when this sender sends them at once.
 * A crash between the write and the send leaves them to the timer once their lease ends: sent once.
 */
import { C } from '../collections';
import type { Message, OutboxEntry, Subscription } from '../model';
import type { Store } from '../ports';
import { makeHarness, submission, type Harness } from '../../tests/support/harness';

let h: Harness;
afterEach(() => h.cleanup());

const outbox = () => h.store.collection<OutboxEntry>(C.outbox);
const wechat = async (requestId: string) => (await outbox().find({ requestId })).filter((e) => (e.channel ?? 'wechat') === 'wechat');

/** counts the store calls by collection and kind while `run` runs */
async function counted(run: () => Promise<unknown>) {
  const inner = h.ports.store;
  const calls: string[] = [];
  h.ports.store = {
    ...inner,
    collection: (name: string) => {
      const c = inner.collection(name) as unknown as Record<string, (...a: unknown[]) => unknown>;
      return new Proxy(c, { get: (t, k) => (typeof t[k as string] === 'function' ? (...a: unknown[]) => { calls.push(`${name}.${String(k)}`); return t[k as string](...a); } : t[k as string]) });
    },
  } as unknown as Store;
  try {
    await run();
  } finally {
    h.ports.store = inner;
  }
  return calls;
}

test('without a consent on record the WeChat entry is written closed: nothing claimed, spent or sent', async () => {
  h = await makeHarness();
  const calls = await counted(() => h.ok('u-linxiao', submission()));
  const [{ request }] = [await h.ok('u-linxiao', { action: 'request.mine' })].map((m: any) => ({ request: m.items[0] }));
  const entries = await wechat(request._id);
  expect(entries.length).toBeGreaterThan(0);
  for (const e of entries) expect(e).toMatchObject({ status: 'no_consent', attempts: 0, lastError: '用户未订阅该提醒' });
  expect(h.notifier.sent).toHaveLength(0);
  // the enterprise's message says nothing more will reach it, as written
  const msg = (await h.store.collection<Message>(C.messages).get(`${request._id}:2:u-linxiao`))!;
  expect(msg.delivery).toMatchObject({ done: true });
  // one read of everyone's consents; no claim, no consent update, no second look at the outbox
  expect(calls.filter((c) => c === 'subscriptions.find')).toHaveLength(1);
  expect(calls.filter((c) => c.startsWith('subscriptions.') && c !== 'subscriptions.find')).toHaveLength(0);
  // the only outbox writes after the adds close the SMS the officer's new work falls back to, sent at once
  const sms = (await outbox().find({ requestId: request._id })).filter((e) => e.channel === 'sms');
  expect(sms.map((e) => [e.status, e.attempts])).toEqual([['sent', 1]]);
  expect(calls.filter((c) => c === 'outbox.find')).toHaveLength(0);
  expect(calls.filter((c) => c === 'outbox.update')).toHaveLength(sms.length);
});

test('with a consent the entry is written claimed and sent at once: one consent spent per message', async () => {
  h = await makeHarness();
  await h.consentAll(3);
  const subs = h.store.collection<Subscription>(C.subscriptions);
  const before = (await subs.get('u-linxiao:statusChanged'))!.credits;
  const calls = await counted(() => h.ok('u-linxiao', submission()));
  const { items } = await h.ok('u-linxiao', { action: 'request.mine' });
  const entries = await wechat(items[0]._id);
  expect(entries.length).toBe(2);
  for (const e of entries) expect(e).toMatchObject({ status: 'sent', attempts: 1, consent: 'held' });
  expect(h.notifier.sent).toHaveLength(2);
  expect((await subs.get('u-linxiao:statusChanged'))!.credits).toBe(before - 1);
  // written claimed: no outbox read to find them, no claim before the send
  expect(calls.filter((c) => c === 'outbox.find')).toHaveLength(0);
  expect(calls.filter((c) => c === 'outbox.update')).toHaveLength(2);
});

test('a crash after the entries are written claimed: the timer sends each once, after the lease', async () => {
  h = await makeHarness();
  await h.consentAll(3);
  const subs = h.store.collection<Subscription>(C.subscriptions);
  const before = (await subs.get('u-linxiao:statusChanged'))!.credits;
  // the process dies where the mark is cleared: the entries are written, claimed, not sent
  const inner = h.ports.store;
  h.ports.store = {
    ...inner,
    collection: (name: string) => {
      const c = inner.collection(name);
      if (name !== C.requests) return c;
      return { ...c, update: async (id: string, u: any, w?: any) => { if (u?.$set?.needsNotify === false) throw new Error('killed'); return c.update(id, u, w); } } as typeof c;
    },
  } as Store;
  const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  await h.ok('u-linxiao', submission());
  h.ports.store = inner;
  errors.mockRestore();
  const { items } = await h.ok('u-linxiao', { action: 'request.mine' });
  const id = items[0]._id;
  expect((await wechat(id)).map((e) => [e.status, e.attempts])).toEqual([['pending', 1], ['pending', 1]]);
  expect(h.notifier.sent).toHaveLength(0);
  // a tick within the lease rebuilds nothing twice and sends nothing
  await h.fns.notify({ Type: 'Timer' }, null);
  expect(h.notifier.sent).toHaveLength(0);
  expect(await outbox().count({ requestId: id })).toBe(2);
  // the lease over: sent once each, one consent spent for the enterprise's message
  h.clock.advance(61_000);
  await h.fns.notify({ Type: 'Timer' }, null);
  await h.fns.notify({ Type: 'Timer' }, null);
  expect(h.notifier.sent).toHaveLength(2);
  expect((await wechat(id)).map((e) => [e.status, e.attempts])).toEqual([['sent', 2], ['sent', 2]]);
  expect((await subs.get('u-linxiao:statusChanged'))!.credits).toBe(before - 1);
});
