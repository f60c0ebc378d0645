/**
 * The knowledge base in the browser (issue 15): the admin publishes an entry in the console, and an
 * enterprise describing that problem on its phone (390 px) sees the answer before submitting. One
 * enterprise ends there (已解决，不用提交: counted, no request); another goes on (仍需提交) and its
 * request records the answer it was shown. An enterprise typing a problem it already filed is pointed to
 * that request and adds to it (补充说明). Screenshots go to E2E_SHOTS.
 */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { C } from '../../core/collections';
import type { ServiceRequest } from '../../core/model';
import { useE2EWorld } from '../support/e2e-world';
import { as, button, field, settled, until, visible } from '../support/pages';
import { submission } from '../support/harness';

jest.setTimeout(600_000);

const world = useE2EWorld('knowledge');
const { shot, loginAs } = world;
const QUESTION = '新建车间用电增容怎么申请';

test('the admin publishes an answer; the enterprise that it helps stops there, the one it does not submits with it on record', async () => {
  const store = world.server.ports.store;
  // the admin's console: 新增条目 with its question, answer, category and another phrasing
  const desk = await world.page(1280, { height: 900 });
  await loginAs(desk, '系统管理员');
  await desk.goto(`${world.base}/#/subpkg-admin/kb/index`);
  await desk.reload();
  await button(desk, '新增条目').click();
  await field(desk, '企业会怎么问，例如：用电增容怎么申请').fill(QUESTION);
  await field(desk, '办理渠道、材料、时限，写清楚企业下一步做什么').fill('通过网上国网App或供电营业厅提交增容申请，附用电设备清单和营业执照；供电公司10个工作日内现场勘查并答复供电方案。[网上国网](https://www.sgcc.com.cn/)');
  await desk.locator('.modal--kb select').first().selectOption({ label: '获得电力' });
  await desk.locator('.modal--kb textarea').nth(1).fill('变压器容量不够怎么办\n新厂房要加大用电容量');
  await button(desk, '保存').click();
  await visible(desk, QUESTION).waitFor();
  await settled(desk);
  await shot(desk, '60-admin-kb');
  // what an enterprise's words would meet, as the console shows it
  await field(desk, '输入企业可能的问法，看会推荐哪些条目').fill('厂房变压器不够用');
  await button(desk, '搜索').click();
  await visible(desk, /“厂房变压器不够用”的推荐结果/).waitFor();
  await visible(desk, QUESTION).waitFor();

  // 林晓 types her problem: the answer shows; it settles her question
  const phone = await world.page(390, { height: 844 });
  await loginAs(phone, '林晓');
  await phone.goto(`${world.base}/#/subpkg-enterprise/submit/index`);
  await phone.reload();
  const description = phone.locator('textarea').locator('visible=true').first();
  await description.fill('我们厂新建了二号车间，变压器不够用了想加容量怎么弄');
  await visible(phone, '这些答复也许能解决您的问题').waitFor();
  await visible(phone, QUESTION).waitFor();
  await settled(phone);
  await shot(phone, '61-enterprise-kb-suggestion');
  const requestsBefore = await store.collection(C.requests).count({});
  await button(phone, '已解决，不用提交').click();
  await until(async () => (await store.collection(C.instantAnswers).count({ at: { $gte: '2000-01-01' } })) === 1 || null);
  expect(await store.collection(C.requests).count({})).toBe(requestsBefore);

  // 高鹏's problem is the same kind, but the answer does not settle it: 仍需提交, and the request says what it was shown
  const other = await world.page(390, { height: 844 });
  await loginAs(other, '高鹏');
  await other.goto(`${world.base}/#/subpkg-enterprise/submit/index`);
  await other.reload();
  await field(other, '搜索事项或类别，如：用电增容、招聘、融资').fill('电力');
  await visible(other, '获得电力').click();
  await other.locator('textarea').locator('visible=true').first().fill('新厂房要加大用电容量，网上国网提交申请半个月没人联系');
  await visible(other, QUESTION).waitFor();
  await visible(other, '没有解决，仍需提交 ›').click();
  await expect(visible(other, QUESTION).count()).resolves.toBe(0);
  await other.locator('input[type=tel], input[placeholder="承办人员将通过此电话联系您"]').locator('visible=true').first().fill('13612340002');
  await button(other, '提交').click();
  const entry = (await store.collection<{ _id: string; question: string }>(C.kb).find({ question: QUESTION }))[0];
  const request = await until(async () => (await store.collection<ServiceRequest>(C.requests).find({}, { limit: 100 })).find((r) => r.description.includes('网上国网提交申请半个月')));
  expect(request.shownAnswers).toEqual([entry._id]);
});

test('an enterprise typing the problem it already filed is pointed to that request and adds to it there (补充说明)', async () => {
  const first = (await as(world, 'u-linxiao', submission({ description: '新建二号车间需增容至800千伏安，网上申请半月无人联系' }))).request;
  const phone = await world.page(390, { height: 844 });
  await loginAs(phone, '林晓');
  await phone.goto(`${world.base}/#/subpkg-enterprise/submit/index`);
  await phone.reload();
  await phone.locator('textarea').locator('visible=true').first().fill('上次反映的二号车间增容800千伏安的事，现在还没人联系');
  await visible(phone, '您已有相似的诉求正在办理').waitFor();
  await visible(phone, new RegExp(first.no)).first().waitFor();
  await settled(phone);
  await shot(phone, '62-enterprise-similar-request', true);
  await visible(phone, '同一问题请在原诉求中补充说明 ›').click();
  // the request's page, its 补充说明 form already open
  await visible(phone, '提交补充说明').waitFor();
  await field(phone, '补充问题的新情况、新进展或材料').fill('五台加工中心已到货，等通电后即可投产，请尽快安排');
  await button(phone, '提交补充说明').click();
  await visible(phone, /您已补充说明：五台加工中心已到货/).waitFor();
  await settled(phone);
  await shot(phone, '63-enterprise-noted');
  const stored = await world.server.ports.store.collection<ServiceRequest>(C.requests).get(first._id);
  expect(stored!.timeline.at(-1)).toMatchObject({ type: 'enterprise_noted' });
});

test('the admin imports answers from Excel: the check names the bad row and writes nothing, the import adds the good one once', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('知识库');
  ws.addRow(['问题', '答复', '类别', '责任部门', '其他问法', '生效日期', '失效日期']);
  ws.addRow(['小微企业贷款贴息怎么申请？', '符合条件的小微企业可在区政务服务网“惠企政策”栏目在线申请贷款贴息，材料齐全的10个工作日内审核。', '融资', '', '贷款贴息；贴息申请', '', '']);
  ws.addRow(['问', '太短', '没有这个类别', '', '', '', '']);
  const file = join(world.dataDir, '知识库.xlsx');
  await wb.xlsx.writeFile(file);

  const desk = await world.page(1280, { height: 900 });
  await loginAs(desk, '系统管理员');
  await desk.goto(`${world.base}/#/subpkg-admin/kb/index`);
  await desk.reload();
  await button(desk, 'Excel 导入').click();
  const chooser = desk.waitForEvent('filechooser');
  await button(desk, '选择 Excel 文件').click();
  await (await chooser).setFiles(file);
  await visible(desk, '类别“没有这个类别”不存在').waitFor({ timeout: 15_000 });
  expect(await world.server.ports.store.collection(C.kb).count({ question: '小微企业贷款贴息怎么申请？' })).toBe(0);
  await settled(desk);
  await shot(desk, '65-admin-kb-import-report');
  await button(desk, '确认导入（跳过错误行）').click();
  await visible(desk, '导入完成').waitFor({ timeout: 15_000 });
  // the list shows the new entry
  await visible(desk, '小微企业贷款贴息怎么申请？').waitFor();
  await settled(desk);
  await shot(desk, '66-admin-kb-imported');
  expect(await world.server.ports.store.collection(C.kb).count({ question: '小微企业贷款贴息怎么申请？' })).toBe(1);
});
