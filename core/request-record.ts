/**
 * Every change to a request is one atomic conditional update of its document: the new state,
 * the timeline event and the "needs notify" mark land together or not at all. The update is
 * conditioned on the status it comes from and on the version (seq) that was read, so two actors
 * can never both move the same request.
 */
import type { RequestStatus } from './contract/catalog';
import { AppError } from './errors';
import type { ServiceRequest, SlaHistoryEntry, TimelineEvent } from './model';
import type { Ports, Update } from './ports';
import { requestRepo } from './repos/requests';

export type Actor = { id: string | null; name: string };

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
  event: { type: TimelineEvent['type']; text: string; notify?: string[]; colour?: TimelineEvent['colour'] };
  actor: Actor;
  now: Date;
};

/** the timeline entry a transition appends */
export function timelineEvent(seq: number, at: string, t: Pick<Transition, 'event' | 'actor'>): TimelineEvent {
  return {
    seq, at, type: t.event.type, actorId: t.actor.id, actorName: t.actor.name, text: t.event.text,
    ...(t.event.notify?.length ? { notify: t.event.notify } : {}),
    ...(t.event.colour ? { colour: t.event.colour } : {}),
  };
}

/** Applies the transition or returns null when the request moved meanwhile. */
export async function tryTransition(ports: Ports, req: ServiceRequest, t: Transition): Promise<ServiceRequest | null> {
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
  const { recusal, handBackCount, extension, extensions, callbacks, callbackDone, ...rest } = view;
  void recusal; void handBackCount; void extension; void extensions; void callbacks; void callbackDone;
  return { ...rest, referral: null, urgeCount: 0, lastUrgedAt: null } as T;
}

/** event types the enterprise does not see: internal supervision stays internal */
export const INTERNAL_EVENTS: ReadonlyArray<TimelineEvent['type']> = [
  'sla', 'urged', 'referred', 'card_accepted', 'card_returned', 'timeout', 'verified',
  'card_urged', 'card_deadline', 'card_withdrawn', 'card_party_closed', 'handed_back', 'extension_requested', 'extension_refused', 'recusal',
  // between the desk and the departments: the enterprise gets the lead's final answer, and hears of a callback only when it reopens
  'card_replied', 'callback',
];
