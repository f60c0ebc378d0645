/**
 * Reading visits. The enterprise sees its own visit history (and announced inspections);
 * officials see the visits they were on; a department sees its department's visits; supervisors
 * see the visits of their area with the flags and the feedback. Each reader gets its view from
 * views.ts, so nobody on the visiting side ever receives who scored or complained.
 */
import type { z } from 'zod';
import { C } from '../collections';
import { Ctx, hasRole } from '../context';
import { AppError } from '../errors';
import type { Enterprise } from '../model';
import type { Filter } from '../ports';
import { parseInput } from '../validation';
import { MyVisitsInput, VisitListInput } from '../contract/visit-inputs';
import { IdInput, type Sent } from '../contract/schema';
import { feedbackOf } from './feedback';
import { unrequestedCount } from './guard';
import { FEEDBACK_FLAGS, FLAGS, PURPOSE_KEYS, PURPOSES, type Visit, type VisitFeedback, type VisitFlag, type VisitPlan } from './model';
import { loadVisit, visits } from './records';
import { loadVisitSettings } from './settings';
import { gridsInScope, isSupervisor, isVisitStaff, requireVisitStaff, supervisesGrid } from './staff';
import { enterpriseVisitView, staffView, supervisorView } from './views';
import { orgRepo } from '../repos/orgs';
import { enterpriseRepo } from '../repos/enterprises';
import { beijingMidnight, beijingNextMidnight as nextDay, beijingDate as beijingToday } from '../time';

export { beijingMidnight, beijingNextMidnight as nextDay, beijingDate as beijingToday } from '../time';

// ---------------------------------------------------------------------------------------------
// the enterprise

export async function myVisits(ctx: Ctx, input: Sent<typeof MyVisitsInput>) {
  const { page, pageSize } = parseInput(MyVisitsInput, input);
  const u = ctx.user;
  if (!u.active || !hasRole(u, 'enterprise')) throw new AppError('FORBIDDEN', '仅企业联系人可以查看本企业的入企记录');
  if (!u.enterpriseId) throw new AppError('NOT_BOUND', '请先绑定您的企业，再查看入企记录');
  const filter = { enterpriseId: u.enterpriseId };
  const settings = await loadVisitSettings(ctx.ports);
  const [items, total, recent] = await Promise.all([
    visits(ctx.ports).find(filter, { orderBy: [['checkinAt', 'desc'], ['_id', 'desc']], skip: (page - 1) * pageSize, limit: pageSize }),
    visits(ctx.ports).count(filter),
    unrequestedCount(ctx.ports, u.enterpriseId, ctx.now, settings),
  ]);
  const mine = await feedbackOf(ctx, items.map((v) => v._id));
  const canGive = (v: Visit) => ctx.now.getTime() <= new Date(v.checkoutAt ?? ctx.now.toISOString()).getTime() + settings.feedbackDays * 86400_000;
  const plans = page === 1
    ? await ctx.ports.store.collection<VisitPlan>(C.visitPlans).find({ enterpriseId: u.enterpriseId, status: { $in: ['planned', 'merged'] } }, { orderBy: [['from', 'asc']], limit: 50 })
    : [];
  const today = beijingToday(ctx.now);
  return {
    items: items.map((v) => enterpriseVisitView(v, mine.filter((f) => f.visitId === v._id), canGive(v))),
    total, page, pageSize,
    guard: { count: recent, cap: settings.cap, windowDays: settings.windowDays },
    notices: noticesOf(plans.filter((p) => (p.joint?.to ?? p.to) >= today)),
  };
}

/** 检查预告 as the enterprise sees them: a joint inspection is one notice, whatever number of plans it merged */
function noticesOf(plans: VisitPlan[]) {
  const out: Array<{ _id: string; deptName: string; items: string; legalBasis: string; approvalRef: string | null; from: string; to: string; joint: { deptNames: string[] } | null }> = [];
  const joints = new Map<string, VisitPlan[]>();
  for (const p of plans) {
    if (!p.joint) {
      out.push({ _id: p._id, deptName: p.deptName, items: p.items, legalBasis: p.legalBasis, approvalRef: p.approvalRef, from: p.from, to: p.to, joint: null });
      continue;
    }
    if (!joints.has(p.joint.id)) joints.set(p.joint.id, []);
    joints.get(p.joint.id)!.push(p);
  }
  for (const [id, group] of joints) {
    const j = group[0].joint!;
    const each = (f: (p: VisitPlan) => string | null) => group.map((p) => (f(p) ? `${p.deptName}：${f(p)}` : '')).filter(Boolean).join('；');
    out.push({
      _id: id, deptName: j.deptNames.join('、'), items: each((p) => p.items), legalBasis: each((p) => p.legalBasis),
      approvalRef: group.map((p) => p.approvalRef).filter(Boolean).join('；') || null, from: j.from, to: j.to, joint: { deptNames: j.deptNames },
    });
  }
  return out.sort((a, b) => a.from.localeCompare(b.from));
}

// ---------------------------------------------------------------------------------------------
// one visit

export async function getVisit(ctx: Ctx, input: Sent<typeof IdInput>) {
  const { id } = parseInput(IdInput, input);
  const u = ctx.user;
  if (!u.active) throw new AppError('FORBIDDEN', '账号已停用，请联系管理员');
  const v = await loadVisit(ctx.ports, id).catch(() => null);
  if (!v) throw new AppError('NOT_FOUND', '未找到该入企记录');
  // a supervisor who was on the visit reads it as its official: never the complaints and who made them
  const member = v.memberIds.includes(u._id);
  if (!member && (await supervisesGrid(ctx.ports, u, v.gridId))) {
    const feedback = await ctx.ports.store.collection<VisitFeedback>(C.visitFeedback).find({ visitId: v._id }, { orderBy: [['createdAt', 'asc']], limit: 50 });
    return { visit: supervisorView(v, feedback), viewer: 'supervisor' as const };
  }
  if (hasRole(u, 'enterprise') && u.enterpriseId === v.enterpriseId) {
    const settings = await loadVisitSettings(ctx.ports);
    const canGive = ctx.now.getTime() <= new Date(v.checkoutAt ?? ctx.now.toISOString()).getTime() + settings.feedbackDays * 86400_000;
    return { visit: enterpriseVisitView(v, await feedbackOf(ctx, [v._id]), canGive), viewer: 'enterprise' as const };
  }
  const ownDept = hasRole(u, 'department') && !!u.departmentId && v.deptIds.includes(u.departmentId);
  if ((isVisitStaff(u) || member) && (member || ownDept)) return { visit: staffView(v), viewer: 'staff' as const };
  // the same answer for missing and not yours
  throw new AppError('NOT_FOUND', '未找到该入企记录');
}

// ---------------------------------------------------------------------------------------------
// lists for officials, departments and supervisors

export type VisitListFilter = z.infer<typeof VisitListInput>;

type Scope = { kind: 'supervisor' | 'dept' | 'mine'; filter: Filter };

/** what the caller may list: supervisors their area, departments their department, others their own */
export async function visitScope(ctx: Ctx, mine = false): Promise<Scope> {
  const u = ctx.user;
  requireVisitStaff(u.roles.includes('admin') ? { ...u, roles: [...u.roles, 'leader'] } : u);
  if (!mine && isSupervisor(u)) {
    const grids = await gridsInScope(ctx.ports, u);
    return { kind: 'supervisor', filter: grids === null ? {} : { gridId: { $in: grids } } };
  }
  if (!mine && hasRole(u, 'department') && u.departmentId) return { kind: 'dept', filter: { deptIds: { $all: [u.departmentId] } } };
  return { kind: 'mine', filter: { memberIds: { $all: [u._id] } } };
}

export function listFilter(scope: Scope, f: Omit<VisitListFilter, 'page' | 'pageSize' | 'mine'>): Filter {
  const q: Filter = { ...scope.filter };
  const supervisor = scope.kind === 'supervisor';
  // feedback flags are for supervisors only: elsewhere asking for them matches nothing
  if (f.flag) q.flags = !supervisor && FEEDBACK_FLAGS.includes(f.flag) ? { $all: ['__none__'] } : { $all: [f.flag] };
  if (f.flagged) {
    if (supervisor) q.flagged = true;
    else q.conductFlagged = true;
  }
  if (f.red) {
    if (supervisor) q.red = true;
    else q.flags = { $all: [...new Set([...((q.flags as { $all?: string[] })?.$all ?? []), 'no_approval'])] };
  }
  if (f.status) q.status = f.status;
  if (f.purpose) q.purpose = f.purpose;
  if (f.deptId && scope.kind !== 'dept') q.deptIds = { $all: [f.deptId] };
  if (f.enterpriseId) q.enterpriseId = f.enterpriseId;
  if (f.from || f.to) q.checkinAt = { ...(f.from ? { $gte: beijingMidnight(f.from) } : {}), ...(f.to ? { $lt: nextDay(f.to) } : {}) };
  return q;
}

export async function listVisits(ctx: Ctx, input: Sent<typeof VisitListInput>) {
  const { page, pageSize, mine, ...f } = parseInput(VisitListInput, input);
  const scope = await visitScope(ctx, mine);
  const filter = listFilter(scope, f);
  const base = listFilter(scope, { ...f, flagged: undefined, red: undefined, flag: undefined, status: undefined });
  const col = visits(ctx.ports);
  const [items, total, all, flagged, red, open] = await Promise.all([
    col.find(filter, { orderBy: [['checkinAt', 'desc'], ['_id', 'desc']], skip: (page - 1) * pageSize, limit: pageSize }),
    col.count(filter),
    col.count(base),
    col.count(listFilter(scope, { ...f, flag: undefined, red: undefined, status: undefined, flagged: true })),
    col.count(listFilter(scope, { ...f, flag: undefined, flagged: undefined, status: undefined, red: true })),
    col.count({ ...base, status: 'open' }),
  ]);
  const view = scope.kind === 'supervisor' ? (v: Visit) => supervisorView(v) : staffView;
  return { items: items.map(view), total, page, pageSize, scope: scope.kind, counts: { all, flagged, red, open } };
}

// ---------------------------------------------------------------------------------------------
// form options

/** more enterprises than a picker can sensibly hold: the list says it was cut (a search would serve better) */
const MAX_OPTION_ENTERPRISES = 5000;

/**
 * What the visit forms pick from. Cost: the grid and department names (readAll: ~11 calls for
 * 1,000 grids), the caller's grids when a supervisor (see gridsInScope), and the enterprises of
 * those grids (or all, up to 5,000: 1 call per 100).
 */
export async function visitOptions(ctx: Ctx) {
  requireVisitStaff(ctx.user.roles.includes('admin') ? { ...ctx.user, roles: [...ctx.user.roles, 'leader'] } : ctx.user);
  const orgs = await orgRepo(ctx.ports.store).ofKinds(['grid', 'department'], { activeOnly: true, what: '网格和部门' });
  const names = new Map(orgs.map((o) => [o._id, o.name]));
  const grids = isSupervisor(ctx.user) ? await gridsInScope(ctx.ports, ctx.user) : null;
  // the store narrows to the caller's grids (100 per query), instead of reading all and filtering
  const sets: Array<string[] | null> = grids === null ? [null] : Array.from({ length: Math.ceil(grids.length / 100) }, (_, i) => grids.slice(i * 100, (i + 1) * 100));
  const enterprises: Enterprise[] = [];
  let truncated = false;
  read: for (const set of sets) {
    for await (const page of enterpriseRepo(ctx.ports.store).pagesInGrids(set)) {
      enterprises.push(...page);
      if (enterprises.length > MAX_OPTION_ENTERPRISES) { truncated = true; break read; }
    }
  }
  return {
    enterprises: enterprises.sort((a, b) => (a._id < b._id ? -1 : 1)).slice(0, MAX_OPTION_ENTERPRISES).map((e) => ({ id: e._id, name: e.name, gridName: names.get(e.gridId) ?? '' })),
    enterprisesTruncated: truncated,
    departments: orgs.filter((o) => o.kind === 'department').map((o) => ({ id: o._id, name: o.name })),
    purposes: PURPOSE_KEYS.map((key) => ({ key, label: PURPOSES[key] })),
    flags: (Object.keys(FLAGS) as VisitFlag[])
      .filter((k) => isSupervisor(ctx.user) || (k !== 'complained' && k !== 'low_score'))
      .map((key) => ({ key, label: FLAGS[key] })),
  };
}
