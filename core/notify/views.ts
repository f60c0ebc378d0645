/**
 * What the notification actions answer (the client's src/shared/api-types.ts restates these):
 *
 *   notify.settings                                 → NotifySettings   (anyone signed in: their own)
 *   notify.consent {results, source, mainSwitch?}   → NotifySettings   (record a requestSubscribeMessage or getSetting answer)
 *   notify.smsOptIn {optIn}                         → NotifySettings   (enterprise users: SMS for their requests)
 *   desk.reach {days?}                              → ReachReport      (dispatchers: officers in their charge; leaders: all)
 *   stats.notify {period, key?, from?, to?}         → NotifyStats      (leaders and dispatchers)
 */
import type { NotifyChannel, Subscription } from '../model';
import type { TemplateKey, TemplateKind } from './templates';

export type ConsentAnswer = 'accept' | 'reject' | 'ban' | 'filter';

export type TemplateState = {
  key: TemplateKey;
  /** 办理进度提醒 / 新工单提醒 */
  name: string;
  /** what the client passes to requestSubscribeMessage ('' = the deployment has not configured it) */
  templateId: string;
  kind: TemplateKind;
  /** this user's role gets messages by this template (the others are listed, greyed) */
  relevant: boolean;
  /** one-time consents left */
  credits: number;
  longTerm: boolean;
  state: Subscription['state'];
  always: Subscription['always'];
  /** the one line the user reads: 还可接收 3 条办理进度提醒 / 已开启长期提醒 / 已拒绝 … */
  label: string;
  /** should a natural tap offer a top-up now (low on consents, not refused for good, not banned) */
  topUp: boolean;
};

export type NotifySettings = {
  templates: TemplateState[];
  /** getSetting's mainSwitch as last reported; null = never reported */
  mainSwitch: boolean | null;
  sms: {
    /** the deployment can send SMS at all */
    available: boolean;
    /** 138****0001; null = no number on record */
    phone: string | null;
    /** enterprise users: their choice; staff: null (the routing rules decide) */
    optIn: boolean | null;
    /** staff: what comes by SMS for them, in words (新工单（微信提醒不可达时）, 催办, 超期转红 …) */
    routes: string[];
    /** 工作时间外，非紧急短信顺延至下一个工作时段 */
    quietHours: string | null;
    dailyCap: number;
  };
};

export type ReachRow = {
  id: string;
  name: string;
  roles: string[];
  /** new work (assignments, cards) in the window */
  assignments: number;
  /** of those, delivered outside the app within 5 minutes */
  reached: number;
  /** reached / assignments, null with no assignments */
  rate: number | null;
  byChannel: { wechat: number; sms: number; inapp: number; pending: number };
  /** WeChat consents this person holds for new-work messages */
  credits: number;
  longTerm: boolean;
  hasPhone: boolean;
};

export type ReachReport = {
  from: string;
  to: string;
  days: number;
  /** minutes within which a notice counts as reaching */
  withinMinutes: number;
  rows: ReachRow[];
  total: { assignments: number; reached: number; rate: number | null };
};

export type ChannelCounts = {
  channel: NotifyChannel;
  /** 微信提醒 / 短信 / 企业微信群 */
  label: string;
  sent: number;
  /** WeChat: sends with no consent held; SMS: no phone, not opted in, or over the day's cap */
  noConsent: number;
  failed: number;
  /** not configured for the deployment */
  skipped: number;
  pending: number;
};

export type NotifyStats = {
  period: { label: string; from: string; to: string };
  channels: ChannelCounts[];
  /** one-time WeChat consents spent on messages that went out */
  consentsSpent: number;
};

export const CHANNEL_LABELS: Record<NotifyChannel, string> = { wechat: '微信提醒', sms: '短信', robot: '企业微信群' };
