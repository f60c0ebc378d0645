/**
 * Deadlines on the real 2026 Beijing calendar, through the service function: when the clock
 * starts, what each level gets, pausing for the enterprise, 重办, National Day, and the colour a
 * request ends with.
 */
import { C } from '../collections';
import type { User } from '../model';
import { WorkCalendar } from './calendar';
import { makeHarness, submission, type Harness } from '../../tests/support/harness';

let h: Harness;
beforeEach(async () => { h = await makeHarness('2026-11-23T01:30:00Z'); /* Mon 09:30 Beijing */ });
afterEach(() => h.cleanup());

/** a Beijing wall-clock time as the stored UTC ISO string */
const bj = (local: string) => new Date(`${local}:00+08:00`).toISOString();
const calendar = new WorkCalendar();
const stored = async (id: string) => (await h.requests().get(id))!;

async function submitAssigned(who = 'u-linxiao') {
  const { request } = await h.ok(who, submission());
  expect(request.status).toBe('assigned');
  return request as { _id: string; assigneeId: string };
}

async function setOnDuty(ids: string[], onDuty: boolean) {
  for (const id of ids) await h.store.collection<User>(C.users).update(id, { $set: { onDuty } });
}

describe('the deadline each level gets', () => {
  test('general: due 5 working days after assignment, accept within 1 working day, green', async () => {
    const r = await submitAssigned();
    const view = await h.ok('u-sunli', { action: 'request.get', id: r._id });
    expect(view.request).toMatchObject({
      level: 'general',
      startedAt: bj('2026-11-23T09:30'),
      dueAt: bj('2026-11-30T09:30'), // the following Monday: the weekend does not count
      acceptDueAt: bj('2026-11-24T09:30'),
      yellowAt: bj('2026-11-27T09:30'), // one working day left
      colour: 'green',
      slaProvisional: false,
    });
    expect(view.request.slaHistory.map((e: any) => e.kind)).toEqual(['started']);
    expect((await stored(r._id)).nextCheckAt).toBe(bj('2026-11-24T09:30'));
  });

  test('complex (dispatcher verifies the level): 10 working days from the same start', async () => {
    const r = await submitAssigned();
    h.clock.advance(2 * 3600_000);
    const v = await h.ok('u-sunli', { action: 'desk.verify', id: r._id, level: 'complex', category: 'yongdi' });
    expect(v.request).toMatchObject({
      level: 'complex', category: 'yongdi', verified: true,
      startedAt: bj('2026-11-23T09:30'),
      dueAt: bj('2026-12-07T09:30'),
      yellowAt: bj('2026-12-04T09:30'),
      colour: 'green',
    });
    expect(v.request.slaHistory.map((e: any) => e.kind)).toEqual(['started', 'changed']);
  });

  test('special: the end (17:30) of the working day the dispatcher sets; a weekend date rolls to Monday', async () => {
    const r = await submitAssigned();
    const thu = await h.ok('u-sunli', { action: 'desk.verify', id: r._id, level: 'special', category: 'dianli', dueDate: '2026-11-26' });
    expect(thu.request).toMatchObject({ level: 'special', specialDueDate: '2026-11-26', dueAt: bj('2026-11-26T17:30'), yellowAt: bj('2026-11-25T17:30') });
    const sat = await h.ok('u-sunli', { action: 'desk.verify', id: r._id, level: 'special', category: 'dianli', dueDate: '2026-11-28' });
    expect(sat.request.dueAt).toBe(bj('2026-11-30T17:30'));
  });

  test('white while nobody has it; the clock starts at assignment, not at submission', async () => {
    await setOnDuty(['u-zhangwei', 'u-wangfang'], false);
    const { request } = await h.ok('u-linxiao', submission());
    expect(request).toMatchObject({ status: 'queued', colour: 'white', startedAt: null, dueAt: null });
    expect((await stored(request._id)).nextCheckAt).toBeNull();

    // Tue 14:00 an officer comes on duty and the assign timer picks it up
    h.clock.set(bj('2026-11-24T14:00'));
    await setOnDuty(['u-wangfang'], true);
    expect((await h.fns.assign({ Type: 'Timer' }, null)).ok).toBe(true);
    const after = await stored(request._id);
    expect(after).toMatchObject({
      status: 'assigned', assigneeId: 'u-wangfang', colour: 'green',
      startedAt: bj('2026-11-24T14:00'), dueAt: bj('2026-12-01T14:00'), acceptDueAt: bj('2026-11-25T14:00'),
    });
  });
});

test('pausing for the enterprise stops the clock; the deadline moves by exactly the paused working time', async () => {
  const r = await submitAssigned();
  const officer = r.assigneeId;
  await h.ok(officer, { action: 'request.accept', id: r._id });

  // Thu 14:00: 3.5 h left on Thursday, 7 h on Friday, 0.5 h on Monday = 11 working hours
  h.clock.set(bj('2026-11-26T14:00'));
  const paused = await h.ok(officer, { action: 'request.pause', id: r._id, reason: '请补充用电负荷清单' });
  expect(paused.request).toMatchObject({ status: 'paused', pausedAt: bj('2026-11-26T14:00'), colour: 'green' });
  const atPause = await stored(r._id);
  expect(atPause.remainingAtPause).toBe(11 * 60);
  expect(atPause.nextCheckAt).toBeNull();

  // three calendar days later (Sunday): past the yellow line in wall time, but frozen green
  h.clock.set(bj('2026-11-29T14:00'));
  expect(await h.fns.sweep({ Type: 'Timer' }, null)).toMatchObject({ ok: true, data: { examined: 0, colourChanges: 0 } });
  expect((await h.ok('u-sunli', { action: 'request.get', id: r._id })).request.colour).toBe('green');
  expect((await stored(r._id)).seq).toBe(atPause.seq);

  const resumed = await h.ok('u-linxiao', { action: 'request.supplement', id: r._id, note: '已上传用电负荷清单' });
  expect(resumed.request).toMatchObject({ status: 'accepted', pausedAt: null });
  // Sunday + 11 working hours = Monday 7 h + Tuesday 4 h → Tue 14:30
  expect(resumed.request.dueAt).toBe(bj('2026-12-01T14:30'));
  const pausedWork = calendar.workingMinutesBetween(new Date(bj('2026-11-26T14:00')), new Date(bj('2026-11-29T14:00'))).minutes;
  expect(pausedWork).toBe(630);
  expect(calendar.workingMinutesBetween(new Date(bj('2026-11-30T09:30')), new Date(resumed.request.dueAt)).minutes).toBe(pausedWork);
  expect(resumed.request.yellowAt).toBe(bj('2026-11-30T14:30'));
  expect(resumed.request.colour).toBe('green');

  const staffView = await h.ok('u-sunli', { action: 'request.get', id: r._id });
  expect(staffView.request.slaHistory.map((e: any) => [e.kind, e.at])).toEqual([
    ['started', bj('2026-11-23T09:30')],
    ['paused', bj('2026-11-26T14:00')],
    ['resumed', bj('2026-11-29T14:00')],
  ]);
  expect(staffView.request.slaHistory[2].dueAt).toBe(bj('2026-12-01T14:30'));
  // the enterprise is not shown the SLA bookkeeping
  expect((await h.ok('u-linxiao', { action: 'request.get', id: r._id })).request.slaHistory).toBeUndefined();
});

test('a level changed while paused carries into the deadline after the enterprise answers', async () => {
  const r = await submitAssigned();
  await h.ok(r.assigneeId, { action: 'request.accept', id: r._id });
  h.clock.set(bj('2026-11-24T09:30'));
  await h.ok(r.assigneeId, { action: 'request.pause', id: r._id, reason: '请补充用地红线图' });
  const v = await h.ok('u-sunli', { action: 'desk.verify', id: r._id, level: 'complex', category: 'yongdi' });
  expect(v.request).toMatchObject({ status: 'paused', dueAt: bj('2026-12-07T09:30') });
  expect((await stored(r._id)).remainingAtPause).toBe(9 * 420);
  h.clock.set(bj('2026-11-25T09:30'));
  const resumed = await h.ok('u-linxiao', { action: 'request.supplement', id: r._id, note: '已上传红线图' });
  // one working day paused: the complex deadline moves by one working day
  expect(resumed.request.dueAt).toBe(bj('2026-12-08T09:30'));
});

test('reopening after resolve starts clock no. 2 from the reopen time and counts 重办', async () => {
  const r = await submitAssigned();
  const officer = r.assigneeId;
  await h.ok(officer, { action: 'request.accept', id: r._id });
  h.clock.set(bj('2026-11-25T10:00'));
  const resolved = await h.ok(officer, { action: 'request.resolve', id: r._id, result: '已协调供电公司' });
  expect(resolved.request).toMatchObject({ closedOnTime: true, colour: 'green', clockNo: 1 });

  // the enterprise sends it back after the first deadline has long passed
  h.clock.set(bj('2026-12-07T15:00'));
  const reopened = await h.ok('u-linxiao', { action: 'request.reopen', id: r._id, reason: '仍未通电' });
  expect(reopened.request).toMatchObject({
    status: 'assigned', assigneeId: officer, clockNo: 2, reopenCount: 1, closedOnTime: null, colour: 'green',
    startedAt: bj('2026-12-07T15:00'), dueAt: bj('2026-12-14T15:00'), acceptDueAt: bj('2026-12-08T15:00'),
  });
  const s = await stored(r._id);
  expect(s.slaHistory.map((e) => e.kind)).toEqual(['started', 'met', 'restarted']);
  expect(s.nextCheckAt).toBe(bj('2026-12-08T15:00'));

  // the second round is judged against the second deadline
  await h.ok(officer, { action: 'request.accept', id: r._id });
  h.clock.set(bj('2026-12-14T15:01'));
  const late = await h.ok(officer, { action: 'request.resolve', id: r._id, result: '已通电' });
  expect(late.request).toMatchObject({ closedOnTime: false, colour: 'red', reopenCount: 1, clockNo: 2 });
});

test('around National Day 2026 the holiday and the 调休 Saturday are handled', async () => {
  // Wed 30 Sep 10:00; 1-7 Oct off; Thu 8, Fri 9, Sat 10 (调休, a working day), Mon 12, Tue 13
  h.clock.set(bj('2026-09-30T10:00'));
  const r = await submitAssigned();
  const s = await stored(r._id);
  expect(s).toMatchObject({
    startedAt: bj('2026-09-30T10:00'),
    dueAt: bj('2026-10-13T10:00'),
    acceptDueAt: bj('2026-10-08T10:00'),
    yellowAt: bj('2026-10-12T10:00'),
    slaProvisional: false,
  });
});

describe('the colour a request ends with', () => {
  test('resolved before its deadline: on time and green, still green once closed', async () => {
    const r = await submitAssigned();
    await h.ok(r.assigneeId, { action: 'request.accept', id: r._id });
    h.clock.set(bj('2026-11-27T16:00')); // yellow by then
    await h.fns.sweep({ Type: 'Timer' }, null);
    expect((await stored(r._id)).colour).toBe('yellow');
    const resolved = await h.ok(r.assigneeId, { action: 'request.resolve', id: r._id, result: '已解决' });
    expect(resolved.request).toMatchObject({ status: 'resolved', closedOnTime: true, colour: 'green' });
    const s = await stored(r._id);
    expect(s.nextCheckAt).toBeNull();
    expect(s.slaHistory.at(-1)!.kind).toBe('met');

    h.clock.set(bj('2026-12-03T10:00'));
    const closed = await h.ok('u-linxiao', { action: 'request.confirm', id: r._id, score: 5 });
    expect(closed.request).toMatchObject({ status: 'closed', closedOnTime: true, colour: 'green' });
  });

  test('resolved exactly at the deadline still counts as on time', async () => {
    const r = await submitAssigned();
    await h.ok(r.assigneeId, { action: 'request.accept', id: r._id });
    h.clock.set(bj('2026-11-30T09:30'));
    const resolved = await h.ok(r.assigneeId, { action: 'request.resolve', id: r._id, result: '已解决' });
    expect(resolved.request).toMatchObject({ closedOnTime: true, colour: 'green' });
  });

  test('resolved after its deadline: late and red, and it stays red once closed', async () => {
    const r = await submitAssigned();
    await h.ok(r.assigneeId, { action: 'request.accept', id: r._id });
    h.clock.set(bj('2026-11-30T10:00'));
    const resolved = await h.ok(r.assigneeId, { action: 'request.resolve', id: r._id, result: '已解决' });
    expect(resolved.request).toMatchObject({ status: 'resolved', closedOnTime: false, colour: 'red' });
    expect((await stored(r._id)).slaHistory.at(-1)!.kind).toBe('missed');
    const closed = await h.ok('u-linxiao', { action: 'request.confirm', id: r._id, score: 3 });
    expect(closed.request).toMatchObject({ status: 'closed', closedOnTime: false, colour: 'red' });
  });
});
