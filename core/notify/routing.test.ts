/** Which notice goes by SMS to whom (core/notify/routing.ts), without a store. */
import { DEFAULT_NOTIFY_RULES, mobileOf, NotifyRulesInput, robotWorthy, routeFor, type NotifyRules } from './routing';

const officer = { roles: ['officer' as const] };
const dispatcher = { roles: ['dispatcher' as const] };
const dept = { roles: ['department' as const] };
const ent = (smsOptIn?: boolean) => ({ roles: ['enterprise' as const], smsOptIn });
const rules = (over: Partial<NotifyRules['sms']> = {}): NotifyRules => ({ ...DEFAULT_NOTIFY_RULES, sms: { ...DEFAULT_NOTIFY_RULES.sms, ...over } });

test('defaults: new work and urges to the handler, a request turning red to the dispatcher, all as fallback', () => {
  expect(routeFor(rules(), { type: 'assigned' }, officer, 'assignee', true)).toEqual({ sms: 'fallback', kind: 'assignment', urgent: false });
  expect(routeFor(rules(), { type: 'card_issued' }, dept, 'staff', true)).toMatchObject({ kind: 'assignment' });
  expect(routeFor(rules(), { type: 'urged' }, officer, 'assignee', false)).toEqual({ sms: 'fallback', kind: 'urge', urgent: false });
  expect(routeFor(rules(), { type: 'card_urged' }, dept, 'staff', false)).toMatchObject({ kind: 'urge' });
  expect(routeFor(rules(), { type: 'sla', colour: 'red' }, dispatcher, 'staff', false)).toEqual({ sms: 'fallback', kind: 'red', urgent: true });
});

test('nothing else goes by SMS: yellow, progress, a dispatcher told of an urge, an officer told of red', () => {
  expect(routeFor(rules(), { type: 'sla', colour: 'yellow' }, dispatcher, 'staff', false).kind).toBeNull();
  expect(routeFor(rules(), { type: 'progress' }, officer, 'assignee', false).kind).toBeNull();
  expect(routeFor(rules(), { type: 'urged' }, dispatcher, 'staff', false).kind).toBeNull();
  expect(routeFor(rules(), { type: 'sla', colour: 'red' }, officer, 'assignee', false).kind).toBeNull();
});

test('enterprises: only when opted in, only for what asks something of them or ends the request', () => {
  expect(routeFor(rules(), { type: 'resolved' }, ent(false), 'enterprise', false).kind).toBeNull();
  expect(routeFor(rules(), { type: 'resolved' }, ent(true), 'enterprise', false)).toMatchObject({ kind: 'status', sms: 'fallback' });
  expect(routeFor(rules(), { type: 'paused' }, ent(true), 'enterprise', false).kind).toBe('status');
  expect(routeFor(rules(), { type: 'progress' }, ent(true), 'enterprise', false).kind).toBeNull();
  expect(routeFor(rules({ status: 'off' }), { type: 'resolved' }, ent(true), 'enterprise', false).kind).toBeNull();
});

test('the admin turns a kind to always or off', () => {
  expect(routeFor(rules({ assignment: 'always' }), { type: 'assigned' }, officer, 'assignee', true).sms).toBe('always');
  expect(routeFor(rules({ assignment: 'off' }), { type: 'assigned' }, officer, 'assignee', true)).toEqual({ sms: 'off', kind: null, urgent: false });
});

test('robots hear of complaints, red, hand-backs, extension requests, escalations and returned cards only', () => {
  expect(robotWorthy({ channel: 'report' }, { type: 'submitted' })).toBe(true);
  expect(robotWorthy({ channel: 'self' }, { type: 'submitted' })).toBe(false);
  expect(robotWorthy({ channel: 'self' }, { type: 'sla', colour: 'red' })).toBe(true);
  expect(robotWorthy({ channel: 'self' }, { type: 'sla', colour: 'yellow' })).toBe(false);
  for (const type of ['handed_back', 'extension_requested', 'card_returned', 'escalated'] as const) expect(robotWorthy({ channel: 'self' }, { type })).toBe(true);
  expect(robotWorthy({ channel: 'self' }, { type: 'progress' })).toBe(false);
});

test('phones: mainland mobiles only, +86 and spaces tolerated', () => {
  expect(mobileOf('138 0001 0001')).toBe('13800010001');
  expect(mobileOf('+8613800010001')).toBe('13800010001');
  expect(mobileOf('0571-88888888')).toBeNull();
  expect(mobileOf('12800010001')).toBeNull();
  expect(mobileOf(undefined)).toBeNull();
});

test('the rules refuse a webhook that is not a 企业微信 robot and a cap out of range, in Chinese', () => {
  const bad = NotifyRulesInput.safeParse({ ...DEFAULT_NOTIFY_RULES, dailyCap: 500, robots: [{ orgId: 'd-yunxi', webhook: 'https://evil.example.com/hook?key=12345678' }] });
  expect(bad.success).toBe(false);
  const messages = bad.success ? [] : bad.error.issues.map((i) => i.message);
  expect(messages).toEqual(expect.arrayContaining(['每人每日短信最多200条', expect.stringContaining('企业微信群机器人')]));
  expect(NotifyRulesInput.safeParse({ ...DEFAULT_NOTIFY_RULES, robots: [{ orgId: 'd-yunxi', webhook: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7000-4bc4-97a0-0ec2abfa5aaa' }] }).success).toBe(true);
});
