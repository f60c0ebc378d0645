/**
 * When an officer may object (core/handling/objections.ts): the windows of a hand-back (退回/申请改派)
 * and an extension (延期申请), and what the caller may do about them on a request. Apart from the use
 * cases so that the detail view (core/queries/read-requests.ts) reads them without the actions.
 */
import { OPEN_STATUSES, type RequestStatus } from '../contract/catalog';
import { MAX_EXTENSION_DAYS } from '../contract/limits';
import { hasRole, type Ctx } from '../context';
import type { ExtensionRequest, ServiceRequest } from '../model';
import { firstAnswer } from '../sla/clock';
import { loadSla, type SlaContext } from '../sla/policy';

/** a hand-back is possible while the officer has not answered yet */
export const HAND_BACK_FROM: RequestStatus[] = ['assigned', 'accepted'];
/** an extension is asked while handling (a paused clock counts: the enterprise owes material) */
export const EXTEND_FROM: RequestStatus[] = ['accepted', 'paused'];
export { MAX_EXTENSION_DAYS };

/** the last instant a hand-back is accepted: handBackDays working days after the assignment */
export function handBackUntil(req: Pick<ServiceRequest, 'assignedAt'>, sla: SlaContext): Date | null {
  if (!req.assignedAt) return null;
  return sla.calendar.addWorkingDays(new Date(req.assignedAt), sla.policy.handBackDays).at;
}

/** is the deadline still ahead (a paused clock: time was left when it stopped) */
export function beforeDeadline(req: ServiceRequest, now: Date): boolean {
  if (!req.dueAt) return false;
  if (req.pausedAt) return (req.remainingAtPause ?? 0) > 0;
  return now.getTime() < new Date(req.dueAt).getTime();
}

/**
 * The pending extension that can still be decided: asked on the running clock of an open request.
 * One left pending when the request was answered (or closed) lapsed with that clock: a reopen
 * (重办) starts a new one (startedAt moves), so it neither blocks a new ask nor can be approved.
 */
export function livePending(req: ServiceRequest): ExtensionRequest | null {
  const ext = req.extension;
  if (!ext || ext.status !== 'pending' || !OPEN_STATUSES.includes(req.status)) return null;
  return !req.startedAt || ext.at >= req.startedAt ? ext : null;
}

export const handedBackBy = (req: ServiceRequest, userId: string) => req.timeline.some((e) => e.type === 'handed_back' && e.actorId === userId);

/**
 * What the caller may do about objections on this request (merged into request.get's `can`), and
 * for the assignee while a hand-back is possible, until when (handBackUntil, ISO). `supervising`
 * is the caller's canSupervise, computed once by permissionsFor.
 */
export type ObjectionPermissions = { handBack: boolean; handBackUntil?: string; requestExtension: boolean; decideExtension: boolean };

export async function objectionPermissions(ctx: Ctx, req: ServiceRequest, supervising: boolean): Promise<ObjectionPermissions> {
  const u = ctx.user;
  const mine = u.active && req.assigneeId === u._id && hasRole(u, 'officer', 'liaison');
  const out: ObjectionPermissions = { handBack: false, requestExtension: false, decideExtension: false };
  if (mine && HAND_BACK_FROM.includes(req.status) && !firstAnswer(req) && !handedBackBy(req, u._id)) {
    const until = handBackUntil(req, await loadSla(ctx.ports));
    if (until && ctx.now.getTime() <= until.getTime()) {
      out.handBack = true;
      out.handBackUntil = until.toISOString();
    }
  }
  out.requestExtension = mine && EXTEND_FROM.includes(req.status) && !livePending(req) && beforeDeadline(req, ctx.now);
  out.decideExtension = !!livePending(req) && supervising;
  return out;
}
