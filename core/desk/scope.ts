/**
 * Which requests a desk user may supervise: a dispatcher works at one tier center and sees the
 * requests of that center and of the centers below it (district ⊃ streets ⊃ communities).
 * Leaders read everything in their district.
 *
 * A real district has a few dozen streets and a few hundred communities (and ~1,000 grids), more
 * than one page of 100: whole sets are read with readAll, and where a question is about one
 * request the org chain is walked upward instead (at most 3 gets: community → street → district),
 * which costs the same whatever the district's size.
 */
import { orgById } from '../org-cache';
import { hasRole } from '../context';
import type { Enterprise, Org, ServiceRequest, User } from '../model';
import type { Ports } from '../ports';
import { userRepo } from '../repos/users';
import { orgRepo } from '../repos/orgs';

const CENTER_KINDS: Org['kind'][] = ['district', 'street', 'community'];
/** deeper than any real tree (district → street → community → grid): stops a cycle made by hand */
const MAX_DEPTH = 6;

/** every tier center (district, streets, communities): ceil((n + 1) / 100) calls, 4 for 330 centers */
export async function allOrgs(ports: Ports): Promise<Org[]> {
  return orgRepo(ports.store).ofKinds([...CENTER_KINDS], { what: '营商环境优化中心' });
}

/** the org and its ancestors, nearest first: one get per level */
export async function chainUp(ports: Ports, id: string | null | undefined): Promise<Org[]> {
  const chain: Org[] = [];
  for (let at = id ?? null; at && chain.length < MAX_DEPTH && !chain.some((o) => o._id === at); ) {
    const o = await orgById(ports, at);
    if (!o) break;
    chain.push(o);
    at = o.parentId;
  }
  return chain;
}

/** the centers below `root`, level by level (children of up to 100 parents per call) */
async function descendants(ports: Ports, root: string): Promise<Set<string>> {
  const orgs = orgRepo(ports.store);
  const scope = new Set([root]);
  let frontier = [root];
  for (let depth = 0; frontier.length && depth < MAX_DEPTH; depth++) {
    const next: string[] = [];
    for (let i = 0; i < frontier.length; i += 100) {
      for (const o of await orgs.childrenOf(frontier.slice(i, i + 100), [...CENTER_KINDS], '营商环境优化中心')) {
        if (!scope.has(o._id)) { scope.add(o._id); next.push(o._id); }
      }
    }
    frontier = next;
  }
  return scope;
}

/**
 * The centers a dispatcher supervises, or null when that is the whole district (no orgId, or the
 * district's own center): then no filter is needed at all. A street dispatcher costs a get and
 * ~2 finds (its communities, then their none), a community dispatcher a get and 1 find.
 */
export async function centerScope(ports: Ports, user: User): Promise<Set<string> | null> {
  if (!user.orgId) return null;
  const root = await orgRepo(ports.store).get(user.orgId);
  if (root?.kind === 'district') return null;
  if (!root) return new Set([user.orgId]);
  return descendants(ports, root._id);
}

/** the same as a set in every case (the district's: every center, read with allOrgs) */
export async function orgScope(ports: Ports, user: User): Promise<Set<string>> {
  const scope = await centerScope(ports, user);
  if (scope) return scope;
  const orgs = await allOrgs(ports);
  const root = user.orgId ?? orgs.find((o) => o.kind === 'district')?._id;
  const all = new Set<string>(root ? [root] : []);
  for (let grew = true; grew; ) {
    grew = false;
    for (const o of orgs) if (o.parentId && all.has(o.parentId) && !all.has(o._id)) { all.add(o._id); grew = true; }
  }
  return all;
}

/**
 * whether an enterprise is in a dispatcher's scope (orgScope: its centers): its request would be
 * tiered at its grid's community (placeOf), so that community must be one of them (the grid cached)
 */
export async function inDeskScope(ports: Ports, scope: Set<string>, ent: Pick<Enterprise, 'gridId'>): Promise<boolean> {
  const grid = await orgById(ports, ent.gridId);
  return scope.has(grid?.parentId ?? ent.gridId);
}

/** may this dispatcher act on this request: is their center on the request's chain (≤ 3 gets) */
export async function canSupervise(ports: Ports, user: User, req: ServiceRequest): Promise<boolean> {
  if (!user.active || !hasRole(user, 'dispatcher')) return false;
  if (user.orgId && req.tierOrgId === user.orgId) return true;
  const chain = await chainUp(ports, req.tierOrgId);
  return user.orgId ? chain.some((o) => o._id === user.orgId) : chain.some((o) => o.kind === 'district');
}

/** dispatchers at the request's tier center or above: they hear of urges and returns */
export async function supervisorsOf(ports: Ports, req: ServiceRequest): Promise<string[]> {
  const chain = (await chainUp(ports, req.tierOrgId)).map((o) => o._id);
  if (!chain.length && req.tierOrgId) chain.push(req.tierOrgId);
  if (!chain.length) return [];
  const users = await userRepo(ports.store).dispatchersAt(chain);
  return users.map((u) => u._id);
}

export async function departmentHandlers(ports: Ports, deptIds: string[]): Promise<string[]> {
  if (!deptIds.length) return [];
  const users = await userRepo(ports.store).departmentStaff(deptIds);
  return users.map((u) => u._id);
}
