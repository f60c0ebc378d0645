/**
 * 红黄榜: the formula that ranks departments and tier centers for a period, and the thresholds that
 * put a unit on the red list (红榜, praise) or the yellow list (黄榜, warning). Pure; the
 * thresholds come from the settings document 'rankings' (defaults below). The figures and raw
 * counters named here are defined once, in core/stats/figures.ts.
 *
 * Units and what they are measured on:
 *   - a street or community center: the requests it holds (tierOrgId), submitted in the period;
 *   - a department: its parts (CardParty) on the supervision cards (督办卡) issued in the period.
 *     A department earns a request's 办结 / 按期 / 满意 only for a card it took part in (accepted,
 *     and neither returned nor closed by the dispatcher, on a card not withdrawn): a co-operating
 *     department that never accepted shows 未接收, not 办结 (figures.ts partyContribution).
 *
 * What weighs against a unit (issue 11: "rankings that measure"):
 *   - a late first answer: a request whose first answer came after its first deadline (firstLate)
 *     counts as late in 按期办结率 and in 超期, even when a rework after a reopen was on time;
 *   - reopens (重办率), by the enterprise's 退回重办 or by an unsatisfied 回访;
 *   - unsatisfied callbacks (回访不满意): the callback component, besides the reopen they cause;
 *   - cards not accepted in time (departments): accepted after acceptDueAt, or not accepted when it
 *     passed; the card-acceptance component, and a unit with one never goes on the red list;
 *   - hand-backs (退回改派, centers: against the center holding the request, tierOrgId);
 *   - overdue (超期) and urges (催办), as before, but measured only on requests whose deadline
 *     is decided (答复 on the clock, or overdue while open): a unit that answered nothing and let
 *     nothing run late gets no marks from them, rather than full marks.
 *
 *   components, each in [0, 1]; null when the period gives nothing to measure, and then left out:
 *     onTime        = 按期办结率 onTime / timed                  (null when timed = 0)
 *     satisfaction  = 满意度 sat / scored (share of 4-5)         (null when scored = 0)
 *     reopen        = 1 − 重办率 reopened / everDone             (null when everDone = 0)
 *     overdue       = 1 − min(1, 超期 / due)                     due = timed + odOpen (null when 0)
 *     urges         = 1 − min(1, 催办 / due)                     (null when due = 0)
 *     callback      = 回访满意率 1 − cbBad / cb                   (null when no callback reached the enterprise)
 *     handBack      = 1 − min(1, 退回改派 hb / 收集 n)           centers only (null for departments)
 *     cardAccept    = 按时接收率 cardOk / (cardOk + cardLate)     departments only (null for centers,
 *                                                                and when no acceptance is decided yet)
 *
 *   score (综合得分, 0-100, one decimal) = 100 × Σ wᵢ·componentᵢ / Σ wᵢ over the non-null components
 *     default weights: onTime 30, satisfaction 20, reopen 10, overdue 10, urges 5, callback 10,
 *     handBack 5, cardAccept 10
 *
 *   measurable: a unit's measurable items (figures.measured) = timed (answered on the clock) +
 *     odOpen (overdue while open) + scored + cb (callbacks that reached the enterprise) + hb
 *     (hand-backs) + cardLate (cards not accepted in time). Requests still within their deadline,
 *     unanswered, unscored and not called back tell nothing yet; neither does a card accepted in
 *     time on its own (that is expected, not a result), while a fault is evidence at once.
 *
 *   ranked (eligible) only with at least `minCases` collected (default 3; cards for a department)
 *   AND at least one measurable item; every other unit is listed apart as 样本不足 with its reason,
 *   has no score and no rank, and is on neither list. So a unit with nothing measurable never
 *   scores full marks by default.
 *
 *   黄榜 (warning) when ranked and ANY of:
 *     score < yellow.belowScore (75) · onTimeRate < yellow.onTimeBelow (80%) ·
 *     overdue ≥ yellow.overdueAtLeast (3) · satisfactionRate < yellow.satisfactionBelow (80%) ·
 *     cards not accepted in time ≥ yellow.lateCardsAtLeast (2)
 *     — the lowest scores first, at most yellow.maxSize (5).
 *   红榜 (praise) when ranked, not on the yellow list, and ALL of:
 *     score ≥ red.minScore (90) · overdue ≤ red.maxOverdue (0) · closed ≥ red.minClosed (1) ·
 *     cards not accepted in time ≤ red.maxLateCards (0) · unsatisfied callbacks ≤ red.maxUnsatisfied (0)
 *     — the highest scores first, at most red.maxSize (5).
 *   Ties: higher score, then more requests collected, then name.
 */
import { percentText, type Figures } from '../stats/figures';

export type Weights = {
  onTime: number; satisfaction: number; reopen: number; overdue: number; urges: number;
  callback: number; handBack: number; cardAccept: number;
};

export type RankingSettings = {
  weights: Weights;
  minCases: number;
  red: { minScore: number; maxOverdue: number; minClosed: number; maxSize: number; maxLateCards: number; maxUnsatisfied: number };
  yellow: { belowScore: number; onTimeBelow: number; overdueAtLeast: number; satisfactionBelow: number; maxSize: number; lateCardsAtLeast: number };
};

export const DEFAULT_RANKING_SETTINGS: RankingSettings = {
  weights: { onTime: 30, satisfaction: 20, reopen: 10, overdue: 10, urges: 5, callback: 10, handBack: 5, cardAccept: 10 },
  minCases: 3,
  red: { minScore: 90, maxOverdue: 0, minClosed: 1, maxSize: 5, maxLateCards: 0, maxUnsatisfied: 0 },
  yellow: { belowScore: 75, onTimeBelow: 0.8, overdueAtLeast: 3, satisfactionBelow: 0.8, maxSize: 5, lateCardsAtLeast: 2 },
};

export type UnitKind = 'department' | 'center';
/** the figures a unit is ranked on (figures.ts deriveFigures; raw optional) */
export type UnitFigures = Omit<Figures, 'raw'> & Partial<Pick<Figures, 'raw'>>;
export type UnitInput = { kind: UnitKind; id: string; name: string; tierLabel?: string; figures: UnitFigures };

export type Components = { [K in keyof Weights]: number | null };

export type RankedFigures = Pick<
  Figures,
  | 'collected' | 'closed' | 'inProgress' | 'onTimeRate' | 'satisfactionRate' | 'meanScore' | 'reopenRate' | 'overdue' | 'due' | 'urges'
  | 'handBacks' | 'callbacks' | 'unsatisfied' | 'cards' | 'cardsLate' | 'notAccepted' | 'cardAcceptRate' | 'measured'
>;

export type RankedUnit = {
  kind: UnitKind;
  id: string;
  name: string;
  tierLabel?: string;
  /** ranked: enough cases and at least one measurable item; false: 样本不足 (see `reasons`) */
  eligible: boolean;
  /** rank within its kind (1 = best); null when not ranked */
  rank: number | null;
  score: number | null;
  components: Components;
  figures: RankedFigures;
  list: 'red' | 'yellow' | null;
  /** why it is on its list; for a unit not ranked, why (样本不足) */
  reasons: string[];
};

const share = (bad: number, of: number) => (of > 0 ? 1 - Math.min(1, bad / of) : null);

export function components(kind: UnitKind, f: UnitFigures): Components {
  return {
    onTime: f.onTimeRate,
    satisfaction: f.satisfactionRate,
    reopen: f.reopenRate === null ? null : 1 - f.reopenRate,
    overdue: share(f.overdue, f.due),
    urges: share(f.urges, f.due),
    callback: f.callbackRate,
    handBack: kind === 'center' ? share(f.handBacks, f.collected) : null,
    cardAccept: kind === 'department' ? f.cardAcceptRate : null,
  };
}

export function scoreOf(c: Components, w: Weights): number | null {
  let sum = 0;
  let weights = 0;
  for (const k of Object.keys(c) as Array<keyof Components>) {
    const v = c[k];
    const wk = w[k];
    if (v === null || !(wk > 0)) continue;
    sum += wk * v;
    weights += wk;
  }
  return weights > 0 ? Math.round((1000 * sum) / weights) / 10 : null;
}

const pct = (r: number | null) => percentText(r);

/** why a unit is not ranked (样本不足), or null when it is */
export function notRankedWhy(kind: UnitKind, f: UnitFigures, minCases: number): string | null {
  const what = kind === 'department' ? '督办卡' : '诉求';
  const unit = kind === 'department' ? '张' : '项';
  if (f.collected < minCases) return `样本不足：本期${what}${f.collected}${unit}，少于${minCases}${unit}`;
  if (f.measured < 1) {
    return kind === 'department'
      ? `样本不足：${f.collected}张督办卡均无可衡量事项（尚无计时办结、超期、评价或回访，接收均未逾期）`
      : `样本不足：${f.collected}项诉求均无可衡量事项（尚无计时办结、超期、评价、回访或退回改派）`;
  }
  return null;
}

/** ranks units, and picks the red and yellow lists */
export function rankUnits(units: UnitInput[], s: RankingSettings): { units: RankedUnit[]; red: RankedUnit[]; yellow: RankedUnit[] } {
  const ranked: RankedUnit[] = units.map((u) => {
    const f = u.figures;
    const c = components(u.kind, f);
    const why = notRankedWhy(u.kind, f, s.minCases);
    const eligible = why === null;
    const score = eligible ? scoreOf(c, s.weights) : null;
    return {
      kind: u.kind, id: u.id, name: u.name, ...(u.tierLabel ? { tierLabel: u.tierLabel } : {}),
      eligible, rank: null, score, components: c,
      figures: {
        collected: f.collected, closed: f.closed, inProgress: f.inProgress, onTimeRate: f.onTimeRate, satisfactionRate: f.satisfactionRate,
        meanScore: f.meanScore, reopenRate: f.reopenRate, overdue: f.overdue, due: f.due, urges: f.urges,
        handBacks: f.handBacks, callbacks: f.callbacks, unsatisfied: f.unsatisfied,
        cards: f.cards, cardsLate: f.cardsLate, notAccepted: f.notAccepted, cardAcceptRate: f.cardAcceptRate, measured: f.measured,
      },
      list: null, reasons: why ? [why] : [],
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
    if (f.cardsLate > 0 && f.cardsLate >= s.yellow.lateCardsAtLeast) why.push(`督办卡超时未接收${f.cardsLate}张`);
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
    if (f.cardsLate > s.red.maxLateCards || f.unsatisfied > s.red.maxUnsatisfied) continue;
    u.list = 'red';
    u.reasons = [
      `综合得分${u.score}分`,
      ...(f.onTimeRate !== null ? [`按期办结率${pct(f.onTimeRate)}`] : []),
      ...(f.satisfactionRate !== null ? [`满意度${pct(f.satisfactionRate)}`] : []),
      f.overdue === 0 ? '无超期' : `超期${f.overdue}项`,
      ...(u.kind === 'department' && f.cardAcceptRate !== null ? [`督办卡按时接收${pct(f.cardAcceptRate)}`] : []),
      ...(f.callbacks > 0 ? [`回访满意${pct(1 - f.unsatisfied / f.callbacks)}`] : []),
    ];
    red.push(u);
  }
  return { units: ranked, red, yellow };
}

/** the 评分办法 in one paragraph, for the 简报 workbook (the rankings page shows the same, item by item) */
export function methodText(s: RankingSettings): string {
  const w = s.weights;
  return [
    `综合得分 = 100 × Σ权重×分项 ÷ Σ权重，只计本期能衡量的分项；权重：按期办结率${w.onTime}（首次答复超期的诉求计为超期，重办后按期也不改变）、满意度${w.satisfaction}、未重办${w.reopen}（回访不满意计为重办）、`,
    `未超期${w.overdue}、未催办${w.urges}（按到期可判的诉求计）、回访满意${w.callback}、未退回改派${w.handBack}（街道、社区）、督办卡按时接收${w.cardAccept}（部门）。`,
    `部门按本期下发的督办卡统计，未接收的督办卡不计办结、按期。`,
    `收集少于${s.minCases}项（部门：督办卡少于${s.minCases}张）或尚无可衡量事项的单位为样本不足，不参与排名、不上榜。`,
  ].join('');
}
