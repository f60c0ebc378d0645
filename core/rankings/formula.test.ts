/** The 红黄榜 formula on hand-built units with answers worked out by hand. */
import { DEFAULT_RANKING_SETTINGS, components, rankUnits, scoreOf, type UnitInput } from './formula';

const unit = (id: string, f: Partial<UnitInput['figures']>): UnitInput => ({
  kind: 'department', id, name: `部门${id}`,
  figures: {
    collected: 0, closed: 0, inProgress: 0, rejected: 0, onTimeRate: null, satisfactionRate: null, meanScore: null, reopenRate: null,
    meanDaysToClose: null, overdue: 0, urges: 0, visits: 0, enterprisesVisited: 0, colours: { white: 0, green: 0, yellow: 0, red: 0 }, ...f,
  },
});

const UNITS = [
  // A: perfect → 100
  unit('A', { collected: 10, closed: 8, onTimeRate: 1, satisfactionRate: 1, reopenRate: 0 }),
  // B: 40×0.5 + 30×0.6 + 10×0.8 + 10×(1−4/10) + 10×(1−5/10) = 20+18+8+6+5 = 57
  unit('B', { collected: 10, closed: 6, onTimeRate: 0.5, satisfactionRate: 0.6, reopenRate: 0.2, overdue: 4, urges: 5 }),
  // C: too few cases to rank
  unit('C', { collected: 2, closed: 2, onTimeRate: 1, satisfactionRate: 1, reopenRate: 0 }),
  // D: nothing answered yet: only the overdue and urge components → 100, but no answered case for the red list
  unit('D', { collected: 5 }),
  // E: 36 + 27 + 10 + 10 + 10×(1−1/6) = 91.333 → 91.3
  unit('E', { collected: 6, closed: 5, onTimeRate: 0.9, satisfactionRate: 0.9, reopenRate: 0, urges: 1 }),
  // F: 34 + 22.5 + 10 + 10 + 10 = 86.5, satisfaction 75% < 80%
  unit('F', { collected: 8, closed: 8, onTimeRate: 0.85, satisfactionRate: 0.75, reopenRate: 0 }),
];

test('components and scores', () => {
  const w = DEFAULT_RANKING_SETTINGS.weights;
  expect(scoreOf(components(UNITS[0].figures), w)).toBe(100);
  expect(scoreOf(components(UNITS[1].figures), w)).toBe(57);
  expect(scoreOf(components(UNITS[3].figures), w)).toBe(100);
  expect(components(UNITS[3].figures)).toEqual({ onTime: null, satisfaction: null, reopen: null, overdue: 1, urges: 1 });
  expect(scoreOf(components(UNITS[4].figures), w)).toBe(91.3);
  expect(scoreOf(components(UNITS[5].figures), w)).toBe(86.5);
});

test('ranking, red list and yellow list', () => {
  const { units, red, yellow } = rankUnits(UNITS, DEFAULT_RANKING_SETTINGS);
  expect(units.map((u) => [u.id, u.rank, u.score])).toEqual([
    ['A', 1, 100], ['D', 2, 100], ['E', 3, 91.3], ['F', 4, 86.5], ['B', 5, 57], ['C', null, null],
  ]);
  expect(red.map((u) => u.id)).toEqual(['A', 'E']);
  expect(yellow.map((u) => u.id)).toEqual(['B', 'F']);
  expect(yellow[0].reasons).toEqual(['综合得分57分，低于75分', '按期办结率50%，低于80%', '超期4项', '满意度60%，低于80%']);
  expect(yellow[1].reasons).toEqual(['满意度75%，低于80%']);
  expect(red[0].reasons).toEqual(['综合得分100分', '按期办结率100%', '满意度100%', '无超期']);
  expect(units.find((u) => u.id === 'C')).toMatchObject({ eligible: false, list: null });
});

test('thresholds are settings', () => {
  const strict = { ...DEFAULT_RANKING_SETTINGS, red: { ...DEFAULT_RANKING_SETTINGS.red, minScore: 95 }, yellow: { ...DEFAULT_RANKING_SETTINGS.yellow, maxSize: 1 } };
  const { red, yellow } = rankUnits(UNITS, strict);
  expect(red.map((u) => u.id)).toEqual(['A']);
  expect(yellow.map((u) => u.id)).toEqual(['B']);
  // a unit never sits on both lists: F would be red by score with minScore 80, but it is yellow
  const lenient = { ...DEFAULT_RANKING_SETTINGS, red: { ...DEFAULT_RANKING_SETTINGS.red, minScore: 80 } };
  const r = rankUnits(UNITS, lenient);
  expect(r.red.map((u) => u.id)).toEqual(['A', 'E']);
  expect(r.yellow.map((u) => u.id)).toContain('F');
  // centers rank apart from departments
  const mixed = rankUnits([...UNITS.slice(0, 2), { ...unit('X', { collected: 4, closed: 4, onTimeRate: 1, satisfactionRate: 1, reopenRate: 0 }), kind: 'center', tierLabel: '社区' }], DEFAULT_RANKING_SETTINGS);
  expect(mixed.units.map((u) => [u.id, u.rank])).toEqual([['A', 1], ['X', 1], ['B', 2]]);
});
