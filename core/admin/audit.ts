/** Every admin change leaves who, when, what, and the record before and after. */
import { C } from '../collections';
import { Ctx, newId, requireRole } from '../context';
import type { AuditEntry } from '../model';
import { AuditListInput } from '../contract/admin';
import type { Sent } from '../contract/schema';
import { parseInput } from '../validation';

export async function audit(ctx: Ctx, action: string, entity: AuditEntry['entity'], entityId: string, summary: string, before: unknown, after: unknown) {
  await ctx.ports.store.collection<AuditEntry>(C.audit).add({
    _id: `a-${ctx.now.getTime().toString(36)}-${newId(ctx.ports)}`,
    at: ctx.now.toISOString(), actorId: ctx.user._id, actorName: ctx.user.name, action, entity, entityId, summary,
    before: before ?? null, after: after ?? null,
  });
}

export async function listAudit(ctx: Ctx, input: Sent<typeof AuditListInput>) {
  requireRole(ctx.user, 'admin');
  const { page, entity } = parseInput(AuditListInput, input);
  const pageSize = 30;
  const filter = entity ? { entity } : {};
  const log = ctx.ports.store.collection<AuditEntry>(C.audit);
  const [items, total] = await Promise.all([
    log.find(filter, { orderBy: [['at', 'desc'], ['_id', 'desc']], skip: (page - 1) * pageSize, limit: pageSize }),
    log.count(filter),
  ]);
  return { items: items.map(({ _id, ...rest }) => ({ id: _id, ...rest })), total, page, pageSize };
}
