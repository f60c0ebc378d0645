/**
 * The shape of a fresh request document, shared by every way a request comes in (the enterprise's
 * own submit, an officer filing during a visit, a complaint about a visit), so the defaults live
 * in one place.
 */
import { C } from '../collections';
import type { Enterprise, Org, ServiceRequest } from '../model';
import type { Ports } from '../ports';
import { beijingDateKey } from '../time';

/** the ticket number: SQ + Beijing date + a per-day sequence */
export async function nextRequestNo(ports: Ports, now: Date): Promise<string> {
  const dateKey = beijingDateKey(now);
  const n = await ports.store.collection(C.counters).increment(`request-${dateKey}`, 'seq', 1);
  return `SQ${dateKey}${String(n).padStart(4, '0')}`;
}

/**
 * Where a new request of this enterprise lives: its grid, and the community above it (the grid itself
 * when it has no parent), which queues it and is its first tier.
 */
export function placeOf(ent: Pick<Enterprise, '_id' | 'name' | 'gridId'>, grid: Pick<Org, 'parentId'> | null) {
  const community = grid?.parentId ?? ent.gridId;
  return { enterpriseId: ent._id, enterpriseName: ent.name, gridId: ent.gridId, queueOrgId: community, tierOrgId: community };
}

type Required = Pick<
  ServiceRequest,
  '_id' | 'no' | 'clientKey' | 'enterpriseId' | 'enterpriseName' | 'gridId' | 'queueOrgId' | 'tierOrgId' |
  'submitterId' | 'channel' | 'category' | 'description' | 'photos' | 'phone' | 'timeline'
>;

/** A new request in the queue (status queued, clock not started) unless `over` says otherwise. */
export function newRequestDoc(init: Required & Partial<ServiceRequest>, at: string): ServiceRequest {
  return {
    tier: 'community',
    level: 'general',
    verified: false,
    deptIds: [],
    cardId: null,
    referral: null,
    rejection: null,
    startedAt: null,
    acceptDueAt: null,
    dueAt: null,
    yellowAt: null,
    specialDueDate: null,
    pausedAt: null,
    remainingAtPause: null,
    slaProvisional: false,
    colour: 'white',
    nextCheckAt: null,
    clockNo: 1,
    closedOnTime: null,
    urgeCount: 0,
    lastUrgedAt: null,
    timedOutIds: [],
    slaHistory: [],
    status: 'queued',
    assigneeId: null,
    assigneeName: null,
    assigneeRole: null,
    result: null,
    score: null,
    comment: null,
    reopenCount: 0,
    createdAt: at,
    updatedAt: at,
    assignedAt: null,
    acceptedAt: null,
    resolvedAt: null,
    closedAt: null,
    seq: init.timeline.length,
    needsNotify: true,
    notifiedSeq: 0,
    waitingNoted: false,
    // the dashboard counters have yet to count it (core/stats/counters.ts)
    statsPending: true,
    ...init,
  };
}
