/**
 * What the dashboard draws and where its figures lead, apart from the page so that tests can hold
 * them to the data (core/stats/dashboard.trend.test.ts, core/ledger/ledger.drilldown.test.ts):
 * the charts' ECharts options, and the ledger filters that list exactly what a figure counts.
 */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { COLOUR_HEX } from '../../shared/colours';
import type { ChartOption } from '../components/echarts';
import type { BreakdownRow, Dashboard } from '../types';

dayjs.extend(utc);

export const COLOUR_NAMES = { white: '未开始', green: '正常', yellow: '临期', red: '超期' } as const;

// ---------- drill-down: a figure → the ledger (src/subpkg-desk/ledger, LedgerFilter in core/contract/figures.ts) ----------

/** the headline figures that list requests (rates and visits do not) */
export type HeadFigure = 'collected' | 'closed' | 'inProgress' | 'rejected' | 'overdue';
/** the breakdowns whose rows list requests */
export type RowKind = 'category' | 'channel' | 'tier' | 'department' | 'center';

/** each figure as the ledger's filter (core/stats/figures.ts defines the figures, ledgerQuery the filters) */
const FIGURE_FILTER: Record<HeadFigure, Record<string, string>> = {
  collected: {},
  closed: { figure: 'done' },
  inProgress: { figure: 'open' },
  rejected: { status: 'rejected' },
  overdue: { figure: 'overdue' },
};
const ROW_FILTER: Record<RowKind, string> = { category: 'category', channel: 'channel', tier: 'tier', department: 'departmentId', center: 'centerId' };

/** the dashboard's scope as the ledger takes it: a tier or a department picked (a handler's or a street's own scope the ledger applies itself) */
export type DrillScope = { tier?: string; departmentId?: string };

/**
 * The ledger filters that list the requests a figure counts: submitted in the period (the figures
 * count by submission date), in the dashboard's scope, in the row (if any), of the figure's kind.
 */
export function drillFilters(period: { from: string; to: string }, scope: DrillScope, figure: HeadFigure, row?: { kind: RowKind; id: string }): Record<string, string> {
  return {
    from: period.from,
    to: period.to,
    ...(scope.tier ? { tier: scope.tier } : {}),
    ...(scope.departmentId ? { departmentId: scope.departmentId } : {}),
    ...(row ? { [ROW_FILTER[row.kind]]: row.id } : {}),
    ...FIGURE_FILTER[figure],
  };
}

/** the dates of one trend point (a day "2026-11-05", or a month "2026-11"), within the period */
export function pointDates(key: string, period: { from: string; to: string }): { from: string; to: string } {
  if (key.length === 10) return { from: key, to: key };
  const from = `${key}-01`;
  const to = dayjs.utc(from).endOf('month').format('YYYY-MM-DD');
  return { from: from < period.from ? period.from : from, to: to > period.to ? period.to : to };
}

/** the trend's bar series, in their order, as the figure each counts */
export const TREND_BARS: HeadFigure[] = ['closed', 'inProgress', 'rejected'];

// ---------- charts ----------

/**
 * 诉求趋势: the period's requests by submission day (or month), and the 按期办结率 of those answered.
 * A day with nothing answered in time or late has no rate (null): no point, and the line breaks
 * there rather than joining, say, 0% to 100% across empty days.
 */
export function trendOption(d: Pick<Dashboard, 'trend'>): ChartOption {
  const t = d.trend;
  return {
    grid: { left: 34, right: 40, top: 44, bottom: 24 },
    legend: { top: 0, itemWidth: 12, itemHeight: 8, textStyle: { fontSize: 11 } },
    tooltip: { trigger: 'axis', confine: true },
    xAxis: { type: 'category', data: t.map((p) => p.label), axisLabel: { fontSize: 10 }, axisTick: { alignWithLabel: true } },
    yAxis: [
      { type: 'value', name: '项', minInterval: 1, nameTextStyle: { fontSize: 10 }, axisLabel: { fontSize: 10 } },
      { type: 'value', name: '按期率', min: 0, max: 100, nameTextStyle: { fontSize: 10 }, axisLabel: { fontSize: 10, formatter: '{value}%' }, splitLine: { show: false } },
    ],
    series: [
      { name: '办结', type: 'bar', stack: 'n', data: t.map((p) => p.closed), itemStyle: { color: '#1aa36f' }, barMaxWidth: 22 },
      { name: '正在办理', type: 'bar', stack: 'n', data: t.map((p) => p.inProgress), itemStyle: { color: '#3b8cff' }, barMaxWidth: 22 },
      { name: '不予受理', type: 'bar', stack: 'n', data: t.map((p) => p.rejected), itemStyle: { color: '#c9cdd4' }, barMaxWidth: 22 },
      {
        // every measured day keeps its dot, even alone between empty days
        name: '按期办结率', type: 'line', yAxisIndex: 1, connectNulls: false, showSymbol: true, showAllSymbol: true, symbolSize: 6,
        data: t.map((p) => (p.onTimeRate === null ? null : Math.round(p.onTimeRate * 1000) / 10)), itemStyle: { color: '#f5a623' },
      },
    ],
  };
}

export function colourOption(d: Pick<Dashboard, 'figures'>): ChartOption {
  const c = d.figures.colours;
  return {
    tooltip: { trigger: 'item', confine: true, formatter: '{b}：{c}项（{d}%）' },
    legend: { bottom: 0, itemWidth: 10, itemHeight: 10, textStyle: { fontSize: 11 } },
    series: [
      {
        type: 'pie', radius: ['42%', '68%'], center: ['50%', '44%'], avoidLabelOverlap: true,
        label: { formatter: '{b}\n{c}', fontSize: 11 },
        data: (['red', 'yellow', 'green', 'white'] as const).map((k) => ({ name: COLOUR_NAMES[k], value: c[k], itemStyle: { color: COLOUR_HEX[k] } })),
      },
    ],
  };
}

/** the ten groups (大类) with the most requests, most at the top (ECharts draws a category axis bottom-up) */
export function topCategories(rows: BreakdownRow[]): BreakdownRow[] {
  return rows.slice(0, 10).reverse();
}

export function categoryOption(rows: BreakdownRow[]): ChartOption {
  const top = topCategories(rows);
  return {
    grid: { left: 4, right: 24, top: 24, bottom: 4, containLabel: true },
    legend: { top: 0, itemWidth: 12, itemHeight: 8, textStyle: { fontSize: 11 } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { fontSize: 10 } },
    // the labels open their category too (triggerEvent), not only the bars
    yAxis: { type: 'category', triggerEvent: true, data: top.map((r) => (r.name.length > 8 ? `${r.name.slice(0, 8)}…` : r.name)), axisLabel: { fontSize: 11 } },
    series: [
      { name: '收集', type: 'bar', data: top.map((r) => r.collected), itemStyle: { color: '#3b8cff' }, barMaxWidth: 12, label: { show: true, position: 'right', fontSize: 10 } },
      { name: '办结', type: 'bar', data: top.map((r) => r.closed), itemStyle: { color: '#1aa36f' }, barMaxWidth: 12 },
    ],
  };
}
