/** 催办 by the enterprise: only once the request is late to accept or yellow/red, once a day, heard by the handler and the desk. */
import { C } from '../collections';
import type { Message } from '../model';
import { makeHarness, submission, type Harness } from '../../tests/support/harness';
import { verifyCounters } from '../stats/recount';

let h: Harness;
beforeEach(async () => { h = await makeHarness(); });
afterEach(() => h.cleanup());

test('an enterprise urges a request left unaccepted past its deadline, once a day, and the handler and the desk hear of it', async () => {
  const { request } = await h.ok('u-linxiao', submission());
  const officer = request.assigneeId;
  expect(request.status).toBe('assigned');
  // in time: no urge, and the detail says so
  expect((await h.ok('u-linxiao', { action: 'request.get', id: request._id })).can.urge).toBe(false);
  expect(await h.call('u-linxiao', { action: 'request.urge', id: request._id })).toMatchObject({ ok: false, code: 'INVALID_STATE', message: expect.stringContaining('办理期限内') });

  // past the accept deadline
  h.clock.set(new Date(new Date(request.acceptDueAt).getTime() + 60_000).toISOString());
  expect((await h.ok('u-linxiao', { action: 'request.get', id: request._id })).can.urge).toBe(true);
  const urged = await h.ok('u-linxiao', { action: 'request.urge', id: request._id, note: '开工在即，请尽快联系' });
  expect(urged.request.enterpriseUrgeCount).toBe(1);
  // the enterprise reads its own urge in plain words
  expect(urged.request.timeline.at(-1).text).toMatch(/^您已催办：开工在即/);
  const messages = await h.store.collection<Message>(C.messages).find({ title: '企业催办' }, { limit: 20 });
  const heard = new Set(messages.map((m) => m.userId));
  expect(heard.has(officer)).toBe(true);
  expect([...heard].some((u) => u !== officer && u !== 'u-linxiao')).toBe(true);
  expect(heard.has('u-linxiao')).toBe(false);

  // once a day
  expect(await h.call('u-linxiao', { action: 'request.urge', id: request._id })).toMatchObject({ ok: false, code: 'INVALID_STATE', message: expect.stringContaining('今天已催办') });
  h.clock.advance(24 * 3600_000);
  expect((await h.ok('u-linxiao', { action: 'request.urge', id: request._id })).request.enterpriseUrgeCount).toBe(2);
  // the leaders' figures count the enterprise's urges apart from the center's
  const board = await h.ok('u-majianguo', { action: 'stats.dashboard', period: 'month' });
  expect(board.figures).toMatchObject({ enterpriseUrges: 2 });
  expect((await verifyCounters(h.ports)).mismatches).toEqual([]);

  // once accepted it runs on time again (green): no urge until it turns yellow
  await h.ok(officer, { action: 'request.accept', id: request._id });
  expect(await h.call('u-linxiao', { action: 'request.urge', id: request._id })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
});

test("another enterprise cannot urge it, and staff cannot urge as the enterprise", async () => {
  const { request } = await h.ok('u-linxiao', submission());
  h.clock.set(new Date(new Date(request.acceptDueAt).getTime() + 60_000).toISOString());
  expect(await h.call('u-gaopeng', { action: 'request.urge', id: request._id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  expect(await h.call(request.assigneeId, { action: 'request.urge', id: request._id })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
});

test('一键拨打: the enterprise sees whom to call, the handler the enterprise, the desk neither', async () => {
  const { request } = await h.ok('u-linxiao', submission({ phone: '13612345678' }));
  const officer = await h.store.collection<{ _id: string; name: string; phone?: string }>(C.users).get(request.assigneeId);
  const mine = await h.ok('u-linxiao', { action: 'request.get', id: request._id });
  expect(mine.contacts).toEqual({ handler: { name: officer!.name, phone: officer!.phone || null } });
  const theirs = await h.ok(request.assigneeId, { action: 'request.get', id: request._id });
  expect(theirs.contacts.enterprise).toMatchObject({ name: request.enterpriseName, phone: '13612345678' });
  expect(theirs.contacts.enterprise.address).toBeTruthy();
  const desk = await h.ok('u-sunli', { action: 'request.get', id: request._id });
  expect(desk.contacts).toEqual({});
});
