/**
 * Duplicate requests (重复件, issue 15 part 3): pairs and clusters of open requests that are likely
 * the same underlying problem, for the dispatcher's merge (并件) and the enterprise's "add to your
 * own request" hint. Plain TS, no I/O: callers pass the open requests they may see.
 */
import { matchedWords, textIndex } from '../knowledge/text-match';

export interface DupCandidate {
  id: string;
  enterpriseId: string;
  gridId: string | null;
  communityId?: string | null;
  deptId?: string | null;
  category: string;
  itemId?: string | null;
  text: string;
  /** ms epoch */
  createdAt: number;
}

export interface DupLink {
  a: string;
  b: string;
  score: number;
  /** short Chinese, e.g. '同一网格', '同一事项', '描述相近：东城路、路灯' */
  reasons: string[];
}

export interface DupCluster {
  /** oldest first */
  ids: string[];
  links: DupLink[];
  reasons: string[];
}

export type DupOptions = { sameEnterprise?: boolean };

/** at most this many requests in one cluster: a dispatcher reads and merges them as one case */
export const MAX_CLUSTER = 12;

const MIN_COVER = 0.2;

/** same grid, or same community, or same department: the places a dispatcher merges within */
function samePlace(x: DupCandidate, y: DupCandidate): string | null {
  if (x.gridId && x.gridId === y.gridId) return '同一网格';
  if (x.communityId && x.communityId === y.communityId) return '同一社区';
  if (x.deptId && x.deptId === y.deptId) return '同一部门';
  return null;
}

/** pairs of likely duplicates among open requests (only pairs of DIFFERENT enterprises unless opts.sameEnterprise) */
export function duplicateLinks(reqs: readonly DupCandidate[], opts: DupOptions = {}): DupLink[] {
  const byId = new Map(reqs.map((r) => [r.id, r]));
  const idx = textIndex(reqs.map((r) => ({ id: r.id, title: r.text })));
  const best = new Map<string, DupLink>();
  for (const r of reqs) {
    for (const m of idx.search(r.text, { limit: 8, minCover: MIN_COVER })) {
      if (m.id === r.id) continue;
      const o = byId.get(m.id)!;
      if (!opts.sameEnterprise && o.enterpriseId === r.enterpriseId) continue;
      const place = samePlace(r, o);
      if (!place) continue;
      const [a, b] = r.id < o.id ? [r.id, o.id] : [o.id, r.id];
      const key = `${a}|${b}`;
      const prev = best.get(key);
      if (prev && prev.score >= m.cover) continue;
      const reasons = [place];
      if (r.itemId && r.itemId === o.itemId) reasons.push('同一事项');
      else if (r.category === o.category) reasons.push('同一类别');
      const words = matchedWords(r.text, m.terms).slice(0, 3);
      if (words.length) reasons.push(`描述相近：${words.join('、')}`);
      best.set(key, { a, b, score: Math.round(m.cover * 1000) / 1000, reasons });
    }
  }
  return [...best.values()].sort((x, y) => y.score - x.score || (x.a + x.b).localeCompare(y.a + y.b));
}

/** connected groups of ≥2 requests built from duplicateLinks, each at most 12 requests, largest first */
export function duplicateClusters(reqs: readonly DupCandidate[], opts: DupOptions = {}): DupCluster[] {
  return clustersOf(reqs, duplicateLinks(reqs, opts));
}

/**
 * Groups from links, strongest link first (single linkage), never joining two groups whose union
 * would exceed MAX_CLUSTER: the weakest links are the ones left out.
 */
export function clustersOf(reqs: readonly DupCandidate[], links: readonly DupLink[]): DupCluster[] {
  const byId = new Map(reqs.map((r) => [r.id, r]));
  const parent = new Map<string, string>();
  const size = new Map<string, number>();
  const find = (x: string): string => {
    let p = parent.get(x) ?? x;
    while (p !== (parent.get(p) ?? p)) p = parent.get(p) ?? p;
    parent.set(x, p);
    return p;
  };
  const kept: DupLink[] = [];
  for (const l of [...links].sort((x, y) => y.score - x.score)) {
    const ra = find(l.a);
    const rb = find(l.b);
    if (ra === rb) { kept.push(l); continue; }
    const sa = size.get(ra) ?? 1;
    const sb = size.get(rb) ?? 1;
    if (sa + sb > MAX_CLUSTER) continue;
    parent.set(rb, ra);
    size.set(ra, sa + sb);
    kept.push(l);
  }
  const groups = new Map<string, { ids: Set<string>; links: DupLink[] }>();
  for (const l of kept) {
    const root = find(l.a);
    const g = groups.get(root) ?? { ids: new Set<string>(), links: [] };
    g.ids.add(l.a).add(l.b);
    g.links.push(l);
    groups.set(root, g);
  }
  const when = (id: string) => byId.get(id)?.createdAt ?? 0;
  return [...groups.values()]
    .map((g) => {
      const ids = [...g.ids].sort((x, y) => when(x) - when(y) || x.localeCompare(y));
      const counts = new Map<string, number>();
      for (const l of g.links) for (const r of l.reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
      const reasons = [...counts.entries()].sort((x, y) => y[1] - x[1]).map(([r]) => r).slice(0, 4);
      return { ids, links: g.links, reasons };
    })
    .sort((x, y) => y.ids.length - x.ids.length || when(x.ids[0]) - when(y.ids[0]));
}
