/**
 * desk.duplicates (疑似重复): the clusters of likely duplicates among the open, unmerged requests of
 * the dispatcher's scope, for 并件 (./merge.ts). Found by core/intake/duplicates.ts (same grid,
 * community or department, different enterprises, similar text); answered by the console function,
 * where the text matcher is bundled (the service function stays small).
 *
 * Read: the newest WINDOW open requests of the scope's centers, a hundred per find through the
 * ledger's indexed order ('status,createdAt,_id' or 'tierOrgId,createdAt,_id'), so at most
 * WINDOW / 100 + 0 reads; older open requests beyond the window are not looked at (the answer
 * says so: capped). Under a supervision card a request may be the main but not be linked;
 * complaints (举报) and the requests a dispatcher must recuse from are left out.
 */
import { categoryName, OPEN_STATUSES, STATUSES } from '../contract/catalog';
import { DuplicatesInput } from '../contract/merge';
import type { Sent } from '../contract/schema';
import { Ctx, requireRole } from '../context';
import type { ServiceRequest } from '../model';
import { MAX_PAGE } from '../ports';
import { isRecused } from '../recusal';
import { parseInput } from '../validation';
import { requestRepo, type LedgerCursor } from '../repos/requests';
import { duplicateClusters, type DupCandidate } from '../intake/duplicates';
import { centerScope } from './scope';

/** how many open requests of the scope are compared, newest first */
export const WINDOW = 500;

const excerpt = (s: string, n = 60) => (s.length > n ? `${s.slice(0, n)}…` : s);

export function candidateOf(r: ServiceRequest): DupCandidate {
  return {
    id: r._id, enterpriseId: r.enterpriseId, gridId: r.gridId, communityId: r.queueOrgId,
    deptId: r.deptIds?.[0] ?? null, category: r.category, itemId: r.item?.id ?? null,
    text: r.description, createdAt: Date.parse(r.createdAt),
  };
}

export async function deskDuplicates(ctx: Ctx, input: Sent<typeof DuplicatesInput>) {
  requireRole(ctx.user, 'dispatcher');
  parseInput(DuplicatesInput, input);
  const scope = await centerScope(ctx.ports, ctx.user);
  const requests = requestRepo(ctx.ports.store);
  const q = { status: OPEN_STATUSES, ...(scope ? { tierOrgIds: [...scope] } : {}) };
  const open: ServiceRequest[] = [];
  let cursor: LedgerCursor | null = null;
  let capped = false;
  while (open.length < WINDOW) {
    const page: ServiceRequest[] = await requests.ledgerAfter(q, cursor, MAX_PAGE);
    open.push(...page);
    if (page.length < MAX_PAGE) break;
    const last = page[page.length - 1];
    cursor = { createdAt: last.createdAt, id: last._id };
    if (open.length >= WINDOW) capped = true;
  }
  const pool = open.filter((r) => !r.mergedInto && r.channel !== 'report' && !isRecused(r, ctx.user._id));
  const byId = new Map(pool.map((r) => [r._id, r]));
  const clusters = duplicateClusters(pool.map(candidateOf)).map((c) => ({
    ids: c.ids,
    reasons: c.reasons,
    links: c.links.map((l) => ({ a: l.a, b: l.b, score: l.score, reasons: l.reasons })),
    members: c.ids.map((id) => {
      const r = byId.get(id)!;
      return {
        id, no: r.no, enterpriseName: r.enterpriseName, excerpt: excerpt(r.description), category: categoryName(r.category),
        status: r.status, statusName: STATUSES[r.status], createdAt: r.createdAt,
        // a request under a card can only be the main; a main already holding linked ones says how many
        canLink: r.status !== 'supervised' && !r.mergedFrom?.length,
        linkedCount: r.mergedFrom?.length ?? 0,
      };
    }),
  }));
  return { clusters, scanned: open.length, capped, window: WINDOW };
}
