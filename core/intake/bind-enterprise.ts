/**
 * An enterprise user asks to bind their WeChat identity to one registered enterprise by its name
 * and unified social credit code. The enterprise's first contact decides; for the first contact,
 * an officer of the enterprise's grid decides; with neither, the request is approved at once.
 * At most MAX_CONTACTS_PER_ENTERPRISE contacts; the first contact may remove others, anyone may leave.
 */
import { MAX_CONTACTS_PER_ENTERPRISE } from '../contract/limits';
import { BindInput, BindingListInput, BindingRejectInput, UnbindInput } from '../contract/account';
import { IdInput, type Sent } from '../contract/schema';
import { C } from '../collections';
import { Ctx, hasRole, newId, requireRole } from '../context';
import { AppError } from '../errors';
import type { Binding, Enterprise, Message, User } from '../model';
import { parseInput } from '../validation';
import { isValidCreditCode } from './credit-code';
import { userRepo } from '../repos/users';
import { enterpriseRepo } from '../repos/enterprises';
import { audit } from '../admin/audit';


const full = () => new AppError('ENTERPRISE_CONTACTS_FULL', `该企业联系人已满${MAX_CONTACTS_PER_ENTERPRISE}人，请联系企业现有联系人解绑`);

async function tell(ctx: Ctx, userIds: string[], key: string, title: string, body: string) {
  const messages = ctx.ports.store.collection<Message>(C.messages);
  for (const userId of userIds) {
    await messages.add({ _id: `${key}:${userId}`, userId, requestId: '', title, body, read: false, createdAt: ctx.now.toISOString() }).catch(() => undefined);
  }
}

/** adds the contact (cap checked atomically) and binds the user */
async function admit(ctx: Ctx, ent: Enterprise, userId: string) {
  if (!ent.contactIds.includes(userId)) {
    const ok = await enterpriseRepo(ctx.ports.store).addContact(ent._id, userId, MAX_CONTACTS_PER_ENTERPRISE);
    if (!ok) throw full();
  }
  await userRepo(ctx.ports.store).update(userId, { $set: { enterpriseId: ent._id } });
}

export async function bindEnterprise(ctx: Ctx, input: Sent<typeof BindInput>) {
  requireRole(ctx.user, 'enterprise');
  const { name, creditCode, applicantName, phone } = parseInput(BindInput, input);
  if (!isValidCreditCode(creditCode)) throw new AppError('BAD_CREDIT_CODE', '统一社会信用代码校验失败，请核对后重新输入');
  if (ctx.user.enterpriseId) throw new AppError('ALREADY_BOUND', '您已绑定企业，如需更换请先解绑');
  const ent = await enterpriseRepo(ctx.ports.store).byCreditCode(creditCode);
  if (!ent) throw new AppError('ENTERPRISE_NOT_FOUND', '未在本区企业名录中找到该信用代码，请联系所在网格员登记');
  if (ent.name !== name) throw new AppError('ENTERPRISE_NAME_MISMATCH', '企业名称与信用代码不一致，请填写营业执照上的企业全称');
  if (ent.contactCount >= MAX_CONTACTS_PER_ENTERPRISE) throw full();
  if (applicantName || phone) {
    const profile = { ...(applicantName ? { name: applicantName } : {}), ...(phone ? { phone } : {}) };
    await userRepo(ctx.ports.store).update(ctx.user._id, { $set: profile });
    Object.assign(ctx.user, profile);
  }
  const bindings = ctx.ports.store.collection<Binding>(C.bindings);
  const [pending] = await bindings.find({ userId: ctx.user._id, status: 'pending' }, { limit: 1 });
  if (pending) {
    if (pending.enterpriseId === ent._id) return { binding: bindingView(pending), enterprise: { id: ent._id, name: ent.name, creditCode: ent.creditCode } };
    await bindings.update(pending._id, { $set: { status: 'cancelled', decidedAt: ctx.now.toISOString() } }, { status: 'pending' });
  }
  const approverIds = ent.contactIds.length
    ? [ent.contactIds[0]]
    : (await userRepo(ctx.ports.store).officersOfGrid(ent.gridId, 20)).map((u) => u._id);
  const binding: Binding = {
    _id: `b-${newId(ctx.ports)}`, userId: ctx.user._id, userName: ctx.user.name, phone: ctx.user.phone ?? '',
    enterpriseId: ent._id, enterpriseName: ent.name, approverIds, status: approverIds.length ? 'pending' : 'approved',
    reason: null, createdAt: ctx.now.toISOString(), decidedAt: approverIds.length ? null : ctx.now.toISOString(), decidedById: null,
  };
  if (!approverIds.length) await admit(ctx, ent, ctx.user._id);
  await bindings.add(binding);
  if (approverIds.length) {
    await tell(ctx, approverIds, binding._id, '企业联系人绑定申请', `${ctx.user.name} 申请成为“${ent.name}”的联系人，请审核`);
  }
  return { binding: bindingView(binding, approverIds.length ? await approverName(ctx, approverIds) : ''), enterprise: { id: ent._id, name: ent.name, creditCode: ent.creditCode } };
}

async function approverName(ctx: Ctx, ids: string[]) {
  const first = await userRepo(ctx.ports.store).get(ids[0]);
  return first ? (first.roles.includes('officer') ? `网格员 ${first.name}` : `企业联系人 ${first.name}`) : '';
}

const bindingView = (b: Binding, approver = '') => ({
  id: b._id, userId: b.userId, enterpriseId: b.enterpriseId, status: b.status, enterpriseName: b.enterpriseName, userName: b.userName, phone: b.phone, createdAt: b.createdAt, reason: b.reason, approverName: approver,
});

export async function myBinding(ctx: Ctx) {
  if (!hasRole(ctx.user, 'enterprise') || ctx.user.enterpriseId) return null;
  const [b] = await ctx.ports.store.collection<Binding>(C.bindings).find({ userId: ctx.user._id, status: 'pending' }, { limit: 1 });
  return b ? bindingView(b, await approverName(ctx, b.approverIds)) : null;
}

export async function listBindings(ctx: Ctx, input: Sent<typeof BindingListInput>) {
  const { tab } = parseInput(BindingListInput, input);
  const mine = await ctx.ports.store.collection<Binding>(C.bindings).find({ approverIds: { $all: [ctx.user._id] } }, { orderBy: [['createdAt', 'desc']], limit: 100 });
  return { items: mine.filter((b) => (tab === 'pending' ? b.status === 'pending' : b.status !== 'pending')).map((b) => bindingView(b)) };
}

/** a binding as the audit log keeps it, before and after the decision */
const bindingRecord = (b: Binding) => ({
  status: b.status, userName: b.userName, phone: b.phone, enterpriseName: b.enterpriseName, reason: b.reason, createdAt: b.createdAt, decidedAt: b.decidedAt,
});

async function loadDecidable(ctx: Ctx, id: string) {
  const b = await ctx.ports.store.collection<Binding>(C.bindings).get(id);
  if (!b || !(b.approverIds.includes(ctx.user._id) || hasRole(ctx.user, 'admin'))) throw new AppError('NOT_FOUND', '未找到该绑定申请');
  if (b.status !== 'pending') throw new AppError('INVALID_STATE', '该申请已处理');
  return b;
}

export async function approveBinding(ctx: Ctx, input: Sent<typeof IdInput>) {
  const { id } = parseInput(IdInput, input);
  const b = await loadDecidable(ctx, id);
  const ent = await enterpriseRepo(ctx.ports.store).get(b.enterpriseId);
  const applicant = await userRepo(ctx.ports.store).get(b.userId);
  if (!ent || !applicant || !applicant.active) throw new AppError('NOT_FOUND', '申请人或企业已不存在');
  if (applicant.enterpriseId) throw new AppError('INVALID_STATE', '申请人已绑定其他企业');
  const claimed = await ctx.ports.store.collection<Binding>(C.bindings).update(id, { $set: { status: 'approved', decidedAt: ctx.now.toISOString(), decidedById: ctx.user._id } }, { status: 'pending' });
  if (!claimed) throw new AppError('CONFLICT', '该申请已被他人处理');
  await admit(ctx, ent, b.userId).catch(async (e) => {
    await ctx.ports.store.collection<Binding>(C.bindings).update(id, { $set: { status: 'pending', decidedAt: null, decidedById: null } });
    throw e;
  });
  await tell(ctx, [b.userId], `${id}:decided`, '企业绑定已通过', `您已成为“${ent.name}”的联系人，可以在线反映问题了`);
  // the 操作日志: who let whom speak for the enterprise
  await audit(ctx, 'binding.approve', 'binding', id, `通过 ${b.userName} 成为“${ent.name}”联系人的申请`, bindingRecord(b), bindingRecord({ ...b, status: 'approved', decidedAt: ctx.now.toISOString() }));
  return { binding: bindingView({ ...b, status: 'approved' }) };
}

export async function rejectBinding(ctx: Ctx, input: Sent<typeof BindingRejectInput>) {
  const { id, reason } = parseInput(BindingRejectInput, input);
  const b = await loadDecidable(ctx, id);
  const ok = await ctx.ports.store.collection<Binding>(C.bindings).update(id, { $set: { status: 'rejected', reason, decidedAt: ctx.now.toISOString(), decidedById: ctx.user._id } }, { status: 'pending' });
  if (!ok) throw new AppError('CONFLICT', '该申请已被他人处理');
  await tell(ctx, [b.userId], `${id}:decided`, '企业绑定未通过', `“${b.enterpriseName}”联系人申请未通过：${reason}`);
  await audit(ctx, 'binding.reject', 'binding', id, `驳回 ${b.userName} 成为“${b.enterpriseName}”联系人的申请：${reason}`, bindingRecord(b), bindingRecord({ ...b, status: 'rejected', reason, decidedAt: ctx.now.toISOString() }));
  return { binding: bindingView({ ...b, status: 'rejected', reason }) };
}

/** leave an enterprise, or (first contact) remove another contact */
export async function unbindEnterprise(ctx: Ctx, input: Sent<typeof UnbindInput>) {
  requireRole(ctx.user, 'enterprise');
  const { userId } = parseInput(UnbindInput, input);
  const target = userId ?? ctx.user._id;
  if (!ctx.user.enterpriseId) throw new AppError('NOT_BOUND', '您尚未绑定企业');
  const enterprises = enterpriseRepo(ctx.ports.store);
  const ent = (await enterprises.get(ctx.user.enterpriseId))!;
  if (target !== ctx.user._id && ent.contactIds[0] !== ctx.user._id) throw new AppError('FORBIDDEN', '只有企业第一联系人可以移除其他联系人');
  if (!ent.contactIds.includes(target)) throw new AppError('NOT_FOUND', '该用户不是本企业联系人');
  await enterprises.removeContact(ent, target);
  await userRepo(ctx.ports.store).update(target, { $set: { enterpriseId: null } });
  return { ok: true };
}

/** the enterprise's contacts, for its users (the first contact may remove the others) */
export async function listContacts(ctx: Ctx) {
  requireRole(ctx.user, 'enterprise');
  if (!ctx.user.enterpriseId) throw new AppError('NOT_BOUND', '您尚未绑定企业');
  const ent = (await enterpriseRepo(ctx.ports.store).get(ctx.user.enterpriseId))!;
  const users = userRepo(ctx.ports.store);
  const contacts = await Promise.all(ent.contactIds.map((id) => users.get(id)));
  return {
    canRemove: ent.contactIds[0] === ctx.user._id,
    items: contacts.filter((u): u is User => !!u).map((u, i) => ({ id: u._id, name: u.name, phone: u.phone ?? '', first: i === 0, me: u._id === ctx.user._id })),
  };
}
