/**
 * The caller's openid comes from the transport (CloudBase: getWXContext().OPENID only).
 * A first-time WeChat user becomes an unbound enterprise user; staff accounts are created by
 * the admin and seed data, never by calling in.
 */
import { C } from '../collections';
import { newId } from '../context';
import { AppError } from '../errors';
import type { User } from '../model';
import type { Caller, Ports } from '../ports';

export async function resolveCaller(ports: Ports, caller: Caller | null, now: Date): Promise<User> {
  if (!caller || !caller.openid) throw new AppError('UNAUTHENTICATED', '请先登录');
  const users = ports.store.collection<User>(C.users);
  const [found] = await users.find({ openid: caller.openid }, { limit: 1 });
  if (found) return found;
  const user: User = {
    _id: `u-${newId(ports)}`,
    openid: caller.openid,
    name: '企业用户',
    roles: ['enterprise'],
    active: true,
    enterpriseId: null,
    createdAt: now.toISOString(),
  };
  try {
    await users.add(user);
    return user;
  } catch {
    // two first calls raced: the other one created the user
    const [again] = await users.find({ openid: caller.openid }, { limit: 1 });
    if (again) return again;
    throw new AppError('INTERNAL', '系统繁忙，请稍后再试');
  }
}
