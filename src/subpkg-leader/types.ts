/** What the dashboard, 红黄榜 and 简报 actions return (core/stats/dashboard.ts, core/rankings, core/briefing). */
import type { Colour } from '../shared/api-types';
import type { Answer } from '../../core/contract/answers';

export type PeriodKind = 'month' | 'quarter' | 'year' | 'custom';
export type PeriodQuery = { period: PeriodKind; key?: string; from?: string; to?: string };

export type Figures = {
  collected: number;
  closed: number;
  inProgress: number;
  rejected: number;
  onTimeRate: number | null;
  satisfactionRate: number | null;
  meanScore: number | null;
  reopenRate: number | null;
  meanDaysToClose: number | null;
  overdue: number;
  urges: number;
  visits: number;
  enterprisesVisited: number;
  colours: Record<Colour, number>;
};

export type BreakdownRow = Figures & { id: string; name: string; extra?: string };

export type PeriodInfo = { kind: PeriodKind; key: string; id: string; label: string; from: string; to: string; granularity: 'day' | 'month' };

/** the dashboard of a period (stats.dashboard) */
export type Dashboard = Answer<'stats.dashboard'>;

export type RankedUnit = {
  kind: 'department' | 'center';
  id: string;
  name: string;
  tierLabel?: string;
  eligible: boolean;
  rank: number | null;
  score: number | null;
  figures: {
    collected: number; closed: number; inProgress: number; onTimeRate: number | null; satisfactionRate: number | null;
    meanScore: number | null; reopenRate: number | null; overdue: number; urges: number;
  };
  list: 'red' | 'yellow' | null;
  reasons: string[];
};

export type RankingSettings = {
  weights: { onTime: number; satisfaction: number; reopen: number; overdue: number; urges: number };
  minCases: number;
  red: { minScore: number; maxOverdue: number; minClosed: number; maxSize: number };
  yellow: { belowScore: number; onTimeBelow: number; overdueAtLeast: number; satisfactionBelow: number; maxSize: number };
};

/** a stored 红黄榜 (rankings.get, rankings.compute) */
export type RankingList = Answer<'rankings.get'>;

/** a stored 红黄榜 as the list shows it */
export type RankingSummary = Answer<'rankings.list'>['items'][number];

export type BriefingCase = {
  id: string; no: string; enterpriseName: string; categoryName: string; status: string; colour: string;
  description: string; result: string | null; score: number | null; urgeCount: number; reopenCount: number; handler: string; createdAt: string; note: string;
};

/** a period's 简报 (briefing.generate) */
export type Briefing = Answer<'briefing.generate'>;
