/**
 * 并件 (core/desk/merge.ts) through the functions: the dispatcher's clusters, a merge, every
 * linked enterprise told of each status change of the main exactly once and scoring it, refusals
 * that write nothing, unmerge back to where it was, and the counters equal to a full recount.
 */
import { C } from '../collections';
import type { Message, OutboxEntry, User } from '../model';
import { freshEach, submission } from '../../tests/support/harness';
import { materializeNotifications } from '../notify/outbox';
import { recount, verifyCounters } from '../stats/recount';
import { settleLink } from './merge';

const w = freshEach();
const { bj, stored, user, messagesOf } = w;

const ROAD = '东城路与工业大道路口的路灯坏了一个多月，晚上货车进出厂区很危险，路面还有大坑，请尽快修复。';
const ROAD2 = '工业大道和东城路路口路灯一直不亮，路面坑洼，晚上我们厂货车进出很危险，希望尽快修路灯补坑。';

/** two enterprises of 东城一网格 report the same road problem */
async function twoReports() {
  const a = (await w.h.ok('u-gaopeng', submission({ category: 'other', description: ROAD, phone: '13612340002' }))).request;
  w.h.clock.advance(600_000);
  const b = (await w.h.ok('u-linxiao', submission({ category: 'other', description: ROAD2 }))).request;
  return { a, b };
}

const mine = (msgs: Message[], requestId: string) => msgs.filter((m) => m.requestId === requestId);
/** the day's counter figures as the full recount computes them */
const day = async (field: string) => (await recount(w.h.ports)).get('D20261123')?.get(`g.all.${field}`) ?? 0;

test('the dispatcher sees the two reports as one cluster, with reasons and each member', async () => {
  const { a, b } = await twoReports();
  // a third enterprise elsewhere with another problem is not in it
  await w.h.ok('u-hejun', submission({ category: 'dianli', description: '新建车间用电增容报装两周无人联系', phone: '13612340003' }));
  const d = await w.h.ok('u-sunli', { action: 'desk.duplicates' });
  const cluster = d.clusters.find((c: any) => c.ids.includes(a._id));
  expect(cluster).toBeTruthy();
  expect(cluster.ids).toEqual([a._id, b._id]);
  expect(cluster.reasons).toContain('同一网格');
  expect(cluster.members.map((m: any) => m.enterpriseName)).toEqual(['云溪精密机械制造有限公司', '东城新材料科技有限公司']);
  expect(cluster.members[0]).toMatchObject({ no: a.no, statusName: '待签收', canLink: true });
  expect(d).toMatchObject({ capped: false, window: 500 });
  // not the desk's: others may not ask
  expect(await w.h.call('u-zhangwei', { action: 'desk.duplicates' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  // a dispatcher of 朝阳社区 reads its own scope only: 东城's requests are not in its clusters
  await w.h.store.collection<User>(C.users).add({ _id: 'u-cy-desk', openid: 'dev-u-cy-desk', name: '朝阳调度', roles: ['dispatcher'], orgId: 'c-chaoyang', active: true, createdAt: bj('2026-11-01T09:00') });
  const other = await w.h.ok('u-cy-desk', { action: 'desk.duplicates' });
  expect(other.scanned).toBe(0);
  expect(other.clusters).toEqual([]);
  // once merged, the pair is no longer a cluster to merge
  await w.h.ok('u-sunli', { action: 'desk.merge', mainId: a._id, ids: [b._id] });
  const after = await w.h.ok('u-sunli', { action: 'desk.duplicates' });
  expect(after.clusters.some((c: any) => c.ids.includes(b._id))).toBe(false);
});

test('不是重复: the dispatcher takes a request out of a cluster for good, recorded; the others stay linked; refusals write nothing', async () => {
  const { a, b } = await twoReports();
  w.h.clock.advance(600_000);
  // a third enterprise of the grid, 恒达物流 (e-003), with a contact of its own
  await w.h.store.collection<User>(C.users).add({ ...(await user('u-linxiao')), _id: 'u-e3', openid: 'dev-u-e3', name: '王工', enterpriseId: 'e-003' });
  const c = (await w.h.ok('u-e3', submission({ category: 'other', description: '东城路和工业大道交叉口路灯坏了很久，晚上很黑，路上的坑也没人补，货车进出不安全', phone: '13612340009' }))).request;
  const first = await w.h.ok('u-sunli', { action: 'desk.duplicates' });
  expect(first.clusters.find((x: any) => x.ids.includes(c._id))?.ids).toEqual([a._id, b._id, c._id]);

  // refused before anything is written: not the desk's, out of its scope, itself, twice, nothing
  await w.h.store.collection<User>(C.users).add({ _id: 'u-cy-desk', openid: 'dev-u-cy-desk', name: '朝阳调度', roles: ['dispatcher'], orgId: 'c-chaoyang', active: true, createdAt: bj('2026-11-01T09:00') });
  expect(await w.h.call('u-zhangwei', { action: 'desk.notDuplicate', id: c._id, of: [a._id, b._id] })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  expect(await w.h.call('u-cy-desk', { action: 'desk.notDuplicate', id: c._id, of: [a._id, b._id] })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  expect(await w.h.call('u-sunli', { action: 'desk.notDuplicate', id: c._id, of: [c._id] })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
  expect(await w.h.call('u-sunli', { action: 'desk.notDuplicate', id: c._id, of: [a._id, a._id] })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
  expect(await w.h.call('u-sunli', { action: 'desk.notDuplicate', id: c._id, of: [] })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
  expect((await stored(c._id)).notDuplicateOf).toBeUndefined();
  expect(await w.h.store.collection(C.audit).find({ action: 'desk.notDuplicate' })).toEqual([]);

  const done = await w.h.ok('u-sunli', { action: 'desk.notDuplicate', id: c._id, of: [a._id, b._id] });
  expect(done.notDuplicateOf).toEqual([a._id, b._id]);
  expect((await stored(c._id)).notDuplicateOf).toEqual([a._id, b._id]);
  // its status, its timeline and its sequence are the handling's, untouched
  expect((await stored(c._id)).seq).toBe(c.seq);
  const after = await w.h.ok('u-sunli', { action: 'desk.duplicates' });
  expect(after.clusters.find((x: any) => x.ids.includes(a._id))?.ids).toEqual([a._id, b._id]);
  expect(after.clusters.some((x: any) => x.ids.includes(c._id))).toBe(false);
  // who and when, once: saying it again writes nothing
  await w.h.ok('u-sunli', { action: 'desk.notDuplicate', id: c._id, of: [b._id] });
  const log = await w.h.store.collection<any>(C.audit).find({ action: 'desk.notDuplicate' });
  expect(log).toHaveLength(1);
  expect(log[0]).toMatchObject({ actorId: 'u-sunli', entity: 'request', entityId: c._id });
  expect(log[0].summary).toContain(a.no);
  // either side's mark unlinks the pair: a said apart from b leaves no cluster at all
  await w.h.ok('u-sunli', { action: 'desk.notDuplicate', id: a._id, of: [b._id] });
  expect((await w.h.ok('u-sunli', { action: 'desk.duplicates' })).clusters).toEqual([]);
  // a merged request is no cluster's member any more
  await w.h.ok('u-sunli', { action: 'desk.merge', mainId: a._id, ids: [b._id] });
  expect(await w.h.call('u-sunli', { action: 'desk.notDuplicate', id: c._id, of: [b._id] })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
});

test('merge: the linked enterprise follows the main, is told once per change, and both enterprises score', async () => {
  const { a, b } = await twoReports();
  const bOfficer = (await stored(b._id)).assigneeId!;
  const before = (await user(bOfficer)).openCount ?? 0;
  expect(await day('n')).toBe(2);

  const merged = await w.h.ok('u-sunli', { action: 'desk.merge', mainId: a._id, ids: [b._id], note: '同一路口路灯' });
  expect(merged.linked).toEqual([{ id: b._id, no: b.no, enterpriseName: '东城新材料科技有限公司' }]);
  expect(merged.request.timeline.at(-1)).toMatchObject({ type: 'merge_added', text: `并件：${b.no}（东城新材料科技有限公司） 并入本件合并办理：同一路口路灯` });
  const linked = await stored(b._id);
  expect(linked).toMatchObject({ status: 'merged', assigneeId: null, mergedInto: { id: a._id, no: a.no, byName: '孙丽', prev: { status: 'assigned', assigneeId: bOfficer } } });
  expect((await stored(a._id)).mergedFrom).toEqual([expect.objectContaining({ id: b._id, no: b.no, submitterId: 'u-linxiao' })]);
  // out of the officer's queue, its slot given back
  expect((await user(bOfficer)).openCount).toBe(before - 1);
  const inbox = await w.h.ok(bOfficer, { action: 'officer.inbox', tab: 'todo' });
  expect(inbox.items.map((r: any) => r._id)).not.toContain(b._id);
  // its enterprise is told, in words that name no other enterprise
  const told = mine(await messagesOf('u-linxiao'), b._id).at(-1)!;
  expect(told).toMatchObject({ title: '诉求已并件办理' });
  expect(told.body).toBe(`【${b.no}】您反映的问题已与其他企业反映的同一问题合并办理，办理进展和结果将同步告知您，办结后请您评价`);
  // the main's enterprise hears nothing of the other's request
  expect((await messagesOf('u-gaopeng')).map((m) => m.title)).not.toContain('诉求已并入其他诉求');
  // counted once: the linked request is the main's work
  expect(await day('n')).toBe(1);
  expect((await verifyCounters(w.h.ports)).mismatches).toEqual([]);
  // a retry of the same merge changes nothing
  const seq = (await stored(a._id)).seq;
  await w.h.ok('u-sunli', { action: 'desk.merge', mainId: a._id, ids: [b._id] });
  expect((await stored(a._id)).seq).toBe(seq);
  expect((await stored(b._id)).seq).toBe(linked.seq);

  // the main is handled: every change reaches the linked enterprise once, on its own request
  const officer = (await stored(a._id)).assigneeId!;
  w.h.clock.advance(3600_000);
  await w.h.ok(officer, { action: 'request.accept', id: a._id });
  await w.h.ok(officer, { action: 'request.progress', id: a._id, note: '已联系路灯所和市政养护单位现场查看' });
  await w.h.ok(officer, { action: 'request.resolve', id: a._id, result: '路灯已更换，路口坑洼已补平', kind: 'solved' });
  const all = mine(await messagesOf('u-linxiao'), b._id);
  // its receipt, the merge, then the main's changes
  expect(all.slice(0, 2).map((m) => m.title)).toEqual(['诉求已提交', '诉求已并件办理']);
  const followed = all.slice(2);
  expect(followed.map((m) => m.title)).toEqual(['诉求已签收，正在办理', '诉求办理进展', '诉求已办结，请评价']);
  for (const m of followed) expect(m.body.startsWith(`【${b.no}】`)).toBe(true);
  expect(followed.at(-1)!.body).toContain('路灯已更换，路口坑洼已补平');
  // the notices outside the app (subscribe message, SMS) carry its own number and words, not the main's
  const notices = await w.h.store.collection<OutboxEntry>(C.outbox).find({ requestId: a._id, userId: 'u-linxiao' }, { limit: 50 });
  expect(notices.length).toBeGreaterThanOrEqual(3);
  expect(JSON.stringify(notices.map((n) => n.data))).toContain(b.no);
  for (const n of notices) {
    expect(n.page).toBe(`subpkg-enterprise/detail/index?id=${b._id}`);
    expect(JSON.stringify([n.data, n.route])).not.toMatch(new RegExp(`${a.no}|云溪精密机械|东城路与工业大道路口的路灯坏了`));
  }
  // materialising the main's events again tells nobody twice
  const main = await stored(a._id);
  await w.h.requests().update(a._id, { $set: { needsNotify: true, notifiedSeq: 0 } });
  await materializeNotifications(w.h.ports, a._id, w.h.clock.now(), { ...main, needsNotify: true, notifiedSeq: 0 });
  expect(mine(await messagesOf('u-linxiao'), b._id)).toHaveLength(all.length);

  // its own request shows the main's progress, not the main's enterprise
  const view = await w.h.ok('u-linxiao', { action: 'request.get', id: b._id });
  expect(view.merge).toMatchObject({ kind: 'linked', scorable: true, main: { statusName: '待评价', result: '路灯已更换，路口坑洼已补平' } });
  expect(view.merge.main.timeline.map((e: any) => e.type)).toEqual(['accepted', 'progress', 'resolved']);
  expect(view.can.confirm).toBe(true);
  expect(JSON.stringify(view)).not.toContain('云溪精密机械');
  expect(JSON.stringify(view)).not.toContain(a.no);

  // both enterprises score; each score is kept on its own request
  await w.h.ok('u-gaopeng', { action: 'request.confirm', id: a._id, score: 5, comment: '很及时' });
  const scored = await w.h.ok('u-linxiao', { action: 'request.confirm', id: b._id, score: 4, comment: '' });
  expect(scored.request).toMatchObject({ status: 'merged', score: 4 });
  expect(scored.request.timeline.at(-1)).toMatchObject({ type: 'closed', text: '企业对合并办理结果评分 4 分' });
  expect(JSON.stringify(await w.h.ok('u-linxiao', { action: 'request.get', id: b._id }))).not.toContain(a.no);
  expect((await stored(a._id))).toMatchObject({ status: 'closed', score: 5 });
  // the main's enterprise scoring is not news for the linked one; scoring twice is refused
  expect(mine(await messagesOf('u-linxiao'), b._id).map((m) => m.title)).not.toContain('诉求已评价');
  expect(await w.h.call('u-linxiao', { action: 'request.confirm', id: b._id, score: 1 })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
  // a scored link stays
  expect(await w.h.call('u-sunli', { action: 'desk.unmerge', id: b._id })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
  // figures: one request answered, two scores
  expect(await day('n')).toBe(1);
  expect(await day('done')).toBe(1);
  expect(await day('scored')).toBe(2);
  expect(await day('scoreSum')).toBe(9);
  expect((await verifyCounters(w.h.ports)).mismatches).toEqual([]);
});

test('a linked enterprise cannot score before the main is answered', async () => {
  const { a, b } = await twoReports();
  await w.h.ok('u-sunli', { action: 'desk.merge', mainId: a._id, ids: [b._id] });
  expect(await w.h.call('u-linxiao', { action: 'request.confirm', id: b._id, score: 5 })).toMatchObject({
    ok: false, code: 'INVALID_STATE', message: '合并办理的诉求尚未办结，办结后即可评价',
  });
  expect((await w.h.ok('u-linxiao', { action: 'request.get', id: b._id })).can.confirm).toBe(false);
});

test('refusals write nothing', async () => {
  const { a, b } = await twoReports();
  const c = (await w.h.ok('u-songya', submission({ category: 'other', description: ROAD, phone: '13612340004' }))).request;
  const d = (await w.h.ok('u-hejun', submission({ category: 'other', description: ROAD2, phone: '13612340003' }))).request;
  await w.h.ok('u-sunli', { action: 'desk.reject', id: d._id, kind: 'invalid', reason: '描述不清，无法核实' });
  await w.h.ok('u-sunli', { action: 'desk.merge', mainId: a._id, ids: [b._id] });
  // a dispatcher of 朝阳社区 does not supervise 东城社区's requests
  await w.h.store.collection<User>(C.users).add({ _id: 'u-cy-desk', openid: 'dev-u-cy-desk', name: '朝阳调度', roles: ['dispatcher'], orgId: 'c-chaoyang', active: true, createdAt: bj('2026-11-01T09:00') });
  const snap = await w.snapshot();
  const refused = async (who: string, input: Record<string, unknown>, code: string, message?: string) => {
    const r = await w.h.call(who, { action: 'desk.merge', ...input });
    expect(r).toMatchObject({ ok: false, code, ...(message ? { message } : {}) });
  };
  await refused('u-sunli', { mainId: a._id, ids: [c._id, c._id] }, 'VALIDATION_FAILED', '同一件诉求选择了两次');
  await refused('u-sunli', { mainId: a._id, ids: [a._id] }, 'VALIDATION_FAILED', '主诉求不能并入它自己');
  await refused('u-sunli', { mainId: a._id, ids: [] }, 'VALIDATION_FAILED', '请至少选择一件要并入的诉求');
  await refused('u-sunli', { mainId: a._id, ids: Array.from({ length: 21 }, (_, i) => `r-${i}`) }, 'VALIDATION_FAILED', '一次最多并入20件诉求');
  // the main itself linked; a request already linked elsewhere; one not open; one out of scope
  await refused('u-sunli', { mainId: b._id, ids: [c._id] }, 'INVALID_STATE', `主诉求 ${b.no} 本身已并入 ${a.no}，请以 ${a.no} 为主诉求`);
  await refused('u-sunli', { mainId: c._id, ids: [b._id] }, 'INVALID_STATE', `${b.no} 已并入 ${a.no}，请先取消并件`);
  await refused('u-sunli', { mainId: c._id, ids: [a._id] }, 'INVALID_STATE', `${a.no} 已是其他诉求的主诉求，请以它为主诉求并入`);
  await refused('u-sunli', { mainId: a._id, ids: [c._id, d._id] }, 'INVALID_STATE', `${d.no} 不予受理，只能并入正在办理的诉求`);
  await refused('u-sunli', { mainId: d._id, ids: [c._id] }, 'INVALID_STATE', `主诉求 ${d.no} 不予受理，只能并入正在办理的诉求`);
  await refused('u-cy-desk', { mainId: a._id, ids: [c._id] }, 'NOT_FOUND');
  await refused('u-sunli', { mainId: a._id, ids: [c._id, 'no-such-request'] }, 'NOT_FOUND');
  // not the desk's action for others
  await refused('u-zhangwei', { mainId: a._id, ids: [c._id] }, 'FORBIDDEN');
  await refused('u-linxiao', { mainId: a._id, ids: [c._id] }, 'FORBIDDEN');
  // unmerge of a request that is not linked
  expect(await w.h.call('u-sunli', { action: 'desk.unmerge', id: c._id })).toMatchObject({ ok: false, code: 'INVALID_STATE', message: `${c.no} 未并件，无需取消` });
  expect(await w.h.call('u-cy-desk', { action: 'desk.unmerge', id: b._id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  expect(await w.snapshot()).toEqual(snap);
});

test('unmerge: the linked request returns to where it was, on both timelines, and stops following the main', async () => {
  const { a, b } = await twoReports();
  const bOfficer = (await stored(b._id)).assigneeId!;
  w.h.clock.advance(1800_000);
  await w.h.ok(bOfficer, { action: 'request.accept', id: b._id });
  const accepted = await stored(b._id);
  const load = (await user(bOfficer)).openCount;
  w.h.clock.set(bj('2026-11-24T10:00'));
  await w.h.ok('u-sunli', { action: 'desk.merge', mainId: a._id, ids: [b._id] });
  const linked = await stored(b._id);
  expect(linked).toMatchObject({ status: 'merged', pausedAt: bj('2026-11-24T10:00') });
  expect((await user(bOfficer)).openCount).toBe(load! - 1);
  // the officer hears that it left their hands
  expect((await messagesOf(bOfficer)).at(-1)!.body).toContain(`并入 ${a.no}`);

  w.h.clock.set(bj('2026-11-25T10:00'));
  const back = await w.h.ok('u-sunli', { action: 'desk.unmerge', id: b._id, reason: '经核实不是同一路口' });
  expect(back.request).toMatchObject({ status: 'accepted', assigneeId: bOfficer, mergedInto: null, pausedAt: null });
  // the day merged does not count against its deadline
  expect(Date.parse(back.request.dueAt) - Date.parse(accepted.dueAt!)).toBeGreaterThan(0);
  expect(back.request.timeline.at(-1)).toMatchObject({ type: 'unmerged', text: `取消并件：不再随 ${a.no}（云溪精密机械制造有限公司） 合并办理，恢复为办理中：经核实不是同一路口` });
  expect((await user(bOfficer)).openCount).toBe(load);
  const mainAfter = await stored(a._id);
  expect(mainAfter.mergedFrom).toEqual([]);
  expect(mainAfter.timeline.at(-1)).toMatchObject({ type: 'merge_removed', text: `取消并件：${b.no}（东城新材料科技有限公司）恢复单独办理：经核实不是同一路口` });
  expect(mine(await messagesOf('u-linxiao'), b._id).at(-1)).toMatchObject({ title: '诉求已取消并件', body: `【${b.no}】已取消合并办理，您的诉求恢复单独办理` });
  // the main's progress no longer reaches it
  const heard = (await messagesOf('u-linxiao')).length;
  await w.h.ok(mainAfter.assigneeId!, { action: 'request.accept', id: a._id });
  expect((await messagesOf('u-linxiao')).length).toBe(heard);
  // counted again as its own
  expect(await day('n')).toBe(2);
  expect((await verifyCounters(w.h.ports)).mismatches).toEqual([]);
  // a second unmerge: nothing left to undo
  expect(await w.h.call('u-sunli', { action: 'desk.unmerge', id: b._id })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
});

test('a filer (CPPCC member, liaison) reads the merge panel as the enterprise does: no other enterprise; the desk sees both', async () => {
  const { a, b } = await twoReports();
  await w.h.store.collection<User>(C.users).add({ _id: 'u-member', openid: 'dev-u-member', name: '何建华', roles: ['cppcc'], active: true, createdAt: bj('2026-11-01T09:00') });
  await w.h.requests().update(a._id, { $set: { filedBy: { id: 'u-member', name: '何建华', role: 'cppcc' } } });
  await w.h.requests().update(b._id, { $set: { filedBy: { id: 'u-zhouqiang', name: '周强', role: 'liaison' } } });
  await w.h.ok('u-sunli', { action: 'desk.merge', mainId: a._id, ids: [b._id] });
  // the member reads the main it filed: no list of the other enterprises' requests
  const m = await w.h.ok('u-member', { action: 'request.get', id: a._id });
  expect(m.merge).toBeNull();
  expect(JSON.stringify(m)).not.toMatch(new RegExp(`${b.no}|东城新材料`));
  // the liaison reads the linked request it filed: the main's progress, not its number or enterprise
  const l = await w.h.ok('u-zhouqiang', { action: 'request.get', id: b._id });
  expect(l.merge).toMatchObject({ kind: 'linked', scorable: false, main: { statusName: '待签收' } });
  expect(l.merge.main).not.toHaveProperty('no');
  expect(JSON.stringify([l.merge, l.request.timeline])).not.toMatch(new RegExp(`${a.no}|云溪精密机械`));
  // the desk still sees both sides
  const d = await w.h.ok('u-sunli', { action: 'request.get', id: a._id });
  expect(d.merge.linked).toEqual([expect.objectContaining({ no: b.no, enterpriseName: '东城新材料科技有限公司' })]);
  const dl = await w.h.ok('u-sunli', { action: 'request.get', id: b._id });
  expect(dl.merge.main).toMatchObject({ no: a.no, enterpriseName: '云溪精密机械制造有限公司' });
});

test("a linked enterprise's SMS fallback is the number on its own request, never the main enterprise's", async () => {
  // 林晓's account has no phone: its notices fall back to the number it gave on its own request
  await w.h.store.collection<User>(C.users).update('u-linxiao', { $set: { phone: '' } });
  const a = (await w.h.ok('u-gaopeng', submission({ category: 'other', description: ROAD, phone: '13612340002' }))).request;
  const b = (await w.h.ok('u-linxiao', submission({ category: 'other', description: ROAD2, phone: '13612349999' }))).request;
  await w.h.ok('u-sunli', { action: 'desk.merge', mainId: a._id, ids: [b._id] });
  await w.h.ok((await stored(a._id)).assigneeId!, { action: 'request.accept', id: a._id });
  const notices = await w.h.store.collection<OutboxEntry>(C.outbox).find({ requestId: a._id, userId: 'u-linxiao' }, { limit: 50 });
  expect(notices.length).toBeGreaterThan(0);
  for (const n of notices) expect(n.phone).toBe('13612349999');
});

test("a link made before its number was kept on it: the linked enterprise's SMS fallback is read from its own request", async () => {
  await w.h.store.collection<User>(C.users).update('u-linxiao', { $set: { phone: '' } });
  const a = (await w.h.ok('u-gaopeng', submission({ category: 'other', description: ROAD, phone: '13612340002' }))).request;
  const b = (await w.h.ok('u-linxiao', submission({ category: 'other', description: ROAD2, phone: '13612349999' }))).request;
  await w.h.ok('u-sunli', { action: 'desk.merge', mainId: a._id, ids: [b._id] });
  // as such a link was stored: no phone on the main's list
  const main = await stored(a._id);
  await w.h.requests().update(a._id, { $set: { mergedFrom: main.mergedFrom!.map(({ phone: _p, ...l }) => l) } });
  await w.h.ok(main.assigneeId!, { action: 'request.accept', id: a._id });
  const notices = await w.h.store.collection<OutboxEntry>(C.outbox).find({ requestId: a._id, userId: 'u-linxiao' }, { limit: 50 });
  expect(notices.length).toBeGreaterThan(0);
  for (const n of notices) expect(n.phone).toBe('13612349999');
});

test("another contact of the main's enterprise (its rework, its score) is not news for a linked enterprise", async () => {
  const { a, b } = await twoReports();
  // a second contact of 云溪精密机械 (高鹏 filed the main)
  const gao = await user('u-gaopeng');
  await w.h.store.collection<User>(C.users).add({ ...gao, _id: 'u-gao2', openid: 'dev-u-gao2', name: '高二', phone: '13612348888' });
  await w.h.ok('u-sunli', { action: 'desk.merge', mainId: a._id, ids: [b._id] });
  const officer = (await stored(a._id)).assigneeId!;
  await w.h.ok(officer, { action: 'request.accept', id: a._id });
  await w.h.ok(officer, { action: 'request.resolve', id: a._id, result: '路灯已更换', kind: 'solved' });
  const heard = mine(await messagesOf('u-linxiao'), b._id).length;
  // the other contact sends it back, then (answered again) scores it
  await w.h.ok('u-gao2', { action: 'request.reopen', id: a._id, reason: '第二联系人：云溪厂门口仍然漆黑' });
  const back = (await stored(a._id)).assigneeId!;
  if ((await stored(a._id)).status === 'assigned') await w.h.ok(back, { action: 'request.accept', id: a._id });
  await w.h.ok(back, { action: 'request.resolve', id: a._id, result: '已加装两盏路灯', kind: 'solved' });
  await w.h.ok('u-gao2', { action: 'request.confirm', id: a._id, score: 2, comment: '云溪厂很不满意' });
  const told = mine(await messagesOf('u-linxiao'), b._id).slice(heard);
  // the second answer reaches it; the other enterprise's rework and score do not
  expect(told.map((m) => m.title)).not.toContain('诉求已评价');
  expect(JSON.stringify(told)).not.toMatch(/云溪|第二联系人/);
  const view = await w.h.ok('u-linxiao', { action: 'request.get', id: b._id });
  expect(JSON.stringify(view.merge)).not.toMatch(/云溪|第二联系人/);
  expect(view.merge.main.timeline.map((e: any) => e.type)).not.toContain('closed');
});

test('unmerge back to 待签收 sets a fresh sign-in deadline: the sweep hands it on when its officer does not sign', async () => {
  const { a, b } = await twoReports();
  const bOfficer = (await stored(b._id)).assigneeId!;
  await w.h.ok('u-sunli', { action: 'desk.merge', mainId: a._id, ids: [b._id] });
  expect((await stored(b._id)).acceptDueAt).toBeNull();
  w.h.clock.set(bj('2026-11-25T10:00'));
  const back = await w.h.ok('u-sunli', { action: 'desk.unmerge', id: b._id });
  expect(back.request).toMatchObject({ status: 'assigned', assigneeId: bOfficer });
  const s = await stored(b._id);
  expect(Date.parse(s.acceptDueAt!)).toBeGreaterThan(Date.parse(bj('2026-11-25T10:00')));
  expect(s.nextCheckAt).not.toBeNull();
  // nobody signs: past the deadline the sweep takes it from the officer
  w.h.clock.set(new Date(Date.parse(s.acceptDueAt!) + 60_000).toISOString());
  await w.h.fns.sweep({ Type: 'Timer' }, null);
  const after = await stored(b._id);
  expect(after.timedOutIds).toContain(bOfficer);
  expect(after.assigneeId).not.toBe(bOfficer);
  expect(after.timeline.some((e) => e.type === 'timeout')).toBe(true);
  expect((await verifyCounters(w.h.ports)).mismatches).toEqual([]);
});

test("unmerge takes the handler's slot before it writes: a failed slot write leaves the request merged, nothing half done", async () => {
  const { a, b } = await twoReports();
  const bOfficer = (await stored(b._id)).assigneeId!;
  await w.h.ok('u-sunli', { action: 'desk.merge', mainId: a._id, ids: [b._id] });
  const load = (await user(bOfficer)).openCount;
  // the officer's counter cannot be written (a store error on that one update)
  const store = w.h.store;
  const collection = store.collection.bind(store);
  (store as any).collection = (name: string) => {
    const c = collection(name);
    if (name !== C.users) return c;
    return new Proxy(c, { get: (t, k) => k === 'update' ? async (id: string, u: any, where?: any) => {
      if (id === bOfficer && u?.$inc?.openCount === 1) throw new Error('store unavailable');
      return (t as any).update(id, u, where);
    } : (t as any)[k] });
  };
  try {
    expect(await w.h.call('u-sunli', { action: 'desk.unmerge', id: b._id })).toMatchObject({ ok: false });
  } finally {
    (store as any).collection = collection;
  }
  // never restored to an officer who does not hold its slot
  const s = await stored(b._id);
  expect(s.status).toBe('merged');
  expect((await user(bOfficer)).openCount).toBe(load);
  // the retry finishes it
  await w.h.ok('u-sunli', { action: 'desk.unmerge', id: b._id });
  expect(await stored(b._id)).toMatchObject({ status: 'assigned', assigneeId: bOfficer });
  expect((await user(bOfficer)).openCount).toBe(load! + 1);
});

test('a main with linked requests cannot be rejected (they could never be scored): refused, nothing written', async () => {
  const { a, b } = await twoReports();
  await w.h.ok('u-sunli', { action: 'desk.merge', mainId: a._id, ids: [b._id] });
  const snap = await w.snapshot();
  expect(await w.h.call('u-sunli', { action: 'desk.reject', id: a._id, kind: 'invalid', reason: '描述不清，无法核实' })).toMatchObject({
    ok: false, code: 'INVALID_STATE', message: '该诉求已有1件其他企业的同类诉求并入合并办理，请先取消并件再作不予受理',
  });
  expect(await w.snapshot()).toEqual(snap);
  // once unmerged, it may be
  await w.h.ok('u-sunli', { action: 'desk.unmerge', id: b._id });
  await w.h.ok('u-sunli', { action: 'desk.reject', id: a._id, kind: 'invalid', reason: '描述不清，无法核实' });
  expect((await stored(a._id)).status).toBe('rejected');
});

test('two dispatchers at once (B into A while A into C): the merge whose main was taken undoes its links, none stranded', async () => {
  const { a, b } = await twoReports();
  const c = (await w.h.ok('u-songya', submission({ category: 'other', description: ROAD, phone: '13612340004' }))).request;
  const bOfficer = (await stored(b._id)).assigneeId!;
  const load = (await user(bOfficer)).openCount;
  // right after B is written linked to A, the other dispatcher's merge of A into C lands
  const store = w.h.store;
  const collection = store.collection.bind(store);
  let raced = false;
  (store as any).collection = (name: string) => {
    const col = collection(name);
    if (name !== C.requests) return col;
    return new Proxy(col, { get: (t, k) => k === 'update' ? async (id: string, u: any, where?: any) => {
      const ok = await (t as any).update(id, u, where);
      if (ok && !raced && id === b._id && u?.$set?.status === 'merged') {
        raced = true;
        (store as any).collection = collection;
        await w.h.ok('u-sunli', { action: 'desk.merge', mainId: c._id, ids: [a._id] });
      }
      return ok;
    } : (t as any)[k] });
  };
  try {
    expect(await w.h.call('u-sunli', { action: 'desk.merge', mainId: a._id, ids: [b._id] })).toMatchObject({
      ok: false, code: 'CONFLICT', message: `主诉求 ${a.no} 刚刚已并入其他诉求或状态已变化，本次并件已撤回，请刷新后重试`,
    });
  } finally {
    (store as any).collection = collection;
  }
  expect(raced).toBe(true);
  expect(await stored(a._id)).toMatchObject({ status: 'merged', mergedInto: { id: c._id } });
  expect((await stored(a._id)).mergedFrom ?? []).toEqual([]);
  // B is back with its officer, its slot held again, not stranded under a linked main
  const back = await stored(b._id);
  expect(back).toMatchObject({ status: 'assigned', assigneeId: bOfficer, mergedInto: null, pausedAt: null });
  expect(back.acceptDueAt).not.toBeNull();
  expect(back.timeline.at(-1)).toMatchObject({ type: 'unmerged', text: `并件未完成：${a.no} 已不能作为主诉求（已并入其他诉求或状态已变化），恢复为待签收` });
  expect((await user(bOfficer)).openCount).toBe(load);
  // it can be merged into C now
  await w.h.ok('u-sunli', { action: 'desk.merge', mainId: c._id, ids: [b._id] });
  expect((await stored(c._id)).mergedFrom!.map((l) => l.id)).toEqual([a._id, b._id]);
  expect((await verifyCounters(w.h.ports)).mismatches).toEqual([]);
});

test("a linked request whose main is answered is in its enterprise's 待评价 and home count, until it scores", async () => {
  const { a, b } = await twoReports();
  await w.h.ok('u-sunli', { action: 'desk.merge', mainId: a._id, ids: [b._id] });
  const rate = async () => {
    const list = await w.h.ok('u-linxiao', { action: 'request.mine', tab: 'rate' });
    const home = await w.h.ok('u-linxiao', { action: 'home.todo' });
    return { ids: list.items.map((r: any) => r._id), total: list.total, count: home.todo.find((t: any) => t.key === 'rate')?.count ?? 0 };
  };
  expect(await rate()).toEqual({ ids: [], total: 0, count: 0 });
  const officer = (await stored(a._id)).assigneeId!;
  await w.h.ok(officer, { action: 'request.accept', id: a._id });
  await w.h.ok(officer, { action: 'request.resolve', id: a._id, result: '路灯已更换', kind: 'solved' });
  expect(await rate()).toEqual({ ids: [b._id], total: 1, count: 1 });
  // the outbox running again changes nothing
  const main = await stored(a._id);
  await materializeNotifications(w.h.ports, a._id, w.h.clock.now(), { ...main, needsNotify: true, notifiedSeq: 0 });
  expect(await rate()).toEqual({ ids: [b._id], total: 1, count: 1 });
  // the main's enterprise sends it back: no longer to score; answered again: back in 待评价
  await w.h.ok('u-gaopeng', { action: 'request.reopen', id: a._id, reason: '路灯仍不亮' });
  expect(await rate()).toEqual({ ids: [], total: 0, count: 0 });
  const back = (await stored(a._id)).assigneeId!;
  if ((await stored(a._id)).status === 'assigned') await w.h.ok(back, { action: 'request.accept', id: a._id });
  await w.h.ok(back, { action: 'request.resolve', id: a._id, result: '已加装两盏路灯', kind: 'solved' });
  expect(await rate()).toEqual({ ids: [b._id], total: 1, count: 1 });
  // scored: gone from 待评价, and a re-run of the outbox does not bring it back
  await w.h.ok('u-linxiao', { action: 'request.confirm', id: b._id, score: 5 });
  expect(await rate()).toEqual({ ids: [], total: 0, count: 0 });
  await materializeNotifications(w.h.ports, a._id, w.h.clock.now(), { ...(await stored(a._id)), needsNotify: true, notifiedSeq: 0 });
  expect(await rate()).toEqual({ ids: [], total: 0, count: 0 });
  expect((await verifyCounters(w.h.ports)).mismatches).toEqual([]);
});

test("a linked enterprise's score counts where the main was handled (its category and center), not under the linked request's own", async () => {
  const { a, b } = await twoReports();
  await w.h.ok('u-sunli', { action: 'desk.merge', mainId: a._id, ids: [b._id] });
  // the dispatcher files the main under 交通 (both were sent as 其他)
  await w.h.ok('u-sunli', { action: 'desk.verify', id: a._id, level: 'general', category: 'jiaotong' });
  const officer = (await stored(a._id)).assigneeId!;
  await w.h.ok(officer, { action: 'request.accept', id: a._id });
  await w.h.ok(officer, { action: 'request.resolve', id: a._id, result: '路灯已更换，路口坑洼已补平', kind: 'solved' });
  await w.h.ok('u-gaopeng', { action: 'request.confirm', id: a._id, score: 5, comment: '' });
  await w.h.ok('u-linxiao', { action: 'request.confirm', id: b._id, score: 3, comment: '' });
  const counted = (await recount(w.h.ports)).get('D20261123')!;
  expect(counted.get('g.cat.jiaotong.n')).toBe(1);
  expect(counted.get('g.cat.jiaotong.scored')).toBe(2);
  expect(counted.get('g.cat.jiaotong.scoreSum')).toBe(8);
  expect(counted.get('g.cat.other.scored') ?? 0).toBe(0);
  expect((await verifyCounters(w.h.ports)).mismatches).toEqual([]);
});

// ── merges and unmerges an action left half-way: the sweep makes the two documents agree ──

/** the sweep as its timer runs it, `minutes` from now */
async function sweepAfter(minutes: number) {
  w.h.clock.advance(minutes * 60_000);
  const r: any = await w.h.fns.sweep({ Type: 'Timer' }, null);
  expect(r.ok).toBe(true);
  return r.data;
}

test('a whole merge: the sweep checks it once, some minutes later, and writes no event', async () => {
  const { a, b } = await twoReports();
  await w.h.ok('u-sunli', { action: 'desk.merge', mainId: a._id, ids: [b._id] });
  const linked = await stored(b._id);
  expect(linked.nextCheckAt).toBe(new Date(Date.parse(linked.mergedInto!.at) + 5 * 60_000).toISOString());
  const mainSeq = (await stored(a._id)).seq;
  // not due yet: untouched
  await sweepAfter(1);
  expect(await stored(b._id)).toEqual(linked);
  const run = await sweepAfter(5);
  expect(run.links).toBeUndefined();
  const after = await stored(b._id);
  expect(after).toMatchObject({ status: 'merged', nextCheckAt: null, mergedInto: { id: a._id, listed: true } });
  expect(after.timeline).toHaveLength(linked.timeline.length);
  expect((await stored(a._id)).seq).toBe(mainSeq);
});

test('a merge that stopped before the main listed it: the sweep lists it, and its enterprise hears the result', async () => {
  const { a, b } = await twoReports();
  await w.h.ok('u-sunli', { action: 'desk.merge', mainId: a._id, ids: [b._id] });
  // the action stopped between its two writes: B points at A, A does not list B
  await w.h.requests().update(a._id, { $set: { mergedFrom: [] } });
  const run = await sweepAfter(6);
  expect(run.links).toBe(1);
  const main = await stored(a._id);
  expect(main.mergedFrom!.map((l) => l.id)).toEqual([b._id]);
  expect(main.timeline.at(-1)).toMatchObject({ type: 'merge_added', actorName: '系统', text: `并件：${b.no}（东城新材料科技有限公司） 并入本件合并办理（系统补全未写完的并件）` });
  expect(await stored(b._id)).toMatchObject({ status: 'merged', nextCheckAt: null, mergedInto: { listed: true } });
  // a second run finds nothing to do
  const seq = main.seq;
  expect((await sweepAfter(10)).links).toBeUndefined();
  expect((await stored(a._id)).seq).toBe(seq);
  // the main is answered: the linked enterprise is told, on its own request
  const officer = main.assigneeId!;
  await w.h.ok(officer, { action: 'request.accept', id: a._id });
  await w.h.ok(officer, { action: 'request.resolve', id: a._id, result: '路灯已更换，坑已补平', kind: 'solved' });
  expect(mine(await messagesOf('u-linxiao'), b._id).map((m) => m.title)).toContain('诉求已办结，请评价');
  expect((await verifyCounters(w.h.ports)).mismatches).toEqual([]);
});

test('a merge half-way whose main can no longer take it: the sweep puts the request back where it was', async () => {
  const { a, b } = await twoReports();
  const c = (await w.h.ok('u-songya', submission({ category: 'other', description: ROAD, phone: '13612340004' }))).request;
  const bOfficer = (await stored(b._id)).assigneeId!;
  const load = (await user(bOfficer)).openCount;
  await w.h.ok('u-sunli', { action: 'desk.merge', mainId: a._id, ids: [b._id] });
  await w.h.requests().update(a._id, { $set: { mergedFrom: [] } });
  // meanwhile A itself went into C
  await w.h.ok('u-sunli', { action: 'desk.merge', mainId: c._id, ids: [a._id] });
  expect((await sweepAfter(6)).links).toBe(1);
  const back = await stored(b._id);
  expect(back).toMatchObject({ status: 'assigned', assigneeId: bOfficer, mergedInto: null, pausedAt: null });
  expect(back.timeline.at(-1)).toMatchObject({ type: 'unmerged', actorName: '系统', text: `并件未完成：${a.no} 已不能作为主诉求（已并入其他诉求、状态已变化或并件已满），恢复为待签收` });
  expect((await user(bOfficer)).openCount).toBe(load);
  expect(mine(await messagesOf('u-linxiao'), b._id).at(-1)!.body).toContain('合并办理未能完成，您的诉求恢复单独办理');
  expect((await verifyCounters(w.h.ports)).mismatches).toEqual([]);
});

test('an unmerge that stopped after the main let go: the sweep finishes it and never lists it again', async () => {
  const { a, b } = await twoReports();
  const bOfficer = (await stored(b._id)).assigneeId!;
  await w.h.ok('u-sunli', { action: 'desk.merge', mainId: a._id, ids: [b._id] });
  await sweepAfter(6);
  expect((await stored(b._id)).nextCheckAt).toBeNull();
  // the unmerge stops at its last write (the request's own): a store error
  const store = w.h.store;
  const collection = store.collection.bind(store);
  (store as any).collection = (name: string) => {
    const col = collection(name);
    if (name !== C.requests) return col;
    return new Proxy(col, { get: (t, k) => k === 'update' ? async (id: string, u: any, where?: any) => {
      if (id === b._id && u?.$set?.mergedInto === null) throw new Error('store unavailable');
      return (t as any).update(id, u, where);
    } : (t as any)[k] });
  };
  try {
    expect(await w.h.call('u-sunli', { action: 'desk.unmerge', id: b._id, reason: '不是同一路口' })).toMatchObject({ ok: false });
  } finally {
    (store as any).collection = collection;
  }
  const half = await stored(b._id);
  expect(half).toMatchObject({ status: 'merged', mergedInto: { id: a._id, unmerging: expect.any(String) } });
  expect((await stored(a._id)).mergedFrom ?? []).toEqual([]);
  expect(half.nextCheckAt).not.toBeNull();
  expect((await sweepAfter(6)).links).toBe(1);
  const back = await stored(b._id);
  expect(back).toMatchObject({ status: 'assigned', assigneeId: bOfficer, mergedInto: null });
  expect(back.timeline.at(-1)).toMatchObject({ type: 'unmerged', actorName: '系统', text: `取消并件：不再随 ${a.no} 合并办理，恢复为待签收（系统完成未完成的取消并件）` });
  expect((await stored(a._id)).mergedFrom ?? []).toEqual([]);
  expect((await verifyCounters(w.h.ports)).mismatches).toEqual([]);
});

test("the sweep's check works on the request as it is now: an unmerge finished or begun since its read is never undone, and no score lands during an unmerge", async () => {
  const { a, b } = await twoReports();
  await w.h.ok('u-sunli', { action: 'desk.merge', mainId: a._id, ids: [b._id] });
  w.h.clock.advance(6 * 60_000);
  // the sweep read B due, then the dispatcher unmerged it whole before the sweep reached it
  const stale = await stored(b._id);
  await w.h.ok('u-sunli', { action: 'desk.unmerge', id: b._id });
  expect(await settleLink(w.h.ports, stale, w.h.clock.now())).toBe('moved');
  expect((await stored(a._id)).mergedFrom ?? []).toEqual([]);
  expect((await stored(b._id)).status).toBe('assigned');

  // merged again; the sweep checks it, and right before its last write an unmerge writes its mark and stops (a crash)
  await w.h.ok('u-sunli', { action: 'desk.merge', mainId: a._id, ids: [b._id] });
  // the main is answered: B's enterprise could score now
  const officer = (await stored(a._id)).assigneeId!;
  await w.h.ok(officer, { action: 'request.accept', id: a._id });
  await w.h.ok(officer, { action: 'request.resolve', id: a._id, result: '路灯已修复', kind: 'solved' });
  w.h.clock.advance(6 * 60_000);
  const mark = async () => {
    const now = await stored(b._id);
    await w.h.requests().update(b._id, { $set: { mergedInto: { ...now.mergedInto!, unmerging: w.h.clock.now().toISOString() }, nextCheckAt: new Date(w.h.clock.now().getTime() + 5 * 60_000).toISOString() } });
  };
  const store = w.h.store;
  const collection = store.collection.bind(store);
  (store as any).collection = (name: string) => {
    const col = collection(name);
    if (name !== C.requests) return col;
    return new Proxy(col, { get: (t, k) => k === 'update' ? async (id: string, u: any, where?: any) => {
      if (id === b._id && u?.$set?.mergedInto?.listed) { (store as any).collection = collection; await mark(); }
      return (t as any).update(id, u, where);
    } : (t as any)[k] });
  };
  try {
    expect(await settleLink(w.h.ports, await stored(b._id), w.h.clock.now())).toBe('moved');
  } finally {
    (store as any).collection = collection;
  }
  const after = await stored(b._id);
  expect(after.mergedInto).toMatchObject({ unmerging: expect.any(String) });
  expect(after.nextCheckAt).not.toBeNull();
  // the enterprise cannot score meanwhile
  expect(await w.h.call('u-linxiao', { action: 'request.confirm', id: b._id, score: 5 })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
  // the next check finishes the unmerge
  expect((await sweepAfter(6)).links).toBe(1);
  expect(await stored(b._id)).toMatchObject({ status: 'assigned', mergedInto: null });
  expect((await stored(a._id)).mergedFrom ?? []).toEqual([]);
  expect((await verifyCounters(w.h.ports)).mismatches).toEqual([]);
});
