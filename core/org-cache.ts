/**
 * Organizations by id, cached per store for a few seconds. The org tree is reference data that
 * the admin edits rarely, while almost every action reads some of it (the grid of a submit, the
 * center a request sits at, the chain a dispatcher's scope is checked on). As with the SLA rules
 * (core/sla/policy.ts), an edit in this process is seen at once (forgetOrgs); another function
 * instance sees it within ORG_CACHE_MS.
 */
import type { Org } from './model';
import type { Ports, Store } from './ports';
import { orgRepo } from './repos/orgs';

export const ORG_CACHE_MS = 10_000;

const cache = new WeakMap<Store, Map<string, { at: number; org: Org | null }>>();

export async function orgById(ports: Ports, id: string): Promise<Org | null> {
  let byId = cache.get(ports.store);
  if (!byId) cache.set(ports.store, (byId = new Map()));
  const t = Date.now();
  const hit = byId.get(id);
  if (hit && t - hit.at < ORG_CACHE_MS) return hit.org;
  const org = await orgRepo(ports.store).get(id);
  if (byId.size > 5000) byId.clear();
  byId.set(id, { at: t, org });
  return org;
}

/** after the admin changes an org: this process reads the tree afresh */
export function forgetOrgs(ports: Ports): void {
  cache.delete(ports.store);
}
