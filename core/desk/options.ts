/** What the dispatcher's forms pick from: departments, officers with their load, tier centers. */
import { ROLES } from '../catalog';
import { C } from '../collections';
import { Ctx, requireRole } from '../context';
import type { Org, Setting, User } from '../model';
import { DEFAULT_CAPACITY } from '../assignment/assign';

export async function deskOptions(ctx: Ctx) {
  requireRole(ctx.user, 'dispatcher', 'leader');
  const orgs = await ctx.ports.store.collection<Org>(C.orgs).find({ active: true }, { limit: 100 });
  const names = new Map(orgs.map((o) => [o._id, o.name]));
  const field = [
    ...(await ctx.ports.store.collection<User>(C.users).find({ roles: { $all: ['officer'] } }, { limit: 100 })),
    ...(await ctx.ports.store.collection<User>(C.users).find({ roles: { $all: ['liaison'] } }, { limit: 100 })),
  ];
  return {
    departments: orgs.filter((o) => o.kind === 'department').map((o) => ({ id: o._id, name: o.name })),
    officers: field.map((u) => ({
      id: u._id, name: u.name, roleLabel: u.roles.map((r) => ROLES[r]).join('、'),
      grids: (u.gridIds ?? []).map((g) => names.get(g) ?? g).join('、'),
      openCount: u.openCount ?? 0, capacity: u.capacity ?? DEFAULT_CAPACITY, onDuty: u.onDuty !== false, active: u.active,
    })),
    /** category → default department (the admin's routing table), to preselect a card's lead department */
    routing: ((await ctx.ports.store.collection<Setting>(C.settings).get('routing'))?.value ?? {}) as Record<string, string | null>,
    centers: orgs.filter((o) => ['community', 'street', 'district'].includes(o.kind)).map((o) => ({ id: o._id, name: o.name, kind: o.kind })),
  };
}
