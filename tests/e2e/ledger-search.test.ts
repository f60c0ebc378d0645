/**
 * The ledger searched in a real browser on the seeded district (issue 14, item 2): the dispatcher
 * 孙丽 types an enterprise's name on the phone (390 px) and sees only its requests with how many
 * were found, then a request number (one row), then 清除 brings the whole ledger back; on the desktop
 * the same search sits above the table; past the words' window, a word from the middle of a
 * company's name (精密机械) still finds its oldest request. Screenshots go to E2E_SHOTS.
 */
import type { Page } from 'playwright-core';
import { C } from '../../core/collections';
import { LEDGER_SEARCH_WINDOW } from '../../core/contract/figures';
import type { ServiceRequest } from '../../core/model';
import { useE2EWorld } from '../support/e2e-world';
import { as, button, field, settled, visible } from '../support/pages';
import { submission } from '../support/harness';

jest.setTimeout(600_000);

const world = useE2EWorld('ledger-search');
const { shot, loginAs } = world;

const BOX = '搜索企业名称、信用代码、工单号或关键词';
const rows = (page: Page) => page.locator('.ledger-row:not(.ledger-row--head)').locator('visible=true');

async function search(page: Page, q: string) {
  await field(page, BOX).fill(q);
  await button(page, '搜索').click();
  await visible(page, new RegExp(`^“${q}”：找到 \\d+ 件$`)).waitFor();
  await settled(page);
}

test('a dispatcher finds requests by company and by number on the phone, and clears the search', async () => {
  const power = (await as(world, 'u-linxiao', submission({ description: '新建四号车间需要增容用电，请尽快安排勘察。' }))).request;
  const other = (await as(world, 'u-gaopeng', submission({ description: '仓库扩建需要增容，供电所尚未答复。', phone: '13612340002' }))).request;
  const byCompany = await as(world, 'u-sunli', { action: 'ledger.list', q: '东城新材料', pageSize: 100 });
  expect(byCompany.total).toBeGreaterThanOrEqual(1);
  const everything = await as(world, 'u-sunli', { action: 'ledger.list', pageSize: 1 });

  const desk = await world.page(390, { height: 844 });
  await loginAs(desk, '孙丽');
  await desk.goto(`${world.base}/#/subpkg-desk/ledger/index`);
  await rows(desk).first().waitFor();
  await settled(desk);

  // by company: only its requests, and how many
  await search(desk, '东城新材料');
  await visible(desk, `“东城新材料”：找到 ${byCompany.total} 件`).waitFor();
  await visible(desk, '企业：东城新材料科技有限公司').waitFor();
  const shown = await rows(desk).count();
  expect(shown).toBe(Math.min(byCompany.total, 20));
  for (const text of await rows(desk).allTextContents()) expect(text).toContain('东城新材料科技有限公司');
  await expect(desk.locator('.ledger-row').filter({ hasText: power.no }).locator('visible=true').count()).resolves.toBe(1);
  await expect(desk.locator('.ledger-row').filter({ hasText: other.no }).locator('visible=true').count()).resolves.toBe(0);
  // nothing wider than the phone
  const overflow = await desk.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await shot(desk, 'ledger-search-01-company-390', false);

  // by number: the one request
  await search(desk, other.no);
  await visible(desk, `“${other.no}”：找到 1 件`).waitFor();
  await visible(desk, '按工单号查找').waitFor();
  await expect(rows(desk).count()).resolves.toBe(1);
  await expect(rows(desk).first().textContent()).resolves.toContain(other.no);
  await shot(desk, 'ledger-search-02-number-390', false);

  // 清除: the whole ledger again
  await button(desk, '清除').click();
  await settled(desk);
  await visible(desk, `共 ${everything.total} 条`).waitFor();
  await expect(field(desk, BOX).inputValue()).resolves.toBe('');
  await expect(rows(desk).count()).resolves.toBe(Math.min(everything.total, 20));
});

test('on the desktop the search sits above the table and combines with a filter', async () => {
  const desk = await world.page(1280);
  await loginAs(desk, '孙丽');
  await desk.goto(`${world.base}/#/subpkg-desk/ledger/index?status=assigned`);
  await rows(desk).first().waitFor();
  await settled(desk);
  const expected = await as(world, 'u-sunli', { action: 'ledger.list', q: '增容', status: 'assigned', pageSize: 100 });
  expect(expected.total).toBeGreaterThanOrEqual(2);
  await search(desk, '增容');
  await visible(desk, `“增容”：找到 ${expected.total} 件`).waitFor();
  await expect(rows(desk).count()).resolves.toBe(Math.min(expected.total, 20));
  for (const text of await rows(desk).allTextContents()) expect(text).toContain('待签收');
  await shot(desk, 'ledger-search-03-words-1280', false);
});

test('a search by words past the window says it looked at the newest 1000 only', async () => {
  const requests = world.server.ports.store.collection<ServiceRequest>(C.requests);
  // 云溪精密机械's request, older than all the rest
  const dock = (await as(world, 'u-gaopeng', submission({ description: '码头装卸区照明不足，夜间作业有安全隐患。', phone: '13612340002' }))).request;
  const lamp = (await as(world, 'u-linxiao', submission({ description: '厂区西门路灯损坏，夜间货车进出不便。' }))).request;
  // a busy district: more requests after it than the window holds (copies of one, written straight to the store)
  const model = (await requests.get(lamp._id))!;
  const at = Date.parse(model.createdAt);
  for (let i = 0; i < LEDGER_SEARCH_WINDOW; i++) {
    await requests.add({
      ...model, _id: `bulk-${i}`, no: `SQ20990101${String(i).padStart(4, '0')}`, clientKey: `bulk-${i}`,
      description: '新建车间需要增容用电，请尽快安排勘察。', createdAt: new Date(at + 1000 * (i + 1)).toISOString(),
    });
  }
  const phone = await world.page(390, { height: 844 });
  await loginAs(phone, '孙丽');
  await phone.goto(`${world.base}/#/subpkg-desk/ledger/index`);
  await rows(phone).first().waitFor();
  await settled(phone);
  await search(phone, '西门 路灯');
  await visible(phone, '“西门 路灯”：找到 0 件').waitFor();
  await visible(phone, `仅搜索最近 ${LEDGER_SEARCH_WINDOW} 件，更早的诉求请加筛选条件（如受理日期）缩小范围`).waitFor();
  await shot(phone, 'ledger-search-04-window-390', false);
  // its number still finds it
  await search(phone, lamp.no);
  await expect(rows(phone).count()).resolves.toBe(1);
  // a word from the middle of a company's name finds the company, and all its requests however old
  const company = await as(world, 'u-sunli', { action: 'ledger.list', q: '精密机械', pageSize: 100 });
  expect(company.search).toMatchObject({ by: 'enterprise', enterprises: ['云溪精密机械制造有限公司'], cut: false });
  expect(company.items.map((r: { _id: string }) => r._id)).toContain(dock._id);
  await search(phone, '精密机械');
  await visible(phone, `“精密机械”：找到 ${company.total} 件`).waitFor();
  await visible(phone, '企业：云溪精密机械制造有限公司').waitFor();
  await expect(phone.locator('.ledger-row').filter({ hasText: dock.no }).locator('visible=true').count()).resolves.toBe(1);
  for (const text of await rows(phone).allTextContents()) expect(text).toContain('云溪精密机械制造有限公司');
  await shot(phone, 'ledger-search-05-middle-of-name-390', false);
  // with a word of the old request: that one alone
  await search(phone, '精密机械 码头');
  await expect(rows(phone).count()).resolves.toBe(1);
  await expect(rows(phone).first().textContent()).resolves.toContain(dock.no);
});
