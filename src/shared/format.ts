/**
 * Times are shown in Beijing time, with dayjs (utc plugin only: the mini-program JS engines' Intl
 * may lack time zones, and the timezone plugin needs it). The app's instants are all after 1992,
 * since when Asia/Shanghai has been a fixed UTC+8, so the Beijing view needs no zone lookup.
 *
 * That view is a UTC-mode dayjs moved forward by 8 hours (its fields and format() read Beijing
 * time), not dayjs(x).utcOffset(480), whose fields are an hour off near the daylight-saving
 * changes of the phone's or browser's own zone. It is for formatting only: its valueOf() is not
 * the instant.
 */
import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

const BEIJING_OFFSET_MINUTES = 480;

/** the Beijing wall clock of an instant (ISO string, epoch ms or Date); null when missing or unparsable */
export function beijingWall(at: string | number | Date | null | undefined): Dayjs | null {
  if (at === null || at === undefined || at === '') return null;
  const u = dayjs.utc(at);
  return u.isValid() ? u.add(BEIJING_OFFSET_MINUTES, 'minute') : null;
}

/** 'YYYY-MM-DD HH:mm' in Beijing time (or another dayjs format, e.g. 'HH:mm'); '' for a missing or unparsable instant. */
export function formatTime(iso: string | number | Date | null | undefined, template = 'YYYY-MM-DD HH:mm'): string {
  return beijingWall(iso)?.format(template) ?? '';
}

/** A client key for idempotent submission: [a-z0-9], 20 characters. */
export function newClientKey(): string {
  let key = Date.now().toString(36);
  while (key.length < 20) key += Math.floor(Math.random() * 36).toString(36);
  return key.slice(0, 20);
}

/** 'YYYY-MM-DD' of an instant in Beijing time; '' for a missing or unparsable instant. */
export function formatDate(iso: string | number | Date | null | undefined): string {
  return formatTime(iso, 'YYYY-MM-DD');
}

/** Today's date in Beijing, 'YYYY-MM-DD'. */
export function beijingToday(now = Date.now()): string {
  return formatDate(now);
}

/** The instant (ISO) of a Beijing wall-clock time: a date 'YYYY-MM-DD' and optionally 'HH:mm'. */
export function beijingInstant(date: string, time = '00:00'): string {
  return dayjs.utc(`${date} ${time}`).subtract(BEIJING_OFFSET_MINUTES, 'minute').toISOString();
}

/** 'YYYY-MM-DD' n calendar days after a 'YYYY-MM-DD' date. */
export function addDays(date: string, n: number): string {
  return dayjs.utc(date).add(n, 'day').format('YYYY-MM-DD');
}

/** a real calendar date 'YYYY-MM-DD' (2026-02-30 is not) */
export const isDateText = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && dayjs.utc(s).format('YYYY-MM-DD') === s;
