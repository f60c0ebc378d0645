/**
 * The dispatcher's console actions on one request: verify and set the level (核实定级), reject
 * with a reason the enterprise is told (不予受理), re-assign (改派), escalate one tier up (提级),
 * and refer to the discipline commission (移交纪委监委, dispatchers only).
 */
import { releaseSlotOf } from '../assignment/assign';
import { LEVELS, OPEN_STATUSES, REJECT_KINDS, ROLES, TIERS, categoryName } from '../contract/catalog';
import { C } from '../collections';
import { Ctx, requireRole } from '../context';
import { AppError } from '../errors';
import type { Org, ServiceRequest } from '../model';
import { isRecused } from '../recusal';
import { loadRequest, reassignedText, transition } from '../request-record';
import { recompute, responseDeadline, settleClock, startIfNeeded, stop } from '../sla/clock';
import { loadSla } from '../sla/policy';
import { EscalateInput, ReassignInput, ReferInput, RejectInput, VerifyInput } from '../contract/desk';
import type { Sent } from '../contract/schema';
import { parseInput } from '../validation';
import { allOrgs, canSupervise, supervisorsOf } from './scope';
import { freed, settle } from '../settle';
import { userRepo } from '../repos/users';
import { requestRepo } from '../repos/requests';
import { beijingDate } from '../time';


export async function loadSupervised(ctx: Ctx, id: string): Promise<ServiceRequest> {
  requireRole(ctx.user, 'dispatcher');
  const req = await loadRequest(ctx.ports, id).catch(() => null);
  // a dispatcher a complaint is about cannot see or act on it (recusal)
  if (!req || isRecused(req, ctx.user._id) || !(await canSupervise(ctx.ports, ctx.user, req))) throw new AppError('NOT_FOUND', '未找到该诉求，或不在本中心管辖范围');
  return req;
}

const actor = (ctx: Ctx) => ({ id: ctx.user._id, name: ctx.user.name });


export async function verifyRequest(ctx: Ctx, input: Sent<typeof VerifyInput>) {
  const { id, level, category, dueDate } = parseInput(VerifyInput, input);
  const req = await loadSupervised(ctx, id);
  // under a card the card's deadline rules; re-route by a new card instead
  if (req.status === 'supervised') throw new AppError('INVALID_STATE', '督办中的诉求不能重新定级');
  if (level === 'special' && dueDate! < beijingDate(ctx.now)) {
    throw new AppError('VALIDATION_FAILED', '办理期限不能早于今天', [{ field: 'dueDate', message: '办理期限不能早于今天' }]);
  }
  const clock = recompute(req, ctx.now, await loadSla(ctx.ports), { level, category, verified: true, specialDueDate: level === 'special' ? dueDate! : null });
  return settle(ctx, await transition(ctx.ports, req, {
    from: OPEN_STATUSES,
    set: clock.set,
    history: clock.history,
    event: { type: 'verified', text: `核实定级：${categoryName(category)}，${LEVELS[level]}${level === 'special' ? `，期限 ${dueDate}` : ''}` },
    actor: actor(ctx),
    now: ctx.now,
  }));
}


export async function rejectRequest(ctx: Ctx, input: Sent<typeof RejectInput>) {
  const { id, kind, reason, duplicateOf } = parseInput(RejectInput, input);
  const req = await loadSupervised(ctx, id);
  if (req.status === 'supervised') throw new AppError('INVALID_STATE', '该诉求已下发督办卡，须待牵头部门答复或退回后再处理');
  // 并件: its linked requests follow its answer and could never be scored (a merge meanwhile moves
  // its version, so the write below is refused then too)
  if (req.mergedFrom?.length) {
    const message = `该诉求已有${req.mergedFrom.length}件其他企业的同类诉求并入合并办理，请先取消并件再作不予受理`;
    throw new AppError('INVALID_STATE', message, [{ field: 'id', message }]);
  }
  const cited = kind === 'duplicate' && duplicateOf ? await citedRequest(ctx, req, duplicateOf) : null;
  const clock = stop(req, ctx.now, await loadSla(ctx.ports), {
    status: 'rejected', rejection: { kind, reason, at: ctx.now.toISOString(), duplicateOf: cited }, acceptDueAt: null, closedAt: ctx.now.toISOString(),
  });
  // a rejection is not an SLA outcome
  clock.set.closedOnTime = null;
  const next = await transition(ctx.ports, req, {
    from: OPEN_STATUSES,
    set: clock.set,
    event: { type: 'rejected', text: `不予受理（${REJECT_KINDS[kind]}${cited ? `，与 ${cited.no} 重复` : ''}）：${reason}`, notify: req.assigneeId ? [req.assigneeId] : [] },
    actor: actor(ctx),
    now: ctx.now,
  });
  await releaseSlotOf(ctx.ports, req);
  // a slot of its grid freed: the grid's waiting requests get their chance after the answer
  return freed(ctx, await settle(ctx, next));
}


/** the request a duplicate repeats: the same enterprise's, another one, by its number */
async function citedRequest(ctx: Ctx, req: ServiceRequest, no: string): Promise<{ id: string; no: string }> {
  const other = await requestRepo(ctx.ports.store).byNo(no);
  const bad = (message: string) => new AppError('VALIDATION_FAILED', message, [{ field: 'duplicateOf', message }]);
  if (!other || other.enterpriseId !== req.enterpriseId) throw bad(`未找到该企业的诉求 ${no}`);
  if (other._id === req._id) throw bad('不能引用本诉求自身');
  return { id: other._id, no: other.no };
}


export async function reassignRequest(ctx: Ctx, input: Sent<typeof ReassignInput>) {
  const { id, assigneeId, note } = parseInput(ReassignInput, input);
  const req = await loadSupervised(ctx, id);
  const users = userRepo(ctx.ports.store);
  const to = await users.get(assigneeId);
  if (!to || !to.active || !to.roles.some((r) => r === 'officer' || r === 'liaison')) {
    throw new AppError('VALIDATION_FAILED', '只能改派给在岗的网格员或特派员', [{ field: 'assigneeId', message: '请选择网格员或特派员' }]);
  }
  if (to._id === req.assigneeId && req.status !== 'queued') throw new AppError('INVALID_STATE', '该诉求已由此人承办');
  // a complaint about officials never goes to them (recusal); a complaint from before recusal was
  // recorded falls back to its visit's members
  const recused = req.recusal
    ? isRecused(req, to._id)
    : req.channel === 'report' && !!req.visitId &&
      !!(await ctx.ports.store.collection<{ _id: string; memberIds: string[] }>(C.visits).get(req.visitId))?.memberIds.includes(to._id);
  if (recused) {
    throw new AppError('VALIDATION_FAILED', `本件是对${to.name}的投诉，${to.name}须回避，不能改派给被投诉人`, [{ field: 'assigneeId', message: `${to.name}是被投诉人，须回避，请改派他人` }]);
  }
  const role = to.roles.includes('officer') ? 'officer' : 'liaison';
  const sla = await loadSla(ctx.ports);
  const clock = startIfNeeded(req, ctx.now, sla, {
    status: 'assigned', assigneeId: to._id, assigneeName: to.name, assigneeRole: role, assignedAt: ctx.now.toISOString(),
    acceptedAt: null, acceptDueAt: responseDeadline(ctx.now, sla), pausedAt: null, remainingAtPause: null,
  });
  const next = await transition(ctx.ports, req, {
    from: ['queued', 'dispatch', 'assigned', 'accepted'],
    set: clock.set,
    history: clock.history,
    event: {
      type: 'reassigned',
      text: `调度员改派给 ${ROLES[role]} ${to.name}${note ? `：${note}` : ''}`,
      enterpriseText: reassignedText(role, to.name),
      notify: req.assigneeId && req.assigneeId !== to._id ? [req.assigneeId] : [],
    },
    actor: actor(ctx),
    now: ctx.now,
  });
  await releaseSlotOf(ctx.ports, req);
  await users.update(to._id, { $inc: { openCount: 1 }, $set: { lastAssignedAt: ctx.now.toISOString() } });
  return freed(ctx, await settle(ctx, next));
}

export async function escalateRequest(ctx: Ctx, input: Sent<typeof EscalateInput>) {
  const { id, reason } = parseInput(EscalateInput, input);
  const req = await loadSupervised(ctx, id);
  const orgs = await allOrgs(ctx.ports);
  const current = orgs.find((o) => o._id === req.tierOrgId);
  const up: Org | undefined = current?.parentId ? orgs.find((o) => o._id === current.parentId) : undefined;
  if (!up || (up.kind !== 'street' && up.kind !== 'district')) throw new AppError('INVALID_STATE', '已是区级中心，无法再提级');
  const tier = up.kind === 'street' ? 'street' : 'district';
  const clock = settleClock(req, ctx.now, await loadSla(ctx.ports), {
    status: req.status === 'queued' ? 'dispatch' : req.status, tier, tierOrgId: up._id,
  });
  const supervisors = await supervisorsOf(ctx.ports, { ...req, tierOrgId: up._id });
  return settle(ctx, await transition(ctx.ports, req, {
    from: OPEN_STATUSES,
    set: clock.set,
    event: { type: 'escalated', text: `提级至 ${up.name}营商环境优化中心（${TIERS[tier]}级）：${reason}`, notify: supervisors },
    actor: actor(ctx),
    now: ctx.now,
  }));
}

export async function referRequest(ctx: Ctx, input: Sent<typeof ReferInput>) {
  const { id, reason } = parseInput(ReferInput, input);
  const req = await loadSupervised(ctx, id);
  if (req.referral) throw new AppError('INVALID_STATE', '该诉求已移交纪委监委');
  return settle(ctx, await transition(ctx.ports, req, {
    from: [...OPEN_STATUSES, 'resolved', 'closed', 'rejected'],
    set: { referral: { at: ctx.now.toISOString(), byId: ctx.user._id, byName: ctx.user.name, reason } },
    event: { type: 'referred', text: `移交纪委监委：${reason}` },
    actor: actor(ctx),
    now: ctx.now,
  }));
}
