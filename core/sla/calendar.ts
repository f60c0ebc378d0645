/**
 * The working calendar behind every deadline (一般 5 个工作日, 复杂 10 个工作日).
 *
 * Working days follow China's official schedule (statutory holidays and the adjusted working
 * weekends, 调休) as published in the `chinese-days` data, with admin overrides on top.
 * All arithmetic happens on Beijing wall-clock time (fixed +08:00, China has no DST since 1992)
 * as milliseconds, a day being a whole number of them; dates and weekdays of those day numbers come
 * from dayjs in UTC mode, so results never depend on the server's zone (cloud functions run in UTC).
 *
 * We read the library's JSON data instead of calling its functions: its date helpers use the
 * process's local zone and shift every date by one day on a server west of UTC.
 *
 * Pure: no I/O, no clock. Time is continuous (milliseconds); a minute count may be fractional
 * when an input instant has seconds.
 */
import chineseDays from 'chinese-days/dist/chinese-days.json';
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

export type CalendarOverride = { date: string /* YYYY-MM-DD, Beijing */; kind: 'workday' | 'holiday'; name: string };
/** Working segments of a working day, Beijing wall-clock, e.g. [['09:00','12:00'], ['13:30','17:30']] */
export type WorkingHours = Array<[string, string]>;

export const DEFAULT_WORKING_HOURS: WorkingHours = [
  ['09:00', '12:00'],
  ['13:30', '17:30'],
];

export type CalendarConfig = {
  /** admin overrides; a single date's override always wins over the library (a local holiday; a year the library lacks) */
  overrides?: CalendarOverride[];
  workingHours?: WorkingHours;
  /** years the admin declared fully covered by overrides (the library lacks them) */
  adminYears?: number[];
};

export type Coverage = 'library' | 'admin' | 'none';

/**
 * Where a day's status comes from:
 * - 'override': an admin override for that date;
 * - 'library': chinese-days' official schedule (a holiday, an adjusted working day, or a plain day of a covered year);
 * - 'admin': a plain day (no override) in a year the admin declared covered, so Monday–Friday is authoritative;
 * - 'weekday-guess': a year nobody covers; Monday–Friday is only a guess and arithmetic reports the year as uncovered.
 */
export type DaySource = 'override' | 'library' | 'admin' | 'weekday-guess';
export type DayInfo = { date: string; workday: boolean; source: DaySource; name?: string };

const MINUTE = 60_000;
const DAY = 86_400_000;
const BEIJING_OFFSET = 8 * 60 * MINUTE;
/** safety net: arithmetic never walks further than this many calendar days */
const MAX_DAYS_WALKED = 366 * 200;

// ---------- library data ----------

type LibraryData = { holidays: Record<string, string>; workdays: Record<string, string>; inLieuDays?: Record<string, string> };
const lib = chineseDays as unknown as LibraryData;

/** "National Day,国庆节,3" -> "国庆节" */
function chineseName(entry: string): string {
  const parts = entry.split(',');
  return (parts[1] ?? parts[0] ?? '').trim();
}

/**
 * A year counts as covered when the library carries its official schedule. The State Council
 * publishes a whole year at once and 元旦 (1 January) is a statutory holiday every year, so a
 * year is covered exactly when its 1 January is a holiday in the data. (Entries of a neighbouring
 * year, e.g. 2023-12-30 published with the 2024 schedule, do not make that year covered.)
 */
const LIBRARY_YEARS: readonly number[] = (() => {
  const years = new Set<number>();
  for (const key of [...Object.keys(lib.holidays), ...Object.keys(lib.workdays)]) years.add(Number(key.slice(0, 4)));
  return [...years].filter((y) => Object.prototype.hasOwnProperty.call(lib.holidays, `${y}-01-01`)).sort((a, b) => a - b);
})();
const LIBRARY_YEAR_SET = new Set(LIBRARY_YEARS);

// ---------- date helpers (Beijing day numbers) ----------

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** days since 1970-01-01 of a Beijing calendar date, or null if not a real YYYY-MM-DD date */
function dayNumberOf(date: string): number | null {
  if (!DATE_RE.test(date)) return null;
  const d = dayjs.utc(date);
  // dayjs rolls 2026-02-30 over into March: a real date reads back the same
  if (!d.isValid() || d.format('YYYY-MM-DD') !== date) return null;
  return d.diff(dayjs.utc(0), 'day');
}

const dateOfDayNumber = (n: number): string => dayjs.utc(0).add(n, 'day').format('YYYY-MM-DD');

/** Beijing wall-clock milliseconds since the epoch (an instant shifted by +08:00) */
const toLocal = (at: Date) => at.getTime() + BEIJING_OFFSET;
const fromLocal = (local: number) => new Date(local - BEIJING_OFFSET);

// ---------- working hours ----------

const HHMM_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

function parseHHMM(s: string, allowEndOfDay: boolean): number | null {
  if (allowEndOfDay && s === '24:00') return 24 * 60;
  const m = HHMM_RE.exec(s);
  return m ? +m[1] * 60 + +m[2] : null;
}

/** Chinese error text, or null when the working hours are usable: HH:MM, each start before its end, sorted, non-overlapping. */
export function validateWorkingHours(h: WorkingHours): string | null {
  if (!Array.isArray(h) || h.length === 0) return '工作时间至少需要一个时段';
  let prevEnd = -1;
  for (let i = 0; i < h.length; i++) {
    const seg = h[i];
    const label = `第 ${i + 1} 个时段`;
    if (!Array.isArray(seg) || seg.length !== 2 || typeof seg[0] !== 'string' || typeof seg[1] !== 'string') {
      return `${label}格式错误，应为 [开始, 结束]，如 ['09:00', '12:00']`;
    }
    const start = parseHHMM(seg[0], false);
    const end = parseHHMM(seg[1], true);
    if (start === null) return `${label}的开始时间“${seg[0]}”不是有效的 HH:MM 时间`;
    if (end === null) return `${label}的结束时间“${seg[1]}”不是有效的 HH:MM 时间`;
    if (start >= end) return `${label}的开始时间 ${seg[0]} 必须早于结束时间 ${seg[1]}`;
    if (start < prevEnd) return `${label}（${seg[0]}–${seg[1]}）与上一个时段重叠或未按时间先后排列`;
    prevEnd = end;
  }
  return null;
}

// ---------- the calendar ----------

type Segment = { start: number; end: number }; // ms since Beijing midnight, [start, end)

export class WorkCalendar {
  /** working minutes in one working day (420 for the default hours) */
  readonly minutesPerDay: number;
  private readonly segments: readonly Segment[];
  private readonly overrides = new Map<string, CalendarOverride>();
  private readonly adminYears: ReadonlySet<number>;
  private readonly cache = new Map<string, DayInfo>();
  /** the same by day number: the arithmetic consults one per day walked */
  private readonly byDayNumber = new Map<number, DayInfo>();

  /** Throws (Chinese message) on invalid working hours or a malformed override; a later override for the same date wins. */
  constructor(cfg: CalendarConfig = {}) {
    const hours = cfg.workingHours ?? DEFAULT_WORKING_HOURS;
    const err = validateWorkingHours(hours);
    if (err) throw new Error(`工作时间设置无效：${err}`);
    this.segments = hours.map(([s, e]) => ({ start: parseHHMM(s, false)! * MINUTE, end: parseHHMM(e, true)! * MINUTE }));
    this.minutesPerDay = this.segments.reduce((sum, s) => sum + (s.end - s.start) / MINUTE, 0);

    for (const o of cfg.overrides ?? []) {
      if (!o || dayNumberOf(o.date) === null) throw new Error(`日历调整的日期“${o?.date}”不是有效的 YYYY-MM-DD 日期`);
      if (o.kind !== 'workday' && o.kind !== 'holiday') throw new Error(`日历调整 ${o.date} 的类型必须是 workday 或 holiday`);
      this.overrides.set(o.date, { date: o.date, kind: o.kind, name: o.name });
    }
    this.adminYears = new Set((cfg.adminYears ?? []).filter((y) => Number.isInteger(y)));
  }

  /** 'library' if chinese-days has that year's official schedule, 'admin' if the admin declared it, else 'none' */
  coverage(year: number): Coverage {
    if (LIBRARY_YEAR_SET.has(year)) return 'library';
    if (this.adminYears.has(year)) return 'admin';
    return 'none';
  }

  /** the years chinese-days covers, ascending (derived from its data) */
  libraryYears(): number[] {
    return [...LIBRARY_YEARS];
  }

  /** status of a Beijing calendar date 'YYYY-MM-DD'; throws on a malformed date */
  dayInfo(date: string): DayInfo {
    const hit = this.cache.get(date);
    if (hit) return hit;
    const n = dayNumberOf(date);
    if (n === null) throw new Error(`日期“${date}”不是有效的 YYYY-MM-DD 日期`);
    const info = Object.freeze(this.computeDayInfo(date, n)) as DayInfo;
    this.cache.set(date, info);
    return info;
  }

  isWorkday(date: string): boolean {
    return this.dayInfo(date).workday;
  }

  /**
   * The instant `minutes` working minutes after `start` (Beijing working hours, any server zone).
   * Starting outside working hours starts at the next working minute; with minutes = 0 the result
   * is that next working minute. A result that lands exactly on the end of a segment stays there
   * (17:30, not the next morning). Negative minutes walk backwards (the mirror rules: landing exactly
   * on the start of a segment stays at 09:00). uncoveredYears lists the years whose weekdays had to be
   * guessed along the way (deadline provisional).
   */
  addWorkingMinutes(start: Date, minutes: number): { at: Date; uncoveredYears: number[] } {
    assertInstant(start, 'start');
    if (!Number.isFinite(minutes)) throw new Error('minutes must be a finite number');
    const guessed = new Set<number>();
    const amount = Math.round(minutes * MINUTE);
    const local = amount >= 0 ? this.walkForward(toLocal(start), amount, guessed) : this.walkBackward(toLocal(start), -amount, guessed);
    return { at: fromLocal(local), uncoveredYears: sorted(guessed) };
  }

  /** = days × minutesPerDay working minutes: 5 working days from Wednesday 10:00 is the 5th working day after it at 10:00 */
  addWorkingDays(start: Date, days: number): { at: Date; uncoveredYears: number[] } {
    if (!Number.isFinite(days)) throw new Error('days must be a finite number');
    return this.addWorkingMinutes(start, days * this.minutesPerDay);
  }

  /** working minutes in [from, to]; negative when to < from */
  workingMinutesBetween(from: Date, to: Date): { minutes: number; uncoveredYears: number[] } {
    assertInstant(from, 'from');
    assertInstant(to, 'to');
    const guessed = new Set<number>();
    const a = toLocal(from), b = toLocal(to);
    const ms = a <= b ? this.workingMsBetween(a, b, guessed) : -this.workingMsBetween(b, a, guessed);
    return { minutes: ms === 0 ? 0 : ms / MINUTE /* never -0 */, uncoveredYears: sorted(guessed) };
  }

  // ---------- internals ----------

  private computeDayInfo(date: string, n: number): DayInfo {
    const o = this.overrides.get(date);
    if (o) return { date, workday: o.kind === 'workday', source: 'override', name: o.name };

    const year = Number(date.slice(0, 4));
    const coverage = this.coverage(year);
    const weekday = dayjs.utc(0).add(n, 'day').day(); // 0 = Sunday
    const plainWorkday = weekday >= 1 && weekday <= 5;

    // entries of the library count wherever they appear (e.g. 2023-12-30, published with the 2024 schedule)
    const adjusted = lib.workdays[date];
    if (adjusted !== undefined) return { date, workday: true, source: 'library', name: `${chineseName(adjusted)}补班` };
    const holiday = lib.holidays[date];
    if (holiday !== undefined) return { date, workday: false, source: 'library', name: chineseName(holiday) };

    if (coverage === 'library') return { date, workday: plainWorkday, source: 'library' };
    if (coverage === 'admin') return { date, workday: plainWorkday, source: 'admin' };
    return { date, workday: plainWorkday, source: 'weekday-guess' };
  }

  /** the day's status, noting a guessed year */
  private consult(dayNumber: number, guessed: Set<number>): boolean {
    let info = this.byDayNumber.get(dayNumber);
    if (!info) this.byDayNumber.set(dayNumber, (info = this.dayInfo(dateOfDayNumber(dayNumber))));
    if (info.source === 'weekday-guess') guessed.add(Number(info.date.slice(0, 4)));
    return info.workday;
  }

  /** remaining >= 0 ms; returns Beijing-local ms */
  private walkForward(local: number, remaining: number, guessed: Set<number>): number {
    const segs = this.segments;
    const lastEnd = segs[segs.length - 1].end;
    let day = Math.floor(local / DAY);
    let tod = local - day * DAY;
    for (let walked = 0; walked <= MAX_DAYS_WALKED; walked++, day++, tod = 0) {
      if (tod >= lastEnd) continue; // nothing left today: today's status does not matter
      if (!this.consult(day, guessed)) continue;
      for (const seg of segs) {
        if (tod >= seg.end) continue;
        const begin = Math.max(tod, seg.start);
        const available = seg.end - begin;
        if (remaining <= available) return day * DAY + begin + remaining;
        remaining -= available;
        tod = seg.end;
      }
    }
    throw new Error('工作日历中找不到足够的工作日（请检查日历调整）');
  }

  /** remaining > 0 ms, walking back in time; returns Beijing-local ms */
  private walkBackward(local: number, remaining: number, guessed: Set<number>): number {
    const segs = this.segments;
    const firstStart = segs[0].start;
    let day = Math.floor(local / DAY);
    let tod = local - day * DAY;
    for (let walked = 0; walked <= MAX_DAYS_WALKED; walked++, day--, tod = DAY) {
      if (tod <= firstStart) continue;
      if (!this.consult(day, guessed)) continue;
      for (let i = segs.length - 1; i >= 0; i--) {
        const seg = segs[i];
        if (tod <= seg.start) continue;
        const end = Math.min(tod, seg.end);
        const available = end - seg.start;
        if (remaining <= available) return day * DAY + end - remaining;
        remaining -= available;
        tod = seg.start;
      }
    }
    throw new Error('工作日历中找不到足够的工作日（请检查日历调整）');
  }

  /** working ms in [a, b], a <= b, Beijing-local ms; only days whose status matters are consulted */
  private workingMsBetween(a: number, b: number, guessed: Set<number>): number {
    const segs = this.segments;
    let total = 0;
    const lastDay = Math.floor(b / DAY);
    for (let day = Math.floor(a / DAY); day <= lastDay; day++) {
      const from = Math.max(a - day * DAY, 0);
      const to = Math.min(b - day * DAY, DAY);
      let inDay = 0;
      let touches = false;
      for (const seg of segs) {
        const overlap = Math.min(to, seg.end) - Math.max(from, seg.start);
        if (overlap > 0) {
          inDay += overlap;
          touches = true;
        }
      }
      if (touches && this.consult(day, guessed)) total += inDay;
    }
    return total;
  }
}

function assertInstant(d: Date, what: string): void {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) throw new Error(`${what} must be a valid Date`);
}

const sorted = (s: Set<number>) => [...s].sort((x, y) => x - y);
