/** Problems found on a visit: a request filed for the enterprise (走访代报), and a complaint about the visit becoming a case. */
import type { ServiceRequest } from '../model';
import { freshEach, OUT, visitHelpers } from '../../tests/support/harness';

const w = freshEach();
const { messagesOf, titlesOf } = w;
const { visitDoc, sceneOf, checkin } = visitHelpers(w);


describe('problems found on a visit', () => {
  test('during an open visit the officer files a request for the enterprise that goes through the normal queue', async () => {
    const scene = await sceneOf();
    const { visit } = await checkin('u-zhangwei', scene);
    const filed = await w.h.ok('u-zhangwei', {
      action: 'visit.fileRequest', visitId: visit._id, clientKey: 'visit-file-0001', category: 'yonggong',
      description: '年底订单增加，急需招聘20名普工', photos: [], phone: '13612340001',
    });
    expect(filed).toMatchObject({ created: true, request: { channel: 'visit', enterpriseId: 'e-002', submitterId: 'u-linxiao', visitId: visit._id, status: 'assigned' } });
    expect(['u-zhangwei', 'u-wangfang']).toContain(filed.request.assigneeId);
    const stored = (await w.h.requests().get(filed.request._id))!;
    expect(stored.timeline.map((e) => e.type)).toEqual(['submitted', 'assigned']);
    expect(stored.timeline[0].text).toContain('张伟（东城一网格）入企走访');
    expect((await w.h.ok('u-linxiao', { action: 'request.mine' })).items.map((r: any) => r._id)).toContain(filed.request._id);
    expect(await titlesOf('u-linxiao')).toContain('诉求已提交');
    // the filing and its assignment are one tap of the officer's: one message for the enterprise
    expect((await messagesOf('u-linxiao')).filter((m: { requestId?: string }) => m.requestId === filed.request._id)).toHaveLength(1);
    // the same key twice is one request
    expect((await w.h.ok('u-zhangwei', { action: 'visit.fileRequest', visitId: visit._id, clientKey: 'visit-file-0001', category: 'yonggong', description: '年底订单增加，急需招聘20名普工', photos: [], phone: '13612340001' })).created).toBe(false);
    expect((await visitDoc(visit._id)).requestIds).toEqual([filed.request._id]);

    await w.h.ok('u-zhangwei', { action: 'visit.checkout', ...OUT, scene });
    expect(await w.h.call('u-zhangwei', {
      action: 'visit.fileRequest', visitId: visit._id, clientKey: 'visit-file-0002', category: 'yonggong', description: '签退后再代报不应成功', photos: [], phone: '13612340001',
    })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    expect(await w.h.call('u-wangfang', {
      action: 'visit.fileRequest', visitId: visit._id, clientKey: 'visit-file-0003', category: 'yonggong', description: '不在场的人不能代报', photos: [], phone: '13612340001',
    })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
  });

  test('a complaint becomes a report request at the district center, never assigned to the visitor', async () => {
    const scene = await sceneOf();
    const { visit } = await checkin('u-zhangwei', scene);
    await w.h.ok('u-zhangwei', { action: 'visit.checkout', ...OUT, scene });
    const r = await w.h.ok('u-linxiao', { action: 'visit.complain', visitId: visit._id, text: '入企时要求企业安排午餐，影响正常生产' });
    const req = (await w.h.requests().get(r.request._id)) as ServiceRequest;
    expect(req).toMatchObject({
      channel: 'report', status: 'dispatch', tier: 'district', tierOrgId: 'd-yunxi', assigneeId: null, anonymous: true, visitId: visit._id, phone: '',
    });
    expect(req.submitterId).toMatch(/^anon-/);
    expect(req.startedAt).not.toBeNull();
    expect(req.description).toContain(`入企记录 ${visit.no}`);
    expect(await titlesOf('u-sunli')).toContain('新的投诉举报待调度');
    // the complainant hears of it under the pseudonym
    expect((await messagesOf('u-linxiao')).some((m) => m.requestId === req._id)).toBe(true);
    expect(await w.h.call('u-linxiao', { action: 'visit.complain', visitId: visit._id, text: '再投诉一次同一件事' })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    // the assign timer leaves it for the dispatcher
    await w.h.fns.assign({ Type: 'Timer' }, null);
    expect((await w.h.requests().get(req._id))!.status).toBe('dispatch');
    expect(await w.h.call('u-sunli', { action: 'desk.reassign', id: req._id, assigneeId: 'u-zhangwei' })).toMatchObject({
      ok: false, code: 'VALIDATION_FAILED', message: expect.stringContaining('被投诉人'),
    });
    await w.h.ok('u-sunli', { action: 'desk.reassign', id: req._id, assigneeId: 'u-zhenghao', note: '请核实' });
    const supervisor = await w.h.ok('u-sunli', { action: 'visit.get', id: visit._id });
    expect(supervisor.visit.feedback).toEqual([expect.objectContaining({ kind: 'complaint', userName: '林晓', userId: 'u-linxiao', requestNo: req.no })]);
    expect(supervisor.visit.flags.map((f: any) => f.key)).toEqual(['complained']);
  });
});
