/** 红黄榜 on the seeded demo district (the demo requests are made by the real actions): lists computed from the counters, kept per period and read back; thresholds change the lists. */
import { seededDistrict } from '../../tests/support/seeded';

const w = seededDistrict();
const { as, refused } = w;

test('红黄榜: computed from the counters, kept per period, thresholds configurable', async () => {
  const list = await as('u-sunli', { action: 'rankings.compute', period: 'month' });
  expect(list._id).toBe('M202611');
  expect(list.units.filter((u: any) => u.kind === 'department').map((u: any) => u.name).sort()).toEqual(['区住房和城乡建设局', '区自然资源局']);
  const centers = list.units.filter((u: any) => u.kind === 'center');
  expect(centers.map((u: any) => u.name)).toEqual(expect.arrayContaining(['东城社区', '西湖社区', '柳岸社区', '朝阳社区', '东城街道', '西湖街道']));
  // the demo's units are small: only units with at least 3 requests (a department: cards) and a measurable item are ranked
  for (const u of list.units) expect(u.eligible).toBe(u.figures.collected >= 3 && u.figures.measured >= 1);
  for (const u of list.units) if (!u.eligible) expect(u).toMatchObject({ rank: null, score: null, list: null, reasons: [expect.stringMatching(/^样本不足：/)] });
  // a lower bar puts every ranked unit on one list or none, never both
  await as('u-majianguo', { action: 'rankings.configure', minCases: 1, yellow: { belowScore: 100, maxSize: 2 } });
  const strict = await as('u-majianguo', { action: 'rankings.compute', period: 'month' });
  expect(strict.yellow).toHaveLength(2);
  expect(strict.yellow.every((u: any) => u.score < 100 && u.reasons.length > 0)).toBe(true);
  expect(strict.red.filter((u: any) => strict.yellow.some((y: any) => y.id === u.id))).toEqual([]);
  expect(strict.settings.minCases).toBe(1);
  await as('u-admin', { action: 'rankings.configure', minCases: 3, yellow: { belowScore: 75, maxSize: 5 } });
  expect(await refused('u-sunli', { action: 'rankings.configure', minCases: 2 })).toBe('FORBIDDEN');
  expect(await refused('u-majianguo', { action: 'rankings.configure', yellow: { onTimeBelow: 80 } })).toBe('VALIDATION_FAILED');
  // past lists are kept and read back
  await as('u-majianguo', { action: 'rankings.compute', period: 'month', key: '2026-10' });
  await as('u-majianguo', { action: 'rankings.compute', period: 'quarter' });
  const all = await as('u-majianguo', { action: 'rankings.list' });
  // the third quarter's final list was computed by the seed's sweep (the quarter had ended)
  expect(all.items.map((i: any) => i.id)).toEqual(['Q20264', 'M202611', 'M202610', 'Q20263']);
  const got = await as('u-majianguo', { action: 'rankings.get', id: 'M202611' });
  expect(got.settings.minCases).toBe(1); // as computed then, not as configured now
  expect(await refused('u-majianguo', { action: 'rankings.get', id: 'M202601' })).toBe('NOT_FOUND');
  const settings = await as('u-majianguo', { action: 'rankings.settings' });
  expect(settings.settings.minCases).toBe(3);
});
