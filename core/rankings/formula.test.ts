/**
 * The 红黄榜 formula: hand-built units with answers worked out by hand, and the gaming cases of
 * issue 11 built from requests and cards through the figure definitions (figures.ts), so what is
 * tested is what a district would see: the department that answered before accepting, the
 * co-operating department that never accepted, the community that closed nothing, a reopen that
 * would hide lateness, hand-backs and unsatisfied callbacks.
 */
import { WorkCalendar } from '../sla/calendar';
import { addRaw, contribution, deriveFigures, emptyRaw, partyContribution, type CardForStats, type CardPartyForStats, type StatsRequest } from '../stats/figures';
import { DEFAULT_RANKING_SETTINGS, components, methodText, rankUnits, scoreOf, type UnitInput, type UnitKind } from './formula';

const calendar = new WorkCalendar({});
const S = DEFAULT_RANKING_SETTINGS;
const W = S.weights;

const blank: UnitInput['figures'] = deriveFigures({}, 420);
const unit = (id: string, f: Partial<UnitInput['figures']>, kind: UnitKind = 'department'): UnitInput => ({
  kind, id, name: `单位${id}`, ...(kind === 'center' ? { tierLabel: '社区' } : {}), figures: { ...blank, ...f },
});

// ---------- requests and cards, through the figure definitions ----------

const bj = (s: string) => new Date(`${s}+08:00`).toISOString();
const NOW = new Date(bj('2026-11-27T15:00:00'));
let seq = 0;
const req = (over: Partial<StatsRequest> = {}): StatsRequest => ({
  _id: `r${++seq}`, createdAt: bj('2026-11-02T09:00:00'), status: 'accepted', tier: 'community', tierOrgId: 'c-x', deptIds: [],
  category: 'dianli', channel: 'self', colour: 'green', closedOnTime: null, score: null, reopenCount: 0, urgeCount: 0, resolvedAt: null, ...over,
}) as StatsRequest;
const answered = (over: Partial<StatsRequest> = {}) => req({ status: 'resolved', closedOnTime: true, resolvedAt: bj('2026-11-03T10:00:00'), ...over });
const center = (id: string, rows: StatsRequest[]): UnitInput => {
  const raw = emptyRaw();
  for (const r of rows) addRaw(raw, contribution(r, calendar).f);
  return { kind: 'center', id, name: `社区${id}`, tierLabel: '社区', figures: deriveFigures(raw, 420) };
};

const ISSUED = bj('2026-11-20T09:00:00');
const DUE = bj('2026-11-23T09:00:00'); // accept by: one working day later
const party = (deptId: string, role: 'lead' | 'co', over: Partial<CardPartyForStats> = {}): CardPartyForStats => ({
  deptId, role, status: 'issued', at: null, acceptDueAt: DUE, acceptedAt: null, ...over,
});
const accepted = (deptId: string, role: 'lead' | 'co', at = bj('2026-11-20T10:00:00'), over: Partial<CardPartyForStats> = {}) =>
  party(deptId, role, { status: 'accepted', acceptedAt: at, at, ...over });
type Carded = { card: CardForStats; request: StatsRequest };
const card = (request: StatsRequest, parties: CardPartyForStats[], over: Partial<CardForStats> = {}): Carded => ({
  card: { requestId: request._id, status: 'open', issuedAt: ISSUED, parties, ...over }, request,
});
const department = (id: string, cards: Carded[]): UnitInput => {
  const raw = emptyRaw();
  for (const { card: c, request } of cards) for (const p of c.parties) if (p.deptId === id) addRaw(raw, partyContribution(c, p, request, NOW, calendar));
  return { kind: 'department', id, name: `部门${id}`, figures: deriveFigures(raw, 420) };
};

// ---------- the arithmetic ----------

test('components and scores, worked out by hand', () => {
  // a perfect center: every component 1 → 100
  const A = unit('A', { collected: 10, closed: 8, onTimeRate: 1, satisfactionRate: 1, reopenRate: 0, due: 8, measured: 16 }, 'center');
  expect(components('center', A.figures)).toEqual({ onTime: 1, satisfaction: 1, reopen: 1, overdue: 1, urges: 1, callback: null, handBack: 1, cardAccept: null });
  expect(scoreOf(components('center', A.figures), W)).toBe(100);
  // a center: onTime 0.5, satisfaction 0.6, reopen 0.8, overdue 1 − 4/8, urges 1 − 5/8, callback 1 − 1/2, handBack 1 − 2/10
  // = (30×0.5 + 20×0.6 + 10×0.8 + 10×0.5 + 5×0.375 + 10×0.5 + 5×0.8) / 90 = (15+12+8+5+1.875+5+4)/90 = 50.875/90 → 56.5
  const B = unit('B', {
    collected: 10, closed: 6, onTimeRate: 0.5, satisfactionRate: 0.6, reopenRate: 0.2, overdue: 4, due: 8, urges: 5,
    callbacks: 2, unsatisfied: 1, callbackRate: 0.5, handBacks: 2, measured: 20,
  }, 'center');
  expect(scoreOf(components('center', B.figures), W)).toBe(56.5);
  // a department: onTime 1, reopen 1, overdue 1, urges 1, cardAccept 2/3 → (30+10+10+5+10×2/3)/65 = 61.667/65 → 94.9
  const D = unit('D', { collected: 3, closed: 2, onTimeRate: 1, reopenRate: 0, due: 2, cards: 3, cardsLate: 1, cardAcceptRate: 2 / 3, measured: 3 });
  expect(components('department', D.figures)).toMatchObject({ handBack: null, cardAccept: 2 / 3, satisfaction: null, callback: null });
  expect(scoreOf(components('department', D.figures), W)).toBe(94.9);
  // weights are settings: only onTime counts
  expect(scoreOf(components('center', B.figures), { ...W, satisfaction: 0, reopen: 0, overdue: 0, urges: 0, callback: 0, handBack: 0 })).toBe(50);
});

test('ranking, red list and yellow list', () => {
  const units = [
    unit('A', { collected: 10, closed: 8, onTimeRate: 1, satisfactionRate: 1, reopenRate: 0, due: 8, measured: 16 }),
    unit('B', { collected: 10, closed: 6, onTimeRate: 0.5, satisfactionRate: 0.6, reopenRate: 0.2, overdue: 4, due: 8, urges: 5, measured: 14 }),
    // too few cases
    unit('C', { collected: 2, closed: 2, onTimeRate: 1, satisfactionRate: 1, reopenRate: 0, due: 2, measured: 4 }),
    // 36/… : onTime 0.9, satisfaction 0.9 → (27+18+10+10+5)/75 = 70/75 → 93.3
    unit('E', { collected: 6, closed: 5, onTimeRate: 0.9, satisfactionRate: 0.9, reopenRate: 0, due: 5, measured: 10 }),
    // satisfaction 75% < 80%: (25.5 + 15 + 10 + 10 + 5)/75 = 65.5/75 → 87.3
    unit('F', { collected: 8, closed: 8, onTimeRate: 0.85, satisfactionRate: 0.75, reopenRate: 0, due: 8, measured: 16 }),
  ];
  const { units: out, red, yellow } = rankUnits(units, S);
  expect(out.map((u) => [u.id, u.rank, u.score])).toEqual([['A', 1, 100], ['E', 2, 93.3], ['F', 3, 87.3], ['B', 4, expect.any(Number)], ['C', null, null]]);
  expect(red.map((u) => u.id)).toEqual(['A', 'E']);
  expect(yellow.map((u) => u.id)).toEqual(['B', 'F']);
  expect(yellow[1].reasons).toEqual(['满意度75%，低于80%']);
  expect(out.find((u) => u.id === 'C')).toMatchObject({ eligible: false, list: null, rank: null, score: null, reasons: ['样本不足：本期督办卡2张，少于3张'] });
  // centers rank apart from departments
  const mixed = rankUnits([units[0], units[1], { ...units[3], id: 'X', kind: 'center', tierLabel: '社区' }], S);
  expect(mixed.units.map((u) => [u.id, u.rank])).toEqual([['A', 1], ['X', 1], ['B', 2]]);
});

// ---------- the gaming cases of issue 11 ----------

test('a unit with no measurable item is 样本不足: not ranked, no score, on no list (柳岸社区 closed 0 of 4)', () => {
  // four requests in progress, none answered, none overdue, none scored
  const liuan = center('liuan', [req(), req(), req({ status: 'queued', colour: 'white' }), req({ colour: 'yellow' })]);
  const other = center('other', [answered(), answered(), answered({ closedOnTime: false, colour: 'red' })]);
  expect(liuan.figures).toMatchObject({ collected: 4, closed: 0, measured: 0, due: 0 });
  // the overdue and urge components give nothing rather than full marks
  expect(components('center', liuan.figures)).toMatchObject({ onTime: null, overdue: null, urges: null });
  const { units, red, yellow } = rankUnits([liuan, other], S);
  const l = units.find((u) => u.id === 'liuan')!;
  expect(l).toMatchObject({ eligible: false, rank: null, score: null, list: null });
  expect(l.reasons[0]).toMatch(/^样本不足：4项诉求均无可衡量事项/);
  expect(units.find((u) => u.id === 'other')!.rank).toBe(1);
  expect([...red, ...yellow].map((u) => u.id)).not.toContain('liuan');
  // one request overdue and nothing answered: measurable, and the overdue component is 0, not full
  const late = center('late', [req(), req(), req(), req({ colour: 'red', urgeCount: 1 })]);
  const r = rankUnits([late], S).units[0];
  expect(r.eligible).toBe(true);
  expect(r.components).toMatchObject({ overdue: 0, urges: 0 });
  expect(r.score).toBeLessThan(50);
});

test('a department answering a card before accepting it earns nothing for it, and misses the red list', () => {
  // 住建局 leads three cards: two accepted and answered in time, one "answered" without ever being accepted
  const cards = [
    card(answered({ deptIds: ['zjj'] }), [accepted('zjj', 'lead', undefined, { status: 'replied' })], { status: 'answered' }),
    card(answered({ deptIds: ['zjj'] }), [accepted('zjj', 'lead', undefined, { status: 'replied' })], { status: 'answered' }),
    card(answered({ deptIds: ['zjj'] }), [party('zjj', 'lead', { status: 'replied', at: bj('2026-11-24T10:00:00') })], { status: 'answered' }),
  ];
  const zjj = department('zjj', cards);
  expect(zjj.figures).toMatchObject({ collected: 3, cards: 3, closed: 2, notAccepted: 1, cardsLate: 1, onTimeRate: 1 });
  const r = rankUnits([zjj], S);
  expect(r.units[0].eligible).toBe(true);
  expect(r.units[0].score).toBeLessThan(100);
  expect(r.units[0].components.cardAccept).toBeCloseTo(2 / 3);
  expect(r.red).toEqual([]);
});

test('a co-operating department that never accepted its cards shows no 办结 and no 按期, and is warned', () => {
  // 自然资源局 co-operates on three cards the lead answered on time; it never accepted any
  const cards = [1, 2, 3].map(() =>
    card(answered({ deptIds: ['zjj', 'zrzy'], score: 5 }), [accepted('zjj', 'lead', undefined, { status: 'replied' }), party('zrzy', 'co', { status: 'closed', at: bj('2026-11-25T09:00:00'), closed: { at: bj('2026-11-25T09:00:00'), byId: 'u', byName: '孙丽', reason: '逾期未接收' } })], { status: 'answered' }),
  );
  const zrzy = department('zrzy', cards);
  expect(zrzy.figures).toMatchObject({ collected: 3, closed: 0, onTimeRate: null, satisfactionRate: null, notAccepted: 3, cardsLate: 3, cardAcceptRate: 0 });
  const zjj = department('zjj', cards);
  expect(zjj.figures).toMatchObject({ closed: 3, onTimeRate: 1, cardsLate: 0 });
  const { units, yellow, red } = rankUnits([zjj, zrzy], S);
  const z = units.find((u) => u.id === 'zrzy')!;
  expect(z.eligible).toBe(true);
  expect(z.score).toBe(0);
  expect(yellow.map((u) => u.id)).toEqual(['zrzy']);
  expect(z.reasons).toContain('督办卡超时未接收3张');
  expect(red.map((u) => u.id)).toEqual(['zjj']);
  // still waiting to be accepted, within its day: nothing decided yet, not late
  const fresh = department('new', [card(req({ status: 'supervised' }), [party('new', 'lead', { acceptDueAt: bj('2026-11-30T09:00:00') })])]);
  expect(fresh.figures).toMatchObject({ cards: 1, notAccepted: 1, cardsLate: 0, measured: 0 });
  // a withdrawn card: acceptance judged until the withdrawal, no outcome credit
  const wd = department('wd', [card(answered(), [accepted('wd', 'lead')], { status: 'withdrawn', withdrawal: { at: bj('2026-11-21T09:00:00'), byId: 'u', byName: '孙丽', reason: '改派' } })]);
  expect(wd.figures).toMatchObject({ cards: 1, closed: 0, cardsLate: 0, cardAcceptRate: 1 });
});

test('a reopen does not hide a late first answer', () => {
  // first answered late, reopened by the enterprise, answered again within the rework deadline
  const hidden = answered({ closedOnTime: true, firstLate: true, reopenCount: 1, urgeCount: 1 });
  const honest = center('c', [hidden, answered(), answered()]);
  expect(honest.figures).toMatchObject({ onTimeRate: 2 / 3, overdue: 1, reopenRate: 1 / 3 });
  // while the rework is open it still counts 超期
  const reworking = center('w', [req({ status: 'assigned', firstLate: true, reopenCount: 1 }), answered(), answered()]);
  expect(reworking.figures.overdue).toBe(1);
  const same = center('s', [answered({ closedOnTime: true, reopenCount: 1, urgeCount: 1 }), answered(), answered()]);
  const { units } = rankUnits([honest, same], S);
  expect(units.find((u) => u.id === 'c')!.score!).toBeLessThan(units.find((u) => u.id === 's')!.score!);
  expect(units.find((u) => u.id === 'c')!.list).not.toBe('red');
});

test('hand-backs and unsatisfied callbacks weigh against a unit', () => {
  const clean = center('clean', [answered({ status: 'closed', score: 5 }), answered({ status: 'closed', score: 5 }), answered({ status: 'closed', score: 5 })]);
  const handing = center('hb', [answered({ status: 'closed', score: 5, handBackCount: 2 }), answered({ status: 'closed', score: 5 }), answered({ status: 'closed', score: 5 })]);
  const cb = (outcome: 'satisfied' | 'unsatisfied' | 'unreachable') => ({ at: NOW.toISOString(), byId: 'u', byName: '孙丽', method: 'call' as const, outcome, note: '' });
  const unhappy = center('cb', [
    answered({ status: 'closed', score: 5, reopenCount: 1, callbacks: [cb('unsatisfied'), cb('satisfied')] }),
    answered({ status: 'closed', score: 5, callbacks: [cb('unreachable')] }),
    answered({ status: 'closed', score: 5 }),
  ]);
  expect(handing.figures).toMatchObject({ handBacks: 2 });
  expect(unhappy.figures).toMatchObject({ callbacks: 2, unsatisfied: 1, callbackRate: 0.5, reopenRate: 1 / 3 });
  const { units, red } = rankUnits([clean, handing, unhappy], S);
  const score = (id: string) => units.find((u) => u.id === id)!.score!;
  expect(score('clean')).toBe(100);
  expect(score('hb')).toBeLessThan(score('clean'));
  expect(score('cb')).toBeLessThan(score('clean'));
  // an unsatisfied callback keeps a unit off the red list
  expect(red.map((u) => u.id)).toContain('clean');
  expect(red.map((u) => u.id)).not.toContain('cb');
  // hand-backs alone make a unit measurable: handing everything back does not buy 样本不足
  const allBack = center('all', [req({ status: 'dispatch', handBackCount: 1 }), req({ status: 'dispatch', handBackCount: 1 }), req({ status: 'dispatch', handBackCount: 1 })]);
  const a = rankUnits([allBack], S).units[0];
  expect(a.eligible).toBe(true);
  expect(a.score).toBe(0);
});

test('thresholds are settings', () => {
  const units = [
    unit('A', { collected: 10, closed: 8, onTimeRate: 1, satisfactionRate: 1, reopenRate: 0, due: 8, measured: 16 }),
    unit('E', { collected: 6, closed: 5, onTimeRate: 0.9, satisfactionRate: 0.9, reopenRate: 0, due: 5, measured: 10 }),
    unit('F', { collected: 8, closed: 8, onTimeRate: 0.85, satisfactionRate: 0.75, reopenRate: 0, due: 8, measured: 16 }),
  ];
  const strict = { ...S, red: { ...S.red, minScore: 95 } };
  expect(rankUnits(units, strict).red.map((u) => u.id)).toEqual(['A']);
  // a unit never sits on both lists: F would be red by score with minScore 80, but it is yellow
  const lenient = { ...S, red: { ...S.red, minScore: 80 } };
  const r = rankUnits(units, lenient);
  expect(r.red.map((u) => u.id)).toEqual(['A', 'E']);
  expect(r.yellow.map((u) => u.id)).toEqual(['F']);
  // minCases
  expect(rankUnits(units, { ...S, minCases: 7 }).units.filter((u) => u.eligible).map((u) => u.id)).toEqual(['A', 'F']);
});

test('the 评分办法 paragraph names the weights in force and what weighs against a unit', () => {
  const text = methodText({ ...S, weights: { ...W, cardAccept: 12 } });
  expect(text).toContain('督办卡按时接收12（部门）');
  expect(text).toContain('首次答复超期的诉求计为超期');
  expect(text).toContain('回访不满意计为重办');
  expect(text).toContain('样本不足');
});
