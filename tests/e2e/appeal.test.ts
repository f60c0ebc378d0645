/**
 * 不予受理 and 申诉 in a real browser on the seeded district: the dispatcher (desk, 1280 px) rejects a
 * request as a duplicate citing the request it repeats; the enterprise (phone, 390 px) opens the cited
 * request from the rejection, comes back and objects (申诉); the request is back with the desk, which
 * reads the appeal beside the rejection it objected to. Screenshots go to E2E_SHOTS.
 */
import { useE2EWorld } from '../support/e2e-world';
import { as, button, field, modalConfirm, settled, visible } from '../support/pages';
import { submission } from '../support/harness';
import { C } from '../../core/collections';
import type { ServiceRequest } from '../../core/model';

jest.setTimeout(600_000);

const world = useE2EWorld('appeal');
const open = (width: number, height: number) => world.page(width, { height });
const { shot, loginAs } = world;
const requests = () => world.server.ports.store.collection<ServiceRequest>(C.requests);

test('a duplicate rejection links the request it repeats; the enterprise objects once and the desk gets it back', async () => {
  const first = (await as(world, 'u-linxiao', submission({ description: '厂区东门外路灯损坏，夜间货车进出不便，请协调修复。' }))).request;
  const second = (await as(world, 'u-linxiao', submission({ description: '东门外道路照明不亮，影响夜班员工通行安全。' }))).request;

  // the desk rejects the second as a duplicate of the first, naming it
  const desk = await open(1280, 900);
  await loginAs(desk, '孙丽');
  await desk.goto(`${world.base}/#/subpkg-desk/detail/index?id=${second._id}`);
  await desk.reload();
  await button(desk, '不予受理').click();
  const panel = desk.locator('#panel-reject').locator('visible=true').first();
  await panel.locator('.chip').filter({ hasText: /^重复诉求$/ }).first().click();
  await field(panel, '所重复诉求的编号').fill(first.no);
  await field(panel, '说明不予受理的理由').fill('与已受理的东门路灯诉求为同一问题，已合并办理。');
  await button(panel, '确定').click();
  await modalConfirm(desk).click();
  await settled(desk);
  await expect(requests().get(second._id)).resolves.toMatchObject({ status: 'rejected', rejection: { kind: 'duplicate', duplicateOf: { id: first._id, no: first.no } } });

  // the enterprise reads which request it repeats and opens it
  const phone = await open(390, 844);
  await loginAs(phone, '林晓');
  await phone.goto(`${world.base}/#/subpkg-enterprise/detail/index?id=${second._id}`);
  await phone.reload();
  await visible(phone, '不予受理说明').waitFor();
  await visible(phone, '对不予受理有异议？').waitFor();
  await shot(phone, '46-enterprise-rejected-duplicate');
  await visible(phone, first.no).click();
  await visible(phone, first.description).waitFor();
  // back on the rejected request (opened afresh: the history step is the browser's, not ours)
  await phone.goto(`${world.base}/#/subpkg-enterprise/detail/index?id=${second._id}`);
  await phone.reload();
  await visible(phone, '对不予受理有异议？').waitFor();

  // it objects: a reason, asked once more (one appeal per request)
  await field(phone, '请说明申诉理由').fill('我们反映的是东门内厂区道路的照明，与东门外路灯不是同一处。');
  await button(phone, '提出申诉').click();
  await phone.locator('.taro__modal').getByText(/每件诉求只能申诉一次/).locator('visible=true').waitFor();
  await modalConfirm(phone).click();
  await visible(phone, '企业申诉').waitFor();
  await settled(phone);
  await expect(phone.getByText('对不予受理有异议？').locator('visible=true').count()).resolves.toBe(0);
  await shot(phone, '47-enterprise-appealed');
  const back = (await requests().get(second._id))!;
  // nobody handles it until the desk decides again
  await expect(phone.getByText('一键拨打').locator('visible=true').count()).resolves.toBe(0);
  expect(back).toMatchObject({ status: 'dispatch', rejection: null, assigneeId: null, appeal: { reason: expect.stringContaining('东门内厂区道路'), rejection: { kind: 'duplicate' } } });

  // the desk has it back, with the appeal beside the rejection it objected to
  await desk.goto(`${world.base}/#/subpkg-desk/detail/index?id=${second._id}`);
  await desk.reload();
  const card = desk.locator('.appeal-card').locator('visible=true').first();
  await card.waitFor();
  await expect(card.textContent()).resolves.toMatch(new RegExp(`原决定不予受理（重复诉求），重复于 ${first.no}`));
  await shot(desk, '48-desk-appeal');
});
