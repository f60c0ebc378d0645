/** The assigned officer or liaison works the request: accept (签收), progress notes, resolve. */
import { releaseSlot } from '../assignment/assign';
import { Ctx, requireRole } from '../context';
import { AppError } from '../errors';
import type { ServiceRequest } from '../model';
import { loadRequest, resolution, transition } from '../request-record';
import { pause, resume, settleClock, stop } from '../sla/clock';
import { loadSla } from '../sla/policy';
import { IdInput, type Sent } from '../contract/schema';
import { PauseInput, ProgressInput, ResolveInput, ResumeInput } from '../contract/handling';
import { parseInput } from '../validation';
import { ownAttachments, withAttachments } from '../files/attachments';
import { assignWaitingAndNotify, later, logAndGoOn, settle } from '../settle';

/**
 * The caller's own request. Someone else's reads exactly like a missing one (the answer request.get
 * gives), so an officer cannot probe which ids exist.
 */
async function loadOwn(ctx: Ctx, id: string): Promise<ServiceRequest> {
  requireRole(ctx.user, 'officer', 'liaison');
  const req = await loadRequest(ctx.ports, id).catch(() => null);
  if (!req || req.assigneeId !== ctx.user._id) throw new AppError('NOT_FOUND', '未找到该诉求');
  return req;
}

const actor = (ctx: Ctx) => ({ id: ctx.user._id, name: ctx.user.name });

export async function acceptRequest(ctx: Ctx, input: Sent<typeof IdInput>) {
  const { id } = parseInput(IdInput, input);
  const req = await loadOwn(ctx, id);
  const clock = settleClock(req, ctx.now, await loadSla(ctx.ports), { status: 'accepted', acceptedAt: ctx.now.toISOString(), acceptDueAt: null });
  return settle(ctx, await transition(ctx.ports, req, {
    from: ['assigned'],
    set: clock.set,
    event: { type: 'accepted', text: `${ctx.user.name} 已签收，开始办理` },
    actor: actor(ctx),
    now: ctx.now,
  }));
}


export async function addProgress(ctx: Ctx, input: Sent<typeof ProgressInput>) {
  const { id, note, attachments } = parseInput(ProgressInput, input);
  const req = await loadOwn(ctx, id);
  // checked before anything is written: only the officer's own uploads
  const files = await ownAttachments(ctx, attachments);
  return settle(ctx, await transition(ctx.ports, req, {
    from: ['accepted'],
    event: { type: 'progress', text: note, ...withAttachments(files) },
    actor: actor(ctx),
    now: ctx.now,
  }));
}


export async function resolveRequest(ctx: Ctx, input: Sent<typeof ResolveInput>) {
  const { id, result, kind, reason, attachments } = parseInput(ResolveInput, input);
  const req = await loadOwn(ctx, id);
  const files = await ownAttachments(ctx, attachments);
  const answer = resolution(kind, reason, result);
  const clock = stop(req, ctx.now, await loadSla(ctx.ports), { status: 'resolved', result, ...answer.set, resolvedAt: ctx.now.toISOString() });
  const next = await transition(ctx.ports, req, {
    from: ['accepted'],
    set: clock.set,
    history: clock.history,
    event: { type: 'resolved', text: answer.text, ...withAttachments(files) },
    actor: actor(ctx),
    now: ctx.now,
  });
  // the slot frees up: waiting requests of this officer's grids get their chance right after the answer
  await releaseSlot(ctx.ports, ctx.user._id);
  const view = await settle(ctx, next);
  for (const gridId of ctx.user.gridIds ?? []) {
    await later(ctx, (ports) => assignWaitingAndNotify(ports, ports.clock.now(), gridId).catch(logAndGoOn('assign')));
  }
  return view;
}


/** 需补充材料: the clock stops until the enterprise answers (or the officer resumes). */
export async function pauseRequest(ctx: Ctx, input: Sent<typeof PauseInput>) {
  const { id, reason } = parseInput(PauseInput, input);
  const req = await loadOwn(ctx, id);
  const clock = pause(req, ctx.now, await loadSla(ctx.ports), { status: 'paused' });
  return settle(ctx, await transition(ctx.ports, req, {
    from: ['accepted'],
    set: clock.set,
    history: clock.history,
    event: { type: 'paused', text: `需企业补充材料：${reason}（暂停计时）` },
    actor: actor(ctx),
    now: ctx.now,
  }));
}

export async function resumeRequest(ctx: Ctx, input: Sent<typeof ResumeInput>) {
  const { id, note } = parseInput(ResumeInput, input);
  const req = await loadOwn(ctx, id);
  const clock = resume(req, ctx.now, await loadSla(ctx.ports), { status: 'accepted' });
  return settle(ctx, await transition(ctx.ports, req, {
    from: ['paused'],
    set: clock.set,
    history: clock.history,
    event: { type: 'resumed', text: `恢复办理${note ? `：${note}` : ''}` },
    actor: actor(ctx),
    now: ctx.now,
  }));
}
