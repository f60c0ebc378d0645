/** Supervision cards (督办卡) as the dispatcher issues them and the departments see and answer them, through the service function. */
import { C } from '../collections';
import type { SupervisionCard } from '../model';
import { freshEach } from '../../tests/support/harness';

const w = freshEach();
const { bj, stored, user, messagesOf, titlesOf, assigned, snapshot } = w;

const card = (id: string, over: Record<string, unknown> = {}) => ({
  action: 'card.issue', id, leadDeptId: 'dep-zrzy', coDeptIds: ['dep-zjj'], deadline: '2026-12-04',
  instructions: '请区自然资源局牵头，住建局配合，核实厂区用地手续', ...over,
});

describe('supervision cards', () => {
  test('issue → departments see it → co opinion does not resolve → the lead\'s confirmed final answer resolves → the enterprise scores it', async () => {
    const r = await assigned();
    const officer = r.assigneeId;
    const issued = await w.h.ok('u-sunli', card(r._id));
    expect(issued.card).toMatchObject({ requestId: r._id, requestNo: r.no, deadline: '2026-12-04', status: 'open', deptIds: ['dep-zrzy', 'dep-zjj'] });
    expect(issued.card.no).toMatch(/^DB20261123\d{4}$/);
    expect(issued.card.parties.map((p: any) => [p.deptId, p.role, p.status])).toEqual([['dep-zrzy', 'lead', 'issued'], ['dep-zjj', 'co', 'issued']]);
    expect(issued.request).toMatchObject({
      status: 'supervised', level: 'special', specialDueDate: '2026-12-04', deptIds: ['dep-zrzy', 'dep-zjj'], cardId: issued.card._id,
      assigneeId: null, dueAt: bj('2026-12-04T17:30'), colour: 'green',
    });
    expect(issued.request.timeline.at(-1).text).toBe(`下发督办卡 ${issued.card.no}：区自然资源局（牵头）、区住房和城乡建设局（协办），期限 2026-12-04`);
    // the officer is released and told
    expect((await user(officer)).openCount).toBe(0);
    expect(await titlesOf(officer)).toContain('督办卡已下发');

    for (const who of ['u-qianjun', 'u-fengyu']) {
      const todo = await w.h.ok(who, { action: 'card.list', tab: 'todo' });
      expect(todo.items.map((c: any) => c._id)).toEqual([issued.card._id]);
      expect(todo.counts).toEqual({ todo: 1, doing: 0, done: 0 });
      expect(await titlesOf(who)).toContain('您有新的督办卡待接收');
      // and may read the request itself
      expect((await w.h.ok(who, { action: 'request.get', id: r._id })).request.status).toBe('supervised');
    }
    const cardId = issued.card._id;

    await w.h.ok('u-qianjun', { action: 'card.accept', cardId });
    expect((await w.h.ok('u-qianjun', { action: 'card.list', tab: 'doing' })).counts).toEqual({ todo: 0, doing: 1, done: 0 });

    w.h.clock.set(bj('2026-11-25T10:00'));
    await w.h.ok('u-fengyu', { action: 'card.accept', cardId });
    const co = await w.h.ok('u-fengyu', { action: 'card.reply', cardId, reply: '经核查，该地块规划许可手续齐全' });
    expect(co.request.status).toBe('supervised');
    expect(co.card.status).toBe('open');
    expect(co.card.parties[1]).toMatchObject({ status: 'replied', reply: '经核查，该地块规划许可手续齐全', handlerId: 'u-fengyu' });
    expect((await w.h.ok('u-fengyu', { action: 'card.list', tab: 'done' })).counts).toEqual({ todo: 0, doing: 0, done: 1 });
    expect(await w.h.call('u-fengyu', { action: 'card.reply', cardId, reply: '再答复一次' })).toMatchObject({ ok: false, code: 'INVALID_STATE' });

    w.h.clock.set(bj('2026-11-26T15:00'));
    const lead = await w.h.ok('u-qianjun', { action: 'card.final', cardId, answer: '已完成用地手续审批，土地证本周内发放', confirm: true });
    expect(lead.card.status).toBe('answered');
    expect(lead.request).toMatchObject({
      status: 'resolved', result: '已完成用地手续审批，土地证本周内发放', resolvedAt: bj('2026-11-26T15:00'), closedOnTime: true, colour: 'green',
    });
    expect(await titlesOf('u-sunli')).toContain('诉求已办结，请评价');

    const mine = await w.h.ok('u-linxiao', { action: 'request.get', id: r._id });
    expect(mine.card).toBeNull();
    expect(mine.can).toMatchObject({ confirm: true, reopen: true });
    expect((await messagesOf('u-linxiao')).at(-1)!.title).toBe('诉求已办结，请评价');
    const closed = await w.h.ok('u-linxiao', { action: 'request.confirm', id: r._id, score: 4, comment: '部门协调有力' });
    expect(closed.request).toMatchObject({ status: 'closed', score: 4, comment: '部门协调有力', colour: 'green' });
  });

  test('the departments hear when a supervised request nears its deadline', async () => {
    const r = await assigned();
    await w.h.ok('u-sunli', card(r._id, { deadline: '2026-11-25' }));
    // due Wed 17:30: yellow with one working day left, Tue 17:30
    expect((await stored(r._id)).yellowAt).toBe(bj('2026-11-24T17:30'));
    w.h.clock.set(bj('2026-11-24T17:30'));
    await w.h.fns.sweep({ Type: 'Timer' }, null);
    expect((await stored(r._id)).colour).toBe('yellow');
    for (const who of ['u-qianjun', 'u-fengyu']) expect(await titlesOf(who)).toContain('诉求期限预警');
    w.h.clock.set(bj('2026-11-26T09:00'));
    await w.h.fns.sweep({ Type: 'Timer' }, null);
    expect((await stored(r._id))).toMatchObject({ colour: 'red', urgeCount: 1 });
    for (const who of ['u-qianjun', 'u-fengyu', 'u-sunli']) expect(await titlesOf(who)).toContain('诉求催办');
  });

  test('a lead return sends the request back to the dispatcher with the reason', async () => {
    const r = await assigned();
    const issued = await w.h.ok('u-sunli', card(r._id));
    const ret = await w.h.ok('u-qianjun', { action: 'card.return', cardId: issued.card._id, reason: '不属于本局职责，应由住建局牵头' });
    expect(ret.card.status).toBe('returned');
    expect(ret.request).toMatchObject({ status: 'dispatch', cardId: null });
    const last = ret.request.timeline.at(-1);
    expect(last.type).toBe('card_returned');
    expect(last.text).toContain('不属于本局职责，应由住建局牵头');
    const told = (await messagesOf('u-sunli')).at(-1)!;
    expect(told.title).toBe('督办卡被退回');
    expect(told.body).toContain('不属于本局职责，应由住建局牵头');
    // the enterprise does not see the misrouting
    const mine = await w.h.ok('u-linxiao', { action: 'request.get', id: r._id });
    expect(mine.request.timeline.map((e: any) => e.type)).not.toContain('card_returned');

    // the dispatcher re-routes it to the right department
    const again = await w.h.ok('u-sunli', card(r._id, { leadDeptId: 'dep-zjj', coDeptIds: [] }));
    expect(again.request).toMatchObject({ status: 'supervised', deptIds: ['dep-zjj'], cardId: again.card._id });
    const zjj = await w.h.ok('u-fengyu', { action: 'card.list', tab: 'todo' });
    expect(zjj.items.map((c: any) => c._id)).toEqual([again.card._id]);
    // the returned card is no longer a to-do for the co-department that never acted on it
    expect(zjj.counts).toEqual({ todo: 1, doing: 0, done: 1 });
    expect((await w.h.ok('u-qianjun', { action: 'card.list', tab: 'done' })).items.map((c: any) => c._id)).toEqual([issued.card._id]);
    expect(await w.h.store.collection<SupervisionCard>(C.cards).count({})).toBe(2);
  });

  test('once the lead has answered, the co-department finds the card under done and can do nothing more', async () => {
    const r = await assigned();
    const issued = await w.h.ok('u-sunli', card(r._id));
    await w.h.ok('u-fengyu', { action: 'card.accept', cardId: issued.card._id });
    expect((await w.h.ok('u-fengyu', { action: 'card.list', tab: 'doing' })).counts).toEqual({ todo: 0, doing: 1, done: 0 });
    await w.h.ok('u-qianjun', { action: 'card.accept', cardId: issued.card._id });
    // the lead waits for the co-department's opinion, or for the dispatcher to close its part
    expect(await w.h.call('u-qianjun', { action: 'card.final', cardId: issued.card._id, answer: '已办结用地手续', confirm: true })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    await w.h.ok('u-sunli', { action: 'card.closeParty', cardId: issued.card._id, deptId: 'dep-zjj', reason: '牵头部门已一并办理' });
    await w.h.ok('u-qianjun', { action: 'card.final', cardId: issued.card._id, answer: '已办结用地手续', confirm: true });
    const zjj = await w.h.ok('u-fengyu', { action: 'card.list', tab: 'done' });
    expect(zjj.items.map((c: any) => c._id)).toEqual([issued.card._id]);
    expect(zjj.counts).toEqual({ todo: 0, doing: 0, done: 1 });
    expect((await w.h.ok('u-fengyu', { action: 'card.get', cardId: issued.card._id })).can).toEqual({ accept: false, reply: false, return: false, progress: false, final: false });
  });

  test('a co-department return leaves the card with the lead', async () => {
    const r = await assigned();
    const issued = await w.h.ok('u-sunli', card(r._id));
    const ret = await w.h.ok('u-fengyu', { action: 'card.return', cardId: issued.card._id, reason: '本局无相关职责' });
    expect(ret.card.status).toBe('open');
    expect(ret.request.status).toBe('supervised');
    expect(await titlesOf('u-sunli')).toContain('督办卡被退回');
    await w.h.ok('u-qianjun', { action: 'card.accept', cardId: issued.card._id });
    const lead = await w.h.ok('u-qianjun', { action: 'card.final', cardId: issued.card._id, answer: '已办结用地手续', confirm: true });
    expect(lead.request.status).toBe('resolved');
  });

  test('a department not on the card cannot see or act on it', async () => {
    const r = await assigned();
    const issued = await w.h.ok('u-sunli', card(r._id, { coDeptIds: [] }));
    const cardId = issued.card._id;
    const before = await snapshot();
    for (const event of [
      { action: 'card.get', cardId },
      { action: 'card.accept', cardId },
      { action: 'card.reply', cardId, reply: '越权答复' },
      { action: 'card.progress', cardId, note: '越权进展' },
      { action: 'card.final', cardId, answer: '越权答复', confirm: true },
      { action: 'card.return', cardId, reason: '越权退回' },
      { action: 'request.get', id: r._id },
    ]) {
      expect(await w.h.call('u-fengyu', event)).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    }
    expect((await w.h.ok('u-fengyu', { action: 'card.list', tab: 'todo' })).total).toBe(0);
    // non-department users cannot use the department's card actions at all
    expect(await w.h.call('u-linxiao', { action: 'card.reply', cardId, reply: '企业自行答复' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await snapshot()).toEqual(before);
    expect((await w.h.ok('u-qianjun', { action: 'card.get', cardId })).can).toEqual({ accept: true, reply: false, return: true, progress: false, final: false });
  });

  test('a request already under supervision cannot get a second card, nor be rejected under the departments', async () => {
    const r = await assigned();
    const issued = await w.h.ok('u-sunli', card(r._id));
    expect((await w.h.ok('u-sunli', { action: 'request.get', id: r._id })).can).toMatchObject({ reject: false, issueCard: false, verify: false });
    const before = await snapshot();
    expect(await w.h.call('u-sunli', card(r._id, { leadDeptId: 'dep-zjj', coDeptIds: [] }))).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    expect(await w.h.call('u-sunli', { action: 'desk.reject', id: r._id, kind: 'invalid', reason: '无效诉求' })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    expect(await snapshot()).toEqual(before);
    // the lead department can still answer it, once the co-department has given its opinion
    await w.h.ok('u-qianjun', { action: 'card.accept', cardId: issued.card._id });
    await w.h.ok('u-fengyu', { action: 'card.accept', cardId: issued.card._id });
    await w.h.ok('u-fengyu', { action: 'card.reply', cardId: issued.card._id, reply: '用地手续齐全' });
    const lead = await w.h.ok('u-qianjun', { action: 'card.final', cardId: issued.card._id, answer: '已办结用地手续', confirm: true });
    expect(lead.request.status).toBe('resolved');
  });
});
