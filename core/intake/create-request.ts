/**
 * The unit of work that makes a new request in the normal queue, whoever brings it in: the
 * enterprise itself (core/intake/submit.ts) or a liaison or grid officer for it (core/intake/file-for.ts).
 * What it reads is read once, an officer's slot is claimed, and the request is written once, already
 * assigned when someone is free, so the answer says who will handle it. Counting and notifications
 * follow after the answer, from the marks on the document (core/settle.ts).
 */
import type { Ctx } from '../context';
import type { Enterprise, Org, ServiceRequest } from '../model';
import { StoreError } from '../ports';
import { afterTransition, SYSTEM, timelineEvent } from '../request-record';
import { assignment, candidatesFor, claimSlot, releaseSlot, waitingText } from '../assignment/assign';
import { orgById } from '../org-cache';
import { loadSla } from '../sla/policy';
import { newRequestDoc, nextRequestNo, placeOf } from './request-doc';
import { requestRepo } from '../repos/requests';
import { autoCardFor, autoCardQueuedText } from '../cards/auto-card';

/** the fields of a new request that differ by who brings it in */
export type NewRequest = Pick<ServiceRequest, '_id' | 'clientKey' | 'submitterId' | 'channel' | 'category' | 'description' | 'photos' | 'phone'> &
  Partial<ServiceRequest> & {
    /** the first timeline entry: who brought it in, and the words everyone reads */
    first: { actorId: string; actorName: string; text: string; enterpriseText?: string };
  };

/**
 * Writes the request (numbered, placed in its enterprise's grid and community, assigned in the same
 * write when an officer has room). A twin that won the race answers instead: created false.
 */
export async function createRequest(ctx: Ctx, ent: Enterprise, grid: Org | null, init: NewRequest): Promise<{ request: ServiceRequest; created: boolean }> {
  const { ports, now } = ctx;
  const requests = requestRepo(ports.store);
  const at = now.toISOString();
  const { first, ...fields } = init;
  const queued = newRequestDoc({
    no: await nextRequestNo(ports, now),
    ...placeOf(ent, grid),
    ...fields,
    timeline: [{ seq: 1, at, type: 'submitted', actorId: first.actorId, actorName: first.actorName, text: first.text, ...(first.enterpriseText ? { enterpriseText: first.enterpriseText } : {}) }],
  }, at);
  // assignment is part of this unit of work: an officer's slot first, then the one write. An item
  // whose department the rule sends requests to (按事项清单自动转办) takes no slot: the write carries
  // the mark, and what follows the request issues the card from it (core/cards/auto-card.ts)
  const sla = await loadSla(ports);
  const auto = await autoCardFor(ports, fields.item?.id, !!fields.recusal);
  const claimed = auto ? null : await claimSlot(ports, await candidatesFor(ports, ent, grid), now);
  const step = auto
    ? { set: { autoCard: auto, waitingNoted: true }, history: [], event: { type: 'queued' as const, text: autoCardQueuedText(auto) } }
    : claimed
      ? assignment(queued, claimed, now, sla)
      : { set: { waitingNoted: true }, history: [], event: { type: 'queued' as const, text: waitingText(await orgById(ports, queued.queueOrgId)) } };
  // one tap, one message: whoever hears of both events (the enterprise) is told once (core/notify/outbox.ts)
  const doc = afterTransition(queued, step, { ...timelineEvent(queued.seq + 1, at, { event: step.event, actor: SYSTEM }), withPrevious: true }, at);
  try {
    await requests.add(doc);
  } catch (e) {
    // the slot is given back whatever failed; a twin submit that won the race (or a retry more than
    // an hour later) answers with its request
    if (claimed) await releaseSlot(ports, claimed.user._id);
    if (e instanceof StoreError && e.code === 'DUPLICATE_ID') {
      const twin = await requests.get(doc._id);
      if (twin) return { request: twin, created: false };
    }
    throw e;
  }
  return { request: doc, created: true };
}
