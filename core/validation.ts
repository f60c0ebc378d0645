/** Schema checking for every action's input: zod issues become one AppError with Chinese text. */
import { z } from 'zod';
import { AppError } from './errors';
import { chineseIssue } from './contract/schema';
import { calendarDate } from './time';

export { zFileId, zOptionalPhone, zPhone } from './contract/schema';

export function parseInput<T extends z.ZodTypeAny>(schema: T, input: unknown): z.infer<T> {
  const r = schema.safeParse(input ?? {});
  if (r.success) return r.data;
  const details = r.error.issues.map((i) => ({ field: i.path.join('.') || '(输入)', message: chineseIssue(i) }));
  throw new AppError('VALIDATION_FAILED', details.map((d) => d.message).join('；'), details);
}

export const zId = z.string({ required_error: '缺少编号' }).min(1, '缺少编号').max(64, '编号不正确');
const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/** a day that exists (2026-02-30 and 2026-13-01 do not) within the years the product deals with */
export function isCalendarDate(s: string): boolean {
  if (!DATE_SHAPE.test(s)) return false;
  const [y, mo, d] = s.split('-').map(Number);
  if (y < 2000 || y > 2100) return false;
  // a day that does not exist rolls over into another (2026-02-30 → 2026-03-02)
  return calendarDate(y, mo, d) === s;
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
