/**
 * 我的诉求 searched on the phone (390 px), on the seeded district: the enterprise types a word, taps
 * 搜索 and sees only its requests that carry it, then 清除 brings the whole list back.
 * Screenshots go to E2E_SHOTS.
 */
import { useE2EWorld } from '../support/e2e-world';
import { as, button, field, settled, visible } from '../support/pages';
import { submission } from '../support/harness';

jest.setTimeout(600_000);

const world = useE2EWorld('mine-search');
const { shot, loginAs } = world;

test('the enterprise finds its request by a word and clears the search', async () => {
  const lamp = (await as(world, 'u-linxiao', submission({ description: '厂区北门路灯不亮已两周，请协调修复。' }))).request;
  await as(world, 'u-linxiao', submission({ description: '新建三号车间需要增容用电，请尽快安排勘察。' }));

  const phone = await world.page(390, { height: 844 });
  await loginAs(phone, '林晓');
  await phone.goto(`${world.base}/#/subpkg-enterprise/list/index`);
  await phone.reload();
  await phone.locator('.request-card').locator('visible=true').first().waitFor();
  const before = await phone.locator('.request-card').locator('visible=true').count();
  expect(before).toBeGreaterThanOrEqual(2);

  await field(phone, '搜索编号、内容、类别或承办人').fill('北门 路灯');
  await button(phone, '搜索').click();
  await visible(phone, '“北门 路灯”：找到 1 件').waitFor();
  await settled(phone);
  const cards = phone.locator('.request-card').locator('visible=true');
  await expect(cards.count()).resolves.toBe(1);
  await expect(cards.first().textContent()).resolves.toContain(lamp.no);
  await shot(phone, '49-enterprise-search');

  await visible(phone, '清除').click();
  await settled(phone);
  await expect(phone.locator('.request-card').locator('visible=true').count()).resolves.toBe(before);
});
