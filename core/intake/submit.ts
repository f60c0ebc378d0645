/**
 * An enterprise user submits a request (诉求). Idempotent on a client-generated key: the
 * document id is derived from submitter + key, so a retried or double-tapped submit returns the
 * first request instead of creating a second one.
 */
import { createHash } from 'crypto';
import { SubmitInput } from '../contract/requests';
import type { Sent } from '../contract/schema';
import { Ctx, requireRole } from '../context';
import { AppError } from '../errors';
import type { ServiceRequest } from '../model';
import { orgById } from '../org-cache';
import { createRequest } from './create-request';
import { parseInput } from '../validation';
import { requireOwnFiles } from '../files/own-files';
import { requestRepo } from '../repos/requests';
import { followRequest, later } from '../settle';
import { requestView } from '../queries/read-requests';
import { enterpriseRepo } from '../repos/enterprises';
import { C } from '../collections';
import type { ItemEntry } from '../knowledge/items';

/** new requests per enterprise per hour unless the deployment sets submitsPerHour */
export const DEFAULT_SUBMITS_PER_HOUR = 20;

export { SubmitInput };

export function requestDocId(submitterId: string, clientKey: string) {
  return 'r' + createHash('sha256').update(`${submitterId}\u0000${clientKey}`).digest('hex').slice(0, 23);
}

/**
 * One unit of work (core/intake/create-request.ts): what it reads (the caller, the enterprise, its
 * grid, the officers who could take it) is read once, an officer's slot is claimed, and the request is
 * written once, already assigned when someone is free, so the answer says who will handle it. Counting
 * and notifications follow after the answer (core/settle.ts, from the marks on the document). Eight
 * store calls without photos.
 */
/**
 * request.submit: the enterprise's new request, assigned in the same write when an officer has
 * room. A retried submit (the same clientKey) answers with its first request. What follows a new
 * request (its notifications, counting, the calendar warning) is queued after the answer.
 */
export async function submitRequest(ctx: Ctx, input: Sent<typeof SubmitInput>) {
  const { request, created } = await submit(ctx, input);
  if (created) await later(ctx, (ports) => followRequest(ports, request._id));
  return { request: requestView(ctx, request), created };
}

/** the item chosen on the submit page, as the request keeps it (id and name); one read, no matcher here */
async function chosenItem(ctx: Ctx, id: string): Promise<{ id: string; name: string }> {
  const item = await ctx.ports.store.collection<ItemEntry>(C.items).get(id);
  if (!item || !item.active) throw new AppError('VALIDATION_FAILED', '所选事项已停用，请重新选择或选“不确定”', [{ field: 'itemId', message: '所选事项已停用，请重新选择' }]);
  return { id: item._id, name: item.name };
}

async function submit(ctx: Ctx, input: unknown): Promise<{ request: ServiceRequest; created: boolean }> {
  requireRole(ctx.user, 'enterprise');
  const data = parseInput(SubmitInput, input);
  const { ports, now } = ctx;
  if (!ctx.user.enterpriseId) throw new AppError('NOT_BOUND', '请先绑定您的企业，再提交诉求');
  const requests = requestRepo(ports.store);
  const id = requestDocId(ctx.user._id, data.clientKey);
  // One read answers two questions: the enterprise's requests of the last hour. A script must not
  // flood its grid officer (so many an hour), and a retried or double-tapped submit (the same key,
  // seconds later) finds its first request among them and gets it back, taking no number or slot.
  const perHour = ports.config?.submitsPerHour ?? DEFAULT_SUBMITS_PER_HOUR;
  const recent = await requests.recentOfEnterprise(ctx.user.enterpriseId, new Date(now.getTime() - 3600_000).toISOString(), perHour + 1);
  const existing = recent.find((r) => r._id === id);
  if (existing) return { request: existing, created: false };
  if (recent.length >= perHour) throw new AppError('RATE_LIMITED', `本企业一小时内已提交${recent.length}件诉求，请稍后再提交；紧急情况请直接联系您的网格员`);
  await requireOwnFiles(ctx, data.photos);

  const ent = await enterpriseRepo(ports.store).get(ctx.user.enterpriseId);
  if (!ent) throw new AppError('ENTERPRISE_NOT_FOUND', '所绑定的企业已不存在，请重新绑定');
  const grid = await orgById(ports, ent.gridId);
  const item = data.itemId ? await chosenItem(ctx, data.itemId) : null;
  const verdict = await ports.contentCheck.check(data.description, ctx.user.openid);
  if (!verdict.ok) throw new AppError('CONTENT_REJECTED', `问题描述含有不当内容：${verdict.reason}`);

  return createRequest(ctx, ent, grid, {
    _id: id,
    clientKey: data.clientKey,
    submitterId: ctx.user._id,
    channel: 'self',
    category: data.category,
    description: data.description,
    photos: data.photos,
    phone: data.phone,
    ...(data.shownAnswers.length ? { shownAnswers: data.shownAnswers } : {}),
    ...(item ? { item } : {}),
    first: { actorId: ctx.user._id, actorName: ctx.user.name, text: `${ent.name} 提交诉求，进入分派队列` },
  });
}
