/**
 * Times are shown in Beijing time. China has no daylight saving, so a fixed +08:00 offset is
 * exactly Asia/Shanghai and works on mini-program JS engines whose Intl lacks time zones.
 */
const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;
const pad = (n: number) => String(n).padStart(2, '0');

/** 'YYYY-MM-DD HH:mm' in Beijing time; '' for a missing or unparsable instant. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  const d = new Date(ms + BEIJING_OFFSET_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** A client key for idempotent submission: [a-z0-9], 20 characters. */
export function newClientKey(): string {
  let key = Date.now().toString(36);
  while (key.length < 20) key += Math.floor(Math.random() * 36).toString(36);
  return key.slice(0, 20);
}

/** 'YYYY-MM-DD' of an instant in Beijing time; '' for a missing or unparsable instant. */
export function formatDate(iso: string | null | undefined): string {
  return formatTime(iso).slice(0, 10);
}

/** Today's date in Beijing, 'YYYY-MM-DD'. */
export function beijingToday(now = Date.now()): string {
  return formatTime(new Date(now).toISOString()).slice(0, 10);
}

/** 'YYYY-MM-DD' n calendar days after a 'YYYY-MM-DD' date. */
export function addDays(date: string, n: number): string {
  const ms = Date.parse(`${date}T00:00:00Z`) + n * 86400000;
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export const isDateText = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));
