/**
 * Consent accounting for WeChat subscribe messages. WeChat lets a mini-program send a one-time
 * template (一次性订阅) once per consent the user gave (each "允许" in requestSubscribeMessage adds one),
 * and a long-term template (长期订阅, government and public-service accounts only) until the user
 * withdraws it. Sending without a consent is refused with 43101, so we count: the client reports
 * every answer (notify.consent), the sender holds one consent per one-time send before it goes
 * (holdConsent) and gives it back when the message never went out (releaseConsent), and a 43101
 * corrects the count (forgetConsent). Nothing is sent without a consent on record.
 *
 * One document per user and template (`${userId}:${template}`, C.subscriptions). Consents given for
 * another template id (the deployer changed config/subscribe-templates.json) count as none.
 */
import { C } from '../collections';
import { hasRole, type Ctx } from '../context';
import { AppError } from '../errors';
import type { OutboxEntry, Subscription, User } from '../model';
import { MAX_PAGE, StoreError, type Ports } from '../ports';
import { ConsentInput, SmsOptInInput } from '../contract/account';
import type { Sent } from '../contract/schema';
import { parseInput } from '../validation';
import { loadSla } from '../sla/policy';
import { loadNotifyRules, maskPhone, mobileOf, SMS_KIND_LABELS, type NotifyRules } from './routing';
import { TEMPLATE_KEYS, TEMPLATES, type TemplateKey } from './templates';
import type { NotifySettings, TemplateState } from './views';
import { userRepo } from '../repos/users';

/** below this many one-time consents a natural tap offers a top-up */
export const TOP_UP_BELOW = 3;

const subId = (userId: string, template: string) => `${userId}:${template}`;


/** which templates a user's roles get messages by */
export function relevantTemplates(user: Pick<User, 'roles'>): TemplateKey[] {
  const staffWork = hasRole(user as User, 'officer', 'liaison', 'department');
  return staffWork ? ['newAssignment', 'statusChanged'] : ['statusChanged'];
}

const fresh = (userId: string, key: TemplateKey, now: string): Subscription => ({
  _id: subId(userId, key), userId, template: key, templateId: TEMPLATES[key].templateId,
  credits: 0, longTerm: false, state: 'none', always: null, mainSwitch: true, granted: 0, spent: 0, lastSpentFor: null, updatedAt: now,
});

/** the user's document for a template, as it counts now (consents for an older id are none) */
function current(doc: Subscription | null, userId: string, key: TemplateKey, now: string): Subscription {
  if (!doc || doc.templateId !== TEMPLATES[key].templateId) return fresh(userId, key, now);
  return doc;
}

async function write(ports: Ports, doc: Subscription, before: Subscription | null, update: Partial<Subscription>, inc: Partial<Record<'credits' | 'granted', number>> = {}) {
  const subs = ports.store.collection<Subscription>(C.subscriptions);
  if (before && before.templateId === doc.templateId) {
    // concurrent answers add up: credits move by increments, not by overwriting
    const ok = await subs.update(doc._id, { $set: update, ...(Object.keys(inc).length ? { $inc: inc as Record<string, number> } : {}) }, { templateId: doc.templateId });
    if (ok) return;
  }
  const next = { ...doc, ...update, credits: doc.credits + (inc.credits ?? 0), granted: doc.granted + (inc.granted ?? 0) };
  if (before) {
    // a document for another template id: start over under the current one (every field but the _id)
    const { _id, ...fields } = next;
    await subs.update(_id, { $set: fields });
    return;
  }
  await subs.add(next).catch(async (e) => {
    if (!(e instanceof StoreError && e.code === 'DUPLICATE_ID')) throw e;
    // another answer created it meanwhile: apply ours on top
    await subs.update(doc._id, { $set: update, ...(Object.keys(inc).length ? { $inc: inc as Record<string, number> } : {}) });
  });
}

/** notify.consent: record what WeChat answered the user's choice, then answer the settings */
export async function recordConsent(ctx: Ctx, input: Sent<typeof ConsentInput>): Promise<NotifySettings> {
  const { results, source, mainSwitch } = parseInput(ConsentInput, input);
  const subs = ctx.ports.store.collection<Subscription>(C.subscriptions);
  const at = ctx.now.toISOString();
  for (const key of TEMPLATE_KEYS) {
    const t = TEMPLATES[key];
    const answer = t.templateId ? results[t.templateId] : undefined;
    if (!answer && mainSwitch === undefined) continue;
    const before = await subs.get(subId(ctx.user._id, key));
    const doc = current(before, ctx.user._id, key, at);
    const update: Partial<Subscription> = { updatedAt: at };
    const inc: Partial<Record<'credits' | 'granted', number>> = {};
    if (mainSwitch !== undefined) update.mainSwitch = mainSwitch;
    if (source === 'request' && answer) {
      update.state = answer;
      if (answer === 'accept') {
        if (t.kind === 'long') update.longTerm = true;
        else { inc.credits = 1; inc.granted = 1; }
        // an accept means the template is not refused for good (any more)
        if (doc.always === 'reject' || doc.always === 'ban') update.always = null;
      } else if (t.kind === 'long' && answer !== 'filter') {
        update.longTerm = false;
      }
    }
    if (source === 'setting') {
      // itemSettings lists only the templates the user ticked 总是保持以上选择 for; a missing one is not a change
      if (answer === 'accept' || answer === 'reject' || answer === 'ban') {
        update.always = answer;
        update.state = answer;
        if (answer === 'accept' && t.kind === 'long') update.longTerm = true;
        // switched off in 通知管理: WeChat answers 43101 whatever we counted
        if (answer !== 'accept') { update.longTerm = false; update.credits = 0; }
      } else if (doc.always) {
        update.always = null;
      }
    }
    await write(ctx.ports, doc, before, update, inc);
  }
  return notifySettings(ctx);
}

/** notify.smsOptIn: an enterprise user's choice to also get SMS about its requests */
export async function setSmsOptIn(ctx: Ctx, input: Sent<typeof SmsOptInInput>): Promise<NotifySettings> {
  const { optIn } = parseInput(SmsOptInInput, input);
  if (!hasRole(ctx.user, 'enterprise')) throw new AppError('FORBIDDEN', '工作人员的短信提醒由管理员的提醒规则决定');
  if (optIn && !mobileOf(ctx.user.phone)) throw new AppError('VALIDATION_FAILED', '账号未登记手机号，无法接收短信');
  await userRepo(ctx.ports.store).update(ctx.user._id, { $set: { smsOptIn: optIn } });
  ctx.user = { ...ctx.user, smsOptIn: optIn };
  return notifySettings(ctx);
}

function templateLabel(t: { name: string; kind: string }, s: Subscription, mainSwitch: boolean | null, configured: boolean): string {
  if (!configured) return '未开通（部署方尚未配置该模板）';
  if (mainSwitch === false) return '已关闭全部订阅消息（可在小程序设置中打开）';
  if (s.state === 'ban' || s.always === 'ban') return '该提醒已被微信限制，暂不能接收';
  if (s.always === 'reject') return `已选择不再接收${t.name}`;
  if (t.kind === 'long') return s.longTerm ? '已开启长期提醒' : s.state === 'reject' ? `已拒绝${t.name}` : `尚未开启${t.name}`;
  if (s.credits > 0) return `还可接收 ${s.credits} 条${t.name}`;
  if (s.state === 'reject') return `已拒绝，不会收到${t.name}`;
  return `没有可用的${t.name}次数`;
}

export function templateStates(user: User, docs: Array<Subscription | null>, at: string): { templates: TemplateState[]; mainSwitch: boolean | null } {
  const relevant = relevantTemplates(user);
  let mainSwitch: boolean | null = null;
  const templates = TEMPLATE_KEYS.map((key, i) => {
    const t = TEMPLATES[key];
    const raw = docs[i];
    if (raw && raw.mainSwitch === false) mainSwitch = false;
    else if (raw && mainSwitch === null) mainSwitch = true;
    const s = current(raw, user._id, key, at);
    const configured = t.templateId !== '';
    const refused = s.always === 'reject' || s.always === 'ban' || s.state === 'ban' || raw?.mainSwitch === false;
    const enough = t.kind === 'long' ? s.longTerm : s.credits >= TOP_UP_BELOW;
    return {
      key, name: t.name, templateId: t.templateId, kind: t.kind, relevant: relevant.includes(key),
      credits: t.kind === 'long' ? 0 : s.credits, longTerm: t.kind === 'long' && s.longTerm,
      state: s.state, always: s.always,
      label: templateLabel(t, s, raw?.mainSwitch === false ? false : null, configured),
      topUp: configured && relevant.includes(key) && !refused && !enough,
    };
  });
  return { templates, mainSwitch };
}

function smsRoutes(user: User, rules: NotifyRules): string[] {
  const out: string[] = [];
  const mode = (m: string) => (m === 'always' ? '' : '（微信提醒不可达时）');
  if (hasRole(user, 'officer', 'liaison', 'department')) {
    if (rules.sms.assignment !== 'off') out.push(`${SMS_KIND_LABELS.assignment}${mode(rules.sms.assignment)}`);
    if (rules.sms.urge !== 'off') out.push(`${SMS_KIND_LABELS.urge}${mode(rules.sms.urge)}`);
  }
  if (hasRole(user, 'dispatcher') && rules.sms.red !== 'off') out.push(`${SMS_KIND_LABELS.red}${mode(rules.sms.red)}`);
  return out;
}

/** notify.settings: what this user will be told, and how */
export async function notifySettings(ctx: Ctx): Promise<NotifySettings> {
  const subs = ctx.ports.store.collection<Subscription>(C.subscriptions);
  const at = ctx.now.toISOString();
  const docs = await Promise.all(TEMPLATE_KEYS.map((k) => subs.get(subId(ctx.user._id, k))));
  const rules = await loadNotifyRules(ctx.ports);
  const phone = mobileOf(ctx.user.phone);
  const enterprise = hasRole(ctx.user, 'enterprise') && !hasRole(ctx.user, 'officer', 'liaison', 'department', 'dispatcher');
  const hours = rules.quietHours ? (await loadSla(ctx.ports)).policy.workingHours.map(([a, b]) => `${a}–${b}`).join('、') : null;
  return {
    ...templateStates(ctx.user, docs, at),
    sms: {
      available: !!ctx.ports.sms?.configured,
      phone: phone ? maskPhone(phone) : null,
      optIn: enterprise ? !!ctx.user.smsOptIn : null,
      routes: enterprise ? (ctx.user.smsOptIn && rules.sms.status !== 'off' ? ['需补充材料、办结、不予受理'] : []) : smsRoutes(ctx.user, rules),
      quietHours: hours ? `工作日 ${hours} 以外，非紧急短信顺延至下一个工作时段发送` : null,
      dailyCap: rules.dailyCap,
    },
  };
}

export type Hold = { ok: true; held: boolean } | { ok: false; reason: string };

/**
 * Before a WeChat send: may it go, and on what. Long-term: the consent serves. One-time: one consent
 * is moved from the user's count to this entry (a crash after the move and before the entry is
 * marked finds `lastSpentFor` and does not spend twice).
 */
export async function holdConsent(ports: Ports, entry: OutboxEntry): Promise<Hold> {
  const key = entry.template as TemplateKey;
  const t = TEMPLATES[key];
  if (!t) return { ok: false, reason: `unknown template ${entry.template}` };
  if (entry.consent === 'held') return { ok: true, held: true };
  const subs = ports.store.collection<Subscription>(C.subscriptions);
  const id = subId(entry.userId, key);
  if (t.kind === 'once') {
    // the common case in one conditional update: a consent moves from the user's count to this entry
    const spent = await subs.update(
      id,
      { $inc: { credits: -1, spent: 1 }, $set: { lastSpentFor: entry._id } },
      { templateId: t.templateId, credits: { $gte: 1 }, mainSwitch: { $ne: false }, state: { $ne: 'ban' }, always: { $nin: ['reject', 'ban'] }, lastSpentFor: { $ne: entry._id } },
    );
    if (spent) return { ok: true, held: true };
  }
  // long-term, or no consent to spend: read why
  const s = await subs.get(id);
  const refusal = consentRefusal(s, entry);
  if (refusal) return { ok: false, reason: refusal };
  if (t.kind === 'long') return { ok: true, held: false };
  // spent for this very entry before a crash: it holds that one
  if (s!.lastSpentFor === entry._id) return { ok: true, held: true };
  // a consent came in after the update missed it: the next attempt spends it
  return { ok: false, reason: EXHAUSTED };
}

const EXHAUSTED = '用户的订阅次数已用完';

/**
 * Why `holdConsent` would refuse this entry, judged on the user's document as read, or null when
 * it may hold one. Writes nothing: the outbox closes an entry without a consent as it writes it
 * (core/notify/outbox.ts) instead of claiming it to find out.
 */
export function consentRefusal(s: Subscription | null, entry: Pick<OutboxEntry, '_id' | 'template'>): string | null {
  const t = TEMPLATES[entry.template as TemplateKey];
  if (!t) return `unknown template ${entry.template}`;
  if (!s || s.templateId !== t.templateId) return '用户未订阅该提醒';
  if (s.mainSwitch === false) return '用户关闭了订阅消息总开关';
  if (s.state === 'ban' || s.always === 'ban') return '该模板已被微信封禁';
  if (s.always === 'reject') return '用户选择不再接收该提醒';
  if (t.kind === 'long') return s.longTerm ? null : '用户未开启长期提醒';
  return s.credits >= 1 || s.lastSpentFor === entry._id ? null : EXHAUSTED;
}

/** the documents of these users' templates, by `${userId}:${template}`: one read per 50 users */
export async function subscriptionsOf(ports: Ports, userIds: string[]): Promise<Map<string, Subscription>> {
  const ids = userIds.flatMap((u) => TEMPLATE_KEYS.map((k) => subId(u, k)));
  const out = new Map<string, Subscription>();
  const subs = ports.store.collection<Subscription>(C.subscriptions);
  for (let i = 0; i < ids.length; i += MAX_PAGE) {
    const chunk = ids.slice(i, i + MAX_PAGE);
    for (const d of await subs.find({ _id: { $in: chunk } }, { limit: chunk.length })) out.set(d._id, d);
  }
  return out;
}

/** the message held a consent but never went out (our mistake, or dead-lettered): give it back */
export async function releaseConsent(ports: Ports, entry: OutboxEntry) {
  const key = entry.template as TemplateKey;
  const t = TEMPLATES[key];
  if (!t || t.kind === 'long') return;
  await ports.store.collection<Subscription>(C.subscriptions).update(subId(entry.userId, key), { $inc: { credits: 1, spent: -1 } }, { templateId: t.templateId });
}

/** WeChat answered 43101: whatever we counted, the user holds no consent for this template now */
export async function forgetConsent(ports: Ports, entry: OutboxEntry, now: Date) {
  const key = entry.template as TemplateKey;
  const t = TEMPLATES[key];
  if (!t) return;
  await ports.store.collection<Subscription>(C.subscriptions).update(
    subId(entry.userId, key),
    { $set: { credits: 0, longTerm: false, updatedAt: now.toISOString() } },
    { templateId: t.templateId },
  );
}

/** a person's consents for the new-work template, for the reach report (one read per person) */
export async function assignmentConsents(ports: Ports, userIds: string[]): Promise<Map<string, { credits: number; longTerm: boolean }>> {
  const subs = ports.store.collection<Subscription>(C.subscriptions);
  const t = TEMPLATES.newAssignment;
  const out = new Map<string, { credits: number; longTerm: boolean }>();
  for (let i = 0; i < userIds.length; i += 100) {
    const ids = userIds.slice(i, i + 100);
    const docs = await subs.find({ userId: { $in: ids }, template: 'newAssignment' }, { limit: 100 });
    for (const d of docs) {
      if (d.templateId !== t.templateId) continue;
      out.set(d.userId, { credits: t.kind === 'long' ? 0 : d.credits, longTerm: t.kind === 'long' && d.longTerm && d.always !== 'reject' && d.state !== 'ban' });
    }
  }
  return out;
}
