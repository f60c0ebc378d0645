/**
 * An enterprise user binds their WeChat identity to one registered enterprise by its name and
 * unified social credit code. The registry is kept by the admin (and seeded locally).
 */
import { z } from 'zod';
import { MAX_CONTACTS_PER_ENTERPRISE } from '../catalog';
import { C } from '../collections';
import { Ctx, requireRole } from '../context';
import { AppError } from '../errors';
import type { Enterprise, User } from '../model';
import { parseInput } from '../validation';
import { isValidCreditCode, normalizeCreditCode } from './credit-code';

export const BindInput = z.object({
  name: z.string({ required_error: '请填写企业名称' }).trim().min(2, '请填写企业全称').max(100, '企业名称过长'),
  creditCode: z
    .string({ required_error: '请填写统一社会信用代码' })
    .transform(normalizeCreditCode)
    .refine((v) => v.length === 18, '统一社会信用代码应为18位'),
});

export async function bindEnterprise(ctx: Ctx, input: unknown) {
  requireRole(ctx.user, 'enterprise');
  const { name, creditCode } = parseInput(BindInput, input);
  if (!isValidCreditCode(creditCode)) throw new AppError('BAD_CREDIT_CODE', '统一社会信用代码校验失败，请核对后重新输入');
  if (ctx.user.enterpriseId) throw new AppError('ALREADY_BOUND', '您已绑定企业，如需更换请先解绑');
  const enterprises = ctx.ports.store.collection<Enterprise>(C.enterprises);
  const [ent] = await enterprises.find({ creditCode }, { limit: 1 });
  if (!ent) throw new AppError('ENTERPRISE_NOT_FOUND', '未在本区企业名录中找到该信用代码，请联系所在网格员登记');
  if (ent.name !== name) throw new AppError('ENTERPRISE_NAME_MISMATCH', '企业名称与信用代码不一致，请填写营业执照上的企业全称');
  if (!ent.contactIds.includes(ctx.user._id)) {
    // conditional on the contact count so concurrent binds cannot exceed the cap
    const ok = await enterprises.update(
      ent._id,
      { $push: { contactIds: ctx.user._id }, $inc: { contactCount: 1 } },
      { contactCount: { $lt: MAX_CONTACTS_PER_ENTERPRISE } },
    );
    if (!ok) throw new AppError('ENTERPRISE_CONTACTS_FULL', `该企业联系人已满${MAX_CONTACTS_PER_ENTERPRISE}人，请联系企业现有联系人解绑`);
  }
  await ctx.ports.store.collection<User>(C.users).update(ctx.user._id, { $set: { enterpriseId: ent._id } });
  return { enterprise: { id: ent._id, name: ent.name, creditCode: ent.creditCode } };
}
