/**
 * The dispatcher's console on one request (核实定级, 不予受理, 改派, 提级, 移交纪委监委), through the
 * service function. Supervision cards have theirs beside core/cards.
 */
import { C } from '../collections';
import type { User } from '../model';
import { freshEach, submission } from '../../tests/support/harness';

const w = freshEach();
const { bj, stored, user, messagesOf, titlesOf, assigned, snapshot } = w;

const card = (id: string, over: Record<string, unknown> = {}) => ({
  action: 'card.issue', id, leadDeptId: 'dep-zrzy', coDeptIds: ['dep-zjj'], deadline: '2026-12-04',
  instructions: '请区自然资源局牵头，住建局配合，核实厂区用地手续', ...over,
});

describe('triage', () => {
  test('verify sets category and level; the enterprise does not see the internal step', async () => {
    const r = await assigned();
    const v = await w.h.ok('u-sunli', { action: 'desk.verify', id: r._id, level: 'complex', category: 'yongdi' });
    expect(v.request).toMatchObject({ level: 'complex', category: 'yongdi', verified: true, status: 'assigned', assigneeId: r.assigneeId });
    expect(v.request.timeline.at(-1)).toMatchObject({ type: 'verified', actorName: '孙丽', text: '核实定级：用地，复杂' });
    const mine = await w.h.ok('u-linxiao', { action: 'request.get', id: r._id });
    expect(mine.request.timeline.map((e: any) => e.type)).not.toContain('verified');
  });

  test('reject: the enterprise is told why, the request is closed as rejected and the officer slot is freed', async () => {
    const r = await assigned();
    expect((await user(r.assigneeId)).openCount).toBe(1);
    w.h.clock.advance(3600_000);
    const rej = await w.h.ok('u-sunli', { action: 'desk.reject', id: r._id, kind: 'out_of_scope', reason: '属于民事合同纠纷，请通过诉讼途径解决' });
    expect(rej.request).toMatchObject({
      status: 'rejected', colour: 'white', closedOnTime: null, closedAt: bj('2026-11-23T10:30'),
      rejection: { kind: 'out_of_scope', reason: '属于民事合同纠纷，请通过诉讼途径解决', at: bj('2026-11-23T10:30') },
    });
    expect((await stored(r._id)).nextCheckAt).toBeNull();
    expect((await user(r.assigneeId)).openCount).toBe(0);

    const last = (await messagesOf('u-linxiao')).at(-1)!;
    expect(last.title).toBe('诉求不予受理');
    expect(last.body).toContain('不予受理（不属于受理范围）：属于民事合同纠纷，请通过诉讼途径解决');
    expect(await titlesOf(r.assigneeId)).toContain('诉求不予受理');
    // a rejected request cannot be worked any more
    expect(await w.h.call(r.assigneeId, { action: 'request.accept', id: r._id })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    expect(await w.h.call('u-sunli', { action: 'desk.reject', id: r._id, kind: 'invalid', reason: '再次驳回' })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
  });

  test('reassign moves the slot between officers and tells the old assignee', async () => {
    const r = await assigned();
    const old = r.assigneeId;
    await w.h.ok(old, { action: 'request.accept', id: r._id });
    w.h.clock.set(bj('2026-11-24T10:00'));
    const moved = await w.h.ok('u-sunli', { action: 'desk.reassign', id: r._id, assigneeId: 'u-lina', note: '李娜熟悉电力报装' });
    expect(moved.request).toMatchObject({
      status: 'assigned', assigneeId: 'u-lina', assigneeName: '李娜', assigneeRole: 'officer', acceptedAt: null,
      acceptDueAt: bj('2026-11-25T10:00'),
      // the resolution clock is not restarted by a reassignment
      startedAt: bj('2026-11-23T09:30'), dueAt: bj('2026-11-30T09:30'),
    });
    expect(moved.request.timeline.at(-1).text).toBe('调度员改派给 网格员 李娜：李娜熟悉电力报装');
    expect((await user(old)).openCount).toBe(0);
    expect((await user('u-lina')).openCount).toBe(1);

    const told = (await messagesOf(old)).at(-1)!;
    expect(told.body).toContain('调度员改派给 网格员 李娜');
    expect((await messagesOf('u-lina')).at(-1)!.title).toBe('您有新的诉求待签收');
    // the old assignee has lost it (it reads like a missing one to them), the new one can accept
    expect(await w.h.call(old, { action: 'request.progress', id: r._id, note: '继续跟进' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    await w.h.ok('u-lina', { action: 'request.accept', id: r._id });

    // not to the current assignee again, and only to field staff
    expect(await w.h.call('u-sunli', { action: 'desk.reassign', id: r._id, assigneeId: 'u-lina' })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    expect(await w.h.call('u-sunli', { action: 'desk.reassign', id: r._id, assigneeId: 'u-qianjun' })).toMatchObject({
      ok: false, code: 'VALIDATION_FAILED', message: '只能改派给在岗的网格员或特派员',
    });
  });

  test('escalate community → street → district; the district cannot go further', async () => {
    const r = await assigned();
    // a community dispatcher handles it first
    await w.h.store.collection<User>(C.users).add({
      _id: 'u-disp-dc', openid: 'dev-u-disp-dc', name: '社区调度员', roles: ['dispatcher'], orgId: 'c-dongcheng', active: true, createdAt: bj('2026-11-01T09:00'),
    } as User);
    const s1 = await w.h.ok('u-disp-dc', { action: 'desk.escalate', id: r._id, reason: '涉及街道统筹协调' });
    expect(s1.request).toMatchObject({ tier: 'street', tierOrgId: 's-dongcheng', status: 'assigned', assigneeId: r.assigneeId });
    expect(s1.request.timeline.at(-1).text).toBe('提级至 东城街道营商环境优化中心（街道级）：涉及街道统筹协调');
    expect(await titlesOf('u-sunli')).toContain('诉求已提级办理');
    // it has left the community center's scope
    expect(await w.h.call('u-disp-dc', { action: 'desk.escalate', id: r._id, reason: '再次提级' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });

    const s2 = await w.h.ok('u-sunli', { action: 'desk.escalate', id: r._id, reason: '需区级部门协调' });
    expect(s2.request).toMatchObject({ tier: 'district', tierOrgId: 'd-yunxi' });
    expect(s2.can.escalate).toBe(false);
    const before = await snapshot();
    expect(await w.h.call('u-sunli', { action: 'desk.escalate', id: r._id, reason: '继续提级' })).toMatchObject({
      ok: false, code: 'INVALID_STATE', message: '已是区级中心，无法再提级',
    });
    expect(await snapshot()).toEqual(before);
  });

  test('escalating a request still waiting in the queue hands it to the dispatcher (待调度)', async () => {
    for (const id of ['u-zhangwei', 'u-wangfang']) await w.h.store.collection<User>(C.users).update(id, { $set: { onDuty: false } });
    const { request } = await w.h.ok('u-linxiao', submission());
    expect(request.status).toBe('queued');
    const up = await w.h.ok('u-sunli', { action: 'desk.escalate', id: request._id, reason: '网格员均不在岗' });
    expect(up.request).toMatchObject({ status: 'dispatch', tier: 'street' });
    // the assign timer leaves it to the dispatcher now
    for (const id of ['u-zhangwei', 'u-wangfang']) await w.h.store.collection<User>(C.users).update(id, { $set: { onDuty: true } });
    await w.h.fns.assign({ Type: 'Timer' }, null);
    expect((await stored(request._id)).status).toBe('dispatch');
  });

  test('refer: dispatchers only, and the enterprise never sees it', async () => {
    const r = await assigned();
    const entMessages = (await messagesOf('u-linxiao')).length;
    const before = await snapshot();
    for (const who of ['u-linxiao', r.assigneeId, 'u-qianjun', 'u-majianguo', 'u-admin']) {
      expect(await w.h.call(who, { action: 'desk.refer', id: r._id, reason: '涉嫌吃拿卡要' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    expect(await snapshot()).toEqual(before);

    const ref = await w.h.ok('u-sunli', { action: 'desk.refer', id: r._id, reason: '涉嫌吃拿卡要' });
    expect(ref.request.referral).toMatchObject({ byId: 'u-sunli', byName: '孙丽', reason: '涉嫌吃拿卡要', at: bj('2026-11-23T09:30') });
    expect(ref.request.timeline.at(-1)).toMatchObject({ type: 'referred', text: '移交纪委监委：涉嫌吃拿卡要' });
    expect(ref.can.refer).toBe(false);
    expect(await w.h.call('u-sunli', { action: 'desk.refer', id: r._id, reason: '再次移交' })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    // the leader reads it
    expect((await w.h.ok('u-majianguo', { action: 'request.get', id: r._id })).request.referral.reason).toBe('涉嫌吃拿卡要');

    const mine = await w.h.ok('u-linxiao', { action: 'request.get', id: r._id });
    expect(mine.request.referral).toBeNull();
    expect(mine.request.timeline.map((e: any) => e.type)).not.toContain('referred');
    expect(JSON.stringify(mine)).not.toContain('纪委');
    expect(JSON.stringify(await w.h.ok('u-linxiao', { action: 'request.mine' }))).not.toContain('吃拿卡要');
    expect((await messagesOf('u-linxiao')).length).toBe(entMessages);
  });

  test('an enterprise user, an officer, a department handler or a leader calling desk actions is refused', async () => {
    const r = await assigned();
    const calls = [
      { action: 'desk.verify', id: r._id, level: 'complex', category: 'yongdi' },
      { action: 'desk.reject', id: r._id, kind: 'invalid', reason: '无效诉求' },
      { action: 'desk.reassign', id: r._id, assigneeId: 'u-lina' },
      { action: 'desk.escalate', id: r._id, reason: '需要提级' },
      { action: 'desk.refer', id: r._id, reason: '涉嫌推诿' },
      card(r._id),
    ];
    const before = await snapshot();
    for (const who of ['u-linxiao', r.assigneeId, 'u-qianjun', 'u-majianguo']) {
      for (const event of calls) {
        expect([who, event.action, await w.h.call(who, event)]).toEqual([who, event.action, expect.objectContaining({ ok: false, code: 'FORBIDDEN' })]);
      }
    }
    for (const who of ['u-linxiao', r.assigneeId, 'u-qianjun']) {
      expect(await w.h.call(who, { action: 'desk.options' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    }
    expect(await snapshot()).toEqual(before);
  });

  test('bad input is refused with a Chinese message and changes nothing', async () => {
    const r = await assigned();
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [{ action: 'desk.verify', id: r._id, level: 'special', category: 'dianli' }, '特殊诉求须设定办理期限', 'dueDate'],
      [{ action: 'desk.verify', id: r._id, level: 'special', category: 'dianli', dueDate: '2026-11-20' }, '办理期限不能早于今天', 'dueDate'],
      [{ action: 'desk.verify', id: r._id, level: 'urgent', category: 'dianli' }, '请选择诉求等级', 'level'],
      [{ action: 'desk.verify', id: r._id, level: 'general', category: 'teleport' }, '请选择诉求类别（所选类别不存在）', 'category'],
      [{ action: 'desk.reject', id: r._id, kind: 'invalid' }, '请填写不予受理的理由', 'reason'],
      [card(r._id, { leadDeptId: 'dep-nope' }), '所选部门不存在或已撤销', 'leadDeptId'],
      [card(r._id, { coDeptIds: ['dep-nope'] }), '所选部门不存在或已撤销', 'leadDeptId'],
      [card(r._id, { leadDeptId: 'c-dongcheng', coDeptIds: [] }), '所选部门不存在或已撤销', 'leadDeptId'],
      [card(r._id, { coDeptIds: ['dep-zrzy'] }), '牵头部门不能同时作为协办部门', 'coDeptIds'],
      [card(r._id, { deadline: '2026-11-22' }), '督办期限不能早于今天', 'deadline'],
      [card(r._id, { deadline: '2026/12/04' }), '日期格式应为 YYYY-MM-DD', 'deadline'],
      [card(r._id, { deadline: undefined }), '请设定督办期限', 'deadline'],
      [card(r._id, { instructions: '' }), '请填写督办要求', 'instructions'],
    ];
    const before = await snapshot();
    for (const [event, message, field] of cases) {
      const res = await w.h.call('u-sunli', event);
      expect(res).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', message });
      if (!res.ok) expect(res.details!.map((d) => d.field)).toContain(field);
    }
    expect(await snapshot()).toEqual(before);
    // today is a valid deadline
    expect((await w.h.ok('u-sunli', card(r._id, { deadline: '2026-11-23' }))).request.dueAt).toBe(bj('2026-11-23T17:30'));
  });
});
