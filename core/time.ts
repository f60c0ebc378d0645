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

export function beijingParts(at: Date): BeijingParts {
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
