/**
 * Which requests a desk user may supervise: a dispatcher works at one tier center and sees the
 * requests of that center and of the centers below it (district ⊃ streets ⊃ communities).
 * Leaders read everything in their district.
 */
import { C } from '../collections';
import { hasRole } from '../context';
import type { Org, ServiceRequest, User } from '../model';
import type { Ports } from '../ports';

export async function allOrgs(ports: Ports): Promise<Org[]> {
  // a district has a few dozen centers and grids: one page is plenty
  return ports.store.collection<Org>(C.orgs).find({ kind: { $in: ['district', 'street', 'community'] } }, { limit: 100 });
}

export async function orgScope(ports: Ports, user: User): Promise<Set<string>> {
  const orgs = await allOrgs(ports);
  const root = user.orgId ?? orgs.find((o) => o.kind === 'district')?._id;
  const scope = new Set<string>(root ? [root] : []);
  for (let grew = true; grew; ) {
    grew = false;
    for (const o of orgs) if (o.parentId && scope.has(o.parentId) && !scope.has(o._id)) { scope.add(o._id); grew = true; }
  }
  return scope;
}

export async function canSupervise(ports: Ports, user: User, req: ServiceRequest): Promise<boolean> {
  if (!user.active || !hasRole(user, 'dispatcher')) return false;
  return (await orgScope(ports, user)).has(req.tierOrgId);
}

/** dispatchers at the request's tier center or above: they hear of urges and returns */
export async function supervisorsOf(ports: Ports, req: ServiceRequest): Promise<string[]> {
  const orgs = await allOrgs(ports);
  const chain: string[] = [];
  for (let id: string | null = req.tierOrgId; id; id = orgs.find((o) => o._id === id)?.parentId ?? null) chain.push(id);
  const users = await ports.store.collection<User>(C.users).find({ roles: { $all: ['dispatcher'] }, active: true, orgId: { $in: chain } }, { limit: 50 });
  return users.map((u) => u._id);
}

export async function departmentHandlers(ports: Ports, deptIds: string[]): Promise<string[]> {
  if (!deptIds.length) return [];
  const users = await ports.store.collection<User>(C.users).find({ roles: { $all: ['department'] }, active: true, departmentId: { $in: deptIds } }, { limit: 100 });
  return users.map((u) => u._id);
}
