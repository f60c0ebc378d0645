/**
 * Periods (本月 / 本季度 / 本年 / 自定义) as Beijing calendar ranges, and which counter documents
 * hold them. Counter documents are per Beijing day (D20261123), month (M202611), quarter
 * (Q20264) and year (Y2026). Request figures live in day and month documents (cohort counts add
 * up, so a quarter is three months); visit figures also in quarter and year documents because
 * "distinct enterprises visited" does not add up across months.
 */
import { z } from 'zod';
import { PeriodInput } from '../contract/figures';
import { addDays, beijingParts, calendarDate as ymd, calendarDaysBetween, daysInMonth, formatBeijing } from '../time';

export type PeriodKind = 'month' | 'quarter' | 'year' | 'custom';

/** the period input is the contract's (core/contract/figures.ts) */
export { PeriodInput };

export type PeriodInputT = z.infer<typeof PeriodInput>;

export type TrendPoint = { key: string; label: string; ids: string[] };

export type Period = {
  kind: PeriodKind;
  /** "2026-11", "2026-Q4", "2026", "2026-11-01~2026-11-20" */
  key: string;
  /** stable id for stored lists and briefings: "M202611", "Q20264", "Y2026" (custom: "C20261101-20261120") */
  id: string;
  label: string;
  from: string;
  to: string;
  /** counter documents whose request figures add up to the period */
  totals: string[];
  /** counter documents for visit figures (distinct enterprises): the period's own document when it has one */
  visitTotals: string[];
  granularity: 'day' | 'month';
  trend: TrendPoint[];
};

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const CN_Q = ['一', '二', '三', '四'];
const MAX_CUSTOM_DAYS = 366 * 3;
const DAY_TREND_MAX = 62;

export const dayId = (ymd: string) => `D${ymd.replace(/-/g, '')}`;
export const monthId = (y: number, m: number) => `M${y}${pad(m)}`;
export const quarterId = (y: number, q: number) => `Q${y}${q}`;
export const yearId = (y: number) => `Y${y}`;

/** counter documents for a Beijing date key "20261123": day, month, quarter, year */
export function docIdsForDate(d: string) {
  const y = Number(d.slice(0, 4));
  const m = Number(d.slice(4, 6));
  return { day: `D${d}`, month: monthId(y, m), quarter: quarterId(y, Math.ceil(m / 3)), year: yearId(y) };
}

// civil-date helpers (no zone involved)
const lastDay = daysInMonth;

function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

function monthsTouching(from: string, to: string): Array<{ y: number; m: number }> {
  const out: Array<{ y: number; m: number }> = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const ey = Number(to.slice(0, 4));
  const em = Number(to.slice(5, 7));
  while (y < ey || (y === ey && m <= em)) {
    out.push({ y, m });
    m++;
    if (m > 12) { m = 1; y++; }
  }
  return out;
}

/** the documents that add up to [from, to]: whole months by their month document, the rest by day */
function cover(from: string, to: string): string[] {
  const ids: string[] = [];
  for (const { y, m } of monthsTouching(from, to)) {
    const first = ymd(y, m, 1);
    const last = ymd(y, m, lastDay(y, m));
    if (first >= from && last <= to) ids.push(monthId(y, m));
    else for (const d of daysBetween(first < from ? from : first, last > to ? to : last)) ids.push(dayId(d));
  }
  return ids;
}

export function currentKey(kind: Exclude<PeriodKind, 'custom'>, now: Date): string {
  if (kind === 'month') return formatBeijing(now, 'YYYY-MM');
  const p = beijingParts(now);
  if (kind === 'quarter') return `${p.year}-Q${Math.ceil(p.month / 3)}`;
  return String(p.year);
}

export function resolvePeriod(input: PeriodInputT, now: Date): Period {
  if (input.period === 'custom') {
    const from = input.from!;
    const to = input.to!;
    if (calendarDaysBetween(from, to) + 1 > MAX_CUSTOM_DAYS) throw new RangeError('span');
    const days = daysBetween(from, to);
    const granularity = days.length <= DAY_TREND_MAX ? 'day' : 'month';
    const trend: TrendPoint[] =
      granularity === 'day'
        ? days.map((d) => ({ key: d, label: `${Number(d.slice(5, 7))}/${Number(d.slice(8, 10))}`, ids: [dayId(d)] }))
        : monthsTouching(from, to).map(({ y, m }) => {
            const first = ymd(y, m, 1);
            const last = ymd(y, m, lastDay(y, m));
            return { key: `${y}-${pad(m)}`, label: `${y === Number(from.slice(0, 4)) && y === Number(to.slice(0, 4)) ? '' : `${y}年`}${m}月`, ids: cover(first < from ? from : first, last > to ? to : last) };
          });
    const totals = cover(from, to);
    return {
      kind: 'custom', key: `${from}~${to}`, id: `C${from.replace(/-/g, '')}-${to.replace(/-/g, '')}`,
      label: `${from} 至 ${to}`, from, to, totals, visitTotals: totals, granularity, trend,
    };
  }
  const key = input.key ?? currentKey(input.period, now);
  const y = Number(key.slice(0, 4));
  if (input.period === 'month') {
    const m = Number(key.slice(5, 7));
    const days = daysBetween(ymd(y, m, 1), ymd(y, m, lastDay(y, m)));
    return {
      kind: 'month', key, id: monthId(y, m), label: `${y}年${m}月`, from: days[0], to: days[days.length - 1],
      totals: [monthId(y, m)], visitTotals: [monthId(y, m)], granularity: 'day',
      trend: days.map((d) => ({ key: d, label: `${Number(d.slice(8, 10))}日`, ids: [dayId(d)] })),
    };
  }
  const months = input.period === 'quarter' ? [1, 2, 3].map((i) => (Number(key.slice(6)) - 1) * 3 + i) : Array.from({ length: 12 }, (_, i) => i + 1);
  const q = input.period === 'quarter' ? Number(key.slice(6)) : 0;
  return {
    kind: input.period, key,
    id: input.period === 'quarter' ? quarterId(y, q) : yearId(y),
    label: input.period === 'quarter' ? `${y}年第${CN_Q[q - 1]}季度` : `${y}年`,
    from: ymd(y, months[0], 1), to: ymd(y, months[months.length - 1], lastDay(y, months[months.length - 1])),
    totals: months.map((m) => monthId(y, m)),
    visitTotals: [input.period === 'quarter' ? quarterId(y, q) : yearId(y)],
    granularity: 'month',
    trend: months.map((m) => ({ key: `${y}-${pad(m)}`, label: `${m}月`, ids: [monthId(y, m)] })),
  };
}

/** the period before (for "compared with last month" and default ranking periods) */
export function previousKey(kind: Exclude<PeriodKind, 'custom'>, key: string): string {
  const y = Number(key.slice(0, 4));
  if (kind === 'year') return String(y - 1);
  if (kind === 'quarter') {
    const q = Number(key.slice(6));
    return q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`;
  }
  const m = Number(key.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${pad(m - 1)}`;
}
