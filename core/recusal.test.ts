/**
 * Recusal (回避): a complaint about a visit names the officials on it and their departments. The
 * complaint is never assigned to them (not by the dispatcher, not by the assigner after a
 * time-out, though one of them is the enterprise's liaison and another its grid officer), they get
 * NOT_FOUND for it and never see it in a list or a message, even once the dispatcher has sent it
 * by card to the department of one of them; the enterprise never sees the recusal; the dispatcher
 * does, with an internal timeline event.
 *
 * Demo district: 云溪精密机械 (e-001, grid 东城一网格) has the liaison 周强 (区自然资源局); the
 * grid's officers are 张伟 and 王芳; 钱军 is 区自然资源局's only handler; 马建国 is the leader.
 */
import { C } from './collections';
import type { Message, OutboxEntry } from './model';
import { makeHarness, submission, type Harness } from '../tests/support/harness';

jest.setTimeout(120_000);

let h: Harness;
let visitId = '';
let requestId = '';
/** everyone on the visit: the liaison, the grid officer, the department handler, the leader */
const ON_VISIT = ['u-zhouqiang', 'u-zhangwei', 'u-qianjun', 'u-majianguo'];

beforeAll(async () => {
  h = await makeHarness('2026-11-23T01:30:00Z');
  const scene = (await h.ok('u-gaopeng', { action: 'visit.code' })).code.scene;
  const { visit } = await h.ok('u-zhouqiang', { action: 'visit.checkin', scene, purpose: 'help', note: '走访了解企业用工和培训需求' });
  visitId = visit._id;
  for (const who of ON_VISIT.slice(1)) await h.ok(who, { action: 'visit.join', scene });
  h.clock.advance(1800_000);
  const complaint = await h.ok('u-gaopeng', { action: 'visit.complain', visitId, text: '走访人员要求企业购买指定机构的培训课程，否则不予推荐补贴' });
  requestId = complaint.request._id;
});
afterAll(() => h.cleanup());

/** in-app messages and subscribe-message outbox entries this user got about the complaint */
const messagesAbout = async (userId: string) => [
  ...(await h.store.collection<Message>(C.messages).find({ userId, requestId }, { limit: 50 })),
  ...(await h.store.collection<OutboxEntry>(C.outbox).find({ userId, requestId }, { limit: 50 })),
];

test('the complaint records who must not handle it and why; the dispatcher sees it with a timeline event', async () => {
  const stored = (await h.requests().get(requestId))!;
  expect(stored).toMatchObject({ channel: 'report', status: 'dispatch' });
  expect(stored.recusal).toBeTruthy();
  expect([...stored.recusal!.userIds].sort()).toEqual([...ON_VISIT].sort());
  expect([...stored.recusal!.userNames].sort()).toEqual(['周强', '张伟', '钱军', '马建国'].sort());
  // the liaison and the handler both belong to 区自然资源局; the officer and the leader to no department
  expect(stored.recusal!.deptIds).toEqual(['dep-zrzy']);
  expect(stored.recusal!.reason).toMatch(/^投诉对象：/);
  expect(stored.recusal!.reason).toContain('周强');
  expect(stored.recusal!.reason).toContain(stored.description.match(/GW\d+/)![0]);

  const { request } = await h.ok('u-sunli', { action: 'request.get', id: requestId });
  expect(request.recusal).toEqual(stored.recusal);
  const ev = request.timeline.find((e: any) => e.type === 'recusal');
  expect(ev).toBeTruthy();
  expect(ev.text).toContain('区自然资源局');
  expect(ev.text).toContain('须调度员确认');
});

test('the enterprise sees its complaint, but not the recusal', async () => {
  expect((await h.requests().get(requestId))!.recusal?.userIds.length).toBeGreaterThan(0);
  const { request } = await h.ok('u-gaopeng', { action: 'request.get', id: requestId });
  expect(request).not.toHaveProperty('recusal');
  expect(request.timeline.map((e: any) => e.type)).not.toContain('recusal');
  const mine = await h.ok('u-gaopeng', { action: 'request.mine' });
  const item = mine.items.find((r: any) => r._id === requestId);
  expect(item).toBeTruthy();
  expect(item).not.toHaveProperty('recusal');
});

test('the officials it is about get NOT_FOUND, and no list or message of theirs carries it', async () => {
  for (const who of ON_VISIT) {
    expect(await h.call(who, { action: 'request.get', id: requestId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await messagesAbout(who)).toEqual([]);
  }
  // the leader reads every request, except a complaint about himself
  const ledger = await h.ok('u-majianguo', { action: 'ledger.list', channel: 'report', pageSize: 100 });
  expect(ledger.items.map((r: any) => r._id)).not.toContain(requestId);
  expect(ledger.total).toBe(0);
  expect(ledger.counts.all).toBe(0);
  // the dispatcher does
  const desk = await h.ok('u-sunli', { action: 'ledger.list', channel: 'report', pageSize: 100 });
  expect(desk.items.map((r: any) => r._id)).toContain(requestId);
});

test('the dispatcher cannot reassign it to any of them', async () => {
  for (const who of ['u-zhouqiang', 'u-zhangwei']) {
    const r = await h.call('u-sunli', { action: 'desk.reassign', id: requestId, assigneeId: who });
    expect(r).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    expect((r as any).message).toContain('回避');
    expect((r as any).details).toEqual([expect.objectContaining({ field: 'assigneeId' })]);
  }
  expect((await h.requests().get(requestId))!.assigneeId).toBeNull();
});

test('after a time-out the assigner skips the liaison and the grid officer it is about: it waits in the queue', async () => {
  await h.ok('u-sunli', { action: 'desk.reassign', id: requestId, assigneeId: 'u-wangfang', note: '请核实走访人员行为' });
  const assigned = (await h.requests().get(requestId))!;
  expect(assigned).toMatchObject({ status: 'assigned', assigneeId: 'u-wangfang' });
  // 王芳 does not accept in time: the sweep takes it back and the assigner tries the next candidates,
  // the enterprise's liaison 周强 first, then the grid's officer 张伟 — both complained about
  h.clock.set(new Date(new Date(assigned.acceptDueAt!).getTime() + 60_000).toISOString());
  const swept = await h.fns.sweep({ Type: 'Timer' }, null);
  expect(swept.ok).toBe(true);
  const after = (await h.requests().get(requestId))!;
  expect(after.timeline.some((e) => e.type === 'timeout')).toBe(true);
  expect(ON_VISIT).not.toContain(after.assigneeId);
  expect(after).toMatchObject({ status: 'queued', assigneeId: null });
  // the assign timer does not give it to them either
  await h.fns.assign({ Type: 'Timer' }, null);
  const later = (await h.requests().get(requestId))!;
  expect(later.status).toBe('queued');
  for (const who of ['u-zhouqiang', 'u-zhangwei']) {
    const inbox = await h.ok(who, { action: 'officer.inbox', tab: 'todo' });
    expect(inbox.items.map((r: any) => r._id)).not.toContain(requestId);
  }
});

test('sent by card to the department of one of them, the named handler still cannot read it or hear of it', async () => {
  await h.ok('u-sunli', {
    action: 'card.issue', id: requestId, leadDeptId: 'dep-zrzy', coDeptIds: [], deadline: '2026-12-04',
    instructions: '请局领导另行指定人员核实特派员行为并答复', confirmRecusal: true,
  });
  expect((await h.requests().get(requestId))!).toMatchObject({ status: 'supervised', deptIds: ['dep-zrzy'] });
  expect(await h.call('u-qianjun', { action: 'request.get', id: requestId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  const ledger = await h.ok('u-qianjun', { action: 'ledger.list', pageSize: 100 });
  expect(ledger.items.map((r: any) => r._id)).not.toContain(requestId);
  expect(await messagesAbout('u-qianjun')).toEqual([]);
  // the department's notice of the card went to its other handlers only: here there are none
  expect(await h.store.collection<Message>(C.messages).count({ requestId, userId: { $in: ON_VISIT } })).toBe(0);
  // the leader, whose every read is otherwise unrestricted, still gets NOT_FOUND
  expect(await h.call('u-majianguo', { action: 'request.get', id: requestId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
});

test('a supervisor who was on the visit reads it as its official: no complaints, no complainant', async () => {
  // 马建国 leads the district (a supervisor of every grid) and joined the visit
  const asMember = await h.ok('u-majianguo', { action: 'visit.get', id: visitId });
  expect(asMember.viewer).toBe('staff');
  expect(JSON.stringify(asMember)).not.toContain('指定机构的培训课程');
  // the dispatcher, not on the visit, supervises it with the complaint in view
  const asDesk = await h.ok('u-sunli', { action: 'visit.get', id: visitId });
  expect(asDesk.viewer).toBe('supervisor');
  expect(JSON.stringify(asDesk)).toContain('指定机构的培训课程');
});

test('a low score of a visit is not sent to a dispatcher who was on it; another dispatcher is told', async () => {
  const w = await makeHarness('2026-11-23T01:30:00Z');
  try {
    // a second district dispatcher, not on the visit
    const invited = await w.ok('u-admin', { action: 'admin.staff.invite', name: '钱调度', roles: ['dispatcher'], orgId: 'd-yunxi' });
    await w.fns.service({ action: 'invite.redeem', code: invited.invite.code }, { openid: 'wx-other-desk' });
    const scene = (await w.ok('u-linxiao', { action: 'visit.code' })).code.scene;
    const { visit } = await w.ok('u-sunli', { action: 'visit.checkin', scene, purpose: 'help', note: '了解企业需求' });
    await w.ok('u-sunli', { action: 'visit.checkout', scene, outcome: '已了解企业用工需求' });
    await w.ok('u-linxiao', { action: 'visit.score', visitId: visit._id, score: 1, comment: '只拍照不解决问题' });
    const titles = async (userId: string) => (await w.store.collection<Message>(C.messages).find({ userId }, { limit: 100 })).map((m) => m.title);
    expect(await titles('u-sunli')).not.toContain('入企低分评价');
    expect(await titles(invited.user.id)).toContain('入企低分评价');
  } finally {
    w.cleanup();
  }
});

test('a complaint about officials is never a case in the 简报, even when it is the most overdue', async () => {
  const w = await makeHarness('2026-11-02T01:30:00Z');
  try {
    const scene = (await w.ok('u-gaopeng', { action: 'visit.code' })).code.scene;
    const { visit } = await w.ok('u-zhouqiang', { action: 'visit.checkin', scene, purpose: 'help', note: '走访了解企业需求' });
    const complaint = (await w.ok('u-gaopeng', { action: 'visit.complain', visitId: visit._id, text: '走访人员要求企业购买指定机构的培训课程' })).request;
    // the desk sends it by card to 住建局 (not recused) and, separately, an ordinary request waits: both run late
    await w.ok('u-sunli', { action: 'card.issue', id: complaint._id, leadDeptId: 'dep-zjj', deadline: '2026-11-04', instructions: '请核查投诉' });
    const { request: plain } = await w.ok('u-linxiao', submission({ description: '新车间用电增容两周无人联系，影响投产' }));
    w.clock.set('2026-11-20T01:30:00Z');
    await w.fns.sweep({ Type: 'Timer' }, null);
    expect((await w.requests().get(complaint._id))!.colour).toBe('red');
    expect((await w.requests().get(plain._id))!.colour).toBe('red');
    const b = await w.ok('u-sunli', { action: 'briefing.view', period: 'month' });
    const nos = b.cases.warned.map((c: { no: string }) => c.no);
    expect(nos).toContain(plain.no);
    expect(nos).not.toContain(complaint.no);
  } finally {
    w.cleanup();
  }
});
