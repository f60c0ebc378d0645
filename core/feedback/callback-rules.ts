/**
 * The callback (回访) vocabulary and who may record one: apart from the use case so that the detail
 * view and the ledger read them without the action (core/feedback/callback.ts).
 */
import type { Ctx } from '../context';
import type { ServiceRequest } from '../model';
import { isRecused } from '../recusal';

import { CALLBACK_METHODS, CALLBACK_OUTCOMES } from '../contract/catalog';

export { CALLBACK_METHODS, CALLBACK_OUTCOMES };
/** a request holds at most this many callbacks (each is a few hundred bytes of its document) */
export const MAX_CALLBACKS = 20;

/** what stands on the ledger's 回访 column: 待回访 for a closed request not called back, else the latest outcome */
export function callbackLabel(r: ServiceRequest): string {
  const last = r.callbacks?.length ? r.callbacks[r.callbacks.length - 1] : null;
  if (r.status === 'closed' && !r.callbackDone) return last?.outcome === 'unreachable' ? '待回访（未联系上）' : '待回访';
  return last ? CALLBACK_OUTCOMES[last.outcome] : '';
}

/** what the caller may do about callbacks on this request (merged into request.get's `can`) */
export function callbackPermissions(ctx: Ctx, req: ServiceRequest, supervising: boolean): { callback: boolean } {
  return { callback: supervising && req.status === 'closed' && !isRecused(req, ctx.user._id) && (req.callbacks?.length ?? 0) < MAX_CALLBACKS };
}
