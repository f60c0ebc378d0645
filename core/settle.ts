/**
 * What follows a change of a request inside the action that made it: assignment of a freshly
 * queued request, its notifications, the calendar warning, and the detail view the caller gets.
 * The timers retry every step here, so a failure delays but never loses anything.
 */
import { assignRequest, assignWaiting } from './assignment/assign';
import { INTERACTIVE_SIDE_WORK_MS, startBudget, type Budget } from './budget';
import { C } from './collections';
import type { Ctx } from './context';
import type { ServiceRequest } from './model';
import { afterChange } from './notify/after-change';
import type { Ports } from './ports';
import { detailView } from './queries/read-requests';
import { uncoveredYearsOf, warnUncoveredYears } from './sla/calendar-warnings';
import { loadSla } from './sla/policy';

/** A request changed: notify, and hand a freshly queued one to assignment right away. */
export async function settle(ctx: Ctx, req: ServiceRequest) {
  const { ports, now } = ctx;
  if (req.status === 'queued') await assignRequest(ports, req._id, now).catch(logAndGoOn('assign'));
  await afterChange(ports, req._id, now).catch(logAndGoOn('notify'));
  const fresh = (await ports.store.collection<ServiceRequest>(C.requests).get(req._id))!;
  if (fresh.slaProvisional) await warnUncoveredYears(ports, uncoveredYearsOf(fresh, await loadSla(ports)), now);
  return detailView(ctx, fresh);
}

/** card actions change the card and the request: settle the request, return both */
export async function settleCard(ctx: Ctx, r: { card: unknown; request: ServiceRequest }) {
  const view = await settle(ctx, r.request);
  return { card: r.card, request: view.request };
}

/** an officer's slot may have freed: let waiting requests of that grid in now, not at the next timer */
export async function freed<T extends { request: { gridId: string } }>(ctx: Ctx, view: T): Promise<T> {
  await assignWaitingAndNotify(ctx.ports, ctx.now).catch(logAndGoOn('assign'));
  return view;
}

export const logAndGoOn = (what: string) => (e: unknown) => {
  // the timers retry both steps, so a failure here delays but never loses anything
  console.error(`[${what}] deferred to timer:`, (e as Error)?.message ?? e);
};


/**
 * Let waiting requests in, each notified right after it is tried. Timer runs pass their budget;
 * an interactive call (a slot freed) spends at most INTERACTIVE_SIDE_WORK_MS on it and leaves the
 * rest to the assign timer.
 */
export async function assignWaitingAndNotify(ports: Ports, now: Date, gridId?: string, budget: Budget = startBudget(ports.clock, INTERACTIVE_SIDE_WORK_MS)) {
  const r = await assignWaiting(ports, now, gridId ? { gridId } : {}, 50, {
    budget,
    then: async (id, outcome) => { if (outcome !== 'skipped') await afterChange(ports, id, now); },
  });
  return { assigned: r.assigned.length, waiting: r.waiting.length, skipped: r.skipped.length, ...(r.more ? { more: true as const } : {}) };
}

