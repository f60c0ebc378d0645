/**
 * 补充说明 on an open request (request.note), and the submit page's pointer to it: kb.suggest offers
 * the enterprise's own open requests that look like what it types, so the same problem is added to
 * rather than filed twice.
 */
import { C } from '../collections';
import type { Message } from '../model';
import { verifyCounters } from '../stats/recount';
import { makeHarness, submission, type Harness } from '../../tests/support/harness';

let h: Harness;
beforeEach(async () => { h = await makeHarness(); });
afterEach(() => h.cleanup());

const ENT = 'u-linxiao';

test('the enterprise adds to its open request; the handler is told; paused, closed and other enterprises\' requests refuse', async () => {
  const { request } = await h.ok(ENT, submission({ description: '新建二号车间需增容至800千伏安，网上申请半月无人联系' }));
  const officer = request.assigneeId as string;
  await h.ok(officer, { action: 'request.accept', id: request._id });
  const detail = await h.ok(ENT, { action: 'request.get', id: request._id });
  expect(detail.can.note).toBe(true);
  const { request: noted } = await h.ok(ENT, { action: 'request.note', id: request._id, note: '五台加工中心已到货，等通电投产' });
  expect(noted.status).toBe('accepted');
  expect(noted.timeline.at(-1)).toMatchObject({ type: 'enterprise_noted', text: expect.stringContaining('您已补充说明：五台加工中心已到货') });
  const told = await h.store.collection<Message>(C.messages).find({ requestId: request._id, title: '企业补充说明' }, { limit: 20 });
  expect(told.map((m) => m.userId)).toContain(officer);

  // waiting for 补充材料: the supplement is the way (it resumes the clock)
  await h.ok(officer, { action: 'request.pause', id: request._id, reason: '请补充用电设备清单' });
  expect(await h.call(ENT, { action: 'request.note', id: request._id, note: '补充一下' })).toMatchObject({ ok: false, code: 'INVALID_STATE', message: expect.stringContaining('补充材料') });
  await h.ok(ENT, { action: 'request.supplement', id: request._id, note: '设备清单见附件' });
  await h.ok(officer, { action: 'request.resolve', id: request._id, result: '已完成增容' });
  expect(await h.call(ENT, { action: 'request.note', id: request._id, note: '补充一下' })).toMatchObject({ ok: false, code: 'INVALID_STATE', message: expect.stringContaining('提交新的诉求') });
  const { request: theirs } = await h.ok('u-gaopeng', submission());
  expect(await h.call(ENT, { action: 'request.note', id: theirs._id, note: '补充一下' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  expect(await h.call(ENT, { action: 'request.note', id: theirs._id, note: '' })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
  await verifyCounters(h.ports);
});

test('typing on the submit page meets the enterprise\'s own open request that looks alike, not a closed one nor another enterprise\'s', async () => {
  const { request: open } = await h.ok(ENT, submission({ description: '新建二号车间需增容至800千伏安，网上申请半月无人联系' }));
  await h.ok(ENT, submission({ description: '厂区北门路灯不亮已两周，请协调修复' }));
  await h.ok('u-gaopeng', submission({ description: '新建车间需要增容800千伏安，网上申请没人联系' }));
  const similar = async (who: string, text: string) => (await h.ok(who, { action: 'kb.suggest', text })).similar as Array<{ id: string; no: string }>;
  expect((await similar(ENT, '上次反映的二号车间增容800千伏安的事，还没人联系'))).toEqual([expect.objectContaining({ id: open._id, no: open.no })]);
  expect(await similar(ENT, '员工宿舍的租房补贴什么时候发')).toEqual([]);
  // staff typing for nobody: no enterprise's requests
  expect(await similar('u-zhangwei', '新建二号车间增容800千伏安')).toEqual([]);
  // once closed, it is no longer offered
  const officer = open.assigneeId as string;
  await h.ok(officer, { action: 'request.accept', id: open._id });
  await h.ok(officer, { action: 'request.resolve', id: open._id, result: '已完成增容' });
  await h.ok(ENT, { action: 'request.confirm', id: open._id, score: 5 });
  expect(await similar(ENT, '上次反映的二号车间增容800千伏安的事，还没人联系')).toEqual([]);
});
