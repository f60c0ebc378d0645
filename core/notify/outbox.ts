/**
 * Transactional outbox. A request update marks `needsNotify`; this turns the new timeline events
 * into outbox entries (for the subscribe message) and in-app messages, keyed by
 * `${requestId}:${seq}:${userId}` so running it twice never sends twice. The notify timer
 * re-runs it for any request still marked, so a crash between the two writes loses nothing.
 */
import { STATUSES } from '../contract/catalog';
import { C } from '../collections';
import type { Message, OutboxEntry, ServiceRequest, TimelineEvent, User } from '../model';
import { ignoreDuplicate, type Ports } from '../ports';
import { enterpriseText, INTERNAL_EVENTS } from '../request-record';
import { userBehind } from '../identity/pseudonym';
import { outboxEntry } from './payload';
import { chainUp } from '../desk/scope';
import { LINKED_EVENTS, linkedRecipients, mainAnswered } from '../desk/merge-rules';
import { loadNotifyRules, mobileOf, robotWorthy, routeFor } from './routing';
import { firstAttempt, markMessage, sendEntry, smsEntryFrom } from './sender';
import { consentRefusal, subscriptionsOf } from './consent';
import { requestRepo } from '../repos/requests';
import { userRepo } from '../repos/users';

/** via: a linked request's enterprise (并件) hears of the main through its own request (core/desk/merge-rules.ts) */
type Recipient = { userId: string; role: 'enterprise' | 'assignee' | 'staff' | 'filer'; via?: { id: string; no: string; title: string; phone: string } };

/** 政协委员直通车: what the CPPCC member who filed a request hears of (its answer, a refusal, the enterprise's score) */
const FILER_TITLES: Partial<Record<TimelineEvent['type'], string>> = { resolved: '您代报的诉求已办结', rejected: '您代报的诉求不予受理', closed: '企业已评价您代报的诉求' };

/** what the officer handling it hears about */
const ASSIGNEE_EVENTS: ReadonlyArray<TimelineEvent['type']> = ['assigned', 'reopened', 'closed', 'sla', 'urged', 'enterprise_urged', 'supplemented', 'enterprise_noted', 'reassigned', 'extension_approved', 'extension_refused'];

function recipientsFor(req: ServiceRequest, ev: TimelineEvent): Recipient[] {
  const out: Recipient[] = [];
  // the enterprise hears of every outward change, but not of its own actions beyond the receipt,
  // and never of internal supervision (urges, referrals, colour changes)
  if (!INTERNAL_EVENTS.includes(ev.type) && (ev.type === 'submitted' || ev.actorId !== req.submitterId)) {
    out.push({ userId: req.submitterId, role: 'enterprise' });
  }
  if (req.assigneeId && ASSIGNEE_EVENTS.includes(ev.type) && ev.actorId !== req.assigneeId) out.push({ userId: req.assigneeId, role: 'assignee' });
  for (const userId of ev.notify ?? []) out.push({ userId, role: 'staff' });
  for (const l of linkedRecipients(req, ev)) out.push({ ...l, role: 'enterprise' });
  if (req.filedBy?.role === 'cppcc' && FILER_TITLES[ev.type]) out.push({ userId: req.filedBy.id, role: 'filer' });
  const seen = new Set<string>();
  // the officials a complaint is about never hear of it (core/recusal.ts)
  return out.filter((r) => !seen.has(r.userId) && seen.add(r.userId) && !req.recusal?.userIds.includes(r.userId));
}

const TITLES: Record<TimelineEvent['type'], string> = {
  submitted: '诉求已提交',
  queued: '正在安排办理人员',
  assigned: '已安排办理人员',
  requeued: '正在重新安排办理人员',
  accepted: '诉求已签收，正在办理',
  progress: '诉求办理进展',
  resolved: '诉求已办结，请评价',
  closed: '诉求已评价',
  reopened: '诉求被退回重办',
  paused: '请补充材料',
  resumed: '诉求恢复办理',
  supplemented: '企业已补充材料',
  verified: '诉求已核实定级',
  rejected: '诉求不予受理',
  reassigned: '诉求已改派',
  escalated: '诉求已提级办理',
  referred: '诉求已移交纪委监委',
  card_issued: '督办卡已下发',
  card_accepted: '督办卡已接收',
  card_replied: '督办卡已答复',
  card_returned: '督办卡被退回',
  sla: '诉求期限预警',
  urged: '诉求催办',
  enterprise_urged: '企业催办',
  timeout: '诉求超时未签收',
  card_progress: '督办卡办理进展',
  card_final: '督办事项已最终答复',
  card_urged: '督办卡催办',
  card_deadline: '督办期限已调整',
  card_withdrawn: '督办卡已撤回',
  card_party_closed: '督办卡协办已结束',
  handed_back: '诉求被退回调度',
  extension_requested: '延期申请待审批',
  extension_approved: '延期申请已批准',
  extension_refused: '延期申请未获批准',
  callback: '诉求已回访',
  recusal: '诉求回避提示',
  appealed: '企业对不予受理提出申诉',
  enterprise_noted: '企业补充说明',
  merged: '诉求已并件办理',
  unmerged: '诉求已取消并件',
  merge_added: '诉求已并入其他诉求',
  merge_removed: '并件已取消',
};

/**
 * The fresh events as the units of work that wrote them: an event written with the one before it
 * (withPrevious: a submit assigned or queued in the same write) joins that one's unit. Both come
 * from one write, so they are always fresh together and a re-run groups them the same way.
 */
export function unitsOf(fresh: TimelineEvent[]): TimelineEvent[][] {
  const units: TimelineEvent[][] = [];
  for (const ev of fresh) {
    const last = units[units.length - 1];
    if (ev.withPrevious && last && last[last.length - 1].seq === ev.seq - 1) last.push(ev);
    else units.push([ev]);
  }
  return units;
}

/** who hears of a unit of work, each with the events of it they hear of (their role as of the last one) */
function heardOf(req: ServiceRequest, unit: TimelineEvent[]): { r: Recipient; evs: TimelineEvent[] }[] {
  const heard = new Map<string, { r: Recipient; evs: TimelineEvent[] }>();
  for (const ev of unit) {
    for (const r of recipientsFor(req, ev)) {
      const h = heard.get(r.userId);
      if (!h) heard.set(r.userId, { r, evs: [ev] });
      else {
        h.evs.push(ev);
        h.r = r;
      }
    }
  }
  return [...heard.values()];
}

/**
 * A message's text: the enterprise is not told its own name; staff read which enterprise it is
 * about, once (a text that names it already, like a visit's report, is not prefixed again).
 */
export function bodyOf(req: Pick<ServiceRequest, 'no' | 'enterpriseName'>, r: Pick<Recipient, 'role'>, text: string): string {
  if (r.role === 'enterprise' || !req.enterpriseName || text.includes(req.enterpriseName)) return `【${req.no}】${text}`;
  return `【${req.no}】${req.enterpriseName}：${text}`;
}

function pageFor(role: Recipient['role'], user: User, req: ServiceRequest, via?: Recipient['via']) {
  if (role === 'enterprise') return `subpkg-enterprise/detail/index?id=${via?.id ?? req._id}`;
  if (role === 'assignee' || role === 'filer') return `subpkg-officer/detail/index?id=${req._id}`;
  // an officer it was taken from can no longer open it: send them to their inbox
  if (user.roles.includes('officer') || user.roles.includes('liaison')) return 'subpkg-officer/inbox/index';
  if (user.roles.includes('department') && req.cardId) return `subpkg-dept/card/index?cardId=${req.cardId}`;
  return `subpkg-desk/detail/index?id=${req._id}`;
}

/**
 * Writes the in-app messages and outbox entries of a request's fresh events, then clears its mark.
 * `inline` (right after an action, core/notify/after-change.ts): this caller sends them at once, so
 * an entry the person holds no WeChat consent for is written closed (its SMS twin beside it), and one
 * it will send is written already claimed (./sender.ts firstAttempt), then sent after the writes.
 * Otherwise (the notify timer) every entry is written pending for sendDue.
 */
export async function materializeNotifications(ports: Ports, requestId: string, now: Date, known?: ServiceRequest | null, inline = false): Promise<number> {
  const requests = requestRepo(ports.store);
  // `known`: the document as the caller just read it, saves a read
  const req = known !== undefined ? known : await requests.get(requestId);
  if (!req || !req.needsNotify) return 0;
  const outbox = ports.store.collection<OutboxEntry>(C.outbox);
  const messages = ports.store.collection<Message>(C.messages);
  const rules = await loadNotifyRules(ports);
  let created = 0;
  const fresh = req.timeline.filter((e) => e.seq > (req.notifiedSeq ?? 0));
  // everyone these events reach, in one read
  const ids = [...new Set(fresh.flatMap((ev) => recipientsFor(req, ev).map((r) => r.userId)))];
  const reached = new Map<string, User>();
  for (const [id, u] of await userRepo(ports.store).getMany(ids)) reached.set(id, u);
  const told: Array<{ r: Recipient; evs: TimelineEvent[]; user: User }> = [];
  for (const unit of unitsOf(fresh)) {
    for (const { r, evs } of heardOf(req, unit)) {
      // a pseudonymous submitter (an anonymous complaint) is told through the person behind it
      const user = reached.get(r.userId) ?? (await userBehind(ports, r.userId));
      if (user) told.push({ r, evs, user });
    }
  }
  // links made before their number was kept on them (LinkedRef.phone): the number on the linked
  // request itself, in one read, for those whose account has none
  const unkept = told.filter((t) => t.r.via && !t.r.via.phone && !mobileOf(t.user.phone)).map((t) => t.r.via!.id);
  const linkedRequests = unkept.length ? await requests.getMany([...new Set(unkept)]) : null;
  // what each person consented to, in one read, when this caller sends
  const consents = inline && told.length ? await subscriptionsOf(ports, [...new Set(told.map((t) => t.user._id))]) : null;
  const toSend: OutboxEntry[] = [];
  /** an entry written, or found written by an earlier run; kept to send when written claimed now */
  const write = async (entry: OutboxEntry) => {
    const w = inline ? await firstAttempt(ports, entry, now) : { entry, held: false };
    const added = await outbox.add(w.entry).then(() => true, (e) => { ignoreDuplicate(e); return false; });
    if (added && w.held) toSend.push(w.entry);
  };
  for (const { r, evs, user } of told) {
    // one message per person and unit of work, keyed by the last event of it they hear of
    const ev = evs[evs.length - 1];
    const key = `${req._id}:${ev.seq}:${r.userId}`;
    const newWork =
      (r.userId === req.assigneeId && (ev.type === 'assigned' || ev.type === 'reassigned')) ||
      (ev.type === 'card_issued' && user.roles.includes('department'));
    const reportForDesk = evs[0].type === 'submitted' && req.channel === 'report' && r.role === 'staff';
    // the title names what the tap did (a submit assigned at once: 诉求已提交), the text says all of it
    const title = newWork ? (ev.type === 'card_issued' ? '您有新的督办卡待接收' : '您有新的诉求待签收') : reportForDesk ? '新的投诉举报待调度' : r.role === 'filer' ? FILER_TITLES[ev.type]! : TITLES[evs[0].type];
    const text = evs.map((e) => (r.role === 'enterprise' ? enterpriseText(req, e) : e.text)).join('，');
    // a linked enterprise reads its own request's number and opens its own request
    const body = bodyOf(r.via ? { ...req, no: r.via.no } : req, r, text);
    const at = now.toISOString();
    const route = routeFor(rules, ev, user, r.role === 'filer' ? 'staff' : r.role, newWork);
    // an enterprise's SMS goes to the number on its request when its account has none: a linked
    // enterprise's (并件) to the number on its own request, never the main enterprise's
    const phone = mobileOf(user.phone) ?? (r.role === 'enterprise' ? mobileOf(r.via ? r.via.phone || linkedRequests?.get(r.via.id)?.phone : req.phone) : null);
    // a linked enterprise (并件) reads its own request's number and words, never the main's enterprise
    const own = r.via ? { no: r.via.no, title: r.via.title || req.description } : { no: req.no, title: req.description };
    const values = { no: own.no, title: own.title, status: STATUSES[req.status], enterprise: r.via ? '' : req.enterpriseName };
    // the template's id and field types come from config/subscribe-templates.json only (./templates.ts)
    let entry = outboxEntry({
      _id: key, userId: user._id, openid: user.openid, requestId: req._id,
      template: newWork ? 'newAssignment' : 'statusChanged',
      page: pageFor(r.role, user, req, r.via),
      notice: { no: own.no, status: STATUSES[req.status], title: own.title, time: ev.at, remark: text },
      at, route: route.kind ? { ...route, values } : null, phone,
    });
    // no consent on record: closed as the sender would close it, without claiming it to find out
    const refusal = consents && entry.status === 'pending' && entry.templateId ? consentRefusal(consents.get(`${user._id}:${entry.template}`) ?? null, entry) : null;
    if (refusal) entry = { ...entry, status: 'no_consent', lastError: refusal };
    // SMS besides WeChat where the routing says always; a WeChat entry that will not go falls back to it at once
    const smsOn = !!route.kind && !!ports.sms?.configured;
    const sms = smsOn && (route.sms === 'always' || (route.sms === 'fallback' && entry.status !== 'pending')) ? smsEntryFrom(entry, at) : null;
    const done = entry.status !== 'pending' && !sms;
    const added = await messages
      .add({ _id: key, userId: user._id, requestId: r.via?.id ?? req._id, title, body, read: false, createdAt: ev.at, kind: newWork ? 'assignment' : null, delivery: { done } })
      .then(() => { created++; return true; }, (e) => { ignoreDuplicate(e); return false; });
    // an earlier run wrote the message before it stopped: nothing more will reach it
    if (done && !added) await markMessage(ports, entry, now, false, true);
    if (sms) await write(sms);
    await write(entry);
  }
  for (const ev of fresh) {
    // the desk teams' group robots: one post per center and event
    if (rules.robots.length && robotWorthy(req, ev)) {
      const chain = new Set((await chainUp(ports, req.tierOrgId)).map((o) => o._id));
      for (const robot of rules.robots.filter((b) => chain.has(b.orgId))) {
        const at = now.toISOString();
        // the enterprise named once: a text that names it already (a complaint) needs no 企业 line
        const named = ev.text.includes(req.enterpriseName) ? '' : `\n> 企业：${req.enterpriseName}`;
        const text = `**${TITLES[ev.type]}**\n> 编号：${req.no}${named}\n> ${ev.text}`;
        await write({
          _id: `${req._id}:${ev.seq}:robot:${robot.orgId}`, userId: '', openid: '', requestId: req._id, template: 'robot', page: '',
          data: { text }, status: 'pending', attempts: 0, nextAttemptAt: at, lastError: null, createdAt: at, sentAt: null,
          channel: 'robot', messageId: null, consent: null, route: null, webhook: robot.webhook,
        });
      }
    }
  }
  // 并件: the linked requests learn whether they may score now (in their enterprise's 待评价), as
  // their enterprises are told; idempotent, and never on one scored or no longer linked
  if (req.mergedFrom?.length && fresh.some((ev) => LINKED_EVENTS.includes(ev.type))) {
    for (const l of req.mergedFrom) await requests.markLinkedAnswered(l.id, mainAnswered(req));
  }
  // clear the mark only if no newer event arrived meanwhile
  await requests.update(req._id, { $set: { needsNotify: false, notifiedSeq: req.seq } }, { seq: req.seq });
  // written claimed by this run: nobody else sends them until their lease ends (then the timer retries)
  for (const e of toSend) await sendEntry(ports, e, now, e.attempts);
  return created;
}
