/**
 * Consent accounting for subscribe messages: every WeChat answer the client reports moves the
 * count the right way, a send holds exactly one consent (never two for one entry, none when
 * refused), and a refund or a 43101 corrects it.
 */
import { C } from '../collections';
import type { OutboxEntry, Subscription, User } from '../model';
import { makeHarness, type Harness } from '../../tests/support/harness';
import { consentRefusal, forgetConsent, holdConsent, releaseConsent } from './consent';
import { TEMPLATES, type Template } from './templates';

let h: Harness;
beforeEach(async () => { h = await makeHarness(); });
afterEach(() => h.cleanup());

// the demo template ids the harness configures (demo-newAssignment, demo-statusChanged)
let NEW = '';
let STATUS = '';
beforeEach(() => { NEW = TEMPLATES.newAssignment.templateId; STATUS = TEMPLATES.statusChanged.templateId; });
const sub = (userId: string, key: 'newAssignment' | 'statusChanged') => h.store.collection<Subscription>(C.subscriptions).get(`${userId}:${key}`);
const consent = (who: string, results: Record<string, string>, source = 'request', mainSwitch?: boolean) =>
  h.ok(who, { action: 'notify.consent', results, source, ...(mainSwitch === undefined ? {} : { mainSwitch }) });
const entry = (id: string, userId = 'u-zhangwei', template = 'newAssignment') => ({ _id: id, userId, template, consent: null }) as unknown as OutboxEntry;
const stateOf = (settings: any, key: string) => settings.templates.find((t: any) => t.key === key);

describe('notify.consent', () => {
  test('each accept adds one one-time consent; a reject leaves the count and records the answer', async () => {
    await consent('u-zhangwei', { [NEW]: 'accept' });
    const settings = await consent('u-zhangwei', { [NEW]: 'accept' });
    expect(await sub('u-zhangwei', 'newAssignment')).toMatchObject({ templateId: NEW, credits: 2, granted: 2, spent: 0, state: 'accept', always: null, mainSwitch: true });
    expect(stateOf(settings, 'newAssignment')).toMatchObject({ credits: 2, relevant: true, label: '还可接收 2 条新工单提醒', topUp: true });
    // the answer for one template writes nothing for the other
    expect(await sub('u-zhangwei', 'statusChanged')).toBeNull();

    await consent('u-zhangwei', { [NEW]: 'reject' });
    expect(await sub('u-zhangwei', 'newAssignment')).toMatchObject({ credits: 2, granted: 2, state: 'reject' });
  });

  test('an answer for a template id this deployment does not use writes nothing', async () => {
    const settings = await consent('u-zhangwei', { 'tmpl-unknown': 'accept' });
    expect(await h.store.collection(C.subscriptions).count({ userId: 'u-zhangwei' })).toBe(0);
    expect(stateOf(settings, 'newAssignment')).toMatchObject({ credits: 0, state: 'none', label: '没有可用的新工单提醒次数' });
  });

  test('consents counted for an older template id are worth nothing: the next accept starts over at one', async () => {
    await h.store.collection<Subscription>(C.subscriptions).add({
      _id: 'u-zhangwei:newAssignment', userId: 'u-zhangwei', template: 'newAssignment', templateId: 'old-id', credits: 5, longTerm: false,
      state: 'accept', always: 'reject', mainSwitch: true, granted: 5, spent: 0, lastSpentFor: null, updatedAt: '2026-11-01T00:00:00.000Z',
    });
    expect(stateOf(await h.ok('u-zhangwei', { action: 'notify.settings' }), 'newAssignment')).toMatchObject({ credits: 0, always: null });
    await consent('u-zhangwei', { [NEW]: 'accept' });
    expect(await sub('u-zhangwei', 'newAssignment')).toMatchObject({ templateId: NEW, credits: 1, granted: 1, always: null, state: 'accept' });
  });

  test('"always reject" in the settings zeroes the count; a later accept lifts it; an unticked template clears it', async () => {
    await consent('u-zhangwei', { [NEW]: 'accept' });
    await consent('u-zhangwei', { [NEW]: 'accept' });
    const off = await consent('u-zhangwei', { [NEW]: 'reject' }, 'setting');
    expect(await sub('u-zhangwei', 'newAssignment')).toMatchObject({ credits: 0, always: 'reject', state: 'reject' });
    expect(stateOf(off, 'newAssignment')).toMatchObject({ label: '已选择不再接收新工单提醒', topUp: false });

    await consent('u-zhangwei', { [NEW]: 'accept' });
    expect(await sub('u-zhangwei', 'newAssignment')).toMatchObject({ credits: 1, always: null, state: 'accept' });

    await consent('u-zhangwei', { [NEW]: 'accept' }, 'setting');
    expect((await sub('u-zhangwei', 'newAssignment'))!.always).toBe('accept');
    // the setting no longer lists it (the tick was removed): no longer "always", the count untouched
    await consent('u-zhangwei', {}, 'setting', true);
    expect(await sub('u-zhangwei', 'newAssignment')).toMatchObject({ credits: 1, always: null });
  });

  test('the main switch off is recorded on every template and shown as such', async () => {
    await consent('u-zhangwei', { [NEW]: 'accept' });
    const s = await consent('u-zhangwei', {}, 'setting', false);
    expect(s.mainSwitch).toBe(false);
    expect(await sub('u-zhangwei', 'newAssignment')).toMatchObject({ mainSwitch: false, credits: 1 });
    expect(await sub('u-zhangwei', 'statusChanged')).toMatchObject({ mainSwitch: false, credits: 0 });
    expect(stateOf(s, 'newAssignment')).toMatchObject({ label: '已关闭全部订阅消息（可在小程序设置中打开）', topUp: false });
    expect(await holdConsent(h.ports, entry('o-1'))).toEqual({ ok: false, reason: '用户关闭了订阅消息总开关' });
    expect((await sub('u-zhangwei', 'newAssignment'))!.credits).toBe(1);
  });

  test('staff get offered both templates, an enterprise contact only the progress one', async () => {
    const officer = await h.ok('u-zhangwei', { action: 'notify.settings' });
    expect(officer.templates.map((t: any) => [t.key, t.relevant, t.topUp])).toEqual([['statusChanged', true, true], ['newAssignment', true, true]]);
    const contact = await h.ok('u-linxiao', { action: 'notify.settings' });
    expect(contact.templates.map((t: any) => [t.key, t.relevant, t.topUp])).toEqual([['statusChanged', true, true], ['newAssignment', false, false]]);
  });

  test('a malformed answer is refused in Chinese and writes nothing', async () => {
    expect(await h.call('u-zhangwei', { action: 'notify.consent', results: { [NEW]: 'maybe' }, source: 'request' })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', message: expect.stringContaining('订阅结果不正确') });
    expect(await h.store.collection(C.subscriptions).count({})).toBe(0);
  });
});

describe('holding, refunding and forgetting a consent', () => {
  test('a send holds one consent, the same entry never two, and the next entry finds none left', async () => {
    await consent('u-zhangwei', { [NEW]: 'accept' });
    await consent('u-zhangwei', { [NEW]: 'accept' });
    expect(await holdConsent(h.ports, entry('o-1'))).toEqual({ ok: true, held: true });
    expect(await sub('u-zhangwei', 'newAssignment')).toMatchObject({ credits: 1, spent: 1, lastSpentFor: 'o-1' });
    // a retry of the same entry after a crash: held already, nothing spent again though one is left
    expect(await holdConsent(h.ports, entry('o-1'))).toEqual({ ok: true, held: true });
    expect(await sub('u-zhangwei', 'newAssignment')).toMatchObject({ credits: 1, spent: 1 });
    // an entry marked held does not touch the count
    expect(await holdConsent(h.ports, { ...entry('o-3'), consent: 'held' })).toEqual({ ok: true, held: true });
    expect(await sub('u-zhangwei', 'newAssignment')).toMatchObject({ credits: 1, spent: 1 });
    expect(await holdConsent(h.ports, entry('o-2'))).toEqual({ ok: true, held: true });
    expect(await sub('u-zhangwei', 'newAssignment')).toMatchObject({ credits: 0, spent: 2, lastSpentFor: 'o-2' });
    expect(await holdConsent(h.ports, entry('o-4'))).toEqual({ ok: false, reason: '用户的订阅次数已用完' });
    expect(await sub('u-zhangwei', 'newAssignment')).toMatchObject({ credits: 0, spent: 2 });
  });

  test('a refund gives the consent back; a 43101 zeroes whatever was counted', async () => {
    for (let i = 0; i < 3; i++) await consent('u-zhangwei', { [NEW]: 'accept' });
    await holdConsent(h.ports, entry('o-1'));
    await releaseConsent(h.ports, entry('o-1'));
    expect(await sub('u-zhangwei', 'newAssignment')).toMatchObject({ credits: 3, spent: 0 });
    await forgetConsent(h.ports, entry('o-2'), new Date('2026-11-23T03:00:00Z'));
    expect(await sub('u-zhangwei', 'newAssignment')).toMatchObject({ credits: 0, longTerm: false, updatedAt: '2026-11-23T03:00:00.000Z' });
    expect(await holdConsent(h.ports, entry('o-3'))).toEqual({ ok: false, reason: '用户的订阅次数已用完' });
  });

  test('no consent on record, a refused or banned template, or an unknown template holds nothing', async () => {
    expect(await holdConsent(h.ports, entry('o-1'))).toEqual({ ok: false, reason: '用户未订阅该提醒' });
    expect(await holdConsent(h.ports, entry('o-1', 'u-zhangwei', 'nope'))).toEqual({ ok: false, reason: 'unknown template nope' });
    await consent('u-zhangwei', { [NEW]: 'accept' });
    await consent('u-zhangwei', { [NEW]: 'accept' });
    await consent('u-zhangwei', { [NEW]: 'ban' });
    expect(await holdConsent(h.ports, entry('o-2'))).toEqual({ ok: false, reason: '该模板已被微信封禁' });
    expect((await sub('u-zhangwei', 'newAssignment'))!.credits).toBe(2);
    await consent('u-zhangwei', { [NEW]: 'reject' }, 'setting');
    expect(consentRefusal((await sub('u-zhangwei', 'newAssignment'))!, entry('o-2'))).toBe('用户选择不再接收该提醒');
  });

  test('a long-term template serves without spending while the user keeps it on', async () => {
    const t = TEMPLATES.statusChanged as Template;
    t.kind = 'long';
    try {
      await consent('u-linxiao', { [STATUS]: 'accept' });
      expect(await sub('u-linxiao', 'statusChanged')).toMatchObject({ longTerm: true, credits: 0 });
      expect(await holdConsent(h.ports, entry('o-1', 'u-linxiao', 'statusChanged'))).toEqual({ ok: true, held: false });
      expect(await holdConsent(h.ports, entry('o-2', 'u-linxiao', 'statusChanged'))).toEqual({ ok: true, held: false });
      await consent('u-linxiao', { [STATUS]: 'reject' });
      expect(await holdConsent(h.ports, entry('o-3', 'u-linxiao', 'statusChanged'))).toEqual({ ok: false, reason: '用户未开启长期提醒' });
    } finally {
      t.kind = 'once';
    }
  });
});

describe('notify.smsOptIn', () => {
  test('an enterprise contact opts in and out of SMS; staff are told the admin decides', async () => {
    expect((await h.ok('u-linxiao', { action: 'notify.smsOptIn', optIn: true })).sms.optIn).toBe(true);
    expect((await h.store.collection<User>(C.users).get('u-linxiao'))!.smsOptIn).toBe(true);
    expect((await h.ok('u-linxiao', { action: 'notify.smsOptIn', optIn: false })).sms.optIn).toBe(false);
    expect((await h.store.collection<User>(C.users).get('u-linxiao'))!.smsOptIn).toBe(false);
    expect(await h.call('u-zhangwei', { action: 'notify.smsOptIn', optIn: true })).toMatchObject({ ok: false, code: 'FORBIDDEN', message: '工作人员的短信提醒由管理员的提醒规则决定' });
    expect((await h.store.collection<User>(C.users).get('u-zhangwei'))!.smsOptIn).toBeUndefined();
  });

  test('without a mobile number on file nobody can opt in, and nothing is written', async () => {
    await h.store.collection<User>(C.users).update('u-linxiao', { $set: { phone: null } });
    expect(await h.call('u-linxiao', { action: 'notify.smsOptIn', optIn: true })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', message: '账号未登记手机号，无法接收短信' });
    expect((await h.store.collection<User>(C.users).get('u-linxiao'))!.smsOptIn).toBeUndefined();
    expect(await h.call('u-linxiao', { action: 'notify.smsOptIn', optIn: 'yes' })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', message: expect.stringContaining('请选择是否接收短信') });
  });
});
