/** Number formats and period arithmetic for the leaders' pages (Beijing calendar). */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { beijingWall } from '../shared/format';
import type { PeriodKind, PeriodQuery } from './types';

dayjs.extend(utc);

/** 0.9634 → "96.3%"; null → "—" */
export function pct(rate: number | null | undefined, digits = 1): string {
  if (rate === null || rate === undefined) return '—';
  const p = Math.round(rate * 100 * 10 ** digits) / 10 ** digits;
  return `${Number.isInteger(p) ? p : p.toFixed(digits)}%`;
}

export function num(v: number | null | undefined, digits = 1): string {
  return v === null || v === undefined ? '—' : v.toFixed(digits);
}

/** today's Beijing date parts */
export function beijingToday(): { y: number; m: number; d: number } {
  const t = beijingWall(Date.now())!;
  return { y: t.year(), m: t.month() + 1, d: t.date() };
}

export function currentKey(kind: Exclude<PeriodKind, 'custom'>): string {
  const today = beijingWall(Date.now())!;
  if (kind === 'month') return today.format('YYYY-MM');
  if (kind === 'quarter') return `${today.year()}-Q${Math.floor(today.month() / 3) + 1}`;
  return today.format('YYYY');
}

/** the key one period earlier (-1) or later (+1) */
export function stepKey(kind: Exclude<PeriodKind, 'custom'>, key: string, by: number): string {
  if (kind === 'year') return String(Number(key.slice(0, 4)) + by);
  if (kind === 'quarter') {
    // the quarter's first month, moved by 3 months a quarter
    const first = dayjs.utc(`${key.slice(0, 4)}-01-01`).add((Number(key.slice(6)) - 1 + by) * 3, 'month');
    return `${first.year()}-Q${Math.floor(first.month() / 3) + 1}`;
  }
  return dayjs.utc(`${key}-01`).add(by, 'month').format('YYYY-MM');
}

export function isFuture(kind: Exclude<PeriodKind, 'custom'>, key: string): boolean {
  return key > currentKey(kind);
}

export function defaultQuery(kind: PeriodKind = 'month'): PeriodQuery {
  if (kind === 'custom') {
    const today = ymdToday();
    return { period: 'custom', from: `${today.slice(0, 7)}-01`, to: today };
  }
  return { period: kind, key: currentKey(kind) };
}

/** the period a page's link names (?period=quarter&key=2026-Q3): a month, quarter or year; this month when it names none */
export function queryFromParams(params: { period?: string; key?: string }): PeriodQuery {
  const kind = (['month', 'quarter', 'year'].includes(params.period ?? '') ? params.period : 'month') as Exclude<PeriodKind, 'custom'>;
  return { period: kind, key: params.key ? decodeURIComponent(params.key) : currentKey(kind) };
}

export function ymdToday(): string {
  return beijingWall(Date.now())!.format('YYYY-MM-DD');
}

export const PERIOD_LABELS: Record<PeriodKind, string> = { month: '本月', quarter: '本季度', year: '本年', custom: '自定义' };
