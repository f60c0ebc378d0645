/**
 * Planned inspections (检查计划). A department registers an inspection ahead: the enterprise gets
 * an advance notice (检查预告). When several departments plan to inspect the same enterprise in
 * overlapping windows, they are proposed as one joint inspection — 进一次门、查多项事 — and once
 * merged (by the dispatcher or one of the departments) the enterprise is told of one joint visit.
 */
import { C } from '../collections';
import { Ctx, hasRole, newId } from '../context';
import { AppError } from '../errors';
import { parseInput } from '../validation';
import { CancelPlanInput, MergePlansInput, PlanInput, PlanListInput } from '../contract/visit-inputs';
import type { Sent } from '../contract/schema';
import type { VisitPlan } from './model';
import { tell } from './notify';
import { beijingToday } from './queries';
import { contactsOf, handlersOfDept, isSupervisor, supervisorsOfGrid } from './staff';
import { orgRepo } from '../repos/orgs';
import { enterpriseRepo } from '../repos/enterprises';

const plans = (ctx: Ctx) => ctx.ports.store.collection<VisitPlan>(C.visitPlans);
export const PLANS_PAGE = 'subpkg-visit/plans/index';
const historyListPage = 'subpkg-visit/history/index';

// ---------------------------------------------------------------------------------------------
// proposals: pure

export type Proposal = {
  key: string;
  enterpriseId: string;
  enterpriseName: string;
  from: string;
  to: string;
  planIds: string[];
  departments: Array<{ deptId: string; deptName: string; items: string; from: string; to: string }>;
};

/**
 * Plans of the same enterprise whose windows share at least one day, by at least two departments.
 * Greedy by start date: a plan joins the current group while the group's common window stays
 * non-empty.
 */
export function proposeJoint(candidates: VisitPlan[]): Proposal[] {
  const byEnterprise = new Map<string, VisitPlan[]>();
  for (const p of candidates) {
    if (p.status !== 'planned') continue;
    byEnterprise.set(p.enterpriseId, [...(byEnterprise.get(p.enterpriseId) ?? []), p]);
  }
  const out: Proposal[] = [];
  for (const list of byEnterprise.values()) {
    const sorted = [...list].sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to) || a._id.localeCompare(b._id));
    let group: VisitPlan[] = [];
    let from = '';
    let to = '';
    const flush = () => {
      if (new Set(group.map((p) => p.deptId)).size >= 2) {
        out.push({
          key: group.map((p) => p._id).sort().join('+'),
          enterpriseId: group[0].enterpriseId,
          enterpriseName: group[0].enterpriseName,
          from, to,
          planIds: group.map((p) => p._id),
          departments: group.map((p) => ({ deptId: p.deptId, deptName: p.deptName, items: p.items, from: p.from, to: p.to })),
        });
      }
    };
    for (const p of sorted) {
      const nextFrom = group.length ? (p.from > from ? p.from : from) : p.from;
      const nextTo = group.length ? (p.to < to ? p.to : to) : p.to;
      if (group.length && nextFrom > nextTo) {
        flush();
        group = [p];
        from = p.from;
        to = p.to;
      } else {
        group.push(p);
        from = nextFrom;
        to = nextTo;
      }
    }
    if (group.length) flush();
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// actions

function requireDeptHandler(ctx: Ctx): string {
  const u = ctx.user;
  if (!u.active || !hasRole(u, 'department') || !u.departmentId) throw new AppError('FORBIDDEN', '仅部门承办人可以登记检查计划');
  return u.departmentId;
}

export async function createPlan(ctx: Ctx, input: Sent<typeof PlanInput>) {
  const deptId = requireDeptHandler(ctx);
  const data = parseInput(PlanInput, input);
  if (data.from < beijingToday(ctx.now)) {
    throw new AppError('VALIDATION_FAILED', '开始日期不能早于今天', [{ field: 'from', message: '开始日期不能早于今天' }]);
  }
  const ent = await enterpriseRepo(ctx.ports.store).get(data.enterpriseId);
  if (!ent) throw new AppError('VALIDATION_FAILED', '请选择被检查企业', [{ field: 'enterpriseId', message: '请选择被检查企业' }]);
  const dept = await orgRepo(ctx.ports.store).get(deptId);
  const at = ctx.now.toISOString();
  const plan: VisitPlan = {
    _id: `p${newId(ctx.ports)}`,
    deptId, deptName: dept?.name ?? deptId,
    enterpriseId: ent._id, enterpriseName: ent.name,
    items: data.items, legalBasis: data.legalBasis, approvalRef: data.approvalRef || null,
    from: data.from, to: data.to,
    status: 'planned', joint: null, visitId: null,
    createdById: ctx.user._id, createdByName: ctx.user.name, createdAt: at, updatedAt: at,
  };
  await plans(ctx).add(plan);
  await tell(ctx.ports, ctx.now, (await contactsOf(ctx.ports, ent)).map((u) => u._id), {
    key: `plan:${plan._id}:notice`, title: '检查预告',
    body: `${plan.deptName}计划于 ${plan.from} 至 ${plan.to} 对贵企业开展执法检查，检查事项：${plan.items}；执法依据：${plan.legalBasis}。检查人员入企时将扫描贵企业公务入企码备案。`,
    page: historyListPage, no: plan._id, status: '检查预告',
  });
  const proposal = (await proposalsFor(ctx, ent._id)).find((p) => p.planIds.includes(plan._id)) ?? null;
  if (proposal) {
    const others = proposal.departments.filter((d) => d.deptId !== deptId);
    const handlers = (await Promise.all(others.map((d) => handlersOfDept(ctx.ports, d.deptId)))).flat();
    await tell(ctx.ports, ctx.now, [...handlers, ...(await supervisorsOfGrid(ctx.ports, ent.gridId))], {
      key: `plan:${plan._id}:proposal`, title: '联合检查建议',
      body: `${ent.name}：${proposal.departments.map((d) => d.deptName).join('、')} 计划在 ${proposal.from} 至 ${proposal.to} 期间均要入企检查，建议合并为一次联合检查（进一次门、查多项事）`,
      page: PLANS_PAGE, no: plan._id, status: '联合检查建议',
    });
  }
  return { plan, proposal };
}

async function proposalsFor(ctx: Ctx, enterpriseId?: string): Promise<Proposal[]> {
  const today = beijingToday(ctx.now);
  const rows: VisitPlan[] = [];
  for (let skip = 0; skip < 5000; skip += 100) {
    const page = await plans(ctx).find(
      { status: 'planned', to: { $gte: today }, ...(enterpriseId ? { enterpriseId } : {}) },
      { orderBy: [['to', 'asc'], ['_id', 'asc']], skip, limit: 100 },
    );
    rows.push(...page);
    if (page.length < 100) break;
  }
  return proposeJoint(rows);
}

function requirePlanReader(ctx: Ctx) {
  const u = ctx.user;
  if (!u.active || !(isSupervisor(u) || (hasRole(u, 'department') && u.departmentId))) throw new AppError('FORBIDDEN', '当前账号无权查看检查计划');
}

export async function listProposals(ctx: Ctx) {
  requirePlanReader(ctx);
  const all = await proposalsFor(ctx);
  const mineOnly = !isSupervisor(ctx.user);
  return { items: mineOnly ? all.filter((p) => p.departments.some((d) => d.deptId === ctx.user.departmentId)) : all };
}

export async function listPlans(ctx: Ctx, input: Sent<typeof PlanListInput>) {
  requirePlanReader(ctx);
  const { status, page, pageSize } = parseInput(PlanListInput, input);
  const filter = {
    ...(isSupervisor(ctx.user) ? {} : { deptId: ctx.user.departmentId! }),
    ...(status ? { status } : {}),
  };
  const [items, total] = await Promise.all([
    plans(ctx).find(filter, { orderBy: [['createdAt', 'desc'], ['_id', 'desc']], skip: (page - 1) * pageSize, limit: pageSize }),
    plans(ctx).count(filter),
  ]);
  return { items, total, page, pageSize };
}

export async function mergePlans(ctx: Ctx, input: Sent<typeof MergePlansInput>) {
  requirePlanReader(ctx);
  const { planIds } = parseInput(MergePlansInput, input);
  const list = (await Promise.all(planIds.map((id) => plans(ctx).get(id)))).filter((p): p is VisitPlan => !!p);
  // plans of other departments only read like missing ones: a department cannot probe plan ids
  const mayMerge = isSupervisor(ctx.user) || list.some((p) => p.deptId === ctx.user.departmentId);
  if (list.length !== planIds.length || !mayMerge) throw new AppError('NOT_FOUND', '检查计划不存在');
  if (list.some((p) => p.status !== 'planned')) throw new AppError('INVALID_STATE', '所选计划已合并、执行或取消');
  const proposal = proposeJoint(list);
  if (proposal.length !== 1 || proposal[0].planIds.length !== list.length) {
    throw new AppError('VALIDATION_FAILED', '所选计划须为同一企业、不同部门且检查窗口有重叠');
  }
  const p = proposal[0];
  const at = ctx.now.toISOString();
  const deptNames = [...new Set(list.map((x) => x.deptName))];
  const joint = { id: `j${newId(ctx.ports)}`, from: p.from, to: p.to, deptNames, mergedAt: at, mergedByName: ctx.user.name };
  for (const plan of list) {
    const ok = await plans(ctx).update(plan._id, { $set: { status: 'merged', joint, updatedAt: at } }, { status: 'planned' });
    if (!ok) throw new AppError('CONFLICT', '检查计划已变化，请刷新后重试');
  }
  const ent = await enterpriseRepo(ctx.ports.store).get(p.enterpriseId);
  if (ent) {
    await tell(ctx.ports, ctx.now, (await contactsOf(ctx.ports, ent)).map((u) => u._id), {
      key: `joint:${joint.id}:notice`, title: '联合检查预告',
      body: `${deptNames.join('、')} 将于 ${p.from} 至 ${p.to} 期间对贵企业开展一次联合检查（进一次门、查多项事），检查事项：${list.map((x) => `${x.deptName}：${x.items}`).join('；')}。原分别通知的检查合并进行。`,
      page: historyListPage, no: joint.id, status: '联合检查预告',
    });
  }
  const handlers = (await Promise.all([...new Set(list.map((x) => x.deptId))].map((d) => handlersOfDept(ctx.ports, d)))).flat();
  await tell(ctx.ports, ctx.now, handlers.filter((h) => h !== ctx.user._id), {
    key: `joint:${joint.id}:depts`, title: '检查计划已合并为联合检查',
    body: `${p.enterpriseName}：${deptNames.join('、')} 的检查计划已合并为一次联合检查，窗口 ${p.from} 至 ${p.to}。入企时一方扫码签到，其他部门扫码加入。`,
    page: PLANS_PAGE, no: joint.id, status: '联合检查',
  });
  return { joint, plans: await Promise.all(list.map((x) => plans(ctx).get(x._id))) };
}

export async function cancelPlan(ctx: Ctx, input: Sent<typeof CancelPlanInput>) {
  const deptId = requireDeptHandler(ctx);
  const { id, reason } = parseInput(CancelPlanInput, input);
  const plan = await plans(ctx).get(id);
  if (!plan || plan.deptId !== deptId) throw new AppError('NOT_FOUND', '检查计划不存在');
  const ok = await plans(ctx).update(id, { $set: { status: 'cancelled', updatedAt: ctx.now.toISOString() } }, { status: { $in: ['planned', 'merged'] } });
  if (!ok) throw new AppError('INVALID_STATE', '该检查计划已执行或已取消');
  const ent = await enterpriseRepo(ctx.ports.store).get(plan.enterpriseId);
  if (ent) {
    await tell(ctx.ports, ctx.now, (await contactsOf(ctx.ports, ent)).map((u) => u._id), {
      key: `plan:${plan._id}:cancel`, title: '检查预告已取消',
      body: `${plan.deptName}原定于 ${plan.from} 至 ${plan.to} 的检查（${plan.items}）已取消${reason ? `：${reason}` : ''}`,
      page: historyListPage, no: plan._id, status: '已取消',
    });
  }
  return { plan: await plans(ctx).get(id) };
}
