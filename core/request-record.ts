/**
 * Every change to a request is one atomic conditional update of its document: the new state,
 * the timeline event and the "needs notify" mark land together or not at all. The update is
 * conditioned on the status it comes from and on the version (seq) that was read, so two actors
 * can never both move the same request.
 */
import { RESULT_KINDS, ROLES, type RequestStatus, type ResultKind, type Role } from './contract/catalog';
import { AppError } from './errors';
import type { ServiceRequest, SlaHistoryEntry, TimelineEvent } from './model';
import type { Ports, Update } from './ports';
import { requestRepo } from './repos/requests';

/** side 'enterprise': the act is the enterprise's own (any of its contacts), marked on its timeline entry */
export type Actor = { id: string | null; name: string; side?: 'enterprise' };

export const SYSTEM: Actor = { id: null, name: '系统' };

export async function loadRequest(ports: Ports, id: string): Promise<ServiceRequest> {
  const req = await requestRepo(ports.store).get(id);
  if (!req) throw new AppError('NOT_FOUND', '未找到该诉求');
  return req;
}

export type Transition = {
  from: RequestStatus[];
  set?: Partial<ServiceRequest>;
  inc?: Record<string, number>;
  /** entries for the SLA history (from core/sla/clock) */
  history?: SlaHistoryEntry[];
  /** withPrevious: written right after the event before it, still unannounced: one notice for both (core/notify/outbox.ts unitsOf) */
  event: { type: TimelineEvent['type']; text: string; notify?: string[]; colour?: TimelineEvent['colour']; enterpriseText?: string; withPrevious?: true; attachments?: TimelineEvent['attachments'] };
  actor: Actor;
  now: Date;
};

/**
 * 办结 (the officer's, or a lead department's 最终答复): the result type stored beside the result,
 * and the timeline's words for the answer, "办结（已解释说明）：…", with the reason for 无法解决
 */
export function resolution(kind: ResultKind, reason: string, answer: string) {
  const why = kind === 'unsolvable' ? reason : null;
  return {
    set: { resultKind: kind, resultReason: why },
    text: `办结（${RESULT_KINDS[kind]}）：${answer}${why ? `；无法解决的原因：${why}` : ''}`,
  };
}

/** the timeline entry a transition appends */
export function timelineEvent(seq: number, at: string, t: Pick<Transition, 'event' | 'actor'>): TimelineEvent {
  return {
    seq, at, type: t.event.type, actorId: t.actor.id, actorName: t.actor.name, text: t.event.text,
    ...(t.event.notify?.length ? { notify: t.event.notify } : {}),
    ...(t.event.colour ? { colour: t.event.colour } : {}),
    ...(t.event.enterpriseText ? { enterpriseText: t.event.enterpriseText } : {}),
    ...(t.event.withPrevious ? { withPrevious: true as const } : {}),
    ...(t.actor.side === 'enterprise' ? { byEnterprise: true as const } : {}),
    ...(t.event.attachments?.length ? { attachments: t.event.attachments } : {}),
  };
}

/** Applies the transition or returns null when the request moved meanwhile. */
export async function tryTransition(ports: Ports, req: ServiceRequest, given: Transition): Promise<ServiceRequest | null> {
  // a request that leaves the queue by any other way than its automatic card drops the card's mark
  // (core/cards/auto-card.ts): whoever moved it decided, and a later return to the queue must not
  // bring the rule's decision back
  const t = req.autoCard && given.set?.status && given.set.status !== 'queued' && !('autoCard' in given.set) ? { ...given, set: { ...given.set, autoCard: null } } : given;
  const at = t.now.toISOString();
  const seq = req.seq + 1;
  const event = timelineEvent(seq, at, t);
  const update: Update = {
    $set: { ...(t.set ?? {}), seq, updatedAt: at, needsNotify: true, statsPending: true },
    $push: { timeline: event, ...(t.history?.length ? { slaHistory: { $each: t.history } } : {}) },
    ...(t.inc ? { $inc: t.inc } : {}),
  };
  const ok = await requestRepo(ports.store).update(req._id, update, { status: t.from, seq: req.seq });
  if (!ok) return null;
  // the update applied to the version read (seq matched), so the document now is exactly this:
  // no second read. Counting and notifying consume the marks after the action (core/settle.ts).
  return afterTransition(req, t, event, at);
}

/** the request as a transition leaves it: what tryTransition's update does to the version it was conditioned on */
export function afterTransition(req: ServiceRequest, t: Pick<Transition, 'set' | 'inc' | 'history'>, event: TimelineEvent, at: string): ServiceRequest {
  const next: ServiceRequest = { ...req, ...(t.set ?? {}), seq: event.seq, updatedAt: at, needsNotify: true, statsPending: true };
  next.timeline = [...(req.timeline ?? []), event];
  if (t.history?.length) next.slaHistory = [...(req.slaHistory ?? []), ...t.history];
  for (const [k, by] of Object.entries(t.inc ?? {})) {
    const rec = next as unknown as Record<string, unknown>;
    rec[k] = (typeof rec[k] === 'number' ? (rec[k] as number) : 0) + by;
  }
  return next;
}

export async function transition(ports: Ports, req: ServiceRequest, t: Transition): Promise<ServiceRequest> {
  if (!t.from.includes(req.status)) {
    throw new AppError('INVALID_STATE', `诉求当前状态不能进行此操作`);
  }
  const next = await tryTransition(ports, req, t);
  if (!next) throw new AppError('CONFLICT', '诉求状态已变化，请刷新后重试');
  return next;
}

/**
 * For a change that must follow another document's change (a card's answer): reload and retry
 * when the request moved meanwhile (say, the sweep recoloured it), so the two stay in step.
 */
export async function transitionFollowing(ports: Ports, id: string, build: (req: ServiceRequest) => Promise<Transition> | Transition, attempts = 5): Promise<ServiceRequest> {
  for (let i = 0; ; i++) {
    const req = await loadRequest(ports, id);
    const t = await build(req);
    if (!t.from.includes(req.status)) throw new AppError('INVALID_STATE', '诉求当前状态不能进行此操作');
    const next = await tryTransition(ports, req, t);
    if (next) return next;
    if (i + 1 >= attempts) throw new AppError('CONFLICT', '诉求状态已变化，请刷新后重试');
  }
}

/** Summary without the timeline and bookkeeping, for lists. */
export function summary(req: ServiceRequest) {
  const { timeline, clientKey, needsNotify, notifiedSeq, waitingNoted, slaHistory, timedOutIds, remainingAtPause, nextCheckAt, stats, statsPending, statsOp, ...rest } = req;
  void stats; void statsPending; void statsOp;
  void timeline; void clientKey; void needsNotify; void notifiedSeq; void waitingNoted; void slaHistory; void timedOutIds; void remainingAtPause; void nextCheckAt;
  return rest;
}

/** what an enterprise user may see of a request: no internal supervision fields (and no recusal at all) */
export function enterpriseView<T extends ReturnType<typeof summary>>(view: T): T {
  // internal supervision: whom the complaint is about, hand-backs, extension reasons, callbacks
  // 并件: which main, who merged it, and the other enterprises linked stay with the desk (core/desk/merge-view.ts says what the enterprise reads)
  const { recusal, handBackCount, extension, extensions, callbacks, callbackDone, mergedInto, mergedFrom, ...rest } = view;
  void recusal; void handBackCount; void extension; void extensions; void callbacks; void callbackDone; void mergedInto; void mergedFrom;
  return { ...rest, referral: null, urgeCount: 0, lastUrgedAt: null } as T;
}

/** the enterprise's words for a handler taking its request: whom, not by which rule or with how many others */
export const handlerText = (role: Role, name: string) => `已安排${ROLES[role]}${name}为您办理`;
export const reassignedText = (role: Role, name: string) => `已改由${ROLES[role]}${name}为您办理`;

const roleNamed = (label: string): Role | null => (Object.keys(ROLES) as Role[]).find((r) => ROLES[r] === label) ?? null;

/**
 * What the enterprise reads of a timeline event: plain words where the desk's text carries its
 * plumbing (which queue, which rule, the officer's load). Events written with enterpriseText say
 * it; older ones (and those of other channels' intake) read by their type.
 */
export function enterpriseText(req: Pick<ServiceRequest, 'channel'>, ev: Pick<TimelineEvent, 'type' | 'text' | 'enterpriseText'>): string {
  if (ev.enterpriseText) return ev.enterpriseText;
  switch (ev.type) {
    case 'submitted':
      return req.channel === 'visit' ? '已收到走访人员代您反映的诉求' : req.channel === 'report' ? '已收到您的投诉，将由调度中心安排处理' : '已收到您的诉求';
    case 'queued':
      return '正在为您安排办理人员，安排好后会通知您';
    case 'requeued':
      return '原承办人工作调整，正在为您重新安排办理人员';
    case 'assigned': {
      // written before enterpriseText existed: "分派给 网格员 张伟（网格 东城一网格，在办 1 件）"
      const m = /^分派给 (\S+) ([^（\s]+)/.exec(ev.text);
      const role = m ? roleNamed(m[1]) : null;
      return m && role ? handlerText(role, m[2]) : '已安排专人为您办理';
    }
    case 'reassigned': {
      // "调度员改派给 网格员 王芳：<the dispatcher's note>": the note is for the desk
      const m = /改派给 (\S+) ([^：（\s]+)/.exec(ev.text);
      const role = m ? roleNamed(m[1]) : null;
      return m && role ? reassignedText(role, m[2]) : '已为您更换办理人员';
    }
    default:
      return ev.text;
  }
}

/** event types the enterprise does not see: internal supervision stays internal */
export const INTERNAL_EVENTS: ReadonlyArray<TimelineEvent['type']> = [
  'sla', 'urged', 'referred', 'card_accepted', 'card_returned', 'timeout', 'verified',
  'card_urged', 'card_deadline', 'card_withdrawn', 'card_party_closed', 'handed_back', 'extension_requested', 'extension_refused', 'recusal',
  // between the desk and the departments: the enterprise gets the lead's final answer, and hears of a callback only when it reopens
  'card_replied', 'callback',
  // 并件 as the main's record: the main's enterprise is not told of other enterprises' requests
  'merge_added', 'merge_removed',
];
