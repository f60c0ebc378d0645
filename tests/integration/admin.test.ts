/**
 * Administration across its parts: a district set up from nothing (bootstrap admin, structure, an
 * invited officer, an enterprise, a request reaching the officer), and every admin action refused to
 * every other role. The registry import, staff and rules have their tests beside core/admin.
 */
import { C } from '../../core/collections';
import { ACTIONS } from '../../core/functions';
import type { ServiceRequest, User } from '../../core/model';
import { makeCreditCode } from '../../core/seed/demo-district';
import { makeHarness, submission, type Harness } from '../support/harness';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness(undefined, { files: true });
});
afterEach(() => h.cleanup());

test('every admin action is refused to every other role, and changes nothing', async () => {
  const admin = ACTIONS.filter((a) => a.startsWith('admin.'));
  expect(admin.length).toBeGreaterThanOrEqual(18);
  const snapshot = async () => JSON.stringify(await Promise.all([C.orgs, C.users, C.enterprises, C.settings, C.audit, C.invites].map((c) => h.store.collection(c).find({}, { limit: 100 }))));
  const before = await snapshot();
  for (const who of ['u-linxiao', 'u-zhangwei', 'u-zhouqiang', 'u-qianjun', 'u-sunli', 'u-majianguo', 'wx-stranger']) {
    for (const action of admin) {
      const r = await h.call(who, { action, id: 'u-zhangwei', name: '新网格', kind: 'grid', parentId: 'c-dongcheng', roles: ['admin'], reason: 'x' });
      expect([who, action, r.ok ? 'ok' : r.code]).toEqual([who, action, 'FORBIDDEN']);
    }
  }
  // the stranger's first call created its blank enterprise user; nothing else changed
  const after = JSON.parse(await snapshot());
  const beforeParsed = JSON.parse(before);
  after[1] = after[1].filter((u: User) => u.openid !== 'wx-stranger');
  expect(after).toEqual(beforeParsed);
});

test('a district from empty: bootstrap admin, structure, an invited officer, an enterprise, a request reaching the officer', async () => {
  const empty = await makeHarness('2026-11-23T01:30:00Z', { seed: false, bootstrapAdminCode: 'BOOT2026' });
  try {
    const admin = 'wx-first-admin';
    expect(await empty.call(admin, { action: 'admin.overview' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(await empty.call(admin, { action: 'invite.redeem', code: 'WRONG123' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    await empty.ok(admin, { action: 'invite.redeem', code: 'boot2026' });
    expect((await empty.ok(admin, { action: 'admin.overview' })).bootstrap).toBe(true);
    // the bootstrap code works once: with an admin, it is just a wrong code
    expect(await empty.call('wx-second', { action: 'invite.redeem', code: 'BOOT2026' })).toMatchObject({ ok: false, code: 'NOT_FOUND' });

    const mk = async (kind: string, name: string, parentId: string | null) => (await empty.ok(admin, { action: 'admin.orgs.create', kind, name, parentId })).org.id as string;
    const district = await mk('district', '青山区', null);
    expect(await empty.call(admin, { action: 'admin.orgs.create', kind: 'district', name: '第二个区', parentId: null })).toMatchObject({ ok: false, code: 'INVALID_STATE' });
    const street = await mk('street', '城关街道', district);
    const community = await mk('community', '幸福社区', street);
    expect(await empty.call(admin, { action: 'admin.orgs.create', kind: 'grid', name: '错挂网格', parentId: street })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    const grid = await mk('grid', '幸福一网格', community);

    const invited = await empty.ok(admin, { action: 'admin.staff.invite', name: '周敏', phone: '13711112222', roles: ['officer'], gridIds: [grid], capacity: 5 });
    expect(invited.invite.code).toMatch(/^[A-Z2-9]{8}$/);
    expect(invited.user.bound).toBe(false);
    await empty.ok('wx-zhoumin', { action: 'invite.redeem', code: invited.invite.code });
    expect((await empty.ok('wx-zhoumin', { action: 'me' })).user).toMatchObject({ name: '周敏', roles: ['officer'] });
    expect(await empty.call('wx-someone-else', { action: 'invite.redeem', code: invited.invite.code })).toMatchObject({ ok: false, code: 'NOT_FOUND' });

    const code = makeCreditCode(80_000_001);
    await empty.ok(admin, { action: 'admin.enterprises.save', name: '青山精工有限公司', creditCode: code, address: '幸福路1号', gridId: grid, industry: '机械', scale: '小型', contactName: '吴总', contactPhone: '13800001234' });
    const asked = await empty.ok('wx-boss', { action: 'enterprise.bind', name: '青山精工有限公司', creditCode: code });
    await empty.ok('wx-zhoumin', { action: 'binding.approve', id: asked.binding.id });
    const { request } = await empty.ok('wx-boss', submission({ phone: '13800001234' }));
    expect(request).toMatchObject({ status: 'assigned', assigneeName: '周敏' });
    expect((await empty.ok('wx-zhoumin', { action: 'officer.inbox', tab: 'todo' })).items.map((r: ServiceRequest) => r._id)).toEqual([request._id]);
  } finally {
    empty.cleanup();
  }
});

