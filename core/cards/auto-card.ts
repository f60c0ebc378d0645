/**
 * 按事项清单自动转办 (rule 'auto', core/contract/items.ts): a request filed with a responsibility-list
 * item that names a department of the district goes to that department by 督办卡 without waiting for
 * a dispatcher. The dispatchers of its center are told on the same event and may withdraw the card
 * (card.withdraw, back to 待调度) like any other.
 *
 * How it stays exactly once and crash-safe. CloudBase has no transaction over two collections, so
 * the intake's one write (core/intake/create-request.ts) carries the decision: the request is written
 * queued, with `autoCard` naming the department, and no officer's slot is claimed. What follows the
 * request (core/settle.ts followRequest, and the assign timer that retries every queued request,
 * core/assignment/assign.ts) issues the card from that mark:
 *   1. the card is added under one id per request (`card-<request>-auto`): a second run finds the
 *      card the first one wrote and uses it (DUPLICATE_ID for a run at the same instant, which drew
 *      the same card number: numbers are drawn once per card id, new-card.ts drawCardNo);
 *   2. the request moves to 督办中 with that card, the mark cleared, in one conditional update (its
 *      status still queued and its seq unchanged): of two runs, one moves it.
 * A run cut between 1 and 2 is finished by the next (the request is still queued and marked). A
 * request that a dispatcher took over in between (no longer queued) keeps the dispatcher's decision:
 * the card written for it, never linked, is marked withdrawn so no department acts on it, and the mark
 * went with the dispatcher's move (tryTransition drops it whenever a request leaves the queue). A card
 * found withdrawn under the request's id is never reused: the request then goes the usual way.
 */
import type { Ports } from '../ports';
import { StoreError } from '../ports';
import type { ServiceRequest, SupervisionCard } from '../model';
import { DEADLINE_CLASSES, DEFAULT_ITEM_ROUTING, ITEM_ROUTING_DOC, type DeadlineClass, type ItemRoutingMode } from '../contract/items';
import { C } from '../collections';
import { orgRepo } from '../repos/orgs';
import { cardRepo } from '../repos/cards';
import { requestRepo } from '../repos/requests';
import { SYSTEM, tryTransition } from '../request-record';
import { loadSla } from '../sla/policy';
import { beijingDate } from '../time';
import { departmentHandlers, supervisorsOf } from '../desk/scope';
import { newCard, supervisedClock } from './new-card';
import type { ItemEntry } from '../knowledge/items';

/** what the intake writes on the request: the department and the item that named it */
export type AutoCardMark = { deptId: string; deptName: string; itemId: string; itemName: string; deadlineClass: DeadlineClass };

/** the card's id for a request: one per request, so a retry finds it */
export const autoCardId = (requestId: string) => `card-${requestId}-auto`;

/**
 * The mark for a new request with this item, when the rule is 'auto' and the item names an active
 * department of the district; null otherwise (the request is assigned as usual). A complaint about
 * officials is never sent on by rule (the dispatcher decides, core/recusal.ts).
 */
export async function autoCardFor(ports: Ports, itemId: string | undefined, complaint: boolean): Promise<AutoCardMark | null> {
  if (!itemId || complaint) return null;
  const rule = await ports.store.collection<{ _id: string; value?: { mode?: ItemRoutingMode } }>(C.settings).get(ITEM_ROUTING_DOC);
  if ((rule?.value?.mode ?? DEFAULT_ITEM_ROUTING.mode) !== 'auto') return null;
  const item = await ports.store.collection<ItemEntry>(C.items).get(itemId);
  if (!item?.active || !item.departmentId) return null;
  const dept = await orgRepo(ports.store).get(item.departmentId);
  if (!dept || dept.kind !== 'department' || !dept.active) return null;
  return { deptId: dept._id, deptName: dept.name, itemId: item._id, itemName: item.name, deadlineClass: item.deadlineClass };
}

/** the timeline's words while the card is on its way (the intake's event) */
export const autoCardQueuedText = (m: AutoCardMark) => `按事项清单（${m.itemName}）转办${m.deptName}，正在下发督办卡`;

/**
 * Issues the card a marked request waits for. Returns the request as moved, or null when there was
 * nothing to do (not marked, not queued any more, or another run moved it first).
 */
export async function issueAutoCard(ports: Ports, req: ServiceRequest, now: Date, attempts = 3): Promise<ServiceRequest | null> {
  const mark = req.autoCard;
  if (!mark || req.status !== 'queued') return null;
  const cards = cardRepo(ports.store);
  const sla = await loadSla(ports);
  const days = mark.deadlineClass === 'complex' ? sla.policy.complexDays : sla.policy.generalDays;
  const deadline = beijingDate(sla.calendar.addWorkingDays(now, days).at);
  const dept = await orgRepo(ports.store).get(mark.deptId);
  let card: SupervisionCard | null = null;
  let why = `${mark.deptName}已撤销`;
  // the card an earlier run wrote (a run cut before the request moved): used while it is open, one
  // since withdrawn never sent again
  const earlier = await cards.get(autoCardId(req._id));
  if (earlier) {
    if (earlier.status === 'open' && dept?.active) card = earlier;
    else why = earlier.status === 'open' ? `${mark.deptName}已撤销` : '自动转办的督办卡已撤回';
    // written for a department closed since: withdrawn, so nobody acts on it
    if (earlier.status === 'open' && !dept?.active) {
      await cards.updateOpenAt(earlier, { status: 'withdrawn', withdrawal: { at: now.toISOString(), byId: 'system', byName: '按事项清单自动转办', reason: `${mark.deptName}已撤销，自动转办取消` } });
    }
  } else if (dept?.active) {
    const fresh = await newCard(ports, req, {
      id: autoCardId(req._id), depts: [dept], deadline,
      instructions: `按事项清单“${mark.itemName}”（${DEADLINE_CLASSES[mark.deadlineClass]}）自动转办，请按期办理并答复企业。`,
      by: { id: 'system', name: '按事项清单自动转办' }, recused: [],
    }, now, sla);
    card = await cards.add(fresh).then(() => fresh, async (e) => {
      if (!(e instanceof StoreError && e.code === 'DUPLICATE_ID')) throw e;
      // a run at the same instant wrote it first: used while it is open
      const found = await cards.get(fresh._id);
      if (found && found.status !== 'open') why = '自动转办的督办卡已撤回';
      return found?.status === 'open' ? found : null;
    });
  }
  if (!card) {
    // the department was closed since the intake, or the card withdrawn: the request goes the usual way
    const moved = await tryTransition(ports, req, { from: ['queued'], set: { autoCard: null }, event: { type: 'queued', text: `${why}，未能按事项清单转办，等待分派` }, actor: SYSTEM, now });
    return moved;
  }
  const clock = supervisedClock(req, card, now, sla);
  const [handlers, supervisors] = await Promise.all([departmentHandlers(ports, card.deptIds), supervisorsOf(ports, req)]);
  const moved = await tryTransition(ports, req, {
    from: ['queued'],
    set: { ...clock.set, autoCard: null },
    history: clock.history,
    event: {
      type: 'card_issued',
      text: `按事项清单自动转办至${mark.deptName}：下发督办卡 ${card.no}，期限 ${card.deadline}（事项：${mark.itemName}；调度员可撤回）`,
      // the department's handlers, and the dispatchers, who may withdraw it
      notify: [...handlers, ...supervisors],
    },
    actor: { id: null, name: '按事项清单自动转办' },
    now,
  });
  if (moved) return moved;
  const now2 = await requestRepo(ports.store).get(req._id);
  // only changed meanwhile (the enterprise's 催办 or 补充说明), still queued and marked: again, with this card
  if (now2 && now2.status === 'queued' && now2.autoCard && attempts > 1) return issueAutoCard(ports, now2, now, attempts - 1);
  // another run, or a dispatcher, moved the request first: a card it does not carry is withdrawn
  if (now2 && now2.cardId !== card._id && card.status === 'open' && !(now2.status === 'queued' && now2.autoCard)) {
    await cards.updateOpenAt(card, { status: 'withdrawn', withdrawal: { at: now.toISOString(), byId: 'system', byName: '按事项清单自动转办', reason: '诉求已由调度员处理，自动转办取消' } });
  }
  return null;
}
