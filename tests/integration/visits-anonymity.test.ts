/**
 * Scores and complaints are anonymous toward the visiting department: only supervisors see who
 * said what. The visiting department's accounts (its handler, its liaison) and the officer on the
 * visit call every action of the service function — including reading the complaint's case once
 * the dispatcher has sent it to that very department by supervision card — and no answer may
 * carry the enterprise user's id, name or phone, or the words of the score.
 */
import { ACTIONS } from '../../core/functions';
import { makeHarness, type Harness } from '../support/harness';

/** where the officials stand when they scan (the first visit registers it as the enterprise's location) */
const HERE = { location: { latitude: 30.2741, longitude: 120.1551, accuracy: 20 } };
/** what every check-out says it did */
const OUT = { ...HERE, outcome: '已了解企业情况' };

jest.setTimeout(300_000);

let h: Harness;
beforeAll(async () => { h = await makeHarness('2026-11-23T01:30:00Z'); });
afterAll(() => h.cleanup());

/** what identifies the enterprise user who scored and complained (林晓, e-002) */
const SECRETS = ['u-linxiao', '林晓', '13612340001', 'dev-u-linxiao', '检查前没有电话通知'];
/** 住建局's other handler: the card reaches the department, never 冯玉 the complaint is about (recusal) */
const ZJJ_OTHER = 'wx-zjj-other';
const VISITING_SIDE = ['u-fengyu', 'u-wuting', 'u-zhangwei', ZJJ_OTHER];
/** actions that would only create noise or side effects unrelated to reading */
const SKIP = new Set(['request.submit']);

let visitId = '';
let requestId = '';
let cardId = '';
let scene = '';
let officialScene = '';

beforeAll(async () => {
  scene = (await h.ok('u-linxiao', { action: 'visit.code' })).code.scene;
  officialScene = (await h.ok('u-fengyu', { action: 'visit.officerCode' })).code.scene;
  const { visit } = await h.ok('u-fengyu', {
    action: 'visit.checkin', ...HERE, scene, purpose: 'inspection', approvalRef: '云住建检备〔2026〕112号', legalBasis: '《建设工程质量管理条例》第四十七条',
  });
  visitId = visit._id;
  await h.ok('u-zhangwei', { action: 'visit.join', ...HERE, scene });
  // the enterprise checks who is at the door while they are there
  await h.ok('u-linxiao', { action: 'visit.checkOfficer', scene: officialScene });
  h.clock.advance(3600_000);
  await h.ok('u-zhangwei', { action: 'visit.checkout', ...OUT, scene });
  await h.ok('u-fengyu', { action: 'visit.checkout', ...OUT, scene });
  await h.ok('u-linxiao', { action: 'visit.score', visitId, score: 2, comment: '检查前没有电话通知' });
  const complaint = await h.ok('u-linxiao', { action: 'visit.complain', visitId, text: '检查人员要求企业承担检测费用，不合规定' });
  requestId = complaint.request._id;

  // the dispatcher asks the visited department itself to answer, by supervision card, confirming
  // the recusal: 冯玉 does not get it, the department's other handler answers
  const other = await h.ok('u-admin', { action: 'admin.staff.invite', name: '住建局另一承办人', roles: ['department'], departmentId: 'dep-zjj' });
  await h.ok(ZJJ_OTHER, { action: 'invite.redeem', code: other.invite.code });
  const issued = await h.ok('u-sunli', {
    action: 'card.issue', id: requestId, leadDeptId: 'dep-zjj', coDeptIds: [], deadline: '2026-12-04', instructions: '请核实检测费用收取依据并答复', confirmRecusal: true,
  });
  cardId = issued.card._id;
  await h.ok(ZJJ_OTHER, { action: 'card.accept', cardId });
  await h.ok(ZJJ_OTHER, { action: 'card.final', cardId, answer: '经核实检测费用由我局承担，已退还企业', confirm: true });
  // the complainant confirms the outcome: still under the pseudonym
  await h.ok('u-linxiao', { action: 'request.confirm', id: requestId, score: 4, comment: '已退还' });
});

/** every action with every kind of id the visiting side could try */
function attempts(action: string): Array<Record<string, unknown>> {
  const ids = [visitId, requestId, cardId];
  const common = { page: 1, pageSize: 50, scene, visitId, cardId, tab: 'done' };
  return [
    { action, ...common },
    ...ids.map((id) => ({ action, ...common, id })),
    { action, ...common, scene: officialScene },
    { action, ...common, flagged: true },
    { action, ...common, flag: 'complained' },
    { action, ...common, flag: 'low_score' },
    { action, ...common, channel: 'report' },
    { action, ...common, mine: true },
  ];
}

test.each(VISITING_SIDE)('%s learns nothing about who scored or complained, through any action', async (who) => {
  let readable = 0;
  for (const action of ACTIONS.filter((a) => !SKIP.has(a))) {
    for (const event of attempts(action)) {
      const r = await h.call(who, event);
      const text = JSON.stringify(r);
      for (const secret of SECRETS) {
        if (text.includes(secret)) throw new Error(`${who} ${action} ${JSON.stringify(event)} revealed "${secret}": ${text.slice(0, 400)}`);
      }
      if (r.ok) readable++;
    }
  }
  expect(readable).toBeGreaterThan(20);
});

test('the department does see the case it must answer and its own visit, without the person', async () => {
  expect(await h.call('u-fengyu', { action: 'card.get', cardId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  const card = await h.ok(ZJJ_OTHER, { action: 'card.get', cardId });
  expect(card.request.description).toContain('检测费用');
  expect(card.request.timeline[0].actorName).toBe('企业联系人（匿名）');
  expect(card.request.timeline.at(-1)).toMatchObject({ type: 'closed', actorName: '企业联系人（匿名）' });
  const visit = await h.ok('u-fengyu', { action: 'visit.get', id: visitId });
  expect(visit.viewer).toBe('staff');
  expect(visit.visit).not.toHaveProperty('score');
  expect(visit.visit).not.toHaveProperty('feedback');
  expect(visit.visit.flags).toEqual([]);
  expect(await h.ok('u-fengyu', { action: 'visit.list', flag: 'complained' })).toMatchObject({ total: 0 });
});

test('supervisors see who said what', async () => {
  for (const who of ['u-sunli', 'u-majianguo']) {
    const { visit, viewer } = await h.ok(who, { action: 'visit.get', id: visitId });
    expect(viewer).toBe('supervisor');
    expect(visit.score).toEqual({ avg: 2, count: 1 });
    expect(visit.feedback.map((f: any) => [f.kind, f.userName, f.userId])).toEqual([
      ['score', '林晓', 'u-linxiao'],
      ['complaint', '林晓', 'u-linxiao'],
    ]);
    expect(visit.flags.map((f: any) => f.key).sort()).toEqual(['complained', 'low_score']);
  }
});

test('the enterprise sees its own feedback on its history', async () => {
  const mine = await h.ok('u-linxiao', { action: 'visit.mine' });
  expect(mine.items[0]).toMatchObject({ myScore: { score: 2, text: '检查前没有电话通知' }, myComplaint: { requestId }, canScore: false, canComplain: false });
  // another contact of another enterprise sees nothing of it
  expect((await h.ok('u-gaopeng', { action: 'visit.mine' })).items).toEqual([]);
  expect(await h.call('u-gaopeng', { action: 'visit.get', id: visitId })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
});
