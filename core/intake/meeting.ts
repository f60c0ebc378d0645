/**
 * 茶叙会/企业家日 (meeting entry): a dispatcher records a meeting with enterprises and the problems
 * they raised there, in one form: one request per problem (channel meeting), each the raising
 * enterprise's own (its first contact is the submitter of record, so it is told, follows and scores
 * it), in the normal queue and assigned in the same write (core/intake/create-request.ts). The
 * meeting is kept (meetings) with its requests, so the ledger and the dashboard count them by
 * channel and the meeting can be read back.
 *
 * Nothing is half-written on bad input: every problem is checked (form, enterprise in the
 * dispatcher's scope) before the first request is written. A retried record (the same clientKey)
 * writes nothing new: each problem's request id is derived from the meeting's and its position.
 */
import { createHash } from 'crypto';
import { MEETING_KINDS, MeetingInput, type MeetingKind } from '../contract/meeting';
import type { Sent } from '../contract/schema';
import { requireRole, type Ctx } from '../context';
import { AppError } from '../errors';
import { C } from '../collections';
import type { ServiceRequest } from '../model';
import { StoreError } from '../ports';
import { orgById } from '../org-cache';
import { parseInput } from '../validation';
import { enterpriseRepo } from '../repos/enterprises';
import { requestRepo } from '../repos/requests';
import { inDeskScope, orgScope } from '../desk/scope';
import { summary } from '../request-record';
import { followRequest, later } from '../settle';
import { beijingDate } from '../time';
import { createRequest } from './create-request';
import { requestDocId } from './submit';

export type Meeting = {
  _id: string;
  kind: MeetingKind;
  date: string;
  title: string;
  recordedById: string;
  recordedByName: string;
  orgId: string | null;
  requestIds: string[];
  enterpriseIds: string[];
  createdAt: string;
};

const meetingId = (userId: string, clientKey: string) => 'm' + createHash('sha256').update(`${userId}\u0000${clientKey}`).digest('hex').slice(0, 23);

/** meeting.record */
export async function recordMeeting(ctx: Ctx, input: Sent<typeof MeetingInput>) {
  requireRole(ctx.user, 'dispatcher');
  const data = parseInput(MeetingInput, input);
  const { ports, now, user } = ctx;
  if (data.date > beijingDate(now)) {
    throw new AppError('VALIDATION_FAILED', '会议日期不能晚于今天', [{ field: 'date', message: '会议日期不能晚于今天' }]);
  }
  const id = meetingId(user._id, data.clientKey);
  const meetings = ports.store.collection<Meeting>(C.meetings);
  const done = await meetings.get(id);
  if (done) {
    const byId = await requestRepo(ports.store).getMany(done.requestIds);
    return { meeting: done, requests: done.requestIds.flatMap((r) => (byId.has(r) ? [summary(byId.get(r)!)] : [])), created: false };
  }

  // every problem checked before anything is written: its enterprise exists and is in this dispatcher's scope
  const entIds = [...new Set(data.problems.map((p) => p.enterpriseId))];
  const found = await enterpriseRepo(ports.store).getMany(entIds);
  const scope = await orgScope(ports, user);
  const problems = [];
  for (const [i, p] of data.problems.entries()) {
    const ent = found.get(p.enterpriseId);
    // an enterprise outside the scope reads as missing: the answer tells nothing of others' enterprises
    if (!ent || !(await inDeskScope(ports, scope, ent))) {
      throw new AppError('NOT_FOUND', `第${i + 1}个问题的企业不在您的管辖范围内`, [{ field: `problems.${i}.enterpriseId`, message: '企业不在您的管辖范围内' }]);
    }
    problems.push({ ...p, ent });
  }
  for (const [i, p] of problems.entries()) {
    const verdict = await ports.contentCheck.check(p.description, user.openid);
    if (!verdict.ok) throw new AppError('CONTENT_REJECTED', `第${i + 1}个问题的描述含有不当内容：${verdict.reason}`);
  }

  const kind = MEETING_KINDS[data.kind];
  const requests: ServiceRequest[] = [];
  for (const [i, p] of problems.entries()) {
    const grid = await orgById(ports, p.ent.gridId);
    const { request, created } = await createRequest(ctx, p.ent, grid, {
      _id: requestDocId(`meeting:${id}`, String(i)),
      clientKey: `${data.clientKey}-${i}`,
      submitterId: p.ent.contactIds[0] ?? user._id,
      channel: 'meeting',
      category: p.category,
      description: p.description,
      photos: [],
      phone: p.phone,
      meetingId: id,
      first: { actorId: user._id, actorName: user.name, text: `${p.ent.name}在${kind}（${data.date}，${data.title}）上反映，${user.name}录入`, enterpriseText: `您在${kind}（${data.date}）上反映的问题已登记为诉求` },
    });
    requests.push(request);
    if (created) await later(ctx, (q) => followRequest(q, request._id));
  }
  const meeting: Meeting = {
    _id: id, kind: data.kind, date: data.date, title: data.title, recordedById: user._id, recordedByName: user.name, orgId: user.orgId ?? null,
    requestIds: requests.map((r) => r._id), enterpriseIds: entIds, createdAt: now.toISOString(),
  };
  try {
    await meetings.add(meeting);
  } catch (e) {
    // a twin record that won the race wrote the same requests (their ids are derived) and this document
    if (!(e instanceof StoreError && e.code === 'DUPLICATE_ID')) throw e;
  }
  return { meeting, requests: requests.map(summary), created: true };
}
