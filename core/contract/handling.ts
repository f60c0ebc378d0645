/**
 * The inputs of the request loop's handling actions, as both sides check them: the officer's
 * 签收/进展/办结/补充材料, the enterprise's 确认/退回/补充, 退回改派 and 延期, and the desk's 回访.
 * The use cases parse with these (`input: Sent<typeof X>`); the pages check their forms with them
 * before sending (`problemsOf`).
 */
import { CALLBACK_METHODS, CALLBACK_OUTCOMES, RESULT_KINDS, type ResultKind } from './catalog';
import { MAX_PHOTOS } from './limits';
import { z, zDate, zFileId, zId } from './schema';
import { zAttachments } from './attachments';

// --- the handler (core/handling/officer-actions.ts) ---

export const ProgressInput = z.object({
  id: zId,
  note: z.string({ required_error: '请填写办理进展' }).trim().min(2, '办理进展至少2个字').max(500, '办理进展不能超过500字'),
  /** 现场照片, a 盖章 letter…: kept on the progress entry of the timeline */
  attachments: zAttachments,
});

const keys = <T extends object>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

/**
 * 办结's result type (已解决 / 已解释说明 / 无法解决) and, for 无法解决, why: the officer's 办结 and a
 * lead department's 最终答复 (core/contract/desk.ts FinalInput) alike. The pages make the handler
 * choose; a client from before the types existed sends none and means 已解决.
 */
export const resultKindFields = {
  kind: z.enum(keys(RESULT_KINDS), { errorMap: () => ({ message: '请选择办理结果类型' }) }).optional().default('solved'),
  reason: z.string({ invalid_type_error: '无法解决的原因应为文字' }).trim().max(300, '无法解决的原因不能超过300字').optional().default(''),
};
export const UNSOLVABLE_REASON = '选择“无法解决”时请说明原因（至少2个字）';
/** 无法解决 needs its reason */
export function needsReason(v: { kind: ResultKind; reason: string }, c: z.RefinementCtx) {
  if (v.kind === 'unsolvable' && v.reason.length < 2) c.addIssue({ code: 'custom', path: ['reason'], message: UNSOLVABLE_REASON });
}

export const ResolveInput = z
  .object({
    id: zId,
    result: z.string({ required_error: '请填写办理结果' }).trim().min(2, '办理结果至少2个字').max(1000, '办理结果不能超过1000字'),
    ...resultKindFields,
    attachments: zAttachments,
  })
  .superRefine(needsReason);

export const PauseInput = z.object({
  id: zId,
  reason: z.string({ required_error: '请说明需要企业补充的材料' }).trim().min(2, '请说明需要企业补充的材料').max(300, '说明不能超过300字'),
});

export const ResumeInput = z.object({ id: zId, note: z.string().trim().max(300, '说明不能超过300字').optional().default('') });

// --- the enterprise (core/feedback/enterprise-feedback.ts) ---

export const ConfirmInput = z.object({
  id: zId,
  score: z.number({ required_error: '请为办理结果打分', invalid_type_error: '评分应为1到5的整数' }).int('评分应为1到5的整数').min(1, '评分应为1到5的整数').max(5, '评分应为1到5的整数'),
  comment: z.string().trim().max(300, '评价内容不能超过300字').optional().default(''),
});

export const ReopenInput = z.object({
  id: zId,
  reason: z.string({ required_error: '请说明退回原因' }).trim().min(2, '请说明退回原因').max(300, '退回原因不能超过300字'),
});

export const SupplementInput = z.object({
  id: zId,
  note: z.string({ required_error: '请填写补充说明' }).trim().min(2, '请填写补充说明').max(1000, '补充说明不能超过1000字'),
  /** photos only, from clients before attachments: kept with the request's photos */
  photos: z.array(zFileId).max(MAX_PHOTOS, `最多上传${MAX_PHOTOS}张图片`).default([]),
  attachments: zAttachments,
});

// --- 退回/申请改派 and 延期申请 (core/handling/objections.ts) ---

export const HandBackInput = z.object({
  id: zId,
  reason: z.string({ required_error: '请说明退回理由' }).trim().min(2, '请说明退回理由（至少2个字）').max(300, '退回理由不能超过300字'),
});

export const AskExtensionInput = z.object({
  id: zId,
  date: zDate('请选择延期后的办理期限'),
  reason: z.string({ required_error: '请说明延期理由' }).trim().min(2, '请说明延期理由（至少2个字）').max(300, '延期理由不能超过300字'),
});

export const DecideExtensionInput = z
  .object({
    id: zId,
    approve: z.boolean({ required_error: '请选择是否批准', invalid_type_error: '请选择是否批准' }),
    note: z.string({ invalid_type_error: '审批意见格式不正确' }).trim().max(300, '审批意见不能超过300字').optional().default(''),
  })
  .refine((v) => v.approve || v.note.length >= 2, { message: '不批准时请填写理由（至少2个字）', path: ['note'] });

// --- 回访 (core/feedback/callback.ts) ---

export const CallbackInput = z
  .object({
    id: zId,
    method: z.enum(keys(CALLBACK_METHODS), { errorMap: () => ({ message: '请选择回访方式' }) }),
    outcome: z.enum(keys(CALLBACK_OUTCOMES), { errorMap: () => ({ message: '请选择回访结果' }) }),
    note: z.string({ invalid_type_error: '回访记录应为文字' }).trim().max(500, '回访记录不能超过500字').optional().default(''),
  })
  .superRefine((v, c) => {
    if (v.outcome === 'unsatisfied' && v.note.length < 2) {
      c.addIssue({ code: 'custom', path: ['note'], message: '回访不满意时请填写企业反映的问题（至少2个字）' });
    }
  });

// --- 申诉 by the enterprise against a rejection (core/feedback/appeal.ts) ---

/** how long after a rejection the enterprise may object to it, in days */
export const APPEAL_DAYS = 30;

export const AppealInput = z.object({
  id: zId,
  reason: z.string({ required_error: '请填写申诉理由' }).trim().min(5, '请具体说明申诉理由（至少5个字）').max(500, '申诉理由不能超过500字'),
});

// --- 催办 by the enterprise (core/feedback/urge.ts) ---

export const UrgeInput = z.object({
  id: zId,
  note: z.string({ invalid_type_error: '催办说明应为文字' }).trim().max(200, '催办说明不能超过200字').optional().default(''),
});

// --- 补充说明 by the enterprise on an open request (core/feedback/note.ts): instead of a second request ---
export const NoteInput = z.object({
  id: zId,
  note: z.string({ required_error: '请填写补充说明' }).trim().min(2, '请填写补充说明').max(1000, '补充说明不能超过1000字'),
  attachments: zAttachments,
});
