/**
 * The users collection (enterprise contacts and staff): every way the use cases read it, each beside
 * the index of core/collections.ts (INDEXES.users, and the side tables of roles and gridIds) that
 * serves it, and the guarded writes of an officer's slots. One store call per method call (the
 * readAll ones ceil((n + 1) / 100)).
 */
import { C } from '../collections';
import type { Role } from '../contract/catalog';
import type { User } from '../model';
import { MAX_PAGE, type Filter, type Store, type Update } from '../ports';
import { getMany, readAll } from '../read-all';

/** what a write expects the user to be: the openid held (an invite's redemption), or active */
export type UserGuard = { openid?: string; active?: boolean };

export function userRepo(store: Store) {
  const c = store.collection<User>(C.users);
  // the role last: it is the least selective condition (every officer), and SQLite, without statistics,
  // drives the query from the first indexed one (a grid's officers: a handful)
  const withRole = (role: Role, more: Filter = {}): Filter => ({ ...more, roles: { $all: [role] } });

  return {
    get: (id: string) => c.get(id),
    /** by ids, one read per 100 (absent ones are missing from the map) */
    getMany: (ids: Array<string | null | undefined>) => getMany(c, ids),
    add: (user: User) => c.add(user),
    update: (id: string, update: Update, guard?: UserGuard) => c.update(id, update, guard as Filter | undefined),

    /** the records holding an openid ('openid'): one, or two for a moment while an invite is redeemed */
    byOpenid: (openid: string) => c.find({ openid }, { limit: 2 }),
    /** of these ids, the active ones (an enterprise's contacts: few) */
    activeAmong: (ids: string[], limit: number) => c.find({ _id: { $in: ids }, active: true }, { limit }),

    // --- by role: 'roles,_id' (the roles side table) ---
    /** everyone with a role, active only unless asked (the staff list, the desk's pickers, reach) */
    withRole: (role: Role, o: { includeInactive?: boolean; what: string }) => readAll(c, withRole(role, o.includeInactive ? {} : { active: true }), { what: o.what }),
    countActiveWithRole: (role: Role) => c.count(withRole(role, { active: true })),
    /** up to `limit` active admins (who is told about the calendar) */
    activeAdmins: (limit: number) => c.find(withRole('admin', { active: true }), { limit }),
    /** the active dispatchers of some orgs (a center and the ones above it) */
    dispatchersAt: (orgIds: string[]) => readAll(c, withRole('dispatcher', { active: true, orgId: { $in: orgIds } }), { what: '调度员' }),
    /** the active handlers of some departments */
    departmentStaff: (departmentIds: string[]) => readAll(c, withRole('department', { active: true, departmentId: { $in: departmentIds } }), { what: '部门办理人' }),

    // --- a grid's officers: 'gridIds,openCount,lastAssignedAt' (the gridIds side table) ---
    /** up to `limit` active officers of a grid (who approves a binding) */
    officersOfGrid: (gridId: string, limit: number) => c.find(withRole('officer', { gridIds: { $all: [gridId] }, active: true }), { limit }),
    /**
     * who may take a request of an enterprise: its liaison and its grid's active officers, least
     * loaded first, in one read
     */
    candidates: (liaisonId: string | null | undefined, gridId: string) => {
      const officers = withRole('officer', { gridIds: { $all: [gridId] }, active: true });
      return c.find(liaisonId ? { $or: [{ _id: liaisonId }, officers] } : officers, { orderBy: [['openCount', 'asc'], ['lastAssignedAt', 'asc']], limit: MAX_PAGE });
    },

    // --- an officer's slots (openCount), changed only under a guard ---
    /** takes a slot if the user is still active and below capacity (as read): false when not */
    claimSlot: (user: User, capacity: number, at: string) =>
      c.update(user._id, { $inc: { openCount: 1 }, $set: { lastAssignedAt: at } }, { active: true, openCount: user.openCount === undefined ? { $exists: false } : { $lt: capacity } }),
    /** takes back the slot a request held before it was set aside (并件 undone): while active, with no capacity check, since it was counted there before */
    retakeSlot: (userId: string) => c.update(userId, { $inc: { openCount: 1 } }, { active: true }),
    /** gives a slot back, never below zero (`more`: other counters moved in the same write); false when none was held */
    releaseSlot: (userId: string, more: Record<string, number> = {}) => c.update(userId, { $inc: { openCount: -1, ...more } }, { openCount: { $gt: 0 } }),
  };
}

export type UserRepo = ReturnType<typeof userRepo>;
