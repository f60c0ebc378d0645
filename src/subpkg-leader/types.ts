/** What the dashboard, 红黄榜 and 简报 actions return (core/stats/dashboard.ts, core/rankings, core/briefing). */
import type { Colour } from '../shared/api-types';

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

export type Dashboard = {
  period: PeriodInfo;
  scope: { label: string; whole: boolean; departmentId: string | null };
  figures: Figures;
  headline: string[];
  trend: Array<{ key: string; label: string; collected: number; closed: number; inProgress: number; rejected: number; onTimeRate: number | null; satisfactionRate: number | null }>;
  byCategory: BreakdownRow[] | null;
  byChannel: BreakdownRow[] | null;
  byTier: BreakdownRow[] | null;
  byDepartment: BreakdownRow[] | null;
  byCenter: BreakdownRow[] | null;
  minutesPerDay: number;
  asOf: string;
};

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

export type RankingList = {
  _id: string;
  period: Omit<PeriodInfo, 'granularity'>;
  computedAt: string;
  computedBy: { id: string; name: string } | null;
  settings: RankingSettings;
  units: RankedUnit[];
  red: RankedUnit[];
  yellow: RankedUnit[];
};

export type RankingSummary = { id: string; period: Omit<PeriodInfo, 'granularity'>; computedAt: string; computedBy: { id: string; name: string } | null; red: string[]; yellow: string[] };

export type BriefingCase = {
  id: string; no: string; enterpriseName: string; categoryName: string; status: string; colour: string;
  description: string; result: string | null; score: number | null; urgeCount: number; reopenCount: number; handler: string; createdAt: string; note: string;
};

export type Briefing = {
  title: string;
  issue: number;
  issueLabel: string;
  publisher: string;
  date: string;
  period: PeriodInfo;
  figures: Figures;
  headline: string[];
  trend: Dashboard['trend'];
  byCategory: BreakdownRow[];
  byDepartment: BreakdownRow[];
  byCenter: BreakdownRow[];
  ranking: Pick<RankingList, '_id' | 'computedAt' | 'units' | 'red' | 'yellow' | 'settings'>;
  cases: { praised: BriefingCase[]; warned: BriefingCase[] };
  url?: string;
  fileID?: string;
};
