/**
 * Visit notices: an in-app message for each person (the message center shows it whatever happens
 * to the push) and an outbox entry for the subscribe message, both keyed so a retry never
 * doubles them, then an immediate delivery attempt. Same channels as request notices
 * (core/notify/outbox.ts), but about a visit or a plan, so each message carries its page.
 */
import { C } from '../collections';
import type { Message, OutboxEntry } from '../model';
import { outboxEntry } from '../notify/payload';
import { sendForRequest } from '../notify/sender';
import { ignoreDuplicate, type Ports } from '../ports';
import { userRepo } from '../repos/users';

export type Notice = {
  /** unique per event, e.g. `visit:<id>:checkin`; the message id is `${key}:${userId}` */
  key: string;
  title: string;
  body: string;
  /** page the message opens, without a leading slash */
  page: string;
  /** the subscribe message's number (ASCII: a visit number or a plan id) and status word; shaped by core/notify/payload.ts */
  no: string;
  status: string;
};


export async function tell(ports: Ports, now: Date, userIds: string[], n: Notice): Promise<void> {
  const users = userRepo(ports.store);
  const messages = ports.store.collection<Message>(C.messages);
  const outbox = ports.store.collection<OutboxEntry>(C.outbox);
  const at = now.toISOString();
  // sendForRequest picks up fresh entries by this key
  const group = n.key.split(':').slice(0, 2).join(':');
  for (const userId of [...new Set(userIds)]) {
    const user = await users.get(userId);
    if (!user || !user.active) continue;
    const id = `${n.key}:${userId}`;
    await messages.add({ _id: id, userId, requestId: '', title: n.title, body: n.body, page: n.page, read: false, createdAt: at, delivery: { done: false } }).catch(ignoreDuplicate);
    await outbox
      .add(outboxEntry({
        _id: id, userId, openid: user.openid, requestId: group, template: 'statusChanged', page: n.page,
        notice: { no: n.no, status: n.status, title: n.title, time: at, remark: n.body }, at,
      }))
      .catch(ignoreDuplicate);
  }
  // the notify timer retries whatever this first attempt leaves pending
  await sendForRequest(ports, group, now).catch(() => undefined);
}
