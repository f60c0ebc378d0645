/** Read side for the phone pages: my requests, the officer's inbox, one request with what the caller may do. */
import { z } from 'zod';
import { C } from '../collections';
import { Ctx, hasRole, requireRole } from '../context';
import { AppError } from '../errors';
import type { ServiceRequest } from '../model';
import type { Filter } from '../ports';
import { loadRequest, summary } from '../request-record';
import { parseInput, zId } from '../validation';

const PAGE_SIZE = 20;
export const PageInput = z.object({
  page: z.number().int().min(1, '页码不正确').max(10_000, '页码不正确').optional().default(1),
  pageSize: z.number().int().min(1).max(50, '每页最多50条').optional().default(PAGE_SIZE),
});

async function paged(ctx: Ctx, filter: Filter, page: number, pageSize: number) {
  const requests = ctx.ports.store.collection<ServiceRequest>(C.requests);
  const [items, total] = await Promise.all([
    requests.find(filter, { orderBy: [['createdAt', 'desc']], skip: (page - 1) * pageSize, limit: pageSize }),
    requests.count(filter),
  ]);
  return { items: items.map(summary), total, page, pageSize };
}

export async function myRequests(ctx: Ctx, input: unknown) {
  requireRole(ctx.user, 'enterprise');
  const { page, pageSize } = parseInput(PageInput, input);
  if (!ctx.user.enterpriseId) return { items: [], total: 0, page, pageSize };
  return paged(ctx, { enterpriseId: ctx.user.enterpriseId }, page, pageSize);
}

const TABS = { todo: ['assigned'], doing: ['accepted'], done: ['resolved', 'closed'] } as const;

export async function officerInbox(ctx: Ctx, input: unknown) {
  requireRole(ctx.user, 'officer', 'liaison');
  const { tab, page, pageSize } = parseInput(
    PageInput.extend({ tab: z.enum(['todo', 'doing', 'done'], { errorMap: () => ({ message: '工单分类不正确' }) }).default('todo') }),
    input,
  );
  const requests = ctx.ports.store.collection<ServiceRequest>(C.requests);
  const countOf = (t: keyof typeof TABS) => requests.count({ assigneeId: ctx.user._id, status: { $in: [...TABS[t]] } });
  const [list, todo, doing, done] = await Promise.all([
    paged(ctx, { assigneeId: ctx.user._id, status: { $in: [...TABS[tab]] } }, page, pageSize),
    countOf('todo'), countOf('doing'), countOf('done'),
  ]);
  return { ...list, counts: { todo, doing, done } };
}

/** Who may read a request: its enterprise's users, its assignee, and desk roles. */
export function canRead(ctx: Ctx, req: ServiceRequest): boolean {
  const u = ctx.user;
  if (hasRole(u, 'dispatcher', 'leader', 'admin')) return true;
  if (req.assigneeId === u._id) return true;
  return hasRole(u, 'enterprise') && !!u.enterpriseId && u.enterpriseId === req.enterpriseId;
}

export function permissionsFor(ctx: Ctx, req: ServiceRequest) {
  const mine = req.assigneeId === ctx.user._id && hasRole(ctx.user, 'officer', 'liaison');
  const ownEnterprise = hasRole(ctx.user, 'enterprise') && ctx.user.enterpriseId === req.enterpriseId;
  return {
    accept: mine && req.status === 'assigned',
    progress: mine && req.status === 'accepted',
    resolve: mine && req.status === 'accepted',
    confirm: ownEnterprise && req.status === 'resolved',
    reopen: ownEnterprise && req.status === 'resolved',
  };
}

export function detailView(ctx: Ctx, req: ServiceRequest) {
  const timeline = req.timeline.map(({ seq, at, type, actorName, text }) => ({ seq, at, type, actorName, text }));
  return { request: { ...summary(req), timeline }, can: permissionsFor(ctx, req) };
}

export async function getRequest(ctx: Ctx, input: unknown) {
  const { id } = parseInput(z.object({ id: zId }), input);
  if (!ctx.user.active) throw new AppError('FORBIDDEN', '账号已停用，请联系管理员');
  const req = await loadRequest(ctx.ports, id).catch(() => null);
  // the same answer for "missing" and "not yours", so ids cannot be probed
  if (!req || !canRead(ctx, req)) throw new AppError('NOT_FOUND', '未找到该诉求');
  return detailView(ctx, req);
}
