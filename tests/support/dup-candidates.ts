/**
 * Candidates for the duplicate tests (core/intake/duplicates.test.ts, dup-faults.test.ts): numbered
 * one after another in each test file, a minute apart, in the demo district's grids and communities.
 */
import type { DupCandidate, DupLink } from '../../core/intake/duplicates';

export const T0 = Date.UTC(2026, 10, 2, 2);
const COMMUNITY: Record<string, string> = { 'g-dc1': 'c-dongcheng', 'g-dc2': 'c-dongcheng', 'g-la1': 'c-liuan', 'g-xh1': 'c-xihu' };
let n = 0;

export function req(enterpriseId: string, gridId: string | null, text: string, more: Partial<DupCandidate> = {}): DupCandidate {
  n++;
  return { id: `r-${String(n).padStart(3, '0')}`, enterpriseId, gridId, communityId: gridId ? COMMUNITY[gridId] : null, category: 'jiaotong', text, createdAt: T0 + n * 60_000, ...more };
}

/** the link between two candidates, either way round */
export const pairOf = (links: readonly DupLink[], a: DupCandidate, b: DupCandidate) => links.find((l) => (l.a === a.id && l.b === b.id) || (l.a === b.id && l.b === a.id));
