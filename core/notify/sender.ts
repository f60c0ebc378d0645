/**
 * Delivers pending outbox entries, one per recipient and channel (core/notify/outbox.ts writes
 * them). Each entry is claimed with a conditional update (a lease) so two senders never send it
 * twice; a failure WeChat, Tencent SMS or the robot may recover from retries with exponential
 * backoff; after MAX_ATTEMPTS it is kept as 'failed' (dead letter: visible, never dropped).
 *
 * WeChat (subscribe messages):
 * - a template the deployment has not configured is 'skipped'; a payload WeChat would refuse is
 *   'failed' with the reason (./payload.ts) and never sent;
 * - nothing is sent without a consent on record (./consent.ts): a one-time template holds one consent
 *   for the entry before the send, long-term needs the user's long-term consent; without it the entry
 *   is 'no_consent'. 43101 means our count was wrong: the count is corrected, the entry 'no_consent'.
 *   A consent held by a message that never went out is given back.
 * - when WeChat cannot reach the person and the routing says SMS 'fallback', the SMS entry is
 *   written (before the WeChat entry is closed, so a crash between the two cannot lose it).
 * SMS: no number or the day's cap reached → 'no_consent' with the reason; outside working hours a
 *   non-urgent SMS waits (nextAttemptAt moves to the next working minute, no attempt spent).
 * Robot: a post to the desk team's group.
 *
 * The in-app message records each delivery (Message.delivery), which the message center shows and
 * the reach report measures.
 */
import { C } from '../collections';
import type { Message, OutboxEntry } from '../model';
import { ignoreDuplicate, type Ports, type SendResult } from '../ports';
import { beijingDateKey } from '../time';
import { loadSla } from '../sla/policy';
import { forgetConsent, holdConsent, releaseConsent } from './consent';
import { checkPayload, invalidReason } from './payload';
import { loadNotifyRules, mobileOf } from './routing';
import { SMS, smsParams, type SmsKind, type SmsPart } from './sms-templates';
import { TEMPLATES, type TemplateKey } from './templates';

export const MAX_ATTEMPTS = 8;
const LEASE_MS = 60_000;
export const backoffMs = (attempts: number) => Math.min(60_000 * 2 ** (attempts - 1), 6 * 3600_000);

type Outcome = OutboxEntry['status'] | 'busy';


/** the message this entry delivers: which channel reached it, or that nothing more will */
export async function markMessage(ports: Ports, entry: OutboxEntry, now: Date, delivered: boolean, done: boolean) {
  if (!entry.messageId) return;
  const set: Record<string, unknown> = {};
  if (delivered) set[`delivery.${entry.channel ?? 'wechat'}`] = now.toISOString();
  if (done) set['delivery.done'] = true;
  if (Object.keys(set).length) await ports.store.collection<Message>(C.messages).update(entry.messageId, { $set: set });
}

/** until when a sender holding an entry has it to itself */
const leaseUntil = (now: Date) => new Date(now.getTime() + LEASE_MS).toISOString();

/**
 * An entry about to be written by a sender that will send it at once (core/notify/outbox.ts, right
 * after an action): written already claimed for its first attempt, so no other sender takes it and
 * no claim has to be written. Left pending for the timer when this function cannot send its channel
 * (CloudBase's service function has no SMS sender), or when an SMS must wait for working hours.
 * Returns the entry to write, and whether the writer holds it.
 */
export async function firstAttempt(ports: Ports, entry: OutboxEntry, now: Date): Promise<{ entry: OutboxEntry; held: boolean }> {
  if (entry.status !== 'pending') return { entry, held: false };
  const channel = entry.channel ?? 'wechat';
  if (channel === 'sms') {
    if (!ports.sms?.configured || !ports.sms.send || !mobileOf(entry.phone)) return { entry, held: false };
    const rules = await loadNotifyRules(ports);
    const until = rules.quietHours && !entry.route?.urgent ? await quietUntil(ports, now) : null;
    if (until) return { entry: { ...entry, nextAttemptAt: until.toISOString(), lastError: QUIET }, held: false };
  }
  if (channel === 'robot' && (!ports.robot || !entry.webhook)) return { entry, held: false };
  return { entry: { ...entry, attempts: entry.attempts + 1, nextAttemptAt: leaseUntil(now) }, held: true };
}

const QUIET = '非工作时间，顺延发送';

/**
 * WeChat could not reach the person: write the SMS entry when the routing asks for one. Returns the
 * SMS entry as written (then the message is not done yet), claimed when `inline` (the caller sends
 * it at once) and this function can.
 */
async function fallBack(ports: Ports, entry: OutboxEntry, now: Date, inline = false): Promise<{ entry: OutboxEntry; held: boolean } | null> {
  if (entry.route?.sms !== 'fallback' || !entry.route.kind || !ports.sms?.configured) return null;
  const twin = smsEntryFrom(entry, now.toISOString());
  const written = inline ? await firstAttempt(ports, twin, now) : { entry: twin, held: false };
  // already there (a crash and a re-run): whoever wrote it sends it
  const fresh = await ports.store.collection<OutboxEntry>(C.outbox).add(written.entry).then(() => true, (e) => { ignoreDuplicate(e); return false; });
  return { entry: written.entry, held: written.held && fresh };
}

/** send an SMS entry written claimed by this sender */
async function sendHeld(ports: Ports, sms: { entry: OutboxEntry; held: boolean } | null, now: Date) {
  if (sms?.held) await sendSms(ports, sms.entry, now, sms.entry.attempts);
}

/** the SMS twin of a WeChat entry (same recipient, notice and route) */
export function smsEntryFrom(entry: OutboxEntry, at: string): OutboxEntry {
  const kind = entry.route!.kind as SmsKind;
  const v = entry.route?.values ?? {};
  const values: Record<SmsPart, string> = {
    no: v.no ?? entry.data.no ?? '', title: v.title ?? entry.data.title ?? '', status: v.status ?? entry.data.status ?? '', enterprise: v.enterprise ?? '',
  };
  return {
    _id: `${entry.messageId ?? entry._id}:sms`, userId: entry.userId, openid: entry.openid, requestId: entry.requestId,
    template: kind, templateId: SMS.templates[kind].templateId, page: entry.page, data: values,
    status: 'pending', attempts: 0, nextAttemptAt: at, lastError: null, createdAt: at, sentAt: null,
    channel: 'sms', messageId: entry.messageId ?? null, consent: null, route: entry.route, phone: entry.phone ?? null,
  };
}

/** close a pending entry we hold the lease of (attempts as claimed) */
async function close(ports: Ports, entry: OutboxEntry, attempts: number, set: Partial<OutboxEntry>) {
  return ports.store.collection<OutboxEntry>(C.outbox).update(entry._id, { $set: set }, { status: 'pending', attempts });
}

/** claim the entry for one attempt: nobody else sends it for LEASE_MS */
async function claim(ports: Ports, entry: OutboxEntry, now: Date): Promise<number | null> {
  const attempts = entry.attempts + 1;
  const ok = await ports.store.collection<OutboxEntry>(C.outbox).update(
    entry._id,
    { $set: { attempts, nextAttemptAt: leaseUntil(now) } },
    { status: 'pending', attempts: entry.attempts },
  );
  return ok ? attempts : null;
}

async function call(run: () => Promise<SendResult>): Promise<SendResult> {
  try {
    return await run();
  } catch (e) {
    return { ok: false, retry: true, error: String((e as Error)?.message ?? e) };
  }
}

/** a retryable failure with attempts left: the entry waits (backoff) and stays pending */
async function backOff(ports: Ports, entry: OutboxEntry, attempts: number, error: string, now: Date, extra: Partial<OutboxEntry> = {}): Promise<'pending'> {
  await ports.store.collection<OutboxEntry>(C.outbox).update(
    entry._id,
    { $set: { lastError: error, nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)).toISOString(), ...extra } },
    { status: 'pending', attempts },
  );
  return 'pending';
}

/** a failure that ends the entry: retries spent (the dead letter), or refused for good */
function logFailure(entry: OutboxEntry, attempts: number, result: { retry: boolean; error: string }, by: string) {
  console.error(result.retry
    ? `[notify] ${entry._id} (${entry.channel ?? 'wechat'}) gave up after ${attempts} attempts: ${result.error}`
    : `[notify] ${entry._id} refused by ${by}: ${result.error}`);
}

const NOT_CONFIGURED = /not configured/;

/**
 * WeChat will not reach the person with this entry: the SMS twin is written first (so a crash cannot
 * lose it), then the entry is closed by whoever holds it (pending, `attempts`), then its message is
 * marked. False when another sender had the entry.
 */
async function closeUnreached(ports: Ports, entry: OutboxEntry, attempts: number, set: Partial<OutboxEntry>, now: Date, inline = false): Promise<boolean> {
  const sms = await fallBack(ports, entry, now, inline);
  if (!(await close(ports, entry, attempts, set))) return false;
  await markMessage(ports, entry, now, false, !sms);
  await sendHeld(ports, sms, now);
  return true;
}

/** the end of an SMS or robot attempt: sent, backed off, or closed as failed (skipped when not configured) */
async function finish(ports: Ports, entry: OutboxEntry, attempts: number, result: SendResult, now: Date, by: string): Promise<Outcome> {
  if (result.ok) {
    await close(ports, entry, attempts, { status: 'sent', sentAt: now.toISOString(), lastError: null });
    await markMessage(ports, entry, now, true, true);
    return 'sent';
  }
  if (result.retry && attempts < MAX_ATTEMPTS) return backOff(ports, entry, attempts, result.error, now);
  const status = !result.retry && NOT_CONFIGURED.test(result.error) ? 'skipped' : 'failed';
  if (!(await close(ports, entry, attempts, { status, lastError: result.error }))) return 'busy';
  await markMessage(ports, entry, now, false, true);
  if (status === 'failed') logFailure(entry, attempts, result, by);
  return status;
}

/** WeChat's answer 43101: the user holds no consent for this template (refused, used up, or withdrawn) */
const NO_CONSENT = /^43101\b/;

async function sendWechat(ports: Ports, entry: OutboxEntry, now: Date, held?: number): Promise<Outcome> {
  // written claimed by this sender (firstAttempt): an SMS it falls back to is sent at once too
  const inline = held !== undefined;
  // the reasons it cannot go at all: closed at once, and SMS steps in where the routing says so
  const cannot = async (status: 'failed' | 'skipped', lastError: string): Promise<Outcome> => {
    if (!(await closeUnreached(ports, entry, entry.attempts, { status, lastError }, now, inline))) return 'busy';
    if (entry.consent === 'held') await releaseConsent(ports, entry);
    if (status === 'failed') console.error(`[notify] ${entry._id} not sent: ${lastError}`);
    return status;
  };
  // entries written before a fix, or by hand, are checked again: WeChat would answer 47003
  const problems = checkPayload(entry.template, entry.data);
  if (problems.length) return cannot('failed', invalidReason(problems));
  const template = TEMPLATES[entry.template as TemplateKey];
  const templateId = entry.templateId || template.templateId;
  if (!templateId) return cannot('skipped', `template ${entry.template} not configured`);
  // the lease first: only the sender holding it may spend a consent for the entry
  const attempts = held ?? (await claim(ports, entry, now));
  if (attempts === null) return 'busy';
  const hold = await holdConsent(ports, entry);
  if (!hold.ok) return (await closeUnreached(ports, entry, attempts, { status: 'no_consent', lastError: hold.reason }, now, inline)) ? 'no_consent' : 'busy';
  // from here the entry holds its consent (recorded with its next state): a retry does not spend another
  if (hold.held) entry = { ...entry, consent: 'held' };
  const heldConsent = hold.held ? { consent: 'held' as const } : {};
  const result = await call(() => ports.notifier.send({ openid: entry.openid, template: entry.template, templateId, page: entry.page, data: entry.data }));
  if (result.ok) {
    await close(ports, entry, attempts, { status: 'sent', sentAt: now.toISOString(), lastError: null, ...heldConsent });
    await markMessage(ports, entry, now, true, true);
    return 'sent';
  }
  if (result.retry && attempts < MAX_ATTEMPTS) return backOff(ports, entry, attempts, result.error, now, heldConsent);
  // the end of this entry: refused (43101: no consent), not configured, our mistake, or the retries spent
  const refused = !result.retry && NO_CONSENT.test(result.error);
  const status = refused ? 'no_consent' : !result.retry && NOT_CONFIGURED.test(result.error) ? 'skipped' : 'failed';
  if (!(await closeUnreached(ports, entry, attempts, { status, lastError: result.error, ...heldConsent }, now, inline))) return 'busy';
  // 43101: WeChat did not take the consent we counted (it had none); otherwise it was never used
  if (refused) await forgetConsent(ports, entry, now);
  else if (entry.consent === 'held') await releaseConsent(ports, entry);
  if (status === 'failed') logFailure(entry, attempts, result, `WeChat (${entry.template}, ${templateId})`);
  return status;
}

/** the first working minute at or after `now`, or null when now is working time */
async function quietUntil(ports: Ports, now: Date): Promise<Date | null> {
  const { calendar } = await loadSla(ports);
  const nextMinute = new Date(now.getTime() + 60_000);
  if (calendar.workingMinutesBetween(now, nextMinute).minutes > 0) return null;
  const { at } = calendar.addWorkingMinutes(now, 1);
  return new Date(at.getTime() - 60_000);
}

async function sendSms(ports: Ports, entry: OutboxEntry, now: Date, held?: number): Promise<Outcome> {
  const outbox = ports.store.collection<OutboxEntry>(C.outbox);
  // closed without a send (by whoever holds it), the message done
  const cannot = async (status: 'skipped' | 'no_consent', lastError: string, attempts = entry.attempts): Promise<Outcome> => {
    if (!(await close(ports, entry, attempts, { status, lastError }))) return 'busy';
    await markMessage(ports, entry, now, false, true);
    return status;
  };
  if (!ports.sms?.configured) return cannot('skipped', 'sms not configured');
  // this function does not send SMS (CloudBase's service and sheets): the notify timer will, untouched
  const send = ports.sms.send?.bind(ports.sms);
  if (!send) return 'pending';
  const phone = mobileOf(entry.phone);
  if (!phone) return cannot('no_consent', '未登记手机号');
  const rules = await loadNotifyRules(ports);
  if (held === undefined && rules.quietHours && !entry.route?.urgent && entry.attempts === 0) {
    const until = await quietUntil(ports, now);
    if (until) {
      // quiet hours: wait for the next working minute without spending an attempt
      const ok = await outbox.update(entry._id, { $set: { nextAttemptAt: until.toISOString(), lastError: QUIET } }, { status: 'pending', attempts: entry.attempts, nextAttemptAt: entry.nextAttemptAt });
      return ok ? 'pending' : 'busy';
    }
  }
  const attempts = held ?? (await claim(ports, entry, now));
  if (attempts === null) return 'busy';
  if (attempts === 1) {
    // the day's cap per person: counted once per entry (its first attempt)
    const day = beijingDateKey(now);
    const n = await ports.store.collection(C.counters).increment(`sms:${entry.userId || phone}:${day}`, 'n', 1);
    if (n > rules.dailyCap) return cannot('no_consent', `已达每人每日短信上限（${rules.dailyCap} 条）`, attempts);
  }
  const kind = entry.template as SmsKind;
  const params = smsParams(kind, entry.data as Record<SmsPart, string>);
  const result = await call(() => send({ phone, template: kind, templateId: entry.templateId || SMS.templates[kind]?.templateId || '', params }));
  return finish(ports, entry, attempts, result, now, 'SMS');
}

async function sendRobot(ports: Ports, entry: OutboxEntry, now: Date, held?: number): Promise<Outcome> {
  if (!ports.robot || !entry.webhook) return (await close(ports, entry, entry.attempts, { status: 'skipped', lastError: 'robot not configured' })) ? 'skipped' : 'busy';
  const attempts = held ?? (await claim(ports, entry, now));
  if (attempts === null) return 'busy';
  const result = await call(() => ports.robot!.post({ webhook: entry.webhook!, text: entry.data.text ?? '' }));
  return finish(ports, entry, attempts, result, now, 'the robot');
}

/**
 * Sends one entry: claims it first, or `held`, the attempts it was written with by this sender
 * (firstAttempt), which holds it already.
 */
export async function sendEntry(ports: Ports, entry: OutboxEntry, now: Date, held?: number): Promise<Outcome> {
  const channel = entry.channel ?? 'wechat';
  if (channel === 'sms') return sendSms(ports, entry, now, held);
  if (channel === 'robot') return sendRobot(ports, entry, now, held);
  return sendWechat(ports, entry, now, held);
}

/**
 * Sends what is due now, oldest first, one page per call. `stop` (the notify timer's wall-clock
 * budget) is asked before each entry: an entry not started stays due for the next call.
 */
export async function sendDue(ports: Ports, now: Date, limit = 50, stop: () => boolean = () => false) {
  const outbox = ports.store.collection<OutboxEntry>(C.outbox);
  const due = await outbox.find(
    { status: 'pending', nextAttemptAt: { $lte: now.toISOString() } },
    { orderBy: [['nextAttemptAt', 'asc']], limit },
  );
  const counts: Record<string, number> = {};
  for (const e of due) {
    if (stop()) break;
    const s = await sendEntry(ports, e, now);
    counts[s] = (counts[s] ?? 0) + 1;
  }
  return counts;
}

/**
 * Right after an action: deliver that request's fresh entries without waiting for the timer,
 * including the SMS a WeChat entry falls back to (written by the first pass, sent by the second).
 */
export async function sendForRequest(ports: Ports, requestId: string, now: Date) {
  const outbox = ports.store.collection<OutboxEntry>(C.outbox);
  for (let pass = 0; pass < 2; pass++) {
    const fresh = await outbox.find({ requestId, status: 'pending', attempts: 0 }, { limit: 20 });
    const due = fresh.filter((e) => e.nextAttemptAt <= now.toISOString());
    if (!due.length) break;
    for (const e of due) await sendEntry(ports, e, now);
  }
}
