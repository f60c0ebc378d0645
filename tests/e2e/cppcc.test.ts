/**
 * 政协委员直通车 in a real browser: the admin invites a CPPCC member in the console (the role is
 * offered and labelled 政协委员), the member redeems the code on a phone (390 px) and finds 代企业反映
 * and 我代报的诉求 on its home, files a problem for an enterprise of the district it found by a word of
 * the name, and follows it in its list; the enterprise's contact finds it in 我的诉求 as its own; the
 * dashboard counts the channel. Screenshots go to E2E_SHOTS (cppcc-*.png).
 */
import type { Page } from 'playwright-core';
import { C } from '../../core/collections';
import type { ServiceRequest } from '../../core/model';
import { useE2EWorld } from '../support/e2e-world';
import { as, button, field, settled, until, visible } from '../support/pages';

jest.setTimeout(600_000);

const world = useE2EWorld('cppcc');
const { shot, loginAs } = world;

/** the category: the two-level picker (a group, then a leaf) where the page has it, else a chip */
async function pickCategory(page: Page) {
  const groups = page.locator('.category-picker__group').locator('visible=true');
  if (await groups.count()) {
    await groups.first().click();
    await page.locator('.category-picker__leaf').locator('visible=true').first().click();
  } else {
    await page.locator('.chip', { hasText: '电力' }).locator('visible=true').first().click();
  }
}

test('the admin invites a CPPCC member, who files for an enterprise and follows it; the enterprise sees it as its own', async () => {
  // 1. the console offers the role: invite 何建华 as 政协委员 (no grid, department or center)
  const admin = await world.page(1280, { deviceScaleFactor: 1 });
  await loginAs(admin, '系统管理员');
  await admin.goto(`${world.base}/#/subpkg-admin/staff/index`);
  await button(admin, '邀请人员').click();
  const form = admin.locator('.modal--staff').locator('visible=true').first();
  await field(form, '真实姓名').fill('何建华');
  await field(form, '11位手机号').fill('13711114444');
  await form.getByText('政协委员', { exact: true }).click();
  await shot(admin, 'cppcc-01-invite-form', false);
  await button(form, '生成邀请码').click();
  const codeBox = admin.locator('.modal--invite .invite-code__value').locator('visible=true').first();
  await codeBox.waitFor();
  const code = (await codeBox.textContent())!.trim();
  expect(code).toMatch(/^[A-Z2-9]{8}$/);
  await button(admin.locator('.modal--invite').locator('visible=true').first(), '关闭').click();
  const row = admin.locator('.staff-row').filter({ hasText: '何建华' }).locator('visible=true').first();
  await row.getByText('政协委员').first().waitFor();
  await shot(admin, 'cppcc-02-staff', false);

  // 2. the member redeems it on a phone: its home has its two entries, and nothing of the officials'
  const phone = await world.page(390, { height: 844 });
  // the demo's login page: a fresh identity (a new WeChat user) redeems the code
  await phone.goto(`${world.base}/#/pages/login/index`);
  await field(phone, '8 位邀请码').fill(code);
  await button(phone, '新用户使用邀请码').click();
  await visible(phone, /何建华，您好/).waitFor();
  await visible(phone, '我代报的诉求').waitFor();
  for (const other of ['我的工单', '数据看板', '台账', '提交诉求']) expect(await phone.getByText(other, { exact: true }).locator('visible=true').count()).toBe(0);
  await settled(phone);
  await shot(phone, 'cppcc-03-home');

  // 3. 代企业反映: the district's bound enterprises, by a word of the name
  await visible(phone, '代企业反映').click();
  await visible(phone, '输入企业名称中的两个字以上查找辖区内企业').waitFor();
  await field(phone, '输入企业名称中的字词').fill('东城');
  await visible(phone, '东城宏远建筑工程有限公司').waitFor();
  // 东城明轩家具 has no contact on the platform: not offered
  await visible(phone, '东城新材料科技有限公司').waitFor();
  expect(await phone.getByText('东城明轩家具有限公司').locator('visible=true').count()).toBe(0);
  await settled(phone);
  await shot(phone, 'cppcc-04-pick');
  await visible(phone, '东城宏远建筑工程有限公司').click();
  await visible(phone, '代以下企业反映').waitFor();
  await pickCategory(phone);
  await field(phone, '企业遇到的问题和诉求').fill('企业在政协委员联络站反映：新建厂房施工许可材料已交齐三周，仍未收到审批结果。');
  await field(phone, '承办人员将通过此电话联系企业').fill('13612340004');
  await settled(phone);
  await shot(phone, 'cppcc-05-form');
  await button(phone, '代企业提交').click();

  const filed = await until(async () => (await world.server.ports.store.collection<ServiceRequest>(C.requests).find({ channel: 'cppcc' }, { limit: 10 }))[0]);
  expect(filed).toMatchObject({ enterpriseId: 'e-006', submitterId: 'u-songya', filedBy: { name: '何建华', role: 'cppcc' } });
  // the member lands on what it filed, read as the enterprise reads it
  await visible(phone, `工单号 ${filed.no}`).waitFor({ timeout: 15_000 });
  await visible(phone, '政协委员何建华已代您反映此诉求').waitFor();
  await settled(phone);
  await shot(phone, 'cppcc-06-filed');

  // 4. 我代报的诉求: the card with its status and deadline
  await phone.goto(`${world.base}/#/pages/index/index`);
  await visible(phone, '我代报的诉求').click();
  await visible(phone, filed.no).waitFor();
  await visible(phone, '东城宏远建筑工程有限公司').waitFor();
  await phone.locator('.request-card__due').locator('visible=true').first().waitFor();
  await settled(phone);
  await shot(phone, 'cppcc-07-list');

  // 5. the enterprise's contact finds it in 我的诉求 as its own
  const ent = await world.page(390, { height: 844 });
  await loginAs(ent, '宋雅');
  await visible(ent, '我的诉求').click();
  await visible(ent, filed.no).waitFor();
  await settled(ent);
  await shot(ent, 'cppcc-08-enterprise-mine');
  await visible(ent, filed.no).click();
  await visible(ent, '政协委员何建华已代您反映此诉求').waitFor();

  // 6. the dashboard counts the channel
  const d = await as(world, 'u-majianguo', { action: 'stats.dashboard', period: 'month' });
  expect(d.byChannel).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'cppcc', name: '政协委员直通车', collected: 1 })]));
});
