/**
 * The supervision card (督办卡) as the seeds run it, in a real browser on the seeded district:
 * the dispatcher (孙丽, 1280 px) issues a card to 区住房和城乡建设局 (lead, 冯玉) and 区自然资源局
 * (co, 钱军); both accept on their phones (390 px); the lead cannot give the final answer while the
 * co-operating department has not answered; 钱军 gives the co opinion; 冯玉 adds progress, sees the
 * opinion, presses 最终答复 and confirms "将作为办理结果反馈企业"; the request is 待评价 with that
 * answer, and the dispatcher's desk shows every department's state. Also: the 提级 preview names the
 * request's own street. Screenshots go to E2E_SHOTS (default .tmp/e2e-shots), named card-*.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { C } from '../../core/collections';
import type { ServiceRequest, SupervisionCard } from '../../core/model';
import { useE2EWorld } from '../support/e2e-world';
import { button, field, modalConfirm, settled, until, visible } from '../support/pages';

jest.setTimeout(600_000); // a whole journey in a real browser on a busy 2-core machine

const world = useE2EWorld('card');
const open = (width: number) => world.page(width, { deviceScaleFactor: 1 });
const { shot, loginAs } = world;
/** a picture of the supervision card alone (the pages scroll inside Taro's container) */
async function cardShot(page: Page, name: string) {
  await settled(page);
  await page.locator('.supervision-card').locator('visible=true').first().screenshot({ path: join(world.shots, `${name}.png`) });
}
/** the confirm button of Taro's H5 modal (showModal; Taro spells its class taro-model__) */
const requests = () => world.server.ports.store.collection<ServiceRequest>(C.requests);
const cards = () => world.server.ports.store.collection<SupervisionCard>(C.cards);
const deskDetail = (id: string) => `${world.base}/#/subpkg-desk/detail/index?id=${id}`;
const cardPage = (cardId: string) => `${world.base}/#/subpkg-dept/card/index?cardId=${cardId}`;
/** one department's part on the card, as the page shows it */
const partyOf = (page: Page, deptId: string) => page.locator(`#party-${deptId}`).locator('visible=true').first();

test('issue → both accept → co opinion → lead progress → confirmed final answer; the desk shows every department', async () => {
  const [open_] = await requests().find({ description: { $eq: '厂区门口道路缺少限速和指示标志，货车进出存在安全隐患。' } });
  expect(open_).toBeDefined();
  const desk = await open(1280);
  await loginAs(desk, '孙丽');

  // 0. the 提级 preview names the request's own street: 柳岸社区 → 西湖街道 (东城街道 comes first in the list)
  const [liuan] = await requests().find({ description: { $eq: '厂区用水压力不足，高峰时段生产线停机。' } });
  expect(liuan.tierOrgId).toBe('c-liuan');
  await desk.goto(deskDetail(liuan._id));
  await visible(desk, '调度操作').waitFor();
  await button(desk, '提级').click();
  await visible(desk, '提交至 西湖街道 调度办理。').waitFor();
  await shot(desk, 'card-00-escalate-preview', false);
  await button(desk.locator('.action-panel--escalate').locator('visible=true').first(), '取消').click();

  // 1. the dispatcher issues the card: lead 住建局, co 自然资源局
  await desk.goto(deskDetail(open_._id));
  await desk.reload();
  await visible(desk, '调度操作').waitFor();
  await button(desk, '下发督办卡').click();
  const panel = desk.locator('.action-panel--issueCard').locator('visible=true').first();
  await panel.locator('.field').filter({ hasText: '牵头部门' }).getByText('区住房和城乡建设局', { exact: true }).click();
  await panel.locator('.field').filter({ hasText: '协办部门' }).getByText('区自然资源局', { exact: true }).click();
  await panel.locator('textarea').first().fill('请住建局牵头、自然资源局协办，核实厂区门口道路标志设置责任并答复企业。');
  await button(panel, '确定').click();
  // issuing cannot be undone but by withdrawing: the modal names the departments
  await visible(desk, /向区住房和城乡建设局（牵头）和区自然资源局（协办）下发督办卡/).waitFor();
  await modalConfirm(desk).click();
  await visible(desk, /^下发督办卡 DB\d{12}/).waitFor();
  const carded = await until(async () => ((await requests().get(open_._id))?.status === 'supervised' ? (await requests().get(open_._id))! : null));
  const cardId = carded.cardId!;
  const card = (await cards().get(cardId))!;
  // every department starts 待接收, with its accept deadline
  await visible(partyOf(desk, 'dep-zjj'), '待接收').waitFor();
  await visible(partyOf(desk, 'dep-zrzy'), '待接收').waitFor();
  await visible(partyOf(desk, 'dep-zjj'), /^接收期限 /).waitFor();
  await visible(desk, '督办卡操作').waitFor();
  await shot(desk, 'card-01-desk-issued');
  await cardShot(desk, 'card-01b-desk-card-issued');

  // 2. the lead department's handler accepts from the card inbox
  const lead = await open(390);
  await loginAs(lead, '冯玉');
  await visible(lead, '督办卡').click();
  await visible(lead, /^请于 .* 前接收$/).waitFor();
  await visible(lead, card.no).click();
  await button(lead, '接收').click();
  await visible(lead, '办理进展').waitFor();
  // the final answer waits for the co-operating department
  const finalBox = lead.locator('#card-final').locator('visible=true').first();
  await visible(finalBox, '协办部门反馈后才能作最终答复，尚待：').waitFor();
  await visible(finalBox, '区自然资源局').waitFor();
  await finalBox.locator('.nut-button-disabled').filter({ hasText: '最终答复' }).waitFor();
  await shot(lead, 'card-02-lead-accepted');

  // 3. the co-operating department accepts and gives its opinion
  const co = await open(390);
  await loginAs(co, '钱军');
  await co.goto(cardPage(cardId));
  await button(co, '接收').click();
  await visible(co, '协办意见').waitFor();
  expect(await co.getByText('最终答复', { exact: true }).locator('visible=true').count()).toBe(0);
  await field(co, '填写本部门的核查情况和办理意见').fill('经核查，该路段属规划道路红线范围，标志设置由住建局市政科负责，我局无异议。');
  await button(co, '提交协办意见').click();
  await visible(partyOf(co, 'dep-zrzy'), '已答复').waitFor();
  await shot(co, 'card-03-co-opinion');
  // the dispatcher sees who has answered and who is still working
  await desk.reload();
  await visible(partyOf(desk, 'dep-zrzy'), '已答复').waitFor();
  await visible(partyOf(desk, 'dep-zjj'), '已接收').waitFor();
  await visible(desk, '协办部门均已反馈，待牵头部门最终答复。').waitFor();
  await cardShot(desk, 'card-03b-desk-card-co-answered');

  // 4. the lead adds progress, sees the opinion, and gives the final answer after confirming
  await lead.reload();
  await visible(lead, '办理进展').waitFor();
  await visible(partyOf(lead, 'dep-zrzy'), /^协办意见：经核查，该路段属规划道路红线范围/).waitFor();
  await field(lead, '填写目前的办理进展').fill('已安排市政科现场踏勘，确定增设限速和指示标志各2处。');
  await button(lead, '添加进展').click();
  await visible(lead, '已安排市政科现场踏勘，确定增设限速和指示标志各2处。').waitFor();
  await field(lead, '填写办理结果').fill('已在厂区门口增设限速40和货车出入指示标志，并施划减速带。');
  await finalBox.getByText('已解决', { exact: true }).click();
  await settled(lead);
  await button(lead, '最终答复').click();
  await visible(lead, /将以“已解决”作最终答复/).waitFor();
  await shot(lead, 'card-04-lead-final-confirm', false);
  // nothing is sent before the confirmation
  expect((await requests().get(open_._id))!.status).toBe('supervised');
  await modalConfirm(lead).click();
  await visible(partyOf(lead, 'dep-zjj'), /^最终答复：已在厂区门口增设限速40/).waitFor();
  const resolved = await until(async () => ((await requests().get(open_._id))?.status === 'resolved' ? (await requests().get(open_._id))! : null));
  expect(resolved.result).toBe('已在厂区门口增设限速40和货车出入指示标志，并施划减速带。');
  await settled(lead);
  await shot(lead, 'card-05-lead-answered');
  await cardShot(lead, 'card-05b-lead-card-answered');

  // 5. the dispatcher's desk: 待评价, each department's state, opinion, final answer and progress
  await desk.reload();
  await visible(desk, '待评价').waitFor();
  await visible(partyOf(desk, 'dep-zjj'), '已答复').waitFor();
  await visible(partyOf(desk, 'dep-zrzy'), '已答复').waitFor();
  await visible(partyOf(desk, 'dep-zjj'), /^接收于 /).waitFor();
  await visible(partyOf(desk, 'dep-zrzy'), /^协办意见：经核查/).waitFor();
  await visible(partyOf(desk, 'dep-zjj'), /^最终答复：已在厂区门口增设限速40/).waitFor();
  await visible(desk, '牵头部门办理进展').waitFor();
  // the card is over: no more controls
  expect(await desk.getByText('督办卡操作', { exact: true }).locator('visible=true').count()).toBe(0);
  await shot(desk, 'card-06-desk-answered');
  await cardShot(desk, 'card-06b-desk-card-answered');
});

test('the card form warns when a chosen department is that of the officials a complaint is about, and needs the confirmation', async () => {
  const [req] = await requests().find({ description: { $eq: '年底订单增加，急需招聘30名普工，希望对接人社部门专场招聘会。' } });
  expect(req).toBeDefined();
  // a complaint about 冯玉 (区住房和城乡建设局), as core/recusal.ts records it on the request
  await requests().update(req._id, {
    $set: { recusal: { userIds: ['u-fengyu'], userNames: ['冯玉'], deptIds: ['dep-zjj'], reason: '投诉对象：区住房和城乡建设局 冯玉' } },
  });
  const desk = await open(1280);
  await loginAs(desk, '孙丽');
  await desk.goto(deskDetail(req._id));
  await visible(desk, '调度操作').waitFor();
  await button(desk, '下发督办卡').click();
  const panel = desk.locator('.action-panel--issueCard').locator('visible=true').first();
  // a department not concerned: no warning
  await panel.locator('.field').filter({ hasText: '牵头部门' }).getByText('区自然资源局', { exact: true }).click();
  expect(await panel.locator('#issue-card-recusal').locator('visible=true').count()).toBe(0);
  // 住建局 as co-operating department: the warning shows at once
  await panel.locator('.field').filter({ hasText: '协办部门' }).getByText('区住房和城乡建设局', { exact: true }).click();
  const warning = panel.locator('#issue-card-recusal').locator('visible=true').first();
  await visible(warning, '回避提示').waitFor();
  await visible(warning, /本件投诉涉及 区住房和城乡建设局 的 冯玉/).waitFor();
  await panel.locator('textarea').first().fill('请自然资源局牵头核实，住建局另行指定人员协办。');
  await button(panel, '确定').click();
  await visible(warning, '区住房和城乡建设局是被投诉人员所在部门，请确认回避安排').waitFor();
  expect((await requests().get(req._id))!.status).not.toBe('supervised');
  await settled(desk, { toasts: false });
  await panel.screenshot({ path: join(world.shots, 'card-07-recusal-warning.png') });
  await warning.locator('.recusal-warning__confirm').click();
  await button(panel, '确定').click();
  await modalConfirm(desk).click();
  const carded = await until(async () => ((await requests().get(req._id))?.status === 'supervised' ? (await requests().get(req._id))! : null));
  expect((await cards().get(carded.cardId!))!.recusedUserIds).toEqual(['u-fengyu']);
  await visible(desk, /已确认回避：被投诉人不接收此卡（区住房和城乡建设局）/).waitFor();
  // 冯玉 does not find it among his cards
  const fy = await open(390);
  await loginAs(fy, '冯玉');
  await fy.goto(cardPage(carded.cardId!));
  await visible(fy, /未找到该督办卡/).waitFor();
});
