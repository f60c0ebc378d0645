/**
 * 政协委员直通车: the admin invites a CPPCC member like other staff; the member files for a bound
 * enterprise of the district (channel cppcc), the enterprise follows and scores it as its own, and the
 * member follows what it filed (request.filedByMe) and reads nothing else.
 */
import { clientKey, makeHarness, type Harness } from '../../tests/support/harness';

let h: Harness;
/** the member's WeChat identity once it redeemed its invite */
const MEMBER = 'wx-cppcc-he';
let memberId: string;

const refusal = async (who: string, event: Record<string, unknown>) => {
  const r = await h.call(who, event);
  return r.ok ? { code: 'OK', message: '' } : { code: r.code, message: r.message };
};

const filing = (enterpriseId: string, over: Record<string, unknown> = {}) => ({
  action: 'request.fileFor',
  enterpriseId,
  clientKey: clientKey(),
  category: 'jianzhu',
  description: '企业在政协委员联络站反映：新建厂房施工许可材料已交齐三周，仍未收到审批结果。',
  photos: [],
  phone: '13612340004',
  ...over,
});

/** the admin invites a member; it redeems the code with its own WeChat identity */
async function inviteMember(h: Harness, name: string, openid: string) {
  const invited = await h.ok('u-admin', { action: 'admin.staff.invite', name, phone: '13711114444', roles: ['cppcc'] });
  await h.ok(openid, { action: 'invite.redeem', code: invited.invite.code });
  return invited as { user: { id: string; roleLabel: string; roles: string[] }; invite: { code: string } };
}

beforeEach(async () => {
  h = await makeHarness();
  memberId = (await inviteMember(h, '何建华', MEMBER)).user.id;
});
afterEach(() => h.cleanup());

test('the admin invites a CPPCC member like other staff: no grid, department or center needed, listed and labelled 政协委员', async () => {
  const list = await h.ok('u-admin', { action: 'admin.staff.list', role: 'cppcc' });
  expect(list.items).toEqual([expect.objectContaining({ id: memberId, name: '何建华', roles: ['cppcc'], roleLabel: '政协委员', bound: true, active: true })]);
  // the whole staff list shows it too
  expect((await h.ok('u-admin', { action: 'admin.staff.list' })).items.map((u: { id: string }) => u.id)).toContain(memberId);
  const me = await h.ok(MEMBER, { action: 'me' });
  expect(me.user).toMatchObject({ name: '何建华', roles: ['cppcc'] });
  // no field-officer bookkeeping: a member is never assigned requests
  expect(await h.store.collection('users').get(memberId)).not.toHaveProperty('capacity');
  // a role that is not one is refused in Chinese
  const bad = await refusal('u-admin', { action: 'admin.staff.invite', name: '某委员', roles: ['cppcc', 'member'] });
  expect(bad).toEqual({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/角色不正确/) });
});

test('a member files for a bound enterprise of any grid: the enterprise is the submitter, is told, follows and scores it', async () => {
  // e-006 (东城宏远建筑, g-dc2) has 宋雅 as its contact; the member has no grid and is no liaison
  const { request, created, told } = await h.ok(MEMBER, filing('e-006'));
  expect({ created, told }).toEqual({ created: true, told: true });
  const doc = (await h.requests().get(request._id))!;
  expect(doc).toMatchObject({
    channel: 'cppcc', enterpriseId: 'e-006', submitterId: 'u-songya', filedBy: { id: memberId, name: '何建华', role: 'cppcc' },
    // into the normal queue, assigned in the same write to an officer of the enterprise's grid
    status: 'assigned',
  });
  expect(['u-wangfang', 'u-lina']).toContain(doc.assigneeId);
  expect(doc.timeline[0]).toMatchObject({ type: 'submitted', actorId: memberId, text: '政协委员何建华代东城宏远建筑工程有限公司反映' });

  // the enterprise: told, reads it in its own words, lists it as its own
  const read = await h.ok('u-songya', { action: 'request.get', id: request._id });
  expect(read.request.timeline[0].text).toBe('政协委员何建华已代您反映此诉求');
  expect((await h.ok('u-songya', { action: 'request.mine' })).items.map((r: { _id: string }) => r._id)).toEqual([request._id]);
  const told1 = (await h.ok('u-songya', { action: 'messages.list' })).items;
  expect(told1.map((m: { requestId: string }) => m.requestId)).toEqual([request._id]);

  // handled and answered; the enterprise scores it
  await h.ok(doc.assigneeId!, { action: 'request.accept', id: request._id });
  await h.ok(doc.assigneeId!, { action: 'request.resolve', id: request._id, result: '已协调住建局，施工许可已于今日核发', kind: 'solved' });
  const can = (await h.ok('u-songya', { action: 'request.get', id: request._id })).can;
  expect(can.confirm).toBe(true);
  await h.ok('u-songya', { action: 'request.confirm', id: request._id, score: 5, comment: '委员帮了大忙' });
  expect((await h.requests().get(request._id))!).toMatchObject({ status: 'closed', score: 5 });
  // the member hears of the answer and of the score (not of the filing it made, nor of the handling's steps)
  const heard = (await h.ok(MEMBER, { action: 'messages.list' })).items as Array<{ title: string; body: string; requestId: string }>;
  expect(heard.map((m) => m.title).sort()).toEqual(['企业已评价您代报的诉求', '您代报的诉求已办结']);
  expect(heard.every((m) => m.requestId === request._id && m.body.includes('东城宏远建筑工程有限公司'))).toBe(true);
  expect(heard.find((m) => m.title === '您代报的诉求已办结')!.body).toContain('施工许可已于今日核发');

  // the member follows it to the end: in its list under 已答复, and reads it as the enterprise does
  const answered = await h.ok(MEMBER, { action: 'request.filedByMe', tab: 'answered' });
  expect(answered).toMatchObject({ total: 1, counts: { open: 0, answered: 1, all: 1 } });
  expect(answered.items[0]).toMatchObject({ _id: request._id, status: 'closed', enterpriseName: '东城宏远建筑工程有限公司', channel: 'cppcc' });
  expect((await h.ok(MEMBER, { action: 'home.todo' })).todo).toEqual([{ key: 'filedOpen', count: 0 }, { key: 'filedAnswered', count: 1 }]);
  const mine = await h.ok(MEMBER, { action: 'request.get', id: request._id });
  expect(mine.request.timeline[0].text).toBe('政协委员何建华已代您反映此诉求');
  // no official's fields or controls: no card, no deadline history, nothing it may do
  expect(mine.card).toBeNull();
  expect(mine.request).not.toHaveProperty('slaHistory');
  expect(Object.entries(mine.can).filter(([, v]) => v)).toEqual([]);
});

test('the member lists only what it filed, with status, colour and deadline, and reads nothing else', async () => {
  const other = 'wx-cppcc-other';
  await inviteMember(h, '孔令辉', other);
  const a = (await h.ok(MEMBER, filing('e-006'))).request;
  h.clock.advance(60_000);
  const b = (await h.ok(MEMBER, filing('e-002', { category: 'dianli', description: '企业反映：二号车间扩产需要增容，供电所两周未答复。' }))).request;
  const theirs = (await h.ok(other, filing('e-001'))).request;
  // the enterprise's own request and a liaison's filing are not the member's either
  const own = (await h.ok('u-linxiao', { action: 'request.submit', clientKey: clientKey(), category: 'dianli', description: '厂区新建车间需要增容用电，报装申请提交两周仍无人联系。', photos: [], phone: '13612340001' })).request;
  const liaisons = (await h.ok('u-zhouqiang', { ...filing('e-001'), category: 'dianli' })).request;

  const list = await h.ok(MEMBER, { action: 'request.filedByMe' });
  expect(list.items.map((r: { _id: string }) => r._id)).toEqual([b._id, a._id]);
  expect(list).toMatchObject({ total: 2, page: 1, counts: { open: 2, answered: 0, all: 2 } });
  // the home's 待办 band counts the same
  expect(await h.ok(MEMBER, { action: 'home.todo' })).toEqual({ todo: [{ key: 'filedOpen', count: 2 }, { key: 'filedAnswered', count: 0 }] });
  for (const r of list.items) {
    expect(r).toMatchObject({ status: 'assigned', colour: expect.stringMatching(/^(white|green|yellow|red)$/), dueAt: expect.any(String), no: expect.stringMatching(/^SQ/) });
    // as the enterprise sees it: no internal supervision
    expect(r).not.toHaveProperty('recusal');
    expect(r).not.toHaveProperty('timeline');
  }
  // a page at a time
  const page2 = await h.ok(MEMBER, { action: 'request.filedByMe', tab: 'all', page: 2, pageSize: 1 });
  expect(page2).toMatchObject({ total: 2, page: 2, pageSize: 1 });
  expect(page2.items.map((r: { _id: string }) => r._id)).toEqual([a._id]);
  expect((await h.ok(other, { action: 'request.filedByMe' })).items.map((r: { _id: string }) => r._id)).toEqual([theirs._id]);
  // a liaison lists its own filings the same way
  expect((await h.ok('u-zhouqiang', { action: 'request.filedByMe' })).items.map((r: { _id: string }) => r._id)).toEqual([liaisons._id]);

  // other requests read as missing
  for (const id of [theirs._id, own._id, liaisons._id]) expect((await refusal(MEMBER, { action: 'request.get', id })).code).toBe('NOT_FOUND');
  // no inbox, ledger, dashboard, 我的诉求 or desk
  for (const action of ['officer.inbox', 'ledger.list', 'stats.dashboard', 'request.mine', 'desk.options', 'visit.list']) {
    expect({ action, code: (await refusal(MEMBER, { action })).code }).toEqual({ action, code: 'FORBIDDEN' });
  }
  // nor may it act on what it filed
  expect((await refusal(MEMBER, { action: 'request.accept', id: a._id })).code).toBe('FORBIDDEN');
  expect((await refusal(MEMBER, { action: 'request.urge', id: a._id })).code).toBe('FORBIDDEN');
  // an enterprise user or a dispatcher has no 我代报 list
  for (const who of ['u-linxiao', 'u-sunli']) expect((await refusal(who, { action: 'request.filedByMe' })).code).toBe('FORBIDDEN');
});

test('a request the desk refuses (不予受理) is told to the member who filed it', async () => {
  const { request } = await h.ok(MEMBER, filing('e-006'));
  expect((await h.ok(MEMBER, { action: 'messages.list' })).items).toEqual([]);
  await h.ok('u-sunli', { action: 'desk.reject', id: request._id, kind: 'out_of_scope', reason: '属于司法程序中的事项，请通过法院处理' });
  const heard = (await h.ok(MEMBER, { action: 'messages.list' })).items;
  expect(heard).toEqual([expect.objectContaining({ title: '您代报的诉求不予受理', requestId: request._id, body: expect.stringContaining('请通过法院处理') })]);
  const answered = await h.ok(MEMBER, { action: 'request.filedByMe', tab: 'answered' });
  expect(answered.items.map((r: { _id: string; status: string }) => [r._id, r.status])).toEqual([[request._id, 'rejected']]);
  // the home page's figure opens that tab, and counts what it lists
  const home = await h.ok(MEMBER, { action: 'home.todo' });
  expect(home.todo).toEqual(expect.arrayContaining([{ key: 'filedAnswered', count: answered.counts.answered }]));
  expect(answered.counts.answered).toBe(1);
});

test('refusals store nothing: not a member, an unknown enterprise, an enterprise nobody has bound', async () => {
  const before = await h.requests().count({});
  // e-003 (云溪恒达物流) has no contact on the platform: nobody would hear of it
  for (const ent of ['e-003', 'e-999']) {
    const r = await refusal(MEMBER, filing(ent));
    expect(r).toEqual({ code: 'NOT_FOUND', message: expect.stringMatching(/尚未绑定联系人/) });
  }
  // an enterprise user, a dispatcher, a department handler and a leader are no CPPCC members
  for (const who of ['u-linxiao', 'u-sunli', 'u-qianjun', 'u-majianguo']) {
    expect((await refusal(who, filing('e-006'))).code).toBe('FORBIDDEN');
  }
  // a deactivated member files nothing
  await h.ok('u-admin', { action: 'admin.staff.deactivate', id: memberId, reason: '委员届满' });
  expect((await refusal(MEMBER, filing('e-006'))).code).toBe('FORBIDDEN');
  expect(await h.requests().count({})).toBe(before);
});

test('a retried filing answers the first request; bad input is refused in Chinese', async () => {
  const event = filing('e-006');
  const [a, b] = await Promise.all([h.ok(MEMBER, event), h.ok(MEMBER, event)]);
  expect(a.request._id).toBe(b.request._id);
  expect([a.created, b.created].sort()).toEqual([false, true]);
  expect(await h.requests().count({ enterpriseId: 'e-006' })).toBe(1);
  const bad = await refusal(MEMBER, filing('e-006', { description: '短' }));
  expect(bad).toEqual({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/问题描述至少/) });
});

test('the options: a word of two characters or more finds the district\'s bound enterprises only', async () => {
  expect(await h.ok(MEMBER, { action: 'request.fileForOptions' })).toEqual({ items: [], cut: false, needQuery: true });
  // 东城新材料 (e-002) and 东城宏远建筑 (e-006) have contacts; 东城明轩家具 (e-009) has none
  const found = await h.ok(MEMBER, { action: 'request.fileForOptions', q: '东城' });
  expect(found.items.map((o: { id: string }) => o.id).sort()).toEqual(['e-002', 'e-006']);
  expect(found.items.every((o: { relation: string; hasContact: boolean }) => o.relation === 'cppcc' && o.hasContact)).toBe(true);
  // any grid of the district
  expect((await h.ok(MEMBER, { action: 'request.fileForOptions', q: '云端' })).items.map((o: { id: string }) => o.id)).toEqual(['e-016']);
  expect((await h.ok(MEMBER, { action: 'request.fileForOptions', q: '明轩' })).items).toEqual([]);
});

test('the dashboard counts the 政协委员直通车 channel', async () => {
  await h.ok(MEMBER, filing('e-006'));
  const d = await h.ok('u-majianguo', { action: 'stats.dashboard', period: 'month' });
  expect(d.byChannel).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'cppcc', name: '政协委员直通车', collected: 1 })]));
});
