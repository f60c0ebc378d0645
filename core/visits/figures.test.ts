/** Visit figures: enterprises visited, visits by purpose and department, flagged visits, scores. */
import { makeHarness, type Harness } from '../../tests/support/harness';

/** where the officials stand when they scan (the first visit registers it as the enterprise's location) */
const HERE = { location: { latitude: 30.2741, longitude: 120.1551, accuracy: 20 } };
/** what every check-out says it did */
const OUT = { ...HERE, outcome: '已了解企业情况' };

let h: Harness;
beforeEach(async () => { h = await makeHarness('2026-11-23T01:30:00Z'); /* Mon 09:30 Beijing */ });
afterEach(() => h.cleanup());

/** the posted code of an enterprise, as its contact sees it */
async function sceneOf(enterpriseUser = 'u-linxiao'): Promise<string> {
  return (await h.ok(enterpriseUser, { action: 'visit.code' })).code.scene;
}

async function checkin(who: string, scene: string, over: Record<string, unknown> = {}) {
  return h.ok(who, { action: 'visit.checkin', ...HERE, scene, purpose: 'help', note: '了解企业用工需求', ...over });
}

test('figures: enterprises visited, visits by purpose and department, flagged visits, scores', async () => {
  const a = await sceneOf('u-linxiao');
  const b = await sceneOf('u-gaopeng');
  const v1 = (await checkin('u-zhangwei', a)).visit;
  await h.ok('u-fengyu', { action: 'visit.join', ...HERE, scene: a });
  await h.ok('u-zhangwei', { action: 'visit.checkout', ...OUT, scene: a });
  await h.ok('u-fengyu', { action: 'visit.checkout', ...OUT, scene: a });
  await h.ok('u-linxiao', { action: 'visit.score', visitId: v1._id, score: 4 });
  const v2 = (await h.ok('u-fengyu', { action: 'visit.checkin', ...HERE, scene: b, purpose: 'inspection', legalBasis: '《建筑法》第四十三条' })).visit;
  await h.ok('u-fengyu', { action: 'visit.checkout', ...OUT, scene: b });
  await h.ok('u-gaopeng', { action: 'visit.score', visitId: v2._id, score: 2, comment: '检查前没有通知' });

  const all = await h.ok('u-sunli', { action: 'visit.figures' });
  expect(all).toMatchObject({
    scope: 'supervisor', enterprisesVisited: 2, visits: 2, flagged: 1, red: 1, complaints: 0,
    score: { avg: 3, count: 2 },
  });
  expect(all.byPurpose.filter((p: any) => p.count)).toEqual([{ key: 'help', label: '帮扶走访', count: 1 }, { key: 'inspection', label: '执法检查', count: 1 }]);
  expect(all.byDepartment).toEqual([
    expect.objectContaining({ deptName: '区住房和城乡建设局', visits: 2, enterprises: 2, flagged: 1, score: { avg: 3, count: 2 } }),
    expect.objectContaining({ deptName: '网格员', visits: 1, enterprises: 1, flagged: 0, score: { avg: 4, count: 1 } }),
  ]);
  expect(all.flags.find((f: any) => f.key === 'low_score').count).toBe(1);

  // the department sees its own figures, but no score until enough exist to hide any one of them
  const dept = await h.ok('u-fengyu', { action: 'visit.figures' });
  expect(dept).toMatchObject({ scope: 'dept', visits: 2, score: { avg: null, count: 2, hidden: true } });
  expect(dept).not.toHaveProperty('complaints');
  expect(dept.flags.map((f: any) => f.key)).not.toContain('low_score');
});
