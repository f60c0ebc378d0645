/**
 * The subscribe-message templates, declared once in config/subscribe-templates.json and read from
 * there by everyone: the mini-program (config/index.ts injects the file as SUBSCRIBE_TEMPLATES, and
 * src/services/subscribe.ts asks the user to subscribe to those ids), the outbox (which stamps each
 * entry with the same id and shapes its data by the declared field types) and the CloudBase notifier
 * (which maps the same keys). There is no second source: the admin's rules cannot override an id
 * (core/admin/rules.ts shows the declared ids read-only), so what the user subscribed to is what
 * the server sends with.
 *
 * The declaration, per template:
 *
 *   "statusChanged": {
 *     "templateId": "<id from the mini-program console, empty until the deployer fills it in>",
 *     "page": "<default page, informational>",
 *     "fields": { "character_string1": "no", "phrase2": "status", "thing3": "title", ... }
 *   }
 *
 * `fields` maps each WeChat keyword key to the piece of our notice it shows. WeChat names every
 * keyword `<type><n>` (thing3, character_string1, phrase2, time4: "每个模板参数都会以类型为前缀"), so
 * the key is the field's declared type: copying the keys from the console is all a deployer does,
 * and the type can never disagree with the template. A key whose prefix is not one of FIELD_TYPES
 * is a declaration problem: the tests refuse it, and at run time every push of that template is
 * marked failed with the problem as its reason (the rest of the app keeps working).
 */
import declaration from '../../config/subscribe-templates.json';

/** the WeChat keyword types we can shape a value for (订阅消息参数值内容限制) */
export const FIELD_TYPES = [
  'thing', 'number', 'letter', 'symbol', 'character_string', 'time', 'date', 'amount',
  'phone_number', 'car_number', 'name', 'phrase',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** the templates the code sends with */
export const TEMPLATE_KEYS = ['statusChanged', 'newAssignment'] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

/** what each template is for, when the declaration does not name it */
const DEFAULT_NAMES: Record<TemplateKey, string> = { statusChanged: '办理进度提醒', newAssignment: '新工单提醒' };

/** the pieces of a notice a template field may show */
export const NOTICE_PARTS = ['no', 'status', 'title', 'time', 'remark'] as const;
export type NoticePart = (typeof NOTICE_PARTS)[number];

export type TemplateField = { key: string; type: FieldType; part: NoticePart };
/** 一次性订阅 (one message per consent) or 长期订阅 (one consent serves until withdrawn) */
export const TEMPLATE_KINDS = ['once', 'long'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

export type Template = { key: TemplateKey; templateId: string; kind: TemplateKind; name: string; page: string; fields: TemplateField[] };

// longest prefixes first, so character_string1 is not read as a "character" something
const KEY_RE = new RegExp(`^(${[...FIELD_TYPES].sort((a, b) => b.length - a.length).join('|')})(\\d+)$`);

/** `thing3` → 'thing'; null when the key does not start with a known type */
export function fieldTypeOf(key: string): FieldType | null {
  const m = KEY_RE.exec(key);
  return m ? (m[1] as FieldType) : null;
}

export type Declaration = {
  templates: Record<TemplateKey, Template>;
  /** what is wrong with each template's declaration; empty when it can be sent */
  problems: Record<TemplateKey, string[]>;
};

/** Reads and checks a declaration. Never throws: what is wrong is listed per template. */
export function parseDeclaration(raw: unknown): Declaration {
  const obj = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const templates = {} as Record<TemplateKey, Template>;
  const problems = {} as Record<TemplateKey, string[]>;
  for (const key of TEMPLATE_KEYS) {
    const bad: string[] = (problems[key] = []);
    const t = (obj[key] && typeof obj[key] === 'object' ? obj[key] : null) as { templateId?: unknown; kind?: unknown; name?: unknown; page?: unknown; fields?: unknown } | null;
    if (!t) bad.push(`template ${key} is not declared`);
    if (t && typeof t.templateId !== 'string') bad.push(`${key}.templateId must be a string ("" until configured)`);
    // an undeclared kind is one-time: the safe reading (a long-term send without a long-term template answers 43101)
    const kind = t?.kind === undefined ? 'once' : t.kind;
    if (!(TEMPLATE_KINDS as readonly unknown[]).includes(kind)) bad.push(`${key}.kind must be "once" (一次性订阅) or "long" (长期订阅)`);
    const fields: TemplateField[] = [];
    const typeOfPart = new Map<NoticePart, FieldType>();
    const entries = t?.fields && typeof t.fields === 'object' ? Object.entries(t.fields as Record<string, unknown>) : [];
    if (t && entries.length === 0) bad.push(`${key}.fields is empty`);
    for (const [fieldKey, part] of entries) {
      const type = fieldTypeOf(fieldKey);
      const known = (NOTICE_PARTS as readonly unknown[]).includes(part);
      if (!type) bad.push(`${key}.fields.${fieldKey}: the key must be a WeChat type followed by digits (${FIELD_TYPES.join(', ')})`);
      if (!known) bad.push(`${key}.fields.${fieldKey}: "${String(part)}" is not one of ${NOTICE_PARTS.join(', ')}`);
      if (!type || !known) continue;
      const p = part as NoticePart;
      // the outbox keeps one value per part, so two fields showing it must share a type
      const seen = typeOfPart.get(p);
      if (seen && seen !== type) bad.push(`${key}.fields.${fieldKey}: "${p}" is already shown as ${seen}`);
      typeOfPart.set(p, type);
      fields.push({ key: fieldKey, type, part: p });
    }
    templates[key] = {
      key,
      templateId: typeof t?.templateId === 'string' ? t.templateId.trim() : '',
      kind: kind === 'long' ? 'long' : 'once',
      name: typeof t?.name === 'string' && t.name.trim() ? t.name.trim() : DEFAULT_NAMES[key],
      page: typeof t?.page === 'string' ? t.page : '',
      fields,
    };
  }
  return { templates, problems };
}

const DECLARED = parseDeclaration(declaration);
for (const key of TEMPLATE_KEYS) {
  if (DECLARED.problems[key].length) console.error(`[notify] config/subscribe-templates.json: ${DECLARED.problems[key].join('; ')}`);
}

/** the deployment's templates */
export const TEMPLATES: Readonly<Record<TemplateKey, Template>> = DECLARED.templates;
/** what is wrong with the deployment's declaration, per template (pushes of a bad one are marked failed) */
export const DECLARATION_PROBLEMS: Readonly<Record<TemplateKey, readonly string[]>> = DECLARED.problems;

/** the placeholder id a template without one gets in the demo (adapters' stand-ins accept it; WeChat never sees it) */
export const demoTemplateId = (key: TemplateKey) => `demo-${key}`;

/**
 * The local demo simulates the WeChat channel end to end: templates the deployment has not configured
 * get placeholder ids, which the H5 build uses too (config/index.ts). Never called on CloudBase, nor
 * in a district's self-hosted deployment (no WeChat there: unconfigured templates stay skipped).
 */
export function useDemoTemplateIds() {
  for (const key of TEMPLATE_KEYS) {
    const t = TEMPLATES[key] as Template;
    if (!t.templateId) t.templateId = demoTemplateId(key);
  }
}

export function isTemplateKey(key: string): key is TemplateKey {
  return (TEMPLATE_KEYS as readonly string[]).includes(key);
}

/** the id every push of this template is sent with, and the client subscribes to ('' = not configured) */
export function templateIdOf(key: TemplateKey): string {
  return TEMPLATES[key].templateId;
}
