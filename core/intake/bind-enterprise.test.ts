/** An enterprise user binds to a registered enterprise by its name and credit code. */
import { C } from '../collections';
import type { Enterprise } from '../model';
import { makeHarness, submission, type Harness } from '../../tests/support/harness';

let h: Harness;
beforeEach(async () => { h = await makeHarness(); });
afterEach(() => h.cleanup());

test('binding checks the credit code and the name; the grid officer approves the first contact, the first contact the rest, up to the cap', async () => {
  const fresh = 'wx-openid-new-1';
  const ent = (await h.store.collection<Enterprise>(C.enterprises).get('e-005'))!;
  const bad = await h.call(fresh, { action: 'enterprise.bind', name: ent.name, creditCode: ent.creditCode.slice(0, 17) + (ent.creditCode[17] === '0' ? '1' : '0') });
  expect(bad).toMatchObject({ ok: false, code: 'BAD_CREDIT_CODE' });
  const wrongName = await h.call(fresh, { action: 'enterprise.bind', name: '别的公司', creditCode: ent.creditCode });
  expect(wrongName).toMatchObject({ ok: false, code: 'ENTERPRISE_NAME_MISMATCH' });
  // lower case and spaces are accepted; e-005 has no contact yet, so its grid's officers decide
  const asked = await h.ok(fresh, { action: 'enterprise.bind', name: ent.name, creditCode: ` ${ent.creditCode.toLowerCase()} ` });
  expect(asked.binding).toMatchObject({ status: 'pending' });
  expect((await h.ok(fresh, { action: 'me' })).binding).toMatchObject({ status: 'pending', enterpriseName: ent.name });
  expect(await h.call(fresh, submission())).toMatchObject({ ok: false, code: 'NOT_BOUND' });
  // an officer of another grid cannot decide; 张伟 (东城一网格) can
  const pending = (await h.ok('u-zhangwei', { action: 'binding.list', tab: 'pending' })).items;
  expect(pending.map((b: any) => b.userName)).toEqual(['企业用户']);
  expect(await h.call('u-lina', { action: 'binding.approve', id: pending[0].id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
  await h.ok('u-zhangwei', { action: 'binding.approve', id: pending[0].id });
  expect((await h.ok(fresh, { action: 'me' })).user.enterprise.name).toBe(ent.name);
  // later contacts are decided by the first contact
  for (let i = 2; i <= 5; i++) {
    const r = await h.ok(`wx-openid-new-${i}`, { action: 'enterprise.bind', name: ent.name, creditCode: ent.creditCode });
    await h.ok(fresh, { action: 'binding.approve', id: r.binding.id });
  }
  const sixth = await h.call('wx-openid-new-6', { action: 'enterprise.bind', name: ent.name, creditCode: ent.creditCode });
  expect(sixth).toMatchObject({ ok: false, code: 'ENTERPRISE_CONTACTS_FULL' });
  expect((await h.store.collection<Enterprise>(C.enterprises).get('e-005'))!.contactIds).toHaveLength(5);
  // the first contact removes one; a slot frees; a rejected applicant is told why
  const second = (await h.store.collection<Enterprise>(C.enterprises).get('e-005'))!.contactIds[1];
  expect(await h.call('wx-openid-new-3', { action: 'enterprise.unbind', userId: second })).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  await h.ok(fresh, { action: 'enterprise.unbind', userId: second });
  const seventh = await h.ok('wx-openid-new-7', { action: 'enterprise.bind', name: ent.name, creditCode: ent.creditCode });
  await h.ok(fresh, { action: 'binding.reject', id: seventh.binding.id, reason: '非本企业员工' });
  const told = (await h.ok('wx-openid-new-7', { action: 'messages.list' })).items[0];
  expect(told).toMatchObject({ title: '企业绑定未通过' });
  expect(told.body).toContain('非本企业员工');
});
