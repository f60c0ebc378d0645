/**
 * 代报 on a phone (390 px): a liaison opens 代企业反映 from its home, finds its enterprise by a word of
 * the name, files the problem the enterprise told it of, and lands on the request; the enterprise's
 * contact finds it in 我的诉求 as its own. A dispatcher records a meeting's problems, and imports a
 * 12345 export (checked first, imported once). Screenshots go to E2E_SHOTS.
 */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { C } from '../../core/collections';
import type { ServiceRequest } from '../../core/model';
import { useE2EWorld } from '../support/e2e-world';
import { as, button, field, settled, until, visible } from '../support/pages';

jest.setTimeout(600_000);

const world = useE2EWorld('file-for');
const { shot, loginAs } = world;
const chip = (page: Page, text: string) => page.locator('.chip', { hasText: text }).locator('visible=true').first();

test('a liaison files for its enterprise from its home, and the enterprise follows it as its own', async () => {
  const phone = await world.page(390, { height: 844 });
  await loginAs(phone, '周强');
  await visible(phone, '代企业反映').click();
  // its two 包联 enterprises, marked as its own
  await visible(phone, '云溪精密机械制造有限公司').waitFor();
  await visible(phone, '朝阳智能装备有限公司').waitFor();
  await settled(phone);
  await shot(phone, '70-file-for-pick');
  await field(phone, '输入企业名称中的字词').fill('精密');
  await until(async () => (await phone.locator('.ent-picker__ent').locator('visible=true').count()) === 1);
  await visible(phone, '云溪精密机械制造有限公司').click();
  await visible(phone, '代以下企业反映').waitFor();
  // nothing chosen yet: the form says what is missing, in Chinese, and sends nothing
  await button(phone, '代企业提交').click();
  await visible(phone, '请选择诉求类别').waitFor();
  // a group (大类), then its category (小类)
  await chip(phone, '水电气热').click();
  await chip(phone, '获得电力').click();
  await field(phone, '企业遇到的问题和诉求').fill('企业电话反映：二号车间扩产需要增容至800千伏安，供电所尚未答复。');
  await field(phone, '承办人员将通过此电话联系企业').fill('13612340002');
  await settled(phone);
  await shot(phone, '71-file-for-form');
  await button(phone, '代企业提交').click();

  const filed = await until(async () => (await world.server.ports.store.collection<ServiceRequest>(C.requests).find({ channel: 'liaison' }, { limit: 10 }))[0]);
  expect(filed).toMatchObject({ enterpriseId: 'e-001', submitterId: 'u-gaopeng', filedBy: { id: 'u-zhouqiang', role: 'liaison' } });
  // the filer lands on the request it filed (assigned to it, the enterprise's 特派员)
  await visible(phone, `工单号 ${filed.no}`).waitFor({ timeout: 15_000 });
  await settled(phone);
  await shot(phone, '72-file-for-filed');

  // the enterprise's contact reads it among its own requests
  const mine = await as(world, 'u-gaopeng', { action: 'request.mine' });
  expect(mine.items.map((r: { _id: string }) => r._id)).toContain(filed._id);
});

test('a dispatcher records a 茶叙会 with two problems of two enterprises: two requests, each its enterprise\'s own', async () => {
  const desk = await world.page(390, { height: 844 });
  await loginAs(desk, '孙丽');
  await visible(desk, '会议诉求录入').click();
  await visible(desk, '企业家日').click();
  await field(desk, '如：东城片区企业家茶叙会').fill('东城片区企业家日');
  // the district's enterprises are many: a word of the name finds them
  await visible(desk, '输入企业名称中的两个字以上查找辖区内企业').waitFor();
  const pick = async (word: string, name: string) => {
    await field(desk, '输入企业名称中的字词').fill(word);
    await visible(desk, name).click();
  };
  await pick('精密', '云溪精密机械制造有限公司');
  await desk.locator('select').locator('visible=true').nth(0).selectOption({ label: '获得电力' });
  await field(desk, '企业在会上提出的问题和诉求').fill('二号车间扩产需要增容，供电所尚未答复。');
  await field(desk, '承办人员将通过此电话联系企业').fill('13612340002');
  await button(desk, '再添加一个问题').click();
  // the second problem's form: missing fields are named before anything is sent
  await button(desk, '提交 2 个问题').click();
  await visible(desk, '请选择企业').waitFor();
  await pick('新材料', '东城新材料科技有限公司');
  await desk.locator('select').locator('visible=true').nth(1).selectOption({ label: '用工招聘' });
  await desk.locator('textarea[placeholder*="企业在会上提出的问题和诉求"]').locator('visible=true').nth(1).fill('招聘技术工人困难，希望对接职业院校。');
  await desk.locator('input[placeholder*="承办人员将通过此电话联系企业"], [placeholder*="承办人员将通过此电话联系企业"] input').locator('visible=true').nth(1).fill('13612340001');
  await settled(desk);
  await world.tallShot(desk, '73-meeting-form');
  await button(desk, '提交 2 个问题').click();
  await visible(desk, '已录入 2 件诉求').waitFor({ timeout: 15_000 });
  await settled(desk);
  await shot(desk, '74-meeting-done');
  const docs = await world.server.ports.store.collection<ServiceRequest>(C.requests).find({ channel: 'meeting' }, { limit: 10 });
  expect(docs.map((d) => [d.enterpriseId, d.submitterId, d.category]).sort()).toEqual([['e-001', 'u-gaopeng', 'dianli'], ['e-002', 'u-linxiao', 'yonggong']]);
});

test('a dispatcher imports a 12345 export: the report names the bad row, the import makes the requests once', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('工单');
  ws.addRow(['工单号', '来电时间', '单位名称', '问题分类', '来电内容', '来电号码']);
  ws.addRow(['RX2026113000101', '2026-11-30 08:15', '云溪恒达物流有限公司', '交通运输', '企业反映园区门口道路破损，货车进出困难。', '13612340003']);
  ws.addRow(['RX2026113000102', '2026-11-30 08:40', '不在名录的公司', '其他', '反映的问题描述足够长。', '13612340004']);
  const file = join(world.dataDir, '12345工单.xlsx');
  await wb.xlsx.writeFile(file);

  const desk = await world.page(390, { height: 844 });
  await loginAs(desk, '孙丽');
  await visible(desk, '12345工单导入').click();
  const chooser = desk.waitForEvent('filechooser');
  await button(desk, '选择 Excel 文件').click();
  await (await chooser).setFiles(file);
  await visible(desk, '校验报告').waitFor({ timeout: 15_000 });
  await visible(desk, '未找到企业“不在名录的公司”（请先在企业名录中登记）').waitFor();
  await settled(desk);
  await shot(desk, '75-hotline-report');
  await button(desk, '确认导入 1 件（跳过错误行）').click();
  await visible(desk, '导入完成').waitFor({ timeout: 15_000 });
  await visible(desk, '已新增 1 件').waitFor();
  await settled(desk);
  await shot(desk, '76-hotline-done');
  const docs = await world.server.ports.store.collection<ServiceRequest>(C.requests).find({ channel: 'hotline' }, { limit: 10 });
  expect(docs.map((d) => [d.hotline?.no, d.enterpriseId, d.category])).toEqual([['RX2026113000101', 'e-003', 'jiaotong']]);
  // the same file again: nothing new
  const again = desk.waitForEvent('filechooser');
  await button(desk, '重新选择文件').click();
  await (await again).setFiles(file);
  await visible(desk, '已导入过 1 件').waitFor({ timeout: 15_000 });
  await visible(desk, '没有需要导入的新工单。').waitFor();
});
