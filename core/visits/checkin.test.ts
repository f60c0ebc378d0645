/**
 * Official visits by QR code through the service function: scan in, join, scan out, the 无事不扰
 * guard, inspections without approval, late registration, the auto-close timer, wrong scanners and
 * wrong codes. Problems filed during a visit and the figures have their own tests beside
 * core/visits/requests.ts and figures.ts.
 */
import { C } from '../collections';
import { freshEach, HERE, OUT, visitHelpers } from '../../tests/support/harness';

const w = freshEach();
const { messagesOf, titlesOf } = w;
const { visitDoc, sceneOf, checkin } = visitHelpers(w);

const HOUR = 3600_000;

describe('scan in and out', () => {
  test('an officer checks in, the enterprise is told and scores, the officer checks out with the same code', async () => {
    await w.h.consentAll(); // so the notice is also pushed, not only in the message center
    const scene = await sceneOf();
    const scanned = await w.h.ok('u-zhangwei', { action: 'visit.scan', scene });
    expect(scanned).toMatchObject({ mode: 'checkin', enterprise: { id: 'e-002', name: '东城新材料科技有限公司' }, guard: { count: 0, cap: 2, over: false } });
    expect(scanned.purposes.map((p: any) => p.label)).toEqual(['帮扶走访', '政策宣讲', '问题回访', '执法检查', '联合检查']);

    const { visit } = await checkin('u-zhangwei', scene);
    expect(visit).toMatchObject({ status: 'open', purposeLabel: '帮扶走访', enterpriseName: '东城新材料科技有限公司', flags: [] });
    expect(visit.members).toEqual([expect.objectContaining({ name: '张伟', deptName: '东城一网格', roleLabel: '网格员' })]);
    expect(visit.no).toMatch(/^GW20261123\d{4}$/);

    const notice = (await messagesOf('u-linxiao')).find((m) => m.title === '公务入企备案')!;
    expect(notice.body).toContain('张伟（东城一网格）于 2026-11-23 09:30 扫码入企');
    expect(notice.body).toContain('事由：帮扶走访，了解企业用工需求');
    expect(notice.page).toBe(`subpkg-visit/history/index?id=${visit._id}`);
    expect(w.h.notifier.sent.some((m) => m.page === notice.page)).toBe(true);

    w.h.clock.advance(HOUR);
    const history = await w.h.ok('u-linxiao', { action: 'visit.mine' });
    expect(history.items).toHaveLength(1);
    expect(history.items[0]).toMatchObject({ _id: visit._id, status: 'open', canScore: true, canComplain: true });
    await w.h.ok('u-linxiao', { action: 'visit.score', visitId: visit._id, score: 5, comment: '政策讲得清楚' });
    expect((await w.h.call('u-linxiao', { action: 'visit.score', visitId: visit._id, score: 4 }))).toMatchObject({ ok: false, code: 'INVALID_STATE' });

    expect(await w.h.ok('u-zhangwei', { action: 'visit.scan', scene })).toMatchObject({ mode: 'checkout', visit: { _id: visit._id } });
    const out = await w.h.ok('u-zhangwei', { action: 'visit.checkout', ...OUT, scene });
    expect(out).toMatchObject({ closed: true, visit: { status: 'closed', durationMinutes: 60 } });
    expect(await titlesOf('u-linxiao')).toContain('公务入企已签退');
    const stored = await visitDoc(visit._id);
    expect(stored).toMatchObject({ scoreSum: 5, scoreCount: 1, presentIds: [], checkoutAt: '2026-11-23T02:30:00.000Z' });
    expect(stored.members[0]).toMatchObject({ leftBy: 'scan', leftAt: '2026-11-23T02:30:00.000Z' });
    // the lock is gone: the next scan is a fresh check-in
    expect(await w.h.ok('u-wangfang', { action: 'visit.scan', scene })).toMatchObject({ mode: 'checkin', guard: { count: 1 } });
  });

  test('others who scan while a visit is open join it; it closes when the last one leaves', async () => {
    const scene = await sceneOf();
    const { visit } = await checkin('u-zhangwei', scene);
    expect(await w.h.ok('u-fengyu', { action: 'visit.scan', scene })).toMatchObject({ mode: 'join', visit: { _id: visit._id } });
    const joined = await w.h.ok('u-fengyu', { action: 'visit.join', ...HERE, scene });
    expect(joined.visit.members.map((m: any) => `${m.name}/${m.deptName}`)).toEqual(['张伟/东城一网格', '冯玉/区住房和城乡建设局']);
    // a third official pressing "check in" on a stale page also ends up in the same visit
    const third = await checkin('u-qianjun', scene);
    expect(third).toMatchObject({ joined: true, visit: { _id: visit._id } });
    expect(await w.h.store.collection(C.visits).count({})).toBe(1);
    expect((await messagesOf('u-linxiao')).filter((m) => m.title === '公务入企备案（联合）')).toHaveLength(2);

    expect(await w.h.ok('u-zhangwei', { action: 'visit.checkout', ...OUT, scene })).toMatchObject({ closed: false });
    expect(await w.h.ok('u-fengyu', { action: 'visit.checkout', ...OUT, scene })).toMatchObject({ closed: false });
    expect(await w.h.ok('u-qianjun', { action: 'visit.checkout', ...OUT, scene })).toMatchObject({ closed: true });
    expect((await visitDoc(visit._id)).deptIds).toEqual(['officers', 'dep-zjj', 'dep-zrzy']);
  });

  test('scanning a second enterprise while a visit is open elsewhere asks to close the first', async () => {
    const first = await sceneOf('u-linxiao');
    const second = await sceneOf('u-gaopeng');
    const { visit } = await checkin('u-zhangwei', first);
    expect(await w.h.ok('u-zhangwei', { action: 'visit.scan', scene: second })).toMatchObject({
      mode: 'open_elsewhere', enterprise: { name: '云溪精密机械制造有限公司' }, other: { _id: visit._id, enterpriseName: '东城新材料科技有限公司' },
    });
    expect(await w.h.call('u-zhangwei', { action: 'visit.checkin', ...HERE, scene: second, purpose: 'policy' })).toMatchObject({
      ok: false, code: 'VISIT_OPEN_ELSEWHERE', message: expect.stringContaining('东城新材料科技有限公司'),
    });
    await w.h.ok('u-zhangwei', { action: 'visit.checkout', ...OUT, visitId: visit._id });
    expect((await visitDoc(visit._id)).members[0].leftBy).toBe('elsewhere');
    expect(await checkin('u-zhangwei', second, { purpose: 'policy' })).toMatchObject({ joined: false, visit: { enterpriseName: '云溪精密机械制造有限公司' } });
  });
});

describe('wrong scanners and wrong codes', () => {
  test('the enterprise scanning its own code gets its history; a stranger gets a clear message', async () => {
    const scene = await sceneOf();
    expect(await w.h.ok('u-linxiao', { action: 'visit.scan', scene })).toMatchObject({ mode: 'own', enterprise: { id: 'e-002' } });
    const stranger = await w.h.ok('u-gaopeng', { action: 'visit.scan', scene });
    expect(stranger).toMatchObject({ mode: 'stranger', message: expect.stringContaining('您不是该企业的联系人') });
    expect(JSON.stringify(stranger)).not.toContain('e-002');
    expect(await w.h.ok('wx-brand-new-user', { action: 'visit.scan', scene })).toMatchObject({ mode: 'stranger' });
    expect(await w.h.call('u-gaopeng', { action: 'visit.checkin', ...HERE, scene, purpose: 'help' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  test('unknown, forged and revoked scenes get a clear error', async () => {
    const scene = await sceneOf();
    for (const bad of ['e-002', 'e002', '../../etc/passwd', 'x'.repeat(40), 'AAAAAAAAAAAAAAAAAAAA']) {
      const r = await w.h.call('u-zhangwei', { action: 'visit.scan', scene: bad });
      expect(r).toMatchObject({ ok: false, code: 'CODE_INVALID', message: expect.stringMatching(/二维码无效/) });
    }
    const renewed = await w.h.ok('u-linxiao', { action: 'visit.code', renew: true });
    expect(renewed.code.scene).not.toBe(scene);
    expect(await w.h.call('u-zhangwei', { action: 'visit.scan', scene })).toMatchObject({ ok: false, code: 'CODE_INVALID', message: expect.stringContaining('已作废') });
    expect(await w.h.ok('u-zhangwei', { action: 'visit.scan', scene: renewed.code.scene })).toMatchObject({ mode: 'checkin' });
  });

  test("an official's personal code is not an enterprise code", async () => {
    const mine = await w.h.ok('u-zhangwei', { action: 'visit.officerCode' });
    expect(await w.h.ok('u-linxiao', { action: 'visit.scan', scene: mine.code.scene })).toEqual({ mode: 'official', scene: mine.code.scene });
    expect(await w.h.call('u-wangfang', { action: 'visit.checkin', ...HERE, scene: mine.code.scene, purpose: 'help' })).toMatchObject({ ok: false, code: 'CODE_INVALID', message: expect.stringContaining('亮证码') });
  });

  test('only its contacts, its officers and supervisors may print an enterprise code', async () => {
    expect((await w.h.ok('u-zhangwei', { action: 'visit.poster', enterpriseId: 'e-002' })).enterprise.name).toBe('东城新材料科技有限公司');
    expect((await w.h.ok('u-sunli', { action: 'visit.poster', enterpriseId: 'e-002' })).title).toBe('公务入企 请扫码备案');
    expect(await w.h.call('u-chenjing', { action: 'visit.poster', enterpriseId: 'e-002' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await w.h.call('u-gaopeng', { action: 'visit.poster', enterpriseId: 'e-002' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect(await w.h.call('u-zhangwei', { action: 'visit.code', enterpriseId: 'e-002', renew: true })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });
});

describe('无事不扰', () => {
  test('above the cap of unrequested visits check-in needs a reason and the visit is flagged for the dispatcher', async () => {
    const scene = await sceneOf();
    for (const who of ['u-zhangwei', 'u-wangfang']) {
      await checkin(who, scene);
      w.h.clock.advance(HOUR);
      await w.h.ok(who, { action: 'visit.checkout', ...OUT, scene });
    }
    const scanned = await w.h.ok('u-lina', { action: 'visit.scan', scene });
    expect(scanned.guard).toEqual({ count: 2, cap: 2, windowDays: 30, over: true });
    const refused = await w.h.call('u-lina', { action: 'visit.checkin', ...HERE, scene, purpose: 'policy' });
    expect(refused).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', details: [{ field: 'reason' }] });
    expect(refused.ok === false && refused.message).toContain('本企业近30天已有2次非企业申请的入企（上限2次）');
    expect(await w.h.store.collection(C.visits).count({})).toBe(2);

    const { visit } = await checkin('u-lina', scene, { purpose: 'policy', reason: '区里新出台稳岗补贴政策，需当面讲解' });
    expect(visit.flags.map((f: any) => f.key)).toEqual(['over_cap']);
    expect(visit.overCapReason).toBe('区里新出台稳岗补贴政策，需当面讲解');
    const alert = (await messagesOf('u-sunli')).find((m) => m.title === '入企预警')!;
    expect(alert.body).toContain('超出无事不扰频次');
    expect(alert.body).toContain('稳岗补贴');
    const flagged = await w.h.ok('u-sunli', { action: 'visit.list', flagged: true });
    expect(flagged.items.map((v: any) => v._id)).toEqual([visit._id]);
    expect(flagged.counts).toMatchObject({ all: 3, flagged: 1, red: 0, open: 1 });
  });

  test('a visit answering one of the enterprise\'s requests does not count and needs no reason', async () => {
    await w.h.store.collection(C.settings).add({ _id: 'visits', value: { cap: 0 }, updatedAt: new Date().toISOString(), updatedBy: null });
    const { request } = await w.h.ok('u-linxiao', {
      action: 'request.submit', clientKey: 'k-visit-0001', category: 'dianli', description: '新车间用电增容两周无人联系', photos: [], phone: '13612340001',
    });
    const scene = await sceneOf();
    const { visit } = await checkin('u-zhangwei', scene, { purpose: 'followup', requestId: request._id });
    expect(visit).toMatchObject({ requested: true, linkedRequestNo: request.no, flags: [] });
    expect(await w.h.call('u-zhangwei', { action: 'visit.checkin', ...HERE, scene: await sceneOf('u-gaopeng'), purpose: 'followup', requestId: request._id })).toMatchObject({
      ok: false, code: 'VISIT_OPEN_ELSEWHERE',
    });
  });

  test('an inspection needs a legal basis, and without an approval reference it is flagged red', async () => {
    const scene = await sceneOf();
    expect(await w.h.call('u-fengyu', { action: 'visit.checkin', ...HERE, scene, purpose: 'inspection' })).toMatchObject({
      ok: false, code: 'VALIDATION_FAILED', details: [{ field: 'legalBasis', message: '执法检查须填写执法依据' }],
    });
    const { visit } = await w.h.ok('u-fengyu', { action: 'visit.checkin', ...HERE, scene, purpose: 'inspection', legalBasis: '《建设工程质量管理条例》第四十七条', note: '在建厂房质量抽查' });
    expect(visit).toMatchObject({ red: true, approvalRef: null, flags: [{ key: 'no_approval', label: '执法检查无报批备案号' }] });
    expect((await messagesOf('u-linxiao')).at(-1)!.body).toContain('未提供报批备案号');
    expect(await titlesOf('u-sunli')).toContain('入企预警（红色）');
    expect((await w.h.ok('u-sunli', { action: 'visit.list', red: true })).items.map((v: any) => v._id)).toEqual([visit._id]);
  });

  test('with an approval reference the inspection is not flagged and the enterprise sees the reference', async () => {
    const scene = await sceneOf();
    const { visit } = await w.h.ok('u-fengyu', {
      action: 'visit.checkin', ...HERE, scene, purpose: 'inspection', approvalRef: '云住建检备〔2026〕112号', legalBasis: '《建设工程质量管理条例》第四十七条',
    });
    expect(visit.flags).toEqual([]);
    expect((await messagesOf('u-linxiao')).at(-1)!.body).toContain('报批备案号：云住建检备〔2026〕112号');
  });
});

describe('late registration and the timer', () => {
  test('an inspection that could not wait is registered before leaving, marked late and shown to supervisors', async () => {
    const scene = await sceneOf();
    const startedAt = new Date(w.h.clock.now().getTime() - 2 * HOUR).toISOString();
    const base = { action: 'visit.lateRegister', ...HERE, scene, purpose: 'inspection', legalBasis: '《安全生产法》第六十五条', approvalRef: '云应急检〔2026〕7号', lateReason: '群众举报危化品泄漏，须立即处置' };
    expect(await w.h.call('u-fengyu', { ...base, startedAt: new Date(w.h.clock.now().getTime() + 2 * HOUR).toISOString() })).toMatchObject({ ok: false, details: [{ field: 'startedAt' }] });
    expect(await w.h.call('u-fengyu', { ...base, startedAt: new Date(w.h.clock.now().getTime() - 9 * HOUR).toISOString() })).toMatchObject({
      ok: false, message: expect.stringContaining('事后补录须在离开企业前完成'),
    });
    expect(await w.h.call('u-fengyu', { ...base, purpose: 'help', startedAt })).toMatchObject({ ok: false, message: '事后补录仅适用于执法检查或联合检查' });
    const { visit } = await w.h.ok('u-fengyu', { ...base, startedAt });
    expect(visit).toMatchObject({ checkinAt: startedAt, status: 'open', late: { startedAt, reason: '群众举报危化品泄漏，须立即处置' } });
    expect(visit.flags.map((f: any) => f.key)).toEqual(['late']);
    expect(await titlesOf('u-linxiao')).toContain('执法检查事后补录备案');
    expect((await messagesOf('u-sunli')).at(-1)!.body).toContain('事后补录；紧急情况：群众举报危化品泄漏');
    expect((await w.h.ok('u-sunli', { action: 'visit.list', flag: 'late' })).items).toHaveLength(1);
    expect((await w.h.ok('u-fengyu', { action: 'visit.checkout', ...OUT, scene })).visit.durationMinutes).toBe(120);
  });

  test('a visit left open is closed by the sweep timer after the configured hours and marked', async () => {
    await w.h.store.collection(C.settings).add({ _id: 'visits', value: { autoCloseHours: 4 }, updatedAt: new Date().toISOString(), updatedBy: null });
    const scene = await sceneOf();
    const { visit } = await checkin('u-zhangwei', scene);
    w.h.clock.advance(3 * HOUR);
    expect(await w.h.fns.sweep({ Type: 'Timer' }, null)).toMatchObject({ ok: true, data: { visitsClosed: 0 } });
    w.h.clock.advance(1 * HOUR + 60_000);
    expect(await w.h.fns.sweep({ Type: 'Timer' }, null)).toMatchObject({ ok: true, data: { visitsClosed: 1 } });
    const stored = await visitDoc(visit._id);
    expect(stored).toMatchObject({ status: 'closed', autoClosed: true, flags: ['auto_closed'], flagged: true, presentIds: [] });
    expect(stored.members[0].leftBy).toBe('auto');
    expect(await titlesOf('u-zhangwei')).toContain('入企未签退，已自动签退');
    expect(await titlesOf('u-linxiao')).toContain('公务入企已结束（未签退）');
    expect(await titlesOf('u-sunli')).toContain('入企预警：未签退');
    // a second run finds nothing, and the enterprise is free for a new visit
    expect(await w.h.fns.sweep({ Type: 'Timer' }, null)).toMatchObject({ ok: true, data: { visitsClosed: 0 } });
    expect(await w.h.ok('u-wangfang', { action: 'visit.scan', scene })).toMatchObject({ mode: 'checkin' });
  });
});

