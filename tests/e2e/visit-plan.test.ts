/**
 * A department registers a planned inspection (检查计划) on its phone (390 px): the dates are picked
 * on the 年/月/日 picker and shown in Chinese, not the browser's mm/dd/yyyy, and the plan is stored
 * with those dates. Screenshots go to E2E_SHOTS.
 */
import { C } from '../../core/collections';
import { addDays, beijingDate } from '../../core/time';
import { useE2EWorld } from '../support/e2e-world';
import { button, field, pickDate, settled, until, visible } from '../support/pages';

jest.setTimeout(600_000);

const world = useE2EWorld('visit-plan');
const { shot, loginAs } = world;

test('a department picks the plan\'s dates on the Chinese date picker and the plan keeps them', async () => {
  const phone = await world.page(390, { height: 844 });
  await loginAs(phone, '钱军');
  await phone.goto(`${world.base}/#/subpkg-visit/plans/index`);
  await phone.reload();
  await visible(phone, '登记并发送检查预告').waitFor();
  // no browser date input: its words would be the browser's (mm/dd/yyyy)
  expect(await phone.locator('input[type=date]').count()).toBe(0);
  await phone.locator('select').locator('visible=true').first().selectOption({ index: 1 });
  await field(phone, '如：在建厂房施工安全').fill('厂房用地红线复核');
  await field(phone, '法律法规名称及条款').fill('《中华人民共和国土地管理法》');
  const from = addDays(beijingDate(new Date()), 2);
  const to = addDays(from, 5);
  await pickDate(phone, phone.locator('.date-input').locator('visible=true').nth(0), from);
  await pickDate(phone, phone.locator('.date-input').locator('visible=true').nth(1), to);
  const shown = (ymd: string) => { const [y, m, d] = ymd.split('-'); return `${y}年${Number(m)}月${Number(d)}日`; };
  await visible(phone, shown(from)).waitFor();
  await visible(phone, shown(to)).waitFor();
  await settled(phone);
  await shot(phone, '64-visit-plan-dates');
  await button(phone, '登记并发送检查预告').click();
  const plan = await until(async () => (await world.server.ports.store.collection<{ _id: string; from: string; to: string; items: string }>(C.visitPlans).find({}, { limit: 100 })).find((p) => p.items === '厂房用地红线复核'));
  expect(plan).toMatchObject({ from, to });
});
