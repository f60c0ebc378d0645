/**
 * The figures leaders read (领导看板, 红黄榜, 简报), each defined ONCE, here.
 *
 * Every request figure is counted by COHORT: a request belongs to the Beijing date (and month,
 * quarter, year) it was submitted on, and its contribution there follows its current state. So
 * "本月收集问题161项，办结150项，11项正在办理" reads as in the seeds: of the 161 problems collected
 * this month, 150 are answered and 11 still being handled (collected = closed + in progress +
 * rejected, always). A request's contribution is a small set of raw counter fields (RAW below)
 * in each bucket it counts in: the whole district ('all'), its tier (社区/街道/区), the tier center
 * that holds it (org), each department of its supervision card (dept), its category and channel.
 *
 * Raw counter fields per bucket (all integers; what one request adds):
 *   n        收集问题      1 for every request submitted in the period (any channel, any outcome)
 *   open     正在办理      1 while the status is open: queued, dispatch, assigned, accepted, paused, supervised
 *   done     办结          1 once answered: status resolved (待评价) or closed (已办结)
 *   rej      不予受理      1 when rejected by a dispatcher
 *   timed    计时办结      1 when done and the resolution clock ran (closedOnTime is true or false)
 *   onTime   按期办结      1 when done and answered by its deadline (closedOnTime true)
 *   late     超期办结      1 when done after its deadline (closedOnTime false)
 *   odOpen   在办超期      1 while open and red (past its deadline)
 *   scored   已评价        1 when the enterprise gave a score (1-5)
 *   sat      满意          1 when that score is 4 or 5
 *   scoreSum 评分合计      the score
 *   everDone 曾办结        1 when done now or reopened at least once (answered at least once)
 *   reopened 重办          1 when reopened (退回重办) at least once
 *   urges    催办次数      the request's urge count (催办, by the sweep when overdue)
 *   wmin     办结用时      when done: working minutes from submission to the (latest) answer,
 *                          by the working calendar (core/sla/calendar), rounded to whole minutes
 *   cw cg cy cr  台账颜色  1 in the request's ledger colour (white/green/yellow/red); rejected ones count in none
 * Visits (core/visits calls countVisit):
 *   visits   走访次数      1 per official visit (scan-in) in the period
 *   vents    走访企业数    distinct enterprises visited in the bucket's period
 *
 * Derived figures (deriveFigures) — the ones shown:
 *   collected          收集问题         n
 *   closed             办结             done
 *   inProgress         正在办理         open
 *   rejected           不予受理         rej
 *   onTimeRate         按期办结率       onTime / timed               (null when timed = 0)
 *   satisfactionRate   满意度           sat / scored  (share of 4-5)  (null when scored = 0)
 *   meanScore          平均评分         scoreSum / scored            (null when scored = 0)
 *   reopenRate         重办率           reopened / everDone          (null when everDone = 0)
 *   meanDaysToClose    平均办结用时     wmin / done / minutes of a working day  (working days; null when done = 0)
 *   overdue            超期             odOpen + late  (open and overdue now, or answered late)
 *   urges              催办             urges
 *   visits             走访次数         visits
 *   enterprisesVisited 走访企业         vents
 *   colours            台账颜色分布     { white: cw, green: cg, yellow: cy, red: cr }
 */
import { OPEN_STATUSES, type Colour } from '../catalog';
import type { ServiceRequest } from '../model';
import { beijingDateKey } from '../time';
import type { WorkCalendar } from '../sla/calendar';

export const RAW_FIELDS = [
  'n', 'open', 'done', 'rej', 'timed', 'onTime', 'late', 'odOpen', 'scored', 'sat', 'scoreSum',
  'everDone', 'reopened', 'urges', 'wmin', 'cw', 'cg', 'cy', 'cr', 'visits', 'vents',
] as const;
export type RawField = (typeof RAW_FIELDS)[number];
export type Raw = Partial<Record<RawField, number>>;

/** the fields a request contributes (visits and vents come from visits, never from requests) */
export const REQUEST_FIELDS: readonly RawField[] = RAW_FIELDS.filter((f) => f !== 'visits' && f !== 'vents');

/** bucket dimensions; 'all' is the whole district */
export const DIMENSIONS = ['tier', 'org', 'dept', 'cat', 'ch'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
/** a bucket a request counts in: 'all' or `${dimension}:${value}` (e.g. 'cat:dianli', 'dept:dep-zjj') */
export type Group = 'all' | `${Dimension}:${string}`;

/**
 * What one request adds to the counters, stored on the request (its `stats.key`) so the next
 * change can subtract exactly what was added. `d` is the Beijing submission date (YYYYMMDD).
 */
export type StatsKey = { d: string; gs: Group[]; f: Raw };

const COLOUR_FIELD: Record<Colour, RawField> = { white: 'cw', green: 'cg', yellow: 'cy', red: 'cr' };
const DONE = new Set(['resolved', 'closed']);
const OPEN = new Set<string>(OPEN_STATUSES);

export type StatsRequest = Pick<
  ServiceRequest,
  '_id' | 'createdAt' | 'status' | 'tier' | 'tierOrgId' | 'deptIds' | 'category' | 'channel' | 'colour' | 'closedOnTime' | 'score' | 'reopenCount' | 'urgeCount' | 'resolvedAt'
>;

/** the buckets a request counts in */
export function groupsOf(r: StatsRequest): Group[] {
  const gs: Group[] = ['all', `tier:${r.tier}`, `org:${r.tierOrgId}`, `cat:${r.category}`, `ch:${r.channel}`];
  for (const d of new Set(r.deptIds ?? [])) gs.push(`dept:${d}`);
  return gs;
}

/** working minutes from submission to the latest answer (0 when not answered) */
export function minutesToClose(r: StatsRequest, calendar: WorkCalendar): number {
  if (!DONE.has(r.status) || !r.resolvedAt) return 0;
  const m = calendar.workingMinutesBetween(new Date(r.createdAt), new Date(r.resolvedAt)).minutes;
  return Math.max(0, Math.round(m));
}

/** The definition of every request figure, as the raw fields one request adds (see the header). */
export function contribution(r: StatsRequest, calendar: WorkCalendar): StatsKey {
  const f: Raw = { n: 1 };
  const done = DONE.has(r.status);
  const open = OPEN.has(r.status);
  if (open) f.open = 1;
  if (done) f.done = 1;
  if (r.status === 'rejected') f.rej = 1;
  if (done && r.closedOnTime !== null && r.closedOnTime !== undefined) {
    f.timed = 1;
    if (r.closedOnTime) f.onTime = 1;
    else f.late = 1;
  }
  if (open && r.colour === 'red') f.odOpen = 1;
  if (typeof r.score === 'number') {
    f.scored = 1;
    f.scoreSum = r.score;
    if (r.score >= 4) f.sat = 1;
  }
  if (done || r.reopenCount > 0) f.everDone = 1;
  if (r.reopenCount > 0) f.reopened = 1;
  if (r.urgeCount > 0) f.urges = r.urgeCount;
  if (done) {
    const wmin = minutesToClose(r, calendar);
    if (wmin) f.wmin = wmin;
  }
  if (r.status !== 'rejected') f[COLOUR_FIELD[r.colour] ?? 'cw'] = 1;
  return { d: beijingDateKey(new Date(r.createdAt)), gs: groupsOf(r), f };
}

export function sameKey(a: StatsKey | null | undefined, b: StatsKey | null | undefined): boolean {
  if (!a || !b) return !a && !b;
  if (a.d !== b.d || a.gs.length !== b.gs.length || a.gs.some((g, i) => g !== b.gs[i])) return false;
  const fa = Object.entries(a.f).filter(([, v]) => v);
  const fb = Object.entries(b.f).filter(([, v]) => v);
  return fa.length === fb.length && fa.every(([k, v]) => b.f[k as RawField] === v);
}

// ---------- derived figures ----------

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
  /** the raw counters behind the figures, for tables and checks */
  raw: Required<Raw>;
};

export function emptyRaw(): Required<Raw> {
  return Object.fromEntries(RAW_FIELDS.map((k) => [k, 0])) as Required<Raw>;
}

/** adds b into a (in place) */
export function addRaw(a: Required<Raw>, b: Raw | undefined): Required<Raw> {
  if (!b) return a;
  for (const k of RAW_FIELDS) {
    const v = b[k];
    if (typeof v === 'number') a[k] += v;
  }
  return a;
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

export function deriveFigures(raw: Raw, minutesPerDay: number): Figures {
  const r = addRaw(emptyRaw(), raw);
  return {
    collected: r.n,
    closed: r.done,
    inProgress: r.open,
    rejected: r.rej,
    onTimeRate: ratio(r.onTime, r.timed),
    satisfactionRate: ratio(r.sat, r.scored),
    meanScore: ratio(r.scoreSum, r.scored),
    reopenRate: ratio(r.reopened, r.everDone),
    meanDaysToClose: r.done > 0 && minutesPerDay > 0 ? r.wmin / r.done / minutesPerDay : null,
    overdue: r.odOpen + r.late,
    urges: r.urges,
    visits: r.visits,
    enterprisesVisited: r.vents,
    colours: { white: r.cw, green: r.cg, yellow: r.cy, red: r.cr },
    raw: r,
  };
}

// ---------- the headline sentences (as the seeds report figures) ----------

/** 0.9634 → "96%"; "96%以上" when the exact rate is above the whole percent shown */
export function percentText(rate: number | null, withAbove = false): string {
  if (rate === null) return '—';
  const whole = Math.floor(rate * 100 + 1e-9);
  if (withAbove && rate < 1 && rate * 100 - whole > 1e-9) return `${whole}%以上`;
  const p = Math.round(rate * 1000) / 10;
  return Number.isInteger(p) ? `${p}%` : `${p.toFixed(1)}%`;
}

export function daysText(days: number | null): string {
  return days === null ? '—' : `${days.toFixed(1)}个工作日`;
}

/**
 * "收集问题161项，办结150项，11项正在办理，满意度96%以上" and the sentences after it.
 * `lead` names the period and scope, e.g. "2026年11月，云溪区".
 */
export function headline(fig: Figures, lead: string): string[] {
  const out: string[] = [];
  const parts = [`收集问题${fig.collected}项`, `办结${fig.closed}项`, `${fig.inProgress}项正在办理`];
  if (fig.rejected) parts.push(`不予受理${fig.rejected}项`);
  if (fig.satisfactionRate !== null) parts.push(`满意度${percentText(fig.satisfactionRate, true)}`);
  out.push(`${lead}${parts.join('，')}。`);
  const second: string[] = [];
  if (fig.onTimeRate !== null) second.push(`按期办结率${percentText(fig.onTimeRate)}`);
  if (fig.meanScore !== null) second.push(`平均评分${fig.meanScore.toFixed(1)}分`);
  if (fig.meanDaysToClose !== null) second.push(`平均办结用时${daysText(fig.meanDaysToClose)}`);
  if (fig.reopenRate !== null) second.push(`重办率${percentText(fig.reopenRate)}`);
  if (second.length) out.push(`${second.join('，')}。`);
  const third: string[] = [];
  third.push(fig.overdue ? `超期${fig.overdue}项` : '无超期诉求');
  if (fig.urges) third.push(`催办${fig.urges}次`);
  third.push(fig.visits ? `走访企业${fig.enterprisesVisited}家${fig.visits}次` : '走访企业0家');
  out.push(`${third.join('，')}。`);
  return out;
}
