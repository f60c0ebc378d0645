/** stats.verify: the admin (or a leader) checks the counters against a full recount of the requests. */
import { Ctx, requireRole } from '../context';
import { verifyCounters } from './recount';

export async function statsVerify(ctx: Ctx) {
  requireRole(ctx.user, 'admin', 'leader');
  const r = await verifyCounters(ctx.ports);
  return { documents: r.documents, fields: r.fields, ok: r.mismatches.length === 0, mismatches: r.mismatches.slice(0, 50) };
}
