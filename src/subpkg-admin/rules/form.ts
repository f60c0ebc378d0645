import type { NotifyRules, SmsMode } from '../../shared/api-types';
import { SLA_LABELS, SLA_PAIRS, SlaLimitsInput } from '../../../core/contract/admin';
import { problemsOf } from '../../../core/contract/schema';
import type { CalendarOverride, Rules, RulesSent, TemplateKey, WorkingHours } from '../types';
import { DEFAULT_ITEM_ROUTING, type ItemRoutingMode } from '../../../core/contract/items';

/** The rules as edited: numbers stay text until saved, so a half-typed value is not lost. */
export type RulesForm = {
  routing: Record<string, string>;
  sla: {
    generalDays: string; complexDays: string; responseDays: string; yellowDays: string; urgeEveryDays: string;
    maxReworks: string; handBackDays: string; cardAcceptDays: string;
    workingHours: WorkingHours[];
  };
  visits: { cap: string; autoCloseHours: string };
  calendar: { overrides: CalendarOverride[]; adminYears: number[] };
  templates: Record<TemplateKey, string>;
  notify: {
    sms: NotifyRules['sms'];
    quietHours: boolean;
    dailyCap: string;
    robots: { orgId: string; webhook: string }[];
  };
  /** 按清单分派 (事项清单): whether the triage proposes a 督办卡 to an item's department */
  itemRouting: ItemRoutingMode;
};

/** the server's defaults (core/notify/routing.ts DEFAULT_NOTIFY_RULES), for a backend that sends none */
export const DEFAULT_NOTIFY: NotifyRules = {
  sms: { assignment: 'fallback', urge: 'fallback', red: 'fallback', status: 'fallback' },
  quietHours: true,
  dailyCap: 20,
  robots: [],
};

export const SMS_MODE_OPTIONS: { value: SmsMode; label: string }[] = [
  { value: 'always', label: '始终发送' },
  { value: 'fallback', label: '微信不可达时发送' },
  { value: 'off', label: '不发送' },
];
export const ENTERPRISE_SMS_OPTIONS: { value: NotifyRules['sms']['status']; label: string }[] = [
  { value: 'fallback', label: '微信不可达时发送' },
  { value: 'off', label: '不发送' },
];

/** the staff SMS routes: what, to whom */
export const SMS_KINDS: { key: 'assignment' | 'urge' | 'red'; label: string; hint: string }[] = [
  { key: 'assignment', label: '新工单', hint: '发给承办人：新分派的诉求、新督办卡' },
  { key: 'urge', label: '催办', hint: '发给承办人和督办卡的承办部门' },
  { key: 'red', label: '超期转红', hint: '发给负责的调度员（紧急，不受免打扰限制）' },
];

/** a 企业微信 group robot's webhook (the server checks the same) */
export const ROBOT_WEBHOOK = /^https:\/\/qyapi\.weixin\.qq\.com\/cgi-bin\/webhook\/send\?key=[0-9a-fA-F-]{8,64}$/;

export const SLA_FIELDS: { key: Exclude<keyof RulesForm['sla'], 'workingHours'>; label: string; unit: string; hint: string; placeholder: string }[] = [
  { key: 'generalDays', label: SLA_LABELS.generalDays, unit: '个工作日', hint: '默认 5 个工作日', placeholder: '如：5' },
  { key: 'complexDays', label: SLA_LABELS.complexDays, unit: '个工作日', hint: '默认 10 个工作日', placeholder: '如：10' },
  { key: 'responseDays', label: SLA_LABELS.responseDays, unit: '个工作日', hint: '分派后未签收即转交他人', placeholder: '如：1' },
  { key: 'yellowDays', label: SLA_LABELS.yellowDays, unit: '个工作日', hint: '到期前多少个工作日转为黄色', placeholder: '如：1' },
  { key: 'urgeEveryDays', label: SLA_LABELS.urgeEveryDays, unit: '个工作日', hint: '超期后每隔多少个工作日催办一次', placeholder: '如：1' },
  { key: 'maxReworks', label: SLA_LABELS.maxReworks, unit: '次', hint: '超过后转调度员，填 0 则一律转', placeholder: '如：2' },
  { key: 'handBackDays', label: SLA_LABELS.handBackDays, unit: '个工作日', hint: '分派后可申请退回改派的期限', placeholder: '如：1' },
  { key: 'cardAcceptDays', label: SLA_LABELS.cardAcceptDays, unit: '个工作日', hint: '下发后部门须接收的期限', placeholder: '如：1' },
];

/**
 * The SLA fields whose errors an edit of this field may settle: itself and the other field of each
 * pair it is in (the pair's error sits on one of them, core/contract/admin.ts SLA_PAIRS).
 */
export function slaRelated(key: string): string[] {
  const out = new Set([`sla.${key}`]);
  for (const p of SLA_PAIRS) if (p.field === key || p.against === key) out.add(`sla.${p.field}`).add(`sla.${p.against}`);
  return [...out];
}

export const TEMPLATE_FIELDS: { key: TemplateKey; label: string; hint: string }[] = [
  { key: 'statusChanged', label: '诉求状态变更通知', hint: '发给企业：受理、办结等进度' },
  { key: 'newAssignment', label: '新工单提醒', hint: '发给承办人：有新的诉求分派给您' },
];

export function toForm(r: Rules): RulesForm {
  const routing: Record<string, string> = {};
  for (const [k, v] of Object.entries(r.routing ?? {})) routing[k] = v ?? '';
  return {
    routing,
    sla: {
      generalDays: String(r.sla.generalDays ?? ''),
      complexDays: String(r.sla.complexDays ?? ''),
      responseDays: String(r.sla.responseDays ?? ''),
      yellowDays: String(r.sla.yellowDays ?? ''),
      urgeEveryDays: String(r.sla.urgeEveryDays ?? ''),
      maxReworks: String(r.sla.maxReworks ?? ''),
      handBackDays: String(r.sla.handBackDays ?? ''),
      cardAcceptDays: String(r.sla.cardAcceptDays ?? ''),
      workingHours: (r.sla.workingHours ?? []).map(([a, b]) => [a, b] as WorkingHours),
    },
    visits: { cap: String(r.visits?.cap ?? ''), autoCloseHours: String(r.visits?.autoCloseHours ?? '') },
    calendar: {
      overrides: (r.calendar?.overrides ?? []).map((o) => ({ ...o })),
      adminYears: [...(r.calendar?.adminYears ?? [])],
    },
    templates: {
      statusChanged: r.templates?.statusChanged?.templateId ?? '',
      newAssignment: r.templates?.newAssignment?.templateId ?? '',
    },
    notify: notifyForm(r.notify),
    itemRouting: r.itemRouting?.mode ?? DEFAULT_ITEM_ROUTING.mode,
  };
}

function notifyForm(n: NotifyRules | undefined): RulesForm['notify'] {
  const v = n ?? DEFAULT_NOTIFY;
  return {
    sms: { ...DEFAULT_NOTIFY.sms, ...(v.sms ?? {}) },
    quietHours: v.quietHours ?? DEFAULT_NOTIFY.quietHours,
    dailyCap: String(v.dailyCap ?? DEFAULT_NOTIFY.dailyCap),
    robots: (v.robots ?? []).map((r) => ({ orgId: r.orgId, webhook: r.webhook })),
  };
}

/** Blank text stays blank (NaN would hide it); the server names what is wrong. */
const num = (s: string): number => (s.trim() === '' ? Number.NaN : Number(s.trim()));

export function fromForm(f: RulesForm, categories: string[]): RulesSent {
  const routing: Record<string, string | null> = {};
  for (const c of categories) routing[c] = f.routing[c] || null;
  return {
    routing,
    sla: {
      generalDays: num(f.sla.generalDays),
      complexDays: num(f.sla.complexDays),
      responseDays: num(f.sla.responseDays),
      yellowDays: num(f.sla.yellowDays),
      urgeEveryDays: num(f.sla.urgeEveryDays),
      maxReworks: num(f.sla.maxReworks),
      handBackDays: num(f.sla.handBackDays),
      cardAcceptDays: num(f.sla.cardAcceptDays),
      workingHours: f.sla.workingHours.map(([a, b]) => [a, b] as WorkingHours),
    },
    visits: { cap: num(f.visits.cap), autoCloseHours: num(f.visits.autoCloseHours) },
    calendar: {
      overrides: f.calendar.overrides.map((o) => ({ date: o.date, kind: o.kind, name: o.name.trim() })),
      adminYears: [...f.calendar.adminYears].sort((a, b) => a - b),
    },
    templates: {
      statusChanged: { templateId: f.templates.statusChanged.trim() },
      newAssignment: { templateId: f.templates.newAssignment.trim() },
    },
    notify: {
      sms: { ...f.notify.sms },
      quietHours: f.notify.quietHours,
      dailyCap: num(f.notify.dailyCap),
      robots: f.notify.robots.map((r) => ({ orgId: r.orgId, webhook: r.webhook.trim() })),
    },
    itemRouting: { mode: f.itemRouting },
  };
}

const isInt = (s: string, min: number, max: number) => /^\d+$/.test(s.trim()) && Number(s) >= min && Number(s) <= max;
const toMinutes = (t: string) => (/^\d{2}:\d{2}$/.test(t) ? Number(t.slice(0, 2)) * 60 + Number(t.slice(3)) : Number.NaN);

/** The checks worth doing before a round trip; keys are the server's field paths. */
export function checkForm(f: RulesForm): Record<string, string> {
  const e: Record<string, string> = {};
  // the SLA limits, their ranges and the pairs between them: the server's own schema (core/contract/admin.ts)
  const sla: Record<string, number | undefined> = {};
  for (const { key } of SLA_FIELDS) sla[key] = f.sla[key].trim() === '' ? undefined : Number(f.sla[key].trim());
  for (const [k, m] of Object.entries(problemsOf(SlaLimitsInput, sla))) e[`sla.${k}`] = m;
  if (f.sla.workingHours.length > 4) e['sla.workingHours'] = '最多4个工作时段';
  if (f.sla.workingHours.length === 0) e['sla.workingHours'] = '至少需要一个工作时段';
  let last = -1;
  f.sla.workingHours.forEach(([a, b], i) => {
    const s = toMinutes(a);
    const t = toMinutes(b);
    if (Number.isNaN(s) || Number.isNaN(t)) e[`sla.workingHours.${i}`] = '请填写开始和结束时间';
    else if (s >= t) e[`sla.workingHours.${i}`] = '结束时间应晚于开始时间';
    else if (s < last) e[`sla.workingHours.${i}`] = '时段应按时间先后排列且不重叠';
    if (!Number.isNaN(t)) last = t;
  });
  if (!isInt(f.visits.cap, 0, 20)) e['visits.cap'] = '请填写 0-20 的整数';
  if (!isInt(f.visits.autoCloseHours, 1, 48)) e['visits.autoCloseHours'] = '请填写 1-48 的整数';
  const seen = new Set<string>();
  f.calendar.overrides.forEach((o, i) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(o.date)) e[`calendar.overrides.${i}.date`] = '请选择日期';
    else if (seen.has(o.date)) e[`calendar.overrides.${i}.date`] = '日期重复';
    seen.add(o.date);
    if (!o.name.trim()) e[`calendar.overrides.${i}.name`] = '请填写名称，如：国庆节';
  });
  if (!isInt(f.notify.dailyCap, 0, 200)) e['notify.dailyCap'] = '请填写 0-200 的整数';
  if (f.notify.robots.length > 50) e['notify.robots'] = '最多50个群机器人';
  f.notify.robots.forEach((r, i) => {
    if (!r.orgId) e[`notify.robots.${i}.orgId`] = '请选择中心';
    if (!ROBOT_WEBHOOK.test(r.webhook.trim())) e[`notify.robots.${i}.webhook`] = '请填写企业微信群机器人的 Webhook 地址';
  });
  return e;
}
