/**
 * A new supervision card (督办卡) and the request's clock under it: what the dispatcher's card.issue
 * (./supervision-card.ts) and the responsibility list's automatic issue (./auto-card.ts) share. No
 * imports of the assignment: the assignment issues automatic cards.
 */
import { C } from '../collections';
import type { CardParty, Org, ServiceRequest, SupervisionCard } from '../model';
import type { Ports } from '../ports';
import { recompute, startIfNeeded } from '../sla/clock';
import type { loadSla } from '../sla/policy';
import { beijingDateKey } from '../time';
import { AppError } from '../errors';
import { StoreError } from '../ports';
import { encodeKey } from '../stats/counters';

/**
 * A new card (the dispatcher's, or the responsibility list's at intake, core/cards/auto-card.ts):
 * numbered for today, every department's part waiting to be accepted within cardAcceptDays. `id`
 * defaults to the one the request's next event names; the list's card has one id per request, so
 * a retry finds the card it wrote.
 */
export async function newCard(
  ports: Ports, req: ServiceRequest,
  o: { id?: string; depts: Org[]; deadline: string; instructions: string; by: { id: string; name: string }; recused: string[] },
  now: Date, sla: Awaited<ReturnType<typeof loadSla>>,
): Promise<SupervisionCard> {
  const today = beijingDateKey(now);
  const acceptDueAt = sla.calendar.addWorkingDays(now, sla.policy.cardAcceptDays).at.toISOString();
  const id = o.id ?? `card-${req._id}-${req.seq + 1}`;
  const n = await drawCardNo(ports, today, id);
  const deptIds = o.depts.map((d) => d._id);
  return {
    _id: id,
    no: `DB${today}${String(n).padStart(4, '0')}`,
    requestId: req._id,
    requestNo: req.no,
    enterpriseName: req.enterpriseName,
    category: req.category,
    description: req.description,
    deadline: o.deadline,
    instructions: o.instructions,
    status: 'open',
    issuedAt: now.toISOString(),
    issuedById: o.by.id,
    issuedByName: o.by.name,
    deptIds,
    parties: o.depts.map((d, i): CardParty => ({
      deptId: d._id, deptName: d.name, role: i === 0 ? 'lead' : 'co', status: 'issued', reply: null, reason: null, at: null, handlerId: null, handlerName: null,
      acceptDueAt, acceptedAt: null, urgeCount: 0, lastUrgedAt: null, closed: null,
    })),
    progress: [],
    deadlineChanges: [],
    withdrawal: null,
    recusedUserIds: o.recused,
    version: 1,
  };
}

/** the request under a card: its clock started, the card's deadline its deadline (end of that working day), no officer */
export function supervisedClock(req: ServiceRequest, card: SupervisionCard, now: Date, sla: Awaited<ReturnType<typeof loadSla>>) {
  const clock = startIfNeeded(req, now, sla, {});
  const started = { ...req, ...clock.set } as ServiceRequest;
  return recompute(started, now, sla, {
    ...clock.set, status: 'supervised', cardId: card._id, deptIds: card.deptIds, level: 'special', specialDueDate: card.deadline,
    assigneeId: null, assigneeName: null, assigneeRole: null, acceptDueAt: null, pausedAt: null, remainingAtPause: null,
  });
}

/** the day's card counter: its last number, and which card drew which (so a card id draws once) */
type CardCounter = { _id: string; seq?: number; drawn?: Record<string, number> };

/**
 * The day's next card number (督办卡编号 DB<day><nnnn>) for one card id, drawn once: two runs
 * issuing the same card at the same instant (the list's automatic card from a follow-up and the
 * assign timer; a dispatcher's double tap) get the same number, so the day's numbers have no gap
 * a reader could take for a card that was removed. One versioned write of the day's counter.
 */
export async function drawCardNo(ports: Ports, today: string, cardId: string): Promise<number> {
  const counters = ports.store.collection<CardCounter>(C.counters);
  const docId = `card-${today}`;
  // a card id as a field name, as the dashboard counters name their buckets (store paths allow [A-Za-z0-9_] only)
  const key = encodeKey(cardId);
  for (let attempt = 0; attempt < 20; attempt++) {
    const doc = await counters.get(docId);
    const had = doc?.drawn?.[key];
    if (had) return had;
    if (!doc) {
      try {
        await counters.add({ _id: docId, seq: 1, drawn: { [key]: 1 } });
        return 1;
      } catch (e) {
        if (e instanceof StoreError && e.code === 'DUPLICATE_ID') continue;
        throw e;
      }
    }
    const n = (doc.seq ?? 0) + 1;
    if (await counters.update(docId, { $set: { seq: n, [`drawn.${key}`]: n } }, { seq: doc.seq === undefined ? { $exists: false } : doc.seq })) return n;
  }
  throw new AppError('CONFLICT', '督办卡编号繁忙，请稍后重试');
}
