/**
 * The enterprise scores and complains about a visit: only its own contacts, once each, within the
 * feedback period; a low score reaches the supervisors (not the visitors), a complaint becomes one case.
 */
import { C } from '../collections';
import type { ServiceRequest } from '../model';
import type { VisitFeedback } from './model';
import { freshEach, OUT, visitHelpers } from '../../tests/support/harness';

const w = freshEach();
const { titlesOf, messagesOf } = w;
const { visitDoc, sceneOf, checkin } = visitHelpers(w);
const DAY = 86400_000;

/** a visit to 东城新材料 (e-002, u-linxiao's enterprise) by 张伟, checked out */
async function finishedVisit(who = 'u-zhangwei') {
  const scene = await sceneOf();
  const { visit } = await checkin(who, scene);
  await w.h.ok(who, { action: 'visit.checkout', ...OUT, scene });
  return visit as { _id: string; no: string };
}
const feedback = () => w.h.store.collection<VisitFeedback>(C.visitFeedback).find({}, { orderBy: [['_id', 'asc']], limit: 100 });
/** what a refused call must leave untouched */
const state = async (visitId: string) => JSON.stringify([await visitDoc(visitId), await feedback(), await w.h.requests().count({})]);

describe('visit.score', () => {
  test('the contact scores once: a feedback record for supervisors, only the sums on the visit', async () => {
    const visit = await finishedVisit();
    expect(await w.h.ok('u-linxiao', { action: 'visit.score', visitId: visit._id, score: 4, comment: ' 讲解细致 ' })).toEqual({ visitId: visit._id, score: 4, comment: '讲解细致' });
    expect(await feedback()).toEqual([expect.objectContaining({
      _id: `${visit._id}:score:u-linxiao`, kind: 'score', score: 4, text: '讲解细致', visitId: visit._id, visitNo: visit.no,
      enterpriseId: 'e-002', userId: 'u-linxiao', userName: '林晓', phone: '13612340001', requestId: null,
    })]);
    expect(await visitDoc(visit._id)).toMatchObject({ scoreSum: 4, scoreCount: 1, flags: [], flagged: false });
    expect(await titlesOf('u-sunli')).not.toContain('入企低分评价');

    const before = await state(visit._id);
    expect(await w.h.call('u-linxiao', { action: 'visit.score', visitId: visit._id, score: 1 })).toMatchObject({ ok: false, code: 'INVALID_STATE', message: '您已评价过本次入企' });
    expect(await state(visit._id)).toBe(before);
  });

  test('a score of 2 or less flags the visit and tells the supervisors, never the visitor', async () => {
    const visit = await finishedVisit();
    await w.h.ok('u-linxiao', { action: 'visit.score', visitId: visit._id, score: 2, comment: '态度生硬' });
    expect(await visitDoc(visit._id)).toMatchObject({ scoreSum: 2, scoreCount: 1, flags: ['low_score'], flagged: true });
    const told = (await messagesOf('u-sunli')).filter((m) => m.title === '入企低分评价');
    expect(told).toHaveLength(1);
    expect(told[0].body).toBe(`东城新材料科技有限公司 对入企记录 ${visit.no}（东城一网格，帮扶走访）评分 2 分：态度生硬`);
    expect(await titlesOf('u-zhangwei')).not.toContain('入企低分评价');
  });

  test('a score of 3 is not low', async () => {
    const visit = await finishedVisit();
    await w.h.ok('u-linxiao', { action: 'visit.score', visitId: visit._id, score: 3 });
    expect(await visitDoc(visit._id)).toMatchObject({ scoreSum: 3, flags: [] });
    expect(await titlesOf('u-sunli')).not.toContain('入企低分评价');
  });

  test('a supervisor who was on the visit is scored, not told', async () => {
    const visit = await finishedVisit('u-sunli');
    await w.h.ok('u-linxiao', { action: 'visit.score', visitId: visit._id, score: 1 });
    expect((await visitDoc(visit._id)).flags).toEqual(['low_score']);
    expect(await titlesOf('u-sunli')).not.toContain('入企低分评价');
  });

  test.each([
    ['a score of 0', { score: 0 }, '评分应为1到5的整数'],
    ['a score of 6', { score: 6 }, '评分应为1到5的整数'],
    ['a half score', { score: 4.5 }, '评分应为1到5的整数'],
    ['no score', {}, '请为本次入企打分'],
    ['a comment over 300 characters', { score: 5, comment: '好'.repeat(301) }, '评价内容不能超过300字'],
  ])('refuses %s and writes nothing', async (_what, over, message) => {
    const visit = await finishedVisit();
    const before = await state(visit._id);
    const r = await w.h.call('u-linxiao', { action: 'visit.score', visitId: visit._id, ...over });
    expect(r).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    expect(r.ok ? '' : r.message).toContain(message);
    expect(await state(visit._id)).toBe(before);
  });
});

describe('who may give feedback, and until when', () => {
  test('only a contact of the visited enterprise; another enterprise cannot even see the visit', async () => {
    const visit = await finishedVisit();
    const before = await state(visit._id);
    for (const action of ['visit.score', 'visit.complain']) {
      const input = { action, visitId: visit._id, score: 1, text: '入企人员态度很差' };
      expect(await w.h.call('u-zhangwei', input)).toMatchObject({ ok: false, code: 'FORBIDDEN', message: '仅被访企业的联系人可以评价或投诉' });
      expect(await w.h.call('u-sunli', input)).toMatchObject({ ok: false, code: 'FORBIDDEN', message: '仅被访企业的联系人可以评价或投诉' });
      // 高鹏 is the contact of e-001, not of the visited e-002
      expect(await w.h.call('u-gaopeng', input)).toMatchObject({ ok: false, code: 'NOT_FOUND', message: '未找到该入企记录' });
      expect(await w.h.call('u-linxiao', { ...input, visitId: 'v-nowhere' })).toMatchObject({ ok: false, code: 'NOT_FOUND', message: '未找到该入企记录' });
    }
    expect(await state(visit._id)).toBe(before);
  });

  test('feedback closes 30 days after check-out, to the minute', async () => {
    const visit = await finishedVisit();
    w.h.clock.advance(30 * DAY);
    await w.h.ok('u-linxiao', { action: 'visit.score', visitId: visit._id, score: 5 });
    w.h.clock.advance(60_000);
    const before = await state(visit._id);
    const late = { ok: false, code: 'INVALID_STATE', message: '入企结束超过30天，已不能评价或投诉；如有问题请直接提交诉求' };
    expect(await w.h.call('u-linxiao', { action: 'visit.complain', visitId: visit._id, text: '入企人员态度很差' })).toMatchObject(late);
    expect(await state(visit._id)).toBe(before);
  });

  test('an open visit (not yet checked out) can already be scored', async () => {
    const scene = await sceneOf();
    const { visit } = await checkin('u-zhangwei', scene);
    w.h.clock.advance(DAY);
    await w.h.ok('u-linxiao', { action: 'visit.score', visitId: visit._id, score: 5 });
    expect(await visitDoc(visit._id)).toMatchObject({ scoreSum: 5, scoreCount: 1 });
  });
});

describe('visit.complain', () => {
  test('a complaint becomes one anonymous case, linked from the feedback record, and flags the visit', async () => {
    const visit = await finishedVisit();
    const r = await w.h.ok('u-linxiao', { action: 'visit.complain', visitId: visit._id, text: '入企时要求企业安排午餐，影响正常生产' });
    const req = (await w.h.requests().get(r.request._id)) as ServiceRequest;
    expect(r).toEqual({ visitId: visit._id, request: { _id: req._id, no: req.no }, message: `投诉已受理（工单 ${req.no}），由区营商环境优化中心调度处理，被投诉部门看不到投诉人。` });
    expect(req).toMatchObject({ anonymous: true, visitId: visit._id });
    expect(req.submitterId).not.toBe('u-linxiao');
    expect(await feedback()).toEqual([expect.objectContaining({
      _id: `${visit._id}:complaint:u-linxiao`, kind: 'complaint', score: null, text: '入企时要求企业安排午餐，影响正常生产', userId: 'u-linxiao', requestId: req._id, requestNo: req.no,
    })]);
    expect(await visitDoc(visit._id)).toMatchObject({ complaintCount: 1, flags: ['complained'], flagged: true });

    // once per contact and visit: the second names the first case and makes no other
    const before = await state(visit._id);
    expect(await w.h.call('u-linxiao', { action: 'visit.complain', visitId: visit._id, text: '再投诉一次同一件事' })).toMatchObject({
      ok: false, code: 'INVALID_STATE', message: `您已投诉过本次入企（工单 ${req.no}），可在“我的诉求”中查看办理进度`,
    });
    expect(await state(visit._id)).toBe(before);
  });

  test('a complaint left half-done (record stored, no case yet) is completed by the retry, once', async () => {
    const visit = await finishedVisit();
    const id = `${visit._id}:complaint:u-linxiao`;
    await w.h.store.collection<VisitFeedback>(C.visitFeedback).add({
      _id: id, kind: 'complaint', score: null, text: '入企时要求企业安排午餐', visitId: visit._id, visitNo: visit.no, enterpriseId: 'e-002', deptIds: [],
      userId: 'u-linxiao', userName: '林晓', phone: null, requestId: null, requestNo: null, createdAt: '2026-11-23T02:30:00.000Z',
    });
    const r = await w.h.ok('u-linxiao', { action: 'visit.complain', visitId: visit._id, text: '入企时要求企业安排午餐，影响正常生产' });
    expect(await feedback()).toEqual([expect.objectContaining({ _id: id, requestId: r.request._id, requestNo: r.request.no })]);
    expect(await w.h.requests().count({ visitId: visit._id })).toBe(1);
    expect((await visitDoc(visit._id)).complaintCount).toBe(1);
  });

  test('content the check rejects, or too short a text, is refused and nothing is written', async () => {
    const visit = await finishedVisit();
    const before = await state(visit._id);
    expect(await w.h.call('u-linxiao', { action: 'visit.complain', visitId: visit._id, text: '太差' })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', message: expect.stringContaining('投诉内容至少5个字') });
    expect(await w.h.call('u-linxiao', { action: 'visit.complain', visitId: visit._id })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', message: expect.stringContaining('请填写投诉内容') });
    w.h.ports.contentCheck = { check: async () => ({ ok: false, reason: '含有辱骂内容' }) };
    expect(await w.h.call('u-linxiao', { action: 'visit.complain', visitId: visit._id, text: '入企人员态度很差很差' })).toMatchObject({ ok: false, code: 'CONTENT_REJECTED', message: '投诉内容含有不当内容：含有辱骂内容' });
    expect(await state(visit._id)).toBe(before);
  });
});
