/**
 * Supervision cards as the seeds run them (issue 11): each department accepts (接收) its part
 * first; co-operating departments give their opinion (协办意见); the lead reports progress (办理进展)
 * as often as needed and gives the final answer (最终答复) as a separate, confirmed step, possible
 * only once every co-operating part is answered, returned or closed by the dispatcher. The
 * dispatcher urges, moves the deadline, withdraws the card or closes a co-operating part. Officials
 * a complaint is about never see the card; their department gets it only with the dispatcher's
 * confirmation.
 */
import { C } from '../collections';
import type { Collection, Doc, Store } from '../ports';
import type { Message, ServiceRequest, SupervisionCard } from '../model';
import { makeHarness, submission, type Harness } from '../../tests/support/harness';

let h: Harness;
beforeEach(async () => { h = await makeHarness('2026-11-23T01:30:00Z'); /* Mon 09:30 Beijing */ });
afterEach(() => h.cleanup());

const bj = (local: string) => new Date(`${local}:00+08:00`).toISOString();
const LEAD = 'u-qianjun'; // 区自然资源局
const CO = 'u-fengyu'; // 区住房和城乡建设局
const DESK = 'u-sunli';
const stored = async (id: string) => (await h.requests().get(id))!;
const storedCard = async (id: string) => (await h.store.collection<SupervisionCard>(C.cards).get(id))!;
const titlesOf = async (userId: string) =>
  (await h.store.collection<Message>(C.messages).find({ userId }, { orderBy: [['createdAt', 'asc']], limit: 500 })).map((m) => m.title);
const refused = (code: string, message?: RegExp) => ({ ok: false, code, ...(message ? { message: expect.stringMatching(message) } : {}) });

async function issued(over: Record<string, unknown> = {}) {
  const { request } = await h.ok('u-linxiao', submission());
  const r = await h.ok(DESK, {
    action: 'card.issue', id: request._id, leadDeptId: 'dep-zrzy', coDeptIds: ['dep-zjj'], deadline: '2026-12-04',
    instructions: '请区自然资源局牵头，住建局协办，核实厂区用地手续', ...over,
  });
  return { requestId: request._id as string, cardId: r.card._id as string, card: r.card };
}
const final = (cardId: string, over: Record<string, unknown> = {}) =>
  ({ action: 'card.final', cardId, answer: '已完成用地手续审批，土地证本周内发放', confirm: true, ...over });

describe('accept first', () => {
  test('every party gets an accept deadline; nothing but accept or return before accepting', async () => {
    const { requestId, cardId, card } = await issued();
    // one working day after issue (policy.cardAcceptDays)
    expect(card.parties.map((p: any) => [p.role, p.status, p.acceptDueAt, p.acceptedAt])).toEqual([
      ['lead', 'issued', bj('2026-11-24T09:30'), null],
      ['co', 'issued', bj('2026-11-24T09:30'), null],
    ]);
    expect((await h.ok(LEAD, { action: 'card.get', cardId })).can).toEqual({ accept: true, return: true, reply: false, progress: false, final: false });

    // the old way: the lead "answers" a fresh card and the request is resolved. Not any more.
    expect(await h.call(LEAD, { action: 'card.reply', cardId, reply: '已收到，正在核查。' })).toMatchObject(refused('INVALID_STATE', /最终答复/));
    expect(await h.call(LEAD, final(cardId))).toMatchObject(refused('INVALID_STATE', /接收/));
    expect(await h.call(LEAD, { action: 'card.progress', cardId, note: '已开始核查' })).toMatchObject(refused('INVALID_STATE', /接收/));
    expect(await h.call(CO, { action: 'card.reply', cardId, reply: '经核查手续齐全' })).toMatchObject(refused('INVALID_STATE', /请先接收/));
    expect((await stored(requestId)).status).toBe('supervised');
    expect((await storedCard(cardId)).parties.map((p) => p.status)).toEqual(['issued', 'issued']);

    h.clock.set(bj('2026-11-23T11:00'));
    const a = await h.ok(LEAD, { action: 'card.accept', cardId });
    expect(a.card.parties[0]).toMatchObject({ status: 'accepted', acceptedAt: bj('2026-11-23T11:00'), handlerName: '钱军' });
    expect(a.request.timeline.at(-1)).toMatchObject({ type: 'card_accepted', text: '区自然资源局（牵头）已接收督办卡' });
    // accepted after the accept deadline: on record and on the timeline
    h.clock.set(bj('2026-11-24T14:00'));
    const late = await h.ok(CO, { action: 'card.accept', cardId });
    expect(late.card.parties[1]).toMatchObject({ status: 'accepted', acceptedAt: bj('2026-11-24T14:00'), acceptDueAt: bj('2026-11-24T09:30') });
    expect(late.request.timeline.at(-1).text).toBe('区住房和城乡建设局（协办）已接收督办卡（逾期接收）');
    expect(await h.call(CO, { action: 'card.accept', cardId })).toMatchObject(refused('INVALID_STATE'));
  });

  test('a department may return instead of accepting, with its reason', async () => {
    const { cardId } = await issued();
    expect(await h.call(CO, { action: 'card.return', cardId, reason: '' })).toMatchObject(refused('VALIDATION_FAILED'));
    const r = await h.ok(CO, { action: 'card.return', cardId, reason: '本局无相关职责' });
    expect(r.card.parties[1]).toMatchObject({ status: 'returned', reason: '本局无相关职责' });
    expect(r.card.status).toBe('open');
  });
});

describe('co opinion, progress and the confirmed final answer', () => {
  test('the full flow: accept → co opinion → progress twice → final answer with confirm resolves the request', async () => {
    const { requestId, cardId } = await issued();
    await h.ok(LEAD, { action: 'card.accept', cardId });
    await h.ok(CO, { action: 'card.accept', cardId });
    expect((await h.ok(CO, { action: 'card.get', cardId })).can).toEqual({ accept: false, return: true, reply: true, progress: false, final: false });
    expect((await h.ok(LEAD, { action: 'card.get', cardId })).can).toEqual({ accept: false, return: true, reply: false, progress: true, final: false });

    // progress, as often as needed: on the card and on the timeline; the request stays supervised
    h.clock.set(bj('2026-11-24T10:00'));
    await h.ok(LEAD, { action: 'card.progress', cardId, note: '已调取该地块规划许可档案' });
    h.clock.set(bj('2026-11-25T10:00'));
    const p2 = await h.ok(LEAD, { action: 'card.progress', cardId, note: '已约企业周四现场核验' });
    expect(p2.card.progress.map((x: any) => [x.at, x.byName, x.text])).toEqual([
      [bj('2026-11-24T10:00'), '钱军', '已调取该地块规划许可档案'],
      [bj('2026-11-25T10:00'), '钱军', '已约企业周四现场核验'],
    ]);
    expect(p2.request.status).toBe('supervised');
    expect(p2.request.timeline.filter((e: any) => e.type === 'card_progress').map((e: any) => e.text)).toEqual([
      '区自然资源局（牵头）办理进展：已调取该地块规划许可档案',
      '区自然资源局（牵头）办理进展：已约企业周四现场核验',
    ]);
    // co departments do not report progress
    expect(await h.call(CO, { action: 'card.progress', cardId, note: '协办进展' })).toMatchObject(refused('INVALID_STATE'));

    // the final answer waits for the co-operating department, and is never given without confirming
    expect(await h.call(LEAD, final(cardId))).toMatchObject(refused('INVALID_STATE', /区住房和城乡建设局/));
    const noConfirm = await h.call(LEAD, final(cardId, { confirm: undefined }));
    expect(noConfirm).toMatchObject(refused('VALIDATION_FAILED'));
    expect((noConfirm as any).details).toEqual([expect.objectContaining({ field: 'confirm', message: expect.stringContaining('将作为办理结果反馈企业') })]);
    expect(await h.call(LEAD, final(cardId, { confirm: 'yes' }))).toMatchObject(refused('VALIDATION_FAILED'));

    // the co opinion reaches the lead
    const co = await h.ok(CO, { action: 'card.reply', cardId, reply: '经核查，该地块规划许可手续齐全' });
    expect(co.card.parties[1]).toMatchObject({ status: 'replied', reply: '经核查，该地块规划许可手续齐全', handlerName: '冯玉' });
    expect(co.request.status).toBe('supervised');
    expect(co.request.timeline.at(-1)).toMatchObject({ type: 'card_replied', text: '区住房和城乡建设局（协办）意见：经核查，该地块规划许可手续齐全' });
    expect(await titlesOf(LEAD)).toContain('督办卡已答复');
    const leadView = await h.ok(LEAD, { action: 'card.get', cardId });
    expect(leadView.card.parties.find((p: any) => p.role === 'co').reply).toBe('经核查，该地块规划许可手续齐全');
    expect(leadView.can.final).toBe(true);
    expect(await h.call(CO, final(cardId))).toMatchObject(refused('INVALID_STATE'));

    // only a confirmed final answer resolves the request; the supervisors and the enterprise hear it
    expect((await stored(requestId)).status).toBe('supervised');
    h.clock.set(bj('2026-11-26T15:00'));
    const done = await h.ok(LEAD, final(cardId));
    expect(done.card.status).toBe('answered');
    expect(done.card.parties[0]).toMatchObject({ status: 'replied', reply: '已完成用地手续审批，土地证本周内发放' });
    expect(done.request).toMatchObject({ status: 'resolved', result: '已完成用地手续审批，土地证本周内发放', resolvedAt: bj('2026-11-26T15:00'), closedOnTime: true });
    expect(done.request.timeline.at(-1).text).toBe('办结（已解决）：区自然资源局（牵头）最终答复：已完成用地手续审批，土地证本周内发放');
    expect(await titlesOf(DESK)).toContain('诉求已办结，请评价');
    expect((await titlesOf('u-linxiao')).at(-1)).toBe('诉求已办结，请评价');
    // nothing more on an answered card
    expect(await h.call(LEAD, { action: 'card.progress', cardId, note: '补充进展' })).toMatchObject(refused('INVALID_STATE'));
    expect(await h.call(LEAD, final(cardId))).toMatchObject(refused('INVALID_STATE'));
    expect(await h.call(DESK, { action: 'card.urge', cardId })).toMatchObject(refused('INVALID_STATE'));
  });

  test('a co return lets the final answer through, and the supervisors and the lead hear of it', async () => {
    const { requestId, cardId } = await issued();
    await h.ok(LEAD, { action: 'card.accept', cardId });
    await h.ok(CO, { action: 'card.accept', cardId });
    const ret = await h.ok(CO, { action: 'card.return', cardId, reason: '本局无相关职责' });
    expect(ret.request.status).toBe('supervised');
    expect(ret.request.timeline.at(-1)).toMatchObject({ type: 'card_returned', text: '区住房和城乡建设局（协办）退回督办卡：本局无相关职责' });
    expect(await titlesOf(DESK)).toContain('督办卡被退回');
    expect(await titlesOf(LEAD)).toContain('督办卡被退回');
    // the dispatcher's desk shows the part returned with its reason
    const desk = await h.ok(DESK, { action: 'request.get', id: requestId });
    expect(desk.card.parties[1]).toMatchObject({ status: 'returned', reason: '本局无相关职责' });
    expect((await h.ok(LEAD, final(cardId))).request.status).toBe('resolved');
  });

  test('the dispatcher closing a co part lets the final answer through', async () => {
    const { cardId } = await issued();
    await h.ok(LEAD, { action: 'card.accept', cardId });
    expect(await h.call(LEAD, final(cardId))).toMatchObject(refused('INVALID_STATE', /待接收/));
    expect(await h.call(DESK, { action: 'card.closeParty', cardId, deptId: 'dep-zrzy', reason: '牵头部门不能结束' })).toMatchObject(refused('VALIDATION_FAILED'));
    expect(await h.call(DESK, { action: 'card.closeParty', cardId, deptId: 'dep-zjj', reason: '' })).toMatchObject(refused('VALIDATION_FAILED'));
    const closed = await h.ok(DESK, { action: 'card.closeParty', cardId, deptId: 'dep-zjj', reason: '协办事项已由牵头部门一并办理' });
    expect(closed.card.parties[1]).toMatchObject({ status: 'closed', closed: { byName: '孙丽', reason: '协办事项已由牵头部门一并办理' } });
    expect(closed.request.timeline.at(-1)).toMatchObject({ type: 'card_party_closed', text: '结束区住房和城乡建设局（协办）的协办：协办事项已由牵头部门一并办理' });
    expect(await titlesOf(CO)).toContain('督办卡协办已结束');
    // the closed department can do nothing more on it
    expect(await h.call(CO, { action: 'card.accept', cardId })).toMatchObject(refused('INVALID_STATE'));
    expect((await h.ok(CO, { action: 'card.list', tab: 'done' })).items.map((c: any) => c._id)).toEqual([cardId]);
    expect((await h.ok(LEAD, final(cardId))).request.status).toBe('resolved');
  });

  test('the final answer carries the result type like an officer\'s 办结: 无法解决 needs its reason', async () => {
    const { requestId, cardId } = await issued({ coDeptIds: [] });
    await h.ok(LEAD, { action: 'card.accept', cardId });
    expect(await h.call(LEAD, final(cardId, { kind: 'unsolvable' }))).toMatchObject({ ...refused('VALIDATION_FAILED'), details: [{ field: 'reason', message: expect.stringMatching(/无法解决/) }] });
    expect((await stored(requestId)).status).toBe('supervised');
    const done = await h.ok(LEAD, final(cardId, { answer: '该地块规划调整须报市政府审批', kind: 'unsolvable', reason: '需市级审批' }));
    expect(done.request).toMatchObject({ status: 'resolved', resultKind: 'unsolvable', resultReason: '需市级审批' });
    expect(done.request.timeline.at(-1).text).toBe('办结（无法解决）：区自然资源局（牵头）最终答复：该地块规划调整须报市政府审批；无法解决的原因：需市级审批');
    const seen = await h.ok('u-linxiao', { action: 'request.get', id: requestId });
    expect(seen.request).toMatchObject({ resultKind: 'unsolvable', resultReason: '需市级审批' });
  });
});

describe('the dispatcher', () => {
  test('urges one department or every open one, counted per party', async () => {
    const { requestId, cardId } = await issued();
    await h.ok(LEAD, { action: 'card.accept', cardId });
    const one = await h.ok(DESK, { action: 'card.urge', cardId, deptId: 'dep-zjj', note: '请今日内接收' });
    expect(one.card.parties.map((p: any) => p.urgeCount)).toEqual([0, 1]);
    expect(one.request.timeline.at(-1)).toMatchObject({ type: 'card_urged', text: expect.stringContaining('区住房和城乡建设局（协办，待接收）：请今日内接收') });
    expect(await titlesOf(CO)).toContain('督办卡催办');
    expect(await titlesOf(LEAD)).not.toContain('督办卡催办');
    const all = await h.ok(DESK, { action: 'card.urge', cardId });
    expect(all.card.parties.map((p: any) => p.urgeCount)).toEqual([1, 2]);
    expect(all.request.urgeCount).toBe(2);
    expect(await titlesOf(LEAD)).toContain('督办卡催办');
    // the enterprise does not see the internal supervision
    const mine = await h.ok('u-linxiao', { action: 'request.get', id: requestId });
    expect(mine.request.timeline.map((e: any) => e.type)).not.toContain('card_urged');
    // a part already answered is not urged; a party not on the card is a field error
    await h.ok(CO, { action: 'card.accept', cardId });
    await h.ok(CO, { action: 'card.reply', cardId, reply: '手续齐全' });
    expect(await h.call(DESK, { action: 'card.urge', cardId, deptId: 'dep-zjj' })).toMatchObject(refused('INVALID_STATE'));
    expect(await h.call(DESK, { action: 'card.urge', cardId, deptId: 'dep-other' })).toMatchObject(refused('VALIDATION_FAILED'));
  });

  test('moves the deadline: the card and the request recompute together', async () => {
    const { requestId, cardId } = await issued({ deadline: '2026-11-25' });
    expect((await stored(requestId)).dueAt).toBe(bj('2026-11-25T17:30'));
    expect(await h.call(DESK, { action: 'card.deadline', cardId, deadline: '2026-11-20', reason: '提前' })).toMatchObject(refused('VALIDATION_FAILED'));
    expect(await h.call(DESK, { action: 'card.deadline', cardId, deadline: '2026-11-25', reason: '不变' })).toMatchObject(refused('VALIDATION_FAILED'));
    expect(await h.call(DESK, { action: 'card.deadline', cardId, deadline: '2026-12-02' })).toMatchObject(refused('VALIDATION_FAILED'));
    const moved = await h.ok(DESK, { action: 'card.deadline', cardId, deadline: '2026-12-02', reason: '需等待规划委员会审议' });
    expect(moved.card).toMatchObject({ deadline: '2026-12-02', deadlineChanges: [{ from: '2026-11-25', to: '2026-12-02', reason: '需等待规划委员会审议', byName: '孙丽' }] });
    expect(moved.request).toMatchObject({ specialDueDate: '2026-12-02', dueAt: bj('2026-12-02T17:30') });
    expect(moved.request.timeline.at(-1)).toMatchObject({ type: 'card_deadline', text: '督办期限由 2026-11-25 调整为 2026-12-02：需等待规划委员会审议' });
    expect(await titlesOf(LEAD)).toContain('督办期限已调整');
  });

  test('withdraws the card: back to 待调度 with the clock running, the departments can do nothing more', async () => {
    const { requestId, cardId } = await issued();
    const before = await stored(requestId);
    await h.ok(LEAD, { action: 'card.accept', cardId });
    h.clock.set(bj('2026-11-24T10:00'));
    const w = await h.ok(DESK, { action: 'card.withdraw', cardId, reason: '企业已撤回诉求中涉及用地的部分' });
    expect(w.card).toMatchObject({ status: 'withdrawn', withdrawal: { byName: '孙丽', reason: '企业已撤回诉求中涉及用地的部分' } });
    expect(w.request).toMatchObject({ status: 'dispatch', cardId: null, startedAt: before.startedAt, dueAt: before.dueAt });
    expect(w.request.timeline.at(-1)).toMatchObject({ type: 'card_withdrawn' });
    expect(await titlesOf(LEAD)).toContain('督办卡已撤回');
    expect(await h.call(LEAD, { action: 'card.progress', cardId, note: '继续办理' })).toMatchObject(refused('INVALID_STATE'));
    expect(await h.call(CO, { action: 'card.accept', cardId })).toMatchObject(refused('INVALID_STATE'));
    expect(await h.call(DESK, { action: 'card.withdraw', cardId, reason: '再撤一次' })).toMatchObject(refused('INVALID_STATE'));
    expect((await h.ok(CO, { action: 'card.list', tab: 'todo' })).total).toBe(0);
    // and it can be routed again
    const again = await h.ok(DESK, { action: 'card.issue', id: requestId, leadDeptId: 'dep-zjj', coDeptIds: [], deadline: '2026-12-04', instructions: '请住建局牵头办理' });
    expect(again.request).toMatchObject({ status: 'supervised', cardId: again.card._id });
  });

  test('only a dispatcher who supervises the request may control its card; others read it as missing', async () => {
    const { cardId } = await issued();
    const xihu = await h.ok('u-admin', { action: 'admin.staff.invite', name: '西湖调度', roles: ['dispatcher'], orgId: 's-xihu' });
    await h.ok('wx-xihu', { action: 'invite.redeem', code: xihu.invite.code });
    const events = [
      { action: 'card.urge', cardId },
      { action: 'card.deadline', cardId, deadline: '2026-12-10', reason: '延期办理' },
      { action: 'card.withdraw', cardId, reason: '重新调度' },
      { action: 'card.closeParty', cardId, deptId: 'dep-zjj', reason: '不需协办' },
    ];
    const snapshot = JSON.stringify(await storedCard(cardId));
    for (const event of events) {
      for (const who of [LEAD, 'u-linxiao', 'u-zhangwei', 'u-majianguo']) expect(await h.call(who, event)).toMatchObject(refused('FORBIDDEN'));
      const outside = await h.call('wx-xihu', event);
      expect(outside).toMatchObject(refused('NOT_FOUND'));
      expect(await h.call('wx-xihu', { ...event, cardId: 'no-such-card' })).toEqual(outside);
    }
    expect(JSON.stringify(await storedCard(cardId))).toBe(snapshot);
  });
});

describe('recusal', () => {
  async function complaint() {
    const { request } = await h.ok('u-linxiao', submission({ description: '住建局检查人员冯玉要求企业承担检测费用，不合规定。' }));
    await h.requests().update(request._id, {
      $set: { recusal: { userIds: ['u-fengyu'], userNames: ['冯玉'], deptIds: ['dep-zjj'], reason: '投诉涉及区住房和城乡建设局冯玉' } },
    });
    return request._id as string;
  }

  test('a card to the department of the officials complained about needs the dispatcher to confirm', async () => {
    const id = await complaint();
    const event = { action: 'card.issue', id, leadDeptId: 'dep-zrzy', coDeptIds: ['dep-zjj'], deadline: '2026-12-04', instructions: '请核实检测费用收取依据' };
    const r = await h.call(DESK, event);
    expect(r).toMatchObject(refused('VALIDATION_FAILED', /区住房和城乡建设局/));
    expect((r as any).details).toEqual([expect.objectContaining({ field: 'confirmRecusal', message: expect.stringContaining('区住房和城乡建设局') })]);
    expect((await stored(id)).status).not.toBe('supervised');
    expect(await h.store.collection(C.cards).count({})).toBe(0);
    // a department not concerned needs no confirmation
    const ok = await h.ok(DESK, { ...event, leadDeptId: 'dep-zrzy', coDeptIds: [] });
    expect(ok.card.recusedUserIds).toEqual(['u-fengyu']);
  });

  test('confirmed, the official complained about never sees the card, nor hears of it', async () => {
    const id = await complaint();
    const { card } = await h.ok(DESK, {
      action: 'card.issue', id, leadDeptId: 'dep-zjj', coDeptIds: ['dep-zrzy'], deadline: '2026-12-04', instructions: '请核实检测费用收取依据', confirmRecusal: true,
    });
    expect(card.recusedUserIds).toEqual(['u-fengyu']);
    expect((await stored(id)).timeline.at(-1)!.text).toContain('已确认回避');
    const cardId = card._id;
    expect(await h.ok(CO, { action: 'card.list', tab: 'todo' })).toMatchObject({ total: 0, counts: { todo: 0, doing: 0, done: 0 } });
    const missing = await h.call(CO, { action: 'card.get', cardId: 'no-such-card' });
    for (const event of [
      { action: 'card.get', cardId },
      { action: 'card.accept', cardId },
      { action: 'card.return', cardId, reason: '与我无关' },
      { action: 'card.reply', cardId, reply: '无问题' },
      { action: 'card.progress', cardId, note: '进展' },
      final(cardId),
    ]) {
      const r = await h.call(CO, event);
      expect(r).toMatchObject(refused('NOT_FOUND'));
      expect((r as any).message).toBe((missing as any).message);
    }
    expect(await titlesOf(CO)).not.toContain('您有新的督办卡待接收');
    // the other department works normally, and does not learn who was complained about
    const other = await h.ok(LEAD, { action: 'card.get', cardId });
    expect(other.card).not.toHaveProperty('recusedUserIds');
    expect((await h.ok(LEAD, { action: 'card.list', tab: 'todo' })).items.map((c: any) => c._id)).toEqual([cardId]);
    expect((await h.ok(LEAD, { action: 'card.list', tab: 'todo' })).items[0]).not.toHaveProperty('recusedUserIds');
  });
});

test('a card issued the old way can no longer be closed by one lead answer while a co department is still 待接收', async () => {
  // the story of the issue: a fresh card, the lead types one sentence and presses 答复
  const { requestId, cardId } = await issued();
  await h.call(LEAD, { action: 'card.accept', cardId });
  await h.call(LEAD, { action: 'card.reply', cardId, reply: '已收到，正在核查。' });
  await h.call(LEAD, { action: 'card.final', cardId, answer: '已收到，正在核查。' });
  await h.call(LEAD, final(cardId, { answer: '已收到，正在核查。' }));
  const req = (await stored(requestId)) as ServiceRequest;
  expect(req.status).toBe('supervised');
  expect(req.result).toBeNull();
  expect((await storedCard(cardId)).parties.map((p) => p.status)).toEqual(['accepted', 'issued']);
});

/** A card's final answer (最终答复) and the request it resolves stay in step even when the request moves in between. */
test('the sweep recolouring the request between the card update and the request update does not split them', async () => {
  const { request } = await h.ok('u-linxiao', submission());
  const issued = await h.ok('u-sunli', { action: 'card.issue', id: request._id, leadDeptId: 'dep-zjj', coDeptIds: [], deadline: '2026-11-30', instructions: '请牵头答复' });
  await h.ok('u-fengyu', { action: 'card.accept', cardId: issued.card._id });
  const real = h.ports.store;
  let raced = false;
  // just before the resolving write, another writer (as the sweep would) bumps the request's version
  const racing: Store = {
    collection<T extends Doc>(name: string): Collection<T> {
      const c = real.collection<T>(name);
      if (name !== 'requests') return c;
      return {
        ...c,
        update: async (id, update, where) => {
          if (!raced && update.$set?.status === 'resolved') {
            raced = true;
            await c.update(id, { $inc: { seq: 1 }, $set: { colour: 'yellow' } });
          }
          return c.update(id, update, where);
        },
      };
    },
  };
  h.ports.store = racing;
  const r = await h.ok('u-fengyu', { action: 'card.final', cardId: issued.card._id, answer: '已明确办理路径并答复企业', confirm: true });
  expect(raced).toBe(true);
  expect(r.card.status).toBe('answered');
  expect(r.request).toMatchObject({ status: 'resolved', result: '已明确办理路径并答复企业' });
  h.ports.store = real;
  const stored = (await h.requests().get(request._id))!;
  expect(stored.status).toBe('resolved');
  expect(stored.timeline.filter((e) => e.type === 'resolved')).toHaveLength(1);
});
