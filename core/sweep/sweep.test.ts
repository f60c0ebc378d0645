/**
 * The deadline sweep as the timer runs it, under a fake clock on the real 2026 calendar:
 * colour changes and who hears of them, urges every working day, response timeouts, that a
 * second run does nothing, that the enterprise never sees the internal supervision, and that
 * only due requests are read.
 */
import { C } from '../collections';
import type { Message, ServiceRequest, User } from '../model';
import { makeHarness, submission, type Harness } from '../../tests/support/harness';

let h: Harness;
beforeEach(async () => { h = await makeHarness('2026-11-23T01:30:00Z'); /* Mon 09:30 Beijing */ });
afterEach(() => h.cleanup());

const bj = (local: string) => new Date(`${local}:00+08:00`).toISOString();
const at = (local: string) => h.clock.set(bj(local));
const stored = async (id: string) => (await h.requests().get(id))!;
const user = async (id: string) => (await h.store.collection<User>(C.users).get(id))!;
const messagesOf = (userId: string) => h.store.collection<Message>(C.messages).find({ userId }, { orderBy: [['createdAt', 'asc']], limit: 500 });

async function sweep() {
  const r = await h.fns.sweep({ Type: 'Timer' }, null);
  if (!r.ok) throw new Error(`sweep failed: ${r.code} ${r.message}`);
  // the same timer also closes stale official visits; there are none here
  const { visitsClosed, ...deadlines } = r.data as { examined: number; timeouts: number; colourChanges: number; urges: number; visitsClosed: number };
  expect(visitsClosed).toBe(0);
  return deadlines;
}

async function submitted(who = 'u-linxiao') {
  return (await h.ok(who, submission(who === 'u-hejun' ? { phone: '13612340003' } : {}))).request as { _id: string; assigneeId: string | null; status: string };
}

async function accepted(who = 'u-linxiao') {
  const r = await submitted(who);
  await h.ok(r.assigneeId!, { action: 'request.accept', id: r._id });
  return r;
}

test('green → yellow (assignee reminded) → red (supervisors told, urged) → urged again each working day', async () => {
  const r = await accepted();
  const officer = r.assigneeId!;
  const enterpriseMessages = (await messagesOf('u-linxiao')).length;

  at('2026-11-27T09:29');
  expect(await sweep()).toEqual({ examined: 0, timeouts: 0, colourChanges: 0, urges: 0 });

  // Friday 09:30: one working day left
  at('2026-11-27T09:30');
  expect(await sweep()).toEqual({ examined: 1, timeouts: 0, colourChanges: 1, urges: 0 });
  let s = await stored(r._id);
  expect(s).toMatchObject({ colour: 'yellow', urgeCount: 0, nextCheckAt: bj('2026-11-30T09:30') });
  expect(s.timeline.at(-1)).toMatchObject({ type: 'sla', actorName: '系统' });
  const yellowMsg = (await messagesOf(officer)).filter((m) => m.title === '诉求期限预警');
  expect(yellowMsg).toHaveLength(1);
  expect(yellowMsg[0].body).toContain('转为黄色');
  expect((await messagesOf('u-sunli')).filter((m) => m.title === '诉求期限预警')).toHaveLength(0);

  // Monday 09:30: the deadline — red, the dispatcher is told, first urge
  at('2026-11-30T09:30');
  expect(await sweep()).toEqual({ examined: 1, timeouts: 0, colourChanges: 1, urges: 1 });
  s = await stored(r._id);
  expect(s).toMatchObject({ colour: 'red', urgeCount: 1, lastUrgedAt: bj('2026-11-30T09:30'), nextCheckAt: bj('2026-12-01T09:30') });
  expect(s.timeline.slice(-2).map((e) => e.type)).toEqual(['sla', 'urged']);
  const sunli = await messagesOf('u-sunli');
  expect(sunli.map((m) => m.title)).toEqual(['诉求期限预警', '诉求催办']);
  expect(sunli[0].body).toContain('已超过办理期限（2026-11-30 09:30），转为红色');
  expect((await messagesOf(officer)).filter((m) => m.title === '诉求催办')).toHaveLength(1);

  // later the same day: not another urge
  at('2026-11-30T17:29');
  expect(await sweep()).toEqual({ examined: 0, timeouts: 0, colourChanges: 0, urges: 0 });
  expect((await stored(r._id)).urgeCount).toBe(1);

  // one working day later: urged again
  at('2026-12-01T09:30');
  expect(await sweep()).toEqual({ examined: 1, timeouts: 0, colourChanges: 0, urges: 1 });
  s = await stored(r._id);
  expect(s).toMatchObject({ colour: 'red', urgeCount: 2, nextCheckAt: bj('2026-12-02T09:30') });
  expect(s.timeline.at(-1)!.text).toBe('催办（第2次）：已超期 1 个工作日，请尽快办结');
  expect((await messagesOf('u-sunli')).filter((m) => m.title === '诉求催办')).toHaveLength(2);

  // none of this reached the enterprise
  expect((await messagesOf('u-linxiao')).length).toBe(enterpriseMessages);
});

test('urges skip the weekend: urged on Friday, next on Monday', async () => {
  // due Friday 27 Nov 09:30 when assigned Friday 20 Nov 09:30
  at('2026-11-20T09:30');
  const r = await accepted();
  at('2026-11-27T09:30');
  await sweep();
  expect(await stored(r._id)).toMatchObject({ colour: 'red', urgeCount: 1, nextCheckAt: bj('2026-11-30T09:30') });
  at('2026-11-29T12:00');
  expect((await sweep()).examined).toBe(0);
  at('2026-11-30T09:30');
  expect(await sweep()).toMatchObject({ urges: 1 });
  expect((await stored(r._id)).urgeCount).toBe(2);
});

test('a second run right after the first changes nothing', async () => {
  const red = await accepted(); // due Mon 30 Nov 09:30
  at('2026-11-24T09:30');
  const yellow = await accepted(); // yellow from Mon 30 Nov 09:30
  at('2026-11-27T09:30');
  const late = await submitted(); // must be accepted by Mon 30 Nov 09:30

  at('2026-11-30T10:00');
  const first = await sweep();
  expect(first).toEqual({ examined: 3, timeouts: 1, colourChanges: 2, urges: 1 });
  expect((await stored(red._id)).colour).toBe('red');
  expect((await stored(yellow._id)).colour).toBe('yellow');
  expect((await stored(late._id)).timedOutIds).toEqual([late.assigneeId]);

  const snapshot = async () => ({
    requests: JSON.stringify(await h.requests().find({}, { orderBy: [['_id', 'asc']], limit: 100 })),
    users: JSON.stringify(await h.store.collection<User>(C.users).find({}, { orderBy: [['_id', 'asc']], limit: 100 })),
    outbox: await h.store.collection(C.outbox).count({}),
    messages: await h.store.collection(C.messages).count({}),
    pushed: h.notifier.sent.length,
  });
  const before = await snapshot();
  expect(await sweep()).toEqual({ examined: 0, timeouts: 0, colourChanges: 0, urges: 0 });
  expect(await snapshot()).toEqual(before);
  // and a minute later there is still nothing due
  h.clock.advance(60_000);
  expect((await sweep()).examined).toBe(0);
  expect(await snapshot()).toEqual(before);
});

test('not accepted within one working day: moves to the other officer of the grid, then back to the queue', async () => {
  const r = await submitted();
  const first = r.assigneeId!;
  const other = first === 'u-zhangwei' ? 'u-wangfang' : 'u-zhangwei';
  expect((await stored(r._id)).acceptDueAt).toBe(bj('2026-11-24T09:30'));

  at('2026-11-24T09:29');
  expect((await sweep()).timeouts).toBe(0);

  at('2026-11-24T09:30');
  expect(await sweep()).toMatchObject({ examined: 1, timeouts: 1 });
  let s = await stored(r._id);
  expect(s).toMatchObject({
    status: 'assigned', assigneeId: other, timedOutIds: [first], acceptDueAt: bj('2026-11-25T09:30'),
    // the resolution clock keeps running from the first assignment
    startedAt: bj('2026-11-23T09:30'), dueAt: bj('2026-11-30T09:30'),
  });
  expect(s.timeline.map((e) => e.type)).toEqual(['submitted', 'assigned', 'timeout', 'assigned']);
  expect(s.timeline[2].text).toMatch(/超过签收期限（2026-11-24 09:30）未签收，转派他人/);
  expect((await user(first)).openCount).toBe(0);
  expect((await user(other)).openCount).toBe(1);
  expect((await messagesOf(first)).map((m) => m.title)).toContain('诉求超时未签收');
  expect((await messagesOf('u-sunli')).map((m) => m.title)).toContain('诉求超时未签收');
  expect((await messagesOf(other)).at(-1)!.title).toBe('您有新的诉求待签收');

  // the second officer lets it pass too: nobody is left, it waits in the community queue
  at('2026-11-25T09:30');
  expect(await sweep()).toMatchObject({ timeouts: 1 });
  s = await stored(r._id);
  expect(s).toMatchObject({ status: 'queued', assigneeId: null, acceptDueAt: null, timedOutIds: [first, other], colour: 'green' });
  expect(s.timeline.slice(-2).map((e) => e.type)).toEqual(['timeout', 'queued']);
  expect(s.timeline.at(-1)!.text).toContain('东城社区营商环境优化中心 队列');
  expect((await user(other)).openCount).toBe(0);
  // still watched for its deadline
  expect(s.nextCheckAt).toBe(bj('2026-11-27T09:30'));
});

test('a grid with a single officer: a timeout goes straight back to the community queue', async () => {
  const r = await submitted('u-hejun');
  expect(r.assigneeId).toBe('u-huangmin');
  at('2026-11-24T09:30');
  expect(await sweep()).toMatchObject({ examined: 1, timeouts: 1 });
  const s = await stored(r._id);
  expect(s).toMatchObject({ status: 'queued', assigneeId: null, timedOutIds: ['u-huangmin'], tierOrgId: 'c-liuan' });
  expect(s.timeline.at(-1)!.text).toContain('柳岸社区营商环境优化中心 队列');
  expect((await user('u-huangmin')).openCount).toBe(0);
  // the assign timer does not hand it back to the officer who let it lapse
  await h.fns.assign({ Type: 'Timer' }, null);
  expect((await stored(r._id)).status).toBe('queued');
});

test("the enterprise's view shows none of the internal events", async () => {
  const r = await submitted();
  at('2026-11-24T09:30');
  await sweep(); // timeout → the other officer
  const officer = (await stored(r._id)).assigneeId!;
  await h.ok(officer, { action: 'request.accept', id: r._id });
  at('2026-11-27T09:30');
  await sweep(); // yellow
  at('2026-11-30T09:30');
  await sweep(); // red + urge
  await h.ok('u-sunli', { action: 'desk.refer', id: r._id, reason: '承办人员涉嫌推诿扯皮' });

  const internal = ['sla', 'urged', 'timeout', 'referred'];
  const staff = await h.ok('u-sunli', { action: 'request.get', id: r._id });
  const staffTypes = staff.request.timeline.map((e: any) => e.type);
  for (const t of internal) expect(staffTypes).toContain(t);

  const mine = await h.ok('u-linxiao', { action: 'request.get', id: r._id });
  const types = mine.request.timeline.map((e: any) => e.type);
  expect(types).toEqual(['submitted', 'assigned', 'assigned', 'accepted']);
  expect(mine.request.referral).toBeNull();
  expect(mine.request.slaHistory).toBeUndefined();
  const titles = (await messagesOf('u-linxiao')).map((m) => m.title);
  for (const t of ['诉求期限预警', '诉求催办', '诉求超时未签收', '诉求已移交纪委监委']) expect(titles).not.toContain(t);
  // the list view does not leak it either
  const list = await h.ok('u-linxiao', { action: 'request.mine' });
  expect(list.items[0].referral).toBeNull();
});

test('the sweep reads only the requests that are due', async () => {
  h.ports.config = { ...h.ports.config, submitsPerHour: 100 }; // 47 submits in one hour on purpose
  for (const id of ['u-zhangwei', 'u-wangfang']) await h.store.collection<User>(C.users).update(id, { $set: { capacity: 100 } });
  const early: string[] = [];
  for (let i = 0; i < 3; i++) early.push((await accepted())._id);
  at('2026-11-26T14:00');
  for (let i = 0; i < 47; i++) await submitted();
  const all = await h.requests().find({}, { limit: 100 });
  expect(all).toHaveLength(50);
  expect(all.every((r) => r.nextCheckAt !== null)).toBe(true);

  at('2026-11-27T09:30');
  expect(await sweep()).toEqual({ examined: 3, timeouts: 0, colourChanges: 3, urges: 0 });
  const yellow = (await h.requests().find({ colour: 'yellow' }, { limit: 100 })).map((r: ServiceRequest) => r._id).sort();
  expect(yellow).toEqual([...early].sort());
});
