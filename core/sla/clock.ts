/**
 * The resolution clock of one request, as pure functions that return the fields to set.
 * The clock starts when the request first reaches a handler (an officer or a supervision card),
 * stops while waiting for the enterprise (需补充材料) and restarts on reopen (重办).
 * Colour: white not started · green on track · yellow ≤ yellowDays left · red overdue;
 * frozen at resolution (green if resolved on time, red if late).
 *
 * History that stays true (issue 11): the first deadline and the outcome of the first answer are
 * kept apart from the running clock. firstDueAt is set when the clock first starts and follows
 * recompute (level change, card deadline; an approved extension in core/handling/objections.ts)
 * only while the request was never answered. The first stop records firstResolvedAt and firstLate.
 * A reopen (restart: the rework clock, 重办期限) never moves them, and a request whose first
 * answer was late stays red in every status, whatever the rework does; its rework clock still
 * runs (dueAt), and the sweep urges by that clock.
 * Documents from before these fields existed: the first 'met'/'missed' SLA history entry tells
 * the first answer (firstAnswer below), and firstDueAt falls back to dueAt while never answered.
 */
import type { Colour } from '../contract/catalog';
import type { ServiceRequest, SlaHistoryEntry } from '../model';
import { beijingInstant, formatBeijing } from '../time';
import type { SlaContext } from './policy';
import { linkCheckAt } from '../desk/merge-rules';

type Patch = Partial<ServiceRequest>;
const iso = (d: Date) => d.toISOString();
const RUNNING = new Set(['queued', 'dispatch', 'assigned', 'accepted', 'supervised']);

export function budgetDays(req: Pick<ServiceRequest, 'level'>, { policy }: SlaContext): number {
  return req.level === 'complex' ? policy.complexDays : policy.generalDays;
}

/** the end of the working day of a Beijing date (or of the next working day) */
export function endOfWorkingDate(date: string, { calendar }: SlaContext): { at: Date; uncoveredYears: number[] } {
  return calendar.addWorkingMinutes(beijingInstant(date), calendar.minutesPerDay);
}

function deadlines(start: Date, req: Pick<ServiceRequest, 'level' | 'specialDueDate'>, sla: SlaContext) {
  const { calendar, policy } = sla;
  const yellowMin = policy.yellowDays * calendar.minutesPerDay;
  if (req.level === 'special' && req.specialDueDate) {
    const due = endOfWorkingDate(req.specialDueDate, sla);
    const total = calendar.workingMinutesBetween(start, due.at);
    const yellow = calendar.addWorkingMinutes(start, Math.max(0, total.minutes - yellowMin));
    return { dueAt: due.at, yellowAt: yellow.at, uncovered: [...due.uncoveredYears, ...total.uncoveredYears] };
  }
  const total = budgetDays(req, sla) * calendar.minutesPerDay;
  const due = calendar.addWorkingMinutes(start, total);
  const yellow = calendar.addWorkingMinutes(start, Math.max(0, total - yellowMin));
  return { dueAt: due.at, yellowAt: yellow.at, uncovered: due.uncoveredYears };
}

export function colourAt(req: Pick<ServiceRequest, 'status' | 'startedAt' | 'dueAt' | 'yellowAt' | 'pausedAt' | 'closedOnTime' | 'firstLate'>, now: Date): Colour {
  // the first answer was late: red for good, also after a reopen and an on-time rework answer
  if (req.firstLate === true) return 'red';
  if (req.status === 'rejected') return 'white';
  if (req.status === 'resolved' || req.status === 'closed') return req.closedOnTime === false ? 'red' : req.startedAt ? 'green' : 'white';
  if (!req.startedAt || !req.dueAt || !req.yellowAt) return 'white';
  const t = (req.pausedAt ? new Date(req.pausedAt) : now).getTime();
  if (t >= new Date(req.dueAt).getTime()) return 'red';
  if (t >= new Date(req.yellowAt).getTime()) return 'yellow';
  return 'green';
}

/** the next instant at which the sweep has something to do for this request */
export function nextCheck(req: ServiceRequest, now: Date, sla: SlaContext): string | null {
  const times: number[] = [];
  if (req.status === 'assigned' && req.acceptDueAt) times.push(new Date(req.acceptDueAt).getTime());
  // a merge not yet seen whole (core/desk/merge-rules.ts): the sweep checks the two documents agree
  const link = linkCheckAt(req);
  if (link !== null) times.push(link);
  if (req.startedAt && req.dueAt && req.yellowAt && !req.pausedAt && RUNNING.has(req.status)) {
    const yellow = new Date(req.yellowAt).getTime();
    const due = new Date(req.dueAt).getTime();
    if (now.getTime() < yellow) times.push(yellow);
    else if (now.getTime() < due) times.push(due);
    else times.push(req.lastUrgedAt ? sla.calendar.addWorkingDays(new Date(req.lastUrgedAt), sla.policy.urgeEveryDays).at.getTime() : due);
  }
  return times.length ? iso(new Date(Math.min(...times))) : null;
}

const history = (at: Date, kind: SlaHistoryEntry['kind'], text: string, dueAt: Date | string | null): SlaHistoryEntry => ({
  at: iso(at), kind, text, dueAt: dueAt ? (typeof dueAt === 'string' ? dueAt : iso(dueAt)) : null,
});

export type ClockChange = { set: Patch; history: SlaHistoryEntry[] };

/** finalises a patch: colour and next check follow from the merged state */
function finish(req: ServiceRequest, set: Patch, now: Date, sla: SlaContext, entries: SlaHistoryEntry[]): ClockChange {
  const merged = { ...req, ...set } as ServiceRequest;
  // until the first answer, the running deadline is the first deadline: a pause, an extension or a
  // re-laid calendar moves both (a reopen's rework deadline never does: the first answer exists then)
  const first = merged.dueAt && !firstAnswer(merged) && merged.firstDueAt !== merged.dueAt ? { firstDueAt: merged.dueAt } : {};
  return { set: { ...set, ...first, colour: colourAt(merged, now), nextCheckAt: nextCheck(merged, now, sla) }, history: entries };
}

type FirstAnswer = { firstDueAt: string | null; firstResolvedAt: string; firstLate: boolean | null };

/**
 * The first answer (办结 the first time), as stored or, on a document from before the fields
 * existed, as its first 'met'/'missed' SLA history entry tells it; null while never answered.
 */
export function firstAnswer(req: Pick<ServiceRequest, 'firstDueAt' | 'firstResolvedAt' | 'firstLate' | 'slaHistory'>): FirstAnswer | null {
  if (req.firstResolvedAt) return { firstDueAt: req.firstDueAt ?? null, firstResolvedAt: req.firstResolvedAt, firstLate: req.firstLate ?? null };
  const e = (req.slaHistory ?? []).find((h) => h.kind === 'met' || h.kind === 'missed');
  return e ? { firstDueAt: req.firstDueAt ?? e.dueAt, firstResolvedAt: e.at, firstLate: e.kind === 'missed' } : null;
}

/**
 * Working days late, rounded up (a deadline missed by an hour is one day late); 0 when not late.
 * first: by how much the first answer missed firstDueAt (or, never answered yet, how far the
 * running first clock is past it); current: how far the running clock (or the last answer) is
 * past dueAt. For the ledger, its export and the briefing.
 */
export function daysOverdue(req: ServiceRequest, now: Date, { calendar }: SlaContext): { first: number; current: number } {
  const late = (due: string | null | undefined, at: Date) => {
    if (!due) return 0;
    const m = calendar.workingMinutesBetween(new Date(due), at).minutes;
    return m > 0 ? Math.ceil(m / calendar.minutesPerDay) : 0;
  };
  const clockEnd = req.pausedAt ? new Date(req.pausedAt) : req.resolvedAt && (req.status === 'resolved' || req.status === 'closed') ? new Date(req.resolvedAt) : now;
  const current = req.status === 'rejected' || !req.startedAt ? 0 : late(req.dueAt, clockEnd);
  const first = firstAnswer(req);
  if (first) return { first: first.firstLate ? late(first.firstDueAt, new Date(first.firstResolvedAt)) : 0, current };
  return { first: current, current };
}

export const provisionalNote = (years: number[]) =>
  years.length ? `（${[...new Set(years)].join('、')}年无官方节假日数据，暂按周一至周五计算）` : '';

/** first assignment or first card: start the clock if it is not running */
export function startIfNeeded(req: ServiceRequest, now: Date, sla: SlaContext, extra: Patch = {}): ClockChange {
  const next = { ...req, ...extra } as ServiceRequest;
  if (next.startedAt) return finish(req, extra, now, sla, []);
  const d = deadlines(now, next, sla);
  const set: Patch = { ...extra, startedAt: iso(now), dueAt: iso(d.dueAt), yellowAt: iso(d.yellowAt), slaProvisional: d.uncovered.length > 0 };
  if (!firstAnswer(next)) set.firstDueAt = set.dueAt;
  return finish(req, set, now, sla, [history(now, 'started', `开始计时，办理期限 ${formatBeijing(d.dueAt)}${provisionalNote(d.uncovered)}`, d.dueAt)]);
}

/** an officer takes it on: the response deadline runs from now */
export function responseDeadline(now: Date, sla: SlaContext): string {
  return iso(sla.calendar.addWorkingDays(now, sla.policy.responseDays).at);
}

/**
 * An approved extension (延期申请) of the running clock outlives a level change: the deadline is the
 * later of the level's and the extension's. A special deadline the dispatcher sets is explicit and wins.
 */
function extended(req: ServiceRequest, d: ReturnType<typeof deadlines>, sla: SlaContext): ReturnType<typeof deadlines> {
  if (req.level === 'special' && req.specialDueDate) return d;
  const started = req.startedAt ?? '';
  const approved = (req.extensions ?? []).filter((e) => e.status === 'approved' && (e.decidedAt ?? '') >= started);
  if (!approved.length) return d;
  const latest = approved.map((e) => endOfWorkingDate(e.requestedDate, sla)).sort((a, b) => b.at.getTime() - a.at.getTime())[0];
  if (latest.at.getTime() <= d.dueAt.getTime()) return d;
  const { calendar, policy } = sla;
  const total = calendar.workingMinutesBetween(new Date(started), latest.at).minutes;
  const yellow = calendar.addWorkingMinutes(new Date(started), Math.max(0, total - policy.yellowDays * calendar.minutesPerDay));
  return { dueAt: latest.at, yellowAt: yellow.at, uncovered: [...d.uncovered, ...latest.uncoveredYears] };
}

/** the dispatcher changed level or the special deadline: recompute from the clock's start */
export function recompute(req: ServiceRequest, now: Date, sla: SlaContext, extra: Patch): ClockChange {
  const next = { ...req, ...extra } as ServiceRequest;
  if (!next.startedAt) return finish(req, extra, now, sla, []);
  const d = extended(next, deadlines(new Date(next.startedAt), next, sla), sla);
  const set: Patch = { ...extra, dueAt: iso(d.dueAt), yellowAt: iso(d.yellowAt), slaProvisional: d.uncovered.length > 0 };
  if (next.pausedAt) set.remainingAtPause = sla.calendar.workingMinutesBetween(new Date(next.pausedAt), d.dueAt).minutes;
  // before the first answer the first deadline is the running one; a rework deadline never moves it
  if (!firstAnswer(next)) set.firstDueAt = set.dueAt;
  return finish(req, set, now, sla, [history(now, 'changed', `期限调整为 ${formatBeijing(d.dueAt)}${provisionalNote(d.uncovered)}`, d.dueAt)]);
}

export function pause(req: ServiceRequest, now: Date, sla: SlaContext, extra: Patch = {}): ClockChange {
  if (!req.startedAt || !req.dueAt || req.pausedAt) return finish(req, extra, now, sla, []);
  const left = sla.calendar.workingMinutesBetween(now, new Date(req.dueAt)).minutes;
  return finish(req, { ...extra, pausedAt: iso(now), remainingAtPause: left }, now, sla, [history(now, 'paused', '等待企业补充材料，暂停计时', req.dueAt)]);
}

export function resume(req: ServiceRequest, now: Date, sla: SlaContext, extra: Patch = {}): ClockChange {
  if (!req.pausedAt || req.remainingAtPause === null) return finish(req, { ...extra, pausedAt: null }, now, sla, []);
  const left = req.remainingAtPause;
  const yellowMin = sla.policy.yellowDays * sla.calendar.minutesPerDay;
  // an overdue request stays overdue: the pause does not forgive time already lost
  const due = left > 0 ? sla.calendar.addWorkingMinutes(now, left) : { at: new Date(req.dueAt!), uncoveredYears: [] };
  const yellow = left - yellowMin > 0 ? sla.calendar.addWorkingMinutes(now, left - yellowMin).at : now;
  const set: Patch = {
    ...extra, pausedAt: null, remainingAtPause: null, dueAt: iso(due.at), yellowAt: iso(left > 0 ? yellow : new Date(req.yellowAt!)),
    slaProvisional: req.slaProvisional || due.uncoveredYears.length > 0,
  };
  return finish(req, set, now, sla, [history(now, 'resumed', `恢复计时，办理期限顺延至 ${formatBeijing(due.at)}`, due.at)]);
}

/**
 * resolved: freeze the colour; on time if answered by the deadline. The first answer is recorded
 * (firstResolvedAt, firstLate) unless this is a rejection (不予受理 is no answer).
 */
export function stop(req: ServiceRequest, now: Date, sla: SlaContext, extra: Patch = {}): ClockChange {
  const onTime = !req.dueAt || now.getTime() <= new Date(req.dueAt).getTime();
  const set: Patch = { ...extra, closedOnTime: req.startedAt ? onTime : null, pausedAt: null, remainingAtPause: null };
  if (extra.status !== 'rejected' && !firstAnswer(req)) {
    set.firstDueAt = req.dueAt ?? req.firstDueAt ?? null;
    set.firstResolvedAt = iso(now);
    set.firstLate = req.startedAt ? !onTime : null;
  }
  // a rejection (不予受理) is not an SLA outcome: no met/missed entry, no first answer
  if (extra.status === 'rejected') return finish(req, set, now, sla, []);
  return finish(req, set, now, sla, req.startedAt ? [history(now, onTime ? 'met' : 'missed', onTime ? '按期办结' : '超期办结', req.dueAt)] : []);
}

/**
 * reopened (重办): a rework clock from now (dueAt is the 重办期限). The first deadline and the
 * outcome of the first answer stay as they were (filled in from the history on older documents).
 */
export function restart(req: ServiceRequest, now: Date, sla: SlaContext, extra: Patch = {}): ClockChange {
  const next = { ...req, ...extra } as ServiceRequest;
  const d = deadlines(now, { level: next.level === 'special' ? 'general' : next.level, specialDueDate: null }, sla);
  const set: Patch = {
    ...extra, startedAt: iso(now), dueAt: iso(d.dueAt), yellowAt: iso(d.yellowAt), closedOnTime: null, clockNo: req.clockNo + 1,
    lastUrgedAt: null, pausedAt: null, remainingAtPause: null, slaProvisional: d.uncovered.length > 0,
  };
  const first = firstAnswer(req);
  if (first && !req.firstResolvedAt) Object.assign(set, first);
  const n = (req.reopenCount ?? 0) + 1;
  const firstNote = first?.firstDueAt ? `；首次办理期限 ${formatBeijing(first.firstDueAt)}${first.firstLate ? '，首次答复已超期，仍计为超期' : ''}` : '';
  return finish(req, set, now, sla, [history(now, 'restarted', `退回重办（第${n}次），重新计时，重办期限 ${formatBeijing(d.dueAt)}${provisionalNote(d.uncovered)}${firstNote}`, d.dueAt)]);
}

/**
 * the deadlines were laid again on a corrected working calendar (core/sla/recompute.ts): `set`
 * holds the new instants; colour and next check follow, and the SLA history says why
 */
export function relaid(req: ServiceRequest, now: Date, sla: SlaContext, set: Patch, text: string): ClockChange {
  return finish(req, set, now, sla, [history(now, 'changed', text, set.dueAt ?? req.dueAt)]);
}

/** for any other transition: keep colour and next check consistent with the new status */
export function settleClock(req: ServiceRequest, now: Date, sla: SlaContext, extra: Patch): ClockChange {
  return finish(req, extra, now, sla, []);
}
