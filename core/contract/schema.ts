/**
 * Input checking both sides share: the zod building blocks of the contract's schemas and the Chinese
 * text of a failed check. The server turns the problems into one VALIDATION_FAILED error
 * (core/validation.ts); a page shows them beside its fields before sending (`problemsOf`).
 */
import { z } from 'zod';
import { PHONE_MESSAGE, PHONE_PATTERN } from './limits';

export { z };

/** a phone a request or a form must carry: empty and malformed each say so */
export const zPhone = z
  .string({ required_error: '请填写联系电话' })
  .trim()
  .refine((v) => v !== '', '请填写联系电话')
  .refine((v) => v === '' || PHONE_PATTERN.test(v), PHONE_MESSAGE);

/** a phone that may be left empty ('' when absent) */
export const zOptionalPhone = (message = PHONE_MESSAGE) =>
  z.string().trim().refine((v) => v === '' || PHONE_PATTERN.test(v), message).optional().default('');

/** cloud:// file ids from Taro.cloud.uploadFile, local:// ones from the local server's upload */
export const zFileId = z.string().regex(/^(cloud|local):\/\/[\w./-]{1,200}$/, '图片地址不正确');

/** the Chinese text of one failed check (a schema's own Chinese message wins) */
export function chineseIssue(i: z.ZodIssue): string {
  // schemas set Chinese messages on their own checks; these cover the generic cases
  if (i.message && /[\u4e00-\u9fa5]/.test(i.message)) return i.message;
  const f = i.path.join('.') || '输入';
  switch (i.code) {
    case 'invalid_type':
      return i.received === 'undefined' ? `缺少必填项：${f}` : `${f} 格式不正确`;
    case 'too_small':
      return `${f} 不能为空或过短`;
    case 'too_big':
      return `${f} 超出长度或数量上限`;
    case 'invalid_enum_value':
      return `${f} 不是可选的值`;
    default:
      return `${f} 不正确`;
  }
}

/** each field's first problem, keyed by its path ('' for the input as a whole): empty when it passes */
export function problemsOf(schema: z.ZodTypeAny, input: unknown): Record<string, string> {
  const r = schema.safeParse(input ?? {});
  if (r.success) return {};
  const out: Record<string, string> = {};
  for (const i of r.error.issues) {
    const field = i.path.join('.');
    if (!(field in out)) out[field] = chineseIssue(i);
  }
  return out;
}
