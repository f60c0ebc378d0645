/**
 * Supervision cards (督办卡), as the seeds run them: the dispatcher hands a request to a lead
 * department (牵头) and co-operating departments (协办) with a deadline.
 *
 * - Each department first accepts (接收) its part within policy.cardAcceptDays working days, or
 *   returns it with a reason (退回). Nothing else is possible before that.
 * - A co-operating department then gives its opinion (协办意见, card.reply) for the lead.
 * - The lead reports progress (办理进展, card.progress) as often as needed, and gives the final
 *   answer (最终答复, card.final) as a separate, confirmed step. That answer resolves the request
 *   and is only possible once every co-operating part is answered, returned, or closed by the
 *   dispatcher.
 * - The dispatcher urges (催办), changes the deadline, withdraws the card (back to 待调度) or closes
 *   a co-operating department's part.
 * - A lead return sends the request back to the dispatcher (待调度); a co return tells the
 *   supervisors and the lead.
 * - Recusal: officials a complaint is about (request.recusal.userIds) never see the card; their
 *   department gets it only when the dispatcher confirms it (confirmRecusal).
 */
import { releaseSlotOf } from '../assignment/assign';
import { Ctx, hasRole, requireRole } from '../context';
import { AppError } from '../errors';
import type { CardParty, CardProgress, Org, ServiceRequest, SupervisionCard } from '../model';
import { loadRequest, resolution, transition, transitionFollowing, type Transition } from '../request-record';
import { recompute, settleClock, stop } from '../sla/clock';
import { loadSla } from '../sla/policy';
import { beijingDateKey } from '../time';
import { CardCloseInput, CardDeadlineInput, CardIdInput, CardListInput, CardProgressInput, CardReplyInput, CardReturnInput, CardUrgeInput, CardWithdrawInput, FinalInput, IssueInput } from '../contract/desk';
import type { Sent } from '../contract/schema';
import { parseInput } from '../validation';
import { ownAttachments, withAttachments } from '../files/attachments';
import { departmentHandlers, supervisorsOf } from '../desk/scope';
import { loadSupervised } from '../desk/triage';
import { cardRepo } from '../repos/cards';
import { newCard, supervisedClock } from './new-card';
import { orgRepo } from '../repos/orgs';


const ROLE_NAME = { lead: '牵头', co: '协办' } as const;
/** a part still waiting on its department: not yet answered, returned or closed */
const OPEN_PARTY: ReadonlyArray<CardParty['status']> = ['issued', 'accepted'];


const recusedOf = (card: SupervisionCard) => card.recusedUserIds ?? [];

/** the handlers of these departments, less the officials the complaint is about */
async function handlersOf(ctx: Ctx, deptIds: string[], recused: string[]) {
  return (await departmentHandlers(ctx.ports, deptIds)).filter((id) => !recused.includes(id));
}

export async function issueCard(ctx: Ctx, input: Sent<typeof IssueInput>) {
  const data = parseInput(IssueInput, input);
  const req = await loadSupervised(ctx, data.id);
  if (req.status === 'supervised') throw new AppError('INVALID_STATE', '该诉求已在督办中');
  const today = beijingDateKey(ctx.now);
  if (data.deadline.replace(/-/g, '') < today) throw new AppError('VALIDATION_FAILED', '督办期限不能早于今天', [{ field: 'deadline', message: '督办期限不能早于今天' }]);
  const orgs = orgRepo(ctx.ports.store);
  const deptIds = [data.leadDeptId, ...new Set(data.coDeptIds)];
  const depts = await Promise.all(deptIds.map((id) => orgs.get(id)));
  if (depts.some((d) => !d || d.kind !== 'department' || !d.active)) {
    throw new AppError('VALIDATION_FAILED', '所选部门不存在或已撤销', [{ field: 'leadDeptId', message: '请选择有效的部门' }]);
  }
  // a complaint about officials reaches their own department only when the dispatcher says so
  const recusal = req.recusal ?? null;
  const conflicted = depts.filter((d) => recusal?.deptIds.includes(d!._id)).map((d) => d!.name);
  if (conflicted.length && !data.confirmRecusal) {
    const message = `${conflicted.join('、')}是被投诉人员所在部门，须确认回避（被投诉人不接收此卡）后方可下发`;
    throw new AppError('VALIDATION_FAILED', message, [{ field: 'confirmRecusal', message }]);
  }
  const recused = recusal?.userIds ?? [];
  const sla = await loadSla(ctx.ports);
  const card = await newCard(ctx.ports, req, { depts: depts as Org[], deadline: data.deadline, instructions: data.instructions, by: { id: ctx.user._id, name: ctx.user.name }, recused }, ctx.now, sla);
  const clock = supervisedClock(req, card, ctx.now, sla);
  const handlers = await handlersOf(ctx, deptIds, recused);
  const names = depts.map((d, i) => `${d!.name}${i === 0 ? '（牵头）' : '（协办）'}`).join('、');
  const recusalNote = conflicted.length ? `；已确认回避：被投诉人不接收此卡（${conflicted.join('、')}）` : '';
  const next = await transition(ctx.ports, req, {
    from: ['queued', 'dispatch', 'assigned', 'accepted'],
    set: clock.set,
    history: clock.history,
    event: {
      type: 'card_issued',
      text: `下发督办卡 ${card.no}：${names}，期限 ${data.deadline}${recusalNote}`,
      notify: [...handlers, ...(req.assigneeId && !recused.includes(req.assigneeId) ? [req.assigneeId] : [])],
    },
    actor: { id: ctx.user._id, name: ctx.user.name },
    now: ctx.now,
  });
  await cardRepo(ctx.ports.store).add(card);
  await releaseSlotOf(ctx.ports, req);
  return { request: next, card };
}

// ---------- writing a card ----------

/** writes the card, conditioned on the version read and on its still being open; returns it as written */
async function saveCard(ctx: Ctx, card: SupervisionCard, set: Partial<SupervisionCard>): Promise<SupervisionCard> {
  const ok = await cardRepo(ctx.ports.store).updateOpenAt(card, set);
  if (!ok) throw new AppError('CONFLICT', '督办卡状态已变化，请刷新后重试');
  return { ...card, ...set, version: card.version + 1 };
}

const withParty = (card: SupervisionCard, deptId: string, patch: Partial<CardParty>) =>
  card.parties.map((p) => (p.deptId === deptId ? { ...p, ...patch } : p));

/** co-operating parts that still hold up the lead's final answer */
export const waitingParties = (card: SupervisionCard) => card.parties.filter((p) => p.role === 'co' && OPEN_PARTY.includes(p.status));

// ---------- department side ----------

const TABS = { todo: ['issued'], doing: ['accepted'], done: ['replied', 'returned', 'closed'] } as const;

const visibleTo = (ctx: Ctx, card: SupervisionCard) => !recusedOf(card).includes(ctx.user._id);

function myParty(ctx: Ctx, card: SupervisionCard): CardParty | undefined {
  return card.parties.find((p) => p.deptId === ctx.user.departmentId);
}

/** what a department handler sees of a card: not who the complaint is about */
function deptView(card: SupervisionCard) {
  const { recusedUserIds, ...rest } = card;
  void recusedUserIds;
  return rest;
}

async function loadMyCard(ctx: Ctx, cardId: string) {
  requireRole(ctx.user, 'department');
  const card = await cardRepo(ctx.ports.store).get(cardId);
  // the same answer for a missing card, another department's, and one about the caller
  if (!card || !myParty(ctx, card) || !visibleTo(ctx, card)) throw new AppError('NOT_FOUND', '未找到该督办卡');
  return { card, party: myParty(ctx, card)! };
}

export function cardPermissions(ctx: Ctx, card: SupervisionCard) {
  const p = hasRole(ctx.user, 'department') && visibleTo(ctx, card) ? myParty(ctx, card) : undefined;
  const open = card.status === 'open';
  const working = !!p && open && p.status === 'accepted';
  const lead = p?.role === 'lead';
  return {
    accept: !!p && open && p.status === 'issued',
    return: !!p && open && OPEN_PARTY.includes(p.status),
    /** 协办意见: co-operating departments only */
    reply: working && !lead,
    /** 办理进展: the lead, as often as needed */
    progress: working && lead,
    /** 最终答复: the lead, once no co-operating part is still open */
    final: working && lead && waitingParties(card).length === 0,
  };
}

export async function listCards(ctx: Ctx, input: Sent<typeof CardListInput>) {
  requireRole(ctx.user, 'department');
  const { tab, page } = parseInput(CardListInput, input);
  const dept = ctx.user.departmentId;
  if (!dept) return { items: [], total: 0, page, pageSize: 20, counts: { todo: 0, doing: 0, done: 0 } };
  // one department sees few dozen open cards; read its cards and split by its own party status
  const cards = (await cardRepo(ctx.ports.store).latestOfDepartment(dept, 100))
    .filter((c) => visibleTo(ctx, c));
  const of = (t: keyof typeof TABS) =>
    cards.filter((c) => (c.status === 'open' ? (TABS[t] as readonly string[]).includes(c.parties.find((p) => p.deptId === dept)!.status) : t === 'done'));
  const items = of(tab);
  return {
    items: items.slice((page - 1) * 20, page * 20).map(deptView), total: items.length, page, pageSize: 20,
    counts: { todo: of('todo').length, doing: of('doing').length, done: of('done').length },
  };
}

export async function getCard(ctx: Ctx, input: Sent<typeof CardIdInput>) {
  const { cardId } = parseInput(CardIdInput, input);
  const { card, party } = await loadMyCard(ctx, cardId);
  const req = await loadRequest(ctx.ports, card.requestId);
  return { card: deptView(card), request: req, can: cardPermissions(ctx, card), mine: { deptId: party.deptId, role: party.role } };
}

/** the department's own party, stamped with who acted and when */
const stamped = (ctx: Ctx, patch: Partial<CardParty>): Partial<CardParty> => ({ ...patch, at: ctx.now.toISOString(), handlerId: ctx.user._id, handlerName: ctx.user.name });
const byDept = (ctx: Ctx, party: CardParty) => ({ id: ctx.user._id, name: `${ctx.user.name}（${party.deptName}）` });
/** a department's step on the card, written to the request's timeline as that department's; the step's answer */
async function deptStep(ctx: Ctx, card: SupervisionCard, party: CardParty, updated: SupervisionCard, event: Transition['event']) {
  const next = await transitionFollowing(ctx.ports, card.requestId, () => ({ from: ['supervised'], event, actor: byDept(ctx, party), now: ctx.now }));
  return { card: deptView(updated), request: next };
}
const lateAccept = (party: CardParty, at: Date) => !!party.acceptDueAt && at.getTime() > new Date(party.acceptDueAt).getTime();

export async function acceptCard(ctx: Ctx, input: Sent<typeof CardIdInput>) {
  const { cardId } = parseInput(CardIdInput, input);
  const { card, party } = await loadMyCard(ctx, cardId);
  if (!cardPermissions(ctx, card).accept) throw new AppError('INVALID_STATE', card.status === 'open' ? '本部门已接收或已处理该督办卡' : '该督办卡已结束，不能接收');
  const late = lateAccept(party, ctx.now);
  const updated = await saveCard(ctx, card, { parties: withParty(card, party.deptId, stamped(ctx, { status: 'accepted', acceptedAt: ctx.now.toISOString() })) });
  return deptStep(ctx, card, party, updated, { type: 'card_accepted', text: `${party.deptName}（${ROLE_NAME[party.role]}）已接收督办卡${late ? '（逾期接收）' : ''}` });
}

/** 协办意见: a co-operating department's opinion, for the lead's final answer */
export async function replyCard(ctx: Ctx, input: Sent<typeof CardReplyInput>) {
  const { cardId, reply, attachments } = parseInput(CardReplyInput, input);
  const { card, party } = await loadMyCard(ctx, cardId);
  if (!cardPermissions(ctx, card).reply) {
    if (card.status === 'open' && party.role === 'lead') {
      throw new AppError('INVALID_STATE', '牵头部门不提交协办意见：办理中请用「办理进展」报告进度，办结时用「最终答复」反馈办理结果');
    }
    throw new AppError('INVALID_STATE', card.status === 'open' && party.status === 'issued' ? '请先接收督办卡，再提交协办意见' : '该督办卡当前不能提交协办意见');
  }
  // checked before the card changes: only the handler's own uploads
  const files = await ownAttachments(ctx, attachments);
  const updated = await saveCard(ctx, card, { parties: withParty(card, party.deptId, stamped(ctx, { status: 'replied', reply, ...(files.length ? { replyAttachments: files } : {}) })) });
  const lead = card.parties.find((p) => p.role === 'lead')!;
  const notify = await handlersOf(ctx, [lead.deptId], recusedOf(card));
  return deptStep(ctx, card, party, updated, { type: 'card_replied', text: `${party.deptName}（协办）意见：${reply}`, notify, ...withAttachments(files) });
}

/** 办理进展: the lead department reports how far it got, as often as needed */
export async function progressCard(ctx: Ctx, input: Sent<typeof CardProgressInput>) {
  const { cardId, note, attachments } = parseInput(CardProgressInput, input);
  const { card, party } = await loadMyCard(ctx, cardId);
  if (!cardPermissions(ctx, card).progress) {
    if (card.status === 'open' && party.role === 'co') throw new AppError('INVALID_STATE', '协办部门请通过「协办意见」反馈，办理进展由牵头部门填报');
    throw new AppError('INVALID_STATE', card.status === 'open' && party.status === 'issued' ? '请先接收督办卡，再填报办理进展' : '该督办卡当前不能填报办理进展');
  }
  const files = await ownAttachments(ctx, attachments);
  const entry: CardProgress = { at: ctx.now.toISOString(), byId: ctx.user._id, byName: ctx.user.name, deptName: party.deptName, text: note, ...withAttachments(files) };
  const updated = await saveCard(ctx, card, { progress: [...(card.progress ?? []), entry] });
  return deptStep(ctx, card, party, updated, { type: 'card_progress', text: `${party.deptName}（牵头）办理进展：${note}`, ...withAttachments(files) });
}


/** 最终答复: the lead's answer resolves the request; the enterprise then confirms and scores it */
export async function finalCard(ctx: Ctx, input: Sent<typeof FinalInput>) {
  const { cardId, answer, kind, reason, attachments } = parseInput(FinalInput, input);
  const { card, party } = await loadMyCard(ctx, cardId);
  if (!cardPermissions(ctx, card).final) {
    if (card.status !== 'open') throw new AppError('INVALID_STATE', '该督办卡已结束，不能再作最终答复');
    if (party.role !== 'lead') throw new AppError('INVALID_STATE', '最终答复由牵头部门作出，协办部门请提交协办意见');
    if (party.status === 'issued') throw new AppError('INVALID_STATE', '请先接收督办卡');
    const waiting = waitingParties(card);
    if (party.status === 'accepted' && waiting.length) {
      const names = waiting.map((p) => `${p.deptName}（${p.status === 'issued' ? '待接收' : '已接收，未反馈'}）`).join('、');
      throw new AppError('INVALID_STATE', `协办部门尚未反馈意见：${names}。请待其反馈或退回，或请调度员结束其协办后再作最终答复`);
    }
    throw new AppError('INVALID_STATE', '该督办卡当前不能作最终答复');
  }
  const files = await ownAttachments(ctx, attachments);
  // the card changes first (its version guards against a co-operating department acting meanwhile); the request follows
  const updated = await saveCard(ctx, card, {
    parties: withParty(card, party.deptId, stamped(ctx, { status: 'replied', reply: answer, ...(files.length ? { replyAttachments: files } : {}) })),
    status: 'answered',
  });
  const sla = await loadSla(ctx.ports);
  const next = await transitionFollowing(ctx.ports, card.requestId, async (req) => {
    const resolved = resolution(kind, reason, `${party.deptName}（牵头）最终答复：${answer}`);
    const clock = stop(req, ctx.now, sla, { status: 'resolved', result: answer, ...resolved.set, resolvedAt: ctx.now.toISOString() });
    return {
      from: ['supervised'],
      set: clock.set,
      history: clock.history,
      event: { type: 'resolved', text: resolved.text, notify: await supervisorsOf(ctx.ports, req), ...withAttachments(files) },
      actor: byDept(ctx, party),
      now: ctx.now,
    };
  });
  return { card: deptView(updated), request: next };
}

export async function returnCard(ctx: Ctx, input: Sent<typeof CardReturnInput>) {
  const { cardId, reason } = parseInput(CardReturnInput, input);
  const { card, party } = await loadMyCard(ctx, cardId);
  if (!cardPermissions(ctx, card).return) throw new AppError('INVALID_STATE', card.status === 'open' ? '本部门已反馈或已结束，不能退回' : '该督办卡已结束，不能退回');
  const lead = party.role === 'lead';
  const updated = await saveCard(ctx, card, {
    parties: withParty(card, party.deptId, stamped(ctx, { status: 'returned', reason })),
    ...(lead ? { status: 'returned' as const } : {}),
  });
  const by = byDept(ctx, party);
  const supervisors = await supervisorsOf(ctx.ports, await loadRequest(ctx.ports, card.requestId));
  if (!lead) {
    // back to the dispatcher, who may close the part or re-route; the lead hears that it need not wait
    const leadParty = card.parties.find((p) => p.role === 'lead')!;
    const leadHandlers = await handlersOf(ctx, [leadParty.deptId], recusedOf(card));
    const next = await transitionFollowing(ctx.ports, card.requestId, () => ({
      from: ['supervised'],
      event: { type: 'card_returned', text: `${party.deptName}（协办）退回督办卡：${reason}`, notify: [...supervisors, ...leadHandlers] },
      actor: by,
      now: ctx.now,
    }));
    return { card: deptView(updated), request: next };
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
  return { card: deptView(updated), request: next };
}

// ---------- the dispatcher's side ----------

/** an open card of a request the calling dispatcher supervises; a card out of scope reads like a missing one */
async function loadDeskCard(ctx: Ctx, cardId: string) {
  requireRole(ctx.user, 'dispatcher');
  const card = await cardRepo(ctx.ports.store).get(cardId);
  const req = card
    ? await loadSupervised(ctx, card.requestId).catch((e) => {
      if (e instanceof AppError && e.code === 'NOT_FOUND') return null;
      throw e;
    })
    : null;
  if (!card || !req) throw new AppError('NOT_FOUND', '未找到该督办卡，或不在本中心管辖范围');
  if (card.status !== 'open' || req.cardId !== card._id || req.status !== 'supervised') throw new AppError('INVALID_STATE', '该督办卡已结束，不能再操作');
  return { card, req };
}

const byDesk = (ctx: Ctx) => ({ id: ctx.user._id, name: ctx.user.name });
/** a dispatcher's step on the card, written to the request's timeline as theirs (`step` sees the request as it is then); the step's answer */
async function deskStep(ctx: Ctx, card: SupervisionCard, updated: SupervisionCard, step: (req: ServiceRequest) => Omit<Transition, 'from' | 'actor' | 'now'>) {
  const next = await transitionFollowing(ctx.ports, card.requestId, (req) => ({ from: ['supervised'], ...step(req), actor: byDesk(ctx), now: ctx.now }));
  return { card: updated, request: next };
}

function partyOf(card: SupervisionCard, deptId: string): CardParty {
  const p = card.parties.find((x) => x.deptId === deptId);
  if (!p) throw new AppError('VALIDATION_FAILED', '该部门不在此督办卡上', [{ field: 'deptId', message: '请选择督办卡上的部门' }]);
  return p;
}

/** 催办: one department, or every department whose part is still open */
export async function urgeCard(ctx: Ctx, input: Sent<typeof CardUrgeInput>) {
  const { cardId, deptId, note } = parseInput(CardUrgeInput, input);
  const { card } = await loadDeskCard(ctx, cardId);
  const targets = deptId ? [partyOf(card, deptId)].filter((p) => OPEN_PARTY.includes(p.status)) : card.parties.filter((p) => OPEN_PARTY.includes(p.status));
  if (!targets.length) throw new AppError('INVALID_STATE', deptId ? '该部门已反馈或已结束，无需催办' : '各部门均已反馈，无需催办');
  const ids = new Set(targets.map((p) => p.deptId));
  const at = ctx.now.toISOString();
  const updated = await saveCard(ctx, card, {
    parties: card.parties.map((p) => (ids.has(p.deptId) ? { ...p, urgeCount: (p.urgeCount ?? 0) + 1, lastUrgedAt: at } : p)),
  });
  const notify = await handlersOf(ctx, [...ids], recusedOf(card));
  const names = targets.map((p) => `${p.deptName}（${ROLE_NAME[p.role]}${p.status === 'issued' ? '，待接收' : ''}）`).join('、');
  return deskStep(ctx, card, updated, () => ({
    inc: { urgeCount: 1 },
    event: { type: 'card_urged', text: `催办督办卡 ${card.no}：${names}${note ? `：${note}` : ''}`, notify },
  }));
}

/** 调整期限: the card's deadline and the request's deadline move together */
export async function deadlineCard(ctx: Ctx, input: Sent<typeof CardDeadlineInput>) {
  const { cardId, deadline, reason } = parseInput(CardDeadlineInput, input);
  const { card } = await loadDeskCard(ctx, cardId);
  if (deadline.replace(/-/g, '') < beijingDateKey(ctx.now)) throw new AppError('VALIDATION_FAILED', '督办期限不能早于今天', [{ field: 'deadline', message: '督办期限不能早于今天' }]);
  if (deadline === card.deadline) throw new AppError('VALIDATION_FAILED', '新期限与当前期限相同', [{ field: 'deadline', message: '请选择新的督办期限' }]);
  const change = { at: ctx.now.toISOString(), byName: ctx.user.name, from: card.deadline, to: deadline, reason };
  const updated = await saveCard(ctx, card, { deadline, deadlineChanges: [...(card.deadlineChanges ?? []), change] });
  const sla = await loadSla(ctx.ports);
  const notify = await handlersOf(ctx, card.parties.filter((p) => OPEN_PARTY.includes(p.status)).map((p) => p.deptId), recusedOf(card));
  return deskStep(ctx, card, updated, (req) => {
    const clock = recompute(req, ctx.now, sla, { specialDueDate: deadline, level: 'special' });
    return { set: clock.set, history: clock.history, event: { type: 'card_deadline', text: `督办期限由 ${card.deadline} 调整为 ${deadline}：${reason}`, notify } };
  });
}

/** 撤回: the card ends; the request goes back to 待调度 and its clock keeps running */
export async function withdrawCard(ctx: Ctx, input: Sent<typeof CardWithdrawInput>) {
  const { cardId, reason } = parseInput(CardWithdrawInput, input);
  const { card } = await loadDeskCard(ctx, cardId);
  const updated = await saveCard(ctx, card, { status: 'withdrawn', withdrawal: { at: ctx.now.toISOString(), byId: ctx.user._id, byName: ctx.user.name, reason } });
  const sla = await loadSla(ctx.ports);
  const notify = await handlersOf(ctx, card.deptIds, recusedOf(card));
  return deskStep(ctx, card, updated, (req) => ({
    set: settleClock(req, ctx.now, sla, { status: 'dispatch', cardId: null }).set,
    event: { type: 'card_withdrawn', text: `撤回督办卡 ${card.no}：${reason}；待重新调度`, notify },
  }));
}

/** 结束协办: a co-operating department's part no longer holds up the lead's final answer */
export async function closeParty(ctx: Ctx, input: Sent<typeof CardCloseInput>) {
  const { cardId, deptId, reason } = parseInput(CardCloseInput, input);
  const { card } = await loadDeskCard(ctx, cardId);
  const party = partyOf(card, deptId);
  if (party.role === 'lead') throw new AppError('VALIDATION_FAILED', '牵头部门的督办不能单独结束，可撤回督办卡', [{ field: 'deptId', message: '请选择协办部门' }]);
  if (!OPEN_PARTY.includes(party.status)) throw new AppError('INVALID_STATE', '该部门已反馈或已结束');
  const closed = { at: ctx.now.toISOString(), byId: ctx.user._id, byName: ctx.user.name, reason };
  const updated = await saveCard(ctx, card, { parties: withParty(card, deptId, { status: 'closed', closed }) });
  const lead = card.parties.find((p) => p.role === 'lead')!;
  const notify = await handlersOf(ctx, [deptId, lead.deptId], recusedOf(card));
  return deskStep(ctx, card, updated, () => ({ event: { type: 'card_party_closed', text: `结束${party.deptName}（协办）的协办：${reason}`, notify } }));
}
