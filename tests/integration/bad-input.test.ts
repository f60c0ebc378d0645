/** Bad input gets a clear Chinese error and a stable code, and nothing is stored. */
import { C } from '../../core/collections';
import { makeHarness, submission, type Harness } from '../support/harness';

let h: Harness;
beforeEach(async () => { h = await makeHarness(); });
afterEach(() => h.cleanup());

const stored = async () => ({
  requests: await h.requests().count({}),
  outbox: await h.store.collection(C.outbox).count({}),
  messages: await h.store.collection(C.messages).count({}),
});

test.each([
  ['missing fields', { category: undefined, description: undefined, phone: undefined }, /缺少必填项|请选择诉求类别|请描述遇到的问题|请填写联系电话/],
  ['five photos', { photos: Array.from({ length: 5 }, (_, i) => `cloud://env/requests/p${i}.jpg`) }, /最多上传3张图片/],
  ['a 10,000-character description', { description: '问'.repeat(10_000) }, /问题描述不能超过1000字/],
  ['an unknown category', { category: 'teleportation' }, /请选择诉求类别/],
  ['a bad phone number', { phone: '12345' }, /联系电话格式不正确/],
  ['a photo that is not an uploaded file', { photos: ['http://evil.example/x.jpg'] }, /图片地址不正确/],
])('submit with %s is refused', async (_name, over, message) => {
  const before = await stored();
  const r = await h.call('u-linxiao', submission(over));
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.code).toBe('VALIDATION_FAILED');
  expect(r.message).toMatch(message);
  expect(r.details!.length).toBeGreaterThan(0);
  expect(await stored()).toEqual(before);
});

test('a wrong credit code is refused and binds nothing', async () => {
  const r = await h.call('wx-someone', { action: 'enterprise.bind', name: '云溪精密机械制造有限公司', creditCode: '91130182100000008A' });
  expect(r).toMatchObject({ ok: false, code: 'BAD_CREDIT_CODE', message: '统一社会信用代码校验失败，请核对后重新输入' });
  expect((await h.ok('wx-someone', { action: 'me' })).user.enterpriseId).toBeNull();
});

test("another enterprise's request cannot be read or touched, and looks like a missing one", async () => {
  const { request } = await h.ok('u-linxiao', submission());
  const officer = request.assigneeId;
  await h.ok(officer, { action: 'request.accept', id: request._id });
  await h.ok(officer, { action: 'request.resolve', id: request._id, result: '已解决' });
  const before = JSON.stringify(await h.requests().get(request._id));
  for (const action of ['request.get', 'request.confirm', 'request.reopen']) {
    const r = await h.call('u-hejun', { action, id: request._id, score: 1, reason: '恶意退回' });
    expect(r).toMatchObject({ ok: false, code: 'NOT_FOUND', message: '未找到该诉求' });
  }
  // an officer it was not assigned to cannot act on it either, and gets the answer a missing id gets
  expect(await h.call('u-lina', { action: 'request.accept', id: request._id })).toMatchObject({ ok: false, code: 'NOT_FOUND', message: '未找到该诉求' });
  expect(await h.call('u-lina', { action: 'request.accept', id: 'no-such-request' })).toMatchObject({ ok: false, code: 'NOT_FOUND', message: '未找到该诉求' });
  // an enterprise user cannot use officer actions
  expect(await h.call('u-linxiao', { action: 'request.resolve', id: request._id, result: '自己办结' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  expect(JSON.stringify(await h.requests().get(request._id))).toBe(before);
});

test('an unbound user cannot submit; an unknown action and no caller are refused', async () => {
  expect(await h.call('wx-unbound', submission())).toMatchObject({ ok: false, code: 'NOT_BOUND' });
  expect(await h.call('u-linxiao', { action: 'request.delete' })).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' });
  expect(await h.fns.service({ action: 'me' }, null)).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
  // internal functions refuse ordinary users
  expect(await h.fns.assign({}, { openid: 'dev-u-linxiao' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  expect(await h.requests().count({})).toBe(0);
});

test('a score outside 1-5 is refused and the request stays resolved', async () => {
  const { request } = await h.ok('u-linxiao', submission());
  await h.ok(request.assigneeId, { action: 'request.accept', id: request._id });
  await h.ok(request.assigneeId, { action: 'request.resolve', id: request._id, result: '已解决' });
  for (const score of [0, 6, 2.5, '5']) {
    const r = await h.call('u-linxiao', { action: 'request.confirm', id: request._id, score });
    expect(r).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
  }
  expect((await h.requests().get(request._id))!.status).toBe('resolved');
});
