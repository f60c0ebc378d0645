/**
 * The SMS templates (Tencent Cloud SMS 正文模板), declared once in config/sms-templates.json beside
 * the account's SmsSdkAppId, signature (签名) and region. The declaration is what the district applies
 * for in the SMS console and what every SMS is sent with:
 *
 *   "assignment": { "templateId": "<approved id, empty until approved>",
 *                   "text": "您有新的工作待签收：{1}，{2}。请打开诉求直通小程序处理。",
 *                   "params": ["no", "title"] }
 *
 * `text` is the wording to submit for approval ({1}, {2} … are the variables); `params` says which
 * piece of the notice fills each variable, in order. Tencent limits a variable's value (12
 * characters for accounts verified as individuals, none for organisations; links are never
 * allowed): `paramMaxLength` cuts every value to the account's limit, between whole characters.
 *
 * The secret key is never here: adapters/tencent-sms.ts reads it from the environment.
 */
import declaration from '../../config/sms-templates.json';
import { cleanText, fitText } from './fields';

/** why an SMS goes out; each kind is one template */
export const SMS_KINDS = ['assignment', 'urge', 'red', 'status'] as const;
export type SmsKind = (typeof SMS_KINDS)[number];

export const SMS_PARTS = ['no', 'title', 'status', 'enterprise'] as const;
export type SmsPart = (typeof SMS_PARTS)[number];

export type SmsTemplate = { kind: SmsKind; templateId: string; text: string; params: SmsPart[] };
export type SmsDeclaration = {
  sdkAppId: string;
  signName: string;
  region: string;
  paramMaxLength: number;
  templates: Record<SmsKind, SmsTemplate>;
  problems: string[];
};

export function parseSmsDeclaration(raw: unknown): SmsDeclaration {
  const o = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const problems: string[] = [];
  const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  const max = Number(o.paramMaxLength ?? 12);
  if (!Number.isInteger(max) || max < 1 || max > 100) problems.push('paramMaxLength must be a whole number 1–100');
  const t = (o.templates && typeof o.templates === 'object' ? o.templates : {}) as Record<string, unknown>;
  const templates = {} as Record<SmsKind, SmsTemplate>;
  for (const kind of SMS_KINDS) {
    const d = (t[kind] && typeof t[kind] === 'object' ? t[kind] : {}) as Record<string, unknown>;
    const params = Array.isArray(d.params) ? d.params : [];
    const bad = params.filter((p) => !(SMS_PARTS as readonly unknown[]).includes(p));
    if (!t[kind]) problems.push(`template ${kind} is not declared`);
    if (bad.length) problems.push(`${kind}.params: ${bad.join(', ')} not one of ${SMS_PARTS.join(', ')}`);
    const text = str(d.text);
    const vars = (text.match(/\{\d+\}/g) ?? []).length;
    if (text && vars !== params.length) problems.push(`${kind}: the text has ${vars} variables but params lists ${params.length}`);
    templates[kind] = { kind, templateId: str(d.templateId), text, params: params.filter((p) => !bad.includes(p)) as SmsPart[] };
  }
  return { sdkAppId: str(o.sdkAppId), signName: str(o.signName), region: str(o.region) || 'ap-guangzhou', paramMaxLength: Number.isInteger(max) && max > 0 ? max : 12, templates, problems };
}

/** the deployment's SMS declaration */
export const SMS: Readonly<SmsDeclaration> = parseSmsDeclaration(declaration);
if (SMS.problems.length) console.error(`[notify] config/sms-templates.json: ${SMS.problems.join('; ')}`);

/** the variables of one SMS, each one line; text cut to the account's limit (a request number never: it must identify the request) */
export function smsParams(kind: SmsKind, values: Record<SmsPart, string>, max = SMS.paramMaxLength): string[] {
  return SMS.templates[kind].params.map((p) => (p === 'no' ? cleanText(values[p]) || '无' : fitText(cleanText(values[p]) || '无', max)));
}

/** the SMS as the phone shows it (message center previews, the local stand-in's log) */
export function smsText(kind: SmsKind, params: string[]): string {
  const body = SMS.templates[kind].text.replace(/\{(\d+)\}/g, (_, n) => params[Number(n) - 1] ?? '');
  return `【${SMS.signName || '诉求直通'}】${body}`;
}
