import type { VisitPlan } from './model';
import { proposeJoint } from './plans';

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
