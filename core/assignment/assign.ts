/**
 * Assignment policy (DOMAIN.md): the enterprise's liaison first; else the least-loaded active,
 * on-duty officer of its grid below capacity (ties: longest since last assigned); else the
 * request waits in its tier center's queue and the assign timer retries when capacity frees.
 * Officers who timed out on it, and the officials a complaint is about (recusal), are skipped.
 *
 * Race safety: an officer's slot is claimed with a conditional increment (load below capacity),
 * then the request is claimed with a conditional update (still queued, same version). If the
 * second claim loses, the slot is given back, so two assigners never double-assign.
 */
import { OPEN_FOR_ASSIGNEE, ROLES } from '../contract/catalog';
import { DEFAULT_CAPACITY } from '../contract/limits';
import type { Enterprise, Org, ServiceRequest, User } from '../model';
import { type Ports } from '../ports';
import { orgById } from '../org-cache';
import { handlerText, SYSTEM, tryTransition } from '../request-record';
import { responseDeadline, startIfNeeded } from '../sla/clock';
import { loadSla, type SlaContext } from '../sla/policy';
import { NO_BUDGET, type Budget } from '../budget';
import { requestRepo } from '../repos/requests';
import { userRepo } from '../repos/users';
import { enterpriseRepo } from '../repos/enterprises';
import { issueAutoCard } from '../cards/auto-card';

export { DEFAULT_CAPACITY };

/** an officer's slot (openCount) is given back, never below zero */
export async function releaseSlot(ports: Ports, userId: string): Promise<boolean> {
  return userRepo(ports.store).releaseSlot(userId);
}

/** the slot the request's assignee holds while it is theirs to work (OPEN_FOR_ASSIGNEE), given back as it leaves them */
export async function releaseSlotOf(ports: Ports, req: Pick<ServiceRequest, 'assigneeId' | 'status'>): Promise<void> {
  if (req.assigneeId && OPEN_FOR_ASSIGNEE.includes(req.status)) await releaseSlot(ports, req.assigneeId);
}

export type Candidate = { user: User; why: string };

const load = (u: User) => u.openCount ?? 0;
const capacity = (u: User) => u.capacity ?? DEFAULT_CAPACITY;
const available = (u: User | null): u is User => !!u && u.active && u.onDuty !== false && load(u) < capacity(u);

/**
 * Who may take a request of this enterprise, best first: its liaison, then its grid's officers by
 * load (ties: longest since last assigned). One read: the liaison and the officers together.
 */
export async function candidatesFor(ports: Ports, ent: Enterprise, grid: Org | null, exclude: string[] = []): Promise<Candidate[]> {
  const found = await userRepo(ports.store).candidates(ent.liaisonId, ent.gridId);
  const out: Candidate[] = [];
  const liaison = ent.liaisonId ? found.find((u) => u._id === ent.liaisonId) ?? null : null;
  if (available(liaison) && !exclude.includes(liaison._id)) out.push({ user: liaison, why: `包联 ${ent.name}` });
  found
    .filter((u) => u._id !== liaison?._id && u.roles.includes('officer') && (u.gridIds ?? []).includes(ent.gridId) && available(u) && !exclude.includes(u._id))
    // the store orders by load; re-sort so a missing lastAssignedAt (never assigned) comes first
    .sort((a, b) => load(a) - load(b) || (a.lastAssignedAt ?? '').localeCompare(b.lastAssignedAt ?? ''))
    .forEach((u) => out.push({ user: u, why: `网格 ${grid?.name ?? ent.gridId}` }));
  return out;
}

/** The first candidate whose slot can still be claimed (a conditional increment below capacity), or null. */
export async function claimSlot(ports: Ports, candidates: Candidate[], now: Date): Promise<Candidate | null> {
  const users = userRepo(ports.store);
  for (const c of candidates) {
    if (await users.claimSlot(c.user, capacity(c.user), now.toISOString())) return c;
  }
  return null;
}

/** the change that hands a queued request to a claimed candidate: assignee, response deadline, the clock started */
export function assignment(req: ServiceRequest, { user, why }: Candidate, now: Date, sla: SlaContext) {
  const role = user.roles.includes('liaison') && why.startsWith('包联') ? 'liaison' : 'officer';
  const clock = startIfNeeded(req, now, sla, {
    status: 'assigned', assigneeId: user._id, assigneeName: user.name, assigneeRole: role, assignedAt: now.toISOString(),
    acceptDueAt: responseDeadline(now, sla),
  });
  return {
    set: clock.set,
    history: clock.history,
    // the desk reads the rule and the load; the enterprise reads who will handle it
    event: { type: 'assigned' as const, text: `分派给 ${ROLES[role]} ${user.name}（${why}，在办 ${load(user)} 件）`, enterpriseText: handlerText(role, user.name) },
  };
}

/** what a request that found nobody free says, once: it waits in its tier center's queue */
export const waitingText = (center: Org | null) => `暂无可接单的网格员或特派员，已进入 ${center?.name ?? ''}营商环境优化中心 队列，有空位时自动分派`;

export type AssignOutcome = 'assigned' | 'waiting' | 'skipped';

export async function assignRequest(ports: Ports, requestId: string, now: Date): Promise<AssignOutcome> {
  let req = await requestRepo(ports.store).get(requestId);
  if (!req || req.status !== 'queued') return 'skipped';
  // 按事项清单自动转办: its card, not an officer (issued once, however often this runs)
  if (req.autoCard) {
    const moved = await issueAutoCard(ports, req, now);
    if (!moved) return 'skipped';
    if (moved.status !== 'queued') return 'assigned';
    // the rule could not send it (its department closed, its card withdrawn): assigned the usual way
    req = moved;
  }
  const ent = await enterpriseRepo(ports.store).get(req.enterpriseId);
  if (!ent) return 'skipped';

  const sla = await loadSla(ports);
  // right after a submission nobody has been told of yet (a visit's 走访代报, which writes the request
  // before assigning it): the assignment joins it, so the enterprise hears of both in one message
  const last = req.timeline?.[req.timeline.length - 1];
  const joins = last?.type === 'submitted' && (req.notifiedSeq ?? 0) < last.seq ? { withPrevious: true as const } : {};
  // a complaint about officials never goes to them (core/recusal.ts): the next candidate, else the queue
  const exclude = [...(req.timedOutIds ?? []), ...(req.recusal?.userIds ?? [])];
  const claimed = await claimSlot(ports, await candidatesFor(ports, ent, await orgById(ports, ent.gridId), exclude), now);
  if (claimed) {
    const assigned = assignment(req, claimed, now, sla);
    const moved = await tryTransition(ports, req, { from: ['queued'], ...assigned, event: { ...assigned.event, ...joins }, actor: SYSTEM, now });
    if (moved) return 'assigned';
    await releaseSlot(ports, claimed.user._id);
    return 'skipped';
  }

  if (!req.waitingNoted) {
    await tryTransition(ports, req, {
      from: ['queued'],
      set: { waitingNoted: true },
      event: { type: 'queued', text: waitingText(await orgById(ports, req.queueOrgId)), ...joins },
      actor: SYSTEM,
      now,
    });
  }
  return 'waiting';
}

export type WaitingOptions = {
  /** wall-clock budget: no new request is started once it is spent */
  budget?: Budget;
  /** run right after each request is tried (its notifications), inside the same budget */
  then?: (requestId: string, outcome: AssignOutcome) => Promise<unknown>;
};

/**
 * Timer and capacity-freed retries: oldest waiting requests first, one page per call. With a budget,
 * it stops between two requests once the budget is spent and says `more: true`; the requests not
 * tried are still queued, and the next call (the assign timer, every minute) tries them.
 */
export async function assignWaiting(ports: Ports, now: Date, filter: { gridId?: string } = {}, limit = 50, options: WaitingOptions = {}) {
  const { budget = NO_BUDGET, then } = options;
  const waiting = await requestRepo(ports.store).queued(filter.gridId, limit);
  const results: Record<AssignOutcome, string[]> & { more?: true } = { assigned: [], waiting: [], skipped: [] };
  for (const r of waiting) {
    if (budget.spent()) {
      results.more = true;
      break;
    }
    const outcome = await assignRequest(ports, r._id, now);
    results[outcome].push(r._id);
    if (then) await then(r._id, outcome);
  }
  // a full page: more requests may be queued beyond it
  if (waiting.length === limit) results.more = true;
  return results;
}
