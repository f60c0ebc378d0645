/**
 * 办结 carries a result type (已解决 / 已解释说明 / 无法解决, the last with its reason): checked by
 * the contract's schema, stored on the request, said in the timeline and shown to the enterprise
 * before it scores. Requests answered before the types existed read as 已解决.
 */
import { C } from '../collections';
import { RESULT_KINDS, resultKindOf } from '../contract/catalog';
import { ResolveInput, UNSOLVABLE_REASON } from '../contract/handling';
import { problemsOf } from '../contract/schema';
import type { Message, ServiceRequest } from '../model';
import { makeHarness, submission, type Harness } from '../../tests/support/harness';

describe('the schema', () => {
  const base = { id: 'r1', result: '已向企业说明政策口径' };

  test('the three types; none sent (a client from before the types) means 已解决', () => {
    expect(ResolveInput.parse(base)).toMatchObject({ kind: 'solved', reason: '' });
    expect(ResolveInput.parse({ ...base, kind: 'explained' })).toMatchObject({ kind: 'explained' });
    expect(ResolveInput.parse({ ...base, kind: 'unsolvable', reason: ' 超出本级权限 ' })).toMatchObject({ kind: 'unsolvable', reason: '超出本级权限' });
    expect(Object.values(RESULT_KINDS)).toEqual(['已解决', '已解释说明', '无法解决']);
  });

  test('无法解决 needs a reason of at least 2 characters; an unknown type is refused', () => {
    expect(problemsOf(ResolveInput, { ...base, kind: 'unsolvable' })).toEqual({ reason: UNSOLVABLE_REASON });
    expect(problemsOf(ResolveInput, { ...base, kind: 'unsolvable', reason: ' 无 ' })).toEqual({ reason: UNSOLVABLE_REASON });
    expect(problemsOf(ResolveInput, { ...base, kind: 'unsolvable', reason: '缺少上级批文' })).toEqual({});
    expect(problemsOf(ResolveInput, { ...base, kind: 'done' })).toEqual({ kind: '请选择办理结果类型' });
  });

  test('a request without a type reads as 已解决', () => {
    expect(resultKindOf({})).toBe('solved');
    expect(resultKindOf({ resultKind: null })).toBe('solved');
    expect(resultKindOf({ resultKind: 'explained' })).toBe('explained');
  });
});

describe('through the service', () => {
  let h: Harness;
  beforeEach(async () => { h = await makeHarness(); });
  afterEach(() => h.cleanup());

  async function accepted() {
    const { request } = await h.ok('u-linxiao', submission());
    await h.ok(request.assigneeId, { action: 'request.accept', id: request._id });
    return { id: request._id as string, officer: request.assigneeId as string };
  }

  test('无法解决 without its reason is refused and changes nothing', async () => {
    const { id, officer } = await accepted();
    const r = await h.call(officer, { action: 'request.resolve', id, result: '该用地指标需市里统筹', kind: 'unsolvable' });
    expect(r).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    expect((r as any).details).toEqual([{ field: 'reason', message: UNSOLVABLE_REASON }]);
    expect((await h.requests().get(id))!.status).toBe('accepted');
  });

  test('the type is stored, said in the timeline and the enterprise\'s message, and shown to the enterprise before it scores', async () => {
    const { id, officer } = await accepted();
    await h.ok(officer, { action: 'request.resolve', id, result: '该地块用地指标需市里统筹安排', kind: 'unsolvable', reason: '超出区级权限' });
    const stored = (await h.requests().get(id))!;
    expect(stored).toMatchObject({ status: 'resolved', result: '该地块用地指标需市里统筹安排', resultKind: 'unsolvable', resultReason: '超出区级权限' });

    const seen = await h.ok('u-linxiao', { action: 'request.get', id });
    expect(seen.can.confirm).toBe(true);
    expect(seen.request).toMatchObject({ resultKind: 'unsolvable', resultReason: '超出区级权限' });
    expect(seen.request.timeline.at(-1).text).toBe('办结（无法解决）：该地块用地指标需市里统筹安排；无法解决的原因：超出区级权限');
    const messages = await h.store.collection<Message>(C.messages).find({ userId: 'u-linxiao' }, { orderBy: [['createdAt', 'asc']], limit: 50 });
    expect(messages.at(-1)).toMatchObject({ title: '诉求已办结，请评价', body: `【${stored.no}】办结（无法解决）：该地块用地指标需市里统筹安排；无法解决的原因：超出区级权限` });
  });

  test('已解释说明 keeps no reason; a rework clears the type with the result', async () => {
    const { id, officer } = await accepted();
    await h.ok(officer, { action: 'request.resolve', id, result: '已说明补贴申领条件', kind: 'explained', reason: '不该存下' });
    expect(await h.requests().get(id)).toMatchObject({ resultKind: 'explained', resultReason: null });
    await h.ok('u-linxiao', { action: 'request.reopen', id, reason: '仍不清楚申领流程' });
    expect(await h.requests().get(id)).toMatchObject({ result: null, resultKind: null, resultReason: null });
  });

  test('a request answered before the types existed reads as 已解决 in the ledger', async () => {
    const { id, officer } = await accepted();
    await h.ok(officer, { action: 'request.resolve', id, result: '已完成增容' });
    expect(await h.requests().get(id)).toMatchObject({ resultKind: 'solved' });
    // an old document: no type at all
    await h.store.collection<ServiceRequest>(C.requests).update(id, { $unset: ['resultKind', 'resultReason'] });
    const ledger = await h.ok('u-sunli', { action: 'ledger.list' });
    expect(ledger.items.find((r: any) => r._id === id)).toMatchObject({ resultKindLabel: '已解决' });
  });
});
