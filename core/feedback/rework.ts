/**
 * 重办: an answered request goes back to work. Used by the enterprise's 退回重办 and by an
 * unsatisfied 回访 (core/feedback/callback.ts). Every reopen counts (reopenCount) and starts a
 * rework clock (restart in core/sla/clock.ts: dueAt becomes the 重办期限); the first deadline
 * and whether the first answer was late stay in the record, so a late request stays red.
 *
 * Where it goes:
 *  - after policy.maxReworks reopens (default 2; 0: never back to the officer) the next one goes
 *    to the dispatcher of the responsible center (待调度), with the reason on the timeline: the
 *    same officer does not get the same request a third time;
 *  - otherwise back to the same officer when they are still active (they get a slot back);
 *  - otherwise to the queue, for assignment to another officer of the grid.
 * The officer's slot (openCount) was given back when they answered, so routing to the dispatcher
 * or the queue takes nothing from them.
 */
import type { RequestStatus } from '../contract/catalog';
import type { Ctx } from '../context';
import { supervisorsOf } from '../desk/scope';
import type { ServiceRequest, TimelineEvent } from '../model';
import { transition, type Actor } from '../request-record';
import { responseDeadline, restart } from '../sla/clock';
import { loadSla } from '../sla/policy';
import { userRepo } from '../repos/users';

export type ReworkOptions = {
  /** the statuses it may come from: resolved (enterprise) or closed (callback) */
  from: RequestStatus[];
  actor: Actor;
  /** what the timeline says before the routing note, e.g. "企业退回重办：…" */
  text: string;
  /** the timeline event type (reopened, or callback for an unsatisfied callback) */
  type?: TimelineEvent['type'];
};

const CLEARED = { result: null, resultKind: null, resultReason: null, resolvedAt: null, acceptedAt: null, closedAt: null } as const;
const NO_ASSIGNEE = { assigneeId: null, assigneeName: null, assigneeRole: null, acceptDueAt: null } as const;

export async function reopenForRework(ctx: Ctx, req: ServiceRequest, o: ReworkOptions): Promise<ServiceRequest> {
  const users = userRepo(ctx.ports.store);
  const sla = await loadSla(ctx.ports);
  const type = o.type ?? 'reopened';
  const done = req.reopenCount ?? 0;
  const n = done + 1;
  const max = sla.policy.maxReworks;
  const base = { from: o.from, inc: { reopenCount: 1 }, actor: o.actor, now: ctx.now };
  // "企业退回重办：仍未通电。" + "；第2次重办…": no doubled punctuation
  const said = o.text.replace(/[。；;，,.\s]+$/u, '');

  if (done >= max) {
    const why = max === 0
      ? '按规则重办不退回原承办人'
      : `已重办${done}次，达到规则规定的重办次数上限（${max}次）`;
    const clock = restart(req, ctx.now, sla, { status: 'dispatch', ...NO_ASSIGNEE, ...CLEARED, waitingNoted: false });
    return transition(ctx.ports, req, {
      ...base,
      set: clock.set,
      history: clock.history,
      event: {
        type,
        text: `${said}；第${n}次重办：${why}，转调度员重新调度${req.assigneeName ? `，不再退回原承办人 ${req.assigneeName}` : ''}`,
        notify: await supervisorsOf(ctx.ports, req),
        // the enterprise hears what happens next, not the rule's arithmetic
        enterpriseText: `${said}；已转调度中心重新安排办理`,
      },
    });
  }

  const assignee = req.assigneeId ? await users.get(req.assigneeId) : null;
  if (assignee && assignee.active) {
    const clock = restart(req, ctx.now, sla, {
      status: 'assigned', ...CLEARED, assignedAt: ctx.now.toISOString(), acceptDueAt: responseDeadline(ctx.now, sla),
    });
    const next = await transition(ctx.ports, req, {
      ...base,
      set: clock.set,
      history: clock.history,
      event: { type, text: `${said}；第${n}次重办，退回原承办人 ${assignee.name}`, enterpriseText: `${said}；已请${assignee.name}重新办理` },
    });
    await users.update(assignee._id, { $inc: { openCount: 1 } });
    return next;
  }
  const clock = restart(req, ctx.now, sla, { status: 'queued', ...NO_ASSIGNEE, ...CLEARED, waitingNoted: false });
  return transition(ctx.ports, req, {
    ...base,
    set: clock.set,
    history: clock.history,
    event: { type, text: `${said}；第${n}次重办，原承办人不可用，重新分派`, enterpriseText: `${said}；正在为您重新安排办理人员` },
  });
}
