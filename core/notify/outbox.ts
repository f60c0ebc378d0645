/**
 * Transactional outbox. A request update marks `needsNotify`; this turns the new timeline events
 * into outbox entries (for the subscribe message) and in-app messages, keyed by
 * `${requestId}:${seq}:${userId}` so running it twice never sends twice. The notify timer
 * re-runs it for any request still marked, so a crash between the two writes loses nothing.
 */
import { STATUSES } from '../catalog';
import { C } from '../collections';
import type { Message, OutboxEntry, ServiceRequest, TimelineEvent, User } from '../model';
import type { Ports } from '../ports';
import { StoreError } from '../ports';
import { formatBeijing } from '../time';

type Recipient = { userId: string; role: 'enterprise' | 'assignee' };

function recipientsFor(req: ServiceRequest, ev: TimelineEvent): Recipient[] {
  const out: Recipient[] = [];
  // the enterprise hears of every change, but not of its own actions beyond the submission receipt
  if (ev.type === 'submitted' || ev.actorId !== req.submitterId) out.push({ userId: req.submitterId, role: 'enterprise' });
  // the officer hears of new work, and of the enterprise reopening or scoring a case
  if (req.assigneeId && ['assigned', 'reopened', 'closed'].includes(ev.type)) {
    out.push({ userId: req.assigneeId, role: 'assignee' });
  }
  return out;
}

const TITLES: Record<TimelineEvent['type'], string> = {
  submitted: '诉求已提交',
  queued: '诉求排队等待分派',
  assigned: '诉求已分派',
  requeued: '诉求重新排队',
  accepted: '诉求已签收，正在办理',
  progress: '诉求办理进展',
  resolved: '诉求已办结，请评价',
  closed: '诉求已评价',
  reopened: '诉求被退回重办',
};

function pageFor(role: Recipient['role'], requestId: string) {
  return role === 'assignee'
    ? `subpkg-officer/detail/index?id=${requestId}`
    : `subpkg-enterprise/detail/index?id=${requestId}`;
}

export async function materializeNotifications(ports: Ports, requestId: string, now: Date): Promise<number> {
  const requests = ports.store.collection<ServiceRequest>(C.requests);
  const req = await requests.get(requestId);
  if (!req || !req.needsNotify) return 0;
  const users = ports.store.collection<User>(C.users);
  const outbox = ports.store.collection<OutboxEntry>(C.outbox);
  const messages = ports.store.collection<Message>(C.messages);
  let created = 0;
  const fresh = req.timeline.filter((e) => e.seq > (req.notifiedSeq ?? 0));
  for (const ev of fresh) {
    for (const r of recipientsFor(req, ev)) {
      const user = await users.get(r.userId);
      if (!user) continue;
      const key = `${req._id}:${ev.seq}:${r.userId}`;
      const title = r.role === 'assignee' && ev.type === 'assigned' ? '您有新的诉求待签收' : TITLES[ev.type];
      const body = `【${req.no}】${req.enterpriseName}：${ev.text}`;
      const at = now.toISOString();
      const ignoreDuplicate = (e: unknown) => {
        if (!(e instanceof StoreError && e.code === 'DUPLICATE_ID')) throw e;
      };
      await messages
        .add({ _id: key, userId: r.userId, requestId: req._id, title, body, read: false, createdAt: ev.at })
        .then(() => created++, ignoreDuplicate);
      await outbox
        .add({
          _id: key, userId: r.userId, openid: user.openid, requestId: req._id,
          template: r.role === 'assignee' && ev.type === 'assigned' ? 'newAssignment' : 'statusChanged',
          page: pageFor(r.role, req._id),
          data: {
            no: req.no,
            status: STATUSES[req.status],
            title: req.description.slice(0, 20),
            time: formatBeijing(ev.at),
            remark: ev.text.slice(0, 20),
          },
          status: 'pending', attempts: 0, nextAttemptAt: at, lastError: null, createdAt: at, sentAt: null,
        })
        .catch(ignoreDuplicate);
    }
  }
  // clear the mark only if no newer event arrived meanwhile
  await requests.update(req._id, { $set: { needsNotify: false, notifiedSeq: req.seq } }, { seq: req.seq });
  return created;
}
