/** Read side for the phone pages: my requests, the officer's inbox, one request with what the caller may do. */
import { orgById } from '../org-cache';
import { objectionPermissions } from '../handling/objection-rules';
import { callbackPermissions } from '../feedback/callback-rules';
import { Ctx, hasRole, requireRole } from '../context';
import { AppError } from '../errors';
import type { ServiceRequest } from '../model';
import { enterpriseText, enterpriseView, INTERNAL_EVENTS, loadRequest, summary } from '../request-record';
import { OPEN_STATUSES, categoryName, type Colour, type RequestStatus } from '../contract/catalog';
import { MAX_PAGE } from '../ports';
import { canSupervise } from '../desk/scope';
import { isRecused } from '../recusal';
import { InboxInput, MineInput, MINE_SEARCH_WINDOW, MINE_TABS } from '../contract/account';
import { IdInput, type Sent } from '../contract/schema';
import { parseInput } from '../validation';
import { requestRepo } from '../repos/requests';
import { userRepo } from '../repos/users';
import { enterpriseRepo } from '../repos/enterprises';
import { urgeRefusal } from '../feedback/urge-rules';
import { appealRefusal } from '../feedback/appeal-rules';
import { NOTE_FROM } from '../feedback/note-rules';
import { cardRepo } from '../repos/cards';
import { mergeView } from '../desk/merge-view';
import { readsAsStaff, seesMergedEnterprises } from './reader-rules';

const MERGE_EVENTS: ReadonlyArray<ServiceRequest['timeline'][number]['type']> = ['merged', 'unmerged', 'merge_added', 'merge_removed'];

export { readsAsStaff };


const listed = ([items, total]: [ServiceRequest[], number], page: number, pageSize: number) => ({ items: items.map(summary), total, page, pageSize });

/** what each tab of 我的诉求 holds (core/contract/account.ts MINE_TABS) */
const MINE: Record<(typeof MINE_TABS)[number], { statuses?: readonly RequestStatus[]; colour?: 'red' }> = {
  all: {},
  open: { statuses: OPEN_STATUSES },
  supplement: { statuses: ['paused'] },
  rate: { statuses: ['resolved'] },
  overdue: { statuses: OPEN_STATUSES, colour: 'red' },
  done: { statuses: ['closed', 'rejected'] },
};

export async function myRequests(ctx: Ctx, input: Sent<typeof MineInput>) {
  requireRole(ctx.user, 'enterprise');
  const { page, pageSize, tab, q } = parseInput(MineInput, input);
  if (!ctx.user.enterpriseId) return { items: [], total: 0, page, pageSize };
  const { statuses, colour } = MINE[tab];
  const requests = requestRepo(ctx.ports.store);
  if (q) return searchMine(requests, ctx.user.enterpriseId, q, page, pageSize, statuses, colour);
  if (tab === 'rate') return rateTab(requests, ctx.user.enterpriseId, page, pageSize);
  const list = listed(await requests.pageOfEnterprise(ctx.user.enterpriseId, page, pageSize, statuses, colour), page, pageSize);
  return { ...list, items: list.items.map(enterpriseView) };
}

/**
 * 待评价: its answered requests, and (并件) its linked requests whose main is answered and that it
 * has not scored (few: at most MAX_PAGE, listed first), newest first within each.
 */
async function rateTab(requests: ReturnType<typeof requestRepo>, enterpriseId: string, page: number, pageSize: number) {
  const [linked, resolved] = await Promise.all([requests.linkedToRate(enterpriseId), requests.countOfEnterprise(enterpriseId, ['resolved'])]);
  const start = (page - 1) * pageSize;
  const first = linked.slice(start, start + pageSize);
  const rest = pageSize - first.length;
  const more = rest > 0 ? await requests.sliceOfEnterprise(enterpriseId, ['resolved'], Math.max(0, start - linked.length), rest) : [];
  return { items: [...first, ...more].map((r) => enterpriseView(summary(r))), total: linked.length + resolved, page, pageSize };
}

/**
 * 我的诉求 searched: every word of `q` in the request's number, description, category, handler or
 * result (any case), among the enterprise's latest MINE_SEARCH_WINDOW requests of the tab, newest
 * first. An enterprise's requests are tens to hundreds: read a hundred at a time (one call for most)
 * and matched here, as CloudBase has no index that finds words inside a text.
 */
async function searchMine(requests: ReturnType<typeof requestRepo>, enterpriseId: string, q: string, page: number, pageSize: number, statuses?: readonly RequestStatus[], colour?: Colour) {
  const words = q.toLowerCase().split(/\s+/).filter(Boolean);
  const found: ServiceRequest[] = [];
  for (let n = 1; n <= MINE_SEARCH_WINDOW / MAX_PAGE; n++) {
    const docs = await requests.hundredOfEnterprise(enterpriseId, n, statuses, colour);
    for (const r of docs) {
      const text = [r.no, r.description, categoryName(r.category), r.assigneeName ?? '', r.result ?? ''].join(' ').toLowerCase();
      if (words.every((w) => text.includes(w))) found.push(r);
    }
    if (docs.length < MAX_PAGE) break;
  }
  const items = found.slice((page - 1) * pageSize, page * pageSize).map((r) => enterpriseView(summary(r)));
  return { items, total: found.length, page, pageSize };
}

const TABS = { todo: ['assigned'], doing: ['accepted', 'paused'], done: ['resolved', 'closed'] } as const;

export async function officerInbox(ctx: Ctx, input: Sent<typeof InboxInput>) {
  requireRole(ctx.user, 'officer', 'liaison');
  const { tab, page, pageSize } = parseInput(InboxInput, input);
  const requests = requestRepo(ctx.ports.store);
  const countOf = (t: keyof typeof TABS) => requests.countOfAssignee(ctx.user._id, TABS[t]);
  const [list, todo, doing, done] = await Promise.all([
    // work in hand nearest its deadline first (the red and the urged come first); what is done, newest first
    requests.pageOfAssignee(ctx.user._id, TABS[tab], page, pageSize, tab === 'done' ? 'newest' : 'urgent').then((r) => listed(r, page, pageSize)),
    countOf('todo'), countOf('doing'), countOf('done'),
  ]);
  return { ...list, counts: { todo, doing, done } };
}

/** Who may read a request: its enterprise's users, its assignee, its departments, and desk roles in scope. */
export async function canRead(ctx: Ctx, req: ServiceRequest): Promise<boolean> {
  const u = ctx.user;
  // no one reads a complaint about themselves, whatever their role (core/recusal.ts)
  if (isRecused(req, u._id)) return false;
  if (hasRole(u, 'leader', 'admin')) return true;
  if (hasRole(u, 'dispatcher') && (await canSupervise(ctx.ports, u, req))) return true;
  if (req.assigneeId === u._id) return true;
  // 代报 and 直通车: the liaison, officer or CPPCC member who filed it follows it, whoever handles it
  if (req.filedBy?.id === u._id && hasRole(u, 'officer', 'liaison', 'cppcc')) return true;
  if (hasRole(u, 'department') && u.departmentId && req.deptIds.includes(u.departmentId)) return true;
  return hasRole(u, 'enterprise') && !!u.enterpriseId && u.enterpriseId === req.enterpriseId;
}

export async function permissionsFor(ctx: Ctx, req: ServiceRequest) {
  const mine = req.assigneeId === ctx.user._id && hasRole(ctx.user, 'officer', 'liaison');
  const ownEnterprise = hasRole(ctx.user, 'enterprise') && ctx.user.enterpriseId === req.enterpriseId;
  const desk = await canSupervise(ctx.ports, ctx.user, req);
  const open = OPEN_STATUSES.includes(req.status);
  return {
    accept: mine && req.status === 'assigned',
    progress: mine && req.status === 'accepted',
    resolve: mine && req.status === 'accepted',
    pause: mine && req.status === 'accepted',
    resume: mine && req.status === 'paused',
    supplement: ownEnterprise && req.status === 'paused',
    note: ownEnterprise && NOTE_FROM.includes(req.status),
    confirm: ownEnterprise && req.status === 'resolved',
    reopen: ownEnterprise && req.status === 'resolved',
    urge: ownEnterprise && urgeRefusal(req, ctx.now) === null,
    appeal: ownEnterprise && appealRefusal(req, ctx.now) === null,
    verify: desk && open && req.status !== 'supervised',
    reject: desk && open && req.status !== 'supervised',
    reassign: desk && ['queued', 'dispatch', 'assigned', 'accepted'].includes(req.status),
    issueCard: desk && ['queued', 'dispatch', 'assigned', 'accepted'].includes(req.status),
    escalate: desk && open && req.tier !== 'district',
    refer: desk && !req.referral,
    // 并件 (core/desk/merge.ts): a linked request goes back to its own handling until its enterprise scored
    unmerge: desk && req.status === 'merged' && req.score === null,
    ...(await objectionPermissions(ctx, req, desk)),
    ...callbackPermissions(ctx, req, desk),
  };
}

/** a request as its caller may see it, from the document in hand (no store call): the summary and the timeline */
export function requestView(ctx: Ctx, req: ServiceRequest) {
  // the enterprise sees what was done for it, not the internal supervision (urges, referrals)
  const staff = readsAsStaff(ctx.user);
  // 并件 names other enterprises' requests: an officer or liaison reading what it filed (代报) reads
  // those entries as the enterprise does (core/desk/merge-view.ts), the desk and its handler as written
  const filer = staff && req.filedBy?.id === ctx.user._id && req.assigneeId !== ctx.user._id && !seesMergedEnterprises(ctx.user);
  const plain = (e: ServiceRequest['timeline'][number]) => !staff || (filer && MERGE_EVENTS.includes(e.type));
  // and reads it in plain words, without the desk's plumbing (enterpriseText)
  const timeline = req.timeline
    .filter((e) => (plain(e) ? !INTERNAL_EVENTS.includes(e.type) : true))
    .map((e) => ({
      seq: e.seq, at: e.at, type: e.type, actorName: e.actorName, text: plain(e) ? enterpriseText(req, e) : e.text,
      // attachments go with their entry: whoever sees the entry sees them
      ...(e.attachments?.length ? { attachments: e.attachments } : {}),
    }));
  const view = summary(req);
  return { ...(staff ? view : enterpriseView(view)), timeline };
}

export async function detailView(ctx: Ctx, req: ServiceRequest) {
  // staff also see the supervision card and the deadline's history
  const staff = readsAsStaff(ctx.user);
  const card = staff && req.cardId ? await cardRepo(ctx.ports.store).get(req.cardId) : null;
  const orgName = (await orgById(ctx.ports, req.tierOrgId))?.name ?? '';
  // 并件: the main a linked request follows, or a main's linked requests (core/desk/merge-view.ts)
  const merge = req.mergedInto || req.mergedFrom?.length ? await mergeView(ctx, req) : null;
  const can = await permissionsFor(ctx, req);
  return {
    request: { ...requestView(ctx, req), tierOrgName: orgName, ...(staff ? { slaHistory: req.slaHistory } : {}) },
    can: merge?.kind === 'linked' && merge.scorable ? { ...can, confirm: true } : can,
    card,
    merge,
  };
}

/** whom to call about it (一键拨打): the enterprise sees its handler; the handler the enterprise's contact, address and map point */
export type Contacts = {
  handler?: { name: string; phone: string | null } | null;
  enterprise?: { name: string; address: string; contactName: string | null; phone: string | null; location: { latitude: number; longitude: number } | null } | null;
};

async function contactsFor(ctx: Ctx, req: ServiceRequest): Promise<Contacts> {
  if (hasRole(ctx.user, 'enterprise')) {
    if (!req.assigneeId || req.status === 'rejected') return { handler: null };
    const u = await userRepo(ctx.ports.store).get(req.assigneeId);
    return { handler: u ? { name: u.name, phone: u.phone || null } : null };
  }
  // the handler of the request, not the desk (which calls from the ledger's own records); never an anonymous complainant
  if (req.assigneeId !== ctx.user._id || req.anonymous) return {};
  const e = await enterpriseRepo(ctx.ports.store).get(req.enterpriseId);
  if (!e) return { enterprise: null };
  const loc = e.location ? { latitude: e.location.latitude, longitude: e.location.longitude } : null;
  return { enterprise: { name: e.name, address: e.address, contactName: e.contactName || null, phone: req.phone || e.contactPhone || null, location: loc } };
}

export async function getRequest(ctx: Ctx, input: Sent<typeof IdInput>) {
  const { id } = parseInput(IdInput, input);
  if (!ctx.user.active) throw new AppError('FORBIDDEN', '账号已停用，请联系管理员');
  const req = await loadRequest(ctx.ports, id).catch(() => null);
  // the same answer for "missing" and "not yours", so ids cannot be probed
  if (!req || !(await canRead(ctx, req))) throw new AppError('NOT_FOUND', '未找到该诉求');
  const [view, contacts] = await Promise.all([detailView(ctx, req), contactsFor(ctx, req)]);
  return { ...view, contacts };
}
