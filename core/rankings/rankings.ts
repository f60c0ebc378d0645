/**
 * 红黄榜 actions: compute a period's lists (and keep them: one stored list per period, recomputing
 * replaces it), list and read past ones, read and change the thresholds. The sweep timer keeps the
 * current month's and quarter's lists computed (refreshRankings, hourly); the action recomputes by hand.
 *
 * Where the figures come from (the formula and what counts: formula.ts; each figure: figures.ts):
 *   - street and community centers: the counters (org buckets of the period's counter documents);
 *   - departments: the supervision cards issued in the period, read page by page (core/read-all:
 *     ceil((cards + 1) / 100) finds) with their requests (getMany: ceil(requests / 100) finds), each
 *     department's part added by figures.ts partyContribution. Card acceptance is per department and
 *     per card, and a department earns a request's outcome only for a card it took part in: neither
 *     is in a request's own counters (whose dept buckets count every department of the card), so the
 *     list reads the cards. A month's cards in a district are tens to a few hundred: a few reads,
 *     once per computation (the list is stored), never on a dashboard view.
 */
import { z } from 'zod';
import { C } from '../collections';
import { Ctx, hasRole, requireRole } from '../context';
import { AppError } from '../errors';
import type { Org, Setting, SupervisionCard } from '../model';
import { MAX_PAGE, StoreError, type Ports } from '../ports';
import { allOrgs } from '../desk/scope';
import { loadSla } from '../sla/policy';
import { parseInput } from '../validation';
import { addRaw, deriveFigures, emptyRaw, partyContribution, type Raw } from '../stats/figures';
import { dimensionValues, readCounterDocs } from '../stats/counters';
import { departments } from '../stats/dashboard';
import { PeriodInput, resolvePeriod, type Period } from '../stats/period';
import { RankingsComputeInput, RankingsConfigureInput, RankingsGetInput } from '../contract/figures';
import type { Sent } from '../contract/schema';
import { TIERS, type Tier } from '../contract/catalog';
import { DEFAULT_RANKING_SETTINGS, rankUnits, type RankedUnit, type RankingSettings, type UnitInput } from './formula';
import { requestRepo } from '../repos/requests';
import { cardRepo } from '../repos/cards';
import { beijingMidnight, beijingNextMidnight as nextDay } from '../time';

export type RankingList = {
  _id: string;
  period: Pick<Period, 'kind' | 'key' | 'id' | 'label' | 'from' | 'to'>;
  computedAt: string;
  computedBy: { id: string; name: string } | null;
  settings: RankingSettings;
  units: RankedUnit[];
  red: RankedUnit[];
  yellow: RankedUnit[];
};

// ---------- settings ----------

function merge(base: RankingSettings, over: Partial<z.infer<typeof RankingsConfigureInput>> | undefined | null): RankingSettings {
  return {
    weights: { ...base.weights, ...(over?.weights ?? {}) },
    minCases: over?.minCases ?? base.minCases,
    red: { ...base.red, ...(over?.red ?? {}) },
    yellow: { ...base.yellow, ...(over?.yellow ?? {}) },
  };
}

export async function loadRankingSettings(ports: Ports): Promise<RankingSettings> {
  const doc = await ports.store.collection<Setting>(C.settings).get('rankings');
  return merge(DEFAULT_RANKING_SETTINGS, doc?.value as Partial<RankingSettings> | undefined);
}

/** rankings.settings: the thresholds in force and the defaults */
export async function rankingSettings(ctx: Ctx) {
  requireRole(ctx.user, 'leader', 'dispatcher', 'admin');
  return { settings: await loadRankingSettings(ctx.ports), defaults: DEFAULT_RANKING_SETTINGS };
}

/** rankings.configure {weights?, minCases?, red?, yellow?}: leaders and the admin change the thresholds */
export async function configureRankings(ctx: Ctx, input: Sent<typeof RankingsConfigureInput>) {
  requireRole(ctx.user, 'leader', 'admin');
  const data = parseInput(RankingsConfigureInput, input);
  const next = merge(await loadRankingSettings(ctx.ports), data);
  if (Object.values(next.weights).every((w) => w <= 0)) throw new AppError('VALIDATION_FAILED', '各项权重不能全为0');
  const settings = ctx.ports.store.collection<Setting>(C.settings);
  const doc = { value: next, updatedAt: ctx.now.toISOString(), updatedBy: ctx.user._id };
  if (!(await settings.update('rankings', { $set: doc }))) {
    await settings.add({ _id: 'rankings', ...doc }).catch(async (e) => {
      if (e instanceof StoreError && e.code === 'DUPLICATE_ID') await settings.update('rankings', { $set: doc });
      else throw e;
    });
  }
  return { settings: next };
}

// ---------- computing ----------

function requireDistrictDesk(ctx: Ctx) {
  requireRole(ctx.user, 'leader', 'dispatcher');
}

function sumDim(docs: Awaited<ReturnType<typeof readCounterDocs>>, ids: string[], dim: 'org') {
  const out = new Map<string, Required<Raw>>();
  for (const id of ids) for (const [v, raw] of dimensionValues(docs.get(id), dim)) out.set(v, addRaw(out.get(v) ?? emptyRaw(), raw));
  return out;
}

/** Beijing midnight of a calendar date, as a UTC ISO instant */

/**
 * The cards issued in [from, to), paged in issue order on the index (issuedAt, _id): each page
 * starts at the last page's issue instant, and the cards already read at that instant are skipped.
 */
async function cardsIssued(ports: Ports, from: string, to: string): Promise<SupervisionCard[]> {
  const cards = cardRepo(ports.store);
  const out: SupervisionCard[] = [];
  const seen = new Set<string>();
  let start = from;
  for (;;) {
    const page = await cards.issuedBetween(start, to);
    const fresh = page.filter((c) => !seen.has(c._id));
    for (const c of fresh) { seen.add(c._id); out.push(c); }
    if (page.length < MAX_PAGE || !fresh.length) return out;
    start = page[page.length - 1].issuedAt;
  }
}

/** each department's raw figures from its parts on the cards issued in the period (see the header) */
export async function departmentRaw(ports: Ports, period: Pick<Period, 'from' | 'to'>, now: Date): Promise<Map<string, Required<Raw>>> {
  const { calendar } = await loadSla(ports);
  const cards = await cardsIssued(ports, beijingMidnight(period.from), nextDay(period.to));
  const requests = await requestRepo(ports.store).getMany(cards.map((c) => c.requestId));
  const out = new Map<string, Required<Raw>>();
  for (const card of cards) {
    const r = requests.get(card.requestId) ?? null;
    for (const p of card.parties) out.set(p.deptId, addRaw(out.get(p.deptId) ?? emptyRaw(), partyContribution(card, p, r, now, calendar)));
  }
  return out;
}

/** the units and their figures for a period: centers from the counters, departments from the cards */
export async function unitsFor(ports: Ports, period: Period, now: Date): Promise<UnitInput[]> {
  const { calendar } = await loadSla(ports);
  const docs = await readCounterDocs(ports, period.totals);
  const depts = await departmentRaw(ports, period, now);
  const centers = sumDim(docs, period.totals, 'org');
  const units: UnitInput[] = [];
  for (const d of (await departments(ports)).filter((o: Org) => o.active !== false)) {
    units.push({ kind: 'department', id: d._id, name: d.name, figures: deriveFigures(depts.get(d._id) ?? {}, calendar.minutesPerDay) });
  }
  for (const o of (await allOrgs(ports)).filter((o) => (o.kind === 'street' || o.kind === 'community') && o.active !== false)) {
    units.push({ kind: 'center', id: o._id, name: `${o.name}`, tierLabel: TIERS[o.kind as Tier], figures: deriveFigures(centers.get(o._id) ?? {}, calendar.minutesPerDay) });
  }
  return units;
}

export async function computeRanking(ports: Ports, period: Period, by: { id: string; name: string } | null, now: Date): Promise<RankingList> {
  const settings = await loadRankingSettings(ports);
  const { units, red, yellow } = rankUnits(await unitsFor(ports, period, now), settings);
  const doc: RankingList = {
    _id: period.id,
    period: { kind: period.kind, key: period.key, id: period.id, label: period.label, from: period.from, to: period.to },
    computedAt: now.toISOString(), computedBy: by, settings, units, red, yellow,
  };
  const lists = ports.store.collection<RankingList>(C.rankings);
  // one list per period: a recomputation replaces the earlier one
  if (!(await lists.update(doc._id, { $set: { period: doc.period, computedAt: doc.computedAt, computedBy: by, settings, units, red, yellow } }))) {
    try {
      await lists.add(doc);
    } catch (e) {
      if (!(e instanceof StoreError && e.code === 'DUPLICATE_ID')) throw e;
      await lists.update(doc._id, { $set: { period: doc.period, computedAt: doc.computedAt, computedBy: by, settings, units, red, yellow } });
    }
  }
  return doc;
}

// ---------- kept current by the timer ----------

/** a current period's list older than this is computed again by the timer */
export const RANKING_REFRESH_MS = 60 * 60 * 1000;

/**
 * Timer work (the sweep timer, core/timers.ts): the current month's and quarter's 红黄榜, computed
 * when there is none or the stored one is an hour old, so that a leader who opens the 红黄榜 finds
 * this period's list, with its 计算时间, without pressing a button. Once a period has ended, its list
 * is computed once more after the end (the final list: the last hour's changes counted), unless one
 * was computed after it already. One read tells which lists are due (a current list at most once an
 * hour, whoever computed it last: one recomputed by hand within the hour is left alone); each due
 * list is one computation (computeRanking: a few reads, one write), the final lists first, started
 * only while `room()` says the timer's budget holds one more. A computation replaces the period's
 * list whole, so two timers computing at once, or a retry, leave the same list.
 * Returns the ids of the lists computed.
 */
export async function refreshRankings(ports: Ports, now: Date, room: () => boolean = () => true): Promise<string[]> {
  const current = (['month', 'quarter'] as const).map((kind) => resolvePeriod({ period: kind }, now));
  // the period before each current one ended when the current one began
  const ended = current.map((p) => {
    const end = Date.parse(beijingMidnight(p.from));
    return { period: resolvePeriod({ period: p.kind as 'month' | 'quarter' }, new Date(end - 60_000)), end };
  });
  const ids = [...ended.map((e) => e.period.id), ...current.map((p) => p.id)];
  const stored = await ports.store.collection<RankingList>(C.rankings).find({ _id: { $in: ids } }, { limit: ids.length });
  const computedAt = new Map(stored.map((d) => [d._id, Date.parse(d.computedAt)]));
  const due = [
    ...ended.filter(({ period, end }) => !((computedAt.get(period.id) ?? -Infinity) >= end)).map((e) => e.period),
    ...current.filter((p) => {
      const at = computedAt.get(p.id);
      return at === undefined || now.getTime() - at >= RANKING_REFRESH_MS;
    }),
  ];
  const done: string[] = [];
  for (const period of due) {
    if (!room()) break;
    await computeRanking(ports, period, null, now);
    done.push(period.id);
  }
  return done;
}

/** rankings.compute {period, key?}: the period's 红黄榜 from the counters, stored */
export async function computeRankingAction(ctx: Ctx, input: Sent<typeof RankingsComputeInput>): Promise<RankingList> {
  requireDistrictDesk(ctx);
  const data = parseInput(RankingsComputeInput, input);
  const period = resolvePeriod(parseInput(PeriodInput, data), ctx.now);
  return computeRanking(ctx.ports, period, { id: ctx.user._id, name: ctx.user.name }, ctx.now);
}

/** rankings.list: every stored list, newest period first (summaries) */
export async function listRankings(ctx: Ctx) {
  requireDistrictDesk(ctx);
  const docs = await ctx.ports.store.collection<RankingList>(C.rankings).find({}, { orderBy: [['period.to', 'desc'], ['period.from', 'desc']], limit: 100 });
  return {
    items: docs.map((d) => ({
      id: d._id, period: d.period, computedAt: d.computedAt, computedBy: d.computedBy,
      red: d.red.map((u) => u.name), yellow: d.yellow.map((u) => u.name),
    })),
  };
}

/** rankings.get {id}: one stored list */
export async function getRanking(ctx: Ctx, input: Sent<typeof RankingsGetInput>): Promise<RankingList> {
  requireDistrictDesk(ctx);
  const { id } = parseInput(RankingsGetInput, input);
  const doc = await ctx.ports.store.collection<RankingList>(C.rankings).get(id);
  if (!doc) throw new AppError('NOT_FOUND', '该周期的红黄榜尚未生成');
  return doc;
}

/** the stored list of a period, computed (and stored) first if there is none */
export async function rankingFor(ctx: Ctx, period: Period): Promise<RankingList> {
  const doc = await ctx.ports.store.collection<RankingList>(C.rankings).get(period.id);
  if (doc) return doc;
  return computeRanking(ctx.ports, period, hasRole(ctx.user, 'leader', 'dispatcher') ? { id: ctx.user._id, name: ctx.user.name } : null, ctx.now);
}
