/**
 * 按事项清单自动转办 (rule 'auto', ./auto-card.ts): a request filed with an item whose department is one
 * of the district's goes to it by 督办卡 at intake, the dispatchers told and able to withdraw it;
 * exactly one card however often the intake or the timer runs, and a run cut half-way is finished.
 */
import { C } from '../collections';
import type { ServiceRequest, SupervisionCard } from '../model';
import { assignWaiting } from '../assignment/assign';
import { makeHarness, submission, type Harness } from '../../tests/support/harness';
import { autoCardId, issueAutoCard } from './auto-card';
import { drawCardNo } from './new-card';
import { beijingDateKey } from '../time';

let h: Harness;
beforeEach(async () => { h = await makeHarness(); });
afterEach(() => h.cleanup());

const ADMIN = 'u-admin';
const ENT = 'u-linxiao';
const DISPATCHER = 'u-sunli';
/** 不动产首次登记: owned by 区自然资源局 (dep-zrzy), whose handler is 钱军 */
const ITEM = { itemId: 'ri-029', category: 'caichan', description: '新盖的二号厂房办不动产首次登记，材料交了一个月没有动静' };

async function setMode(mode: string) {
  const { version, rules } = await h.ok(ADMIN, { action: 'admin.rules.get' });
  await h.ok(ADMIN, { action: 'admin.rules.save', version, rules: { ...rules, itemRouting: { mode } } });
}
const cardsOf = (requestId: string) => h.ports.store.collection<SupervisionCard>(C.cards).find({ requestId }, { limit: 10 });

test("rule 'auto': the item's department gets the card at intake, the dispatcher is told, a retried submit or the timer issues no second card", async () => {
  await setMode('auto');
  const key = 'auto-card-retry-1';
  const { request } = await h.ok(ENT, submission({ ...ITEM, clientKey: key }));
  const req = (await h.requests().get(request._id))!;
  expect(req).toMatchObject({ status: 'supervised', cardId: autoCardId(req._id), deptIds: ['dep-zrzy'], assigneeId: null, autoCard: null });
  const issued = req.timeline.find((e) => e.type === 'card_issued')!;
  expect(issued.text).toMatch(/^按事项清单自动转办至区自然资源局：下发督办卡 DB\d{12}，期限 \d{4}-\d{2}-\d{2}/);
  // told: the department's handler and the dispatcher of its center, who may withdraw it
  expect(issued.notify).toEqual(expect.arrayContaining(['u-qianjun', DISPATCHER]));
  const [card] = await cardsOf(req._id);
  expect(card).toMatchObject({ _id: autoCardId(req._id), status: 'open', issuedByName: '按事项清单自动转办', parties: [{ deptId: 'dep-zrzy', role: 'lead', status: 'issued' }] });
  expect((await h.ok('u-qianjun', { action: 'card.list' })).items.map((c: { _id?: string; id?: string }) => c._id ?? c.id)).toContain(card._id);

  // the same submit again (a retry), and the timer over the queue: still one card, one event
  expect((await h.ok(ENT, submission({ ...ITEM, clientKey: key }))).created).toBe(false);
  await assignWaiting(h.ports, h.clock.now());
  expect(await issueAutoCard(h.ports, (await h.requests().get(req._id))!, h.clock.now())).toBeNull();
  expect(await cardsOf(req._id)).toHaveLength(1);
  expect((await h.requests().get(req._id))!.timeline.filter((e) => e.type === 'card_issued')).toHaveLength(1);

  // the dispatcher withdraws it: back to 待调度
  await h.ok(DISPATCHER, { action: 'card.withdraw', cardId: card._id, reason: '需先核实是否属于首次登记' });
  expect((await h.requests().get(req._id))!.status).toBe('dispatch');
});

test('a run cut after the card was written and before the request moved is finished by the timer, with that same card', async () => {
  await setMode('auto');
  const { request } = await h.ok(ENT, submission(ITEM));
  // rewind to the cut: the request still queued and marked, the card already written
  const done = (await h.requests().get(request._id))!;
  const mark = { deptId: 'dep-zrzy', deptName: '区自然资源局', itemId: 'ri-029', itemName: 'x', deadlineClass: 'normal' as const };
  await h.requests().update(done._id, { $set: { status: 'queued', cardId: null, autoCard: mark, assigneeId: null } });
  const before = (await cardsOf(done._id))[0];
  await assignWaiting(h.ports, h.clock.now());
  const after = (await h.requests().get(done._id))!;
  expect(after).toMatchObject({ status: 'supervised', cardId: before._id, autoCard: null });
  const cards = await cardsOf(done._id);
  expect(cards.map((c) => [c._id, c.no])).toEqual([[before._id, before.no]]);
  // no card number drawn for the retry: the next card of the day follows this one without a gap
  const counter = await h.ports.store.collection<{ _id: string; seq: number }>(C.counters).get(`card-${before.no.slice(2, 10)}`);
  expect(counter?.seq).toBe(Number(before.no.slice(10)));
});

test('two runs at the same instant (the follow-up and the timer) issue one card and draw one card number: the day has no gap', async () => {
  // filed under rule 'suggest' (assigned, no card drawn), then marked as the intake marks it under 'auto'
  const { request } = await h.ok(ENT, submission(ITEM));
  const mark = { deptId: 'dep-zrzy', deptName: '区自然资源局', itemId: 'ri-029', itemName: '不动产首次登记', deadlineClass: 'normal' as const };
  await h.requests().update(request._id, { $set: { status: 'queued', autoCard: mark, assigneeId: null } });
  const queued = (await h.requests().get(request._id))!;
  const day = `card-${beijingDateKey(h.clock.now())}`;
  const counters = h.ports.store.collection<{ _id: string; seq?: number }>(C.counters);
  const before = (await counters.get(day))?.seq ?? 0;
  const runs = await Promise.all([issueAutoCard(h.ports, queued, h.clock.now()), issueAutoCard(h.ports, queued, h.clock.now())]);
  expect(runs.filter(Boolean)).toHaveLength(1);
  const cards = await cardsOf(request._id);
  expect(cards).toHaveLength(1);
  expect(Number(cards[0].no.slice(10))).toBe(before + 1);
  expect((await counters.get(day))?.seq).toBe(before + 1);
  expect((await h.requests().get(request._id))!).toMatchObject({ status: 'supervised', cardId: cards[0]._id });
  // the next card of the day follows it
  expect(await drawCardNo(h.ports, day.slice(5), 'card-next')).toBe(before + 2);
  expect(await drawCardNo(h.ports, day.slice(5), 'card-next')).toBe(before + 2);
});

test('a dispatcher who took the request first keeps it: the card written for it is withdrawn', async () => {
  await setMode('auto');
  const { request } = await h.ok(ENT, submission(ITEM));
  const done = (await h.requests().get(request._id))!;
  // as if the intake's run wrote the card and stopped, and then the request was moved by a dispatcher
  const mark = { deptId: 'dep-zrzy', deptName: '区自然资源局', itemId: 'ri-029', itemName: 'x', deadlineClass: 'normal' as const };
  await h.requests().update(done._id, { $set: { status: 'queued', cardId: null, autoCard: mark } });
  const stale = (await h.requests().get(done._id)) as ServiceRequest;
  await h.requests().update(done._id, { $set: { status: 'dispatch', autoCard: null }, $inc: { seq: 1 } });
  expect(await issueAutoCard(h.ports, stale, h.clock.now())).toBeNull();
  expect((await h.requests().get(done._id))!.status).toBe('dispatch');
  expect((await cardsOf(done._id))[0]).toMatchObject({ status: 'withdrawn', withdrawal: { reason: '诉求已由调度员处理，自动转办取消' } });
});

test("rule 'suggest' (the default) and items without a district department: assigned as before, no card", async () => {
  const suggested = await h.ok(ENT, submission(ITEM));
  expect((await h.requests().get(suggested.request._id))!).toMatchObject({ status: 'assigned' });
  await setMode('auto');
  // 国网云溪供电中心 is not a department of the district
  const utility = await h.ok(ENT, submission({ itemId: 'ri-018', description: '新建二号车间变压器容量不够，需增容至800千伏安' }));
  const r = (await h.requests().get(utility.request._id))!;
  expect(r.status === 'assigned' || r.status === 'queued').toBe(true);
  expect(r.cardId ?? null).toBeNull();
  expect(await cardsOf(r._id)).toEqual([]);
  // the rules page's third option is saved and read back
  expect((await h.ok(ADMIN, { action: 'admin.rules.get' })).rules.itemRouting).toEqual({ mode: 'auto' });
});

test('a dispatcher who moves a marked request drops the mark; back in the queue later, it is assigned as usual, not sent by the rule', async () => {
  await setMode('auto');
  const { request } = await h.ok(ENT, submission(ITEM));
  const done = (await h.requests().get(request._id))!;
  // rewind to before the card: queued and marked (the intake's follow-up has not run yet)
  const mark = { deptId: 'dep-zrzy', deptName: '区自然资源局', itemId: 'ri-029', itemName: 'x', deadlineClass: 'normal' as const };
  await h.ports.store.collection(C.cards).remove(autoCardId(done._id));
  await h.requests().update(done._id, { $set: { status: 'queued', cardId: null, autoCard: mark, deptIds: [] } });
  // the dispatcher gives it to an officer by hand: the rule's mark goes with that decision
  await h.ok(DISPATCHER, { action: 'desk.reassign', id: done._id, assigneeId: 'u-zhangwei', note: '先由网格员上门核实' });
  const taken = (await h.requests().get(done._id))!;
  expect(taken).toMatchObject({ status: 'assigned', assigneeId: 'u-zhangwei', autoCard: null });
  // even a late run of the intake's follow-up, on the copy it read, sends nothing that stays open
  await issueAutoCard(h.ports, { ...taken, status: 'queued', autoCard: mark } as ServiceRequest, h.clock.now());
  expect((await h.requests().get(done._id))!).toMatchObject({ status: 'assigned', assigneeId: 'u-zhangwei' });
  expect((await cardsOf(done._id)).filter((c) => c.status === 'open')).toHaveLength(0);
});

test('a card found withdrawn under the request\'s id is never reused: the request is assigned the usual way', async () => {
  await setMode('auto');
  const { request } = await h.ok(ENT, submission(ITEM));
  const done = (await h.requests().get(request._id))!;
  const [card] = await cardsOf(done._id);
  // as the reviewer found it: the card withdrawn, the request back in the queue still marked
  const mark = { deptId: 'dep-zrzy', deptName: '区自然资源局', itemId: 'ri-029', itemName: 'x', deadlineClass: 'normal' as const };
  await h.ports.store.collection(C.cards).update(card._id, { $set: { status: 'withdrawn' } });
  await h.requests().update(done._id, { $set: { status: 'queued', cardId: null, autoCard: mark, deptIds: [], assigneeId: null } });
  await assignWaiting(h.ports, h.clock.now());
  const after = (await h.requests().get(done._id))!;
  expect(after.status).toBe('assigned');
  expect(after.cardId).toBeNull();
  expect(after.autoCard).toBeNull();
  expect(after.timeline.some((e) => e.text === '自动转办的督办卡已撤回，未能按事项清单转办，等待分派')).toBe(true);
  expect((await h.ports.store.collection<SupervisionCard>(C.cards).get(card._id))!.status).toBe('withdrawn');
});

test("a change that leaves the request queued and marked (the enterprise's 催办) while its card is issued: issued again with that card, not withdrawn", async () => {
  await setMode('auto');
  const { request } = await h.ok(ENT, submission(ITEM));
  const done = (await h.requests().get(request._id))!;
  const mark = { deptId: 'dep-zrzy', deptName: '区自然资源局', itemId: 'ri-029', itemName: 'x', deadlineClass: 'normal' as const };
  // back to the queue, marked, and its card not yet written: the run reads it…
  await h.ports.store.collection(C.cards).remove(done.cardId!);
  await h.requests().update(done._id, { $set: { status: 'queued', cardId: null, autoCard: mark, assigneeId: null } });
  const read = (await h.requests().get(done._id))!;
  // …and the enterprise urges it meanwhile: a new version, still queued and marked
  await h.requests().update(done._id, { $inc: { seq: 1 } });
  const moved = await issueAutoCard(h.ports, read, h.clock.now());
  expect(moved).toMatchObject({ status: 'supervised', cardId: autoCardId(done._id), autoCard: null });
  const cards = await cardsOf(done._id);
  expect(cards.map((c) => c.status)).toEqual(['open']);
  expect((await h.requests().get(done._id))!.status).toBe('supervised');
});
