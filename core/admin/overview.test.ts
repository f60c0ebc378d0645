/**
 * The console home's tiles open what they count: 待激活邀请 the staff who have not redeemed their
 * invite (admin.staff.list unbound), 待审核绑定 the waiting applications, listed on the home with who
 * is to decide, the longest waiting first.
 */
import { C } from '../collections';
import type { Enterprise } from '../model';
import { freshEach } from '../../tests/support/harness';

const w = freshEach();

test('待激活邀请 opens the staff who have not redeemed their invite', async () => {
  const before = await w.h.ok('u-admin', { action: 'admin.overview' });
  const invited = await w.h.ok('u-admin', { action: 'admin.staff.invite', name: '吴敏', phone: '13711113333', roles: ['officer'], gridIds: ['g-dc2'] });
  const after = await w.h.ok('u-admin', { action: 'admin.overview' });
  expect(after.counts.pendingInvites).toBe(before.counts.pendingInvites + 1);
  const list = await w.h.ok('u-admin', { action: 'admin.staff.list', unbound: true });
  expect(list.items.map((s: { id: string }) => s.id)).toContain(invited.user.id);
  expect(list.items.every((s: { bound: boolean }) => !s.bound)).toBe(true);
  expect(list.total).toBeGreaterThanOrEqual(after.counts.pendingInvites);
  // without the filter, the bound staff are there too
  const all = await w.h.ok('u-admin', { action: 'admin.staff.list' });
  expect(all.items.some((s: { bound: boolean }) => s.bound)).toBe(true);
});

test('待审核绑定: the waiting applications on the home, the longest waiting first, with who decides; a decided one leaves', async () => {
  expect(await w.h.ok('u-admin', { action: 'admin.overview' })).toMatchObject({ counts: { pendingBindings: 0 }, bindings: [] });
  const ents = w.h.store.collection<Enterprise>(C.enterprises);
  const first = (await ents.get('e-005'))!;
  const bound = (await ents.find({ contactCount: { $gt: 0 } }, { limit: 1 }))[0];
  const a = await w.h.ok('wx-home-1', { action: 'enterprise.bind', name: first.name, creditCode: first.creditCode, applicantName: '赵一', phone: '13900001111' });
  w.h.clock.advance(60_000);
  const b = await w.h.ok('wx-home-2', { action: 'enterprise.bind', name: bound.name, creditCode: bound.creditCode, applicantName: '钱二' });
  const home = await w.h.ok('u-admin', { action: 'admin.overview' });
  expect(home.counts.pendingBindings).toBe(2);
  expect(home.bindings).toEqual([
    { id: a.binding.id, userName: '赵一', phone: '13900001111', enterpriseId: first._id, enterpriseName: first.name, createdAt: expect.any(String), deciders: expect.arrayContaining(['网格员 张伟']) },
    { id: b.binding.id, userName: '钱二', phone: expect.any(String), enterpriseId: bound._id, enterpriseName: bound.name, createdAt: expect.any(String), deciders: [expect.stringMatching(/^企业联系人 /)] },
  ]);
  // the admin may decide too (binding.approve takes the admin); decided, it leaves the list
  await w.h.ok('u-admin', { action: 'binding.approve', id: a.binding.id });
  expect((await w.h.ok('u-admin', { action: 'admin.overview' })).bindings.map((x: { id: string }) => x.id)).toEqual([b.binding.id]);
  expect(await w.h.call('u-zhangwei', { action: 'admin.overview' })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
});
