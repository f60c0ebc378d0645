/**
 * The resolution clock of one request, as pure functions that return the fields to set.
 * The clock starts when the request first reaches a handler (an officer or a supervision card),
 * stops while waiting for the enterprise (需补充材料) and restarts on reopen (重办).
 * Colour: white not started · green on track · yellow ≤ yellowDays left · red overdue;
 * frozen at resolution (green if resolved on time, red if late).
 */
import type { Colour } from '../catalog';
import type { ServiceRequest, SlaHistoryEntry } from '../model';
import { formatBeijing } from '../time';
import type { SlaContext } from './policy';

type Patch = Partial<ServiceRequest>;
const iso = (d: Date) => d.toISOString();
const RUNNING = new Set(['queued', 'dispatch', 'assigned', 'accepted', 'supervised']);

export function budgetDays(req: Pick<ServiceRequest, 'level'>, { policy }: SlaContext): number {
  return req.level === 'complex' ? policy.complexDays : policy.generalDays;
}

/** the end of the working day of a Beijing date (or of the next working day) */
export function endOfWorkingDate(date: string, { calendar }: SlaContext): { at: Date; uncoveredYears: number[] } {
  return calendar.addWorkingMinutes(new Date(`${date}T00:00:00+08:00`), calendar.minutesPerDay);
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

export function colourAt(req: Pick<ServiceRequest, 'status' | 'startedAt' | 'dueAt' | 'yellowAt' | 'pausedAt' | 'closedOnTime'>, now: Date): Colour {
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
  return { set: { ...set, colour: colourAt(merged, now), nextCheckAt: nextCheck(merged, now, sla) }, history: entries };
}

const provisionalNote = (years: number[]) =>
  years.length ? `（${[...new Set(years)].join('、')}年无官方节假日数据，暂按周一至周五计算）` : '';

/** first assignment or first card: start the clock if it is not running */
export function startIfNeeded(req: ServiceRequest, now: Date, sla: SlaContext, extra: Patch = {}): ClockChange {
  const next = { ...req, ...extra } as ServiceRequest;
  if (next.startedAt) return finish(req, extra, now, sla, []);
  const d = deadlines(now, next, sla);
  const set: Patch = { ...extra, startedAt: iso(now), dueAt: iso(d.dueAt), yellowAt: iso(d.yellowAt), slaProvisional: d.uncovered.length > 0 };
  return finish(req, set, now, sla, [history(now, 'started', `开始计时，办理期限 ${formatBeijing(d.dueAt)}${provisionalNote(d.uncovered)}`, d.dueAt)]);
}

/** an officer takes it on: the response deadline runs from now */
export function responseDeadline(now: Date, sla: SlaContext): string {
  return iso(sla.calendar.addWorkingDays(now, sla.policy.responseDays).at);
}

/** the dispatcher changed level or the special deadline: recompute from the clock's start */
export function recompute(req: ServiceRequest, now: Date, sla: SlaContext, extra: Patch): ClockChange {
  const next = { ...req, ...extra } as ServiceRequest;
  if (!next.startedAt) return finish(req, extra, now, sla, []);
  const d = deadlines(new Date(next.startedAt), next, sla);
  const set: Patch = { ...extra, dueAt: iso(d.dueAt), yellowAt: iso(d.yellowAt), slaProvisional: d.uncovered.length > 0 };
  if (next.pausedAt) set.remainingAtPause = sla.calendar.workingMinutesBetween(new Date(next.pausedAt), d.dueAt).minutes;
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

/** resolved: freeze the colour; on time if answered by the deadline */
export function stop(req: ServiceRequest, now: Date, sla: SlaContext, extra: Patch = {}): ClockChange {
  const onTime = !req.dueAt || now.getTime() <= new Date(req.dueAt).getTime();
  const set: Patch = { ...extra, closedOnTime: req.startedAt ? onTime : null, pausedAt: null, remainingAtPause: null };
  return finish(req, set, now, sla, req.startedAt ? [history(now, onTime ? 'met' : 'missed', onTime ? '按期办结' : '超期办结', req.dueAt)] : []);
}

/** reopened (重办): a new resolution clock from now */
export function restart(req: ServiceRequest, now: Date, sla: SlaContext, extra: Patch = {}): ClockChange {
  const next = { ...req, ...extra } as ServiceRequest;
  const d = deadlines(now, { level: next.level === 'special' ? 'general' : next.level, specialDueDate: null }, sla);
  const set: Patch = {
    ...extra, startedAt: iso(now), dueAt: iso(d.dueAt), yellowAt: iso(d.yellowAt), closedOnTime: null, clockNo: req.clockNo + 1,
    lastUrgedAt: null, pausedAt: null, remainingAtPause: null, slaProvisional: d.uncovered.length > 0,
  };
  return finish(req, set, now, sla, [history(now, 'restarted', `退回重办，重新计时，办理期限 ${formatBeijing(d.dueAt)}`, d.dueAt)]);
}

/** for any other transition: keep colour and next check consistent with the new status */
export function settleClock(req: ServiceRequest, now: Date, sla: SlaContext, extra: Patch): ClockChange {
  return finish(req, extra, now, sla, []);
}
