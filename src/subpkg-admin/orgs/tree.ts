import type { AdminOrg, OrgKind } from '../types';

export type TreeRow = { org: AdminOrg; depth: number };

const ORDER: OrgKind[] = ['district', 'street', 'community', 'grid'];
const byName = (a: AdminOrg, b: AdminOrg) => a.name.localeCompare(b.name, 'zh-Hans-CN');

/**
 * District → streets → communities → grids, depth first, active before retired; departments are
 * listed apart. Orgs whose parent is missing are shown at the top level so nothing disappears.
 */
export function buildTree(orgs: AdminOrg[]): { rows: TreeRow[]; departments: AdminOrg[] } {
  const children = new Map<string, AdminOrg[]>();
  const ids = new Set(orgs.map((o) => o.id));
  const roots: AdminOrg[] = [];
  for (const o of orgs) {
    if (o.kind === 'department') continue;
    if (o.parentId && ids.has(o.parentId)) {
      const list = children.get(o.parentId) ?? [];
      list.push(o);
      children.set(o.parentId, list);
    } else roots.push(o);
  }
  const sort = (list: AdminOrg[]) =>
    [...list].sort((a, b) => Number(b.active) - Number(a.active) || ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind) || byName(a, b));
  const rows: TreeRow[] = [];
  const visit = (o: AdminOrg, depth: number) => {
    rows.push({ org: o, depth });
    for (const c of sort(children.get(o.id) ?? [])) visit(c, depth + 1);
  };
  for (const r of sort(roots)) visit(r, 0);
  const departments = sort(orgs.filter((o) => o.kind === 'department'));
  return { rows, departments };
}

/** 'street / community / grid' names above and including an org */
export function pathOf(org: AdminOrg, byId: Map<string, AdminOrg>): string {
  const names: string[] = [];
  let cur: AdminOrg | undefined = org;
  let guard = 0;
  while (cur && guard++ < 10) {
    if (cur.kind !== 'district') names.unshift(cur.name);
    cur = cur.parentId ? byId.get(cur.parentId) : undefined;
  }
  return names.join(' / ') || org.name;
}

/** active descendants of an org (retiring it leaves them without a live parent) */
export function activeDescendants(org: AdminOrg, orgs: AdminOrg[]): number {
  let n = 0;
  const stack = [org.id];
  while (stack.length) {
    const id = stack.pop()!;
    for (const o of orgs) {
      if (o.parentId === id) {
        if (o.active) n++;
        stack.push(o.id);
      }
    }
  }
  return n;
}
