/**
 * What the enterprise reads, in its timeline and its messages, is plain: who will handle its request,
 * never which queue, which rule or how many cases the officer carries, and never its own name back.
 * Staff keep the detail they work with. One tap makes one message: a submit assigned (or queued) in
 * the same write tells the enterprise once, and a re-run of the outbox never tells it twice.
 */
import { C } from '../collections';
import type { Message, OutboxEntry, TimelineEvent, User } from '../model';
import { enterpriseText } from '../request-record';
import { bodyOf, materializeNotifications, unitsOf } from './outbox';
import { makeHarness, submission, type Harness } from '../../tests/support/harness';

const COMPANY = '东城新材料科技有限公司';
/** the plumbing the enterprise must not read */
const PLUMBING = [/分派队列/, /（网格 /, /在办 \d+ 件/, /营商环境优化中心 队列/, /包联 /];

const ev = (seq: number, type: TimelineEvent['type'], text: string, over: Partial<TimelineEvent> = {}): TimelineEvent =>
  ({ seq, at: '2026-11-23T01:30:00.000Z', type, actorId: null, actorName: '系统', text, ...over });

describe('the words (pure)', () => {
  test('events written before enterpriseText existed read plainly by their type', () => {
    const self = { channel: 'self' as const };
    expect(enterpriseText(self, ev(1, 'submitted', `${COMPANY} 提交诉求，进入分派队列`))).toBe('已收到您的诉求');
    expect(enterpriseText(self, ev(2, 'assigned', '分派给 网格员 张伟（网格 东城一网格，在办 1 件）'))).toBe('已安排网格员张伟为您办理');
    expect(enterpriseText(self, ev(2, 'assigned', '分派给 特派员 周强（包联 云溪精密机械制造有限公司，在办 0 件）'))).toBe('已安排特派员周强为您办理');
    expect(enterpriseText(self, ev(2, 'queued', '暂无可接单的网格员或特派员，已进入 东城社区营商环境优化中心 队列，有空位时自动分派'))).toBe('正在为您安排办理人员，安排好后会通知您');
    expect(enterpriseText(self, ev(3, 'reassigned', '调度员改派给 网格员 王芳：张伟本周外出培训'))).toBe('已改由网格员王芳为您办理');
    expect(enterpriseText({ channel: 'visit' }, ev(1, 'submitted', `李明（区发改局）入企走访（ZF001）时代${COMPANY}反映，进入分派队列`))).toBe('已收到走访人员代您反映的诉求');
    // what an event says for the enterprise wins; other events read as written
    expect(enterpriseText(self, ev(2, 'assigned', '分派给 …', { enterpriseText: '已安排网格员王芳为您办理' }))).toBe('已安排网格员王芳为您办理');
    expect(enterpriseText(self, ev(4, 'progress', '已联系供电公司'))).toBe('已联系供电公司');
  });

  test('a message never names the enterprise twice, and never to itself', () => {
    const req = { no: 'SQ202611230001', enterpriseName: COMPANY };
    expect(bodyOf(req, { role: 'enterprise' }, '已收到您的诉求')).toBe('【SQ202611230001】已收到您的诉求');
    expect(bodyOf(req, { role: 'staff' }, '企业补充材料：营业执照')).toBe(`【SQ202611230001】${COMPANY}：企业补充材料：营业执照`);
    expect(bodyOf(req, { role: 'staff' }, `${COMPANY} 对入企记录 ZF001 提出投诉`)).toBe(`【SQ202611230001】${COMPANY} 对入企记录 ZF001 提出投诉`);
  });

  test('units of work: an event written with the one before it joins its message', () => {
    const units = unitsOf([ev(1, 'submitted', 'a'), ev(2, 'assigned', 'b', { withPrevious: true }), ev(3, 'accepted', 'c'), ev(4, 'progress', 'd')]);
    expect(units.map((u) => u.map((e) => e.seq))).toEqual([[1, 2], [3], [4]]);
    // its partner already told (not fresh): it stands alone
    expect(unitsOf([ev(2, 'assigned', 'b', { withPrevious: true })]).map((u) => u.map((e) => e.seq))).toEqual([[2]]);
  });
});

describe('through the service', () => {
  let h: Harness;
  beforeEach(async () => { h = await makeHarness(); });
  afterEach(() => h.cleanup());

  const messagesOf = (userId: string) => h.store.collection<Message>(C.messages).find({ userId }, { orderBy: [['createdAt', 'asc']], limit: 100 });
  const plain = (text: string) => PLUMBING.filter((p) => p.test(text)).map(String);
  const repeatsName = (text: string) => text.split(COMPANY).length > 2;

  test('a submit assigned at once: one plain message to the enterprise, the new work to the officer, the detail to staff', async () => {
    await h.consentAll();
    const { request } = await h.ok('u-linxiao', submission());
    expect(request.status).toBe('assigned');
    const officer = request.assigneeId as string;
    const name = officer === 'u-zhangwei' ? '张伟' : '王芳';

    // the enterprise's timeline: plain words
    const texts = request.timeline.map((e: { text: string }) => e.text);
    expect(texts).toEqual(['已收到您的诉求', `已安排网格员${name}为您办理`]);
    expect(texts.flatMap(plain)).toEqual([]);

    // one message for the one tap, saying both; no company name in it
    const mine = await messagesOf('u-linxiao');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ _id: `${request._id}:2:u-linxiao`, title: '诉求已提交', body: `【${request.no}】已收到您的诉求，已安排网格员${name}为您办理` });
    expect(plain(mine[0].body)).toEqual([]);
    expect(mine[0].body).not.toContain(COMPANY);
    // and one push
    const pushes = h.notifier.sent.filter((m) => m.openid === 'dev-u-linxiao');
    expect(pushes).toHaveLength(1);
    expect(pushes[0].data.remark).toBe(`已收到您的诉求，已安排网格员${name}为您办理`);

    // the officer: the new work, once; and the detail it works with
    expect((await messagesOf(officer)).map((m) => m.title)).toEqual(['您有新的诉求待签收']);
    const staff = await h.ok(officer, { action: 'request.get', id: request._id });
    expect(staff.request.timeline[1].text).toMatch(/^分派给 网格员 .+（网格 东城一网格，在办 0 件）$/);
    expect((await messagesOf(officer)).every((m) => !repeatsName(m.body))).toBe(true);
  });

  test('a re-run of the outbox (a crash before the mark was cleared) tells nobody twice', async () => {
    const { request } = await h.ok('u-linxiao', submission());
    const before = { messages: await h.store.collection<Message>(C.messages).count({}), outbox: await h.store.collection<OutboxEntry>(C.outbox).count({}) };
    await h.requests().update(request._id, { $set: { needsNotify: true, notifiedSeq: 0 } });
    expect(await materializeNotifications(h.ports, request._id, h.clock.now())).toBe(0);
    expect(await h.store.collection<Message>(C.messages).count({})).toBe(before.messages);
    expect(await h.store.collection<OutboxEntry>(C.outbox).count({})).toBe(before.outbox);
    expect(await messagesOf('u-linxiao')).toHaveLength(1);
  });

  test('a submit nobody can take yet: one message that it waits, then one when someone takes it', async () => {
    const users = h.store.collection<User>(C.users);
    for (const id of ['u-zhangwei', 'u-wangfang']) await users.update(id, { $set: { onDuty: false } });
    const { request } = await h.ok('u-linxiao', submission());
    expect(request.status).toBe('queued');
    expect(request.timeline.map((e: { text: string }) => e.text)).toEqual(['已收到您的诉求', '正在为您安排办理人员，安排好后会通知您']);
    expect((await messagesOf('u-linxiao')).map((m) => m.body)).toEqual([`【${request.no}】已收到您的诉求，正在为您安排办理人员，安排好后会通知您`]);

    await users.update('u-wangfang', { $set: { onDuty: true } });
    h.clock.advance(60_000);
    expect((await h.fns.assign({ Type: 'Timer' }, null)).ok).toBe(true);
    const mine = await messagesOf('u-linxiao');
    expect(mine.map((m) => [m.title, m.body])).toEqual([
      ['诉求已提交', `【${request.no}】已收到您的诉求，正在为您安排办理人员，安排好后会通知您`],
      ['已安排办理人员', `【${request.no}】已安排网格员王芳为您办理`],
    ]);
    // the desk still reads which queue it waited in
    const stored = (await h.requests().get(request._id))!;
    expect(stored.timeline[1].text).toContain('东城社区营商环境优化中心 队列');
  });

  test('a dispatcher\'s 改派 reads to the enterprise as who handles it now, without the desk\'s note', async () => {
    const { request } = await h.ok('u-linxiao', submission());
    const to = request.assigneeId === 'u-zhangwei' ? { id: 'u-wangfang', name: '王芳' } : { id: 'u-zhangwei', name: '张伟' };
    await h.ok('u-sunli', { action: 'desk.reassign', id: request._id, assigneeId: to.id, note: '原承办人本周外出培训' });
    const seen = await h.ok('u-linxiao', { action: 'request.get', id: request._id });
    expect(seen.request.timeline.at(-1).text).toBe(`已改由网格员${to.name}为您办理`);
    const last = (await messagesOf('u-linxiao')).at(-1)!;
    expect(last.body).toBe(`【${request.no}】已改由网格员${to.name}为您办理`);
    // staff read the note
    const desk = await h.ok('u-sunli', { action: 'request.get', id: request._id });
    expect(desk.request.timeline.at(-1).text).toBe(`调度员改派给 网格员 ${to.name}：原承办人本周外出培训`);
  });

  test('no message of a whole loop repeats the company name or shows the enterprise plumbing', async () => {
    const { request } = await h.ok('u-linxiao', submission());
    const officer = request.assigneeId as string;
    await h.ok(officer, { action: 'request.accept', id: request._id });
    await h.ok(officer, { action: 'request.pause', id: request._id, reason: '请补充用电报装申请表' });
    await h.ok('u-linxiao', { action: 'request.supplement', id: request._id, note: '已补充申请表', photos: [] });
    await h.ok(officer, { action: 'request.resolve', id: request._id, result: '已完成增容', kind: 'solved' });
    await h.ok('u-linxiao', { action: 'request.reopen', id: request._id, reason: '送电后仍跳闸' });
    const all = await h.store.collection<Message>(C.messages).find({}, { limit: 200 });
    expect(all.filter((m) => repeatsName(m.body))).toEqual([]);
    const mine = all.filter((m) => m.userId === 'u-linxiao');
    expect(mine.filter((m) => m.body.includes(COMPANY) || plain(m.body).length)).toEqual([]);
    const seen = await h.ok('u-linxiao', { action: 'request.get', id: request._id });
    expect(seen.request.timeline.flatMap((e: { text: string }) => plain(e.text))).toEqual([]);
  });
});
