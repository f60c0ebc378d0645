/**
 * 回访 (issue 11, item 3): the dispatcher supervising a request calls, messages or visits the
 * enterprise after the request closed and records the outcome; an unsatisfied callback reopens the
 * request like a 重办 (reopenCount + 1, back to work through core/feedback/rework.ts).
 *
 * Which requests: closed ones (已办结: the enterprise confirmed, or it was closed for it). A
 * resolved request (待评价) is not called back: the enterprise still holds its own verdict (confirm
 * with a score, or 退回重办), and a callback must never stand in for the enterprise's score; once it
 * is closed it joins the callback list.
 *
 * Who: a dispatcher whose center supervises the request (core/desk/scope.ts canSupervise), never an
 * official the request is a complaint about (recusal): they may not record how satisfied their own
 * complainant is.
 *
 * 待回访 / 已回访: `callbackDone` on the request is true once a callback reached the enterprise
 * (satisfied) while it was closed. An unreachable callback leaves it 待回访 (try again); an
 * unsatisfied one reopens it, and when it closes again it needs a new callback. A closed request
 * only leaves 'closed' through an unsatisfied callback, so the flag stays true to the last close.
 *
 * Storage: the record goes on `request.callbacks` with one conditional update (core/request-record.ts
 * transition: the request's status and seq as read), which adds an internal 'callback' event and has
 * the counters re-counted. An unsatisfied callback is recorded first, then the reopen follows on the
 * version just written (again conditioned on its seq): reopenForRework makes its own change.
 */
import type { Ctx } from '../context';
import { AppError } from '../errors';
import type { CallbackRecord, ServiceRequest } from '../model';
import { loadRequest, transition } from '../request-record';
import { loadSupervised } from '../desk/triage';
import { isRecused } from '../recusal';
import { settle } from '../settle';
import { CallbackInput } from '../contract/handling';
import type { Sent } from '../contract/schema';
import { parseInput } from '../validation';
import { reopenForRework } from './rework';
import { CALLBACK_METHODS, CALLBACK_OUTCOMES, MAX_CALLBACKS } from './callback-rules';

export { CALLBACK_METHODS, CALLBACK_OUTCOMES, callbackLabel, callbackPermissions, MAX_CALLBACKS } from './callback-rules';

type Action = (ctx: Ctx, input: Record<string, unknown>) => Promise<unknown>;


// core/desk/triage.ts loadSupervised and request.get already treat them as strangers (NOT_FOUND); kept here in depth
const recused = (ctx: Ctx, req: ServiceRequest) => isRecused(req, ctx.user._id);

/** callback.record: { id, method, outcome, note } */
export async function recordCallback(ctx: Ctx, input: Sent<typeof CallbackInput>) {
  const { id, method, outcome, note } = parseInput(CallbackInput, input);
  const req = await loadSupervised(ctx, id);
  if (recused(ctx, req)) throw new AppError('FORBIDDEN', '该投诉涉及您本人，须由其他调度员回访');
  if (req.status !== 'closed') throw new AppError('INVALID_STATE', '只有已办结的诉求可以回访');
  const before = req.callbacks ?? [];
  if (before.length >= MAX_CALLBACKS) throw new AppError('INVALID_STATE', `该诉求已回访${MAX_CALLBACKS}次，不能再记录`);

  const record: CallbackRecord = { at: ctx.now.toISOString(), byId: ctx.user._id, byName: ctx.user.name, method, outcome, note };
  const actor = { id: ctx.user._id, name: ctx.user.name };
  const text = `${CALLBACK_METHODS[method]}：${CALLBACK_OUTCOMES[outcome]}${note ? `。${note}` : ''}`;
  // satisfied: off the list; unreachable: stays on it (as it was); unsatisfied: back to work, due again when it closes
  const done = outcome === 'satisfied' ? true : outcome === 'unsatisfied' ? false : req.callbackDone ?? false;
  const recorded = await transition(ctx.ports, req, {
    from: ['closed'],
    set: { callbacks: [...before, record], callbackDone: done } as Partial<ServiceRequest>,
    event: { type: 'callback', text },
    actor,
    now: ctx.now,
  });
  if (outcome !== 'unsatisfied') return settle(ctx, recorded);
  return settle(ctx, await reopenAfter(ctx, recorded, record, note));
}

/**
 * The reopen of an unsatisfied callback, on the version that recorded it. Should the request move
 * meanwhile (a counter's bookkeeping does not; another desk action might), it is read again and the
 * reopen retried as long as it is still closed with this callback as its latest.
 */
async function reopenAfter(ctx: Ctx, recorded: ServiceRequest, record: CallbackRecord, note: string): Promise<ServiceRequest> {
  // the routing note follows after "；": the note's own closing punctuation goes
  const said = note.replace(/[\s。．.！!；;，,]+$/u, '');
  const options = { from: ['closed' as const], actor: { id: ctx.user._id, name: ctx.user.name }, text: `回访不满意，退回重办：${said}`, type: 'reopened' as const };
  let req = recorded;
  for (let attempt = 0; ; attempt++) {
    try {
      return await reopenForRework(ctx, req, options);
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'CONFLICT') || attempt >= 3) throw e;
      req = await loadRequest(ctx.ports, req._id);
      const last = req.callbacks?.[req.callbacks.length - 1];
      const ours = last && last.at === record.at && last.byId === record.byId && last.outcome === 'unsatisfied';
      if (req.status !== 'closed' || !ours) return req;
    }
  }
}

export const CALLBACK_ACTIONS = {
  'callback.record': recordCallback,
} satisfies Record<string, Action>;
