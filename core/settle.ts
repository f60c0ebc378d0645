/**
 * What follows a change of a request, outside the action's unit of work: dashboard counting,
 * assignment of a request that went back to the queue, its notifications, the calendar warning,
 * and letting waiting requests in when an officer's slot freed. The action's answer is built from
 * what it wrote; this work is queued on the context (ctx.later) and the host runs it after the
 * answer (FollowUpHost, core/function-shell.ts). Each step consumes a mark written with the change (statsPending,
 * needsNotify, status 'queued'), so the timers finish whatever a follow-up did not.
 */
import { assignRequest, assignWaiting } from './assignment/assign';
import { INTERACTIVE_SIDE_WORK_MS, startBudget, type Budget } from './budget';
import type { Ctx, FollowUp } from './context';
import type { ServiceRequest } from './model';
import { afterChange } from './notify/after-change';
import type { Ports } from './ports';
import { detailView } from './queries/read-requests';
import { warnIfProvisional } from './sla/calendar-warnings';
import { requestRepo } from './repos/requests';

/** queue follow-up work on the action's context, or run it now where there is no host to run it later */
export async function later(ctx: Pick<Ctx, 'ports' | 'later'>, work: FollowUp): Promise<void> {
  if (ctx.later) ctx.later(work);
  else await work(ctx.ports);
}

/** Everything that follows one change of one request. Idempotent: running it twice, or beside a timer, does no harm. */
export async function followRequest(ports: Ports, id: string): Promise<void> {
  const now = ports.clock.now();
  const requests = requestRepo(ports.store);
  let req = await requests.get(id);
  if (!req) return;
  // assigned here, its clock starts here: the deadline to check for an uncovered year is the new one
  if (req.status === 'queued' && (await assignRequest(ports, id, now).catch(logAndGoOn('assign'))) === 'assigned') req = await requests.get(id);
  await afterChange(ports, id, now, req).catch(logAndGoOn('notify'));
  if (req) await warnIfProvisional(ports, req, now).catch(logAndGoOn('calendar'));
}

/** A request changed (`req` is the document as the action wrote it): its follow-up is queued, the caller gets the detail view. */
export async function settle(ctx: Ctx, req: ServiceRequest) {
  await later(ctx, (ports) => followRequest(ports, req._id));
  return detailView(ctx, req);
}

/** card actions change the card and the request: settle the request, return both */
export async function settleCard(ctx: Ctx, r: { card: unknown; request: ServiceRequest }) {
  const view = await settle(ctx, r.request);
  return { card: r.card, request: view.request };
}

/** an officer's slot of this request's grid freed: let the grid's waiting requests in after the answer */
export async function freed<T extends { request: { gridId: string } }>(ctx: Ctx, view: T): Promise<T> {
  const gridId = view.request.gridId;
  await later(ctx, (ports) => assignWaitingAndNotify(ports, ports.clock.now(), gridId).catch(logAndGoOn('assign')));
  return view;
}

export const logAndGoOn = (what: string) => (e: unknown) => {
  // the timers retry every step, so a failure here delays but never loses anything
  console.error(`[${what}] deferred to timer:`, (e as Error)?.message ?? e);
};

/**
 * Let waiting requests in, each notified right after it is tried. Timer runs pass their budget;
 * a follow-up (a slot freed) spends at most INTERACTIVE_SIDE_WORK_MS on it and leaves the rest to
 * the assign timer.
 */
export async function assignWaitingAndNotify(ports: Ports, now: Date, gridId?: string, budget: Budget = startBudget(ports.clock, INTERACTIVE_SIDE_WORK_MS)) {
  const r = await assignWaiting(ports, now, gridId ? { gridId } : {}, 50, {
    budget,
    then: async (id, outcome) => { if (outcome !== 'skipped') await afterChange(ports, id, now); },
  });
  return { assigned: r.assigned.length, waiting: r.waiting.length, skipped: r.skipped.length, ...(r.more ? { more: true as const } : {}) };
}
