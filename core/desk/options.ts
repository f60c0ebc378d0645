/**
 * What the dispatcher's forms pick from: departments, officers with their load, tier centers.
 *
 * A district has ~1,000 grids and as many officers: everything is read with readAll. Cost for
 * such a district: the active orgs (~1,350: 14 calls), officers (~1,000: 11), liaisons (1–2) and
 * the routing table (1), ~28 calls; the demo district's is 5.
 */
import { ROLES } from '../contract/catalog';
import { C } from '../collections';
import { Ctx, requireRole } from '../context';
import type { Setting } from '../model';
import { DEFAULT_CAPACITY } from '../assignment/assign';
import { userRepo } from '../repos/users';
import { orgRepo } from '../repos/orgs';

export async function deskOptions(ctx: Ctx) {
  requireRole(ctx.user, 'dispatcher', 'leader');
  const users = userRepo(ctx.ports.store);
  const [orgs, officers, liaisons, routing] = await Promise.all([
    orgRepo(ctx.ports.store).allActive(),
    users.withRole('officer', { includeInactive: true, what: '网格员' }),
    users.withRole('liaison', { includeInactive: true, what: '企业特派员' }),
    ctx.ports.store.collection<Setting>(C.settings).get('routing'),
  ]);
  const names = new Map(orgs.map((o) => [o._id, o.name]));
  // someone both officer and liaison is listed once
  const field = [...new Map([...officers, ...liaisons].map((u) => [u._id, u])).values()];
  return {
    departments: orgs.filter((o) => o.kind === 'department').map((o) => ({ id: o._id, name: o.name })),
    officers: field.map((u) => ({
      id: u._id, name: u.name, roleLabel: u.roles.map((r) => ROLES[r]).join('、'),
      grids: (u.gridIds ?? []).map((g) => names.get(g) ?? g).join('、'),
      openCount: u.openCount ?? 0, capacity: u.capacity ?? DEFAULT_CAPACITY, onDuty: u.onDuty !== false, active: u.active,
    })),
    /** category → default department (the admin's routing table), to preselect a card's lead department */
    routing: (routing?.value ?? {}) as Record<string, string | null>,
    /** parentId: where a request of this center goes on 提级 (core/desk/triage.ts escalateRequest) */
    centers: orgs.filter((o) => ['community', 'street', 'district'].includes(o.kind)).map((o) => ({ id: o._id, name: o.name, kind: o.kind, parentId: o.parentId })),
  };
}
