/**
 * The enterprise's request forms, as both sides check them: the submit page before sending, the
 * server's request.submit on arrival (core/intake/submit.ts adds the idempotency key).
 */
import { zCategory } from './category-input';
import { MAX_DESCRIPTION, MAX_PHOTOS, MIN_DESCRIPTION } from './limits';
import { z, zFileId, zId, zPhone } from './schema';
import { zShownAnswers } from './knowledge';

export const SubmitFields = z.object({
  category: zCategory('请选择诉求类别（所选类别不存在）'),
  description: z
    .string({ required_error: '请描述遇到的问题' })
    .trim()
    .min(MIN_DESCRIPTION, `问题描述至少${MIN_DESCRIPTION}个字`)
    .max(MAX_DESCRIPTION, `问题描述不能超过${MAX_DESCRIPTION}字`),
  photos: z.array(zFileId).max(MAX_PHOTOS, `最多上传${MAX_PHOTOS}张图片`).default([]),
  phone: zPhone,
});
export type SubmitFields = z.infer<typeof SubmitFields>;

/** request.submit: the form and the page's idempotency key (a retry with the same key answers the first request) */
export const SubmitInput = SubmitFields.extend({
  clientKey: z.string({ required_error: '缺少提交编号' }).regex(/^[A-Za-z0-9_-]{8,64}$/, '提交编号不正确'),
  shownAnswers: zShownAnswers,
  /** the responsibility-list item the enterprise chose ("您要反映的是…"); none for 不确定 */
  itemId: z.union([zId, z.null()]).optional(),
});
