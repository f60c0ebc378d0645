/**
 * 按事项清单自动转办 in the browser (issue 15 item 2, rule 'auto'): the admin picks the rules page's
 * third option; a request filed with an item of 区自然资源局 goes there by 督办卡 at once; the
 * dispatcher reads it on the timeline and withdraws it. Screenshots at 1280 px go to E2E_SHOTS.
 */
import { C } from '../../core/collections';
import type { ServiceRequest } from '../../core/model';
import { useE2EWorld } from '../support/e2e-world';
import { as, button, field, modalConfirm, settled, until, visible } from '../support/pages';
import { submission } from '../support/harness';

jest.setTimeout(600_000);

const world = useE2EWorld('auto-card');
const { shot, loginAs } = world;
const AUTO = '自动下发督办卡，告知调度员（可撤回）';

test("the rules page offers the third option; with it a listed item's department gets the card at intake, and the dispatcher can withdraw it", async () => {
  const store = world.server.ports.store;
  const admin = await world.page(1280, { height: 900 });
  await loginAs(admin, '系统管理员');
  await admin.goto(`${world.base}/#/subpkg-admin/rules/index`);
  await admin.reload();
  await visible(admin, '建议下发督办卡，调度员确认').waitFor();
  await visible(admin, '仅显示事项，不建议下发').waitFor();
  await visible(admin, AUTO).click();
  await visible(admin, AUTO).scrollIntoViewIfNeeded();
  await settled(admin);
  await shot(admin, 'auto-card-01-rules', false);
  await button(admin, '保存').click();
  await until(async () => ((await store.collection<{ _id: string; value: { mode: string } }>(C.settings).get('itemRouting'))?.value.mode === 'auto') || null);

  const { request } = await as(world, 'u-linxiao', submission({ itemId: 'ri-029', category: 'caichan', description: '新盖的二号厂房办不动产首次登记，材料交了一个月没有动静' }));
  const r = await until(async () => {
    const doc = await store.collection<ServiceRequest>(C.requests).get(request._id);
    return doc?.status === 'supervised' ? doc : null;
  });
  expect(r.deptIds).toEqual(['dep-zrzy']);

  const desk = await world.page(1280, { height: 900 });
  await loginAs(desk, '孙丽');
  await desk.goto(`${world.base}/#/subpkg-desk/detail/index?id=${request._id}`);
  await desk.reload();
  await visible(desk, /按事项清单自动转办至区自然资源局/).waitFor();
  await settled(desk);
  await shot(desk, 'auto-card-02-desk-timeline', false);
  // 撤回: the reason, then the confirm; the request is back with the dispatcher
  await button(desk, '撤回督办卡').click();
  await field(desk, '说明撤回的原因').fill('需先核实是否属于首次登记');
  await desk.locator('#card-control').getByRole('button', { name: '确定', exact: true }).click();
  await modalConfirm(desk).click();
  await until(async () => ((await store.collection<ServiceRequest>(C.requests).get(request._id))?.status === 'dispatch') || null);
});
