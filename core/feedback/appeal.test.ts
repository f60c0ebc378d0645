/**
 * 申诉: a request rejected (不予受理) goes back to the desk when its enterprise objects, once, within
 * APPEAL_DAYS; a duplicate rejection cites the request it repeats, which the enterprise can open.
 */
import { C } from '../collections';
import type { Message } from '../model';
import { APPEAL_DAYS } from '../contract/handling';
import { verifyCounters } from '../stats/recount';
import { makeHarness, submission, type Harness } from '../../tests/support/harness';

let h: Harness;
beforeEach(async () => { h = await makeHarness(); });
afterEach(() => h.cleanup());

const DESK = 'u-sunli';

async function rejectedDuplicate() {
  const { request: first } = await h.ok('u-linxiao', submission());
  const { request } = await h.ok('u-linxiao', submission());
  const rejected = await h.ok(DESK, { action: 'desk.reject', id: request._id, kind: 'duplicate', reason: '与已受理的诉求重复', duplicateOf: first.no.toLowerCase() });
  return { first, request: rejected.request };
}

test('a duplicate rejection cites the request it repeats; a number that is not the enterprise\'s, or its own, is refused', async () => {
  const { first, request } = await rejectedDuplicate();
  expect(request.status).toBe('rejected');
  expect(request.rejection).toMatchObject({ kind: 'duplicate', duplicateOf: { id: first._id, no: first.no } });
  // the enterprise reads which request it repeats, and may open it
  const seen = await h.ok('u-linxiao', { action: 'request.get', id: request._id });
  expect(seen.request.rejection.duplicateOf).toEqual({ id: first._id, no: first.no });
  expect(seen.request.timeline.at(-1).text).toContain(`与 ${first.no} 重复`);
  expect((await h.ok('u-linxiao', { action: 'request.get', id: first._id })).request.no).toBe(first.no);

  const { request: other } = await h.ok('u-linxiao', submission());
  const { request: elsewhere } = await h.ok('u-gaopeng', submission());
  for (const [duplicateOf, message] of [[elsewhere.no, '未找到该企业的诉求'], [other.no, '不能引用本诉求自身'], ['12345', '请填写正确的诉求编号']]) {
    const r = await h.call(DESK, { action: 'desk.reject', id: other._id, kind: 'duplicate', reason: '与已受理的诉求重复', duplicateOf });
    expect(r).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', message: expect.stringContaining(message) });
  }
  expect((await h.ok(DESK, { action: 'request.get', id: other._id })).request.status).not.toBe('rejected');
});

test('the enterprise appeals a rejection once: back to the desk with the rejection on record, the desk told, counted once', async () => {
  const { request } = await rejectedDuplicate();
  expect((await h.ok('u-linxiao', { action: 'request.get', id: request._id })).can.appeal).toBe(true);
  // the reason says something
  expect(await h.call('u-linxiao', { action: 'request.appeal', id: request._id, reason: '不对' })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
  // only its own enterprise, and only enterprise users
  expect(await h.call('u-gaopeng', { action: 'request.appeal', id: request._id, reason: '我们反映的是另一处线路' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  expect(await h.call(DESK, { action: 'request.appeal', id: request._id, reason: '我们反映的是另一处线路' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });

  const { request: back } = await h.ok('u-linxiao', { action: 'request.appeal', id: request._id, reason: '我们反映的是另一处线路，并非重复' });
  expect(back.status).toBe('dispatch');
  expect(back.rejection).toBeNull();
  expect(back.assigneeId).toBeNull();
  expect(back.appeal).toMatchObject({ reason: '我们反映的是另一处线路，并非重复', rejection: { kind: 'duplicate', reason: '与已受理的诉求重复' } });
  expect(back.timeline.at(-1).text).toMatch(/^您已提出申诉：我们反映的是另一处线路/);
  // the desk hears of it and may decide again
  const told = await h.store.collection<Message>(C.messages).find({ requestId: request._id, title: '企业对不予受理提出申诉' }, { limit: 20 });
  expect(told.map((m) => m.userId)).toContain(DESK);
  const desk = await h.ok(DESK, { action: 'request.get', id: request._id });
  expect(desk.can.reject).toBe(true);
  expect(desk.request.timeline.at(-1).text).toMatch(/^企业对不予受理（重复诉求）提出申诉/);
  // once: rejected again, the second answer stands
  await h.ok(DESK, { action: 'desk.reject', id: request._id, kind: 'invalid', reason: '经复核确为同一问题' });
  expect((await h.ok('u-linxiao', { action: 'request.get', id: request._id })).can.appeal).toBe(false);
  expect(await h.call('u-linxiao', { action: 'request.appeal', id: request._id, reason: '我们反映的是另一处线路' })).toMatchObject({ ok: false, code: 'INVALID_STATE', message: expect.stringContaining('已申诉过一次') });
  expect((await verifyCounters(h.ports)).mismatches).toEqual([]);
});

test(`no appeal of an open request, nor ${APPEAL_DAYS} days after the rejection`, async () => {
  const { request: open } = await h.ok('u-linxiao', submission());
  expect(await h.call('u-linxiao', { action: 'request.appeal', id: open._id, reason: '我们反映的是另一处线路' })).toMatchObject({ ok: false, code: 'INVALID_STATE', message: expect.stringContaining('只有不予受理') });
  const { request } = await rejectedDuplicate();
  h.clock.advance((APPEAL_DAYS + 1) * 86_400_000);
  expect((await h.ok('u-linxiao', { action: 'request.get', id: request._id })).can.appeal).toBe(false);
  expect(await h.call('u-linxiao', { action: 'request.appeal', id: request._id, reason: '我们反映的是另一处线路' })).toMatchObject({ ok: false, code: 'INVALID_STATE', message: expect.stringContaining('申诉期限') });
});
