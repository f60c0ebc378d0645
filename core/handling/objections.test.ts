/**
 * Officers object in time (issue 11, item 4), through the service function on the real 2026
 * Beijing calendar: a wrong assignment handed back (退回/申请改派) within policy.handBackDays working
 * days goes to the dispatcher and is counted; an extension (延期申请) the dispatcher approves moves
 * the deadline (and the first deadline while never answered) and stays on the record; a refused one
 * leaves the deadline alone.
 */
import { C } from '../collections';
import type { Message } from '../model';
import { freshEach, submission } from '../../tests/support/harness';

const w = freshEach();
const { bj, stored, user } = w;

const DISPATCHER = 'u-sunli';

async function submitAssigned() {
  const { request } = await w.h.ok('u-linxiao', submission());
  expect(request.status).toBe('assigned');
  return request as { _id: string; assigneeId: string };
}

async function accepted() {
  const r = await submitAssigned();
  await w.h.ok(r.assigneeId, { action: 'request.accept', id: r._id });
  return r;
}

const otherOfficer = (id: string) => (id === 'u-zhangwei' ? 'u-wangfang' : 'u-zhangwei');

describe('hand-back (退回/申请改派)', () => {
  test('within 1 working day: to the dispatcher (待调度), slot freed, counted on the request and the officer, supervisors told', async () => {
    const r = await accepted();
    const officer = r.assigneeId;
    const before = await user(officer);
    const view = await w.h.ok(officer, { action: 'request.get', id: r._id });
    expect(view.can).toMatchObject({ handBack: true, handBackUntil: bj('2026-11-24T09:30') });

    // Tue 09:30: exactly one working day after the assignment, still in time
    w.h.clock.set(bj('2026-11-24T09:30'));
    const out = await w.h.ok(officer, { action: 'request.handBack', id: r._id, reason: '该企业不在本网格，应由西湖社区办理' });
    expect(out.request).toMatchObject({ status: 'dispatch', assigneeId: null, assigneeName: null, handBackCount: 1, acceptDueAt: null });
    // the clock keeps running on the same deadline
    expect(out.request).toMatchObject({ startedAt: bj('2026-11-23T09:30'), dueAt: bj('2026-11-30T09:30'), colour: 'green' });

    const after = await user(officer);
    expect(after.openCount).toBe((before.openCount ?? 0) - 1);
    expect(after.handBackCount).toBe((before.handBackCount ?? 0) + 1);

    const doc = await stored(r._id);
    const ev = doc.timeline[doc.timeline.length - 1];
    expect(ev).toMatchObject({ type: 'handed_back', actorId: officer });
    expect(ev.text).toContain('该企业不在本网格');
    expect(ev.notify).toContain(DISPATCHER);
    const msgs = await w.h.store.collection<Message>(C.messages).find({ userId: DISPATCHER, requestId: r._id });
    expect(msgs.map((m) => m.title)).toContain('诉求被退回调度');

    // the officer no longer holds it: it reads like a missing request, and nothing auto-assigns it back
    expect((await w.h.call(officer, { action: 'request.get', id: r._id })).ok).toBe(false);
    expect((await w.h.fns.assign({ Type: 'Timer' }, null)).ok).toBe(true);
    expect((await stored(r._id)).status).toBe('dispatch');

    // the dispatcher assigns it again; a second hand-back (by someone else) counts again
    await w.h.ok(DISPATCHER, { action: 'desk.reassign', id: r._id, assigneeId: otherOfficer(officer) });
    await w.h.ok(otherOfficer(officer), { action: 'request.handBack', id: r._id, reason: '同样不属于本网格' });
    expect((await stored(r._id)).handBackCount).toBe(2);
    // given back to the first officer after the dispatcher checked it: no second hand-back by them
    await w.h.ok(DISPATCHER, { action: 'desk.reassign', id: r._id, assigneeId: officer, note: '经核实属本网格' });
    expect((await w.h.ok(officer, { action: 'request.get', id: r._id })).can.handBack).toBe(false);
    expect(await w.h.call(officer, { action: 'request.handBack', id: r._id, reason: '不属于本网格' })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
  });

  test('after the window: refused with the rule in the message, nothing changes', async () => {
    const r = await submitAssigned();
    w.h.clock.set(bj('2026-11-24T09:31'));
    const seq = (await stored(r._id)).seq;
    expect((await w.h.ok(r.assigneeId, { action: 'request.get', id: r._id })).can.handBack).toBe(false);
    const res = await w.h.call(r.assigneeId, { action: 'request.handBack', id: r._id, reason: '不属于本网格' });
    expect(res).toMatchObject({ ok: false, code: 'INVALID_STATE', message: '已超过退回时限（分派后1个工作日内），请联系调度员改派' });
    expect(await stored(r._id)).toMatchObject({ status: 'assigned', assigneeId: r.assigneeId, seq });
    expect((await user(r.assigneeId)).handBackCount ?? 0).toBe(0);
  });

  test('the window counts working days: assigned on Friday, handed back on Monday morning', async () => {
    w.h.clock.set(bj('2026-11-27T16:00'));
    const r = await submitAssigned();
    w.h.clock.set(bj('2026-11-30T10:00'));
    expect((await w.h.ok(r.assigneeId, { action: 'request.handBack', id: r._id, reason: '不属于本网格' })).request.status).toBe('dispatch');
  });

  test('someone else cannot hand it back: another officer gets NOT_FOUND, the dispatcher FORBIDDEN; a paused one cannot', async () => {
    const r = await accepted();
    const other = await w.h.call(otherOfficer(r.assigneeId), { action: 'request.handBack', id: r._id, reason: '不属于本网格' });
    expect(other).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await w.h.call(DISPATCHER, { action: 'request.handBack', id: r._id, reason: '不属于本网格' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await w.h.call(r.assigneeId, { action: 'request.handBack', id: r._id, reason: '' })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    await w.h.ok(r.assigneeId, { action: 'request.pause', id: r._id, reason: '请补充用电负荷清单' });
    expect(await w.h.call(r.assigneeId, { action: 'request.handBack', id: r._id, reason: '不属于本网格' })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    expect((await stored(r._id)).handBackCount ?? 0).toBe(0);
  });
});

describe('extension (延期申请)', () => {
  test('approved: the deadline (and the first deadline) moves to the end of the day asked for, the colour follows, the history shows it', async () => {
    const r = await accepted();
    const officer = r.assigneeId;
    // Fri 10:00: yellow (one working day left before Mon 09:30)
    w.h.clock.set(bj('2026-11-27T10:00'));
    await w.h.fns.sweep({ Type: 'Timer' }, null);
    expect((await stored(r._id)).colour).toBe('yellow');
    expect((await w.h.ok(officer, { action: 'request.get', id: r._id })).can.requestExtension).toBe(true);

    const asked = await w.h.ok(officer, { action: 'request.extension.ask', id: r._id, date: '2026-12-04', reason: '供电公司排期到下周，需等待现场勘察' });
    expect(asked.request.extension).toMatchObject({ status: 'pending', requestedDate: '2026-12-04', byId: officer, previousDueAt: bj('2026-11-30T09:30') });
    expect(asked.request.dueAt).toBe(bj('2026-11-30T09:30'));
    expect(asked.can.requestExtension).toBe(false);
    const deskView = await w.h.ok(DISPATCHER, { action: 'request.get', id: r._id });
    expect(deskView.can.decideExtension).toBe(true);
    expect((await stored(r._id)).timeline.at(-1)).toMatchObject({ type: 'extension_requested', notify: expect.arrayContaining([DISPATCHER]) });

    const decided = await w.h.ok(DISPATCHER, { action: 'desk.extension.decide', id: r._id, approve: true, note: '' });
    expect(decided.request).toMatchObject({
      dueAt: bj('2026-12-04T17:30'),
      firstDueAt: bj('2026-12-04T17:30'),
      yellowAt: bj('2026-12-03T17:30'),
      colour: 'green',
      extension: null,
    });
    expect(decided.request.extensions).toEqual([expect.objectContaining({ status: 'approved', decidedById: DISPATCHER, requestedDate: '2026-12-04' })]);
    expect(decided.request.slaHistory.at(-1)).toMatchObject({ kind: 'extended', dueAt: bj('2026-12-04T17:30') });
    expect(decided.can.decideExtension).toBe(false);
    const doc = await stored(r._id);
    expect(doc.timeline.at(-1)).toMatchObject({ type: 'extension_approved', notify: [officer] });
    expect(doc.nextCheckAt).toBe(bj('2026-12-03T17:30'));
    const told = await w.h.store.collection<Message>(C.messages).find({ userId: officer, requestId: r._id });
    expect(told.map((m) => m.title)).toContain('延期申请已批准');

    // resolved by the new deadline: on time
    w.h.clock.set(bj('2026-12-04T15:00'));
    expect((await w.h.ok(officer, { action: 'request.resolve', id: r._id, result: '已完成增容' })).request).toMatchObject({ closedOnTime: true, colour: 'green' });
  });

  test('refused: a reason is required, the deadline stays, the record stays visible', async () => {
    const r = await accepted();
    const officer = r.assigneeId;
    await w.h.ok(officer, { action: 'request.extension.ask', id: r._id, date: '2026-12-02', reason: '需要协调多个部门' });
    const noReason = await w.h.call(DISPATCHER, { action: 'desk.extension.decide', id: r._id, approve: false });
    expect(noReason).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', details: [expect.objectContaining({ field: 'note' })] });

    const refused = await w.h.ok(DISPATCHER, { action: 'desk.extension.decide', id: r._id, approve: false, note: '期限内可以办结，请抓紧' });
    expect(refused.request).toMatchObject({ dueAt: bj('2026-11-30T09:30'), extension: null });
    expect(refused.request.extensions).toEqual([expect.objectContaining({ status: 'refused', note: '期限内可以办结，请抓紧' })]);
    expect(refused.request.slaHistory.map((e: any) => e.kind)).not.toContain('extended');
    expect((await stored(r._id)).timeline.at(-1)).toMatchObject({ type: 'extension_refused', notify: [officer] });
    // the officer sees the decision on their page, and may ask again
    const mine = await w.h.ok(officer, { action: 'request.get', id: r._id });
    expect(mine.request.extensions[0]).toMatchObject({ status: 'refused', decidedByName: '孙丽' });
    expect(mine.can.requestExtension).toBe(true);
    // nothing left to decide
    expect(await w.h.call(DISPATCHER, { action: 'desk.extension.decide', id: r._id, approve: true })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
  });

  test('one pending at a time; the date must be after the current deadline and within 60 days; not after the deadline passed', async () => {
    const r = await accepted();
    const officer = r.assigneeId;
    const ask = (date: string) => w.h.call(officer, { action: 'request.extension.ask', id: r._id, date, reason: '需等待现场勘察' });
    // the deadline is Mon 2026-11-30: that day is no extension
    expect(await ask('2026-11-30')).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', details: [expect.objectContaining({ field: 'date' })] });
    expect(await ask('2026-11-25')).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    expect(await ask('2027-01-23')).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    expect(await ask('2026-12-01')).toMatchObject({ ok: true });
    expect(await ask('2026-12-03')).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    expect((await stored(r._id)).extension).toMatchObject({ requestedDate: '2026-12-01' });

    // someone else's request reads like a missing one; a dispatcher cannot ask
    expect(await w.h.call(otherOfficer(officer), { action: 'request.extension.ask', id: r._id, date: '2026-12-04', reason: '需等待' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await w.h.call(officer, { action: 'desk.extension.decide', id: r._id, approve: true })).toMatchObject({ ok: false, code: 'FORBIDDEN' });

    // a fresh request, asked for only after its deadline passed
    const late = await accepted();
    w.h.clock.set(bj('2026-11-30T10:00'));
    expect(await w.h.call(late.assigneeId, { action: 'request.extension.ask', id: late._id, date: '2026-12-04', reason: '需等待' })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
  });

  test('approved while paused: the time left carries into the resume', async () => {
    const r = await accepted();
    const officer = r.assigneeId;
    w.h.clock.set(bj('2026-11-26T14:00'));
    await w.h.ok(officer, { action: 'request.pause', id: r._id, reason: '请补充用电负荷清单' });
    await w.h.ok(officer, { action: 'request.extension.ask', id: r._id, date: '2026-12-02', reason: '企业补充材料后还需现场勘察' });
    const ok = await w.h.ok(DISPATCHER, { action: 'desk.extension.decide', id: r._id, approve: true });
    expect(ok.request).toMatchObject({ status: 'paused', dueAt: bj('2026-12-02T17:30') });
    // Thu 14:00 → Wed 17:30: 3.5 h + 7 h + 7 h + 7 h + 7 h
    expect((await stored(r._id)).remainingAtPause).toBe(31.5 * 60);
    w.h.clock.set(bj('2026-11-30T09:00'));
    const resumed = await w.h.ok('u-linxiao', { action: 'request.supplement', id: r._id, note: '已上传用电负荷清单' });
    // Monday 09:00 + 31.5 working hours = Mon–Thu (28 h) + Fri 09:00–12:00 and 13:30–14:00
    expect(resumed.request.dueAt).toBe(bj('2026-12-04T14:00'));
  });

  test('a later level change (核实定级) keeps an approved extension; a special deadline the dispatcher sets wins', async () => {
    const r = await accepted();
    await w.h.ok(r.assigneeId, { action: 'request.extension.ask', id: r._id, date: '2026-12-04', reason: '供电公司排期到下周，需等待现场勘察' });
    await w.h.ok(DISPATCHER, { action: 'desk.extension.decide', id: r._id, approve: true, note: '' });
    // general → general again: the computed deadline (Mon 11-30) is earlier than the extension: the extension stays
    const verified = await w.h.ok(DISPATCHER, { action: 'desk.verify', id: r._id, level: 'general', category: 'dianli' });
    expect(verified.request).toMatchObject({ dueAt: bj('2026-12-04T17:30'), firstDueAt: bj('2026-12-04T17:30') });
    // complex (10 working days, Mon 12-07) is later than the extension: the level's deadline
    const complex = await w.h.ok(DISPATCHER, { action: 'desk.verify', id: r._id, level: 'complex', category: 'dianli' });
    expect(complex.request.dueAt).toBe(bj('2026-12-07T09:30'));
    // special with an explicit date earlier than the extension: the dispatcher's date
    const special = await w.h.ok(DISPATCHER, { action: 'desk.verify', id: r._id, level: 'special', category: 'dianli', dueDate: '2026-12-02' });
    expect(special.request.dueAt).toBe(bj('2026-12-02T17:30'));
  });
});

describe('after a reopen (重办)', () => {
  test('the officer cannot hand the rework back; an approved extension moves the rework deadline, not the first one', async () => {
    const r = await accepted();
    const officer = r.assigneeId;
    w.h.clock.set(bj('2026-11-25T10:00'));
    await w.h.ok(officer, { action: 'request.resolve', id: r._id, result: '已协调供电公司' });
    w.h.clock.set(bj('2026-11-26T10:00'));
    const reopened = await w.h.ok('u-linxiao', { action: 'request.reopen', id: r._id, reason: '问题没有解决' });
    expect(reopened.request).toMatchObject({ status: 'assigned', assigneeId: officer });
    const firstDueAt = (await stored(r._id)).firstDueAt;
    expect(firstDueAt).toBe(bj('2026-11-30T09:30'));

    expect((await w.h.ok(officer, { action: 'request.get', id: r._id })).can.handBack).toBe(false);
    expect(await w.h.call(officer, { action: 'request.handBack', id: r._id, reason: '不属于本网格' })).toMatchObject({ ok: false, code: 'INVALID_STATE' });

    await w.h.ok(officer, { action: 'request.accept', id: r._id });
    const rework = (await stored(r._id)).dueAt!; // Thu 10:00 + 5 working days
    expect(rework).toBe(bj('2026-12-03T10:00'));
    await w.h.ok(officer, { action: 'request.extension.ask', id: r._id, date: '2026-12-08', reason: '需等待供电公司重新勘察' });
    const ok = await w.h.ok(DISPATCHER, { action: 'desk.extension.decide', id: r._id, approve: true });
    expect(ok.request).toMatchObject({ dueAt: bj('2026-12-08T17:30'), firstDueAt });
  });
});

test('a pending extension lapses when the request is answered: not decidable, no block on the rework, kept on the record', async () => {
  const r = await accepted();
  const officer = r.assigneeId;
  await w.h.ok(officer, { action: 'request.extension.ask', id: r._id, date: '2026-12-04', reason: '需等待现场勘察' });
  w.h.clock.set(bj('2026-11-25T10:00'));
  await w.h.ok(officer, { action: 'request.resolve', id: r._id, result: '已协调供电公司' });
  expect((await w.h.ok(DISPATCHER, { action: 'request.get', id: r._id })).can.decideExtension).toBe(false);
  expect(await w.h.call(DISPATCHER, { action: 'desk.extension.decide', id: r._id, approve: true })).toMatchObject({ ok: false, code: 'INVALID_STATE' });

  w.h.clock.set(bj('2026-11-26T10:00'));
  await w.h.ok('u-linxiao', { action: 'request.reopen', id: r._id, reason: '问题没有解决' });
  await w.h.ok(officer, { action: 'request.accept', id: r._id });
  expect((await w.h.ok(DISPATCHER, { action: 'request.get', id: r._id })).can.decideExtension).toBe(false);
  const again = await w.h.ok(officer, { action: 'request.extension.ask', id: r._id, date: '2026-12-07', reason: '需等待供电公司重新勘察' });
  expect(again.request.extension).toMatchObject({ status: 'pending', requestedDate: '2026-12-07' });
  expect(again.request.extensions).toEqual([expect.objectContaining({ requestedDate: '2026-12-04', status: 'refused', decidedById: null })]);
});
