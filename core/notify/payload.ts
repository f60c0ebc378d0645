/**
 * Subscribe-message payloads, shaped and checked by the declared field types. Every place that
 * pushes a notice (request events in ./outbox.ts, visits and plans in core/visits/notify.ts) says
 * what it has, as NoticeFields, and gets its outbox entry from outboxEntry(): the template's id
 * from the declaration, each part formatted by the type of the field that shows it, and every
 * value checked. An entry that would still be refused is written as 'failed' with the reason
 * (and logged), never sent and never silently skipped; the sender checks again before sending.
 */
import type { OutboxEntry } from '../model';
import { checkField, formatField, type RawValue } from './fields';
import { DECLARATION_PROBLEMS, isTemplateKey, TEMPLATES, type NoticePart, type Template, type TemplateKey } from './templates';

/** what a notice has to show; each template picks the parts its fields show */
export type NoticeFields = {
  /** the ticket number (SQ…, GW…) or another ASCII id */
  no: string;
  /** a short status word (a phrase field shows ≤ 5 Chinese characters) */
  status: string;
  title: string;
  /** an instant (ISO string or Date); shown in Beijing time */
  time: string | Date;
  remark: string;
};

/** lastError of an entry whose payload WeChat would refuse */
export const INVALID_PAYLOAD = 'invalid payload';

export type Shaped = { data: Record<string, string>; problems: string[] };

/** the data of one push: key = notice part (what the notifier maps to the WeChat keys) */
export function shapePayload(template: Template, notice: Partial<Record<NoticePart, RawValue>>): Shaped {
  const data: Record<string, string> = {};
  const problems: string[] = [...DECLARATION_PROBLEMS[template.key]];
  for (const f of template.fields) {
    const value = formatField(f.type, notice[f.part]);
    data[f.part] = value;
    const why = checkField(f.type, value);
    if (why) problems.push(`${f.key} (${f.part}): ${why}`);
  }
  return { data, problems };
}

/** why this stored payload would be refused, checked against the declaration; empty when sendable */
export function checkPayload(template: string, data: Record<string, unknown>): string[] {
  if (!isTemplateKey(template)) return [`unknown template "${template}"`];
  const problems: string[] = [...DECLARATION_PROBLEMS[template]];
  for (const f of TEMPLATES[template].fields) {
    const why = checkField(f.type, data?.[f.part]);
    if (why) problems.push(`${f.key} (${f.part}): ${why}`);
  }
  return problems;
}

export const invalidReason = (problems: string[]) => `${INVALID_PAYLOAD}: ${problems.join('; ')}`;

export type EntryInput = {
  _id: string;
  userId: string;
  openid: string;
  /** the request id, or the group a visit notice is picked up by */
  requestId: string;
  template: TemplateKey;
  page: string;
  notice: NoticeFields;
  /** ISO instant the entry is written */
  at: string;
  /** the in-app message it delivers (default: the entry's own id, which is the message's) */
  messageId?: string | null;
  /** SMS routing for this notice (core/notify/routing.ts); none: WeChat only */
  route?: OutboxEntry['route'];
  /** where an SMS would go */
  phone?: string | null;
};

/** a new outbox entry: pending when its payload passes, else failed with the reason */
export function outboxEntry(input: EntryInput): OutboxEntry {
  const template = TEMPLATES[input.template];
  const { data, problems } = shapePayload(template, input.notice);
  const base = {
    _id: input._id, userId: input.userId, openid: input.openid, requestId: input.requestId,
    template: input.template, templateId: template.templateId, page: input.page, data,
    attempts: 0, nextAttemptAt: input.at, createdAt: input.at, sentAt: null,
    channel: 'wechat' as const, messageId: input.messageId === undefined ? input._id : input.messageId, consent: null,
    route: input.route ?? null, phone: input.phone ?? null,
  };
  if (problems.length === 0) return { ...base, status: 'pending', lastError: null };
  const lastError = invalidReason(problems);
  console.error(`[notify] ${input._id} not sent: ${lastError}`);
  return { ...base, status: 'failed', lastError };
}
