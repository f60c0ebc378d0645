/**
 * Planned inspections: which plans are proposed as one joint inspection (进一次门、查多项事), then
 * through the service function: the enterprise gets an advance notice (检查预告); two departments
 * planning the same enterprise in the same week are proposed one joint inspection; once merged the
 * enterprise hears of one visit, and checking in on the plan carries its approval and legal basis
 * into the visit.
 */
import type { VisitPlan } from './model';
import { proposeJoint } from './plans';
import { C } from '../collections';
import type { Message } from '../model';
import { makeHarness, type Harness } from '../../tests/support/harness';

let n = 0;
const plan = (deptId: string, from: string, to: string, over: Partial<VisitPlan> = {}): VisitPlan => ({
  _id: `p${++n}`, deptId, deptName: { 'dep-zrzy': '区自然资源局', 'dep-zjj': '区住房和城乡建设局', 'dep-sj': '区市场监管局' }[deptId] ?? deptId,
  enterpriseId: 'e-002', enterpriseName: '东城新材料科技有限公司', items: '检查', legalBasis: '依据', approvalRef: null,
  from, to, status: 'planned', joint: null, visitId: null, createdById: 'u', createdByName: 'u', createdAt: '', updatedAt: '', ...over,
});

describe('joint inspection proposals (进一次门、查多项事)', () => {
  test('two departments, one enterprise, the same week: one proposal over the common days', () => {
    const [p] = proposeJoint([plan('dep-zrzy', '2026-11-30', '2026-12-04'), plan('dep-zjj', '2026-12-02', '2026-12-06')]);
    expect(p).toMatchObject({ enterpriseId: 'e-002', from: '2026-12-02', to: '2026-12-04' });
    expect(p.departments.map((d) => d.deptName)).toEqual(['区自然资源局', '区住房和城乡建设局']);
  });

  test('no overlap, one department, or different enterprises: no proposal', () => {
    expect(proposeJoint([plan('dep-zrzy', '2026-11-30', '2026-12-01'), plan('dep-zjj', '2026-12-02', '2026-12-06')])).toEqual([]);
    expect(proposeJoint([plan('dep-zjj', '2026-11-30', '2026-12-04'), plan('dep-zjj', '2026-12-01', '2026-12-03')])).toEqual([]);
    expect(proposeJoint([plan('dep-zrzy', '2026-11-30', '2026-12-04'), plan('dep-zjj', '2026-11-30', '2026-12-04', { enterpriseId: 'e-001' })])).toEqual([]);
  });

  test('already merged or done plans are not proposed again', () => {
    expect(proposeJoint([plan('dep-zrzy', '2026-11-30', '2026-12-04', { status: 'merged' }), plan('dep-zjj', '2026-12-01', '2026-12-03')])).toEqual([]);
  });

  test('three departments whose windows share a day make one proposal; a later one starts another group', () => {
    const out = proposeJoint([
      plan('dep-zrzy', '2026-11-30', '2026-12-04'),
      plan('dep-zjj', '2026-12-03', '2026-12-10'),
      plan('dep-sj', '2026-12-04', '2026-12-04'),
      plan('dep-zjj', '2026-12-20', '2026-12-24'),
      plan('dep-sj', '2026-12-22', '2026-12-23'),
    ]);
    expect(out.map((p) => [p.from, p.to, p.departments.length])).toEqual([['2026-12-04', '2026-12-04', 3], ['2026-12-22', '2026-12-23', 2]]);
  });
});

/** where the officials stand when they scan (the first visit registers it as the enterprise's location) */
const HERE = { location: { latitude: 30.2741, longitude: 120.1551, accuracy: 20 } };

let h: Harness;

const messagesOf = (userId: string) => h.store.collection<Message>(C.messages).find({ userId }, { orderBy: [['createdAt', 'asc']], limit: 500 });

const zrzy = { action: 'plan.create', enterpriseId: 'e-002', items: '用地手续及土地利用情况', legalBasis: '《土地管理法》第六十七条', approvalRef: '云自然检〔2026〕21号', from: '2026-11-30', to: '2026-12-04' };
const zjj = { action: 'plan.create', enterpriseId: 'e-002', items: '在建厂房施工安全', legalBasis: '《建设工程安全生产管理条例》第四十三条', approvalRef: '云住建检备〔2026〕112号', from: '2026-12-01', to: '2026-12-05' };

describe('plans through the service function', () => {
  beforeEach(async () => { h = await makeHarness('2026-11-23T01:30:00Z'); /* Mon 09:30 Beijing */ });
  afterEach(() => h.cleanup());

  test('two plans for one enterprise in one week are proposed as one joint inspection and merged', async () => {
    const first = await h.ok('u-qianjun', zrzy);
    expect(first).toMatchObject({ plan: { deptName: '区自然资源局', status: 'planned' }, proposal: null });
    const notice = (await messagesOf('u-linxiao')).find((m) => m.title === '检查预告')!;
    expect(notice.body).toContain('区自然资源局计划于 2026-11-30 至 2026-12-04 对贵企业开展执法检查');

    const second = await h.ok('u-fengyu', zjj);
    expect(second.proposal).toMatchObject({ enterpriseName: '东城新材料科技有限公司', from: '2026-12-01', to: '2026-12-04' });
    expect(second.proposal.departments.map((d: any) => d.deptName)).toEqual(['区自然资源局', '区住房和城乡建设局']);
    // the other department and the dispatcher are told
    for (const who of ['u-qianjun', 'u-sunli']) expect((await messagesOf(who)).map((m) => m.title)).toContain('联合检查建议');

    for (const who of ['u-qianjun', 'u-fengyu', 'u-sunli']) {
      expect((await h.ok(who, { action: 'plan.proposals' })).items).toHaveLength(1);
    }
    // a department with no plan in it does not see it, nor may an officer
    expect(await h.call('u-zhangwei', { action: 'plan.proposals' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });

    const merged = await h.ok('u-sunli', { action: 'plan.merge', planIds: second.proposal.planIds });
    expect(merged.joint).toMatchObject({ from: '2026-12-01', to: '2026-12-04', deptNames: ['区自然资源局', '区住房和城乡建设局'], mergedByName: '孙丽' });
    const joint = (await messagesOf('u-linxiao')).find((m) => m.title === '联合检查预告')!;
    expect(joint.body).toContain('区自然资源局、区住房和城乡建设局 将于 2026-12-01 至 2026-12-04 期间对贵企业开展一次联合检查（进一次门、查多项事）');
    expect((await h.ok('u-sunli', { action: 'plan.proposals' })).items).toEqual([]);
    expect(await h.call('u-sunli', { action: 'plan.merge', planIds: second.proposal.planIds })).toMatchObject({ ok: false, code: 'INVALID_STATE' });

    // the enterprise sees the announced joint inspection on its history
    const mine = await h.ok('u-linxiao', { action: 'visit.mine' });
    expect(mine.notices).toHaveLength(1);
    expect(mine.notices[0]).toMatchObject({
      from: '2026-12-01', to: '2026-12-04', joint: { deptNames: ['区自然资源局', '区住房和城乡建设局'] },
      items: '区自然资源局：用地手续及土地利用情况；区住房和城乡建设局：在建厂房施工安全',
      approvalRef: '云自然检〔2026〕21号；云住建检备〔2026〕112号',
    });

    // on the day: one department checks in on the plan, the other joins by scanning
    h.clock.set('2026-12-02T01:00:00Z');
    const scene = (await h.ok('u-linxiao', { action: 'visit.code' })).code.scene;
    const scanned = await h.ok('u-fengyu', { action: 'visit.scan', scene });
    expect(scanned.plans).toEqual([expect.objectContaining({ deptName: '区住房和城乡建设局', joint: expect.objectContaining({ from: '2026-12-01' }) })]);
    const { visit } = await h.ok('u-fengyu', { action: 'visit.checkin', ...HERE, scene, purpose: 'inspection', planId: scanned.plans[0]._id });
    expect(visit).toMatchObject({ purpose: 'joint', purposeLabel: '联合检查', flags: [], approvalRef: '云自然检〔2026〕21号；云住建检备〔2026〕112号' });
    expect(visit.legalBasis).toContain('区自然资源局：《土地管理法》第六十七条');
    await h.ok('u-qianjun', { action: 'visit.join', ...HERE, scene });
    const plans = await h.store.collection<VisitPlan>(C.visitPlans).find({}, { limit: 10 });
    expect(plans.map((p) => [p.status, p.visitId])).toEqual([['done', visit._id], ['done', visit._id]]);
  });

  test('plans are checked: dates, window, only department handlers', async () => {
    expect(await h.call('u-qianjun', { ...zrzy, from: '2026-11-20' })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', details: [{ field: 'from' }] });
    expect(await h.call('u-qianjun', { ...zrzy, to: '2026-11-29' })).toMatchObject({ ok: false, details: [{ field: 'to', message: '结束日期不能早于开始日期' }] });
    expect(await h.call('u-qianjun', { ...zrzy, to: '2027-01-30' })).toMatchObject({ ok: false, details: [{ field: 'to', message: '计划窗口不能超过31天' }] });
    expect(await h.call('u-qianjun', { ...zrzy, legalBasis: '' })).toMatchObject({ ok: false, details: [{ field: 'legalBasis' }] });
    expect(await h.call('u-zhangwei', zrzy)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await h.call('u-linxiao', zrzy)).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  test('plans that do not overlap are not merged; a department cancels its own plan and the enterprise is told', async () => {
    const a = await h.ok('u-qianjun', zrzy);
    const b = await h.ok('u-fengyu', { ...zjj, from: '2026-12-07', to: '2026-12-11' });
    expect(b.proposal).toBeNull();
    expect(await h.call('u-sunli', { action: 'plan.merge', planIds: [a.plan._id, b.plan._id] })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    expect(await h.call('u-fengyu', { action: 'plan.cancel', id: a.plan._id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    await h.ok('u-qianjun', { action: 'plan.cancel', id: a.plan._id, reason: '企业已整改完毕' });
    expect((await messagesOf('u-linxiao')).at(-1)).toMatchObject({ title: '检查预告已取消' });
    expect((await h.ok('u-qianjun', { action: 'plan.list' })).items.map((p: any) => p.status)).toEqual(['cancelled']);
    expect((await h.ok('u-sunli', { action: 'plan.list' })).total).toBe(2);
  });
});
