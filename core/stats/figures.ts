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
 *   timed    计时办结      1 when done and the resolution clock ran (closedOnTime is true or false),
 *                          or when done and its first answer was late (firstLate)
 *   onTime   按期办结      1 when timed, answered by its deadline (closedOnTime true) and its first
 *                          answer was not late: a rework answered in time never makes a late first
 *                          answer on time (issue 11: a reopen must not hide lateness)
 *   late     超期办结      1 when timed and not onTime (answered after its deadline, or first answered late)
 *   odOpen   在办超期      1 while open and red (past its deadline), or open again (重办) after a
 *                          late first answer
 *   scored   已评价        1 when the enterprise gave a score (1-5)
 *   sat      满意          1 when that score is 4 or 5
 *   scoreSum 评分合计      the score
 *   everDone 曾办结        1 when done now or reopened at least once (answered at least once)
 *   reopened 重办          1 when reopened at least once (退回重办 by the enterprise, or an unsatisfied 回访)
 *   urges    催办次数      the request's urge count (催办, by the sweep when overdue)
 *   eu       企业催办      the enterprise's own urges (enterpriseUrgeCount, core/feedback/urge.ts)
 *   hb       退回改派      the request's hand-backs (handBackCount: 退回/申请改派 by the assigned officer)
 *   cb       回访          callbacks that reached the enterprise (callbacks with outcome satisfied or unsatisfied)
 *   cbBad    回访不满意    callbacks with outcome unsatisfied
 *   wmin     办结用时      when done: working minutes from submission to the (latest) answer,
 *                          by the working calendar (core/sla/calendar), rounded to whole minutes
 *   cw cg cy cr  台账颜色  1 in the request's ledger colour (white/green/yellow/red); rejected ones count in none
 * Visits (core/visits calls countVisit):
 *   visits   走访次数      1 per official visit (scan-in) in the period
 *   vents    走访企业数    distinct enterprises visited in the bucket's period
 * Supervision cards (督办卡), per department's part (CardParty); never in the counter documents: the
 * 红黄榜 reads the period's cards (core/rankings/rankings.ts) and adds partyContribution below:
 *   cards    督办卡        1 per part a department received on a card issued in the period (n is 1
 *                          too: a department's 收集 is its cards; collected = closed + inProgress +
 *                          rejected holds for requests and centers, not for departments)
 *   cardOk   按时接收      1 when the department accepted (接收) by its acceptDueAt, or returned (退回) its part by then
 *   cardLate 超时接收      1 when it accepted after acceptDueAt, or had not accepted (nor returned) when
 *                          acceptDueAt passed (still waiting now, or the card ended or its part was closed later)
 *   noAcc    未接收        1 when the department never accepted its part (and did not return it)
 *   and, only when the department took part (accepted and neither returned nor had its part closed,
 *   on a card not withdrawn), the card's request's own fields above (n excepted, hb excepted:
 *   hand-backs are officers'), so a department earns 办结/按期 only for work it took on.
 *
 * Derived figures (deriveFigures) — the ones shown:
 *   collected          收集问题         n  (departments in the 红黄榜: cards received)
 *   closed             办结             done
 *   inProgress         正在办理         open
 *   rejected           不予受理         rej
 *   onTimeRate         按期办结率       onTime / timed               (null when timed = 0)
 *   satisfactionRate   满意度           sat / scored  (share of 4-5)  (null when scored = 0)
 *   meanScore          平均评分         scoreSum / scored            (null when scored = 0)
 *   reopenRate         重办率           reopened / everDone          (null when everDone = 0)
 *   meanDaysToClose    平均办结用时     wmin / done / minutes of a working day  (working days; null when done = 0)
 *   overdue            超期             odOpen + late  (open and overdue now, or answered late, or first answered late)
 *   due                到期可判         timed + odOpen (requests whose keeping of the deadline is known)
 *   urges              催办             urges
 *   enterpriseUrges    企业催办         eu
 *   handBacks          退回改派         hb
 *   callbacks          回访             cb
 *   unsatisfied        回访不满意       cbBad
 *   callbackRate       回访满意率       1 − cbBad / cb               (null when cb = 0)
 *   cards              督办卡           cards
 *   cardsLate          超时接收         cardLate
 *   notAccepted        未接收           noAcc
 *   cardAcceptRate     按时接收率       cardOk / (cardOk + cardLate)  (null when neither)
 *   measured           可衡量事项       timed + odOpen + scored + cb + hb + cardLate: 0 means nothing
 *                                       about the unit's results can be judged yet (样本不足, core/rankings)
 *   visits             走访次数         visits
 *   enterprisesVisited 走访企业         vents
 *   colours            台账颜色分布     { white: cw, green: cg, yellow: cy, red: cr }
 */
import { OPEN_STATUSES, type Colour } from '../contract/catalog';
import type { CardParty, ServiceRequest, SupervisionCard } from '../model';
import { beijingDateKey } from '../time';
import type { WorkCalendar } from '../sla/calendar';
import { DIMENSIONS, RAW_FIELDS, type Dimension, type Group, type Raw, type RawField, type StatsKey } from './keys';

export { DIMENSIONS, RAW_FIELDS, type Dimension, type Group, type Raw, type RawField, type StatsKey };

/** the fields of supervision-card parts (partyContribution): never in the counter documents */
export const CARD_FIELDS: readonly RawField[] = ['cards', 'cardOk', 'cardLate', 'noAcc'];

const COLOUR_FIELD: Record<Colour, RawField> = { white: 'cw', green: 'cg', yellow: 'cy', red: 'cr' };
const DONE = new Set(['resolved', 'closed']);
const OPEN = new Set<string>(OPEN_STATUSES);

export type StatsRequest = Pick<
  ServiceRequest,
  '_id' | 'createdAt' | 'status' | 'tier' | 'tierOrgId' | 'deptIds' | 'category' | 'channel' | 'colour' | 'closedOnTime' | 'score' | 'reopenCount' | 'urgeCount' | 'resolvedAt'
> &
  Partial<Pick<ServiceRequest, 'firstLate' | 'handBackCount' | 'callbacks' | 'enterpriseUrgeCount' | 'scoredUnder'>>;

/** the score fields: what every scored request adds, a linked one (并件) included */
function scoreFields(f: Raw, score: number | null) {
  if (typeof score !== 'number') return;
  f.scored = 1;
  f.scoreSum = score;
  if (score >= 4) f.sat = 1;
}

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
  // 并件 (core/desk/merge.ts): a linked request is the main's work, counted once there; only its
  // enterprise's own score of the result counts (满意度 hears every enterprise), and it counts where
  // the main was handled (scoredUnder: its tier, center, category and departments when scored)
  if (r.status === 'merged') {
    const linked: Raw = {};
    scoreFields(linked, r.score);
    return { d: beijingDateKey(new Date(r.createdAt)), gs: groupsOf(r.scoredUnder ? { ...r, ...r.scoredUnder } : r), f: linked };
  }
  const f: Raw = { n: 1 };
  const done = DONE.has(r.status);
  const open = OPEN.has(r.status);
  if (open) f.open = 1;
  if (done) f.done = 1;
  if (r.status === 'rejected') f.rej = 1;
  // a late first answer stays late, whatever a rework does (firstLate, core/sla/clock.ts)
  const firstLate = r.firstLate === true;
  if (done && ((r.closedOnTime !== null && r.closedOnTime !== undefined) || firstLate)) {
    f.timed = 1;
    if (r.closedOnTime && !firstLate) f.onTime = 1;
    else f.late = 1;
  }
  if (open && (r.colour === 'red' || firstLate)) f.odOpen = 1;
  scoreFields(f, r.score);
  if (done || r.reopenCount > 0) f.everDone = 1;
  if (r.reopenCount > 0) f.reopened = 1;
  if (r.urgeCount > 0) f.urges = r.urgeCount;
  if ((r.enterpriseUrgeCount ?? 0) > 0) f.eu = r.enterpriseUrgeCount;
  if ((r.handBackCount ?? 0) > 0) f.hb = r.handBackCount;
  let cb = 0;
  let cbBad = 0;
  for (const c of r.callbacks ?? []) {
    if (c.outcome === 'satisfied') cb++;
    else if (c.outcome === 'unsatisfied') { cb++; cbBad++; }
  }
  if (cb) f.cb = cb;
  if (cbBad) f.cbBad = cbBad;
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

// ---------- supervision-card parts (the 红黄榜's departments) ----------

export type CardPartyForStats = Pick<CardParty, 'deptId' | 'role' | 'status' | 'at'> & Partial<Pick<CardParty, 'acceptDueAt' | 'acceptedAt' | 'closed'>>;
export type CardForStats = Pick<SupervisionCard, 'status' | 'issuedAt' | 'requestId'> & Partial<Pick<SupervisionCard, 'withdrawal'>> & { parties: CardPartyForStats[] };

const ms = (iso: string | null | undefined) => (iso ? Date.parse(iso) : NaN);

/** the department accepted its part (cards from before acceptedAt existed: accepted or replied) */
export function partyAccepted(p: CardPartyForStats): boolean {
  return p.acceptedAt !== undefined ? !!p.acceptedAt : p.status === 'accepted' || p.status === 'replied';
}

/** the department took part in the request's handling: accepted, neither returned nor closed, card not withdrawn */
export function partyTookPart(card: CardForStats, p: CardPartyForStats): boolean {
  return card.status !== 'withdrawn' && (p.status === 'accepted' || p.status === 'replied') && partyAccepted(p);
}

/**
 * Was the part accepted in time: 'ok' (accepted, or returned, by acceptDueAt), 'late' (accepted
 * after it, or not accepted when it passed), or null (not yet known, or a card without acceptDueAt).
 * A part never accepted had its chance until the card ended (the lead's answer or return, the
 * withdrawal) or its part was closed, else until `now`.
 */
export function partyAcceptance(card: CardForStats, p: CardPartyForStats, now: Date): 'ok' | 'late' | null {
  const due = ms(p.acceptDueAt);
  if (Number.isNaN(due)) return null;
  if (p.acceptedAt) return ms(p.acceptedAt) <= due ? 'ok' : 'late';
  if (p.status === 'returned') return ms(p.at) <= due ? 'ok' : 'late';
  const ended =
    p.status === 'closed' ? p.closed?.at ?? p.at
    : card.status === 'withdrawn' ? card.withdrawal?.at ?? null
    : card.status !== 'open' ? card.parties.find((x) => x.role === 'lead')?.at ?? null
    : null;
  const end = ended ? ms(ended) : now.getTime();
  return end > due ? 'late' : null;
}

/** What one department's part on a card adds to the department's figures (see the header). */
export function partyContribution(card: CardForStats, p: CardPartyForStats, r: StatsRequest | null, now: Date, calendar: WorkCalendar): Raw {
  const f: Raw = { n: 1, cards: 1 };
  const a = partyAcceptance(card, p, now);
  if (a === 'ok') f.cardOk = 1;
  else if (a === 'late') f.cardLate = 1;
  if (!partyAccepted(p) && p.status !== 'returned') f.noAcc = 1;
  if (r && partyTookPart(card, p)) {
    for (const [k, v] of Object.entries(contribution(r, calendar).f) as Array<[RawField, number]>) if (v && k !== 'n' && k !== 'hb') f[k] = v;
  }
  return f;
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
  due: number;
  urges: number;
  enterpriseUrges: number;
  handBacks: number;
  callbacks: number;
  unsatisfied: number;
  callbackRate: number | null;
  cards: number;
  cardsLate: number;
  notAccepted: number;
  cardAcceptRate: number | null;
  measured: number;
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
    due: r.timed + r.odOpen,
    urges: r.urges,
    enterpriseUrges: r.eu,
    handBacks: r.hb,
    callbacks: r.cb,
    unsatisfied: r.cbBad,
    callbackRate: r.cb > 0 ? 1 - r.cbBad / r.cb : null,
    cards: r.cards,
    cardsLate: r.cardLate,
    notAccepted: r.noAcc,
    cardAcceptRate: ratio(r.cardOk, r.cardOk + r.cardLate),
    measured: r.timed + r.odOpen + r.scored + r.cb + r.hb + r.cardLate,
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
