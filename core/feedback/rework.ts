/**
 * 重办: an answered request goes back to work. Used by the enterprise's 退回重办 and by an
 * unsatisfied 回访. It returns to the same officer when possible; the rework clock starts now.
 */
import type { RequestStatus } from '../catalog';
import { C } from '../collections';
import type { Ctx } from '../context';
import type { ServiceRequest, TimelineEvent, User } from '../model';
import { transition, type Actor } from '../request-record';
import { responseDeadline, restart } from '../sla/clock';
import { loadSla } from '../sla/policy';

export type ReworkOptions = {
  /** the statuses it may come from: resolved (enterprise) or closed (callback) */
  from: RequestStatus[];
  actor: Actor;
  /** what the timeline says before the routing note, e.g. "企业退回重办：…" */
  text: string;
  /** the timeline event type (reopened, or callback for an unsatisfied callback) */
  type?: TimelineEvent['type'];
};

export async function reopenForRework(ctx: Ctx, req: ServiceRequest, o: ReworkOptions): Promise<ServiceRequest> {
  const users = ctx.ports.store.collection<User>(C.users);
  const assignee = req.assigneeId ? await users.get(req.assigneeId) : null;
  const sla = await loadSla(ctx.ports);
  const type = o.type ?? 'reopened';
  if (assignee && assignee.active) {
    const clock = restart(req, ctx.now, sla, {
      status: 'assigned', result: null, resolvedAt: null, acceptedAt: null, closedAt: null, assignedAt: ctx.now.toISOString(), acceptDueAt: responseDeadline(ctx.now, sla),
    });
    const next = await transition(ctx.ports, req, {
      from: o.from,
      set: clock.set,
      history: clock.history,
      inc: { reopenCount: 1 },
      event: { type, text: `${o.text}；退回原承办人 ${assignee.name}` },
      actor: o.actor,
      now: ctx.now,
    });
    await users.update(assignee._id, { $inc: { openCount: 1 } });
    return next;
  }
  const clock = restart(req, ctx.now, sla, {
    status: 'queued', assigneeId: null, assigneeName: null, assigneeRole: null, result: null, resolvedAt: null, acceptedAt: null, closedAt: null, waitingNoted: false,
  });
  return transition(ctx.ports, req, {
    from: o.from,
    set: clock.set,
    history: clock.history,
    inc: { reopenCount: 1 },
    event: { type, text: `${o.text}；原承办人不可用，重新分派` },
    actor: o.actor,
    now: ctx.now,
  });
}
