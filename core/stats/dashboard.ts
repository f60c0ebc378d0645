/**
 * The leaders' dashboard (领导看板): figures of a period for the caller's scope, read only from the
 * counter documents (a month is its month document and its ~30 day documents: one or two store
 * reads), never from the requests; an official's view less the complaints about them (one indexed
 * find, as their ledger; see `dashboard`).
 *
 * Who sees what: leaders and district-level dispatchers the whole district (optionally one tier or
 * one department); a dispatcher of a street or community center the centers in its charge; a
 * department handler its own department's figures only.
 */
import { countInstantAnswers } from '../knowledge/instant';
import { z } from 'zod';
import { CATEGORY_GROUPS, CHANNELS, leafOf, TIERS, type Tier } from '../contract/catalog';
import { Ctx, hasRole, requireRole } from '../context';
import { AppError } from '../errors';
import type { Org } from '../model';
import type { Ports } from '../ports';
import { allOrgs, orgScope } from '../desk/scope';
import { loadSla } from '../sla/policy';
import { parseInput } from '../validation';
import { StatsDashboardInput, type PeriodInput } from '../contract/figures';
import type { Sent } from '../contract/schema';
import { addRaw, deriveFigures, emptyRaw, headline, type Figures, type Group, type Raw } from './figures';
import { dimensionValues, groupRaw, readCounterDocs, withoutRequests, type CounterDoc } from './counters';
import { resolvePeriod, type Period } from './period';
import { beijingDate, beijingMidnight, beijingNextMidnight } from '../time';
import { orgRepo } from '../repos/orgs';
import { requestRepo } from '../repos/requests';

export type Scope = {
  /** the buckets whose sum is the scope */
  groups: Group[];
  label: string;
  /** whole district: category / channel / tier / department breakdowns make sense */
  whole: boolean;
  /** tier centers the scope covers (for the per-center table) */
  centerIds: Set<string> | null;
  departmentId: string | null;
};

export async function departments(ports: Ports): Promise<Org[]> {
  return orgRepo(ports.store).ofKinds(['department'], { what: '部门' });
}

export async function dashboardScope(ctx: Ctx, f: { tier?: Tier; departmentId?: string }): Promise<Scope> {
  requireRole(ctx.user, 'leader', 'dispatcher', 'department');
  const orgs = await allOrgs(ctx.ports);
  const root = orgs.find((o) => o.kind === 'district');
  const deptName = async (id: string) => (await orgRepo(ctx.ports.store).get(id))?.name ?? id;
  const desk = hasRole(ctx.user, 'leader', 'dispatcher');
  if (!desk) {
    // a department handler: its own department, nothing else
    const own = ctx.user.departmentId;
    if (!own) throw new AppError('FORBIDDEN', '当前账号未关联部门');
    if (f.departmentId && f.departmentId !== own) throw new AppError('FORBIDDEN', '只能查看本部门的统计');
    return { groups: [`dept:${own}`], label: await deptName(own), whole: false, centerIds: null, departmentId: own };
  }
  const districtWide = hasRole(ctx.user, 'leader') || !ctx.user.orgId || ctx.user.orgId === root?._id;
  if (!districtWide) {
    // a street or community dispatcher: the centers in its charge, by the org buckets
    if (f.departmentId) throw new AppError('FORBIDDEN', '按部门查看统计需区级权限');
    const scope = await orgScope(ctx.ports, ctx.user);
    const kindOf = new Map(orgs.map((o) => [o._id, o.kind]));
    const ids = [...scope].filter((id) => !f.tier || kindOf.get(id) === f.tier);
    const own = orgs.find((o) => o._id === ctx.user.orgId);
    return {
      groups: ids.map((id) => `org:${id}` as Group), label: `${own?.name ?? ''}${f.tier ? `（${TIERS[f.tier]}级）` : '（含下级）'}`,
      whole: false, centerIds: new Set(ids), departmentId: null,
    };
  }
  if (f.departmentId) {
    return { groups: [`dept:${f.departmentId}`], label: await deptName(f.departmentId), whole: false, centerIds: null, departmentId: f.departmentId };
  }
  if (f.tier) {
    const ids = orgs.filter((o) => o.kind === f.tier).map((o) => o._id);
    return { groups: [`tier:${f.tier}`], label: `${root?.name ?? '全区'}${TIERS[f.tier]}级`, whole: false, centerIds: new Set(ids), departmentId: null };
  }
  return { groups: ['all'], label: root?.name ?? '全区', whole: true, centerIds: null, departmentId: null };
}

function sumScope(docs: Map<string, CounterDoc>, ids: string[], groups: Group[]): Required<Raw> {
  const out = emptyRaw();
  for (const id of ids) for (const g of groups) addRaw(out, groupRaw(docs.get(id), g));
  return out;
}

function sumDimension(docs: Map<string, CounterDoc>, ids: string[], dim: 'tier' | 'org' | 'dept' | 'cat' | 'ch'): Map<string, Required<Raw>> {
  const out = new Map<string, Required<Raw>>();
  for (const id of ids) {
    for (const [value, raw] of dimensionValues(docs.get(id), dim)) {
      out.set(value, addRaw(out.get(value) ?? emptyRaw(), raw));
    }
  }
  return out;
}

export type BreakdownRow = Omit<Figures, 'raw'> & { id: string; name: string; extra?: string; children?: BreakdownRow[] };

function row(id: string, name: string, raw: Raw, minutesPerDay: number, extra?: string): BreakdownRow {
  const { raw: _raw, ...fig } = deriveFigures(raw, minutesPerDay);
  void _raw;
  return { id, name, ...fig, ...(extra ? { extra } : {}) };
}

/**
 * 问题类别 by group (大类), most collected first, each with its categories (小类) that have requests:
 * the counters keep the code each request was stored with, so an old code (core/contract/taxonomy.ts)
 * is added to the leaf it reads as, and every leaf to its group.
 */
function categoryRows(cats: Map<string, Required<Raw>>, mpd: number): BreakdownRow[] {
  const leaves = new Map<string, Required<Raw>>();
  for (const [code, raw] of cats) {
    const leaf = leafOf(code);
    if (leaf) leaves.set(leaf, addRaw(leaves.get(leaf) ?? emptyRaw(), raw));
  }
  return CATEGORY_GROUPS.map((g) => {
    const own = g.leaves.filter((l) => leaves.get(l.code)?.n);
    const total = own.reduce((sum, l) => addRaw(sum, leaves.get(l.code)!), emptyRaw());
    const children = own.map((l) => row(l.code, l.name, leaves.get(l.code)!, mpd)).sort((a, b) => b.collected - a.collected);
    return { ...row(g.code, g.name, total, mpd), children };
  }).filter((g) => g.children!.length).sort((a, b) => b.collected - a.collected);
}

export type PeriodFigures = {
  period: Pick<Period, 'kind' | 'key' | 'id' | 'label' | 'from' | 'to' | 'granularity'>;
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
  /** counter documents read for this view */
  docsRead: number;
};

/** requests whose counted contribution a view leaves out (withoutRequests in ./counters) */
type Hidden = Parameters<typeof withoutRequests>[1];

/**
 * The figures of one period for one scope, from the counter documents only, less what `hidden`
 * (read meanwhile) contributed to them.
 */
export async function periodFigures(ports: Ports, now: Date, period: Period, scope: Scope, hidden: Hidden | Promise<Hidden> = []): Promise<PeriodFigures> {
  const { calendar } = await loadSla(ports);
  const mpd = calendar.minutesPerDay;
  const trendIds = period.trend.flatMap((p) => p.ids);
  const [read, hide] = await Promise.all([readCounterDocs(ports, [...period.totals, ...period.visitTotals, ...trendIds]), hidden]);
  const docs = hide.length ? withoutRequests(read, hide) : read;

  const raw = sumScope(docs, period.totals, scope.groups);
  // visit figures: the period's own document (distinct enterprises do not add up across months)
  const visitRaw = sumScope(docs, period.visitTotals, scope.groups);
  raw.visits = visitRaw.visits;
  raw.vents = visitRaw.vents;
  const figures = deriveFigures(raw, mpd);

  const todayKey = beijingDate(now);
  const trend = period.trend
    .filter((p) => p.key <= (period.granularity === 'day' ? todayKey : todayKey.slice(0, 7)))
    .map((p) => {
      const f = deriveFigures(sumScope(docs, p.ids, scope.groups), mpd);
      return { key: p.key, label: p.label, collected: f.collected, closed: f.closed, inProgress: f.inProgress, rejected: f.rejected, onTimeRate: f.onTimeRate, satisfactionRate: f.satisfactionRate };
    });

  let byCategory: BreakdownRow[] | null = null;
  let byChannel: BreakdownRow[] | null = null;
  let byTier: BreakdownRow[] | null = null;
  let byDepartment: BreakdownRow[] | null = null;
  let byCenter: BreakdownRow[] | null = null;
  const orgs = await allOrgs(ports);
  if (scope.whole) {
    const cats = sumDimension(docs, period.totals, 'cat');
    byCategory = categoryRows(cats, mpd);
    const chs = sumDimension(docs, period.totals, 'ch');
    byChannel = (Object.keys(CHANNELS) as Array<keyof typeof CHANNELS>).filter((k) => chs.get(k)?.n).map((k) => row(k, CHANNELS[k], chs.get(k)!, mpd)).sort((a, b) => b.collected - a.collected);
    const tiers = sumDimension(docs, period.totals, 'tier');
    byTier = (Object.keys(TIERS) as Tier[]).map((k) => row(k, `${TIERS[k]}级`, tiers.get(k) ?? {}, mpd));
    const depts = sumDimension(docs, period.totals, 'dept');
    const deptOrgs = await departments(ports);
    byDepartment = deptOrgs.map((d) => row(d._id, d.name, depts.get(d._id) ?? {}, mpd)).sort((a, b) => b.collected - a.collected || a.name.localeCompare(b.name, 'zh'));
  }
  if (scope.whole || scope.centerIds) {
    const centers = sumDimension(docs, period.totals, 'org');
    const visits = sumDimension(docs, period.visitTotals, 'org');
    byCenter = orgs
      .filter((o) => (!scope.centerIds || scope.centerIds.has(o._id)) && (centers.get(o._id)?.n || visits.get(o._id)?.visits))
      .map((o) => {
        const r = { ...(centers.get(o._id) ?? emptyRaw()) };
        r.visits = visits.get(o._id)?.visits ?? 0;
        r.vents = visits.get(o._id)?.vents ?? 0;
        return row(o._id, o.name, r, mpd, TIERS[o.kind as Tier]);
      })
      .sort((a, b) => b.collected - a.collected);
  }
  return {
    period: { kind: period.kind, key: period.key, id: period.id, label: period.label, from: period.from, to: period.to, granularity: period.granularity },
    scope: { label: scope.label, whole: scope.whole, departmentId: scope.departmentId },
    figures,
    headline: headline(figures, `${period.label}，${scope.label}共`),
    trend, byCategory, byChannel, byTier, byDepartment, byCenter,
    minutesPerDay: mpd,
    asOf: now.toISOString(),
    docsRead: docs.size,
  };
}

export function periodOf(input: z.infer<typeof PeriodInput>, now: Date): Period {
  try {
    return resolvePeriod(input, now);
  } catch {
    throw new AppError('VALIDATION_FAILED', '自定义周期不能超过三年');
  }
}

/**
 * action stats.dashboard {period, key?, from?, to?, tier?, departmentId?}
 * Complaints about the caller are not in their figures, as they are not in their ledger
 * (core/recusal.ts, ledgerQuery): read by the ledger's one indexed find ('recusal.userIds,_id',
 * few), beside the counter documents, and taken out of them, so that every figure and row drills
 * down to a ledger of as many requests, and nothing in the figures tells of the complaint.
 */
export async function dashboard(ctx: Ctx, input: Sent<typeof StatsDashboardInput>): Promise<PeriodFigures & { instantAnswers: number | null }> {
  const data = parseInput(StatsDashboardInput, input);
  requireRole(ctx.user, 'leader', 'dispatcher', 'department');
  const recused = requestRepo(ctx.ports.store).recusing(ctx.user._id, 2_000);
  recused.catch(() => undefined); // awaited by periodFigures; a refusal of the scope below must not leave it unhandled
  const scope = await dashboardScope(ctx, data);
  const period = periodOf(data, ctx.now);
  const figures = await periodFigures(ctx.ports, ctx.now, period, scope, recused);
  // questions the knowledge base answered on the submit page (已解决，不用提交): district-wide only, as
  // they belong to no center or department yet; one count
  const instantAnswers = scope.whole ? await countInstantAnswers(ctx, beijingMidnight(period.from), beijingNextMidnight(period.to)) : null;
  return { ...figures, instantAnswers };
}
