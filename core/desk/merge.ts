/**
 * 并件: the dispatcher merges likely duplicates (core/desk/duplicate-clusters.ts finds them) into
 * one main request; the others are linked to it, and undone one by one (取消并件).
 *
 * The model:
 *  - A linked request keeps every stored field and gets status 'merged' with `mergedInto` (the
 *    main's id and number, who merged it, and what it was before: status, handler, whether the
 *    merge paused its clock). Status 'merged' is in none of the working queues (the officer's
 *    inbox, the desk's lists, the assignment queue read open statuses), and its clock is paused, so
 *    the sweep has nothing to chase (nextCheckAt null). Its handler's slot is given back.
 *  - The main keeps `mergedFrom`: each linked request's id, number, enterprise and submitter. That
 *    list is whom the outbox tells of the main's progress (core/desk/merge-rules.ts LINKED_EVENTS):
 *    one message per linked enterprise and event of the main, keyed `${mainId}:${seq}:${userId}`
 *    like every other, so a re-run never tells twice; it opens the enterprise's own request.
 *  - Invariant across the two documents (no multi-document transactions on CloudBase): the main
 *    lists only requests that point at it. A merge writes each linked request first, then the
 *    main's list; an unmerge takes it off the main's list first, then restores the linked request.
 *    A crash between leaves a request linked but not yet listed (silent, never told wrongly); the
 *    dispatcher's retry finishes it, as both actions are idempotent, and so does the sweep some
 *    minutes later (settleLink): it lists a request the main can still take, restores one it cannot,
 *    and finishes an unmerge marked begun (`unmerging`, written before the main's list), so a
 *    crash never leaves a linked request silent for good. When the main can no longer take
    links at that second write (another dispatcher merged it elsewhere meanwhile, or it left the open
    statuses), the links to it that are not listed are undone, so none is left under a linked main.
 *  - The linked enterprise reads its own request: that it is merged, and the main's status, result
 *    and progress in its own words (core/desk/merge-view.ts), never the other enterprises. When
 *    the main is answered (待评价 or 已办结) it scores through request.confirm on its own request:
 *    the score is stored on the linked request (it stays 'merged'), each enterprise's score apart.
    The outbox step that tells it marks it `linkedAnswered` meanwhile, so it is in its 待评价.
    A main with linked requests cannot be rejected (core/desk/triage.ts): unmerge them first.
    The main enterprise's own acts (any of its contacts: events marked byEnterprise) are not told.
 *  - Figures (core/stats/figures.ts): a linked request counts nothing of the work (收集, 在办,
 *    办结, 超期, colours), the main counts once; each linked enterprise's score counts in 满意度.
 *    The change of status moves the counters through the usual protocol, exactly once.
 *  - Desk actions are not in the audit log (core/admin/audit.ts holds the admin's changes); merge
 *    and unmerge are recorded on both timelines, with who and when.
 */
import { OPEN_FOR_ASSIGNEE, OPEN_STATUSES, STATUSES, type RequestStatus } from '../contract/catalog';
import { MergeInput, UnmergeInput } from '../contract/merge';
import type { Sent } from '../contract/schema';
import { Ctx, requireRole } from '../context';
import { AppError } from '../errors';
import type { LinkedRef, MergeLink, ServiceRequest, SlaHistoryEntry } from '../model';
import { SYSTEM, transition, tryTransition, type Actor, type Transition } from '../request-record';
import type { Ports } from '../ports';
import { releaseSlot, releaseSlotOf } from '../assignment/assign';
import { loadSla } from '../sla/policy';
import { responseDeadline, resume, settleClock } from '../sla/clock';
import { parseInput } from '../validation';
import { followRequest, later, settle } from '../settle';
import { requestRepo } from '../repos/requests';
import { userRepo } from '../repos/users';
import { loadSupervised } from './triage';
import { linkCheckAt, linkedScorable, MERGE_CAP, MERGE_SETTLE_MS } from './merge-rules';
import { formatBeijing } from '../time';

const actor = (ctx: Ctx) => ({ id: ctx.user._id, name: ctx.user.name });
const refuse = (field: string, message: string, code: 'INVALID_STATE' | 'VALIDATION_FAILED' | 'NOT_FOUND' = 'INVALID_STATE') =>
  new AppError(code, message, [{ field, message }]);

/** every status but 'merged': the main's list is written whatever the main did meanwhile */
const MAIN_FROM = (Object.keys(STATUSES) as RequestStatus[]).filter((s) => s !== 'merged');
/** a request that may be linked: open and not under a supervision card */
const LINKABLE: RequestStatus[] = OPEN_STATUSES.filter((s) => s !== 'supervised');

function checkMain(main: ServiceRequest) {
  if (main.mergedInto) throw refuse('mainId', `主诉求 ${main.no} 本身已并入 ${main.mergedInto.no}，请以 ${main.mergedInto.no} 为主诉求`);
  if (!OPEN_STATUSES.includes(main.status)) throw refuse('mainId', `主诉求 ${main.no} ${STATUSES[main.status]}，只能并入正在办理的诉求`);
  if (main.channel === 'report') throw refuse('mainId', '投诉举报不参与并件');
}

/** why this request cannot be linked to `main` (null: it can, or it already is) */
function linkRefusal(r: ServiceRequest, main: ServiceRequest): string | null {
  if (r.mergedInto?.id === main._id) return null;
  if (r.mergedInto) return `${r.no} 已并入 ${r.mergedInto.no}，请先取消并件`;
  if (r.mergedFrom?.length) return `${r.no} 已是其他诉求的主诉求，请以它为主诉求并入`;
  if (r.status === 'supervised') return `${r.no} 督办中（已下发督办卡），须先撤回督办卡再并件`;
  if (!LINKABLE.includes(r.status)) return `${r.no} ${STATUSES[r.status]}，只能并入正在办理的诉求`;
  if (r.channel === 'report') return `${r.no} 是投诉举报，不参与并件`;
  return null;
}

/** the linked request's transition: out of the queues, its clock paused, what it was kept */
async function linkStep(ctx: Ctx, r: ServiceRequest, main: ServiceRequest, note: string): Promise<Transition> {
  const at = ctx.now.toISOString();
  const pausing = !!r.startedAt && !!r.dueAt && !r.pausedAt;
  const link: MergeLink = {
    id: main._id, no: main.no, at, byId: ctx.user._id, byName: ctx.user.name,
    prev: { status: r.status, assigneeId: r.assigneeId, assigneeName: r.assigneeName, assigneeRole: r.assigneeRole, pausedByMerge: pausing },
  };
  const sla = await loadSla(ctx.ports);
  const set: Partial<ServiceRequest> = { status: 'merged', mergedInto: link, assigneeId: null, assigneeName: null, assigneeRole: null, acceptDueAt: null };
  const history: SlaHistoryEntry[] = [];
  if (pausing) {
    set.pausedAt = at;
    set.remainingAtPause = sla.calendar.workingMinutesBetween(ctx.now, new Date(r.dueAt!)).minutes;
    history.push({ at, kind: 'paused', text: `并入 ${main.no} 合并办理，暂停计时`, dueAt: r.dueAt });
  }
  const clock = settleClock(r, ctx.now, sla, set);
  return {
    from: LINKABLE,
    set: clock.set,
    history,
    event: {
      type: 'merged',
      text: `并件：并入 ${main.no}（${main.enterpriseName}）合并办理${note ? `：${note}` : ''}`,
      enterpriseText: '您反映的问题已与其他企业反映的同一问题合并办理，办理进展和结果将同步告知您，办结后请您评价',
      notify: r.assigneeId ? [r.assigneeId] : [],
    },
    actor: actor(ctx),
    now: ctx.now,
  };
}

/**
 * The main's side of a merge or unmerge: one conditional update of the main, read again and
 * retried when it moved meanwhile (an officer's progress); `build` null: nothing to write.
 */
async function updateMain(ports: Ports, id: string, build: (m: ServiceRequest) => Transition | null): Promise<ServiceRequest | null> {
  for (let i = 0; i < 5; i++) {
    const m = await requestRepo(ports.store).get(id);
    if (!m) return null;
    const t = build(m);
    if (!t) return m;
    const next = await tryTransition(ports, m, t);
    if (next) return next;
  }
  throw new AppError('CONFLICT', '主诉求状态正在变化，请稍后重试');
}

/** the main, read now, can still take links: not itself linked, still open */
async function validMain(ctx: Ctx, id: string): Promise<boolean> {
  const m = await requestRepo(ctx.ports.store).get(id);
  return !!m && !m.mergedInto && OPEN_STATUSES.includes(m.status);
}

/**
 * A merge whose main can no longer take links (two dispatchers: B into A while A into C): the
 * requests linked to it and not on its list go back to where they were, each one conditional
 * update (one that moved meanwhile is left to the sweep's settleLink), so none is stranded.
 */
async function undoLinks(ctx: Ctx, main: ServiceRequest, ids: string[]) {
  const docs = await requestRepo(ctx.ports.store).getMany(ids);
  for (const id of ids) {
    const r = docs.get(id);
    if (!r || r.status !== 'merged' || r.mergedInto?.id !== main._id) continue;
    await restoreLinked(ctx.ports, ctx.now, actor(ctx), r, (status) => ({
      text: `并件未完成：${main.no} 已不能作为主诉求（已并入其他诉求或状态已变化），恢复为${STATUSES[status]}`,
      enterpriseText: '合并办理未能完成，您的诉求恢复单独办理',
    })).catch(() => null);
  }
}

/** its own words go in its enterprise's notices of the main (not the main's enterprise's) */
const refOf = (r: ServiceRequest, at: string): LinkedRef => ({
  id: r._id, no: r.no, enterpriseId: r.enterpriseId, submitterId: r.submitterId, at, title: r.description.slice(0, 60),
  // its SMS goes to the number on its own request when its account has none (never the main's)
  phone: r.phone,
});

/**
 * desk.merge: `ids` become linked to `mainId`. Everything is checked before anything is written (a
 * refusal writes nothing); a retry of a merge that stopped half-way finishes it.
 */
export async function mergeRequests(ctx: Ctx, input: Sent<typeof MergeInput>) {
  requireRole(ctx.user, 'dispatcher');
  const { mainId, ids, note } = parseInput(MergeInput, input);
  const main = await loadSupervised(ctx, mainId);
  checkMain(main);
  const linked: ServiceRequest[] = [];
  for (const id of ids) {
    const r = await loadSupervised(ctx, id).catch(() => {
      throw refuse('ids', '未找到所选诉求，或不在本中心管辖范围', 'NOT_FOUND');
    });
    const why = linkRefusal(r, main);
    if (why) throw refuse('ids', why);
    linked.push(r);
  }
  const listed = new Set((main.mergedFrom ?? []).map((l) => l.id));
  if (new Set([...listed, ...ids]).size > MERGE_CAP) throw refuse('ids', `一件主诉求最多并入${MERGE_CAP}件诉求`, 'VALIDATION_FAILED');
  const done: ServiceRequest[] = [];
  let failure: unknown = null;
  for (const r of linked) {
    if (r.mergedInto?.id === main._id) { done.push(r); continue; }
    try {
      const next = await transition(ctx.ports, r, await linkStep(ctx, r, main, note));
      await releaseSlotOf(ctx.ports, r);
      done.push(next);
    } catch (e) {
      failure = e;
      break;
    }
  }
  // the main lists what now points at it (also when one of them failed: a retry does the rest)
  const at = ctx.now.toISOString();
  const adding = done.filter((r) => !listed.has(r._id));
  let mainNow = main;
  if (adding.length) {
    let gone = false;
    mainNow = (await updateMain(ctx.ports, main._id, (m) => {
      // another dispatcher merged the main itself elsewhere meanwhile, or it was answered: it can
      // take no links now (a write conditioned on its open statuses; its links are undone below)
      if (m.mergedInto || !OPEN_STATUSES.includes(m.status)) { gone = true; return null; }
      const have = new Set((m.mergedFrom ?? []).map((l) => l.id));
      const fresh = adding.filter((r) => !have.has(r._id));
      return !fresh.length ? null : {
        from: OPEN_STATUSES,
        set: { mergedFrom: [...(m.mergedFrom ?? []), ...fresh.map((r) => refOf(r, at))] },
        event: { type: 'merge_added', text: `并件：${fresh.map((r) => `${r.no}（${r.enterpriseName}）`).join('、')} 并入本件合并办理${note ? `：${note}` : ''}` },
        actor: actor(ctx),
        now: ctx.now,
      };
    }).catch((e) => {
      // it moved out of the open statuses between the read and the write: read again to know
      if (e instanceof AppError && e.code === 'CONFLICT') { gone = true; return null; }
      throw e;
    })) ?? mainNow;
    if (gone && !(await validMain(ctx, main._id))) {
      await undoLinks(ctx, main, adding.map((r) => r._id));
      for (const r of done) await later(ctx, (ports) => followRequest(ports, r._id));
      throw new AppError('CONFLICT', `主诉求 ${main.no} 刚刚已并入其他诉求或状态已变化，本次并件已撤回，请刷新后重试`);
    }
    if (gone) throw new AppError('CONFLICT', '主诉求状态正在变化，请稍后重试');
  }
  for (const r of done) await later(ctx, (ports) => followRequest(ports, r._id));
  if (failure) throw failure;
  const view = await settle(ctx, mainNow);
  return { ...view, linked: done.map((r) => ({ id: r._id, no: r.no, enterpriseName: r.enterpriseName })) };
}

/**
 * A linked request back to what it was before its link (unmerge, or a merge undone): its status,
 * its handler when still active (the handler's slot taken first, by a conditional increment while
 * active, as intake does; given back if the write fails), else queued again; its clock running again,
 * and a fresh sign-in deadline when it is back to be signed for (the link cleared it).
 */
async function restoreLinked(ports: Ports, now: Date, by: Actor, r: ServiceRequest, words: (status: RequestStatus) => { text: string; enterpriseText: string }): Promise<ServiceRequest> {
  const link = r.mergedInto!;
  const sla = await loadSla(ports);
  const prev = link.prev;
  const handlerId = prev.assigneeId && OPEN_FOR_ASSIGNEE.includes(prev.status) ? prev.assigneeId : null;
  const slot = handlerId ? await userRepo(ports.store).retakeSlot(handlerId) : false;
  const back = !handlerId || slot;
  const status: RequestStatus = back ? prev.status : 'queued';
  const set: Partial<ServiceRequest> = {
    status, mergedInto: null, linkedAnswered: false,
    assigneeId: back ? prev.assigneeId : null, assigneeName: back ? prev.assigneeName : null, assigneeRole: back ? prev.assigneeRole : null,
    ...(status === 'queued' ? { waitingNoted: false } : {}),
    // back to be signed for: the sweep hands it on if its handler does not sign in time
    ...(status === 'assigned' ? { acceptDueAt: responseDeadline(now, sla) } : {}),
  };
  const clock = prev.pausedByMerge && r.pausedAt ? resume(r, now, sla, set) : settleClock(r, now, sla, set);
  return transition(ports, r, {
    from: ['merged'],
    set: clock.set,
    history: clock.history,
    event: { type: 'unmerged', ...words(status), notify: back && prev.assigneeId ? [prev.assigneeId] : [] },
    actor: by,
    now,
  }).catch(async (e) => {
    // not written (it moved meanwhile): the slot taken for it is given back
    if (slot && handlerId) await releaseSlot(ports, handlerId);
    throw e;
  });
}

/** the main's write that takes a linked request off its list (null: not on it) */
function offList(m: ServiceRequest, r: ServiceRequest, why: string, by: Actor, now: Date): Transition | null {
  return lists(m, r) ? {
    from: MAIN_FROM,
    set: { mergedFrom: (m.mergedFrom ?? []).filter((l) => l.id !== r._id) },
    event: { type: 'merge_removed', text: `取消并件：${r.no}（${r.enterpriseName}）恢复单独办理${why}` },
    actor: by,
    now,
  } : null;
}

/**
 * desk.unmerge: the linked request goes back to what it was (its status, its handler when still
 * active, its clock running again), recorded on both timelines. Refused once its enterprise scored.
 */
export async function unmergeRequest(ctx: Ctx, input: Sent<typeof UnmergeInput>) {
  requireRole(ctx.user, 'dispatcher');
  const { id, reason } = parseInput(UnmergeInput, input);
  const r = await loadSupervised(ctx, id);
  const link = r.mergedInto;
  if (r.status !== 'merged' || !link) throw refuse('id', `${r.no} 未并件，无需取消`);
  if (r.score !== null) throw refuse('id', `${r.no} 的企业已对办理结果评价，不能取消并件`);
  const why = reason ? `：${reason}` : '';
  // the unmerge is marked on the linked request first: should the action stop half-way (off the
  // main's list, not yet restored), the sweep finishes it (settleLink) rather than list it again
  const marked = { ...r, mergedInto: { ...link, unmerging: ctx.now.toISOString() } };
  const markedCheck = new Date(linkCheckAt(marked)!).toISOString();
  if (!(await requestRepo(ctx.ports.store).update(r._id, { $set: { mergedInto: marked.mergedInto, nextCheckAt: markedCheck } }, { status: ['merged'], seq: r.seq }))) {
    throw new AppError('CONFLICT', '诉求状态已变化，请刷新后重试');
  }
  // off the main's list next: from now on its enterprise hears only of its own request
  await updateMain(ctx.ports, link.id, (m) => offList(m, r, why, actor(ctx), ctx.now));
  const main = await requestRepo(ctx.ports.store).get(link.id);
  const next = await restoreLinked(ctx.ports, ctx.now, actor(ctx), { ...marked, nextCheckAt: markedCheck }, (status) => ({
    text: `取消并件：不再随 ${link.no}${main ? `（${main.enterpriseName}）` : ''} 合并办理，恢复为${STATUSES[status]}${why}`,
    enterpriseText: '已取消合并办理，您的诉求恢复单独办理',
  }));
  if (main) await later(ctx, (ports) => followRequest(ports, main._id));
  return settle(ctx, next);
}

/**
 * request.confirm on a linked request (core/feedback/enterprise-feedback.ts): its enterprise scores
 * the main's result once the main is answered; the score is stored on its own request, which stays
 * linked (the main's own status and figures are its own enterprise's business).
 */
export async function confirmLinked(ctx: Ctx, r: ServiceRequest, score: number, comment: string, as: { id: string; name: string }) {
  // an unmerge under way decides first: scored now, the request could be reopened under its score
  if (r.mergedInto?.unmerging) throw new AppError('INVALID_STATE', '该诉求正在取消合并办理，请稍后再试');
  const main = r.mergedInto ? await requestRepo(ctx.ports.store).get(r.mergedInto.id) : null;
  if (!linkedScorable(r, main)) {
    throw new AppError('INVALID_STATE', r.score !== null ? '您已评价过该诉求' : '合并办理的诉求尚未办结，办结后即可评价');
  }
  return settle(ctx, await transition(ctx.ports, r, {
    from: ['merged'],
    // counted where the main was handled (scoredUnder, core/stats/figures.ts)
    set: { score, comment: comment || null, linkedAnswered: false, scoredUnder: { tier: main!.tier, tierOrgId: main!.tierOrgId, category: main!.category, deptIds: main!.deptIds ?? [] } },
    event: {
      type: 'closed',
      text: `企业对合并办理结果（${main!.no}，${formatBeijing(main!.resolvedAt ?? ctx.now.toISOString())} 办结）评分 ${score} 分${comment ? `：${comment}` : ''}`,
      // its enterprise reads no other request's number
      enterpriseText: `企业对合并办理结果评分 ${score} 分${comment ? `：${comment}` : ''}`,
    },
    actor: as,
    now: ctx.now,
  }));
}

/** is `r` on the main's list */
const lists = (m: ServiceRequest, r: ServiceRequest) => (m.mergedFrom ?? []).some((l) => l.id === r._id);

export type LinkOutcome = 'whole' | 'finished' | 'undone' | 'unmerged' | 'moved';

/**
 * The sweep's check of a linked request some minutes after its merge or unmerge began
 * (MERGE_SETTLE_MS, ./merge-rules.ts): the two documents must agree. An action that stopped
 * half-way (a crash, a timeout, a conditional write that lost a race) is finished or undone here,
 * so no request is left linked to a main that does not list it, silent for good:
 *  - an unmerge begun (`unmerging`): off the main's list, back to what it was;
 *  - the main lists it: the merge is whole, marked so (`listed`), never checked again;
 *  - the main can still take it: listed, as the dispatcher's retry would;
 *  - the main cannot (linked elsewhere, no longer open, full): back to what it was.
 * Each write is conditional; one that lost a race leaves the request due, for the next tick.
 */
export async function settleLink(ports: Ports, seen: ServiceRequest, now: Date): Promise<LinkOutcome> {
  const requests = requestRepo(ports.store);
  // read again: the sweep's page may be a run old, and an unmerge may have finished meanwhile
  const r = await requests.get(seen._id);
  const link = r?.mergedInto;
  if (!r || r.status !== 'merged' || !link) return 'moved';
  const off = (m: ServiceRequest, why: string) => offList(m, r, `（${why}）`, SYSTEM, now);
  const restore = async (words: (status: RequestStatus) => { text: string; enterpriseText: string }) => {
    const back = await restoreLinked(ports, now, SYSTEM, r, words).catch(() => null);
    if (!back) return false;
    await followRequest(ports, back._id);
    return true;
  };
  if (link.unmerging) {
    // an unmerge still in flight finishes itself; the check comes when its mark says (MERGE_SETTLE_MS)
    if (now.getTime() - Date.parse(link.unmerging) < MERGE_SETTLE_MS) return 'moved';
    // scored meanwhile (before the refusal in confirmLinked): it stays with the main, the unmerge is dropped
    if (r.score !== null) {
      await updateMain(ports, link.id, (m) => lists(m, r) || m.mergedInto ? null : {
        from: MAIN_FROM,
        set: { mergedFrom: [...(m.mergedFrom ?? []), refOf(r, link.at)] },
        event: { type: 'merge_added', text: `并件：${r.no}（${r.enterpriseName}） 已评价，仍随本件合并办理（取消并件未完成）` },
        actor: SYSTEM,
        now,
      });
      const { unmerging: _dropped, ...kept } = link;
      void _dropped;
      const ok = await requests.update(r._id, { $set: { mergedInto: { ...kept, listed: true }, nextCheckAt: null } }, { status: ['merged'], seq: r.seq });
      return ok ? 'finished' : 'moved';
    }
    const main = await updateMain(ports, link.id, (m) => off(m, '系统完成未完成的取消并件'));
    const done = await restore((status) => ({
      text: `取消并件：不再随 ${link.no} 合并办理，恢复为${STATUSES[status]}（系统完成未完成的取消并件）`,
      enterpriseText: '已取消合并办理，您的诉求恢复单独办理',
    }));
    if (main) await followRequest(ports, main._id);
    return done ? 'unmerged' : 'moved';
  }
  let state: 'whole' | 'added' | 'gone' = 'gone';
  const main = await updateMain(ports, link.id, (m) => {
    if (lists(m, r)) { state = 'whole'; return null; }
    if (m.mergedInto || !OPEN_STATUSES.includes(m.status) || (m.mergedFrom ?? []).length >= MERGE_CAP) { state = 'gone'; return null; }
    state = 'added';
    return {
      from: OPEN_STATUSES,
      set: { mergedFrom: [...(m.mergedFrom ?? []), refOf(r, link.at)] },
      event: { type: 'merge_added', text: `并件：${r.no}（${r.enterpriseName}） 并入本件合并办理（系统补全未写完的并件）` },
      actor: SYSTEM,
      now,
    };
  });
  if (!main) state = 'gone';
  if (state === 'gone') {
    const done = await restore((status) => ({
      text: `并件未完成：${link.no} 已不能作为主诉求（已并入其他诉求、状态已变化或并件已满），恢复为${STATUSES[status]}`,
      enterpriseText: '合并办理未能完成，您的诉求恢复单独办理',
    }));
    return done ? 'undone' : 'moved';
  }
  if (state === 'added') {
    // an unmerge that began, or finished, since the read: it decides, the listing is taken back
    const after = await requests.get(r._id);
    if (!after || after.status !== 'merged' || after.mergedInto?.id !== link.id || after.mergedInto.unmerging) {
      await updateMain(ports, link.id, (m) => off(m, '取消并件在先'));
      return 'moved';
    }
    await followRequest(ports, main!._id);
  }
  // whole: nothing more to check; not over an unmerge's mark written since the read (the mark keeps
  // the version), and a write that lost a race leaves it due: the next tick sees it listed
  const ok = await requests.update(r._id, { $set: { mergedInto: { ...link, listed: true }, nextCheckAt: null } }, { status: ['merged'], seq: r.seq, 'mergedInto.unmerging': { $exists: false } });
  return !ok ? 'moved' : state === 'added' ? 'finished' : 'whole';
}
