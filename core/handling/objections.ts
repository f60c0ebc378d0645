/**
 * Officers object in time (issue 11, item 4): a wrong assignment is handed back (退回/申请改派) to
 * the dispatcher within policy.handBackDays working days, and a handler asks for more time
 * (延期申请), which the dispatcher approves (the deadline moves, visibly) or refuses.
 */
import type { Ctx } from '../context';
import type { ServiceRequest } from '../model';

type Action = (ctx: Ctx, input: Record<string, unknown>) => Promise<unknown>;

export const OBJECTION_ACTIONS: Record<string, Action> = {};

/** what the caller may do about objections on this request (merged into request.get's `can`) */
export async function objectionPermissions(ctx: Ctx, req: ServiceRequest): Promise<Record<string, boolean>> {
  void ctx; void req;
  return {};
}
