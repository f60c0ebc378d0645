/** Number formats and period arithmetic for the leaders' pages (Beijing calendar). */
import type { PeriodKind, PeriodQuery } from './types';

/** 0.9634 → "96.3%"; null → "—" */
export function pct(rate: number | null | undefined, digits = 1): string {
  if (rate === null || rate === undefined) return '—';
  const p = Math.round(rate * 100 * 10 ** digits) / 10 ** digits;
  return `${Number.isInteger(p) ? p : p.toFixed(digits)}%`;
}

export function num(v: number | null | undefined, digits = 1): string {
  return v === null || v === undefined ? '—' : v.toFixed(digits);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** today's Beijing date parts */
export function beijingToday(): { y: number; m: number; d: number } {
  const t = new Date(Date.now() + 8 * 3600_000);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

export function currentKey(kind: Exclude<PeriodKind, 'custom'>): string {
  const { y, m } = beijingToday();
  if (kind === 'month') return `${y}-${pad(m)}`;
  if (kind === 'quarter') return `${y}-Q${Math.ceil(m / 3)}`;
  return String(y);
}

/** the key one period earlier (-1) or later (+1) */
export function stepKey(kind: Exclude<PeriodKind, 'custom'>, key: string, by: number): string {
  const y = Number(key.slice(0, 4));
  if (kind === 'year') return String(y + by);
  if (kind === 'quarter') {
    const i = y * 4 + Number(key.slice(6)) - 1 + by;
    return `${Math.floor(i / 4)}-Q${(i % 4) + 1}`;
  }
  const i = y * 12 + Number(key.slice(5, 7)) - 1 + by;
  return `${Math.floor(i / 12)}-${pad((i % 12) + 1)}`;
}

export function isFuture(kind: Exclude<PeriodKind, 'custom'>, key: string): boolean {
  return key > currentKey(kind);
}

export function defaultQuery(kind: PeriodKind = 'month'): PeriodQuery {
  if (kind === 'custom') {
    const { y, m, d } = beijingToday();
    return { period: 'custom', from: `${y}-${pad(m)}-01`, to: `${y}-${pad(m)}-${pad(d)}` };
  }
  return { period: kind, key: currentKey(kind) };
}

export function ymdToday(): string {
  const { y, m, d } = beijingToday();
  return `${y}-${pad(m)}-${pad(d)}`;
}

export const PERIOD_LABELS: Record<PeriodKind, string> = { month: '本月', quarter: '本季度', year: '本年', custom: '自定义' };
