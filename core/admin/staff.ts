/**
 * Staff: officers, liaisons, department handlers, dispatchers, leaders, admins. A person is invited
 * by a one-time code that binds their WeChat identity on first use; deactivating an officer sends
 * their open requests back to the queue to be re-assigned, each move in the request's history.
 */
import { createHash, randomInt, timingSafeEqual } from 'crypto';
import { ROLES, STAFF_ROLES, type Role } from '../contract/catalog';
import { IdInput, InviteRedeemInput, StaffDeactivateInput, StaffInviteInput, StaffListInput, StaffUpdateInput } from '../contract/admin';
import type { Sent } from '../contract/schema';
import { C } from '../collections';
import { Ctx, newId, requireRole } from '../context';
import { AppError } from '../errors';
import type { Invite, User } from '../model';
import { StoreError, type Ports } from '../ports';
import { SYSTEM, tryTransition } from '../request-record';
import { settleClock } from '../sla/clock';
import { loadSla } from '../sla/policy';
import { assignRequest, assignWaiting, DEFAULT_CAPACITY } from '../assignment/assign';
import { afterChange } from '../notify/after-change';
import { readAll } from '../read-all';
import { parseInput } from '../validation';
import { audit } from './audit';
import { requestRepo } from '../repos/requests';
import { userRepo } from '../repos/users';
import { orgRepo } from '../repos/orgs';

const INVITE_DAYS = 7;
/** no 0/O, 1/I/L: codes are read aloud and typed on phones */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function inviteCode(): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return s;
}

async function checkLinks(ctx: Ctx, f: { roles: Role[]; gridIds: string[]; departmentId: string | null; orgId: string | null }) {
  const orgs = orgRepo(ctx.ports.store);
  const bad = (field: string, message: string) => new AppError('VALIDATION_FAILED', message, [{ field, message }]);
  if (f.roles.includes('officer') && !f.gridIds.length) throw bad('gridIds', '网格员须至少负责一个网格');
  // up to 20 grids in one read
  const grids = await orgs.getMany(f.gridIds);
  for (const g of f.gridIds) {
    const o = grids.get(g);
    if (!o || o.kind !== 'grid' || !o.active) throw bad('gridIds', '所选网格不存在或已撤销');
  }
  if (f.roles.includes('department') && !f.departmentId) throw bad('departmentId', '部门承办人须选择所属部门');
  if (f.departmentId) {
    const o = await orgs.get(f.departmentId);
    if (!o || o.kind !== 'department' || !o.active) throw bad('departmentId', '所选部门不存在或已撤销');
  }
  if (f.roles.includes('dispatcher') && !f.orgId) throw bad('orgId', '调度员须选择所在的营商环境优化中心');
  if (f.orgId) {
    const o = await orgs.get(f.orgId);
    if (!o || !['district', 'street', 'community'].includes(o.kind) || !o.active) throw bad('orgId', '所选中心不存在或已撤销');
  }
}

async function newInvite(ctx: Ctx, userId: string): Promise<Invite> {
  const invites = ctx.ports.store.collection<Invite>(C.invites);
  // an earlier unused code of this person stops working
  for (const old of await readAll(invites, { userId, usedAt: null, expiresAt: { $gt: ctx.now.toISOString() } })) await invites.update(old._id, { $set: { expiresAt: ctx.now.toISOString() } });
  for (let attempt = 0; ; attempt++) {
    const inv: Invite = {
      _id: inviteCode(), userId, createdAt: ctx.now.toISOString(), createdBy: ctx.user._id,
      expiresAt: new Date(ctx.now.getTime() + INVITE_DAYS * 86400_000).toISOString(), usedAt: null, usedByOpenid: null,
    };
    try {
      await invites.add(inv);
      return inv;
    } catch (e) {
      if (!(e instanceof StoreError && e.code === 'DUPLICATE_ID') || attempt > 5) throw e;
    }
  }
}

/**
 * Staff as the admin console shows them, a page at a time: the org names of every person on the
 * page in one batched read (getMany) and the open invites of the unbound ones in one more, instead
 * of a get per grid, department and center and a find per person (~150 calls for 30 officers).
 */
export async function staffViews(ports: Ports, list: User[]) {
  const orgs = await orgRepo(ports.store).getMany(list.flatMap((u) => [...(u.gridIds ?? []), u.departmentId, u.orgId]));
  const unbound = list.filter((u) => !u.openid).map((u) => u._id);
  const open = unbound.length ? await readAll(ports.store.collection<Invite>(C.invites), { userId: { $in: unbound }, usedAt: null }) : [];
  const latest = new Map<string, Invite>();
  for (const inv of open) if ((latest.get(inv.userId)?.createdAt ?? '') < inv.createdAt) latest.set(inv.userId, inv);
  const name = (id?: string | null) => (id ? orgs.get(id)?.name ?? '' : '');
  return list.map((u) => {
    const invite = u.openid ? undefined : latest.get(u._id);
    return {
      id: u._id, name: u.name, phone: u.phone ?? '', roles: u.roles, roleLabel: u.roles.map((r) => ROLES[r]).join('、'),
      gridIds: u.gridIds ?? [], gridNames: (u.gridIds ?? []).map(name).join('、'),
      departmentId: u.departmentId ?? null, departmentName: name(u.departmentId),
      orgId: u.orgId ?? null, orgName: name(u.orgId),
      capacity: u.capacity ?? DEFAULT_CAPACITY, openCount: u.openCount ?? 0, onDuty: u.onDuty !== false, active: u.active,
      bound: !!u.openid, invite: invite ? { code: invite._id, expiresAt: invite.expiresAt } : null,
    };
  });
}

export async function staffView(ports: Ports, u: User) {
  return (await staffViews(ports, [u]))[0];
}

export async function listStaff(ctx: Ctx, input: Sent<typeof StaffListInput>) {
  requireRole(ctx.user, 'admin');
  const { role, q, includeInactive, unbound, page } = parseInput(StaffListInput, input);
  const users = userRepo(ctx.ports.store);
  // The list is sorted by the Chinese collation and searched by name or phone, which the store
  // cannot do, so every staff member of the roles asked for is read (readAll by role: a district of
  // 1,000 officers and ~300 others is ~16 calls), then one page is shown (2 more calls).
  const roles = role ? [role] : [...STAFF_ROLES];
  const seen = new Map<string, User>();
  for (const r of roles) {
    for (const u of await users.withRole(r, { includeInactive, what: '人员' })) seen.set(u._id, u);
  }
  const matched = [...seen.values()].filter((u) => (!q || u.name.includes(q) || (u.phone ?? '').includes(q)) && (!unbound || !u.openid)).sort((a, b) => a.name.localeCompare(b.name, 'zh') || a._id.localeCompare(b._id));
  const pageSize = 30;
  const items = await staffViews(ctx.ports, matched.slice((page - 1) * pageSize, page * pageSize));
  return { items, total: matched.length, page, pageSize };
}

export async function inviteStaff(ctx: Ctx, input: Sent<typeof StaffInviteInput>) {
  requireRole(ctx.user, 'admin');
  const f = parseInput(StaffInviteInput, input);
  await checkLinks(ctx, f);
  const field = f.roles.includes('officer') || f.roles.includes('liaison');
  const user: User = {
    _id: `u-${newId(ctx.ports)}`, openid: '', name: f.name, phone: f.phone, roles: f.roles, active: true,
    gridIds: f.gridIds, departmentId: f.departmentId, orgId: f.orgId, enterpriseId: null, createdAt: ctx.now.toISOString(),
    ...(field ? { onDuty: true, capacity: f.capacity, openCount: 0, lastAssignedAt: null } : {}),
  };
  await userRepo(ctx.ports.store).add(user);
  const invite = await newInvite(ctx, user._id);
  await audit(ctx, 'user.invite', 'user', user._id, `邀请${user.roles.map((r) => ROLES[r]).join('、')} ${user.name}`, null, user);
  return { user: await staffView(ctx.ports, user), invite: { code: invite._id, expiresAt: invite.expiresAt } };
}

export async function reinviteStaff(ctx: Ctx, input: Sent<typeof IdInput>) {
  requireRole(ctx.user, 'admin');
  const { id } = parseInput(IdInput, input);
  const user = await userRepo(ctx.ports.store).get(id);
  if (!user || user.roles.includes('enterprise')) throw new AppError('NOT_FOUND', '未找到该人员');
  if (user.openid) throw new AppError('INVALID_STATE', '该人员已绑定微信，无需邀请码');
  const invite = await newInvite(ctx, id);
  await audit(ctx, 'user.reinvite', 'user', id, `为 ${user.name} 重新生成邀请码`, null, null);
  return { invite: { code: invite._id, expiresAt: invite.expiresAt } };
}

export async function updateStaff(ctx: Ctx, input: Sent<typeof StaffUpdateInput>) {
  requireRole(ctx.user, 'admin');
  const { id, ...rest } = parseInput(StaffUpdateInput, input);
  const users = userRepo(ctx.ports.store);
  const before = await users.get(id);
  if (!before || before.roles.includes('enterprise')) throw new AppError('NOT_FOUND', '未找到该人员');
  const given = Object.fromEntries(Object.entries(rest).filter(([k]) => Object.prototype.hasOwnProperty.call(input, k))) as Partial<User> & { onDuty?: boolean };
  if (!Object.keys(given).length) {
    const message = '没有要修改的内容：请至少修改姓名、电话、角色、网格、部门、中心、在办上限或在岗状态中的一项';
    throw new AppError('VALIDATION_FAILED', message, [{ field: '(输入)', message }]);
  }
  const merged = { roles: before.roles, gridIds: before.gridIds ?? [], departmentId: before.departmentId ?? null, orgId: before.orgId ?? null, ...given } as { roles: Role[]; gridIds: string[]; departmentId: string | null; orgId: string | null };
  await checkLinks(ctx, merged);
  if (given.roles && id === ctx.user._id && !given.roles.includes('admin')) throw new AppError('INVALID_STATE', '不能取消自己的管理员角色');
  await users.update(id, { $set: given });
  const after = (await users.get(id))!;
  await audit(ctx, 'user.update', 'user', id, `修改人员 ${before.name}`, before, after);
  // back on duty or more capacity: waiting requests may fit now
  if (given.onDuty || given.capacity) await assignWaitingFor(ctx.ports, ctx.now);
  return { user: await staffView(ctx.ports, after) };
}

async function assignWaitingFor(ports: Ports, now: Date) {
  const r = await assignWaiting(ports, now);
  for (const id of [...r.assigned, ...r.waiting]) await afterChange(ports, id, now);
}

/** an officer leaves: their open requests go back to the queue and are re-assigned, each move recorded */
export async function deactivateStaff(ctx: Ctx, input: Sent<typeof StaffDeactivateInput>) {
  requireRole(ctx.user, 'admin');
  const { id, reason } = parseInput(StaffDeactivateInput, input);
  const users = userRepo(ctx.ports.store);
  const before = await users.get(id);
  if (!before || before.roles.includes('enterprise')) throw new AppError('NOT_FOUND', '未找到该人员');
  if (id === ctx.user._id) throw new AppError('INVALID_STATE', '不能停用自己的账号');
  if (!before.active) throw new AppError('INVALID_STATE', '该人员已停用');
  // deactivatedAt: sessions of the self-hosted server that began before it stay ended even after re-activation
  await users.update(id, { $set: { active: false, onDuty: false, deactivatedAt: ctx.now.toISOString() } });
  const requests = requestRepo(ctx.ports.store);
  const sla = await loadSla(ctx.ports);
  let requeued = 0;
  for (;;) {
    const open = await requests.ofAssignee(id, ['assigned', 'accepted', 'paused'], 50);
    if (!open.length) break;
    for (const req of open) {
      const clock = settleClock(req, ctx.now, sla, {
        status: 'queued', assigneeId: null, assigneeName: null, assigneeRole: null, acceptDueAt: null, acceptedAt: null,
        pausedAt: null, remainingAtPause: null, waitingNoted: false,
      });
      const moved = await tryTransition(ctx.ports, req, {
        from: ['assigned', 'accepted', 'paused'],
        set: clock.set,
        event: { type: 'requeued', text: `原承办人 ${before.name} 已停用（${reason}），诉求退回队列重新分派` },
        actor: SYSTEM,
        now: ctx.now,
      });
      if (!moved) continue;
      requeued++;
      await assignRequest(ctx.ports, moved._id, ctx.now);
      await afterChange(ctx.ports, moved._id, ctx.now);
    }
  }
  await users.update(id, { $set: { openCount: 0 } });
  const after = (await users.get(id))!;
  await audit(ctx, 'user.deactivate', 'user', id, `停用 ${before.name}：${reason}；${requeued} 件在办诉求重新分派`, before, after);
  return { user: await staffView(ctx.ports, after), requeued };
}

export async function activateStaff(ctx: Ctx, input: Sent<typeof IdInput>) {
  requireRole(ctx.user, 'admin');
  const { id } = parseInput(IdInput, input);
  const users = userRepo(ctx.ports.store);
  const before = await users.get(id);
  if (!before || before.roles.includes('enterprise')) throw new AppError('NOT_FOUND', '未找到该人员');
  await users.update(id, { $set: { active: true, ...(before.roles.includes('officer') || before.roles.includes('liaison') ? { onDuty: true } : {}) } });
  const after = (await users.get(id))!;
  await audit(ctx, 'user.activate', 'user', id, `启用 ${before.name}`, before, after);
  await assignWaitingFor(ctx.ports, ctx.now);
  return { user: await staffView(ctx.ports, after) };
}

const digest = (code: string) => createHash('sha256').update(code.trim().toUpperCase(), 'utf8').digest();

/**
 * Does `code` match the bootstrap admin code? Compared as SHA-256 digests with timingSafeEqual,
 * so the time taken tells nothing about how much of a guess was right (and equal lengths are
 * guaranteed). No configured code matches nothing.
 */
export function matchesBootstrapCode(configured: string | undefined | null, code: string): boolean {
  if (!configured || !configured.trim()) return false;
  return timingSafeEqual(digest(configured), digest(code));
}

/**
 * The caller's WeChat identity takes over the invited staff record. The blank enterprise user
 * created on the caller's first visit is retired. The bootstrap code (deployment config) makes
 * the first admin while no admin exists.
 */
export async function redeemInvite(ctx: Ctx, input: Sent<typeof InviteRedeemInput>) {
  const { code } = parseInput(InviteRedeemInput, input);
  const users = userRepo(ctx.ports.store);
  const invites = ctx.ports.store.collection<Invite>(C.invites);
  const me = ctx.user;
  if (!me.roles.every((r) => r === 'enterprise') || me.enterpriseId) throw new AppError('INVALID_STATE', '当前微信已绑定账号，请使用新的微信号接受邀请');
  let target: User | null = null;
  if (ctx.isBootstrapCode?.(code) && (await users.countActiveWithRole('admin')) === 0) {
    target = { _id: `u-${newId(ctx.ports)}`, openid: '', name: '管理员', roles: ['admin'], active: true, enterpriseId: null, createdAt: ctx.now.toISOString() };
    await users.add(target);
  } else {
    const inv = await invites.get(code);
    if (!inv || inv.usedAt || inv.expiresAt <= ctx.now.toISOString()) throw new AppError('NOT_FOUND', '邀请码无效或已过期，请联系管理员重新生成');
    const claimed = await invites.update(code, { $set: { usedAt: ctx.now.toISOString(), usedByOpenid: me.openid } }, { usedAt: null });
    if (!claimed) throw new AppError('CONFLICT', '该邀请码已被使用');
    target = await users.get(inv.userId);
    if (!target || !target.active) throw new AppError('NOT_FOUND', '被邀请的账号已停用，请联系管理员');
  }
  // The staff record takes the openid first, then the blank enterprise user made on the first
  // visit gives it up. In between both hold it and a concurrent call resolves to the staff record
  // (resolve-caller prefers it); the other order left a moment where nobody held the openid and a
  // concurrent first call made a new blank user. The blank user keeps its document (its _id is
  // derived from the openid and is never handed out again, see resolve-caller).
  const ok = await users.update(target._id, { $set: { openid: me.openid } }, { openid: '' });
  if (!ok) throw new AppError('CONFLICT', '该账号已绑定其他微信');
  await users.update(me._id, { $set: { openid: '', active: false } }, { openid: me.openid });
  await audit({ ...ctx, user: { ...target, name: target.name } }, 'user.bind', 'user', target._id, `${target.name} 使用邀请码绑定微信`, null, { openid: '(已绑定)' });
  return { user: { id: target._id, name: target.name, roles: target.roles } };
}
