/**
 * The enterprise scores a visit and may complain about it. Both are anonymous toward the visiting
 * side, so enterprises dare to be honest: the feedback record keeps who said what for supervisors
 * only, the visit keeps just the sums, and a complaint becomes a case at the district center
 * under a pseudonym (see requests.ts).
 */
import { C } from '../collections';
import { Ctx, hasRole } from '../context';
import { AppError } from '../errors';
import type { User } from '../model';
import { StoreError } from '../ports';
import { parseInput } from '../validation';
import { ComplainInput, ScoreInput } from '../contract/visit-inputs';
import type { Sent } from '../contract/schema';
import { withFlags } from './guard';
import { PURPOSES, type Visit, type VisitFeedback } from './model';
import { tell } from './notify';
import { loadVisit, patchVisit } from './records';
import { complaintRequest } from './requests';
import { loadVisitSettings } from './settings';
import { supervisorsOfGrid } from './staff';
import { detailPage } from './checkin';

/** the caller must be a contact of the visited enterprise, within the feedback period */
async function visitOfMyEnterprise(ctx: Ctx, visitId: string): Promise<Visit> {
  const u = ctx.user;
  if (!u.active || !hasRole(u, 'enterprise') || !u.enterpriseId) throw new AppError('FORBIDDEN', '仅被访企业的联系人可以评价或投诉');
  const v = await loadVisit(ctx.ports, visitId).catch(() => null);
  // another enterprise's visit reads as missing
  if (!v || v.enterpriseId !== u.enterpriseId) throw new AppError('NOT_FOUND', '未找到该入企记录');
  const { feedbackDays } = await loadVisitSettings(ctx.ports);
  const end = new Date(v.checkoutAt ?? ctx.now.toISOString()).getTime() + feedbackDays * 86400_000;
  if (ctx.now.getTime() > end) throw new AppError('INVALID_STATE', `入企结束超过${feedbackDays}天，已不能评价或投诉；如有问题请直接提交诉求`);
  return v;
}

export const feedbackOf = (ctx: Ctx, visitIds: string[]) =>
  visitIds.length
    ? ctx.ports.store.collection<VisitFeedback>(C.visitFeedback).find({ visitId: { $in: visitIds }, userId: ctx.user._id }, { limit: 100 })
    : Promise.resolve([] as VisitFeedback[]);

function record(ctx: Ctx, v: Visit, over: Pick<VisitFeedback, '_id' | 'kind' | 'score' | 'text'>): VisitFeedback {
  const u: User = ctx.user;
  return {
    ...over, visitId: v._id, visitNo: v.no, enterpriseId: v.enterpriseId, deptIds: v.deptIds,
    userId: u._id, userName: u.name, phone: u.phone ?? null, requestId: null, requestNo: null, createdAt: ctx.now.toISOString(),
  };
}

export async function scoreVisit(ctx: Ctx, input: Sent<typeof ScoreInput>) {
  const { visitId, score, comment } = parseInput(ScoreInput, input);
  const v = await visitOfMyEnterprise(ctx, visitId);
  const fb = ctx.ports.store.collection<VisitFeedback>(C.visitFeedback);
  const doc = record(ctx, v, { _id: `${v._id}:score:${ctx.user._id}`, kind: 'score', score, text: comment });
  try {
    await fb.add(doc);
  } catch (e) {
    if (e instanceof StoreError && e.code === 'DUPLICATE_ID') throw new AppError('INVALID_STATE', '您已评价过本次入企');
    throw e;
  }
  const low = score <= 2;
  const after = await patchVisit(ctx.ports, v._id, (cur) => ({
    $inc: { scoreSum: score, scoreCount: 1 },
    ...(low ? { $set: withFlags(cur, ['low_score']) } : {}),
  }), ctx.now);
  if (low) {
    // a supervisor who was on the visit is scored, not told (core/recusal.ts: nobody judges their own visit)
    const supervisors = (await supervisorsOfGrid(ctx.ports, v.gridId)).filter((id) => !v.memberIds.includes(id));
    await tell(ctx.ports, ctx.now, supervisors, {
      key: `visit:${v._id}:lowscore:${ctx.user._id}`, title: '入企低分评价',
      body: `${v.enterpriseName} 对入企记录 ${v.no}（${v.members.map((m) => m.deptName).join('、')}，${PURPOSES[v.purpose]}）评分 ${score} 分${comment ? `：${comment}` : ''}`,
      page: detailPage(v._id), no: v.no, status: `评分${score}分`,
    });
  }
  return { visitId: after._id, score, comment };
}

export async function complainVisit(ctx: Ctx, input: Sent<typeof ComplainInput>) {
  const { visitId, text } = parseInput(ComplainInput, input);
  const v = await visitOfMyEnterprise(ctx, visitId);
  const verdict = await ctx.ports.contentCheck.check(text, ctx.user.openid);
  if (!verdict.ok) throw new AppError('CONTENT_REJECTED', `投诉内容含有不当内容：${verdict.reason}`);
  const fb = ctx.ports.store.collection<VisitFeedback>(C.visitFeedback);
  const id = `${v._id}:complaint:${ctx.user._id}`;
  const existing = await fb.get(id);
  if (existing?.requestId) throw new AppError('INVALID_STATE', `您已投诉过本次入企（工单 ${existing.requestNo}），可在“我的诉求”中查看办理进度`);
  if (!existing) {
    try {
      await fb.add(record(ctx, v, { _id: id, kind: 'complaint', score: null, text }));
    } catch (e) {
      if (!(e instanceof StoreError && e.code === 'DUPLICATE_ID')) throw e;
    }
  }
  const req = await complaintRequest(ctx.ports, ctx.user, v, text, id, ctx.now);
  await fb.update(id, { $set: { requestId: req._id, requestNo: req.no } });
  await patchVisit(ctx.ports, v._id, (cur) => ({ $inc: { complaintCount: 1 }, $set: withFlags(cur, ['complained']) }), ctx.now);
  return {
    visitId: v._id,
    request: { _id: req._id, no: req.no },
    message: `投诉已受理（工单 ${req.no}），由区营商环境优化中心调度处理，被投诉部门看不到投诉人。`,
  };
}
