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
