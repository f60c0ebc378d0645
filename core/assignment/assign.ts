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
import { OPEN_FOR_ASSIGNEE, ROLES } from '../catalog';
import { C } from '../collections';
import type { Enterprise, Org, ServiceRequest, User } from '../model';
import type { Ports } from '../ports';
import { SYSTEM, tryTransition } from '../request-record';
import { responseDeadline, startIfNeeded } from '../sla/clock';
import { loadSla } from '../sla/policy';
import { NO_BUDGET, type Budget } from '../budget';

export const DEFAULT_CAPACITY = 10;

/** an officer's slot (openCount) is given back, never below zero */
export async function releaseSlot(ports: Ports, userId: string): Promise<boolean> {
  return ports.store.collection<User>(C.users).update(userId, { $inc: { openCount: -1 } }, { openCount: { $gt: 0 } });
}

/** the slot the request's assignee holds while it is theirs to work (OPEN_FOR_ASSIGNEE), given back as it leaves them */
export async function releaseSlotOf(ports: Ports, req: Pick<ServiceRequest, 'assigneeId' | 'status'>): Promise<void> {
  if (req.assigneeId && OPEN_FOR_ASSIGNEE.includes(req.status)) await releaseSlot(ports, req.assigneeId);
}

type Candidate = { user: User; why: string };

const load = (u: User) => u.openCount ?? 0;
const capacity = (u: User) => u.capacity ?? DEFAULT_CAPACITY;
const available = (u: User | null): u is User => !!u && u.active && u.onDuty !== false && load(u) < capacity(u);

export async function candidatesFor(ports: Ports, ent: Enterprise, exclude: string[] = []): Promise<Candidate[]> {
  const users = ports.store.collection<User>(C.users);
  const orgs = ports.store.collection<Org>(C.orgs);
  const out: Candidate[] = [];
  if (ent.liaisonId) {
    const liaison = await users.get(ent.liaisonId);
    if (available(liaison) && !exclude.includes(liaison._id)) out.push({ user: liaison, why: `包联 ${ent.name}` });
  }
  const grid = await orgs.get(ent.gridId);
  const officers = await users.find(
    { roles: { $all: ['officer'] }, gridIds: { $all: [ent.gridId] }, active: true },
    { orderBy: [['openCount', 'asc'], ['lastAssignedAt', 'asc']], limit: 50 },
  );
  officers
    .filter((u) => available(u) && !exclude.includes(u._id))
    // the store orders by load; re-sort so a missing lastAssignedAt (never assigned) comes first
    .sort((a, b) => load(a) - load(b) || (a.lastAssignedAt ?? '').localeCompare(b.lastAssignedAt ?? ''))
    .forEach((u) => out.push({ user: u, why: `网格 ${grid?.name ?? ent.gridId}` }));
  return out;
}

export type AssignOutcome = 'assigned' | 'waiting' | 'skipped';

export async function assignRequest(ports: Ports, requestId: string, now: Date): Promise<AssignOutcome> {
  const requests = ports.store.collection<ServiceRequest>(C.requests);
  const users = ports.store.collection<User>(C.users);
  const req = await requests.get(requestId);
  if (!req || req.status !== 'queued') return 'skipped';
  const ent = await ports.store.collection<Enterprise>(C.enterprises).get(req.enterpriseId);
  if (!ent) return 'skipped';

  const sla = await loadSla(ports);
  // a complaint about officials never goes to them (core/recusal.ts): the next candidate, else the queue
  const exclude = [...(req.timedOutIds ?? []), ...(req.recusal?.userIds ?? [])];
  for (const { user, why } of await candidatesFor(ports, ent, exclude)) {
    const claimed = await users.update(
      user._id,
      { $inc: { openCount: 1 }, $set: { lastAssignedAt: now.toISOString() } },
      { active: true, openCount: user.openCount === undefined ? { $exists: false } : { $lt: capacity(user) } },
    );
    if (!claimed) continue;
    const role = user.roles.includes('liaison') && why.startsWith('包联') ? 'liaison' : 'officer';
    const clock = startIfNeeded(req, now, sla, {
      status: 'assigned', assigneeId: user._id, assigneeName: user.name, assigneeRole: role, assignedAt: now.toISOString(),
      acceptDueAt: responseDeadline(now, sla),
    });
    const moved = await tryTransition(ports, req, {
      from: ['queued'],
      set: clock.set,
      history: clock.history,
      event: { type: 'assigned', text: `分派给 ${ROLES[role]} ${user.name}（${why}，在办 ${load(user)} 件）` },
      actor: SYSTEM,
      now,
    });
    if (moved) return 'assigned';
    await users.update(user._id, { $inc: { openCount: -1 } });
    return 'skipped';
  }

  if (!req.waitingNoted) {
    const center = await ports.store.collection<Org>(C.orgs).get(req.queueOrgId);
    await tryTransition(ports, req, {
      from: ['queued'],
      set: { waitingNoted: true },
      event: {
        type: 'queued',
        text: `暂无可接单的网格员或特派员，已进入 ${center?.name ?? ''}营商环境优化中心 队列，有空位时自动分派`,
      },
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
  const requests = ports.store.collection<ServiceRequest>(C.requests);
  const waiting = await requests.find(
    { status: 'queued', ...(filter.gridId ? { gridId: filter.gridId } : {}) },
    { orderBy: [['createdAt', 'asc']], limit },
  );
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
