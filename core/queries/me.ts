import { CATEGORIES, CATEGORY_GROUPS, STATUSES } from '../contract/catalog';
import type { Ctx } from '../context';
import { unreadCount } from './messages';
import { cloudUploadDir } from '../files/own-files';
import { enterpriseRepo } from '../repos/enterprises';

export async function me(ctx: Ctx) {
  const u = ctx.user;
  const ent = u.enterpriseId ? await enterpriseRepo(ctx.ports.store).get(u.enterpriseId) : null;
  return {
    user: {
      id: u._id, name: u.name, roles: u.roles, enterpriseId: u.enterpriseId ?? null,
      enterprise: ent ? { id: ent._id, name: ent.name, creditCode: ent.creditCode } : null,
      /** CloudBase: the only storage folder this user's uploads may be referenced from */
      uploadDir: cloudUploadDir(u.openid),
    },
    unread: await unreadCount(ctx),
  };
}

/** the leaves (each with its group, in the groups' order) and the groups (大类) the pages pick from first */
export const meta = () => ({
  categories: CATEGORIES.map(({ code, name, group }) => ({ code, name, group })),
  groups: CATEGORY_GROUPS.map((g) => ({ code: g.code, name: g.name, leaves: g.leaves.map((l) => l.code) })),
  statuses: STATUSES,
});
