/**
 * Visits collect problems, and complaints about visits become cases.
 *  - During an open visit an official files a request for the enterprise (channel visit, 走访代报):
 *    it enters the normal queue and assignment, and the enterprise follows it like its own.
 *  - An enterprise's complaint about a visit becomes a request of channel report (线上举报) at the
 *    district center, waiting for the dispatcher (status dispatch), never assigned to anyone
 *    automatically; it is filed under a pseudonym so whoever handles it later cannot tell who
 *    complained.
 */
import type { z } from 'zod';
import { countRequestQuietly } from '../stats/counters';
import { Ctx } from '../context';
import { AppError } from '../errors';
import { newPseudonym } from '../identity/pseudonym';
import { newRequestDoc, nextRequestNo } from '../intake/request-doc';
import { requestDocId, SubmitInput } from '../intake/submit';
import type { Enterprise, ServiceRequest, User } from '../model';
import { afterChange } from '../notify/after-change';
import type { Ports } from '../ports';
import { summary } from '../request-record';
import { startIfNeeded } from '../sla/clock';
import { loadSla } from '../sla/policy';
import { formatBeijing } from '../time';
import { parseInput } from '../validation';
import type { Sent } from '../contract/schema';
import { FileRequestInput } from '../contract/visit-inputs';
import { requireOwnFiles } from '../files/own-files';
import { recusalOfVisit, recusalText } from '../recusal';
import { PURPOSES, type Visit } from './model';
import { loadEnterprise, loadVisit, patchVisit } from './records';
import { districtOrg, requireVisitStaff, supervisorsOfGrid, visitorDept } from './staff';
import { requestRepo } from '../repos/requests';
import { createRequest } from '../intake/create-request';
import { followRequest, later } from '../settle';
import { orgRepo } from '../repos/orgs';

/** visit.fileRequest: stays here, as it extends SubmitInput (core/intake/submit.ts) */

export async function fileRequest(ctx: Ctx, input: Sent<typeof FileRequestInput>) {
  requireVisitStaff(ctx.user);
  const data = parseInput(FileRequestInput, input);
  const visit = await loadVisit(ctx.ports, data.visitId).catch(() => null);
  return fileVisitRequest(ctx, visit, data);
}

/** a problem filed for the enterprise by an official on site: during the visit, or with the check-out (core/visits/checkin.ts) */
export async function fileVisitRequest(ctx: Ctx, visit: Visit | null, data: z.infer<typeof SubmitInput>) {
  const { ports, now } = ctx;
  if (!visit || !visit.presentIds.includes(ctx.user._id) || visit.status !== 'open') {
    throw new AppError('INVALID_STATE', '只能在入企期间（签到后、签退前）代企业反映问题');
  }
  const requests = requestRepo(ports.store);
  const id = requestDocId(ctx.user._id, data.clientKey);
  const existing = await requests.get(id);
  if (existing) return { request: summary(existing), created: false };
  await requireOwnFiles(ctx, data.photos);

  const ent = await loadEnterprise(ports, visit.enterpriseId);
  const verdict = await ports.contentCheck.check(data.description, ctx.user.openid);
  if (!verdict.ok) throw new AppError('CONTENT_REJECTED', `问题描述含有不当内容：${verdict.reason}`);
  const grid = await orgRepo(ports.store).get(ent.gridId);
  const dept = await visitorDept(ports, ctx.user);
  // the enterprise follows and scores it: its first contact is the submitter of record
  const submitterId = ent.contactIds[0] ?? ctx.user._id;
  // one unit of work, assigned in the same write (core/intake/create-request.ts); notifications and counting follow the answer
  const { request, created } = await createRequest(ctx, ent, grid, {
    _id: id,
    clientKey: data.clientKey,
    submitterId,
    visitId: visit._id,
    channel: 'visit',
    category: data.category,
    description: data.description,
    photos: data.photos,
    phone: data.phone,
    first: { actorId: ctx.user._id, actorName: ctx.user.name, text: `${ctx.user.name}（${dept.deptName}）入企走访（${visit.no}）时代${ent.name}反映，进入分派队列` },
  });
  if (!created) return { request: summary(request), created: false };
  await patchVisit(ports, visit._id, (v) => (v.requestIds.includes(id) ? null : { $set: { requestIds: [...v.requestIds, id] } }), now);
  await later(ctx, (p) => followRequest(p, id));
  return { request: summary(request), created: true };
}

export const ANONYMOUS_NAME = '企业联系人（匿名）';

/** the case a complaint about a visit becomes; the complainant is known only to the feedback record */
export async function complaintRequest(ports: Ports, complainant: User, visit: Visit, text: string, feedbackId: string, now: Date): Promise<ServiceRequest> {
  const requests = requestRepo(ports.store);
  const id = requestDocId(`complaint:${visit._id}`, feedbackId.replace(/[^A-Za-z0-9_-]/g, '-'));
  const existing = await requests.get(id);
  if (existing) return existing;
  const ent: Enterprise = await loadEnterprise(ports, visit.enterpriseId);
  const district = await districtOrg(ports);
  const alias = await newPseudonym(ports, complainant._id, now);
  const at = now.toISOString();
  const who = visit.members.map((m) => `${m.name}（${m.deptName}）`).join('、');
  // the officials it is about never handle or see it, and neither hears of it (core/recusal.ts)
  const recusal = await recusalOfVisit(ports, visit);
  const supervisors = (await supervisorsOfGrid(ports, ent.gridId)).filter((u) => !recusal?.userIds.includes(u));
  let doc = newRequestDoc({
    _id: id,
    no: await nextRequestNo(ports, now),
    clientKey: `complaint-${visit._id}`,
    enterpriseId: ent._id,
    enterpriseName: ent.name,
    gridId: ent.gridId,
    queueOrgId: district._id,
    tier: 'district',
    tierOrgId: district._id,
    status: 'dispatch',
    submitterId: alias,
    anonymous: true,
    visitId: visit._id,
    channel: 'report',
    category: 'zhengwu',
    description: `【公务入企投诉】入企记录 ${visit.no}（${formatBeijing(visit.checkinAt)}，${who}，${PURPOSES[visit.purpose]}）：${text}`,
    photos: [],
    phone: '',
    timeline: [{
      seq: 1, at, type: 'submitted', actorId: alias, actorName: ANONYMOUS_NAME,
      text: `${ent.name} 对入企记录 ${visit.no} 提出投诉，转${district.name}营商环境优化中心调度处理`,
      notify: supervisors,
    }, ...(recusal ? [{ seq: 2, at, type: 'recusal' as const, actorId: null, actorName: '系统', text: recusalText(recusal, visit) }] : [])],
    recusal,
  }, at);
  // a complaint runs on the normal deadlines from the start; the dispatcher decides who answers it
  const clock = startIfNeeded(doc, now, await loadSla(ports));
  doc = { ...doc, ...clock.set, slaHistory: clock.history };
  await requests.add(doc);
  await countRequestQuietly(ports, id);
  await afterChange(ports, id, now).catch((e) => console.error('[notify] deferred to timer:', (e as Error)?.message));
  return (await requests.get(id))!;
}
