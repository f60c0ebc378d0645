/**
 * Delivers pending outbox entries through the Notifier port. Each entry is claimed with a
 * conditional update (a lease) so two senders never send it twice; failures retry with
 * exponential backoff; after MAX_ATTEMPTS it is kept as 'failed' (visible, never dropped).
 * The in-app message already exists, so a refused subscription (43101: the user's choice) only
 * skips the push. Anything else WeChat will never accept (47003 bad data, 40037 bad template id,
 * 41030 bad page, …) is our mistake: 'failed' with WeChat's answer, and logged. A payload that
 * would be refused is never sent at all: 'failed' with the reason (./payload.ts).
 */
import { C } from '../collections';
import type { OutboxEntry } from '../model';
import type { Ports } from '../ports';
import { checkPayload, invalidReason } from './payload';

export const MAX_ATTEMPTS = 8;
const LEASE_MS = 60_000;
export const backoffMs = (attempts: number) => Math.min(60_000 * 2 ** (attempts - 1), 6 * 3600_000);

/** the user refused or cancelled the subscription, or the deployment has no id for the template */
function skippable(error: string): boolean {
  return /^43101\b/.test(error) || /not configured/.test(error);
}

export async function sendEntry(ports: Ports, entry: OutboxEntry, now: Date): Promise<OutboxEntry['status'] | 'busy'> {
  const outbox = ports.store.collection<OutboxEntry>(C.outbox);
  // entries written before a fix, or by hand, are checked again: WeChat would answer 47003
  const problems = checkPayload(entry.template, entry.data);
  if (problems.length) {
    const lastError = invalidReason(problems);
    const marked = await outbox.update(entry._id, { $set: { status: 'failed', lastError } }, { status: 'pending', attempts: entry.attempts });
    if (!marked) return 'busy';
    console.error(`[notify] ${entry._id} not sent: ${lastError}`);
    return 'failed';
  }
  const attempts = entry.attempts + 1;
  const claimed = await outbox.update(
    entry._id,
    { $set: { attempts, nextAttemptAt: new Date(now.getTime() + LEASE_MS).toISOString() } },
    { status: 'pending', attempts: entry.attempts },
  );
  if (!claimed) return 'busy';
  let result;
  try {
    result = await ports.notifier.send({ openid: entry.openid, template: entry.template, templateId: entry.templateId, page: entry.page, data: entry.data });
  } catch (e) {
    result = { ok: false as const, retry: true, error: String((e as Error)?.message ?? e) };
  }
  const where = { status: 'pending', attempts };
  if (result.ok) {
    await outbox.update(entry._id, { $set: { status: 'sent', sentAt: now.toISOString(), lastError: null } }, where);
    return 'sent';
  }
  if (!result.retry && skippable(result.error)) {
    await outbox.update(entry._id, { $set: { status: 'skipped', lastError: result.error } }, where);
    return 'skipped';
  }
  if (!result.retry) {
    await outbox.update(entry._id, { $set: { status: 'failed', lastError: result.error } }, where);
    console.error(`[notify] ${entry._id} refused by WeChat (${entry.template}, ${entry.templateId || 'no id'}): ${result.error}`);
    return 'failed';
  }
  if (attempts >= MAX_ATTEMPTS) {
    await outbox.update(entry._id, { $set: { status: 'failed', lastError: result.error } }, where);
    return 'failed';
  }
  await outbox.update(
    entry._id,
    { $set: { lastError: result.error, nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)).toISOString() } },
    where,
  );
  return 'pending';
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

/** Right after an action: deliver that request's fresh entries without waiting for the timer. */
export async function sendForRequest(ports: Ports, requestId: string, now: Date) {
  const outbox = ports.store.collection<OutboxEntry>(C.outbox);
  const fresh = await outbox.find({ requestId, status: 'pending', attempts: 0 }, { limit: 20 });
  for (const e of fresh) await sendEntry(ports, e, now);
}
