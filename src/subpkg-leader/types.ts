/** What the dashboard, 红黄榜 and 简报 actions return (core/stats/dashboard.ts, core/rankings, core/briefing). */
import type { Answer } from '../../core/contract/answers';

export type PeriodKind = 'month' | 'quarter' | 'year' | 'custom';
export type PeriodQuery = { period: PeriodKind; key?: string; from?: string; to?: string };

/** a row of the dashboard's category, department and center tables (stats.dashboard) */
export type BreakdownRow = NonNullable<Dashboard['byCategory']>[number];

/** the dashboard of a period (stats.dashboard) */
export type Dashboard = Answer<'stats.dashboard'>;

/** a unit of a stored 红黄榜, as rankings.get answers it */
export type RankedUnit = RankingList['units'][number];

/** the rules a 红黄榜 was computed under, as rankings.get answers them */
export type RankingSettings = RankingList['settings'];

/** a stored 红黄榜 (rankings.get, rankings.compute) */
export type RankingList = Answer<'rankings.get'>;

/** a stored 红黄榜 as the list shows it */
export type RankingSummary = Answer<'rankings.list'>['items'][number];

/** a notable case of a 简报 (典型案例, 警示案例) */
export type BriefingCase = Briefing['cases']['praised'][number];

/** a period's 简报 (briefing.generate) */
export type Briefing = Answer<'briefing.generate'>;
