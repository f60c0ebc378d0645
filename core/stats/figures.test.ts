/**
 * The figure definitions on a hand-built data set whose answers were worked out by hand
 * (see the comments): ten requests submitted in the first week of November 2026.
 */
import { WorkCalendar } from '../sla/calendar';
import { addRaw, contribution, deriveFigures, emptyRaw, headline, percentText, sameKey, type StatsRequest } from './figures';
import { deltaOf, decodeKey, encodeKey, groupPath } from './counters';
import { resolvePeriod, previousKey } from './period';

const calendar = new WorkCalendar({}); // 09:00-12:00, 13:30-17:30: 420 working minutes a day
const bj = (s: string) => new Date(`${s}+08:00`).toISOString();

const base: Omit<StatsRequest, '_id' | 'status' | 'colour'> = {
  createdAt: bj('2026-11-02T09:00:00'), tier: 'community', tierOrgId: 'c-dongcheng', deptIds: [], category: 'dianli', channel: 'self',
  closedOnTime: null, score: null, reopenCount: 0, urgeCount: 0, resolvedAt: null,
};
const R = (id: string, over: Partial<StatsRequest>): StatsRequest => ({ ...base, _id: id, status: 'queued', colour: 'white', ...over }) as StatsRequest;

const DATA: StatsRequest[] = [
  // 1: closed on time, score 5, answered after 1 working day (420 min)
  R('r1', { status: 'closed', colour: 'green', closedOnTime: true, score: 5, resolvedAt: bj('2026-11-03T09:00:00') }),
  // 2: closed on time, score 4, 2 working days (840 min)
  R('r2', { status: 'closed', colour: 'green', closedOnTime: true, score: 4, resolvedAt: bj('2026-11-04T09:00:00'), category: 'yongdi' }),
  // 3: closed late after a reopen and 2 urges, score 2, 5 working days (2100 min)
  R('r3', { status: 'closed', colour: 'red', closedOnTime: false, score: 2, reopenCount: 1, urgeCount: 2, resolvedAt: bj('2026-11-09T09:00:00') }),
  // 4: answered on time, awaiting the score, 3 working hours (180 min: 09:00-12:00 of Tuesday)
  R('r4', { status: 'resolved', colour: 'green', closedOnTime: true, createdAt: bj('2026-11-03T09:00:00'), resolvedAt: bj('2026-11-03T13:30:00') }),
  // 5: open and overdue, urged 3 times
  R('r5', { status: 'accepted', colour: 'red', urgeCount: 3, createdAt: bj('2026-11-03T10:00:00') }),
  // 6: open, close to its deadline
  R('r6', { status: 'accepted', colour: 'yellow', tier: 'street', tierOrgId: 's-dongcheng' }),
  // 7: waiting in the queue
  R('r7', { status: 'queued', colour: 'white', channel: 'visit' }),
  // 8: rejected (counts as collected, in no colour)
  R('r8', { status: 'rejected', colour: 'white', category: 'yongdi' }),
  // 9: under a supervision card to two departments
  R('r9', { status: 'supervised', colour: 'green', deptIds: ['dep-zjj', 'dep-zrzy'], tier: 'district', tierOrgId: 'd-yunxi', category: 'jianzhu' }),
  // 10: reopened, assigned again
  R('r10', { status: 'assigned', colour: 'green', reopenCount: 1 }),
];

function sum(rows: StatsRequest[], group = 'all') {
  const raw = emptyRaw();
  for (const r of rows) {
    const k = contribution(r, calendar);
    if (k.gs.includes(group as never)) addRaw(raw, k.f);
  }
  return raw;
}

test('each figure on the hand-built set', () => {
  const f = deriveFigures(sum(DATA), calendar.minutesPerDay);
  expect(f.collected).toBe(10);
  expect(f.closed).toBe(4); // r1-r4
  expect(f.inProgress).toBe(5); // r5 r6 r7 r9 r10
  expect(f.rejected).toBe(1); // r8
  expect(f.collected).toBe(f.closed + f.inProgress + f.rejected);
  expect(f.onTimeRate).toBeCloseTo(3 / 4); // r1 r2 r4 of r1-r4
  expect(f.satisfactionRate).toBeCloseTo(2 / 3); // 5 and 4 of 5, 4, 2
  expect(f.meanScore).toBeCloseTo(11 / 3);
  expect(f.reopenRate).toBeCloseTo(2 / 5); // r3 r10 of r1-r4 + r10
  expect(f.meanDaysToClose).toBeCloseTo((420 + 840 + 2100 + 180) / 4 / 420); // 2.107
  expect(f.overdue).toBe(2); // r5 open overdue + r3 answered late
  expect(f.urges).toBe(5);
  expect(f.colours).toEqual({ white: 1, green: 5, yellow: 1, red: 2 });
  expect(f.visits).toBe(0);
  expect(f.raw.wmin).toBe(3540);
});

test('breakdowns by dimension', () => {
  const dept = deriveFigures(sum(DATA, 'dept:dep-zjj'), 420);
  expect(dept).toMatchObject({ collected: 1, inProgress: 1, closed: 0, onTimeRate: null, satisfactionRate: null });
  expect(deriveFigures(sum(DATA, 'cat:yongdi'), 420)).toMatchObject({ collected: 2, closed: 1, rejected: 1 });
  expect(deriveFigures(sum(DATA, 'tier:community'), 420).collected).toBe(8);
  expect(deriveFigures(sum(DATA, 'org:s-dongcheng'), 420).collected).toBe(1);
  expect(deriveFigures(sum(DATA, 'ch:visit'), 420).collected).toBe(1);
  // r9 counts once in each of its departments
  expect(contribution(DATA[8], calendar).gs).toEqual(['all', 'tier:district', 'org:d-yunxi', 'cat:jianzhu', 'ch:self', 'dept:dep-zjj', 'dept:dep-zrzy']);
});

test('the headline sentence reads like the seeds', () => {
  const f = deriveFigures(sum(DATA), 420);
  expect(headline(f, '2026年11月，云溪区共')).toEqual([
    '2026年11月，云溪区共收集问题10项，办结4项，5项正在办理，不予受理1项，满意度66%以上。',
    '按期办结率75%，平均评分3.7分，平均办结用时2.1个工作日，重办率40%。',
    '超期2项，催办5次，走访企业0家。',
  ]);
  // Hanshan: 161 collected, 150 closed, 11 in progress, satisfaction above 96%
  const hanshan = deriveFigures({ n: 161, done: 150, open: 11, scored: 150, sat: 145 }, 420);
  expect(headline(hanshan, '')[0]).toBe('收集问题161项，办结150项，11项正在办理，满意度96%以上。');
  expect(percentText(1)).toBe('100%');
  expect(percentText(0.96, true)).toBe('96%');
  expect(percentText(2 / 3)).toBe('66.7%');
});

test('a change moves exactly the difference, in the submission day and month', () => {
  const before = contribution(DATA[4], calendar); // r5 open, red
  const after = contribution({ ...DATA[4], status: 'resolved', closedOnTime: false, resolvedAt: bj('2026-11-10T09:00:00') }, calendar);
  const d = deltaOf(before, after);
  expect([...d.keys()]).toEqual(['D20261103', 'M202611']);
  const day = d.get('D20261103')!;
  expect(day['g.all.open']).toBe(-1);
  expect(day['g.all.odOpen']).toBe(-1);
  expect(day['g.all.done']).toBe(1);
  expect(day['g.all.late']).toBe(1);
  expect(day['g.all.n']).toBeUndefined(); // unchanged fields are not touched
  expect(day['g.all.cr']).toBeUndefined(); // still red
  expect(deltaOf(before, before).size).toBe(0);
  expect(sameKey(before, contribution(DATA[4], calendar))).toBe(true);
});

test('bucket values become safe field names and back', () => {
  for (const v of ['dianli', 'd-yunxi', 'dep-zjj', '5f0c2a9e', 'a.b', '中文', 'x_y']) {
    const k = encodeKey(v);
    expect(k).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
    expect(decodeKey(k)).toBe(v);
  }
  expect(groupPath('dept:dep-zjj')).toBe('g.dept.k_dep_00002dzjj');
  expect(groupPath('all')).toBe('g.all');
});

test('periods and the documents that hold them', () => {
  const now = new Date(bj('2026-11-23T10:00:00'));
  expect(resolvePeriod({ period: 'month' }, now)).toMatchObject({ id: 'M202611', label: '2026年11月', from: '2026-11-01', to: '2026-11-30', totals: ['M202611'], granularity: 'day' });
  expect(resolvePeriod({ period: 'quarter' }, now)).toMatchObject({ id: 'Q20264', label: '2026年第四季度', totals: ['M202610', 'M202611', 'M202612'], visitTotals: ['Q20264'] });
  expect(resolvePeriod({ period: 'year', key: '2025' }, now).totals).toHaveLength(12);
  const custom = resolvePeriod({ period: 'custom', from: '2026-10-30', to: '2026-12-02' }, now);
  expect(custom.totals).toEqual(['D20261030', 'D20261031', 'M202611', 'D20261201', 'D20261202']);
  expect(custom.trend).toHaveLength(34);
  const long = resolvePeriod({ period: 'custom', from: '2026-01-15', to: '2026-06-30' }, now);
  expect(long.granularity).toBe('month');
  expect(long.trend[0].ids).toHaveLength(17); // 15-31 January by day
  expect(long.trend[1].ids).toEqual(['M202602']);
  expect(previousKey('month', '2026-01')).toBe('2025-12');
  expect(previousKey('quarter', '2026-Q1')).toBe('2025-Q4');
});

test('history that stays true: a late first answer, hand-backs and callbacks (issue 11)', () => {
  const cb = (outcome: 'satisfied' | 'unsatisfied' | 'unreachable') => ({ at: bj('2026-11-10T09:00:00'), byId: 'u', byName: '孙丽', method: 'call' as const, outcome, note: '' });
  // answered late first, reopened, the rework answered on time: still late
  const rework = contribution(R('x1', { status: 'closed', colour: 'green', closedOnTime: true, firstLate: true, reopenCount: 1, resolvedAt: bj('2026-11-09T09:00:00') }), calendar).f;
  expect(rework).toMatchObject({ timed: 1, late: 1, reopened: 1 });
  expect(rework.onTime).toBeUndefined();
  // open again after a late first answer: overdue while open, even when the rework clock is green
  expect(contribution(R('x2', { status: 'accepted', colour: 'green', firstLate: true, reopenCount: 1 }), calendar).f).toMatchObject({ open: 1, odOpen: 1 });
  // a first answer on time is what it was
  expect(contribution(R('x3', { status: 'closed', colour: 'green', closedOnTime: true, firstLate: false, resolvedAt: bj('2026-11-03T09:00:00') }), calendar).f).toMatchObject({ onTime: 1 });
  // hand-backs and callbacks that reached the enterprise (an unreachable one tells nothing)
  const f = contribution(R('x4', { status: 'closed', colour: 'green', closedOnTime: true, handBackCount: 2, callbacks: [cb('unsatisfied'), cb('unreachable'), cb('satisfied')], resolvedAt: bj('2026-11-03T09:00:00') }), calendar).f;
  expect(f).toMatchObject({ hb: 2, cb: 2, cbBad: 1 });
  const fig = deriveFigures(addRaw(emptyRaw(), f), 420);
  expect(fig).toMatchObject({ handBacks: 2, callbacks: 2, unsatisfied: 1, callbackRate: 0.5, due: 1, measured: 1 + 2 + 2 });
  // the enterprise's own urges, apart from the center's
  const urged = contribution(R('x5', { status: 'accepted', colour: 'red', urgeCount: 1, enterpriseUrgeCount: 2 }), calendar).f;
  expect(urged).toMatchObject({ urges: 1, eu: 2 });
  expect(deriveFigures(addRaw(emptyRaw(), urged), 420)).toMatchObject({ urges: 1, enterpriseUrges: 2 });
  // requests from before these fields existed contribute as before
  expect(contribution(DATA[0], calendar).f).toEqual({ n: 1, done: 1, timed: 1, onTime: 1, scored: 1, scoreSum: 5, sat: 1, everDone: 1, wmin: 420, cg: 1 });
});
