/**
 * The caller's openid comes from the transport (CloudBase: getWXContext().OPENID only).
 * A first-time WeChat user becomes an unbound enterprise user; staff accounts are created by
 * the admin and seed data, never by calling in.
 *
 * Nothing in the store makes `openid` unique, and the first calls of a new user often come in
 * pairs (the visit check page calls twice when the app is opened from a code). So the new user's
 * `_id` is derived from the openid (userIdFor): of two concurrent first calls one add wins, the
 * other fails with DUPLICATE_ID and reads the winner; both answer the same user.
 *
 * An invite redemption moves the openid from that blank user to the staff record; the blank user
 * keeps its document (and its derived id) but gives up the openid. Lookups go by openid first, so
 * the staff record answers from then on. Should the openid ever come back unbound, the derived id
 * is not resurrected: the next generation of the id (`-1`, `-2`, …) is used, still derived and
 * so still race-safe, and a random id only after those.
 */
import { createHash } from 'crypto';
import { newId } from '../context';
import { AppError } from '../errors';
import type { User } from '../model';
import { StoreError, type Caller, type Ports } from '../ports';
import { userRepo, type UserRepo } from '../repos/users';

/** derived ids tried before a random one */
const GENERATIONS = 4;

/** the _id a first call of this openid creates: `u-` + 24 hex of SHA-256(openid), `-<n>` for later generations */
export function userIdFor(openid: string, generation = 0): string {
  const h = createHash('sha256').update(openid, 'utf8').digest('hex').slice(0, 24);
  return generation ? `u-${h}-${generation}` : `u-${h}`;
}

/**
 * The user holding this openid. Normally one; two only for a moment during an invite redemption
 * (the staff record takes the openid before the blank user gives it up) or from duplicates made
 * before ids were derived: then the staff record, else the bound enterprise user, else the oldest.
 */
async function byOpenid(users: UserRepo, openid: string, known?: User[]): Promise<User | null> {
  const found = known ?? (await users.byOpenid(openid));
  if (found.length < 2) return found[0] ?? null;
  const rank = (u: User) => [u.roles.some((r) => r !== 'enterprise') ? 0 : 1, u.enterpriseId ? 0 : 1, u.active ? 0 : 1];
  return found.sort((a, b) => {
    const [x, y] = [rank(a), rank(b)];
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] - y[i];
    return a.createdAt.localeCompare(b.createdAt) || a._id.localeCompare(b._id);
  })[0];
}

export async function resolveCaller(ports: Ports, caller: Caller | null, now: Date): Promise<User> {
  if (!caller || !caller.openid) throw new AppError('UNAUTHENTICATED', '请先登录');
  const users = userRepo(ports.store);
  // the host's own read of this call (Caller.holders), when it made one: the same query, limit 2. Only
  // a non-empty list of this openid's users stands in: "nobody" is always asked again, as a blank
  // user is made from it
  const held = caller.holders;
  const known = held?.length && held.every((u) => u.openid === caller.openid) ? held : undefined;
  const found = await byOpenid(users, caller.openid, known);
  if (found) return found;
  const blank = (id: string): User => ({
    _id: id,
    openid: caller.openid,
    name: '企业用户',
    roles: ['enterprise'],
    active: true,
    enterpriseId: null,
    createdAt: now.toISOString(),
  });
  for (let generation = 0; generation <= GENERATIONS; generation++) {
    const user = blank(generation < GENERATIONS ? userIdFor(caller.openid, generation) : `u-${newId(ports)}`);
    try {
      await users.add(user);
      return user;
    } catch (e) {
      if (!(e instanceof StoreError && e.code === 'DUPLICATE_ID')) throw new AppError('INTERNAL', '系统繁忙，请稍后再试');
    }
    // the id exists: a concurrent first call of this openid made it (answer that user), or it is a
    // retired record whose openid moved on (leave it alone and take the next generation)
    const taken = await users.get(user._id);
    if (taken?.openid === caller.openid) return taken;
  }
  throw new AppError('INTERNAL', '系统繁忙，请稍后再试');
}
