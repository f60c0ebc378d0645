/** Schema checking for every action's input: zod issues become one AppError with Chinese text. */
import { z } from 'zod';
import { AppError } from './errors';
import { chineseIssue } from './contract/schema';

export { isCalendarDate, zDate, zFileId, zId, zOptionalPhone, zPhone } from './contract/schema';

export function parseInput<T extends z.ZodTypeAny>(schema: T, input: unknown): z.infer<T> {
  const r = schema.safeParse(input ?? {});
  if (r.success) return r.data;
  const details = r.error.issues.map((i) => ({ field: i.path.join('.') || '(输入)', message: chineseIssue(i) }));
  throw new AppError('VALIDATION_FAILED', details.map((d) => d.message).join('；'), details);
}
