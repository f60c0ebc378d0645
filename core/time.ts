/**
 * Beijing time is the only civil time users see. Instants are stored as ISO strings in UTC;
 * these helpers give their Asia/Shanghai calendar view whatever zone the server runs in.
 */
const TZ = 'Asia/Shanghai';

const partsFmt = new Intl.DateTimeFormat('en-GB', {
  timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit',
  hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
});

export type BeijingParts = { year: number; month: number; day: number; hour: number; minute: number; second: number };

/** Asia/Shanghai has kept UTC+8 without daylight saving since 1992-01-01 (Beijing time) */
const FIXED_SINCE = Date.UTC(1991, 11, 31, 16);
const OFFSET_MS = 8 * 3600_000;

export function beijingParts(at: Date): BeijingParts {
  const t = at.getTime();
  if (t >= FIXED_SINCE) {
    // plain arithmetic: the time zone database would answer the same, at a fraction of the cost
    const d = new Date(t + OFFSET_MS);
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() };
  }
  const p: Record<string, string> = {};
  for (const { type, value } of partsFmt.formatToParts(at)) p[type] = value;
  return { year: +p.year, month: +p.month, day: +p.day, hour: +p.hour, minute: +p.minute, second: +p.second };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** "20261123" — the Beijing calendar date, used in ticket numbers */
export function beijingDateKey(at: Date): string {
  const p = beijingParts(at);
  return `${p.year}${pad(p.month)}${pad(p.day)}`;
}

/** "2026-11-23 09:05" */
export function formatBeijing(at: Date | string): string {
  const p = beijingParts(typeof at === 'string' ? new Date(at) : at);
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
}
