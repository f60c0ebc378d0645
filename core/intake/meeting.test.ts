/** 茶叙会/企业家日: a dispatcher records a meeting and its problems, one request per problem, per enterprise. */
import { clientKey, makeHarness, type Harness } from '../../tests/support/harness';
import { C } from '../collections';

let h: Harness;
beforeEach(async () => { h = await makeHarness(); });
afterEach(() => h.cleanup());

const refusal = async (who: string, event: Record<string, unknown>) => {
  const r = await h.call(who, event);
  return r.ok ? { code: 'OK', message: '' } : { code: r.code, message: r.message };
};

const problem = (enterpriseId: string, description: string) => ({ enterpriseId, category: 'dianli', description, phone: '13612340001' });
const meeting = (problems: unknown[], over: Record<string, unknown> = {}) => ({
  action: 'meeting.record', clientKey: clientKey(), kind: 'tea', date: '2026-11-23', title: '东城片区企业茶叙会', problems, ...over,
});

test('one record makes one request per problem, each the raising enterprise\'s own, and keeps the meeting', async () => {
  const r = await h.ok('u-sunli', meeting([
    problem('e-001', '园区道路破损，货车进出困难，希望尽快维修。'),
    problem('e-002', '二号车间用电增容申请两周未获答复。'),
    problem('e-002', '招聘技术工人困难，希望对接职业院校。'),
  ]));
  expect(r.created).toBe(true);
  expect(r.requests).toHaveLength(3);
  const docs = await h.requests().find({ channel: 'meeting' }, { limit: 10 });
  expect(docs).toHaveLength(3);
  const byEnt = (e: string) => docs.filter((d) => d.enterpriseId === e);
  expect(byEnt('e-001').map((d) => d.submitterId)).toEqual(['u-gaopeng']);
  expect(byEnt('e-002').map((d) => d.submitterId)).toEqual(['u-linxiao', 'u-linxiao']);
  // in the normal queue, assigned in the same write, and marked with its meeting
  for (const d of docs) expect(d).toMatchObject({ status: 'assigned', meetingId: r.meeting._id });
  expect(docs[0].timeline[0].text).toMatch(/在茶叙会（2026-11-23，东城片区企业茶叙会）上反映，孙丽录入$/);
  const stored = await h.store.collection(C.meetings).get(r.meeting._id);
  expect(stored).toMatchObject({ kind: 'tea', title: '东城片区企业茶叙会', recordedById: 'u-sunli', enterpriseIds: ['e-001', 'e-002'] });
  expect((stored as unknown as { requestIds: string[] }).requestIds.sort()).toEqual(docs.map((d) => d._id).sort());
  // the enterprise reads them as its own and is told
  expect((await h.ok('u-linxiao', { action: 'request.mine' })).items).toHaveLength(2);
  const read = await h.ok('u-gaopeng', { action: 'request.get', id: byEnt('e-001')[0]._id });
  expect(read.request.timeline[0].text).toBe('您在茶叙会（2026-11-23）上反映的问题已登记为诉求');
  expect((await h.ok('u-linxiao', { action: 'messages.list' })).total).toBe(2);
});

test('a retried record writes nothing new', async () => {
  const event = meeting([problem('e-003', '厂区周边排水不畅，雨天积水严重。')]);
  const first = await h.ok('u-sunli', event);
  const again = await h.ok('u-sunli', event);
  expect(again.created).toBe(false);
  expect(again.requests.map((x: { _id: string }) => x._id)).toEqual(first.requests.map((x: { _id: string }) => x._id));
  expect(await h.requests().count({ channel: 'meeting' })).toBe(1);
});

test('a problem of an enterprise outside the dispatcher\'s scope, or a bad one, stops the whole record before anything is written', async () => {
  // a community dispatcher of 东城一社区 (g-dc1, g-dc2 below it) may not record for 朝阳 (g-cy1)
  await h.store.collection('users').update('u-sunli', { $set: { orgId: 'c-dongcheng' } });
  const mixed = meeting([problem('e-001', '园区道路破损，货车进出困难。'), problem('e-011', '朝阳园区停车难。')]);
  const r = await refusal('u-sunli', mixed);
  expect(r).toEqual({ code: 'NOT_FOUND', message: '第2个问题的企业不在您的管辖范围内' });
  expect((await refusal('u-sunli', meeting([problem('e-001', '短')]))).code).toBe('VALIDATION_FAILED');
  expect((await refusal('u-sunli', meeting([problem('e-001', '园区道路破损，货车进出困难。')], { date: '2026-11-24' }))).message).toBe('会议日期不能晚于今天');
  expect((await refusal('u-sunli', meeting([]))).message).toMatch(/请至少录入一个问题/);
  for (const who of ['u-zhangwei', 'u-zhouqiang', 'u-linxiao', 'u-majianguo']) {
    expect((await refusal(who, meeting([problem('e-001', '园区道路破损，货车进出困难。')]))).code).toBe('FORBIDDEN');
  }
  expect(await h.requests().count({})).toBe(0);
  expect(await h.store.collection(C.meetings).count({})).toBe(0);
});

test('the dispatcher finds its scope\'s enterprises by a word of the name; without one it is asked for one', async () => {
  expect(await h.ok('u-sunli', { action: 'request.fileForOptions' })).toEqual({ items: [], cut: false, needQuery: true });
  const found = await h.ok('u-sunli', { action: 'request.fileForOptions', q: '新材料' });
  expect(found.items).toEqual([{ id: 'e-002', name: '东城新材料科技有限公司', relation: 'desk', hasContact: true }]);
});
