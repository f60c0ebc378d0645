/**
 * Setting up a district from nothing in a real browser: a new user redeems the bootstrap admin
 * code, creates the district, a street, a community and a grid in 管理后台, invites an officer who
 * redeems the code in a second browser context, imports the enterprise registry from the console's
 * own .xlsx template (dry run names every problem of the bad row, 下载错误行 gives it back with
 * 错误原因, confirm writes the good ones), then a new enterprise user binds to an imported enterprise
 * (waiting on the console's home, approved by the officer, recorded in the 操作日志) and submits a
 * request that lands in the officer's 我的工单. Screenshots of the console go to E2E_SHOTS (admin-*.png).
 */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { makeCreditCode } from '../../core/seed/demo-district';
import { C } from '../../core/collections';
import { useE2EWorld } from '../support/e2e-world';
import { button, field, visible } from '../support/pages';

jest.setTimeout(600_000); // a whole journey in a real browser on a busy 2-core machine

const world = useE2EWorld('admin', { seed: false, bootstrapAdminCode: 'ADMIN001' });
const open = (width: number) => world.page(width, { deviceScaleFactor: 1, acceptDownloads: true });
const desktop = () => open(1280);
const phone = () => open(390);
const { shot } = world;
const modal = (page: Page, name: string): Locator => page.locator(`.modal--${name}`).locator('visible=true').first();

/** login page → 使用邀请码: the code, a phone number and a password open the account (a district's own server) */
async function redeemAsNewUser(page: Page, code: string, hello: RegExp, phone: string) {
  await page.goto(`${world.base}/#/pages/login/index`);
  await visible(page, '使用邀请码').click();
  await field(page, '管理员提供的邀请码').fill(code);
  await field(page, '11位手机号').fill(phone);
  await field(page, '至少 8 位').fill(PASSWORD);
  await field(page, '再次输入密码').fill(PASSWORD);
  await button(page, '开通账号并登录').click();
  await visible(page, hello).waitFor();
}
const PASSWORD = 'yunxi2026';

/** one row of the org tree by its name, and one of its operations */
const orgOp = (page: Page, name: string, op: string) =>
  page.locator('.org-row').filter({ has: page.getByText(name, { exact: true }) }).locator('visible=true').first().getByText(op, { exact: true });

async function createOrg(page: Page, parent: string, op: string, placeholder: string, name: string) {
  await orgOp(page, parent, op).click();
  const dialog = modal(page, 'create');
  await field(dialog, placeholder).fill(name);
  await button(dialog, '创建').click();
  await dialog.waitFor({ state: 'detached' });
  await page.locator('.org-row').filter({ hasText: name }).locator('visible=true').first().waitFor();
}

test('admin sets up a district, invites an officer, imports enterprises; an enterprise binds and its request reaches the officer', async () => {
  // 1. the bootstrap code makes a new user the first admin; the console asks for the district first
  const admin = await desktop();
  await redeemAsNewUser(admin, 'ADMIN001', /管理员，您好/, '13900001111');
  await visible(admin, '管理后台').click();
  await visible(admin, '首次使用：请先创建本区（县）组织').waitFor();
  await shot(admin, 'admin-01-first-run');
  await field(admin, '如：云溪区').fill('云溪区');
  await button(admin, '创建区（县）').click();
  await visible(admin, '首次使用：请先创建本区（县）组织').waitFor({ state: 'detached' });
  await admin.locator('.admin-stat').filter({ hasText: '组织' }).getByText('1', { exact: true }).waitFor();

  // 2. street → community → grid, and a department
  await visible(admin, '组织架构').click();
  await admin.locator('.org-row--district').filter({ hasText: '云溪区' }).locator('visible=true').first().waitFor();
  await createOrg(admin, '云溪区', '添加街道', '如：东城街道', '东城街道');
  await createOrg(admin, '东城街道', '添加社区', '如：东城社区', '东城社区');
  await createOrg(admin, '东城社区', '添加网格', '如：东城一网格', '东城一网格');
  await button(admin, '新建部门').click();
  await field(modal(admin, 'create'), '如：区自然资源局').fill('区住房和城乡建设局');
  await button(modal(admin, 'create'), '创建').click();
  await admin.locator('.org-row--department').filter({ hasText: '区住房和城乡建设局' }).locator('visible=true').first().waitFor();
  await shot(admin, 'admin-02-orgs');
  const orgs = await world.server.ports.store.collection(C.orgs).find({}, { limit: 20 });
  expect(orgs.map((o) => `${o.kind}:${o.name}`).sort()).toEqual(
    ['community:东城社区', 'department:区住房和城乡建设局', 'district:云溪区', 'grid:东城一网格', 'street:东城街道'],
  );
  const grid = orgs.find((o) => o.kind === 'grid')!;
  expect(grid.communityIds).toEqual([grid.parentId]);

  // 3. invite an officer to the grid: the one-time code is shown big
  await admin.goto(`${world.base}/#/subpkg-admin/staff/index`);
  await button(admin, '邀请人员').click();
  const form = modal(admin, 'staff');
  await field(form, '真实姓名').fill('周敏');
  await field(form, '11位手机号').fill('13711112222');
  await form.getByText('网格员', { exact: true }).click();
  await form.getByText('东城街道 / 东城社区 / 东城一网格', { exact: true }).click();
  await shot(admin, 'admin-03-invite-form', false);
  await button(form, '生成邀请码').click();
  const codeBox = admin.locator('.modal--invite .invite-code__value').locator('visible=true').first();
  await codeBox.waitFor();
  const code = (await codeBox.textContent())!.trim();
  expect(code).toMatch(/^[A-Z2-9]{8}$/);
  await visible(admin, '请在小程序首页点击「使用邀请码」并输入').waitFor();
  await shot(admin, 'admin-04-invite-code', false);
  await button(modal(admin, 'invite'), '关闭').click();
  await admin.locator('.staff-row').filter({ hasText: '周敏' }).filter({ hasText: '未激活' }).locator('visible=true').first().waitFor();

  // 4. the officer redeems the code in another browser
  const officer = await phone();
  await redeemAsNewUser(officer, code, /周敏，您好/, '13711112222');
  await visible(officer, '我的工单').waitFor();
  await shot(officer, 'admin-05-officer-home');
  await admin.reload();
  const officerRow = admin.locator('.staff-row').filter({ hasText: '周敏' }).locator('visible=true').first();
  await officerRow.getByText('在岗', { exact: true }).waitFor();
  expect(await officerRow.textContent()).not.toContain('未激活');
  await shot(admin, 'admin-06-staff');

  // 5. the template comes from the console; three rows, the third with a bad credit code
  await admin.goto(`${world.base}/#/subpkg-admin/enterprises/index`);
  await visible(admin, '名录中还没有企业，可逐个新增或批量导入').waitFor();
  const download = admin.waitForEvent('download');
  await button(admin, '下载模板').click();
  const template = join(world.dataDir, 'template.xlsx');
  await (await download).saveAs(template);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(template);
  const ws = wb.worksheets[0];
  expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['名称', '统一社会信用代码', '地址', '所属网格', '行业', '规模', '联系人', '联系电话']);
  const good1 = makeCreditCode(31_000_001, '350102');
  const good2 = makeCreditCode(31_000_002, '350102');
  const bad = good1.slice(0, 17) + (good1[17] === '1' ? '2' : '1');
  ws.addRow(['云溪智能装备有限公司', good1, '云溪区东城路8号', '东城一网格', '装备制造', '中型', '陈立', '13900001111']);
  ws.addRow(['东城绿色食品有限公司', good2, '云溪区东城路9号', '东城一网格', '食品加工', '小型', '吴芳', '13900002222']);
  // three problems in one row: the code, the scale, the phone
  ws.addRow(['错误代码贸易有限公司', bad, '云溪区东城路10号', '东城一网格', '批发零售', '巨型', '郑强', '1390000']);
  const badRow = ws.rowCount;
  const filled = join(world.dataDir, '企业名录.xlsx');
  await wb.xlsx.writeFile(filled);

  // 6. import: the dry run names the bad row and writes nothing; confirming writes the two good ones
  await button(admin, '批量导入').click();
  const chooser = admin.waitForEvent('filechooser');
  await button(admin, '选择 Excel 文件').click();
  await (await chooser).setFiles(filled);
  await visible(admin, '校验报告').waitFor().catch(async (e) => {
    await shot(admin, 'admin-fail-import');
    throw e;
  });
  const report = admin.locator('.import-report').locator('visible=true').first();
  const badLine = report.locator('.import-tr').filter({ hasText: '错误代码贸易有限公司' });
  await expect(badLine.textContent()).resolves.toMatch(new RegExp(`第 ${badRow} 行`));
  // every problem of the row, each on its own line, not only the first
  await expect(badLine.locator('.import-reason').allTextContents()).resolves.toEqual(['统一社会信用代码校验失败', '规模应为大型、中型、小型、微型之一', '联系电话格式不正确']);
  // 下载错误行: the bad row as typed, with 错误原因
  const errorsDownload = admin.waitForEvent('download');
  await visible(report, '下载错误行').click();
  const errorsFile = join(world.dataDir, 'errors.xlsx');
  const got = await errorsDownload;
  expect(got.suggestedFilename()).toMatch(/\.xlsx$/);
  await got.saveAs(errorsFile);
  const ewb = new ExcelJS.Workbook();
  await ewb.xlsx.readFile(errorsFile);
  const ews = ewb.worksheets[0];
  const cells = (r: number) => Array.from({ length: 9 }, (_, i) => ews.getRow(r).getCell(i + 1).text);
  expect(ews.rowCount).toBe(2);
  expect(cells(1)).toEqual(['名称', '统一社会信用代码', '地址', '所属网格', '行业', '规模', '联系人', '联系电话', '错误原因']);
  expect(cells(2)).toEqual(['错误代码贸易有限公司', bad, '云溪区东城路10号', '东城一网格', '批发零售', '巨型', '郑强', '1390000', '统一社会信用代码校验失败；规模应为大型、中型、小型、微型之一；联系电话格式不正确']);
  await expect(report.locator('.import-count').filter({ hasText: '新增' }).textContent()).resolves.toContain('2');
  await visible(admin, /错误行将被跳过/).waitFor();
  expect(await world.server.ports.store.collection(C.enterprises).count({})).toBe(0);
  await shot(admin, 'admin-07-import-report');
  await button(admin, '确认导入').click();
  await visible(admin, '已写入 2 家企业').waitFor();
  await shot(admin, 'admin-08-import-done');
  expect((await world.server.ports.store.collection(C.enterprises).find({}, { limit: 10 })).map((e) => e.creditCode).sort()).toEqual([good1, good2].sort());
  await button(admin, '查看企业名录').click();
  await admin.locator('.ent-row').filter({ hasText: '云溪智能装备有限公司' }).locator('visible=true').first().waitFor();
  await shot(admin, 'admin-09-enterprises');

  // 7. a new enterprise user binds; with no contact yet, the grid officer approves
  const ent = await phone();
  await ent.goto(`${world.base}/#/pages/login/index`);
  await visible(ent, '企业注册').click();
  await field(ent, '11位手机号').fill('13655556666');
  await field(ent, '至少 8 位').fill(PASSWORD);
  await field(ent, '再次输入密码').fill(PASSWORD);
  await button(ent, '注册并登录').click();
  await button(ent, '绑定企业').click();
  await field(ent, '营业执照').fill('云溪智能装备有限公司');
  await field(ent, '18 位').fill(good1);
  await button(ent, '绑定企业').click();
  await visible(ent, '已提交绑定申请，等待 网格员 周敏 审核').waitFor();
  await shot(ent, 'admin-10-bind-pending');

  // the console's home: 待审核绑定 opens the waiting application, with who is to decide
  await admin.goto(`${world.base}/#/subpkg-admin/index/index`);
  await admin.reload();
  const waitingTile = admin.locator('.admin-stat--link').filter({ hasText: '待审核绑定' }).locator('visible=true').first();
  await waitingTile.getByText('1', { exact: true }).waitFor();
  await waitingTile.click();
  const waiting = admin.locator('.admin-binding').filter({ hasText: '云溪智能装备有限公司' }).locator('visible=true').first();
  await waiting.getByText(/审核人：网格员 周敏/).waitFor();
  // figures with nothing to open are not made to look tappable
  await admin.locator('.admin-stat--static').filter({ hasText: '待激活邀请' }).locator('visible=true').first().waitFor();
  await shot(admin, 'admin-10b-home-bindings');

  await officer.goto(`${world.base}/#/pages/index/index`);
  await officer.reload();
  await visible(officer, '企业绑定审核').click();
  const application = officer.locator('.approval').filter({ hasText: '云溪智能装备有限公司' }).locator('visible=true').first();
  await application.waitFor();
  await shot(officer, 'admin-11-officer-approvals');
  await button(application, '通过').click();
  // an approval cannot be undone: the officer confirms first
  await officer.locator('.taro__modal .taro-model__confirm').locator('visible=true').last().click();
  await visible(officer, '没有待审核的申请').waitFor();

  // 8. the enterprise submits; the request is assigned to the officer of its grid
  await ent.goto(`${world.base}/#/pages/index/index`);
  await ent.reload();
  await visible(ent, '提交诉求').click();
  // a group (大类), then its category (小类)
  await visible(ent, '水电气热').click();
  await visible(ent, '获得电力').click();
  await field(ent, '请描述遇到的问题').fill('新厂房报装用电两周无人联系，设备无法调试，请协调供电公司。');
  await field(ent, '承办人员将通过此电话联系您').fill('13900001111');
  await button(ent, '提交').click();
  await visible(ent, '已安排网格员周敏为您办理').waitFor({ timeout: 15_000 });
  const no = /SQ\d{12}/.exec((await visible(ent, /SQ\d{12}/).textContent())!)![0];

  await officer.goto(`${world.base}/#/pages/index/index`);
  await officer.reload();
  await visible(officer, '我的工单').click();
  await visible(officer, no).waitFor();
  await shot(officer, 'admin-12-officer-inbox');

  // 9. rules: a bad value is named next to its field, a good one is saved as version 1
  await admin.goto(`${world.base}/#/subpkg-admin/rules/index`);
  await visible(admin, '分派规则').waitFor();
  const routing = admin.locator('.routing-row').filter({ hasText: '办理建筑许可' }).locator('select');
  await routing.selectOption({ label: '区住房和城乡建设局' });
  const yellow = admin.locator('.field').filter({ hasText: '临期提醒（黄色）' }).locator('input');
  // working hours on a 24-hour picker, not the browser's AM/PM input
  await admin.locator('.hours-row .time-input').filter({ hasText: '13:30' }).locator('visible=true').first().waitFor();
  expect(await admin.locator('.hours-row input[type=time]').count()).toBe(0);
  expect(await admin.locator('.hours-row').first().textContent()).not.toMatch(/AM|PM/);
  // a limit against its pair is named beside its field before saving, in the server's words
  await yellow.fill('9');
  const accept = admin.locator('.field').filter({ hasText: '签收响应时限' }).locator('input');
  await accept.fill('5');
  await button(admin, '保存').click();
  const yellowField = admin.locator('.field').filter({ hasText: '临期提醒（黄色）' }).locator('visible=true').first();
  await yellowField.getByText('临期提醒（黄色）须短于一般诉求办结时限（5个工作日），现为9个工作日').waitFor();
  await admin.locator('.field').filter({ hasText: '签收响应时限' }).locator('visible=true').first().getByText('签收响应时限须短于一般诉求办结时限（5个工作日），现为5个工作日').waitFor();
  await shot(admin, 'admin-13-rules-error');
  await accept.fill('1');
  await yellow.fill('1');
  await button(admin, '保存').click();
  await visible(admin, /当前第 1 版/).waitFor();
  await shot(admin, 'admin-14-rules');
  const routingSetting = await world.server.ports.store.collection(C.settings).get('routing');
  expect((routingSetting?.value as Record<string, string>).jianzhu).toBe(orgs.find((o) => o.kind === 'department')!._id);

  // 10. every change above is in the audit log, with its before/after
  await admin.goto(`${world.base}/#/subpkg-admin/audit/index`);
  const audit = admin.locator('.audit-item').filter({ hasText: '保存规则配置（第1版）' }).locator('visible=true').first();
  await audit.waitFor();
  await audit.getByText('查看变更', { exact: true }).click();
  await audit.locator('.audit-diff__row').first().waitFor();
  // the diff by the console's names: the routing rule by its category, the department by its name
  await audit.locator('.audit-diff__row').filter({ hasText: '分派规则 · 办理建筑许可' }).filter({ hasText: '区住房和城乡建设局' }).first().waitFor();
  await visible(admin, /导入企业名录：新增2家/).waitFor();
  await visible(admin, /邀请网格员 周敏/).waitFor();
  // the import's summary in Chinese (it was create / update / unchanged), and 修改前后 instead of 前后 JSON
  const imported = admin.locator('.audit-item').filter({ hasText: '导入企业名录' }).locator('visible=true').first();
  await imported.getByText('查看变更', { exact: true }).click();
  await expect(imported.locator('.audit-diff__key').allTextContents()).resolves.toEqual(['新建', '修改', '未变', '错误行']);
  await imported.getByText('修改前后', { exact: true }).click();
  await imported.locator('.audit-all__row').first().waitFor();
  expect(await admin.getByText('前后 JSON').count()).toBe(0);
  // the officer's approval of the binding
  const approval = admin.locator('.audit-item').filter({ hasText: '企业绑定 · 通过' }).locator('visible=true').first();
  await approval.getByText(/通过 .* 成为“云溪智能装备有限公司”联系人的申请/).waitFor();
  await approval.getByText('操作人：周敏').waitFor();
  await approval.getByText('查看变更', { exact: true }).click();
  await approval.locator('.audit-diff__row').filter({ hasText: '状态' }).filter({ hasText: '待审核' }).filter({ hasText: '已通过' }).waitFor();
  await shot(admin, 'admin-15-audit');

  // the console at phone width
  const small = await phone();
  await small.goto(`${world.base}/#/pages/login/index`);
  // no demo login on a district's server: /dev/* does not exist; the admin signs in with a password
  expect((await small.request.post(`${world.base}/dev/login`, { data: { userId: 'u-admin' } })).status()).toBe(404);
  const login = await small.request.post(`${world.base}/auth/login`, { data: { phone: '13900001111', password: PASSWORD } });
  const token = (await login.json()).data.token as string;
  await small.evaluate((t) => localStorage.setItem('devToken', JSON.stringify({ data: t })), token); // Taro's storage format
  await small.goto(`${world.base}/#/subpkg-admin/index/index`);
  await visible(small, '企业名录').waitFor();
  await shot(small, 'admin-16-phone-home');
  await small.goto(`${world.base}/#/subpkg-admin/staff/index`);
  await small.locator('.staff-row').filter({ hasText: '周敏' }).locator('visible=true').first().waitFor();
  await shot(small, 'admin-17-phone-staff');
  // the import's report at 390 px: the bad row's problems one a line, and 下载错误行
  await small.goto(`${world.base}/#/subpkg-admin/import/index`);
  const smallChooser = small.waitForEvent('filechooser');
  await button(small, '选择 Excel 文件').click();
  await (await smallChooser).setFiles(filled);
  const smallReport = small.locator('.import-report').locator('visible=true').first();
  await smallReport.waitFor();
  await expect(smallReport.locator('.import-reason').allTextContents()).resolves.toEqual(['统一社会信用代码校验失败', '规模应为大型、中型、小型、微型之一', '联系电话格式不正确']);
  await visible(smallReport, '下载错误行').waitFor();
  await smallReport.scrollIntoViewIfNeeded();
  await shot(small, 'admin-18-phone-import');
  // the 操作日志 at 390 px, the bindings alone
  await small.goto(`${world.base}/#/subpkg-admin/audit/index`);
  await small.locator('.audit-filters').getByText('企业绑定', { exact: true }).click();
  const smallApproval = small.locator('.audit-item').filter({ hasText: '企业绑定 · 通过' }).locator('visible=true').first();
  await smallApproval.waitFor();
  await smallApproval.getByText('修改前后', { exact: true }).click();
  await smallApproval.locator('.audit-all__row--changed').filter({ hasText: '已通过' }).waitFor();
  await shot(small, 'admin-19-phone-audit');
});
