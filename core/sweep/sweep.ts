/**
 * The SLA sweep (timer-triggered). It reads only requests whose next-check time has come, through
 * the index on nextCheckAt — never a scan of open requests — and for each:
 *  - an assignment not accepted by its response deadline moves to the next officer of the grid,
 *    or back to the tier center's queue;
 *  - a colour change (green → yellow → red) is recorded, the assignee reminded before the deadline;
 *  - an overdue request is urged (催办) every urgeEveryDays working days, and its supervisors told;
 *  - a linked request (并件) some minutes after its merge or unmerge began: the two documents are
 *    made to agree, whatever the action left half-way (core/desk/merge.ts settleLink).
 * Each change is a conditional update on the version read and moves nextCheckAt forward, so a
 * second run right after the first finds nothing to do.
 *
 * It also continues an unfinished calendar recompute (core/sla/recompute.ts: deadlines laid again
 * after the admin changed the working calendar), spending at most half of its budget on it first
 * and reporting it as `calendar`; a finished one costs a single read per run.
 *
 * A run stops starting new requests when its wall-clock budget is spent (core/budget.ts) and says
 * `more: true`; the request in hand is finished first, and the rest are still due (their
 * nextCheckAt has not moved), so the next tick takes them up, oldest first.
 */
import { assignRequest, releaseSlot } from '../assignment/assign';
import { COLOURS } from '../contract/catalog';
import { departmentHandlers, supervisorsOf } from '../desk/scope';
import type { ServiceRequest } from '../model';
import { afterChange } from '../notify/after-change';
import type { Ports } from '../ports';
import { SYSTEM, tryTransition } from '../request-record';
import { colourAt, nextCheck, settleClock } from '../sla/clock';
import { loadSla, type SlaContext } from '../sla/policy';
import { formatBeijing } from '../time';
import { NO_BUDGET, type Budget } from '../budget';
import { continueCalendarRun, type RunProgress } from '../sla/recompute';
import { requestRepo } from '../repos/requests';
import { settleLink } from '../desk/merge';
import { logAndGoOn } from '../settle';

export type SweepResult = {
  examined: number; timeouts: number; colourChanges: number; urges: number; calendar?: RunProgress;
  /** merges and unmerges an action left half-way, finished or undone (core/desk/merge.ts settleLink) */
  links?: number;
};

export type SweepLimits = {
  /** wall-clock budget: no new request is started once it is spent */
  budget?: Budget;
  /** at most this many requests per run (default 1000) */
  maxItems?: number;
};

export async function sweep(ports: Ports, now: Date, limits: SweepLimits = {}): Promise<SweepResult & { more?: true }> {
  const { budget = NO_BUDGET, maxItems = 1000 } = limits;
  const requests = requestRepo(ports.store);
  // a calendar change not yet laid on every open request: half the budget at most, the sweep's own work after it
  const half: Budget = { ms: budget.ms / 2, elapsedMs: budget.elapsedMs, spent: () => budget.elapsedMs() >= budget.ms / 2 };
  const calendar = await continueCalendarRun(ports, now, { budget: half, maxItems });
  const sla = await loadSla(ports);
  const result: SweepResult = { examined: 0, timeouts: 0, colourChanges: 0, urges: 0, ...(calendar ? { calendar } : {}) };
  const seen = new Set<string>();
  for (;;) {
    if (budget.spent() || result.examined >= maxItems) return { ...result, more: true };
    const due = await requests.dueForCheck(now.toISOString(), 100);
    const fresh = due.filter((r) => !seen.has(r._id));
    if (!fresh.length) return calendar?.more ? { ...result, more: true } : result;
    for (const req of fresh) {
      // stop between two requests, never inside one
      if (budget.spent() || result.examined >= maxItems) return { ...result, more: true };
      seen.add(req._id);
      result.examined++;
      await sweepOne(ports, req, now, sla, result);
    }
  }
}

async function sweepOne(ports: Ports, req: ServiceRequest, now: Date, sla: SlaContext, r: SweepResult) {
  const requests = requestRepo(ports.store);
  let cur: ServiceRequest | null = req;

  // a linked request: its clock is paused, the only check is that its merge is whole
  if (cur.status === 'merged') {
    const outcome = await settleLink(ports, cur, now).catch((e) => { logAndGoOn('merge')(e); return 'moved' as const; });
    if (outcome === 'finished' || outcome === 'undone' || outcome === 'unmerged') r.links = (r.links ?? 0) + 1;
    return;
  }

  if (cur.status === 'assigned' && cur.acceptDueAt && new Date(cur.acceptDueAt) <= now && cur.assigneeId) {
    const late = cur.assigneeId;
    const moved = await tryTransition(ports, cur, {
      from: ['assigned'],
      set: { ...settleClock(cur, now, sla, { status: 'queued', assigneeId: null, assigneeName: null, assigneeRole: null, acceptDueAt: null, waitingNoted: false }).set, timedOutIds: [...cur.timedOutIds, late] },
      event: { type: 'timeout', text: `${cur.assigneeName} 超过签收期限（${formatBeijing(cur.acceptDueAt)}）未签收，转派他人`, notify: [late, ...(await supervisorsOf(ports, cur))] },
      actor: SYSTEM,
      now,
    });
    if (moved) {
      r.timeouts++;
      await releaseSlot(ports, late);
      await assignRequest(ports, moved._id, now);
      await afterChange(ports, moved._id, now);
      cur = await requests.get(moved._id);
    }
    if (!cur) return;
  }

  const colour = colourAt(cur, now);
  if (colour !== cur.colour) {
    const red = colour === 'red';
    const notify = red ? [...(await supervisorsOf(ports, cur)), ...(await departmentHandlers(ports, cur.status === 'supervised' ? cur.deptIds : []))] : await departmentHandlers(ports, cur.status === 'supervised' ? cur.deptIds : []);
    const text = red
      ? `已超过办理期限（${formatBeijing(cur.dueAt!)}），转为红色`
      : colour === 'yellow'
        ? `距办理期限（${formatBeijing(cur.dueAt!)}）不足${sla.policy.yellowDays}个工作日，转为黄色，已提醒承办人`
        : `台账颜色变为${COLOURS[colour]}`;
    const moved = await tryTransition(ports, cur, { from: [cur.status], set: { colour, nextCheckAt: nextCheck({ ...cur, colour }, now, sla) }, event: { type: 'sla', text, notify, colour }, actor: SYSTEM, now });
    if (moved) { r.colourChanges++; cur = moved; await afterChange(ports, cur._id, now); }
  }

  // urged by the running clock: a reopened request whose first answer was late is red already, but
  // its rework clock (dueAt) is urged only once that has passed
  if (cur.colour === 'red' && cur.startedAt && cur.dueAt && new Date(cur.dueAt) <= now && !cur.pausedAt && ['queued', 'dispatch', 'assigned', 'accepted', 'supervised'].includes(cur.status)) {
    const dueForUrge = !cur.lastUrgedAt || sla.calendar.addWorkingDays(new Date(cur.lastUrgedAt), sla.policy.urgeEveryDays).at <= now;
    if (dueForUrge) {
      const n = cur.urgeCount + 1;
      const overdueDays = Math.floor(sla.calendar.workingMinutesBetween(new Date(cur.dueAt!), now).minutes / sla.calendar.minutesPerDay);
      const after = { ...cur, lastUrgedAt: now.toISOString(), urgeCount: n };
      const notify = [...(await supervisorsOf(ports, cur)), ...(await departmentHandlers(ports, cur.status === 'supervised' ? cur.deptIds : []))];
      const moved = await tryTransition(ports, cur, {
        from: [cur.status],
        set: { lastUrgedAt: after.lastUrgedAt, nextCheckAt: nextCheck(after, now, sla) },
        inc: { urgeCount: 1 },
        event: { type: 'urged', text: `催办（第${n}次）：已超期${overdueDays > 0 ? ` ${overdueDays} 个工作日` : ''}，请尽快办结`, notify },
        actor: SYSTEM,
        now,
      });
      if (moved) { r.urges++; cur = moved; await afterChange(ports, cur._id, now); }
    }
  }

  // nothing (else) to do: move the next check forward without an event
  const next = nextCheck(cur, now, sla);
  if (next !== cur.nextCheckAt) await requests.update(cur._id, { $set: { nextCheckAt: next } }, { seq: cur.seq });
}
