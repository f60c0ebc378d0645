/**
 * Nobody misses a notification (issue 17): consent accounting, long-term templates, SMS routing with
 * quiet hours and a daily cap, failures retried or dead-lettered visibly, reach per officer and per
 * channel. Runs on SQLite and on the CloudBase test bed (the 'cloudbase' jest project): there the
 * WeChat side is the test bed's subscribeMessage.send, which refuses a send without a consent (43101),
 * so a count that let one through would fail the test.
 */
import { C } from '../collections';
import type { Message, OutboxEntry, ServiceRequest, Subscription } from '../model';
import { TEMPLATES, type Template } from './templates';
import { MAX_ATTEMPTS, backoffMs } from './sender';
import { cloudbaseNotifier, type TemplateConfig } from '../../adapters/cloudbase-ports';
import templates from '../../config/subscribe-templates.json';
import { devOpenid } from '../seed/demo-district';
import { makeHarness, submission, type Harness } from '../../tests/support/harness';
import { smsAccountOnly } from '../../adapters/sms-account';
import { createTimers } from '../timers';
import { createService } from '../service';

let h: Harness;
/** what WeChat delivered: the test bed's record on CloudBase, the recording notifier's on SQLite */
let wechatSent: () => Array<{ openid: string; templateId?: string }>;

beforeEach(async () => {
  h = await makeHarness('2026-11-23T01:30:00Z'); // Monday 09:30 Beijing: working hours
  if (h.bed) {
    // the real notifier adapter against the test bed's subscribeMessage.send (consents enforced there)
    h.ports.notifier = cloudbaseNotifier(h.bed.sdk, templates as unknown as TemplateConfig, 'formal');
    wechatSent = () => h.bed!.wechat.sent.filter((m) => m.result === 'ok').map((m) => ({ openid: m.touser, templateId: m.templateId }));
  } else {
    wechatSent = () => h.notifier.sent;
  }
});
afterEach(() => h.cleanup());

const LIAISON = 'u-zhouqiang'; // gets every request of 高鹏's enterprise first (包联), capacity 10
const assignmentId = () => TEMPLATES.newAssignment.templateId;

/** the user taps 允许 (or refuses) in WeChat's sheet: WeChat's side (the test bed) and ours (notify.consent) */
async function answer(userId: string, key: 'newAssignment' | 'statusChanged', result: 'accept' | 'reject' | 'ban', times = 1) {
  for (let i = 0; i < times; i++) {
    if (result === 'accept') h.bed?.consent(devOpenid(userId), TEMPLATES[key].templateId, TEMPLATES[key].kind === 'long' ? Infinity : 1);
    await h.ok(userId, { action: 'notify.consent', results: { [TEMPLATES[key].templateId]: result }, source: 'request' });
  }
}

async function submitMany(n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const { request } = await h.ok('u-gaopeng', submission({ description: `第${i + 1}件：厂区道路破损影响货车通行，请协调修复。`, phone: '13612340002' }));
    ids.push(request._id);
  }
  return ids;
}

const entriesOf = async (userId: string) => (await h.store.collection<OutboxEntry>(C.outbox).find({ userId }, { limit: 100 })).filter((e) => e.channel !== 'robot');
const assignmentMessages = (userId: string) => h.store.collection<Message>(C.messages).find({ userId, kind: 'assignment' }, { limit: 100 });
const flush = () => h.fns.notify({}, null);

describe('a function that does not send SMS (CloudBase\'s service, console, visits and sheets)', () => {
  test('queues the SMS a WeChat refusal falls back to, leaves it pending and unclaimed, and the notify timer sends it', async () => {
    await answer(LIAISON, 'newAssignment', 'accept');
    // the account is configured, but these functions have no SMS client (adapters/sms-account.ts)
    const account = smsAccountOnly({ sdkAppId: '1400000000', signName: '营商环境', region: 'ap-guangzhou', secretId: 'id', secretKey: 'key' });
    expect(account.configured).toBe(true);
    expect(account.send).toBeUndefined();
    const service = createService({ ...h.ports, sms: account });
    for (let i = 0; i < 3; i++) {
      const r = await service(submission({ description: `第${i + 1}件：厂区道路破损影响货车通行，请协调修复。`, phone: '13612340002' }), { openid: devOpenid('u-gaopeng') });
      expect(r.ok).toBe(true);
    }
    await createTimers({ ...h.ports, sms: account }).notify({}, null);
    const waiting = (await entriesOf(LIAISON)).filter((e) => e.channel === 'sms');
    expect(waiting).toHaveLength(2);
    expect(waiting.every((e) => e.status === 'pending' && e.attempts === 0)).toBe(true);
    expect(h.sms.sent).toHaveLength(0);

    await flush();
    const sent = (await entriesOf(LIAISON)).filter((e) => e.channel === 'sms');
    expect(sent.every((e) => e.status === 'sent' && e.attempts === 1)).toBe(true);
    expect(h.sms.sent.filter((m) => m.phone === '13900020001')).toHaveLength(2);
  });
});

describe('consent accounting', () => {
  test('one one-time consent and ten assignments: one WeChat message, nine SMS, none lost, the count shown', async () => {
    await answer(LIAISON, 'newAssignment', 'accept');
    expect((await h.ok(LIAISON, { action: 'notify.settings' })).templates.find((t: { key: string }) => t.key === 'newAssignment')).toMatchObject({ credits: 1, label: '还可接收 1 条新工单提醒', topUp: true });
    const ids = await submitMany(10);
    for (const id of ids) expect((await h.requests().get(id))!.assigneeId).toBe(LIAISON);
    await flush();

    const mine = await entriesOf(LIAISON);
    const wechat = mine.filter((e) => e.template === 'newAssignment');
    expect(wechat).toHaveLength(10);
    expect(wechat.filter((e) => e.status === 'sent')).toHaveLength(1);
    expect(wechat.filter((e) => e.status === 'no_consent')).toHaveLength(9);
    const sms = mine.filter((e) => e.channel === 'sms');
    expect(sms).toHaveLength(9);
    expect(sms.every((e) => e.status === 'sent' && e.template === 'assignment' && e.phone === '13900020001')).toBe(true);
    expect(h.sms.sent.filter((m) => m.phone === '13900020001')).toHaveLength(9);
    // WeChat itself took exactly one message for him: never a send without a consent
    expect(wechatSent().filter((m) => m.openid === devOpenid(LIAISON))).toHaveLength(1);

    // every message says how it reached him
    const messages = await assignmentMessages(LIAISON);
    expect(messages).toHaveLength(10);
    expect(messages.filter((m) => m.delivery?.wechat)).toHaveLength(1);
    expect(messages.filter((m) => m.delivery?.sms && !m.delivery?.wechat)).toHaveLength(9);
    expect(messages.every((m) => m.delivery?.done)).toBe(true);

    const settings = await h.ok(LIAISON, { action: 'notify.settings' });
    expect(settings.templates.find((t: { key: string }) => t.key === 'newAssignment')).toMatchObject({ credits: 0, topUp: true });
    const sub = await h.store.collection<Subscription>(C.subscriptions).get(`${LIAISON}:newAssignment`);
    expect(sub).toMatchObject({ credits: 0, granted: 1, spent: 1 });

    // the dispatcher sees his reach: all ten outside the app within 5 minutes, 1 by WeChat and 9 by SMS
    const reach = await h.ok('u-sunli', { action: 'desk.reach', days: 7 });
    expect(reach.rows.find((r: { id: string }) => r.id === LIAISON)).toMatchObject({ assignments: 10, reached: 10, rate: 100, byChannel: { wechat: 1, sms: 9, inapp: 0, pending: 0 }, credits: 0, hasPhone: true });
    // and the dashboard's counts per channel
    const stats = await h.ok('u-sunli', { action: 'stats.notify', period: 'month' });
    const byChannel = Object.fromEntries(stats.channels.map((c: { channel: string }) => [c.channel, c]));
    expect(byChannel.sms.sent).toBeGreaterThanOrEqual(9);
    expect(byChannel.wechat.noConsent).toBeGreaterThanOrEqual(9);
    expect(stats.consentsSpent).toBeGreaterThanOrEqual(1);
  });

  test('SMS off: the nine land in the message center only, marked so, and reach shows 10%', async () => {
    const rules = await h.ok('u-admin', { action: 'admin.rules.get' });
    await h.ok('u-admin', { action: 'admin.rules.save', version: rules.version, rules: { ...rules.rules, notify: { ...rules.rules.notify, sms: { ...rules.rules.notify.sms, assignment: 'off' } } } });
    await answer(LIAISON, 'newAssignment', 'accept');
    await submitMany(10);
    await flush();
    expect(h.sms.sent).toHaveLength(0);
    const messages = await assignmentMessages(LIAISON);
    expect(messages.filter((m) => m.delivery?.done && !m.delivery.wechat && !m.delivery.sms)).toHaveLength(9);
    const reach = await h.ok('u-sunli', { action: 'desk.reach', days: 7 });
    expect(reach.rows.find((r: { id: string }) => r.id === LIAISON)).toMatchObject({ assignments: 10, reached: 1, rate: 10, byChannel: { wechat: 1, sms: 0, inapp: 9 } });
  });

  test('a long-term template delivers all ten on one consent', async () => {
    const t = TEMPLATES.newAssignment as Template;
    const kind = t.kind;
    t.kind = 'long';
    try {
      await answer(LIAISON, 'newAssignment', 'accept');
      expect((await h.ok(LIAISON, { action: 'notify.settings' })).templates.find((x: { key: string }) => x.key === 'newAssignment')).toMatchObject({ longTerm: true, label: '已开启长期提醒', topUp: false });
      await submitMany(10);
      await flush();
      const wechat = (await entriesOf(LIAISON)).filter((e) => e.template === 'newAssignment');
      expect(wechat.map((e) => e.status)).toEqual(Array(10).fill('sent'));
      expect(h.sms.sent).toHaveLength(0);
      expect(wechatSent().filter((m) => m.openid === devOpenid(LIAISON))).toHaveLength(10);
      // withdrawn in 通知管理 (getSetting reports it): nothing more by WeChat, SMS steps in
      await h.ok(LIAISON, { action: 'notify.consent', results: { [t.templateId]: 'reject' }, source: 'setting', mainSwitch: true });
      await h.store.collection(C.users).update(LIAISON, { $set: { capacity: 20 } });
      await submitMany(1);
      await flush();
      const last = (await entriesOf(LIAISON)).filter((e) => e.template === 'newAssignment' && e.status !== 'sent');
      expect(last).toHaveLength(1);
      expect(last[0]).toMatchObject({ status: 'no_consent' });
      expect(h.sms.sent.filter((m) => m.phone === '13900020001')).toHaveLength(1);
    } finally {
      t.kind = kind;
    }
  });

  test('a ban is respected: no WeChat send at all, SMS instead; a later accept lifts it', async () => {
    await answer(LIAISON, 'newAssignment', 'accept', 3);
    await answer(LIAISON, 'newAssignment', 'ban');
    await submitMany(2);
    await flush();
    expect(wechatSent().filter((m) => m.openid === devOpenid(LIAISON))).toHaveLength(0);
    const wechat = (await entriesOf(LIAISON)).filter((e) => e.template === 'newAssignment');
    expect(wechat.map((e) => e.status)).toEqual(['no_consent', 'no_consent']);
    expect(wechat[0].lastError).toContain('封禁');
    expect(h.sms.sent.filter((m) => m.phone === '13900020001')).toHaveLength(2);
    const state = (await h.ok(LIAISON, { action: 'notify.settings' })).templates.find((x: { key: string }) => x.key === 'newAssignment');
    expect(state).toMatchObject({ state: 'ban', topUp: false });
    expect(state.label).toContain('限制');
    // unbanned and accepted again: counted from there (the three before the ban still held)
    await answer(LIAISON, 'newAssignment', 'accept');
    expect((await h.ok(LIAISON, { action: 'notify.settings' })).templates.find((x: { key: string }) => x.key === 'newAssignment')).toMatchObject({ state: 'accept', credits: 4 });
  });

  test('43101 although we counted a consent (WeChat knows better): corrected, SMS steps in, the count is 0', async () => {
    // our record says 2, WeChat (the test bed / the notifier) holds none
    await h.ok(LIAISON, { action: 'notify.consent', results: { [assignmentId()]: 'accept' }, source: 'request' });
    await h.ok(LIAISON, { action: 'notify.consent', results: { [assignmentId()]: 'accept' }, source: 'request' });
    if (!h.bed) h.notifier.failNext({ ok: false, retry: false, error: '43101 user refuse to accept the msg' });
    await submitMany(1);
    await flush();
    const [wechat] = (await entriesOf(LIAISON)).filter((e) => e.template === 'newAssignment');
    expect(wechat).toMatchObject({ status: 'no_consent', lastError: expect.stringMatching(/^43101/) });
    expect(h.sms.sent.filter((m) => m.phone === '13900020001')).toHaveLength(1);
    expect(await h.store.collection<Subscription>(C.subscriptions).get(`${LIAISON}:newAssignment`)).toMatchObject({ credits: 0 });
  });
});

describe('SMS routing', () => {
  test('quiet hours: a non-urgent SMS waits for the next working minute; the day cap holds', async () => {
    h.clock.set('2026-11-23T14:00:00Z'); // Monday 22:00 Beijing
    const rules = await h.ok('u-admin', { action: 'admin.rules.get' });
    await h.ok('u-admin', { action: 'admin.rules.save', version: rules.version, rules: { ...rules.rules, notify: { ...rules.rules.notify, dailyCap: 3 } } });
    await submitMany(5);
    await flush();
    expect(h.sms.sent).toHaveLength(0);
    const waiting = (await entriesOf(LIAISON)).filter((e) => e.channel === 'sms');
    expect(waiting).toHaveLength(5);
    // Tuesday 09:00 Beijing (01:00Z) is the next working minute with the default hours
    const next = new Date(waiting[0].nextAttemptAt);
    expect(next.toISOString()).toBe('2026-11-24T01:00:00.000Z');
    expect(waiting.every((e) => e.status === 'pending' && e.attempts === 0 && e.lastError?.includes('顺延'))).toBe(true);
    // the morning: three go out, two stay in the message center with the reason
    h.clock.set('2026-11-24T01:00:00Z');
    await flush();
    const after = (await entriesOf(LIAISON)).filter((e) => e.channel === 'sms');
    expect(after.filter((e) => e.status === 'sent')).toHaveLength(3);
    expect(after.filter((e) => e.status === 'no_consent' && e.lastError?.includes('每日短信上限'))).toHaveLength(2);
    expect(h.sms.sent.filter((m) => m.phone === '13900020001')).toHaveLength(3);
  });

  test('a red request goes to the dispatcher by SMS at once, even at night (urgent)', async () => {
    const [id] = await submitMany(1);
    await h.ok(LIAISON, { action: 'request.accept', id });
    const req = (await h.requests().get(id))!;
    // overdue, and found so at night (20:00 Beijing the day after the deadline): the sweep turns it red
    const due = new Date(req.dueAt!);
    h.clock.set(new Date(Date.UTC(due.getUTCFullYear(), due.getUTCMonth(), due.getUTCDate() + 1, 12, 0)).toISOString());
    await h.fns.sweep({}, null);
    expect((await h.requests().get(id))!.colour).toBe('red');
    await flush();
    const red = (await h.store.collection<OutboxEntry>(C.outbox).find({ userId: 'u-sunli', channel: 'sms' }, { limit: 20 })).filter((e) => e.template === 'red');
    expect(red.length).toBeGreaterThanOrEqual(1);
    expect(red[0]).toMatchObject({ status: 'sent', phone: '13700030001' });
    expect(h.sms.sent.some((m) => m.phone === '13700030001' && m.template === 'red')).toBe(true);
  });

  test('an enterprise gets SMS only where it opted in', async () => {
    const rules = await h.ok('u-admin', { action: 'admin.rules.get' });
    expect(rules.rules.notify.sms.status).toBe('fallback');
    const [first] = await submitMany(1);
    await h.ok(LIAISON, { action: 'request.accept', id: first });
    await h.ok(LIAISON, { action: 'request.resolve', id: first, result: '已协调交通部门完成道路修复。' });
    await flush();
    expect(h.sms.sent.filter((m) => m.phone === '13612340002')).toHaveLength(0);
    await h.ok('u-gaopeng', { action: 'notify.smsOptIn', optIn: true });
    const [second] = await submitMany(1);
    await h.ok(LIAISON, { action: 'request.accept', id: second });
    await h.ok(LIAISON, { action: 'request.resolve', id: second, result: '已协调交通部门完成道路修复。' });
    await flush();
    const toEnterprise = h.sms.sent.filter((m) => m.phone === '13612340002');
    expect(toEnterprise).toHaveLength(1);
    expect(toEnterprise[0].template).toBe('status');
    // staff cannot opt themselves in or out: the rules decide
    expect(await h.call(LIAISON, { action: 'notify.smsOptIn', optIn: false })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  test('exactly once per recipient and channel: the notify timer run again sends nothing twice', async () => {
    await answer(LIAISON, 'newAssignment', 'accept');
    await submitMany(3);
    await flush();
    const before = { sms: h.sms.sent.length, wechat: wechatSent().length, entries: (await entriesOf(LIAISON)).length };
    // as if every request had been marked again (a crash before the mark was cleared)
    for (const r of await h.requests().find({ submitterId: 'u-gaopeng' }, { limit: 10 })) {
      await h.requests().update(r._id, { $set: { needsNotify: true, notifiedSeq: 0 } });
    }
    await flush();
    await flush();
    expect({ sms: h.sms.sent.length, wechat: wechatSent().length, entries: (await entriesOf(LIAISON)).length }).toEqual(before);
  });
});

describe('failures', () => {
  test('a WeChat send that keeps failing is retried with backoff, then dead-lettered visibly: consent back, SMS instead', async () => {
    if (h.bed) h.ports.notifier = h.notifier; // failures are injected on the recording notifier
    await answer(LIAISON, 'newAssignment', 'accept');
    h.notifier.failNext(...Array(MAX_ATTEMPTS).fill({ ok: false, retry: true, error: 'system busy' }));
    const [id] = await submitMany(1);
    const key = (await entriesOf(LIAISON)).find((e) => e.template === 'newAssignment')!._id;
    const outbox = h.store.collection<OutboxEntry>(C.outbox);
    expect(await outbox.get(key)).toMatchObject({ status: 'pending', attempts: 1, consent: 'held', lastError: 'system busy' });
    for (let a = 1; a < MAX_ATTEMPTS; a++) {
      h.clock.advance(backoffMs(a));
      await flush();
    }
    expect(await outbox.get(key)).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS, lastError: 'system busy' });
    await flush(); // the SMS written when WeChat gave up
    // the consent was never used: it is back
    expect(await h.store.collection<Subscription>(C.subscriptions).get(`${LIAISON}:newAssignment`)).toMatchObject({ credits: 1, spent: 0 });
    expect(h.sms.sent.filter((m) => m.phone === '13900020001')).toHaveLength(1);
    const stats = await h.ok('u-sunli', { action: 'stats.notify', period: 'month' });
    expect(stats.channels.find((c: { channel: string }) => c.channel === 'wechat').failed).toBeGreaterThanOrEqual(1);
    void id;
  });

  test('an SMS that fails for good is marked failed with Tencent\'s reason; the message is in-app only', async () => {
    h.sms.failNext({ ok: false, retry: false, error: 'FailedOperation.InsufficientBalanceInSmsPackage 套餐包余量不足' });
    await submitMany(1);
    await flush();
    const [sms] = (await entriesOf(LIAISON)).filter((e) => e.channel === 'sms');
    expect(sms).toMatchObject({ status: 'failed', lastError: expect.stringContaining('InsufficientBalance') });
    const [m] = await assignmentMessages(LIAISON);
    expect(m.delivery).toMatchObject({ done: true });
    expect(m.delivery?.sms).toBeUndefined();
  });
});

describe('a changed template id', () => {
  test('consents given for the old id count as none, and the next answer starts over under the new id', async () => {
    const subs = h.store.collection<Subscription>(C.subscriptions);
    await subs.add({
      _id: `${LIAISON}:newAssignment`, userId: LIAISON, template: 'newAssignment', templateId: 'old-template-id', credits: 5, longTerm: false,
      state: 'accept', always: null, mainSwitch: true, granted: 5, spent: 0, lastSpentFor: null, updatedAt: h.clock.now().toISOString(),
    });
    const before = await h.ok(LIAISON, { action: 'notify.settings' });
    expect(before.templates.find((t: { key: string }) => t.key === 'newAssignment')).toMatchObject({ credits: 0, topUp: true });
    const after = await h.ok(LIAISON, { action: 'notify.consent', results: { [assignmentId()]: 'accept' }, source: 'request' });
    expect(after.templates.find((t: { key: string }) => t.key === 'newAssignment')).toMatchObject({ credits: 1 });
    expect(await subs.get(`${LIAISON}:newAssignment`)).toMatchObject({ templateId: assignmentId(), credits: 1, granted: 1 });
  });
});

describe('who may ask', () => {
  test('consent answers only touch the caller\'s own count; reach is for the desk', async () => {
    await h.ok('u-zhangwei', { action: 'notify.consent', results: { [assignmentId()]: 'accept' }, source: 'request' });
    expect(await h.store.collection<Subscription>(C.subscriptions).get(`${LIAISON}:newAssignment`)).toBeNull();
    expect(await h.call('u-zhangwei', { action: 'desk.reach' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await h.call('u-linxiao', { action: 'stats.notify', period: 'month' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await h.call('u-zhangwei', { action: 'notify.consent', results: { x: 'maybe' }, source: 'request' })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    const unknown = await h.ok('u-zhangwei', { action: 'notify.consent', results: { 'not-our-template': 'accept' }, source: 'request' });
    expect(unknown.templates.find((t: { key: string }) => t.key === 'newAssignment').credits).toBe(1);
  });
});

void ({} as ServiceRequest);
