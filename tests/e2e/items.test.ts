/**
 * The responsibility list in the browser (事项清单, issue 15 item 2): an enterprise on its phone (390 px)
 * describes its problem and is offered "您要反映的是…" items; it picks one and the request carries it.
 * Another searches the list by a word, and one chooses 不确定. The dispatcher's triage shows the
 * enterprise's choice, the description's own suggestion and the words they rest on. Screenshots go to
 * E2E_SHOTS. An item whose department the district has is routed there by 督办卡 once the dispatcher
 * confirms (the list proposes, the dispatcher decides). The admin imports items from Excel: the check
 * names the bad rows and writes nothing; the import adds the good ones once.
 */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { C } from '../../core/collections';
import type { ServiceRequest } from '../../core/model';
import { useE2EWorld } from '../support/e2e-world';
import { as, button, field, modalConfirm, settled, until, visible } from '../support/pages';
import { submission } from '../support/harness';
import type { SupervisionCard } from '../../core/model';

jest.setTimeout(600_000);

const world = useE2EWorld('items');
const { shot, loginAs } = world;
const POWER = '高压新装及增容（专用变压器报装）';
const requestWith = (words: string) => until(async () =>
  (await world.server.ports.store.collection<ServiceRequest>(C.requests).find({}, { limit: 100 })).find((r) => r.description.includes(words)));

test('the enterprise picks the item its words match, or 不确定; the dispatcher sees the choice, the suggestion and why', async () => {
  const phone = await world.page(390, { height: 844 });
  await loginAs(phone, '林晓');
  await phone.goto(`${world.base}/#/subpkg-enterprise/submit/index`);
  await phone.reload();
  await phone.locator('textarea').locator('visible=true').first().fill('新建二号车间上了6台加工中心，变压器不够用了，要增容到800千伏安');
  await visible(phone, '您要反映的是…').waitFor();
  await visible(phone, POWER).waitFor();
  // 不确定 is always there
  await visible(phone, '不确定，请工作人员分类').waitFor();
  await visible(phone, POWER).click();
  await phone.locator('.item-option--active').filter({ hasText: POWER }).waitFor();
  await settled(phone);
  await world.tallShot(phone, 'items-01-enterprise-item-offered');
  await phone.locator('input[placeholder="承办人员将通过此电话联系您"]').locator('visible=true').first().fill('13612340001');
  await button(phone, '提交').click();
  const chosen = await requestWith('6台加工中心');
  expect(chosen).toMatchObject({ category: 'dianli', item: { id: 'ri-018', name: POWER } });

  // a search by a word, then 不确定 after all: the request carries no item
  const other = await world.page(390, { height: 844 });
  await loginAs(other, '高鹏');
  await other.goto(`${world.base}/#/subpkg-enterprise/submit/index`);
  await other.reload();
  await field(other, '搜索事项或类别，如：用电增容、招聘、融资').fill('环评');
  await visible(other, '建设项目环境影响评价审批及登记表备案').waitFor();
  await settled(other);
  await world.tallShot(other, 'items-02-enterprise-item-search');
  await visible(other, '不确定，请工作人员分类').click();
  await other.locator('textarea').locator('visible=true').first().fill('厂区门口的路一下雨就积水，大车进出很困难，希望尽快处理');
  await other.locator('input[placeholder="承办人员将通过此电话联系您"]').locator('visible=true').first().fill('13612340002');
  await button(other, '提交').click();
  const unsure = await requestWith('一下雨就积水');
  expect(unsure.category).toBe('other');
  expect(unsure.item).toBeUndefined();

  // the dispatcher's triage: what the enterprise chose and why it fits; for 不确定, the suggestion and why
  const desk = await world.page(1280, { height: 900 });
  await loginAs(desk, '孙丽');
  await desk.goto(`${world.base}/#/subpkg-desk/detail/index?id=${chosen._id}`);
  await desk.reload();
  const card = desk.locator('.item-suggestion').locator('visible=true').first();
  await card.getByText('企业所选事项').waitFor();
  await card.getByText(POWER).first().waitFor();
  await card.getByText('与描述匹配的首选事项一致').waitFor();
  await card.locator('.item-reason__word', { hasText: '增容' }).first().waitFor();
  await settled(desk);
  await shot(desk, 'items-03-desk-item-chosen');
  const narrow = await world.page(390, { height: 844 });
  await loginAs(narrow, '孙丽');
  await narrow.goto(`${world.base}/#/subpkg-desk/detail/index?id=${unsure._id}`);
  await narrow.reload();
  const card2 = narrow.locator('.item-suggestion').locator('visible=true').first();
  await card2.getByText('企业未选择事项（不确定，请工作人员分类）').waitFor();
  await card2.getByText('按描述建议').waitFor();
  await card2.getByText('城市道路破损维修').first().waitFor();
  await expect(card2.locator('.item-reason__word').count()).resolves.toBeGreaterThan(0);
  await card2.scrollIntoViewIfNeeded();
  await settled(narrow);
  await shot(narrow, 'items-04-desk-item-suggested-390', false);
});

test('an item that names a department of the district proposes a 督办卡 to it; the dispatcher confirms and the card goes there', async () => {
  const { request } = await as(world, 'u-linxiao', submission({ itemId: 'ri-029', category: 'caichan', description: '新盖的二号厂房办不动产首次登记，材料交了一个月没有动静' }));
  expect(request.item).toMatchObject({ id: 'ri-029' });
  const desk = await world.page(1280, { height: 900 });
  await loginAs(desk, '孙丽');
  await desk.goto(`${world.base}/#/subpkg-desk/detail/index?id=${request._id}`);
  await desk.reload();
  await button(desk, '按清单下发督办卡给区自然资源局').click();
  const panel = desk.locator('#panel-issueCard').locator('visible=true').first();
  await panel.locator('.chip--active', { hasText: '区自然资源局' }).first().waitFor();
  await expect(panel.locator('textarea').first().inputValue()).resolves.toContain('按事项清单');
  await settled(desk);
  await shot(desk, 'items-05-desk-card-proposed');
  await button(panel, '确定').click();
  await modalConfirm(desk).click();
  const card = await until(async () => (await world.server.ports.store.collection<SupervisionCard>(C.cards).find({ requestId: request._id }))[0]);
  expect(card.parties.find((p) => p.role === 'lead')).toMatchObject({ deptId: 'dep-zrzy' });
  expect(card.instructions).toContain('不动产首次登记');
});

test('the admin keeps the list: finds what an enterprise\'s words would meet, edits an item, takes one out of the suggestions', async () => {
  const store = world.server.ports.store;
  const desk = await world.page(1280, { height: 900 });
  await loginAs(desk, '系统管理员');
  await desk.goto(`${world.base}/#/subpkg-admin/items/index`);
  await desk.reload();
  await visible(desk, '企业周边治安、偷盗问题').waitFor();
  await field(desk, '输入企业可能的说法，看会推荐哪些事项').fill('车间变压器不够用了');
  await button(desk, '搜索').click();
  await visible(desk, /“车间变压器不够用了”的推荐结果/).waitFor();
  const row = desk.locator('.item-row', { hasText: POWER }).first();
  await row.waitFor();
  await settled(desk);
  await shot(desk, 'items-06-admin-items');
  // the district gets its own department for it: the item now routes there
  await row.getByText('编辑').click();
  await desk.locator('.modal--item select').nth(1).selectOption({ label: '区住房和城乡建设局' });
  await button(desk, '保存').click();
  await until(async () => (await store.collection<{ _id: string; departmentId: string | null }>(C.items).get('ri-018'))?.departmentId === 'dep-zjj' || null);
  await row.getByText('停用').click();
  await modalConfirm(desk).click();
  await until(async () => (await store.collection<{ _id: string; active: boolean }>(C.items).get('ri-018'))?.active === false || null);

  // the rule (按事项清单分派): the district turns the proposal off; the triage then shows the item only
  await desk.goto(`${world.base}/#/subpkg-admin/rules/index`);
  await desk.reload();
  await visible(desk, '仅显示事项，不建议下发').click();
  await visible(desk, '仅显示事项，不建议下发').scrollIntoViewIfNeeded();
  await settled(desk);
  await shot(desk, 'items-07-admin-rules-item-routing', false);
  await button(desk, '保存').click();
  await until(async () => ((await store.collection<{ _id: string; value: { mode: string } }>(C.settings).get('itemRouting'))?.value.mode === 'off') || null);
  const { request } = await as(world, 'u-linxiao', submission({ itemId: 'ri-029', category: 'caichan', description: '厂房抵押登记之后想办首次登记，不动产证一直没下来' }));
  const dispatcher = await world.page(1280, { height: 900 });
  await loginAs(dispatcher, '孙丽');
  await dispatcher.goto(`${world.base}/#/subpkg-desk/detail/index?id=${request._id}`);
  await dispatcher.reload();
  await dispatcher.locator('.item-suggestion').getByText('企业所选事项').waitFor();
  await expect(dispatcher.getByText('按清单下发督办卡给区自然资源局').count()).resolves.toBe(0);
});

test('the admin imports items from Excel: the check names the bad row and writes nothing, the import adds the good one, which the submit page then offers', async () => {
  const store = world.server.ports.store;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('事项清单');
  ws.addRow(['事项名称', '类别', '责任部门', '责任单位', '层级', '办理时限类别', '关键词', '常见说法', '法律依据']);
  ws.addRow(['工业厂房屋顶分布式光伏备案', '获得电力', '', '区发展和改革局', '区', '即办/简易', '光伏；屋顶光伏；分布式光伏', '厂房顶上装光伏要备案吗', '']);
  ws.addRow(['新', '没有这个类别', '', '', '省', '一般', '', '', '']);
  const file = join(world.dataDir, '事项清单.xlsx');
  await wb.xlsx.writeFile(file);

  for (const [width, name] of [[390, 'items-08-admin-import-390'], [1280, 'items-09-admin-import-report']] as const) {
    const desk = await world.page(width, { height: 900 });
    await loginAs(desk, '系统管理员');
    await desk.goto(`${world.base}/#/subpkg-admin/items/index`);
    await desk.reload();
    await button(desk, 'Excel 导入').click();
    const chooser = desk.waitForEvent('filechooser');
    await button(desk, '选择 Excel 文件').click();
    await (await chooser).setFiles(file);
    await visible(desk, '类别“没有这个类别”不存在').waitFor({ timeout: 15_000 });
    await visible(desk, '层级“省”应为社区、街道、区之一').waitFor();
    expect(await store.collection(C.items).count({ name: '工业厂房屋顶分布式光伏备案' })).toBe(0);
    await settled(desk);
    await shot(desk, name, width === 390);
    if (width === 390) continue;
    await button(desk, '确认导入（跳过错误行）').click();
    await visible(desk, '导入完成').waitFor({ timeout: 15_000 });
    await settled(desk);
    await shot(desk, 'items-10-admin-imported');
  }
  expect(await store.collection(C.items).count({ name: '工业厂房屋顶分布式光伏备案' })).toBe(1);
  // an enterprise that describes it is offered the new item
  const phone = await world.page(390);
  await loginAs(phone, '林晓');
  await phone.goto(`${world.base}/#/subpkg-enterprise/submit/index`);
  await phone.reload();
  await phone.locator('textarea').locator('visible=true').first().fill('我们厂房屋顶想装分布式光伏发电，需要去哪里备案');
  await visible(phone, '工业厂房屋顶分布式光伏备案').waitFor({ timeout: 15_000 });
});
