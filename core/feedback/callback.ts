/**
 * 回访 (issue 11, item 3): the dispatcher or center calls or messages the enterprise after a request
 * closed and records the outcome; an unsatisfied callback reopens the request like a 重办.
 */
import type { Ctx } from '../context';
import type { ServiceRequest } from '../model';

type Action = (ctx: Ctx, input: Record<string, unknown>) => Promise<unknown>;

export const CALLBACK_ACTIONS: Record<string, Action> = {};

/** what the caller may do about callbacks on this request (merged into request.get's `can`) */
export async function callbackPermissions(ctx: Ctx, req: ServiceRequest): Promise<Record<string, boolean>> {
  void ctx; void req;
  return {};
}
