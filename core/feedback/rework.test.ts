/**
 * History that stays true: a reopen (重办) starts a rework clock but keeps the first deadline and
 * its colour; a request answered late the first time stays red and in the ledger's 超期 filter;
 * after the rules' number of reworks the next reopen goes to the dispatcher, not the same officer.
 */
import { C } from '../collections';
import type { ServiceRequest, User } from '../model';
import { makeHarness, submission, type Harness } from '../../tests/support/harness';

let h: Harness;
beforeEach(async () => { h = await makeHarness('2026-11-23T01:30:00Z'); /* Mon 09:30 Beijing */ });
afterEach(() => h.cleanup());

const bj = (local: string) => new Date(`${local}:00+08:00`).toISOString();
const stored = async (id: string) => (await h.requests().get(id))!;
const openCount = async (id: string) => (await h.store.collection<User>(C.users).get(id))!.openCount ?? 0;
const redIds = async () => (await h.ok('u-sunli', { action: 'ledger.list', colour: 'red', pageSize: 100 })).items.map((r: any) => r._id);

async function submitAccepted() {
  const { request } = await h.ok('u-linxiao', submission());
  await h.ok(request.assigneeId, { action: 'request.accept', id: request._id });
  return request as { _id: string; assigneeId: string };
}

test('overdue, urged, answered late, reopened: still red and in the 超期 filter, the first deadline kept', async () => {
  const r = await submitAccepted();
  expect(await stored(r._id)).toMatchObject({ dueAt: bj('2026-11-30T09:30'), firstDueAt: bj('2026-11-30T09:30') });
  expect((await stored(r._id)).firstLate ?? null).toBeNull();

  // three working days overdue, urged by the sweep
  h.clock.set(bj('2026-12-03T10:00'));
  await h.fns.sweep({ Type: 'Timer' }, null);
  expect(await stored(r._id)).toMatchObject({ colour: 'red', urgeCount: 1 });
  const resolved = await h.ok(r.assigneeId, { action: 'request.resolve', id: r._id, result: '已协调供电公司' });
  expect(resolved.request).toMatchObject({ closedOnTime: false, colour: 'red', firstLate: true, firstResolvedAt: bj('2026-12-03T10:00') });

  h.clock.set(bj('2026-12-04T10:00'));
  const reopened = await h.ok('u-linxiao', { action: 'request.reopen', id: r._id, reason: '仍未通电' });
  expect(reopened.request).toMatchObject({
    status: 'assigned', assigneeId: r.assigneeId, reopenCount: 1, clockNo: 2, colour: 'red',
    // the rework clock runs from the reopen
    startedAt: bj('2026-12-04T10:00'), dueAt: bj('2026-12-11T10:00'),
    // the first deadline and its outcome stay
    firstDueAt: bj('2026-11-30T09:30'), firstLate: true, firstResolvedAt: bj('2026-12-03T10:00'),
  });
  expect(await redIds()).toContain(r._id);
  const s = await stored(r._id);
  expect(s.slaHistory.map((e) => e.kind)).toEqual(['started', 'missed', 'restarted']);
  expect(s.slaHistory.at(-1)!.text).toContain('重办期限');
  expect(s.slaHistory.at(-1)!.text).toContain('首次答复已超期');
  expect(s.timeline.find((e) => e.type === 'reopened')!.text).toContain('第1次重办');

  // the rework clock is not overdue: the sweep does not urge it, and it stays red
  await h.ok(r.assigneeId, { action: 'request.accept', id: r._id });
  h.clock.set(bj('2026-12-10T11:00'));
  await h.fns.sweep({ Type: 'Timer' }, null);
  expect(await stored(r._id)).toMatchObject({ colour: 'red', urgeCount: 1 });

  // answered within the rework deadline: on time this round, still red for the record
  const again = await h.ok(r.assigneeId, { action: 'request.resolve', id: r._id, result: '已通电' });
  expect(again.request).toMatchObject({ closedOnTime: true, colour: 'red', firstLate: true, firstDueAt: bj('2026-11-30T09:30') });
  const closed = await h.ok('u-linxiao', { action: 'request.confirm', id: r._id, score: 4 });
  expect(closed.request).toMatchObject({ status: 'closed', colour: 'red' });
  expect(await redIds()).toContain(r._id);
});

test('an on-time first answer then a reopen: a green rework clock, the first answer on time', async () => {
  const r = await submitAccepted();
  h.clock.set(bj('2026-11-25T10:00'));
  await h.ok(r.assigneeId, { action: 'request.resolve', id: r._id, result: '已协调' });
  h.clock.set(bj('2026-12-07T15:00')); // long after the first deadline
  const reopened = await h.ok('u-linxiao', { action: 'request.reopen', id: r._id, reason: '仍未解决' });
  expect(reopened.request).toMatchObject({
    colour: 'green', dueAt: bj('2026-12-14T15:00'), firstDueAt: bj('2026-11-30T09:30'), firstLate: false, firstResolvedAt: bj('2026-11-25T10:00'),
  });
  expect(await redIds()).not.toContain(r._id);
  // the rework clock itself can go red
  await h.ok(r.assigneeId, { action: 'request.accept', id: r._id });
  h.clock.set(bj('2026-12-14T16:00'));
  await h.fns.sweep({ Type: 'Timer' }, null);
  expect(await stored(r._id)).toMatchObject({ colour: 'red', urgeCount: 1, firstLate: false });
});

test('a document from before the first-answer fields: its history tells the first answer was late', async () => {
  const r = await submitAccepted();
  h.clock.set(bj('2026-12-01T10:00'));
  await h.ok(r.assigneeId, { action: 'request.resolve', id: r._id, result: '已协调' });
  // as stored by the previous version: no firstDueAt / firstResolvedAt / firstLate
  await h.requests().update(r._id, { $unset: ['firstDueAt', 'firstResolvedAt', 'firstLate'] });
  const reopened = await h.ok('u-linxiao', { action: 'request.reopen', id: r._id, reason: '仍未解决' });
  expect(reopened.request).toMatchObject({ colour: 'red', firstLate: true, firstDueAt: bj('2026-11-30T09:30'), firstResolvedAt: bj('2026-12-01T10:00') });
});

test('after two reworks the third reopen goes to the dispatcher and frees the officer', async () => {
  const r = await submitAccepted();
  const officer = r.assigneeId;
  expect(await openCount(officer)).toBe(1);
  for (let round = 1; round <= 2; round++) {
    h.clock.advance(3600_000);
    await h.ok(officer, { action: 'request.resolve', id: r._id, result: `第${round}次答复` });
    expect(await openCount(officer)).toBe(0);
    const back = await h.ok('u-linxiao', { action: 'request.reopen', id: r._id, reason: '仍未解决' });
    expect(back.request).toMatchObject({ status: 'assigned', assigneeId: officer, reopenCount: round });
    expect(await openCount(officer)).toBe(1);
    await h.ok(officer, { action: 'request.accept', id: r._id });
  }
  h.clock.advance(3600_000);
  await h.ok(officer, { action: 'request.resolve', id: r._id, result: '第3次答复' });
  const third = await h.ok('u-linxiao', { action: 'request.reopen', id: r._id, reason: '还是没有解决' });
  expect(third.request).toMatchObject({ status: 'dispatch', assigneeId: null, assigneeName: null, acceptDueAt: null, reopenCount: 3, clockNo: 4 });
  expect(third.request.dueAt).toBeTruthy();
  expect(await openCount(officer)).toBe(0);
  const s = await stored(r._id);
  const ev = s.timeline.filter((e) => e.type === 'reopened').at(-1)!;
  expect(ev.text).toContain('重办次数上限（2次）');
  expect(ev.text).toContain('转调度员');
  // the dispatcher is told, and can reassign it
  expect(ev.notify).toContain('u-sunli');
  const view = await h.ok('u-sunli', { action: 'request.get', id: r._id });
  expect(view.request.status).toBe('dispatch');
  // the officer no longer sees it as theirs
  expect(await h.call(officer, { action: 'request.resolve', id: r._id, result: '再次答复' })).toMatchObject({ ok: false });
});

test('with maxReworks 0 in the rules the first reopen already goes to the dispatcher', async () => {
  const got = await h.ok('u-admin', { action: 'admin.rules.get' });
  expect(got.rules.sla).toMatchObject({ maxReworks: 2, handBackDays: 1, cardAcceptDays: 1 });
  await h.ok('u-admin', { action: 'admin.rules.save', version: got.version, rules: { ...got.rules, sla: { ...got.rules.sla, maxReworks: 0 } } });
  const r = await submitAccepted();
  await h.ok(r.assigneeId, { action: 'request.resolve', id: r._id, result: '已答复' });
  const back = await h.ok('u-linxiao', { action: 'request.reopen', id: r._id, reason: '仍未解决' });
  expect(back.request).toMatchObject({ status: 'dispatch', assigneeId: null, reopenCount: 1 });
  expect((await stored(r._id) as ServiceRequest).timeline.at(-1)!.text).toContain('按规则重办不退回原承办人');
  expect(await openCount(r.assigneeId)).toBe(0);
});

test('a rejected request records no first answer and is not late', async () => {
  const { request } = await h.ok('u-linxiao', submission());
  h.clock.set(bj('2026-12-02T10:00')); // past its deadline
  const rej = await h.ok('u-sunli', { action: 'desk.reject', id: request._id, kind: 'invalid', reason: '未描述具体问题' });
  expect(rej.request).toMatchObject({ status: 'rejected', colour: 'white', closedOnTime: null });
  const s = await stored(request._id);
  expect(s.firstResolvedAt ?? null).toBeNull();
  expect(s.firstLate ?? null).toBeNull();
  expect(s.slaHistory.map((e) => e.kind)).not.toContain('missed');
});
