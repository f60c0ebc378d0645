/**
 * The timer functions (assign, notify, sweep) as plain handlers over the ports: what the CloudBase
 * triggers run every minute (sweep every five) and the local server's croner runs. They have no
 * actions: an event naming one is refused. A person may call them by hand only as active desk staff.
 */
import { assignRequest } from './assignment/assign';
import { startBudget, timerBudgetMs, type TimerName } from './budget';
import { C } from './collections';
import { afterChange } from './notify/after-change';
import { materializeNotifications } from './notify/outbox';
import { sendDue } from './notify/sender';
import { MAX_PAGE, type Ports } from './ports';
import { z } from 'zod';
import { parseInput, zId } from './validation';
import { assignWaitingAndNotify, logAndGoOn } from './settle';
import { sweep } from './sweep/sweep';
import { warnIfProvisional } from './sla/calendar-warnings';
import { closeStaleVisits } from './visits/actions';
import { countPending } from './stats/counters';
import { refreshRankings } from './rankings/rankings';
import { backfillNameGrams } from './admin/name-grams';
import { envelope, eventOf, forbiddenOf, hasOwn, leftOver, refuseActions, requireSystemOrDesk, withoutBootstrapCode, type FunctionOptions, type Handler } from './function-shell';
import { requestRepo } from './repos/requests';

/** outbox entries per sendDue call of the notify timer */
const SEND_PAGE = 50;
/**
 * what must be left of the sweep's budget to start computing a 红黄榜: a quarter's cards and their
 * requests in a large district are some 30 reads (under a second at 20 ms a call), with room to spare
 */
const RANKING_ROOM_MS = 5000;

export function createTimers(hostPorts: Ports, options: FunctionOptions = {}): Record<TimerName, Handler> {
  const ports = withoutBootstrapCode(hostPorts);
  const budgets: Record<TimerName, number> = {
    assign: options.budgetMs?.assign ?? timerBudgetMs('assign'),
    notify: options.budgetMs?.notify ?? timerBudgetMs('notify'),
    sweep: options.budgetMs?.sweep ?? timerBudgetMs('sweep'),
  };
  const requests = () => requestRepo(ports.store);
  const forbidden = () => forbiddenOf(hostPorts, ports);
  /** every timer: an event naming an action is refused, and only the system or active desk staff may run it */
  const timer = (run: (event: Record<string, unknown>, now: Date) => Promise<unknown>): Handler => (raw, caller) =>
    envelope(async () => {
      const event = eventOf(raw);
      refuseActions(event);
      const now = ports.clock.now();
      await requireSystemOrDesk(ports, caller, now);
      return run(event, now);
    }, forbidden);

  return {
    /** event: { requestId } to assign one, or a timer tick to retry every waiting request */
    assign: timer(async (event, now) => {
      if (hasOwn(event, 'requestId')) {
        const { requestId } = parseInput(z.object({ requestId: zId }), { requestId: event.requestId });
        const outcome = await assignRequest(ports, requestId, now);
        await afterChange(ports, requestId, now);
        return { outcome };
      }
      const budget = startBudget(ports.clock, budgets.assign);
      const { more, ...done } = await assignWaitingAndNotify(ports, now, undefined, budget);
      // `waiting` requests stay queued for capacity; `left` counts every queued request
      return { ...done, ...(more ? await leftOver({ queued: () => requests().countQueued() }) : {}) };
    }),

    /**
     * timer: deadlines — response timeouts, colour changes, reminders and urges (indexed on nextCheckAt);
     * then stale visits; then the current 红黄榜, computed when missing or an hour old (refreshRankings)
     */
    sweep: timer(async (_event, now) => {
      const budget = startBudget(ports.clock, budgets.sweep);
      const { more, ...deadlines } = await sweep(ports, now, { budget });
      // visits nobody checked out of are closed by the same timer, within what is left of the budget
      const visitsClosed = budget.spent() ? 0 : await closeStaleVisits(ports, now, budget.spent);
      const done = { ...deadlines, visitsClosed };
      if (!more && !budget.spent()) {
        // the deadlines are done: the current 红黄榜 (month, quarter) when missing or an hour old, with what is left;
        // it never makes the run say `more`: the next tick computes what this one had no room for
        await refreshRankings(ports, now, () => budget.ms - budget.elapsedMs() >= RANKING_ROOM_MS).catch(logAndGoOn('rankings'));
        // enterprises registered before their names' pairs were kept: a slice of the one-time pass, with what is left
        const grams = budget.spent() ? null : await backfillNameGrams(ports, budget).catch((e) => { logAndGoOn('nameGrams')(e); return null; });
        return { ...done, ...(grams?.written ? { nameGramsWritten: grams.written } : {}) };
      }
      const left = await leftOver({ due: () => requests().countDueForCheck(now.toISOString()) });
      // a spent budget may also have cut the stale visits short, which are not counted: say more anyway
      return { ...done, ...left, ...(budget.spent() ? { more: true as const } : {}) };
    }),

    /**
     * timer: write outbox entries for any request still marked, then send what is due, then finish
     * dashboard counting; page after page while the budget lasts, in that order of urgency
     */
    notify: timer(async (_event, now) => {
      const budget = startBudget(ports.clock, budgets.notify);
      let materialized = 0;
      // a request still marked after its turn (changed again meanwhile) waits for the next tick
      const seen = new Set<string>();
      while (!budget.spent()) {
        const marked = (await requests().markedForNotify(MAX_PAGE)).filter((r) => !seen.has(r._id));
        if (!marked.length) break;
        for (const r of marked) {
          if (budget.spent()) break;
          seen.add(r._id);
          await materializeNotifications(ports, r._id, now, r);
          // a deadline laid on a year without holiday data warns the admins (once a year; a follow-up may have done it)
          await warnIfProvisional(ports, r, now).catch(logAndGoOn('calendar'));
          materialized++;
        }
      }
      const sent: Record<string, number> = {};
      while (!budget.spent()) {
        const page = await sendDue(ports, now, SEND_PAGE, budget.spent);
        for (const [k, n] of Object.entries(page)) sent[k] = (sent[k] ?? 0) + n;
        if (Object.values(page).reduce((a, b) => a + b, 0) < SEND_PAGE) break;
      }
      // dashboard counters: finish any counting a crash interrupted (and count data that predates them)
      const stats = budget.spent() ? null : await countPending(ports, 500, budget.spent).catch((e) => { logAndGoOn('stats')(e); return null; });
      const done = { materialized, sent, ...(stats?.counted ? { statsCounted: stats.counted } : {}) };
      if (!budget.spent()) return done;
      const outbox = ports.store.collection(C.outbox);
      return {
        ...done,
        ...(await leftOver({
          marked: () => requests().countMarkedForNotify(),
          due: () => outbox.count({ status: 'pending', nextAttemptAt: { $lte: now.toISOString() } }),
          statsPending: () => requests().countMarkedForStats(),
        })),
      };
    }),
  };
}
