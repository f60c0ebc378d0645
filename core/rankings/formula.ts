/**
 * 红黄榜: the formula that ranks departments and tier centers for a period, and the thresholds that
 * put a unit on the red list (红榜, praise) or the yellow list (黄榜, warning). Pure; the
 * thresholds come from the settings document 'rankings' (defaults below).
 *
 * For each unit (a department, by the requests its supervision cards involve; a street or
 * community center, by the requests it holds) over the period's cohort (figures.ts):
 *
 *   components, each in [0, 1] (null when the period gives nothing to measure):
 *     onTime        = 按期办结率 onTimeRate                    (null when nothing was answered on the clock)
 *     satisfaction  = 满意度 satisfactionRate (share of 4-5)   (null when nothing was scored)
 *     reopen        = 1 − 重办率 reopenRate                    (null when nothing was answered yet)
 *     overdue       = 1 − min(1, 超期 overdue / 收集 collected)
 *     urges         = 1 − min(1, 催办 urges / 收集 collected)
 *
 *   score (综合得分, 0-100, one decimal) = 100 × Σ wᵢ·componentᵢ / Σ wᵢ over the non-null components
 *     default weights: onTime 40, satisfaction 30, reopen 10, overdue 10, urges 10
 *
 *   ranked only with at least `minCases` requests (default 3); others are listed as 样本不足.
 *
 *   黄榜 (warning) when ranked and ANY of:
 *     score < yellow.belowScore (75) · onTimeRate < yellow.onTimeBelow (80%) ·
 *     overdue ≥ yellow.overdueAtLeast (3) · satisfactionRate < yellow.satisfactionBelow (80%)
 *     — the lowest scores first, at most yellow.maxSize (5).
 *   红榜 (praise) when ranked, not on the yellow list, and ALL of:
 *     score ≥ red.minScore (90) · overdue ≤ red.maxOverdue (0) · closed ≥ red.minClosed (1)
 *     — the highest scores first, at most red.maxSize (5).
 *   Ties: higher score, then more requests collected, then name.
 */
import type { Figures } from '../stats/figures';
import { percentText } from '../stats/figures';

export type RankingSettings = {
  weights: { onTime: number; satisfaction: number; reopen: number; overdue: number; urges: number };
  minCases: number;
  red: { minScore: number; maxOverdue: number; minClosed: number; maxSize: number };
  yellow: { belowScore: number; onTimeBelow: number; overdueAtLeast: number; satisfactionBelow: number; maxSize: number };
};

export const DEFAULT_RANKING_SETTINGS: RankingSettings = {
  weights: { onTime: 40, satisfaction: 30, reopen: 10, overdue: 10, urges: 10 },
  minCases: 3,
  red: { minScore: 90, maxOverdue: 0, minClosed: 1, maxSize: 5 },
  yellow: { belowScore: 75, onTimeBelow: 0.8, overdueAtLeast: 3, satisfactionBelow: 0.8, maxSize: 5 },
};

export type UnitKind = 'department' | 'center';
export type UnitInput = { kind: UnitKind; id: string; name: string; tierLabel?: string; figures: Omit<Figures, 'raw'> & Partial<Pick<Figures, 'raw'>> };

export type Components = { onTime: number | null; satisfaction: number | null; reopen: number | null; overdue: number | null; urges: number | null };

export type RankedUnit = {
  kind: UnitKind;
  id: string;
  name: string;
  tierLabel?: string;
  eligible: boolean;
  /** rank within its kind (1 = best); null when not ranked */
  rank: number | null;
  score: number | null;
  components: Components;
  figures: {
    collected: number; closed: number; inProgress: number; onTimeRate: number | null; satisfactionRate: number | null;
    meanScore: number | null; reopenRate: number | null; overdue: number; urges: number;
  };
  list: 'red' | 'yellow' | null;
  reasons: string[];
};

export function components(f: UnitInput['figures']): Components {
  const n = f.collected;
  return {
    onTime: f.onTimeRate,
    satisfaction: f.satisfactionRate,
    reopen: f.reopenRate === null ? null : 1 - f.reopenRate,
    overdue: n > 0 ? 1 - Math.min(1, f.overdue / n) : null,
    urges: n > 0 ? 1 - Math.min(1, f.urges / n) : null,
  };
}

export function scoreOf(c: Components, w: RankingSettings['weights']): number | null {
  let sum = 0;
  let weights = 0;
  for (const k of Object.keys(w) as Array<keyof Components>) {
    const v = c[k];
    if (v === null || !(w[k] > 0)) continue;
    sum += w[k] * v;
    weights += w[k];
  }
  return weights > 0 ? Math.round((1000 * sum) / weights) / 10 : null;
}

const pct = (r: number | null) => percentText(r);

/** ranks units, and picks the red and yellow lists */
export function rankUnits(units: UnitInput[], s: RankingSettings): { units: RankedUnit[]; red: RankedUnit[]; yellow: RankedUnit[] } {
  const ranked: RankedUnit[] = units.map((u) => {
    const f = u.figures;
    const c = components(f);
    const eligible = f.collected >= s.minCases;
    const score = eligible ? scoreOf(c, s.weights) : null;
    return {
      kind: u.kind, id: u.id, name: u.name, ...(u.tierLabel ? { tierLabel: u.tierLabel } : {}),
      eligible, rank: null, score, components: c,
      figures: {
        collected: f.collected, closed: f.closed, inProgress: f.inProgress, onTimeRate: f.onTimeRate, satisfactionRate: f.satisfactionRate,
        meanScore: f.meanScore, reopenRate: f.reopenRate, overdue: f.overdue, urges: f.urges,
      },
      list: null, reasons: [],
    };
  });
  const order = (a: RankedUnit, b: RankedUnit) =>
    (b.score ?? -1) - (a.score ?? -1) || b.figures.collected - a.figures.collected || a.name.localeCompare(b.name, 'zh') || a.id.localeCompare(b.id);
  ranked.sort(order);
  for (const kind of ['department', 'center'] as UnitKind[]) {
    let i = 0;
    for (const u of ranked) if (u.kind === kind && u.eligible) u.rank = ++i;
  }

  const yellowCandidates: RankedUnit[] = [];
  for (const u of ranked) {
    if (!u.eligible || u.score === null) continue;
    const f = u.figures;
    const why: string[] = [];
    if (u.score < s.yellow.belowScore) why.push(`综合得分${u.score}分，低于${s.yellow.belowScore}分`);
    if (f.onTimeRate !== null && f.onTimeRate < s.yellow.onTimeBelow) why.push(`按期办结率${pct(f.onTimeRate)}，低于${pct(s.yellow.onTimeBelow)}`);
    if (f.overdue >= s.yellow.overdueAtLeast) why.push(`超期${f.overdue}项`);
    if (f.satisfactionRate !== null && f.satisfactionRate < s.yellow.satisfactionBelow) why.push(`满意度${pct(f.satisfactionRate)}，低于${pct(s.yellow.satisfactionBelow)}`);
    if (why.length) { u.reasons = why; yellowCandidates.push(u); }
  }
  const yellow = [...yellowCandidates].sort((a, b) => -order(a, b)).slice(0, Math.max(0, s.yellow.maxSize));
  for (const u of yellow) u.list = 'yellow';
  for (const u of yellowCandidates) if (u.list !== 'yellow') u.reasons = [];

  const red: RankedUnit[] = [];
  for (const u of ranked) {
    if (red.length >= s.red.maxSize) break;
    if (!u.eligible || u.score === null || yellowCandidates.includes(u)) continue;
    const f = u.figures;
    if (u.score < s.red.minScore || f.overdue > s.red.maxOverdue || f.closed < s.red.minClosed) continue;
    u.list = 'red';
    u.reasons = [
      `综合得分${u.score}分`,
      ...(f.onTimeRate !== null ? [`按期办结率${pct(f.onTimeRate)}`] : []),
      ...(f.satisfactionRate !== null ? [`满意度${pct(f.satisfactionRate)}`] : []),
      f.overdue === 0 ? '无超期' : `超期${f.overdue}项`,
    ];
    red.push(u);
  }
  return { units: ranked, red, yellow };
}
