/**
 * One unit of work per action (issue 12): an action reads what it needs once and writes its change
 * once; counting, notifications and letting waiting requests in follow after the answer
 * (core/settle.ts). Store calls are counted at the port, as on CloudBase where each is a round trip:
 * a count above the budget fails here, whatever the machine's speed. The follow-ups, run after the
 * answer or left to the timers (CloudBase), reach the same end: every message, counters equal to a
 * full recount.
 */
import { C } from '../../core/collections';
import { createFunctions, type Envelope, functionOf } from '../../core/functions';
import type { OutboxEntry, ServiceRequest } from '../../core/model';
import { devOpenid } from '../../core/seed/demo-district';
import { verifyCounters } from '../../core/stats/recount';
import { makeHarness, submission, type Harness } from '../support/harness';
import { countingStore } from '../support/store-probes';

/** the budget: store calls per action, the caller's own lookup included */
const BUDGET = { submit: 8, accept: 4, progress: 4, resolve: 6, confirm: 6 } as const;

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
  await h.consentAll(20);
});
afterEach(() => h.cleanup());

/** the service function over a counting store; follow-ups are held until `runFollowUps()` (or dropped, as on CloudBase) */
function counted() {
  let on = false;
  const store = countingStore(h.store, () => on);
  const held: Array<() => Promise<void>> = [];
  const fns = createFunctions({ ...h.ports, store }, { followUps: (run) => { held.push(run); } });
  const act = async (who: string, event: Record<string, unknown>) => {
    const before = store.calls();
    on = true;
    const r: Envelope<any> = await fns[functionOf(event.action)](event, { openid: devOpenid(who) });
    on = false;
    if (!r.ok) throw new Error(`${String(event.action)}: ${r.code} ${r.message}`);
    return { data: r.data, calls: store.calls() - before };
  };
  const runFollowUps = async () => { while (held.length) await held.shift()!(); };
  return { fns, act, runFollowUps, held, store };
}

const outbox = () => h.store.collection<OutboxEntry>(C.outbox).find({}, { limit: 100 });

test('the loop costs at most 8 / 4 / 4 / 6 / 6 store calls, and the submit answer already names the officer', async () => {
  const { act, runFollowUps } = counted();
  // a fresh function instance first reads the reference data it caches for a few seconds (the SLA
  // rules, one read; the grid, one read): two calls more, once
  const cold = await act('u-linxiao', submission());
  expect(cold.calls).toBeLessThanOrEqual(BUDGET.submit + 2);
  await act(cold.data.request.assigneeId, { action: 'request.accept', id: cold.data.request._id });
  const submit = await act('u-linxiao', submission());
  expect(submit.data.created).toBe(true);
  // assignment is part of the submit's unit of work, not a follow-up
  expect(submit.data.request).toMatchObject({ status: 'assigned', assigneeId: 'u-wangfang', assigneeName: '王芳' });
  expect(submit.data.request.timeline.map((e: any) => e.type)).toEqual(['submitted', 'assigned']);
  const id = submit.data.request._id;
  const officer = submit.data.request.assigneeId;
  await runFollowUps();
  const steps = {
    accept: await act(officer, { action: 'request.accept', id }),
    progress: await act(officer, { action: 'request.progress', id, note: '已联系供电公司现场勘察' }),
    resolve: await act(officer, { action: 'request.resolve', id, result: '供电公司已完成增容' }),
    confirm: await act('u-linxiao', { action: 'request.confirm', id, score: 5, comment: '很及时' }),
  };
  const calls = { submit: submit.calls, ...Object.fromEntries(Object.entries(steps).map(([k, v]) => [k, v.calls])) };
  expect(Object.entries(calls).filter(([k, n]) => n > BUDGET[k as keyof typeof BUDGET])).toEqual([]);
  // each answer is the state the action wrote, read from no second copy
  expect(steps.accept.data.request.status).toBe('accepted');
  expect(steps.resolve.data.request.status).toBe('resolved');
  expect(steps.confirm.data.request).toMatchObject({ status: 'closed', score: 5 });
});

test('nothing but the change is written inside the action: messages and counting follow after the answer', async () => {
  const { act, runFollowUps, held } = counted();
  const { data } = await act('u-linxiao', submission());
  const stored = (await h.requests().get(data.request._id))!;
  // the marks that say what must follow are on the one document written
  expect(stored).toMatchObject({ status: 'assigned', needsNotify: true, statsPending: true, notifiedSeq: 0 });
  expect(await outbox()).toEqual([]);
  expect(held.length).toBe(1);
  await runFollowUps();
  const after = (await h.requests().get(data.request._id))!;
  expect(after).toMatchObject({ needsNotify: false, statsPending: false, notifiedSeq: 2 });
  // the enterprise hears of the submit and the assignment in one message (one tap, one message), the officer of the new work
  const sent = h.notifier.sent.map((m) => `${m.openid}:${m.template}`).sort();
  expect(sent).toEqual([`${devOpenid('u-linxiao')}:statusChanged`, `${devOpenid('u-zhangwei')}:newAssignment`].sort());
  expect((await verifyCounters(h.ports)).mismatches).toEqual([]);
});

test('follow-ups that never run (CloudBase freezes the instance) are done by the timers: same messages, counters equal a recount', async () => {
  const { act, held } = counted();
  const ids: string[] = [];
  for (let i = 0; i < 3; i++) ids.push((await act('u-linxiao', submission())).data.request._id);
  const officer = (await h.requests().get(ids[0]))!.assigneeId!;
  await act(officer, { action: 'request.accept', id: ids[0] });
  await act(officer, { action: 'request.resolve', id: ids[0], result: '已处理' });
  await act('u-linxiao', { action: 'request.confirm', id: ids[0], score: 4 });
  held.length = 0; // dropped
  expect(h.notifier.sent).toEqual([]);

  const run = await h.fns.notify({ Type: 'Timer' }, null);
  expect(run.ok).toBe(true);
  const requests = await h.requests().find({ _id: { $in: ids } }, { limit: 10 });
  expect(requests.filter((r: ServiceRequest) => r.needsNotify || r.statsPending)).toEqual([]);
  expect((await outbox()).filter((o) => o.status !== 'sent')).toEqual([]);
  // 3 submits x (submitted and assigned, one message to the enterprise; new work to the officer) + accepted + resolved to the enterprise + closed to the officer
  expect(h.notifier.sent.length).toBe(3 * 2 + 2 + 1);
  expect((await verifyCounters(h.ports)).mismatches).toEqual([]);
});

test('a slot freed by a resolve lets a waiting request of the grid in right after the answer', async () => {
  // the grid's officers are full: the next request waits in the queue
  await h.store.collection(C.users).update('u-zhangwei', { $set: { capacity: 1 } });
  await h.store.collection(C.users).update('u-wangfang', { $set: { capacity: 0 } });
  const { act, runFollowUps } = counted();
  const first = (await act('u-linxiao', submission())).data.request;
  await runFollowUps();
  const second = (await act('u-linxiao', submission())).data.request;
  await runFollowUps();
  expect(first.status).toBe('assigned');
  expect(second.status).toBe('queued');
  await act(first.assigneeId, { action: 'request.accept', id: first._id });
  const resolved = await act(first.assigneeId, { action: 'request.resolve', id: first._id, result: '已处理' });
  // the answer is the officer's change only; the waiting request moves after it
  expect((await h.requests().get(second._id))!.status).toBe('queued');
  expect(resolved.calls).toBeLessThanOrEqual(BUDGET.resolve);
  await runFollowUps();
  expect((await h.requests().get(second._id))).toMatchObject({ status: 'assigned', assigneeId: first.assigneeId });
});
