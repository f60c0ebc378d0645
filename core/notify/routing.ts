/**
 * Which notices leave the app by which channel, to whom and when (the admin's 提醒规则, settings
 * document `notify`, edited with the other rules in core/admin/rules.ts):
 *
 * - Every notice lands in the message center, and goes as a WeChat subscribe message where the person
 *   holds a consent (core/notify/consent.ts).
 * - SMS by kind of notice: new work (assignment) and urges (urge) to whoever handles the request, a
 *   request turning red (red) to its dispatchers, status changes (status) to an enterprise user who
 *   opted in. Each kind is 'always' (SMS besides WeChat), 'fallback' (SMS only when WeChat cannot
 *   reach: no consent, refused, failed, or not configured) or 'off'. Defaults: fallback for all.
 * - Quiet hours: outside the working hours of the SLA calendar (Beijing time, working days) a
 *   non-urgent SMS waits for the next working minute. Urgent: a request turning red (its dispatchers
 *   must act now); a routine urge of an overdue request waits for the morning like new work does.
 * - A daily cap of SMS per person (Beijing day); what is over it stays in the message center.
 * - 企业微信 group robots of desk teams (a center's webhook): new complaints, requests turning red,
 *   hand-backs, extension requests and returned supervision cards of requests in that center's charge.
 */
import { z } from 'zod';
import { C } from '../collections';
import type { Setting, ServiceRequest, TimelineEvent, User } from '../model';
import type { Ports } from '../ports';
import type { SmsKind } from './sms-templates';

export const SMS_MODES = ['always', 'fallback', 'off'] as const;
export type SmsMode = (typeof SMS_MODES)[number];

const zMode = z.enum(SMS_MODES, { errorMap: () => ({ message: '请选择短信发送方式' }) });

/** a 企业微信 group robot's webhook (群机器人 → 添加机器人 → Webhook 地址) */
export const ROBOT_WEBHOOK = /^https:\/\/qyapi\.weixin\.qq\.com\/cgi-bin\/webhook\/send\?key=[0-9a-fA-F-]{8,64}$/;

export const NotifyRulesInput = z.object({
  sms: z.object({
    assignment: zMode,
    urge: zMode,
    red: zMode,
    status: z.enum(['fallback', 'off'], { errorMap: () => ({ message: '请选择企业短信发送方式' }) }),
  }),
  quietHours: z.boolean(),
  dailyCap: z.number({ invalid_type_error: '每日短信上限应为数字' }).int('每日短信上限应为整数').min(0, '每日短信上限不能为负').max(200, '每人每日短信最多200条'),
  robots: z.array(z.object({
    orgId: z.string().trim().min(1, '请选择中心').max(64),
    webhook: z.string().trim().regex(ROBOT_WEBHOOK, '请填写企业微信群机器人的 Webhook 地址（https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…）'),
  })).max(50, '最多50个群机器人'),
});
export type NotifyRules = z.infer<typeof NotifyRulesInput>;

export const DEFAULT_NOTIFY_RULES: NotifyRules = {
  sms: { assignment: 'fallback', urge: 'fallback', red: 'fallback', status: 'fallback' },
  quietHours: true,
  dailyCap: 20,
  robots: [],
};

export const SMS_KIND_LABELS: Record<SmsKind, string> = { assignment: '新工单', urge: '催办', red: '超期转红', status: '办理进展' };

// one read per function instance and minute: every notice asks
const CACHE_MS = 60_000;
const cache = new WeakMap<object, { at: number; rules: NotifyRules }>();

export async function loadNotifyRules(ports: Ports): Promise<NotifyRules> {
  const hit = cache.get(ports.store);
  const t = ports.clock.now().getTime();
  if (hit && t - hit.at < CACHE_MS && t >= hit.at) return hit.rules;
  const doc = await ports.store.collection<Setting>(C.settings).get('notify');
  const saved = (doc?.value ?? {}) as Partial<NotifyRules>;
  const rules: NotifyRules = { ...DEFAULT_NOTIFY_RULES, ...saved, sms: { ...DEFAULT_NOTIFY_RULES.sms, ...(saved.sms ?? {}) } };
  cache.set(ports.store, { at: t, rules });
  return rules;
}

/** after a save: the next notice reads the new rules */
export function forgetNotifyRules(ports: Ports) {
  cache.delete(ports.store);
}

export type Route = { sms: SmsMode; kind: SmsKind | null; urgent: boolean };
export const NO_SMS: Route = { sms: 'off', kind: null, urgent: false };

/** events an enterprise that opted in hears by SMS: the ones that ask something of it or end its request */
const ENTERPRISE_SMS_EVENTS: ReadonlyArray<TimelineEvent['type']> = ['paused', 'resolved', 'rejected'];

/**
 * What SMS does for one notice to one person. `newWork`: a new request to sign or a new card;
 * `role`: why they hear of it (the outbox's recipient role).
 */
export function routeFor(
  rules: NotifyRules,
  ev: Pick<TimelineEvent, 'type' | 'colour'>,
  user: Pick<User, 'roles' | 'smsOptIn'>,
  role: 'enterprise' | 'assignee' | 'staff',
  newWork: boolean,
): Route {
  let kind: SmsKind | null = null;
  if (role === 'enterprise') kind = user.smsOptIn && ENTERPRISE_SMS_EVENTS.includes(ev.type) ? 'status' : null;
  else if (newWork) kind = 'assignment';
  else if (((ev.type === 'urged' || ev.type === 'enterprise_urged') && role === 'assignee') || (ev.type === 'card_urged' && user.roles.includes('department'))) kind = 'urge';
  else if (ev.type === 'sla' && ev.colour === 'red' && user.roles.includes('dispatcher')) kind = 'red';
  if (!kind) return NO_SMS;
  const sms = rules.sms[kind];
  if (sms === 'off') return NO_SMS;
  return { sms, kind, urgent: kind === 'red' };
}

/** robot posts: which events a desk team's group hears of */
export function robotWorthy(req: Pick<ServiceRequest, 'channel'>, ev: Pick<TimelineEvent, 'type' | 'colour'>): boolean {
  if (ev.type === 'submitted') return req.channel === 'report';
  if (ev.type === 'sla') return ev.colour === 'red';
  return ev.type === 'handed_back' || ev.type === 'extension_requested' || ev.type === 'card_returned' || ev.type === 'escalated';
}

/** a mainland mobile number, or null */
export function mobileOf(raw: unknown): string | null {
  const digits = typeof raw === 'string' ? raw.replace(/[\s-]/g, '').replace(/^\+?86/, '') : '';
  return /^1[3-9]\d{9}$/.test(digits) ? digits : null;
}

export const maskPhone = (p: string) => `${p.slice(0, 3)}****${p.slice(7)}`;
