/**
 * The 红黄榜 cannot be gamed (issue 11, "rankings that measure"): a month of the demo district
 * played through the real actions, with each way the old lists were fooled, then the lists
 * computed by the leader:
 *   - 柳岸社区 collects four requests and answers none: 样本不足, not ranked first at 100;
 *   - 区住建局 tries to answer a card before accepting it (refused), and leaves it unaccepted:
 *     that card counts as not accepted in time, and keeps it off the 红榜;
 *   - 区自然资源局 never accepts its cards: no 办结 and no 按期 for work it never took on, and the
 *     黄榜 for the cards it ignored;
 *   - 东城社区's overdue request answered late, reopened and answered again at once stays late;
 *     an unsatisfied 回访 counts against it;
 *   - 西湖社区's officer hands a request back: counted against the center.
 * The counters still equal a full recount at the end.
 */
import { verifyCounters } from '../stats/recount';
import type { RankedUnit } from './formula';
import { makeHarness, submission, type Harness } from '../../tests/support/harness';

jest.setTimeout(120_000);

const bj = (s: string) => new Date(`${s}:00+08:00`);
let h: Harness;
let list: { units: RankedUnit[]; red: RankedUnit[]; yellow: RankedUnit[] };
const unit = (id: string) => list.units.find((u) => u.id === id)!;
let refusedBeforeAccept = '';

const submit = async (who: string, phone: string, category: string) =>
  (await h.ok(who, submission({ category, phone, description: `测试诉求：${category}，请尽快协调解决相关问题。` }))).request;
const assignee = async (id: string) => (await h.requests().get(id))!.assigneeId!;
const accept = async (id: string) => h.ok(await assignee(id), { action: 'request.accept', id });
const resolve = async (id: string, result = '已协调相关部门解决。') => h.ok(await assignee(id), { action: 'request.resolve', id, result });
const confirm = (who: string, id: string, score: number) => h.ok(who, { action: 'request.confirm', id, score, comment: '' });

beforeAll(async () => {
  // Monday 2 November 2026, 09:30 in Beijing: the whole month to play
  h = await makeHarness('2026-11-02T01:30:00Z');

  // 东城社区: three requests; r1 will be answered late, r2 and r3 on time
  const r = [];
  for (const c of ['dianli', 'shuidian', 'nashui']) r.push(await submit('u-linxiao', '13612340001', c));
  for (const x of r) await accept(x._id);
  h.clock.set(bj('2026-11-02T11:00'));
  for (const x of r.slice(1)) { await resolve(x._id); await confirm('u-linxiao', x._id, 5); }
  // r1 past its 5 working days: the sweep turns it red and urges it; answered late, reopened, answered again at once
  h.clock.set(bj('2026-11-11T10:00'));
  await h.fns.sweep({ Type: 'Timer' }, null);
  await resolve(r[0]._id, '已联系供电公司。');
  h.clock.set(bj('2026-11-11T10:30'));
  await h.ok('u-linxiao', { action: 'request.reopen', id: r[0]._id, reason: '问题没有解决，供电方案仍未出具' });
  await accept(r[0]._id);
  h.clock.set(bj('2026-11-11T11:00'));
  await resolve(r[0]._id, '供电方案已出具。');
  await confirm('u-linxiao', r[0]._id, 4);
  // r2 called back: the enterprise is not satisfied after all; reopened, answered again
  h.clock.set(bj('2026-11-11T14:00'));
  await h.ok('u-sunli', { action: 'callback.record', id: r[1]._id, method: 'call', outcome: 'unsatisfied', note: '企业反映用水压力仍然不足' });
  await accept(r[1]._id);
  await resolve(r[1]._id, '已加装增压泵。');
  await confirm('u-linxiao', r[1]._id, 4);

  // 西湖社区: four requests under supervision cards, 住建局 leading, 自然资源局 co-operating
  h.clock.set(bj('2026-11-16T09:30'));
  const carded = [];
  for (const c of ['jianzhu', 'yongdi', 'huanjing', 'qianqi']) carded.push(await submit('u-caoying', '13612340008', c));
  const cardIds: string[] = [];
  for (const x of carded) {
    const { card } = await h.ok('u-sunli', {
      action: 'card.issue', id: x._id, leadDeptId: 'dep-zjj', coDeptIds: ['dep-zrzy'], deadline: '2026-11-25', instructions: '请住建局牵头、自然资源局协办，按期答复企业。',
    });
    cardIds.push(card._id);
  }
  h.clock.set(bj('2026-11-16T10:00'));
  for (const id of cardIds.slice(0, 3)) await h.ok('u-fengyu', { action: 'card.accept', cardId: id });
  // the fourth: "已收到，正在核查。" typed as the answer, before accepting it
  const early = await h.call('u-fengyu', { action: 'card.final', cardId: cardIds[3], answer: '已收到，正在核查。', confirm: true });
  refusedBeforeAccept = early.ok ? 'OK' : early.code;
  // 自然资源局 never accepts; past its day to accept, the dispatcher ends its part, the lead answers
  h.clock.set(bj('2026-11-18T10:00'));
  for (const id of cardIds.slice(0, 3)) {
    await h.ok('u-sunli', { action: 'card.closeParty', cardId: id, deptId: 'dep-zrzy', reason: '逾期未接收，结束其协办' });
    await h.ok('u-fengyu', { action: 'card.final', cardId: id, answer: '已明确办理路径并答复企业。', confirm: true });
  }

  // 西湖社区: an officer hands a wrong assignment back; two more answered and scored
  h.clock.set(bj('2026-11-18T10:30'));
  const w = [];
  for (const c of ['yonggong', 'zhengce', 'rongzi']) w.push(await submit('u-hanmei', '13612340006', c));
  await h.ok(await assignee(w[0]._id), { action: 'request.handBack', id: w[0]._id, reason: '属区级部门职责，非本网格事项' });
  for (const x of w.slice(1)) { await accept(x._id); await resolve(x._id); await confirm('u-hanmei', x._id, 5); }

  // 柳岸社区: four requests on the Friday, none answered yet
  h.clock.set(bj('2026-11-27T09:30'));
  const l = [];
  for (const c of ['shuidian', 'qianqi', 'falv', 'kaiban']) l.push(await submit('u-hejun', '13612340003', c));
  await accept(l[0]._id);

  h.clock.set(bj('2026-11-27T15:00'));
  await h.fns.sweep({ Type: 'Timer' }, null);
  list = await h.ok('u-majianguo', { action: 'rankings.compute', period: 'month', key: '2026-11' });
});
afterAll(() => h?.cleanup());

test('a community that closed nothing is 样本不足: no score, no rank, on no list', () => {
  const liuan = unit('c-liuan');
  expect(liuan.figures).toMatchObject({ collected: 4, closed: 0, measured: 0 });
  expect(liuan).toMatchObject({ eligible: false, rank: null, score: null, list: null });
  expect(liuan.reasons[0]).toMatch(/^样本不足：4项诉求均无可衡量事项/);
  // the ranked centers are ranked without it
  const centers = list.units.filter((u) => u.kind === 'center' && u.eligible);
  expect(centers.map((u) => u.rank)).toEqual(centers.map((_, i) => i + 1));
});

test('a card answered before it is accepted earns nothing; left unaccepted, it keeps the lead department off the 红榜', () => {
  expect(refusedBeforeAccept).toBe('INVALID_STATE');
  const zjj = unit('dep-zjj');
  expect(zjj.figures).toMatchObject({ collected: 4, cards: 4, closed: 3, onTimeRate: 1, notAccepted: 1, cardsLate: 1 });
  expect(zjj.eligible).toBe(true);
  expect(zjj.components.cardAccept).toBeCloseTo(3 / 4);
  expect(zjj.score!).toBeLessThan(100);
  expect(list.red.map((u) => u.id)).not.toContain('dep-zjj');
});

test('a co-operating department that never accepted shows no 办结 and no 按期, and is warned', () => {
  const zrzy = unit('dep-zrzy');
  expect(zrzy.figures).toMatchObject({ cards: 4, closed: 0, onTimeRate: null, satisfactionRate: null, notAccepted: 4, cardsLate: 4, cardAcceptRate: 0 });
  expect(zrzy.eligible).toBe(true);
  expect(zrzy.list).toBe('yellow');
  expect(zrzy.reasons).toContain('督办卡超时未接收4张');
});

test('a reopen does not hide a late first answer; an unsatisfied callback counts against the center', () => {
  const dc = unit('c-dongcheng');
  // r1 was first answered late: late, whatever its rework did; r2 and r3 on time
  expect(dc.figures).toMatchObject({ collected: 3, closed: 3, overdue: 1, callbacks: 1, unsatisfied: 1 });
  expect(dc.figures.onTimeRate).toBeCloseTo(2 / 3);
  expect(dc.figures.reopenRate).toBeCloseTo(2 / 3);
  expect(dc.components.callback).toBe(0);
  expect(dc.list).not.toBe('red');
});

test('a hand-back counts against the center holding the request', () => {
  const xh = unit('c-xihu');
  expect(xh.figures.handBacks).toBe(1);
  expect(xh.components.handBack!).toBeLessThan(1);
});

test('the counters still equal a full recount', async () => {
  expect((await verifyCounters(h.ports)).mismatches).toEqual([]);
});
