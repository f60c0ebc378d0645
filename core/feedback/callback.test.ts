/**
 * 回访 (issue 11, item 3): the supervising dispatcher calls back a closed request and records how
 * it went. A satisfied callback takes it off the 待回访 list; an unreachable one leaves it there; an
 * unsatisfied one reopens it like a 重办 (reopenCount + 1, back to its officer) and it needs a new
 * callback once it closes again. Nobody else may record one, nor may an official the request is a
 * complaint about.
 */
import { C } from '../collections';
import type { ServiceRequest, User } from '../model';
import { makeHarness, submission, type Harness } from '../../tests/support/harness';

const bj = (local: string) => new Date(`${local}:00+08:00`).toISOString();

let h: Harness;
beforeEach(async () => {
  h = await makeHarness('2026-11-16T01:30:00Z');
  // a dispatcher of 西湖街道: the requests of 东城 are outside their center
  await h.store.collection<User>(C.users).add({
    _id: 'u-disp-xihu', openid: 'dev-u-disp-xihu', name: '西湖街道调度员', roles: ['dispatcher'], orgId: 's-xihu', active: true, createdAt: bj('2026-11-01T09:00'),
  } as User);
});
afterEach(() => h.cleanup());

/** a request of 东城新材料 answered by its officer; confirmed (closed) unless told otherwise */
async function answered(confirm = true) {
  const { request } = await h.ok('u-linxiao', submission());
  const officer = request.assigneeId as string;
  await h.ok(officer, { action: 'request.accept', id: request._id });
  h.clock.advance(3600_000);
  await h.ok(officer, { action: 'request.resolve', id: request._id, result: '已协调供电公司完成增容' });
  if (confirm) await h.ok('u-linxiao', { action: 'request.confirm', id: request._id, score: 4 });
  return { id: request._id as string, officer };
}

const stored = async (id: string) => (await h.requests().get(id))! as ServiceRequest & { callbackDone?: boolean };
const record = (who: string, input: Record<string, unknown>) => h.call(who, { action: 'callback.record', ...input });
const ledgerIds = async (callback: string, extra: Record<string, unknown> = {}) =>
  (await h.ok('u-sunli', { action: 'ledger.list', callback, pageSize: 100, ...extra })).items.map((r: { _id: string }) => r._id);

test('a satisfied callback is recorded on the request, internally, and takes it off the 待回访 list', async () => {
  const { id } = await answered();
  expect((await h.ok('u-sunli', { action: 'request.get', id })).can.callback).toBe(true);
  expect(await ledgerIds('due')).toEqual([id]);
  expect(await ledgerIds('done')).toEqual([]);

  h.clock.advance(86400_000);
  const view = await h.ok('u-sunli', { action: 'callback.record', id, method: 'call', outcome: 'satisfied', note: '企业表示用电已恢复正常' });
  expect(view.request.status).toBe('closed');
  expect(view.request.callbacks).toEqual([
    { at: h.clock.now().toISOString(), byId: 'u-sunli', byName: '孙丽', method: 'call', outcome: 'satisfied', note: '企业表示用电已恢复正常' },
  ]);
  const r = await stored(id);
  expect(r.callbackDone).toBe(true);
  expect(r.reopenCount).toBe(0);
  const last = r.timeline[r.timeline.length - 1];
  expect(last).toMatchObject({ type: 'callback', actorId: 'u-sunli', text: '电话回访：满意。企业表示用电已恢复正常' });
  // staff read it on the timeline; the enterprise does not (internal supervision)
  expect((await h.ok('u-sunli', { action: 'request.get', id })).request.timeline.some((e: { type: string }) => e.type === 'callback')).toBe(true);
  expect((await h.ok('u-linxiao', { action: 'request.get', id })).request.timeline.some((e: { type: string }) => e.type === 'callback')).toBe(false);

  expect(await ledgerIds('due')).toEqual([]);
  expect(await ledgerIds('done')).toEqual([id]);
  const row = (await h.ok('u-sunli', { action: 'ledger.list', callback: 'done' })).items[0];
  expect(row.callbackLabel).toBe('满意');
});

test('an unreachable callback is recorded and the request stays on the 待回访 list; a note is optional', async () => {
  const { id } = await answered();
  const view = await h.ok('u-sunli', { action: 'callback.record', id, method: 'message', outcome: 'unreachable' });
  expect(view.request.callbacks).toHaveLength(1);
  expect(view.request.callbacks[0]).toMatchObject({ method: 'message', outcome: 'unreachable', note: '' });
  expect((await stored(id)).callbackDone).toBe(false);
  expect(await ledgerIds('due')).toEqual([id]);
  const row = (await h.ok('u-sunli', { action: 'ledger.list', callback: 'due' })).items[0];
  expect(row.callbackLabel).toBe('待回访（未联系上）');
  // the next try reaches the enterprise
  await h.ok('u-sunli', { action: 'callback.record', id, method: 'call', outcome: 'satisfied' });
  expect((await stored(id)).callbacks!.map((c) => c.outcome)).toEqual(['unreachable', 'satisfied']);
  expect(await ledgerIds('done')).toEqual([id]);
});

test('an unsatisfied callback reopens the request like a 重办: back to its officer, reopenCount + 1, due again once closed', async () => {
  const { id, officer } = await answered();
  const before = await stored(id);
  const openBefore = (await h.store.collection<User>(C.users).get(officer))!.openCount ?? 0;
  h.clock.advance(86400_000);
  const view = await h.ok('u-sunli', { action: 'callback.record', id, method: 'visit', outcome: 'unsatisfied', note: '车间仍频繁跳闸，企业不认可办理结果' });
  expect(view.request).toMatchObject({ status: 'assigned', assigneeId: officer, reopenCount: before.reopenCount + 1, result: null });
  expect(view.can.callback).toBe(false);

  const r = await stored(id);
  expect(r.callbacks).toEqual([expect.objectContaining({ method: 'visit', outcome: 'unsatisfied', note: '车间仍频繁跳闸，企业不认可办理结果', byId: 'u-sunli' })]);
  expect(r.callbackDone).toBe(false);
  // the callback, then the reopen on the version that recorded it
  const [cb, reopened] = r.timeline.slice(-2);
  expect(cb).toMatchObject({ type: 'callback', text: '上门回访：不满意。车间仍频繁跳闸，企业不认可办理结果' });
  expect(reopened).toMatchObject({ type: 'reopened', actorId: 'u-sunli' });
  expect(reopened.text).toContain('回访不满意，退回重办：车间仍频繁跳闸');
  expect(reopened.seq).toBe(cb.seq + 1);
  // a new clock for the rework, and the officer carries it again
  expect(r.clockNo).toBe(before.clockNo + 1);
  expect((await h.store.collection<User>(C.users).get(officer))!.openCount).toBe(openBefore + 1);
  // the enterprise sees its request back at work; the officer is told
  const mine = await h.ok('u-linxiao', { action: 'request.get', id });
  expect(mine.request.status).toBe('assigned');
  expect(mine.request.timeline.some((e: { type: string }) => e.type === 'reopened')).toBe(true);
  const notes = await h.store.collection(C.messages).find({ userId: officer }, { limit: 100 });
  expect(notes.some((m) => String(m.body).includes('回访不满意'))).toBe(true);
  // back at work, it is on neither callback list
  expect(await ledgerIds('due')).toEqual([]);
  expect(await ledgerIds('done')).toEqual([]);
  expect((await h.ok('u-sunli', { action: 'ledger.list', status: 'assigned' })).items[0]).toMatchObject({ _id: id, reworkCount: 1, callbackLabel: '不满意' });

  // answered and confirmed again: it is due for a new callback
  await h.ok(officer, { action: 'request.accept', id });
  await h.ok(officer, { action: 'request.resolve', id, result: '更换了变压器出线开关' });
  await h.ok('u-linxiao', { action: 'request.confirm', id, score: 5 });
  expect(await ledgerIds('due')).toEqual([id]);
  await h.ok('u-sunli', { action: 'callback.record', id, method: 'call', outcome: 'satisfied' });
  expect(await ledgerIds('done')).toEqual([id]);
  expect((await stored(id)).reopenCount).toBe(before.reopenCount + 1);
});

test('only the supervising dispatcher may record a callback', async () => {
  const { id, officer } = await answered();
  const input = { id, method: 'call', outcome: 'unsatisfied', note: '企业不满意' };
  for (const who of ['u-linxiao', officer, 'u-majianguo', 'u-fengyu', 'u-admin']) {
    expect(await record(who, input)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  }
  // a dispatcher of another center: the request reads as missing
  expect(await record('u-disp-xihu', input)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  // nothing was written by any of them
  const r = await stored(id);
  expect(r.callbacks ?? []).toEqual([]);
  expect(r.status).toBe('closed');
  expect(r.reopenCount).toBe(0);
  // and none of them is offered the form
  for (const who of ['u-linxiao', officer, 'u-majianguo']) expect((await h.ok(who, { action: 'request.get', id })).can.callback).toBe(false);
  // a deactivated dispatcher neither
  await h.store.collection<User>(C.users).update('u-sunli', { $set: { active: false } });
  expect((await record('u-sunli', input)).ok).toBe(false);
  expect((await stored(id)).callbacks ?? []).toEqual([]);
});

test('an official a complaint is about may not call its complainant back', async () => {
  const { id } = await answered();
  await h.requests().update(id, { $set: { recusal: { userIds: ['u-sunli'], userNames: ['孙丽'], deptIds: [], reason: '投诉涉及调度员本人' } } });
  // to them the request is not there at all (core/recusal.ts)
  expect(await h.call('u-sunli', { action: 'request.get', id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  expect(await record('u-sunli', { id, method: 'call', outcome: 'satisfied' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  expect((await stored(id)).callbacks ?? []).toEqual([]);
  // another dispatcher of the center may
  await h.store.collection<User>(C.users).add({
    _id: 'u-disp-2', openid: 'dev-u-disp-2', name: '周调度', roles: ['dispatcher'], orgId: 'd-yunxi', active: true, createdAt: bj('2026-11-01T09:00'),
  } as User);
  expect((await h.ok('u-disp-2', { action: 'request.get', id })).can.callback).toBe(true);
  await h.ok('u-disp-2', { action: 'callback.record', id, method: 'call', outcome: 'satisfied' });
  expect((await stored(id)).callbacks).toEqual([expect.objectContaining({ byId: 'u-disp-2' })]);
});

test('only closed requests are called back; bad input is explained', async () => {
  const waiting = await answered(false);
  expect((await h.ok('u-sunli', { action: 'request.get', id: waiting.id })).can.callback).toBe(false);
  expect(await record('u-sunli', { id: waiting.id, method: 'call', outcome: 'satisfied' })).toMatchObject({ ok: false, code: 'INVALID_STATE', message: '只有已办结的诉求可以回访' });
  expect((await stored(waiting.id)).status).toBe('resolved');

  const { id } = await answered();
  expect(await record('u-sunli', { id, method: 'call', outcome: 'unsatisfied' })).toMatchObject({
    ok: false, code: 'VALIDATION_FAILED', details: [{ field: 'note', message: '回访不满意时请填写企业反映的问题（至少2个字）' }],
  });
  expect(await record('u-sunli', { id, method: 'call', outcome: 'unsatisfied', note: ' 差 ' })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
  expect(await record('u-sunli', { id, method: 'fax', outcome: 'satisfied' })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', message: '请选择回访方式' });
  expect(await record('u-sunli', { id, method: 'call' })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', message: '请选择回访结果' });
  expect(await record('u-sunli', { id, method: 'call', outcome: 'satisfied', note: '长'.repeat(501) })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', message: '回访记录不能超过500字' });
  expect(await record('u-sunli', { id: 'no-such', method: 'call', outcome: 'satisfied' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  expect((await stored(id)).callbacks ?? []).toEqual([]);
});

test('two callbacks recorded at once: both land in order, and only one reopen happens', async () => {
  const { id } = await answered();
  const results = await Promise.all([
    record('u-sunli', { id, method: 'call', outcome: 'unsatisfied', note: '企业不满意一' }),
    record('u-sunli', { id, method: 'call', outcome: 'unsatisfied', note: '企业不满意二' }),
  ]);
  const r = await stored(id);
  const ok = results.filter((x) => x.ok).length;
  // each stored callback is one that was answered ok; a refused one left nothing behind
  expect(r.callbacks!.length).toBe(ok);
  expect(ok).toBeGreaterThanOrEqual(1);
  for (const x of results) if (!x.ok) expect(['CONFLICT', 'INVALID_STATE']).toContain(x.code);
  expect(r.reopenCount).toBe(1);
  expect(r.status).toBe('assigned');
});

test('the 回访 filter goes with the other filters', async () => {
  const { id } = await answered();
  expect(await ledgerIds('due', { status: 'closed' })).toEqual([id]);
  // nothing is both 待回访 and still at work
  expect(await ledgerIds('due', { status: 'assigned' })).toEqual([]);
  expect(await h.call('u-sunli', { action: 'ledger.list', callback: 'later' })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', message: '回访筛选不正确' });
  // a department handler filters its own rows only
  expect((await h.ok('u-fengyu', { action: 'ledger.list', callback: 'due' })).total).toBe(0);
});
