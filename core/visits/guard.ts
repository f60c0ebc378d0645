/**
 * 无事不扰: the guard on a check-in. An enterprise should not be visited again and again without
 * having asked for it, so visits it did not ask for are capped per rolling window; above the cap
 * the official must give a reason and the visit is flagged for the dispatcher. An enforcement
 * visit without a prior approval reference is flagged red; one registered after the fact is
 * marked late. Pure rules here; the count comes from the store.
 */
import { C } from '../collections';
import type { Ports } from '../ports';
import { FEEDBACK_FLAGS, isInspection, RED_FLAGS, type Visit, type VisitFlag, type VisitPurpose } from './model';
import type { VisitSettings } from './settings';

export type GuardFacts = {
  purpose: VisitPurpose;
  approvalRef: string | null;
  /** the enterprise asked for this visit (it is linked to one of its requests) */
  requested: boolean;
  /** unrequested visits of the enterprise in the window, before this one */
  count: number;
  cap: number;
  late: boolean;
};

export type GuardVerdict = {
  /** this visit would go above the cap */
  overCap: boolean;
  /** the official must say why before checking in */
  needsReason: boolean;
  flags: VisitFlag[];
  red: boolean;
};

export function judge(f: GuardFacts): GuardVerdict {
  const overCap = !f.requested && f.count >= f.cap;
  const flags: VisitFlag[] = [];
  if (isInspection(f.purpose) && !f.approvalRef) flags.push('no_approval');
  if (overCap) flags.push('over_cap');
  if (f.late) flags.push('late');
  return { overCap, needsReason: overCap, flags, red: flags.some((x) => RED_FLAGS.includes(x)) };
}

export const windowStart = (now: Date, days: number) => new Date(now.getTime() - days * 86400_000).toISOString();

/** unrequested visits of an enterprise in the rolling window (joint visits are one visit) */
export async function unrequestedCount(ports: Ports, enterpriseId: string, now: Date, s: Pick<VisitSettings, 'windowDays'>): Promise<number> {
  return ports.store.collection<Visit>(C.visits).count({ enterpriseId, requested: false, checkinAt: { $gte: windowStart(now, s.windowDays) } });
}

/** flags after adding or removing some, with the derived markers */
export function withFlags(v: Pick<Visit, 'flags'>, add: VisitFlag[] = []): Pick<Visit, 'flags' | 'flagged' | 'conductFlagged' | 'red'> {
  const flags = [...new Set([...v.flags, ...add])];
  return {
    flags,
    flagged: flags.length > 0,
    conductFlagged: flags.some((x) => !FEEDBACK_FLAGS.includes(x)),
    red: flags.some((x) => RED_FLAGS.includes(x)),
  };
}
