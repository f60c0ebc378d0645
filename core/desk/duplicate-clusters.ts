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
 *
 * desk.notDuplicate (不是重复): a dispatcher who reads a cluster and finds one of its requests is
 * another problem says so once; the mark goes on that request (notDuplicateOf, one conditional-free
 * $push on one document) and an audit entry records who and when. The matcher links no pair either
 * side's mark names (core/intake/duplicates.ts), so the suggestion does not come back on the next
 * read; the others of the cluster stay linked by their own evidence.
 */
import { categoryName, OPEN_STATUSES, STATUSES } from '../contract/catalog';
import { DuplicatesInput, NotDuplicateInput } from '../contract/merge';
import type { Sent } from '../contract/schema';
import { Ctx, requireRole } from '../context';
import type { ServiceRequest } from '../model';
import { MAX_PAGE } from '../ports';
import { isRecused } from '../recusal';
import { parseInput } from '../validation';
import { requestRepo, type LedgerCursor } from '../repos/requests';
import type { DupCandidate } from '../intake/duplicates';
import { AppError } from '../errors';
import { audit } from '../admin/audit';
import { loadSupervised } from './triage';
import { centerScope } from './scope';

/** how many open requests of the scope are compared, newest first */
export const WINDOW = 500;

const excerpt = (s: string, n = 60) => (s.length > n ? `${s.slice(0, n)}…` : s);

/**
 * The detector and its lexicon (decompressed and indexed when first loaded, some milliseconds), for the
 * calls that cluster: the sheets function's other actions and its cold start go without.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const detector = () => require('../intake/duplicates') as typeof import('../intake/duplicates');

export function candidateOf(r: ServiceRequest): DupCandidate {
  return {
    id: r._id, enterpriseId: r.enterpriseId, gridId: r.gridId, communityId: r.queueOrgId,
    deptId: r.deptIds?.[0] ?? null, category: r.category, itemId: r.item?.id ?? null,
    text: r.description, createdAt: Date.parse(r.createdAt), notDuplicateOf: r.notDuplicateOf,
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
  const clusters = detector().duplicateClusters(pool.map(candidateOf)).map((c) => ({
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

/**
 * 不是重复: request `id` is not a duplicate of the requests `of` (the others of its cluster). Each must
 * be the dispatcher's to supervise (else NOT_FOUND, as everywhere on the desk) and still open and
 * unmerged (a merged or answered request is no cluster's member). Idempotent: ids already marked are
 * not written again. Store calls: a read per request, one update, one audit entry.
 */
export async function deskNotDuplicate(ctx: Ctx, input: Sent<typeof NotDuplicateInput>) {
  requireRole(ctx.user, 'dispatcher');
  const { id, of } = parseInput(NotDuplicateInput, input);
  const [req, ...others] = await Promise.all([id, ...of].map((x) => loadSupervised(ctx, x)));
  for (const r of [req, ...others]) {
    if (r.mergedInto || !OPEN_STATUSES.includes(r.status)) throw new AppError('INVALID_STATE', `诉求 ${r.no} 已办结或已并件，不在疑似重复中`, [{ field: r === req ? 'id' : 'of', message: '该诉求已办结或已并件' }]);
  }
  const before = req.notDuplicateOf ?? [];
  const fresh = others.filter((o) => !before.includes(o._id));
  const after = [...before, ...fresh.map((o) => o._id)];
  if (fresh.length) {
    const written = await requestRepo(ctx.ports.store).update(req._id, { $push: { notDuplicateOf: { $each: fresh.map((o) => o._id) } } });
    if (!written) throw new AppError('NOT_FOUND', '未找到该诉求，或不在本中心管辖范围');
    await audit(ctx, 'desk.notDuplicate', 'request', req._id, `确认 ${req.no}（${req.enterpriseName}）与 ${fresh.map((o) => o.no).join('、')} 不是重复件`, { notDuplicateOf: before }, { notDuplicateOf: after });
  }
  return { id: req._id, notDuplicateOf: after };
}
