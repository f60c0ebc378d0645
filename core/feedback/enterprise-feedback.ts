/**
 * The enterprise closes the loop: confirms the result with a 1-5 score and a comment, or sends it
 * back (退回重办) — a reopened case returns to the same officer when possible and counts as 重办.
 */
import { z } from 'zod';
import { Ctx, requireRole } from '../context';
import { AppError } from '../errors';
import type { ServiceRequest } from '../model';
import { loadRequest, transition } from '../request-record';
import { resume, settleClock } from '../sla/clock';
import { reopenForRework } from './rework';
import { loadSla } from '../sla/policy';
import { MAX_PHOTOS } from '../contract/limits';
import { parseInput, zId } from '../validation';
import { requireOwnFiles } from '../files/own-files';
import { settle } from '../settle';

export async function loadForEnterprise(ctx: Ctx, id: string): Promise<ServiceRequest> {
  requireRole(ctx.user, 'enterprise');
  const req = await loadRequest(ctx.ports, id);
  // another enterprise's request reads as not found: its existence is not disclosed
  if (!ctx.user.enterpriseId || req.enterpriseId !== ctx.user.enterpriseId) throw new AppError('NOT_FOUND', '未找到该诉求');
  return req;
}

/** on an anonymous request (a complaint about a visit) the enterprise acts under its pseudonym */
function enterpriseActor(ctx: Ctx, req: ServiceRequest) {
  return req.anonymous ? { id: req.submitterId, name: '企业联系人（匿名）' } : { id: ctx.user._id, name: ctx.user.name };
}

export const ConfirmInput = z.object({
  id: zId,
  score: z.number({ required_error: '请为办理结果打分', invalid_type_error: '评分应为1到5的整数' }).int('评分应为1到5的整数').min(1, '评分应为1到5的整数').max(5, '评分应为1到5的整数'),
  comment: z.string().trim().max(300, '评价内容不能超过300字').optional().default(''),
});

export async function confirmRequest(ctx: Ctx, input: unknown) {
  const { id, score, comment } = parseInput(ConfirmInput, input);
  const req = await loadForEnterprise(ctx, id);
  const clock = settleClock(req, ctx.now, await loadSla(ctx.ports), { status: 'closed', score, comment: comment || null, closedAt: ctx.now.toISOString() });
  return settle(ctx, await transition(ctx.ports, req, {
    from: ['resolved'],
    set: clock.set,
    event: { type: 'closed', text: `企业确认办结，评分 ${score} 分${comment ? `：${comment}` : ''}` },
    actor: enterpriseActor(ctx, req),
    now: ctx.now,
  }));
}

export const ReopenInput = z.object({
  id: zId,
  reason: z.string({ required_error: '请说明退回原因' }).trim().min(2, '请说明退回原因').max(300, '退回原因不能超过300字'),
});

export async function reopenRequest(ctx: Ctx, input: unknown) {
  const { id, reason } = parseInput(ReopenInput, input);
  const req = await loadForEnterprise(ctx, id);
  return settle(ctx, await reopenForRework(ctx, req, { from: ['resolved'], actor: enterpriseActor(ctx, req), text: `企业退回重办：${reason}` }));
}

const zPhoto = z.string().regex(/^(cloud|local):\/\/[\w./-]{1,200}$/, '图片地址不正确');
export const SupplementInput = z.object({
  id: zId,
  note: z.string({ required_error: '请填写补充说明' }).trim().min(2, '请填写补充说明').max(1000, '补充说明不能超过1000字'),
  photos: z.array(zPhoto).max(MAX_PHOTOS, `最多上传${MAX_PHOTOS}张图片`).default([]),
});

/** the enterprise supplies what was asked for: the clock runs again */
export async function supplementRequest(ctx: Ctx, input: unknown) {
  const { id, note, photos } = parseInput(SupplementInput, input);
  const req = await loadForEnterprise(ctx, id);
  await requireOwnFiles(ctx, photos);
  const clock = resume(req, ctx.now, await loadSla(ctx.ports), { status: 'accepted', photos: [...req.photos, ...photos].slice(0, MAX_PHOTOS * 2) });
  return settle(ctx, await transition(ctx.ports, req, {
    from: ['paused'],
    set: clock.set,
    history: clock.history,
    event: { type: 'supplemented', text: `企业补充材料：${note}${photos.length ? `（附图${photos.length}张）` : ''}` },
    actor: enterpriseActor(ctx, req),
    now: ctx.now,
  }));
}
