/**
 * Supervision cards (督办卡): the dispatcher hands a request to a lead department and
 * co-operating departments with a deadline. Each department receives, accepts and replies, or
 * returns a misrouted card with a reason. The request is resolved only when the lead department
 * has answered; a lead return sends it back to the dispatcher (待调度).
 */
import { z } from 'zod';
import { C } from '../collections';
import { Ctx, hasRole, requireRole } from '../context';
import { AppError } from '../errors';
import type { CardParty, Org, ServiceRequest, SupervisionCard, User } from '../model';
import { loadRequest, transition, transitionFollowing } from '../request-record';
import { recompute, settleClock, startIfNeeded, stop } from '../sla/clock';
import { loadSla } from '../sla/policy';
import { beijingDateKey } from '../time';
import { parseInput, zId, zDate as zCalendarDate } from '../validation';
import { departmentHandlers, supervisorsOf } from '../desk/scope';
import { loadSupervised } from '../desk/triage';

const zDate = zCalendarDate('请设定督办期限');

export const IssueInput = z
  .object({
    id: zId,
    leadDeptId: zId,
    coDeptIds: z.array(zId).max(10, '协办部门最多10个').default([]),
    deadline: zDate,
    instructions: z.string({ required_error: '请填写督办要求' }).trim().min(2, '请填写督办要求').max(1000, '督办要求不能超过1000字'),
  })
  .refine((v) => !v.coDeptIds.includes(v.leadDeptId), { message: '牵头部门不能同时作为协办部门', path: ['coDeptIds'] });

export async function issueCard(ctx: Ctx, input: unknown) {
  const data = parseInput(IssueInput, input);
  const req = await loadSupervised(ctx, data.id);
  if (req.status === 'supervised') throw new AppError('INVALID_STATE', '该诉求已在督办中');
  const today = beijingDateKey(ctx.now);
  if (data.deadline.replace(/-/g, '') < today) throw new AppError('VALIDATION_FAILED', '督办期限不能早于今天', [{ field: 'deadline', message: '督办期限不能早于今天' }]);
  const orgs = ctx.ports.store.collection<Org>(C.orgs);
  const deptIds = [data.leadDeptId, ...new Set(data.coDeptIds)];
  const depts = await Promise.all(deptIds.map((id) => orgs.get(id)));
  if (depts.some((d) => !d || d.kind !== 'department' || !d.active)) {
    throw new AppError('VALIDATION_FAILED', '所选部门不存在或已撤销', [{ field: 'leadDeptId', message: '请选择有效的部门' }]);
  }
  const sla = await loadSla(ctx.ports);
  const n = await ctx.ports.store.collection(C.counters).increment(`card-${today}`, 'seq', 1);
  const card: SupervisionCard = {
    _id: `card-${req._id}-${req.seq + 1}`,
    no: `DB${today}${String(n).padStart(4, '0')}`,
    requestId: req._id,
    requestNo: req.no,
    enterpriseName: req.enterpriseName,
    category: req.category,
    description: req.description,
    deadline: data.deadline,
    instructions: data.instructions,
    status: 'open',
    issuedAt: ctx.now.toISOString(),
    issuedById: ctx.user._id,
    issuedByName: ctx.user.name,
    deptIds,
    parties: depts.map((d, i): CardParty => ({
      deptId: d!._id, deptName: d!.name, role: i === 0 ? 'lead' : 'co', status: 'issued', reply: null, reason: null, at: null, handlerId: null, handlerName: null,
    })),
    version: 1,
  };
  // the card's deadline becomes the request's deadline (end of that working day)
  let clock = startIfNeeded(req, ctx.now, sla, {});
  const started = { ...req, ...clock.set } as ServiceRequest;
  clock = recompute(started, ctx.now, sla, {
    ...clock.set, status: 'supervised', cardId: card._id, deptIds, level: 'special', specialDueDate: data.deadline,
    assigneeId: null, assigneeName: null, assigneeRole: null, acceptDueAt: null, pausedAt: null, remainingAtPause: null,
  });
  const handlers = await departmentHandlers(ctx.ports, deptIds);
  const names = depts.map((d, i) => `${d!.name}${i === 0 ? '（牵头）' : '（协办）'}`).join('、');
  const next = await transition(ctx.ports, req, {
    from: ['queued', 'dispatch', 'assigned', 'accepted'],
    set: clock.set,
    history: clock.history,
    event: { type: 'card_issued', text: `下发督办卡 ${card.no}：${names}，期限 ${data.deadline}`, notify: [...handlers, ...(req.assigneeId ? [req.assigneeId] : [])] },
    actor: { id: ctx.user._id, name: ctx.user.name },
    now: ctx.now,
  });
  await ctx.ports.store.collection<SupervisionCard>(C.cards).add(card);
  if (req.assigneeId && ['assigned', 'accepted', 'paused'].includes(req.status)) {
    await ctx.ports.store.collection<User>(C.users).update(req.assigneeId, { $inc: { openCount: -1 } }, { openCount: { $gt: 0 } });
  }
  return { request: next, card };
}

// ---------- department side ----------

const TABS = { todo: ['issued'], doing: ['accepted'], done: ['replied', 'returned'] } as const;

function myParty(ctx: Ctx, card: SupervisionCard): CardParty | undefined {
  return card.parties.find((p) => p.deptId === ctx.user.departmentId);
}

async function loadMyCard(ctx: Ctx, cardId: string) {
  requireRole(ctx.user, 'department');
  const card = await ctx.ports.store.collection<SupervisionCard>(C.cards).get(cardId);
  if (!card || !myParty(ctx, card)) throw new AppError('NOT_FOUND', '未找到该督办卡');
  return card;
}

export function cardPermissions(ctx: Ctx, card: SupervisionCard) {
  const p = hasRole(ctx.user, 'department') ? myParty(ctx, card) : undefined;
  const open = card.status === 'open';
  return { accept: !!p && open && p.status === 'issued', reply: !!p && open && (p.status === 'issued' || p.status === 'accepted'), return: !!p && open && p.status !== 'replied' && p.status !== 'returned' };
}

export async function listCards(ctx: Ctx, input: unknown) {
  requireRole(ctx.user, 'department');
  const { tab, page } = parseInput(
    z.object({ tab: z.enum(['todo', 'doing', 'done']).default('todo'), page: z.number().int().min(1).max(10_000).default(1) }),
    input,
  );
  const dept = ctx.user.departmentId;
  if (!dept) return { items: [], total: 0, page, pageSize: 20, counts: { todo: 0, doing: 0, done: 0 } };
  // one department sees few dozen open cards; read its cards and split by its own party status
  const cards = await ctx.ports.store.collection<SupervisionCard>(C.cards).find({ deptIds: { $all: [dept] } }, { orderBy: [['issuedAt', 'desc']], limit: 100 });
  const of = (t: keyof typeof TABS) =>
    cards.filter((c) => (c.status === 'open' ? (TABS[t] as readonly string[]).includes(c.parties.find((p) => p.deptId === dept)!.status) : t === 'done'));
  const items = of(tab);
  return { items: items.slice((page - 1) * 20, page * 20), total: items.length, page, pageSize: 20, counts: { todo: of('todo').length, doing: of('doing').length, done: of('done').length } };
}

export async function getCard(ctx: Ctx, input: unknown) {
  const { cardId } = parseInput(z.object({ cardId: zId }), input);
  const card = await loadMyCard(ctx, cardId);
  const req = await loadRequest(ctx.ports, card.requestId);
  return { card, request: req, can: cardPermissions(ctx, card) };
}

/** updates this department's party on the card, conditioned on the version read */
async function updateParty(ctx: Ctx, card: SupervisionCard, patch: Partial<CardParty>, cardPatch: Partial<SupervisionCard> = {}) {
  const parties = card.parties.map((p) =>
    p.deptId === ctx.user.departmentId ? { ...p, ...patch, at: ctx.now.toISOString(), handlerId: ctx.user._id, handlerName: ctx.user.name } : p,
  );
  const ok = await ctx.ports.store.collection<SupervisionCard>(C.cards).update(
    card._id,
    { $set: { parties, ...cardPatch }, $inc: { version: 1 } },
    { version: card.version, status: 'open' },
  );
  if (!ok) throw new AppError('CONFLICT', '督办卡状态已变化，请刷新后重试');
  return (await ctx.ports.store.collection<SupervisionCard>(C.cards).get(card._id))!;
}

export async function acceptCard(ctx: Ctx, input: unknown) {
  const { cardId } = parseInput(z.object({ cardId: zId }), input);
  const card = await loadMyCard(ctx, cardId);
  if (!cardPermissions(ctx, card).accept) throw new AppError('INVALID_STATE', '该督办卡当前不能接收');
  const updated = await updateParty(ctx, card, { status: 'accepted' });
  const party = myParty(ctx, card)!;
  const next = await transitionFollowing(ctx.ports, card.requestId, () => ({
    from: ['supervised'],
    event: { type: 'card_accepted', text: `${party.deptName}（${party.role === 'lead' ? '牵头' : '协办'}）已接收督办卡` },
    actor: { id: ctx.user._id, name: `${ctx.user.name}（${party.deptName}）` },
    now: ctx.now,
  }));
  return { card: updated, request: next };
}

export async function replyCard(ctx: Ctx, input: unknown) {
  const { cardId, reply } = parseInput(
    z.object({ cardId: zId, reply: z.string({ required_error: '请填写答复内容' }).trim().min(2, '请填写答复内容').max(2000, '答复不能超过2000字') }),
    input,
  );
  const card = await loadMyCard(ctx, cardId);
  if (!cardPermissions(ctx, card).reply) throw new AppError('INVALID_STATE', '该督办卡当前不能答复');
  const party = myParty(ctx, card)!;
  const lead = party.role === 'lead';
  // the card changes first (its version guards against two departments racing); the request follows
  const updated = await updateParty(ctx, card, { status: 'replied', reply }, lead ? { status: 'answered' } : {});
  const by = { id: ctx.user._id, name: `${ctx.user.name}（${party.deptName}）` };
  if (!lead) {
    const next = await transitionFollowing(ctx.ports, card.requestId, () => ({ from: ['supervised'], event: { type: 'card_replied', text: `${party.deptName}（协办）答复：${reply}` }, actor: by, now: ctx.now }));
    return { card: updated, request: next };
  }
  // the lead department's answer resolves the request; the enterprise then confirms and scores it
  const sla = await loadSla(ctx.ports);
  const next = await transitionFollowing(ctx.ports, card.requestId, async (req) => {
    const clock = stop(req, ctx.now, sla, { status: 'resolved', result: reply, resolvedAt: ctx.now.toISOString() });
    return {
      from: ['supervised'],
      set: clock.set,
      history: clock.history,
      event: { type: 'resolved', text: `办结：${party.deptName}（牵头）答复：${reply}`, notify: await supervisorsOf(ctx.ports, req) },
      actor: by,
      now: ctx.now,
    };
  });
  return { card: updated, request: next };
}

export async function returnCard(ctx: Ctx, input: unknown) {
  const { cardId, reason } = parseInput(
    z.object({ cardId: zId, reason: z.string({ required_error: '请说明退回原因' }).trim().min(2, '请说明退回原因').max(500, '退回原因不能超过500字') }),
    input,
  );
  const card = await loadMyCard(ctx, cardId);
  if (!cardPermissions(ctx, card).return) throw new AppError('INVALID_STATE', '该督办卡当前不能退回');
  const party = myParty(ctx, card)!;
  const lead = party.role === 'lead';
  const updated = await updateParty(ctx, card, { status: 'returned', reason }, lead ? { status: 'returned' } : {});
  const by = { id: ctx.user._id, name: `${ctx.user.name}（${party.deptName}）` };
  const supervisors = await supervisorsOf(ctx.ports, await loadRequest(ctx.ports, card.requestId));
  if (!lead) {
    const next = await transitionFollowing(ctx.ports, card.requestId, () => ({
      from: ['supervised'],
      event: { type: 'card_returned', text: `${party.deptName}（协办）退回：${reason}`, notify: supervisors },
      actor: by,
      now: ctx.now,
    }));
    return { card: updated, request: next };
  }
  // misrouted: back to the dispatcher's queue to re-route; the clock keeps running
  const sla = await loadSla(ctx.ports);
  const next = await transitionFollowing(ctx.ports, card.requestId, (req) => ({
    from: ['supervised'],
    set: settleClock(req, ctx.now, sla, { status: 'dispatch', cardId: null }).set,
    event: { type: 'card_returned', text: `${party.deptName}（牵头）退回督办卡：${reason}；待调度员重新派发`, notify: supervisors },
    actor: by,
    now: ctx.now,
  }));
  return { card: updated, request: next };
}
