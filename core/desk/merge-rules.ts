/**
 * 并件 rules shared by the merge actions (./merge.ts), the outbox (core/notify/outbox.ts), the
 * read side and the counters: a leaf, so none of them imports another for these.
 */
import type { ServiceRequest, TimelineEvent } from '../model';

/** at most this many requests linked to a main in one merge, and in all (a cluster is at most 12) */
export const MERGE_CAP = 20;

/**
 * A merge or unmerge writes two documents, one after the other (no multi-document transactions on
 * CloudBase). This long after it began, the sweep checks that the two agree, and finishes or undoes
 * what an action that stopped half-way left (settleLink in ./merge.ts). Long enough that no action
 * still in flight is overtaken.
 */
export const MERGE_SETTLE_MS = 5 * 60_000;

/** when the sweep should check a linked request's merge (null: whole, nothing to check) */
export function linkCheckAt(r: Pick<ServiceRequest, 'status' | 'mergedInto'>): number | null {
  const link = r.status === 'merged' ? r.mergedInto : null;
  if (!link || (link.listed && !link.unmerging)) return null;
  return Date.parse(link.unmerging ?? link.at) + MERGE_SETTLE_MS;
}

/**
 * What of the main's progress a linked enterprise hears of: its status changes and the handler's
 * progress notes. Not the main enterprise's own acts (its score, its supplements), nothing internal.
 */
export const LINKED_EVENTS: ReadonlyArray<TimelineEvent['type']> = [
  'accepted', 'progress', 'card_progress', 'resolved', 'card_final', 'reopened', 'rejected', 'closed', 'resumed',
];

/**
 * An act of the main's enterprise on its own request (any of its contacts: its score, its rework),
 * which no linked enterprise hears of; entries written before the mark by its submitter's id.
 */
export const byMainEnterprise = (main: Pick<ServiceRequest, 'submitterId'>, ev: Pick<TimelineEvent, 'actorId' | 'byEnterprise'>) =>
  !!ev.byEnterprise || (!!ev.actorId && ev.actorId === main.submitterId);

/** the linked requests' enterprises that hear of this event of the main, each with its own request */
export function linkedRecipients(main: Pick<ServiceRequest, 'mergedFrom' | 'submitterId'>, ev: Pick<TimelineEvent, 'type' | 'actorId' | 'byEnterprise'>) {
  if (!main.mergedFrom?.length || !LINKED_EVENTS.includes(ev.type)) return [];
  // the main's enterprise acting on its own request (its score, its rework) is its own business
  if (byMainEnterprise(main, ev)) return [];
  return main.mergedFrom.map((l) => ({ userId: l.submitterId, via: { id: l.id, no: l.no, title: l.title ?? '', phone: l.phone ?? '' } }));
}

/** the main is answered: a linked enterprise may score it from its own request */
export const mainAnswered = (main: Pick<ServiceRequest, 'status'>) => main.status === 'resolved' || main.status === 'closed';

/** a linked request may be scored once, while its main is answered */
export const linkedScorable = (linked: Pick<ServiceRequest, 'status' | 'score' | 'mergedInto'>, main: Pick<ServiceRequest, 'status'> | null) =>
  linked.status === 'merged' && !!linked.mergedInto && linked.score === null && !!main && mainAnswered(main);
