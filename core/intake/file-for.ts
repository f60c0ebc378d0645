/**
 * 代报 (filing for an enterprise): a liaison files for the enterprises it is the 特派员 of (channel
 * liaison, 特派员代报), a grid officer for the enterprises of its grids (channel visit, 走访代报), when
 * the enterprise tells them of a problem on the phone, at a meeting or on a round, outside a QR visit
 * (a problem raised during a QR visit goes through visit.fileRequest).
 *
 * 政协委员直通车 (channel cppcc): a CPPCC member brings up problems enterprises raise with them
 * (Hanshan's 165 直通车: 242 members, 6 liaison stations). A member is bound to no enterprise and to no
 * grid: enterprises come to them through their sector group, a liaison station or a visit, anywhere in
 * the district. So a member may file for any enterprise of the district (the deployment is one
 * district), but only one that is bound (has a contact on the platform): the point of 直通车 is that
 * the enterprise hears of its request, follows it and scores it. An unbound enterprise reads as
 * missing, so the answer tells a member nothing it could not find by name anyway; its officer or
 * liaison files for it instead. A member sees only what it filed (request.filedByMe,
 * core/intake/filed-by-me.ts), reads each as the enterprise does (core/queries/read-requests.ts), and
 * is told of its answer, a refusal and the enterprise's score (core/notify/outbox.ts).
 *
 * The request is the enterprise's: its first contact is the submitter of record, so the enterprise is
 * told of it and of every status change, follows it in 我的诉求 and scores it. It enters the normal
 * queue and is assigned in the same write (core/intake/create-request.ts). The filer is recorded
 * (filedBy) and may read what it filed even when someone else handles it.
 */
import { FileForInput, FileForOptionsInput } from '../contract/file-for';
import type { Sent } from '../contract/schema';
import { hasRole, requireRole, type Ctx } from '../context';
import { AppError } from '../errors';
import type { Enterprise, User } from '../model';
import { orgById } from '../org-cache';
import { parseInput } from '../validation';
import { requireOwnFiles } from '../files/own-files';
import { requestRepo } from '../repos/requests';
import { enterpriseRepo } from '../repos/enterprises';
import { requestView } from '../queries/read-requests';
import { followRequest, later } from '../settle';
import { inDeskScope, orgScope } from '../desk/scope';
import { createRequest } from './create-request';
import { DEFAULT_SUBMITS_PER_HOUR, requestDocId } from './submit';

type Filer = 'liaison' | 'officer' | 'cppcc';

/** how the caller stands to the enterprise: its 特派员, an officer of its grid, a CPPCC member (a bound enterprise), or neither */
export function filerRelation(user: User, ent: Pick<Enterprise, 'liaisonId' | 'gridId' | 'contactIds'>): Filer | null {
  if (!user.active) return null;
  if (hasRole(user, 'liaison') && ent.liaisonId === user._id) return 'liaison';
  if (hasRole(user, 'officer') && (user.gridIds ?? []).includes(ent.gridId)) return 'officer';
  if (hasRole(user, 'cppcc') && ent.contactIds.length > 0) return 'cppcc';
  return null;
}

/** each filer's channel and how the timeline names it */
const FILERS: Record<Filer, { channel: 'liaison' | 'visit' | 'cppcc'; label: string }> = {
  liaison: { channel: 'liaison', label: '特派员' },
  officer: { channel: 'visit', label: '网格员' },
  cppcc: { channel: 'cppcc', label: '政协委员' },
};

/** request.fileFor */
export async function fileForEnterprise(ctx: Ctx, input: Sent<typeof FileForInput>) {
  requireRole(ctx.user, 'liaison', 'officer', 'cppcc');
  const data = parseInput(FileForInput, input);
  const { ports, now, user } = ctx;
  const ent = await enterpriseRepo(ports.store).get(data.enterpriseId);
  // an enterprise outside the caller's care reads as missing: the answer tells nothing of others' enterprises
  const relation = ent ? filerRelation(user, ent) : null;
  if (!ent || !relation) {
    throw new AppError('NOT_FOUND', hasRole(user, 'liaison', 'officer') ? '只能为您包联或所在网格的企业代为反映' : '未找到该企业，或该企业尚未绑定联系人：只能为已在平台绑定联系人的本区企业反映');
  }
  const requests = requestRepo(ports.store);
  const id = requestDocId(user._id, data.clientKey);
  // the enterprise's requests of the last hour: a retry finds its first request, and the hourly cap
  // is the enterprise's whoever files (one flood is one flood)
  const perHour = ports.config?.submitsPerHour ?? DEFAULT_SUBMITS_PER_HOUR;
  const recent = await requests.recentOfEnterprise(ent._id, new Date(now.getTime() - 3600_000).toISOString(), perHour + 1);
  const existing = recent.find((r) => r._id === id);
  if (existing) return { request: requestView(ctx, existing), created: false, told: !!existing.submitterId && existing.submitterId !== user._id };
  if (recent.length >= perHour) throw new AppError('RATE_LIMITED', `该企业一小时内已有${recent.length}件诉求，请稍后再代为反映`);
  await requireOwnFiles(ctx, data.photos);
  const verdict = await ports.contentCheck.check(data.description, user.openid);
  if (!verdict.ok) throw new AppError('CONTENT_REJECTED', `问题描述含有不当内容：${verdict.reason}`);

  const grid = await orgById(ports, ent.gridId);
  // the enterprise follows and scores it: its first contact is the submitter of record; an enterprise
  // nobody has bound yet has no one to tell, and the filer stands in until a contact binds
  const contact = ent.contactIds[0] ?? null;
  const { channel, label: role } = FILERS[relation];
  const { request, created } = await createRequest(ctx, ent, grid, {
    _id: id,
    clientKey: data.clientKey,
    submitterId: contact ?? user._id,
    channel,
    category: data.category,
    description: data.description,
    photos: data.photos,
    phone: data.phone,
    filedBy: { id: user._id, name: user.name, role: relation },
    first: { actorId: user._id, actorName: user.name, text: `${role}${user.name}代${ent.name}反映`, enterpriseText: `${role}${user.name}已代您反映此诉求` },
  });
  if (created) await later(ctx, (p) => followRequest(p, request._id));
  return { request: requestView(ctx, request), created, told: !!contact };
}

type Relation = Filer | 'desk';

/**
 * request.fileForOptions: whom the caller may file for (its 特派员 enterprises first, then its grids'),
 * by name; for a dispatcher (a meeting's problems, core/intake/meeting.ts) the enterprises of its
 * scope, for a CPPCC member the bound enterprises of the district, whose name holds a word of two
 * characters or more (a district has thousands: no list without one).
 */
export async function fileForOptions(ctx: Ctx, input: Sent<typeof FileForOptionsInput>) {
  requireRole(ctx.user, 'liaison', 'officer', 'dispatcher', 'cppcc');
  const { q } = parseInput(FileForOptionsInput, input);
  const ents = enterpriseRepo(ctx.ports.store);
  const user = ctx.user;
  const word = q && q.length >= 2 ? q : '';
  const field = hasRole(user, 'liaison', 'officer');
  if (!field && !word) return { items: [], cut: false, needQuery: true };
  const scope = hasRole(user, 'dispatcher') ? await orgScope(ctx.ports, user) : null;
  const relationOf = async (e: Enterprise): Promise<Relation | null> => filerRelation(user, e) ?? (scope && (await inDeskScope(ctx.ports, scope, e)) ? 'desk' : null);
  // a word is looked up by the name's character pairs (any enterprise, however many its grid holds),
  // then kept to those the caller looks after; otherwise the caller's own, by name
  const [own, ...grids] = word
    ? [await ents.byNameGrams(word, LIST_MAX)]
    : await Promise.all([
      hasRole(user, 'liaison') ? ents.ofLiaison(user._id, LIST_MAX) : Promise.resolve([] as Enterprise[]),
      ...(hasRole(user, 'officer') ? (user.gridIds ?? []).slice(0, 5) : []).map((g) => ents.pageByName(g, 0, LIST_MAX)),
    ]);
  const seen = new Set<string>();
  const out: Array<{ id: string; name: string; relation: Relation; hasContact: boolean }> = [];
  for (const e of [...own, ...grids.flat()]) {
    const relation = await relationOf(e);
    if (!relation || seen.has(e._id) || (q && !e.name.includes(q))) continue;
    seen.add(e._id);
    out.push({ id: e._id, name: e.name, relation, hasContact: e.contactIds.length > 0 });
  }
  const rank = { liaison: 0, officer: 1, desk: 2, cppcc: 3 };
  out.sort((a, b) => rank[a.relation] - rank[b.relation]);
  return { items: out.slice(0, LIST_MAX), cut: out.length > LIST_MAX || own.length >= LIST_MAX || grids.some((g) => g.length >= LIST_MAX), needQuery: false };
}

const LIST_MAX = 100;
