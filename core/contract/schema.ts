/**
 * Input checking both sides share: the zod building blocks of the contract's schemas and the Chinese
 * text of a failed check. The server turns the problems into one VALIDATION_FAILED error
 * (core/validation.ts); a page shows them beside its fields before sending (`problemsOf`).
 */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { z } from 'zod';
import { PHONE_MESSAGE, PHONE_PATTERN } from './limits';

dayjs.extend(utc);

export { z };

/**
 * The input of an action as its use case declares it: `input: Sent<typeof ProgressInput>`. Inside the
 * use case it is still untrusted (nothing can be read off it before parseInput); to the pages it is
 * what they may send (core/contract/answers.ts `Input<A>`, which types callService). Types only.
 */
declare const SENT: unique symbol;
export type Sent<S extends z.ZodTypeAny> = { readonly [SENT]?: z.input<S> };
/** a use case called from another one (server side): the fields, typed by the schema it parses them with */
export const sent = <S extends z.ZodTypeAny>(fields: z.input<S>): Sent<S> => fields as Sent<S>;
/** what a Sent<S> lets the pages send (never for anything else) */
export type SentShape<P> = P extends { readonly [SENT]?: infer I } ? I : never;

/** a document id the pages send back (a request, a user, a card…) */
export const zId = z.string({ required_error: '缺少编号' }).min(1, '缺少编号').max(64, '编号不正确');

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/** a day that exists (2026-02-30 and 2026-13-01 do not) within the years the product deals with */
export function isCalendarDate(s: string): boolean {
  if (!DATE_SHAPE.test(s)) return false;
  const y = Number(s.slice(0, 4));
  if (y < 2000 || y > 2100) return false;
  // a day that does not exist rolls over into another (2026-02-30 → 2026-03-02)
  return dayjs.utc(s).format('YYYY-MM-DD') === s;
}

/**
 * A date as the pages send it, YYYY-MM-DD. A regex alone let "2026-13-45" through, and turning it
 * into an instant then threw (INTERNAL); far-off years only make deadline arithmetic walk day by
 * day. Both are a validation error now.
 */
export const zDate = (required = '请选择日期') =>
  z
    .string({ required_error: required, invalid_type_error: '日期格式应为 YYYY-MM-DD' })
    .regex(DATE_SHAPE, '日期格式应为 YYYY-MM-DD')
    // (zod runs a refinement even after the regex failed: one message per problem)
    .refine((s) => !DATE_SHAPE.test(s) || isCalendarDate(s), '日期不存在或超出范围（2000至2100年），请检查年月日');

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

/** the input of the many actions that name one document and nothing else */
export const IdInput = z.object({ id: zId });
