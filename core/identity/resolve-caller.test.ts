/**
 * Who calls: a new openid's first calls make exactly one user however many race, and an invite
 * redemption moves the openid to the staff record for good.
 */
import { C } from '../collections';
import { userIdFor } from './resolve-caller';
import type { User } from '../model';
import { makeHarness, type Harness } from '../../tests/support/harness';
import { countingStore } from '../../tests/support/store-probes';
import { createFunctions } from '../functions';

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.cleanup());

const users = () => h.store.collection<User>(C.users);
const holding = (openid: string) => users().find({ openid });
const meOf = async (openid: string) => (await h.ok(openid, { action: 'me' })).user.id as string;

test('many concurrent first calls of one openid make one user, and every call answers it', async () => {
  const openid = 'oWx-first-call-race';
  const before = await users().count({});
  const ids = await Promise.all(Array.from({ length: 24 }, () => meOf(openid)));
  expect(new Set(ids)).toEqual(new Set([userIdFor(openid)]));
  expect(await holding(openid)).toHaveLength(1);
  expect(await users().count({})).toBe(before + 1);
  // and later calls find it by openid
  expect(await meOf(openid)).toBe(userIdFor(openid));
});

test('concurrent first calls of different openids make one user each', async () => {
  const openids = Array.from({ length: 6 }, (_, i) => `oWx-many-${i}`);
  const ids = await Promise.all(openids.flatMap((o) => [meOf(o), meOf(o), meOf(o)]));
  expect(new Set(ids).size).toBe(6);
  for (const o of openids) expect(await holding(o)).toHaveLength(1);
});

test('users made before ids were derived are found by their openid', async () => {
  expect(await meOf('dev-u-linxiao')).toBe('u-linxiao');
  expect(await meOf('dev-u-zhangwei')).toBe('u-zhangwei');
});

test('after an invite redemption, first calls resolve to the staff user and never re-create the blank user', async () => {
  const openid = 'oWx-new-officer';
  const blankId = await meOf(openid);
  expect(blankId).toBe(userIdFor(openid));
  const { user: staff, invite } = await h.ok('u-admin', { action: 'admin.staff.invite', name: '周敏', phone: '13711112222', roles: ['officer'], gridIds: ['g-dc1'], capacity: 8 });
  const count = await users().count({});

  // the redemption and the page's other first calls race
  const [redeemed, ...others] = await Promise.all([h.ok(openid, { action: 'invite.redeem', code: invite.code }), ...Array.from({ length: 6 }, () => meOf(openid))]);
  expect(redeemed.user.id).toBe(staff.id);
  for (const id of others) expect([blankId, staff.id]).toContain(id);

  // from now on: the staff user, by openid, however many calls race
  const after = await Promise.all(Array.from({ length: 12 }, () => meOf(openid)));
  expect(new Set(after)).toEqual(new Set([staff.id]));
  expect((await holding(openid)).map((u) => u._id)).toEqual([staff.id]);
  expect(await users().count({})).toBe(count);
  // the blank user keeps its document, retired and without the openid
  expect(await users().get(blankId)).toMatchObject({ openid: '', active: false, roles: ['enterprise'] });
});

test('an openid that comes back unbound gets a fresh user; the retired record with its derived id is not resurrected', async () => {
  const openid = 'oWx-comes-back';
  const blankId = await meOf(openid);
  const { user: staff, invite } = await h.ok('u-admin', { action: 'admin.staff.invite', name: '吴敏', phone: '13711113333', roles: ['liaison'] });
  await h.ok(openid, { action: 'invite.redeem', code: invite.code });
  // the staff record lets go of the openid (as an unbinding would)
  await users().update(staff.id, { $set: { openid: '' } });

  const ids = await Promise.all(Array.from({ length: 10 }, () => meOf(openid)));
  expect(new Set(ids)).toEqual(new Set([userIdFor(openid, 1)]));
  expect(await holding(openid)).toHaveLength(1);
  expect(await users().get(blankId)).toMatchObject({ openid: '', active: false });
  expect(await users().get(userIdFor(openid, 1))).toMatchObject({ openid, active: true, roles: ['enterprise'], enterpriseId: null });
});

test('the host\'s own read of the openid\'s users (Caller.holders) saves the lookup; holders of another openid are ignored', async () => {
  let on = false;
  const store = countingStore(h.store, () => on);
  const fns = createFunctions({ ...h.ports, store });
  const linxiao = (await users().get('u-linxiao'))!;
  const zhangwei = (await users().get('u-zhangwei'))!;
  const me = async (caller: { openid: string; holders?: User[] }) => {
    on = true;
    const before = store.log().length;
    const r: any = await fns.service({ action: 'me' }, caller);
    on = false;
    return { id: r.data.user.id as string, reads: store.log().slice(before).filter((c) => c === 'users.find').length };
  };
  const plain = await me({ openid: linxiao.openid });
  const handed = await me({ openid: linxiao.openid, holders: [linxiao] });
  expect(handed).toEqual({ id: 'u-linxiao', reads: plain.reads - 1 });
  // a holder whose openid is not the caller's cannot stand in for the caller
  expect(await me({ openid: linxiao.openid, holders: [zhangwei] })).toEqual({ id: 'u-linxiao', reads: plain.reads });
  // an empty list is asked again: "nobody holds it" would make a blank user
  expect(await me({ openid: linxiao.openid, holders: [] })).toEqual({ id: 'u-linxiao', reads: plain.reads });
});
