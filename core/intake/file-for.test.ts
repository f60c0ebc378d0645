/** 代报: a liaison or a grid officer files a request for an enterprise it looks after. */
import { clientKey, makeHarness, type Harness } from '../../tests/support/harness';

let h: Harness;
/** the refusal's code and message (an envelope that is not ok) */
const refusal = async (who: string, event: Record<string, unknown>) => {
  const r = await h.call(who, event);
  return r.ok ? { code: 'OK', message: '' } : { code: r.code, message: r.message };
};
beforeEach(async () => { h = await makeHarness(); });
afterEach(() => h.cleanup());

const filing = (enterpriseId: string, over: Record<string, unknown> = {}) => ({
  action: 'request.fileFor',
  enterpriseId,
  clientKey: clientKey(),
  category: 'dianli',
  description: '企业反映厂区新建车间需要增容用电，报装申请提交两周仍无人联系。',
  photos: [],
  phone: '13612340002',
  ...over,
});

test('a liaison files for its enterprise: the enterprise is the submitter, is told, follows and reads it as its own', async () => {
  // e-001 (云溪精密机械制造) has 周强 as its 特派员 and 高鹏 as its contact
  const { request, created, told } = await h.ok('u-zhouqiang', filing('e-001'));
  expect({ created, told }).toEqual({ created: true, told: true });
  const doc = (await h.requests().get(request._id))!;
  expect(doc).toMatchObject({
    channel: 'liaison', submitterId: 'u-gaopeng', enterpriseId: 'e-001', filedBy: { id: 'u-zhouqiang', name: '周强', role: 'liaison' },
    // assigned in the same write, to the liaison first as for the enterprise's own requests
    status: 'assigned', assigneeId: 'u-zhouqiang',
  });
  expect(doc.timeline[0]).toMatchObject({ type: 'submitted', actorId: 'u-zhouqiang', text: '特派员周强代云溪精密机械制造有限公司反映' });
  // the enterprise reads who filed it for it, in its own words
  const read = await h.ok('u-gaopeng', { action: 'request.get', id: request._id });
  expect(read.request.timeline[0].text).toBe('特派员周强已代您反映此诉求');
  const mine = await h.ok('u-gaopeng', { action: 'request.mine' });
  expect(mine.items.map((r: { _id: string }) => r._id)).toEqual([request._id]);
  const told1 = (await h.ok('u-gaopeng', { action: 'messages.list' })).items;
  expect(told1.length).toBe(1);
  expect(told1[0].requestId).toBe(request._id);
});

test('a grid officer files for an enterprise of its grid (走访代报) and reads it though another officer handles it', async () => {
  // 王芳 has g-dc1 and g-dc2; e-006 is in g-dc2; 李娜 (g-dc2) is less loaded once 王芳 holds work
  await h.store.collection('users').update('u-wangfang', { $set: { openCount: 5 } });
  const { request } = await h.ok('u-wangfang', filing('e-006'));
  const doc = (await h.requests().get(request._id))!;
  expect(doc).toMatchObject({ channel: 'visit', filedBy: { id: 'u-wangfang', role: 'officer' }, assigneeId: 'u-lina' });
  expect((await h.ok('u-wangfang', { action: 'request.get', id: request._id })).request._id).toBe(request._id);
  // another officer of no part in it still reads nothing
  expect((await h.call('u-liuyang', { action: 'request.get', id: request._id })).ok).toBe(false);
});

test('nobody files for an enterprise outside its care, and a refused filing stores nothing', async () => {
  const before = await h.requests().count({});
  // 周强 is not the liaison of e-003; 刘洋's grid is g-cy1, not e-001's g-dc1
  for (const [who, ent] of [['u-zhouqiang', 'e-003'], ['u-liuyang', 'e-001'], ['u-zhouqiang', 'e-999']]) {
    expect((await refusal(who, filing(ent))).code).toBe('NOT_FOUND');
  }
  // an enterprise user, a dispatcher and a department handler may not file for anyone
  for (const who of ['u-linxiao', 'u-sunli', 'u-qianjun']) {
    expect((await refusal(who, filing('e-001'))).code).toBe('FORBIDDEN');
  }
  expect(await h.requests().count({})).toBe(before);
});

test('a retried filing answers the first request; bad input is refused in Chinese', async () => {
  const event = filing('e-002');
  const [a, b] = await Promise.all([h.ok('u-zhangwei', event), h.ok('u-zhangwei', event)]);
  expect(a.request._id).toBe(b.request._id);
  expect([a.created, b.created].sort()).toEqual([false, true]);
  expect(await h.requests().count({ enterpriseId: 'e-002' })).toBe(1);
  const bad = await refusal('u-zhangwei', filing('e-002', { description: '短' }));
  expect(bad.code).toBe('VALIDATION_FAILED');
  expect(bad.message).toMatch(/问题描述至少/);
});

test('the options list the liaison enterprises and the grids\' enterprises, by a word of the name', async () => {
  const liaison = await h.ok('u-zhouqiang', { action: 'request.fileForOptions' });
  expect(liaison.items.map((o: { id: string }) => o.id).sort()).toEqual(['e-001', 'e-011']);
  expect(liaison.items.every((o: { relation: string }) => o.relation === 'liaison')).toBe(true);
  const officer = await h.ok('u-wangfang', { action: 'request.fileForOptions' });
  expect(officer.items.map((o: { id: string }) => o.id).sort()).toEqual(['e-001', 'e-002', 'e-003', 'e-004', 'e-005', 'e-006', 'e-007', 'e-008', 'e-009', 'e-010']);
  const found = await h.ok('u-wangfang', { action: 'request.fileForOptions', q: '新材料' });
  expect(found.items).toEqual([{ id: 'e-002', name: '东城新材料科技有限公司', relation: 'officer', hasContact: true }]);
  // a word finds only enterprises the caller looks after: 周强 is no officer of 东城's grids
  expect((await h.ok('u-zhouqiang', { action: 'request.fileForOptions', q: '东城' })).items).toEqual([]);
  expect((await h.ok('u-zhouqiang', { action: 'request.fileForOptions', q: '智能装备' })).items.map((o: { id: string }) => o.id)).toEqual(['e-011']);
  expect((await refusal('u-linxiao', { action: 'request.fileForOptions' })).code).toBe('FORBIDDEN');
});
