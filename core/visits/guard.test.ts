import { judge, withFlags } from './guard';

const base = { purpose: 'help' as const, approvalRef: null, requested: false, count: 0, cap: 2, late: false };

describe('无事不扰 guard', () => {
  test('below the cap nothing is asked and nothing flagged', () => {
    expect(judge({ ...base, count: 1 })).toEqual({ overCap: false, needsReason: false, flags: [], red: false });
  });

  test('at the cap the next unrequested visit needs a reason and is flagged', () => {
    expect(judge({ ...base, count: 2 })).toEqual({ overCap: true, needsReason: true, flags: ['over_cap'], red: false });
    expect(judge({ ...base, count: 7, cap: 0 })).toMatchObject({ overCap: true });
  });

  test('a visit the enterprise asked for never counts against the cap', () => {
    expect(judge({ ...base, count: 10, requested: true })).toMatchObject({ overCap: false, needsReason: false, flags: [] });
  });

  test('an inspection without an approval reference is red; with one it is not', () => {
    expect(judge({ ...base, purpose: 'inspection' })).toMatchObject({ flags: ['no_approval'], red: true });
    expect(judge({ ...base, purpose: 'joint' })).toMatchObject({ flags: ['no_approval'], red: true });
    expect(judge({ ...base, purpose: 'inspection', approvalRef: '云住建检备〔2026〕112号' })).toMatchObject({ flags: [], red: false });
    // the approval reference only matters for enforcement visits
    expect(judge({ ...base, purpose: 'policy' })).toMatchObject({ flags: [], red: false });
  });

  test('late registration is marked; flags combine', () => {
    expect(judge({ ...base, purpose: 'inspection', late: true, count: 3 }).flags).toEqual(['no_approval', 'over_cap', 'late']);
  });

  test('feedback flags mark the visit flagged for supervisors but not for the visiting side', () => {
    expect(withFlags({ flags: [] }, ['low_score'])).toEqual({ flags: ['low_score'], flagged: true, conductFlagged: false, red: false });
    expect(withFlags({ flags: ['late'] }, ['complained'])).toEqual({ flags: ['late', 'complained'], flagged: true, conductFlagged: true, red: true });
    expect(withFlags({ flags: ['late'] }, ['late']).flags).toEqual(['late']);
  });
});
