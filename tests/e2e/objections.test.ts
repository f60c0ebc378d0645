/**
 * Objections in time in a real browser on the seeded district: the assigned officer (phone, 390 px)
 * asks for an extension, the dispatcher (desk, 1280 px) approves it and the deadline moves; the
 * officer hands a wrong assignment back, and the dispatcher sees it back in 待调度 with its reason.
 * Screenshots go to E2E_SHOTS.
 */
import type { Page } from 'playwright-core';
import { useE2EWorld } from '../support/e2e-world';
import { as, button, field, modalConfirm, pickDate, settled, visible } from '../support/pages';
import { submission } from '../support/harness';
import { C } from '../../core/collections';
import type { ServiceRequest, User } from '../../core/model';

jest.setTimeout(600_000);

const world = useE2EWorld('objections');
const open = (width: number, height: number) => world.page(width, { height, deviceScaleFactor: 1 });
const { shot, loginAs } = world;
/** Taro scrolls inside its page container: bring the part in question into the picture first */
async function shotOf(page: Page, selector: string, name: string) {
  await page.locator(selector).locator('visible=true').first().scrollIntoViewIfNeeded();
  await shot(page, name);
}
const requests = () => world.server.ports.store.collection<ServiceRequest>(C.requests);

test('the officer asks for more time and hands a wrong assignment back; the dispatcher decides and sees it', async () => {
  // two fresh requests of 林晓's enterprise, assigned to the same grid officer
  const first = (await as(world, 'u-linxiao', submission({ description: '新建厂房消防验收材料已提交，迟迟未安排现场验收。' }))).request;
  const officerId = first.assigneeId as string;
  const second = (await as(world, 'u-linxiao', submission({ description: '厂区门口道路破损严重，货车进出困难，希望尽快修复。' }))).request;
  if (second.assigneeId !== officerId) await as(world, 'u-sunli', { action: 'desk.reassign', id: second._id, assigneeId: officerId });
  await as(world, officerId, { action: 'request.accept', id: first._id });
  const officerName = (await world.server.ports.store.collection<User>(C.users).get(officerId))!.name;
  const before = (await requests().get(first._id))!;

  // 1. the officer (phone) asks for an extension on the accepted request
  const off = await open(390, 844);
  await loginAs(off, officerName);
  await off.goto(`${world.base}/#/subpkg-officer/detail/index?id=${first._id}`);
  await visible(off, '退回与延期').waitFor();
  await visible(off, /请在 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 前提出/).waitFor();
  await shotOf(off, '.officer-objections', 'obj-01-officer-objections');
  await button(off, '申请延期').click();
  const dueDate = new Date(new Date(before.dueAt!).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  const asked = new Date(Date.parse(`${dueDate}T00:00:00Z`) + 7 * 86_400_000).toISOString().slice(0, 10);
  await pickDate(off, off.locator('.officer-objections .date-input').locator('visible=true').first(), asked);
  await field(off, '说明无法按期办结的原因').fill('消防部门排期到下周，需等待现场验收后答复企业。');
  await shotOf(off, '.officer-objections .actions', 'obj-02-officer-extension-form');
  await button(off, '提交延期申请').click();
  await visible(off, '待审批').waitFor();
  await settled(off);
  await shotOf(off, '.ext-records', 'obj-03-officer-extension-pending');
  expect((await requests().get(first._id))!.extension).toMatchObject({ status: 'pending', requestedDate: asked });

  // 2. the dispatcher (desk) approves it: the deadline moves to the end of that working day
  const desk = await open(1280, 900);
  await loginAs(desk, '孙丽');
  await desk.goto(`${world.base}/#/subpkg-desk/detail/index?id=${first._id}`);
  await visible(desk, '延期申请待审批').waitFor();
  await shotOf(desk, '#panel-extension .action-panel__buttons', 'obj-04-desk-extension-pending');
  await field(desk, '不批准时必填').fill('同意延期，请按期答复企业。');
  await button(desk.locator('#panel-extension'), '批准').click();
  // the deadline moves for good: the modal names the date, and nothing is decided before it is confirmed
  await desk.locator('.taro__modal').getByText(/办理期限将顺延至 \d{4}-\d{2}-\d{2} 下班时间/).locator('visible=true').waitFor();
  await modalConfirm(desk).click();
  await visible(desk, '已批准').waitFor();
  await settled(desk);
  await shotOf(desk, '.objections__extensions', 'obj-05-desk-extension-approved');
  const extended = (await requests().get(first._id))!;
  expect(extended.extensions).toEqual([expect.objectContaining({ status: 'approved', requestedDate: asked })]);
  expect(new Date(extended.dueAt!).getTime()).toBeGreaterThan(new Date(before.dueAt!).getTime());
  expect(extended.slaHistory.at(-1)?.kind).toBe('extended');
  await visible(desk, /批准延期（.+申请），办理期限延至/).waitFor();

  // the officer sees the decision
  await off.goto(`${world.base}/#/subpkg-officer/detail/index?id=${first._id}`);
  await off.reload();
  await visible(off, '已批准').waitFor();
  await shotOf(off, '.ext-records', 'obj-06-officer-extension-approved');

  // 3. the officer hands the other request back
  await off.goto(`${world.base}/#/subpkg-officer/detail/index?id=${second._id}`);
  await off.reload();
  await button(off, '退回改派').click();
  await field(off, '该企业不在本网格').fill('道路维修属城管和住建职责，不属于网格员办理范围，请调度员改派。');
  await shotOf(off, '.officer-objections .actions', 'obj-06b-officer-hand-back-form');
  await button(off, '确认退回').click();
  await modalConfirm(off).click();
  await visible(off, '待签收').waitFor();
  expect((await requests().get(second._id))!).toMatchObject({ status: 'dispatch', assigneeId: null, handBackCount: 1 });

  // 4. the dispatcher sees it back, with the reason and the count
  await desk.goto(`${world.base}/#/subpkg-desk/detail/index?id=${second._id}`);
  await desk.reload();
  await visible(desk, '退回次数').waitFor();
  await visible(desk, /不属于网格员办理范围/).waitFor();
  await shotOf(desk, '.objections__handbacks', 'obj-07-desk-handed-back');
});
