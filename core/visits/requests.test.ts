/** Problems found on a visit: a request filed for the enterprise (走访代报), and a complaint about the visit becoming a case. */
import { C } from '../collections';
import type { Message, ServiceRequest } from '../model';
import type { Visit } from './model';
import { makeHarness, type Harness } from '../../tests/support/harness';

/** where the officials stand when they scan (the first visit registers it as the enterprise's location) */
const HERE = { location: { latitude: 30.2741, longitude: 120.1551, accuracy: 20 } };
/** what every check-out says it did */
const OUT = { ...HERE, outcome: '已了解企业情况' };

let h: Harness;
beforeEach(async () => { h = await makeHarness('2026-11-23T01:30:00Z'); /* Mon 09:30 Beijing */ });
afterEach(() => h.cleanup());

const visitDoc = async (id: string) => (await h.store.collection<Visit>(C.visits).get(id))!;
const messagesOf = (userId: string) => h.store.collection<Message>(C.messages).find({ userId }, { orderBy: [['createdAt', 'asc']], limit: 500 });
const titlesOf = async (userId: string) => (await messagesOf(userId)).map((m) => m.title);

/** the posted code of an enterprise, as its contact sees it */
async function sceneOf(enterpriseUser = 'u-linxiao'): Promise<string> {
  return (await h.ok(enterpriseUser, { action: 'visit.code' })).code.scene;
}

async function checkin(who: string, scene: string, over: Record<string, unknown> = {}) {
  return h.ok(who, { action: 'visit.checkin', ...HERE, scene, purpose: 'help', note: '了解企业用工需求', ...over });
}

describe('problems found on a visit', () => {
  test('during an open visit the officer files a request for the enterprise that goes through the normal queue', async () => {
    const scene = await sceneOf();
    const { visit } = await checkin('u-zhangwei', scene);
    const filed = await h.ok('u-zhangwei', {
      action: 'visit.fileRequest', visitId: visit._id, clientKey: 'visit-file-0001', category: 'yonggong',
      description: '年底订单增加，急需招聘20名普工', photos: [], phone: '13612340001',
    });
    expect(filed).toMatchObject({ created: true, request: { channel: 'visit', enterpriseId: 'e-002', submitterId: 'u-linxiao', visitId: visit._id, status: 'assigned' } });
    expect(['u-zhangwei', 'u-wangfang']).toContain(filed.request.assigneeId);
    const stored = (await h.requests().get(filed.request._id))!;
    expect(stored.timeline.map((e) => e.type)).toEqual(['submitted', 'assigned']);
    expect(stored.timeline[0].text).toContain('张伟（网格员）入企走访');
    expect((await h.ok('u-linxiao', { action: 'request.mine' })).items.map((r: any) => r._id)).toContain(filed.request._id);
    expect(await titlesOf('u-linxiao')).toContain('诉求已提交');
    // the same key twice is one request
    expect((await h.ok('u-zhangwei', { action: 'visit.fileRequest', visitId: visit._id, clientKey: 'visit-file-0001', category: 'yonggong', description: '年底订单增加，急需招聘20名普工', photos: [], phone: '13612340001' })).created).toBe(false);
    expect((await visitDoc(visit._id)).requestIds).toEqual([filed.request._id]);

    await h.ok('u-zhangwei', { action: 'visit.checkout', ...OUT, scene });
    expect(await h.call('u-zhangwei', {
      action: 'visit.fileRequest', visitId: visit._id, clientKey: 'visit-file-0002', category: 'yonggong', description: '签退后再代报不应成功', photos: [], phone: '13612340001',
    })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    expect(await h.call('u-wangfang', {
      action: 'visit.fileRequest', visitId: visit._id, clientKey: 'visit-file-0003', category: 'yonggong', description: '不在场的人不能代报', photos: [], phone: '13612340001',
    })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
  });

  test('a complaint becomes a report request at the district center, never assigned to the visitor', async () => {
    const scene = await sceneOf();
    const { visit } = await checkin('u-zhangwei', scene);
    await h.ok('u-zhangwei', { action: 'visit.checkout', ...OUT, scene });
    const r = await h.ok('u-linxiao', { action: 'visit.complain', visitId: visit._id, text: '入企时要求企业安排午餐，影响正常生产' });
    const req = (await h.requests().get(r.request._id)) as ServiceRequest;
    expect(req).toMatchObject({
      channel: 'report', status: 'dispatch', tier: 'district', tierOrgId: 'd-yunxi', assigneeId: null, anonymous: true, visitId: visit._id, phone: '',
    });
    expect(req.submitterId).toMatch(/^anon-/);
    expect(req.startedAt).not.toBeNull();
    expect(req.description).toContain(`入企记录 ${visit.no}`);
    expect(await titlesOf('u-sunli')).toContain('新的投诉举报待调度');
    // the complainant hears of it under the pseudonym
    expect((await messagesOf('u-linxiao')).some((m) => m.requestId === req._id)).toBe(true);
    expect(await h.call('u-linxiao', { action: 'visit.complain', visitId: visit._id, text: '再投诉一次同一件事' })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    // the assign timer leaves it for the dispatcher
    await h.fns.assign({ Type: 'Timer' }, null);
    expect((await h.requests().get(req._id))!.status).toBe('dispatch');
    expect(await h.call('u-sunli', { action: 'desk.reassign', id: req._id, assigneeId: 'u-zhangwei' })).toMatchObject({
      ok: false, code: 'VALIDATION_FAILED', message: expect.stringContaining('被投诉人'),
    });
    await h.ok('u-sunli', { action: 'desk.reassign', id: req._id, assigneeId: 'u-zhenghao', note: '请核实' });
    const supervisor = await h.ok('u-sunli', { action: 'visit.get', id: visit._id });
    expect(supervisor.visit.feedback).toEqual([expect.objectContaining({ kind: 'complaint', userName: '林晓', userId: 'u-linxiao', requestNo: req.no })]);
    expect(supervisor.visit.flags.map((f: any) => f.key)).toEqual(['complained']);
  });
});
