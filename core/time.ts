/**
 * Beijing time is the only civil time users see. Instants are stored as ISO strings in UTC;
 * these helpers give their Asia/Shanghai calendar view whatever zone the server runs in, with
 * dayjs (utc and timezone plugins) doing the parsing, formatting and arithmetic.
 *
 * Two ways of reading Beijing time, chosen per instant:
 * - since 1992 Asia/Shanghai is UTC+8 without daylight saving, so the offset is the constant 480
 *   minutes and no zone lookup happens (the ledger and the statistics format every row: the
 *   timezone plugin asks Intl, which costs hundreds of times more);
 * - before 1992 (China kept daylight saving 1986–1991) the timezone plugin asks the zone database.
 *
 * The Beijing view is a dayjs in UTC mode moved forward by the offset (its year(), hour() and
 * format() read Beijing wall-clock time), never dayjs(x).utcOffset(480) or dayjs(x).tz(…): those
 * keep a shifted *local* Date inside, whose fields are an hour off wherever the process zone has
 * daylight saving (TZ=America/New_York: 700 of the 245,472 quarter-hours of 2020–2026 come out
 * wrong with utcOffset(480), 28 with tz()). Such a view is for reading fields and formatting only:
 * its valueOf() is not the instant.
 */
import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

dayjs.extend(utc);
dayjs.extend(timezone);

export const BEIJING_TZ = 'Asia/Shanghai';

/** an instant: a Date, epoch milliseconds, or an ISO string with its zone ("…Z", "…+08:00") */
export type Instant = Date | string | number;

export type BeijingParts = { year: number; month: number; day: number; hour: number; minute: number; second: number };

/** 1992-01-01 00:00 Beijing time: from here on Asia/Shanghai is a fixed UTC+8 */
const FIXED_SINCE = dayjs.utc('1991-12-31T16:00:00').valueOf();
const FIXED_OFFSET = 480;
const MINUTE_MS = 60_000;

/** minutes Beijing time is ahead of UTC at epoch milliseconds t */
function offsetAt(t: number): number {
  return t >= FIXED_SINCE ? FIXED_OFFSET : dayjs(t).tz(BEIJING_TZ).utcOffset();
}

/**
 * The Beijing wall clock of an instant: a UTC-mode dayjs whose fields and format() read Beijing
 * time (see the top of this file; its valueOf() is not the instant). Throws a RangeError for an
 * invalid instant.
 */
export function beijingWall(at: Instant): Dayjs {
  // the instant as JavaScript reads it (an ISO string keeps its zone), like new Date(at)
  const t = typeof at === 'number' ? at : typeof at === 'string' ? Date.parse(at) : at.getTime();
  if (Number.isNaN(t)) throw new RangeError('Invalid time value');
  // one dayjs, not dayjs.utc(t).add(offset, 'minute'), which builds two and makes beijingParts 3 times slower
  return dayjs.utc(t + offsetAt(t) * MINUTE_MS);
}

export function beijingParts(at: Instant): BeijingParts {
  const w = beijingWall(at);
  return { year: w.year(), month: w.month() + 1, day: w.date(), hour: w.hour(), minute: w.minute(), second: w.second() };
}

/**
 * "2026-11-23T09:05:00.000Z" read as Beijing wall-clock time. The ledger and the statistics format
 * every row, so the fixed formats below slice this (the Date's own toISOString) instead of calling
 * dayjs's format(), which costs about twice as much; time.test.ts checks they agree.
 */
const wallIso = (at: Instant) => beijingWall(at).toISOString();

/** "2026-11-23 09:05", or the Beijing wall clock in another dayjs format ("YYYY年M月D日 HH:mm") */
export function formatBeijing(at: Instant, template?: string): string {
  if (template !== undefined) return beijingWall(at).format(template);
  const iso = wallIso(at);
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/** "20261123" — the Beijing calendar date, used in ticket numbers and counter documents */
export function beijingDateKey(at: Instant): string {
  const iso = wallIso(at);
  return iso.slice(0, 4) + iso.slice(5, 7) + iso.slice(8, 10);
}

/** "2026-11-23" — the Beijing calendar date of an instant */
export function beijingDate(at: Instant): string {
  return wallIso(at).slice(0, 10);
}

/**
 * The instant of a Beijing wall-clock time, "2026-11-23", "2026-11-23 09:05" or "2026-11-23T09:05:30".
 * Throws a RangeError for text dayjs cannot read.
 */
export function beijingInstant(wall: string): Date {
  const asUtc = dayjs.utc(wall);
  if (!asUtc.isValid() || /Z$|[+-]\d{2}:?\d{2}$/i.test(wall)) throw new RangeError(`not a Beijing wall-clock time: ${wall}`);
  const fixed = asUtc.subtract(FIXED_OFFSET, 'minute');
  // before 1992 the offset depends on the date (daylight saving): ask the zone database
  return fixed.valueOf() >= FIXED_SINCE ? fixed.toDate() : dayjs.tz(wall, BEIJING_TZ).toDate();
}

/** ISO instant of 00:00 Beijing time on a calendar date "2026-11-23" */
export const beijingMidnight = (date: string): string => beijingInstant(date).toISOString();

/** ISO instant of 00:00 Beijing time on the day after a calendar date: with beijingMidnight, a half-open day range */
export const beijingNextMidnight = (date: string): string => beijingMidnight(addDays(date, 1));

/** calendar arithmetic on "YYYY-MM-DD" dates (no zone involved): n days after date, n may be negative */
export function addDays(date: string, n: number): string {
  return dayjs.utc(date).add(n, 'day').format('YYYY-MM-DD');
}

/** days in month m (1–12) of year y */
export const daysInMonth = (y: number, m: number): number => dayjs.utc(0).year(y).month(m - 1).daysInMonth();

/** "2026-11-01" from year, month (1–12) and day numbers */
export const calendarDate = (y: number, m: number, d: number): string => dayjs.utc(0).year(y).month(m - 1).date(d).format('YYYY-MM-DD');

/** whole calendar days from one "YYYY-MM-DD" date to another (negative when to is earlier) */
export const calendarDaysBetween = (from: string, to: string): number => dayjs.utc(to).diff(dayjs.utc(from), 'day');
