import type { RequestSummary } from './api-types';
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { formatDate } from './format';

dayjs.extend(utc);

/** Monday–Friday days in (from, to], both 'YYYY-MM-DD'; holidays are not known on the client. */
function weekdaysBetween(from: string, to: string): number {
  let n = 0;
  const end = dayjs.utc(to);
  for (let d = dayjs.utc(from).add(1, 'day'); !d.isAfter(end); d = d.add(1, 'day')) {
    const wd = d.day();
    if (wd !== 0 && wd !== 6) n++;
  }
  return n;
}

/** whole hours between two instants (epoch ms), at least 1 */
const hoursApart = (a: number, b: number) => Math.max(1, Math.round(Math.abs(dayjs(a).diff(b, 'hour', true))));

/** Statuses whose resolution clock is running. */
const RUNNING = new Set(['dispatch', 'queued', 'assigned', 'accepted', 'supervised']);

export type Remaining = { text: string; tone: 'normal' | 'warn' | 'over' | 'muted' };

/**
 * A rough "time left" for the resolution deadline, counted in Monday–Friday working days
 * (the server's calendar knows the holidays; this is only a hint). null when there is nothing to say.
 */
export function remainingTime(r: RequestSummary, now = Date.now()): Remaining | null {
  if (r.status === 'paused') return { text: '已暂停计时（待补充材料）', tone: 'muted' };
  if (!r.dueAt || !RUNNING.has(r.status)) return null;
  const due = Date.parse(r.dueAt);
  if (Number.isNaN(due)) return null;
  const today = formatDate(now);
  const dueDay = formatDate(r.dueAt);
  if (due < now) {
    const days = weekdaysBetween(dueDay, today);
    if (days === 0) return { text: `已超期 ${hoursApart(now, due)} 小时`, tone: 'over' };
    return { text: `已超期约 ${days} 个工作日`, tone: 'over' };
  }
  if (dueDay === today) return { text: `今日到期（剩余约 ${hoursApart(due, now)} 小时）`, tone: 'warn' };
  const days = weekdaysBetween(today, dueDay);
  if (days === 0) return { text: '剩余不足 1 个工作日', tone: 'warn' };
  return { text: `剩余约 ${days} 个工作日`, tone: days <= 1 ? 'warn' : 'normal' };
}

export const PROVISIONAL_WARNING = '期限按周一至周五估算，节假日数据待管理员确认';

/** Monday–Friday days a deadline was missed by, at least 1 when `at` is past it; 0 when not late. */
export function weekdaysLate(due: string, at: string): number {
  const d = Date.parse(due);
  const t = Date.parse(at);
  if (Number.isNaN(d) || Number.isNaN(t) || t <= d) return 0;
  return Math.max(1, weekdaysBetween(formatDate(due), formatDate(at)));
}

export type DeadlineOutcome = { text: string; tone: Remaining['tone'] };

/** how an answered clock ended: 按期办结, or 超期办结 with roughly how late */
export function answeredOutcome(dueAt: string | null | undefined, answeredAt: string | null | undefined, late: boolean | null | undefined): DeadlineOutcome | null {
  if (late === true) {
    const days = dueAt && answeredAt ? weekdaysLate(dueAt, answeredAt) : 0;
    return { text: days ? `超期办结（超期约 ${days} 个工作日）` : '超期办结', tone: 'over' };
  }
  if (late === false) return { text: '按期办结', tone: 'normal' };
  return null;
}

/**
 * The deadline picture of a request (history that stays true, issue 11): the first deadline and
 * how the first answer met it, and — once reopened (重办) — the rework deadline and count.
 * A rejected request (不予受理) has none.
 */
export function deadlineFacts(req: RequestSummary) {
  // the server sends closedOnTime with every request (frozen outcome of the running clock)
  const r = req as RequestSummary & { closedOnTime?: boolean | null };
  const late = r.closedOnTime === false ? true : r.closedOnTime === true ? false : null;
  const rejected = r.status === 'rejected';
  const reworks = r.reopenCount ?? 0;
  const answered = r.status === 'resolved' || r.status === 'closed';
  const firstDueAt = r.firstDueAt ?? (reworks === 0 ? r.dueAt : null) ?? null;
  // the first answer's outcome: stored, or (never reopened, older request) the clock's own
  const firstLate = r.firstLate ?? (reworks === 0 && answered ? late : null);
  const firstAt = r.firstResolvedAt ?? (reworks === 0 && answered ? r.resolvedAt : null) ?? null;
  return {
    rejected,
    reworks,
    firstDueAt,
    first: answeredOutcome(firstDueAt, firstAt, firstLate),
    /** the running clock's outcome once answered after a reopen */
    current: reworks > 0 && answered ? answeredOutcome(r.dueAt, r.resolvedAt, late) : null,
  };
}
