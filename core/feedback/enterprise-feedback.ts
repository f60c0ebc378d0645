/**
 * The enterprise closes the loop: confirms the result with a 1-5 score and a comment, or sends it
 * back (退回重办) — a reopened case returns to the same officer when possible and counts as 重办.
 */
import { Ctx, requireRole } from '../context';
import { AppError } from '../errors';
import type { ServiceRequest } from '../model';
import { loadRequest, transition } from '../request-record';
import { resume, settleClock } from '../sla/clock';
import { reopenForRework } from './rework';
import { loadSla } from '../sla/policy';
import { MAX_PHOTOS } from '../contract/limits';
import { ConfirmInput, ReopenInput, SupplementInput } from '../contract/handling';
import type { Sent } from '../contract/schema';
import { parseInput } from '../validation';
import { requireOwnFiles } from '../files/own-files';
import { attachmentNote, ownAttachments, withAttachments } from '../files/attachments';
import { settle } from '../settle';
import { confirmLinked } from '../desk/merge';

export async function loadForEnterprise(ctx: Ctx, id: string): Promise<ServiceRequest> {
  requireRole(ctx.user, 'enterprise');
  const req = await loadRequest(ctx.ports, id);
  // another enterprise's request reads as not found: its existence is not disclosed
  if (!ctx.user.enterpriseId || req.enterpriseId !== ctx.user.enterpriseId) throw new AppError('NOT_FOUND', '未找到该诉求');
  return req;
}

/** on an anonymous request (a complaint about a visit) the enterprise acts under its pseudonym */
export function enterpriseActor(ctx: Ctx, req: ServiceRequest) {
  const side = 'enterprise' as const;
  return req.anonymous ? { id: req.submitterId, name: '企业联系人（匿名）', side } : { id: ctx.user._id, name: ctx.user.name, side };
}


export async function confirmRequest(ctx: Ctx, input: Sent<typeof ConfirmInput>) {
  const { id, score, comment } = parseInput(ConfirmInput, input);
  const req = await loadForEnterprise(ctx, id);
  // 并件: a linked request's enterprise scores the main's result on its own request
  if (req.status === 'merged') return confirmLinked(ctx, req, score, comment ?? '', enterpriseActor(ctx, req));
  const clock = settleClock(req, ctx.now, await loadSla(ctx.ports), { status: 'closed', score, comment: comment || null, closedAt: ctx.now.toISOString() });
  return settle(ctx, await transition(ctx.ports, req, {
    from: ['resolved'],
    set: clock.set,
    event: { type: 'closed', text: `企业确认办结，评分 ${score} 分${comment ? `：${comment}` : ''}` },
    actor: enterpriseActor(ctx, req),
    now: ctx.now,
  }));
}


export async function reopenRequest(ctx: Ctx, input: Sent<typeof ReopenInput>) {
  const { id, reason } = parseInput(ReopenInput, input);
  const req = await loadForEnterprise(ctx, id);
  return settle(ctx, await reopenForRework(ctx, req, { from: ['resolved'], actor: enterpriseActor(ctx, req), text: `企业退回重办：${reason}` }));
}


/** the enterprise supplies what was asked for: the clock runs again */
export async function supplementRequest(ctx: Ctx, input: Sent<typeof SupplementInput>) {
  const { id, note, photos, attachments } = parseInput(SupplementInput, input);
  const req = await loadForEnterprise(ctx, id);
  await requireOwnFiles(ctx, photos);
  const files = await ownAttachments(ctx, attachments);
  const clock = resume(req, ctx.now, await loadSla(ctx.ports), { status: 'accepted', photos: [...req.photos, ...photos].slice(0, MAX_PHOTOS * 2) });
  return settle(ctx, await transition(ctx.ports, req, {
    from: ['paused'],
    set: clock.set,
    history: clock.history,
    event: { type: 'supplemented', text: `企业补充材料：${note}${photos.length ? `（附图${photos.length}张）` : ''}${attachmentNote(files)}`, ...withAttachments(files) },
    actor: enterpriseActor(ctx, req),
    now: ctx.now,
  }));
}
