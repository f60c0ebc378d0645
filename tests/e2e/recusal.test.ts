/**
 * Recusal in a real browser on the seeded district: 区住建局's handler 冯玉 inspects 朝阳智能装备
 * (the visit is set up through the service function), the enterprise (许明) complains about that
 * visit on its visit history page, the dispatcher (孙丽) opens the complaint from the ledger and is
 * warned at the top of the desk detail who must not handle it and why; 冯玉 opening the same
 * request finds nothing. Screenshots go to E2E_SHOTS (default .tmp/e2e-shots), named recusal-*.
 */
import { C } from '../../core/collections';
import type { ServiceRequest } from '../../core/model';
import { useE2EWorld } from '../support/e2e-world';
import { as, button, field, modalConfirm, until, visible } from '../support/pages';

jest.setTimeout(600_000); // a whole journey in a real browser on a busy 2-core machine

const world = useE2EWorld('recusal');
const open = (width: number) => world.page(width, { deviceScaleFactor: 1 });
const { shot, loginAs } = world;

test('the enterprise complains about an inspection; the dispatcher is warned who must not handle it; the handler cannot open it', async () => {
  // 1. 冯玉 (区住房和城乡建设局) inspects 朝阳智能装备 (许明's enterprise) and leaves
  const scene = (await as(world, 'u-xuming', { action: 'visit.code' })).code.scene;
  const { visit } = await as(world, 'u-fengyu', {
    action: 'visit.checkin', scene, purpose: 'inspection', note: '厂房加层施工安全检查',
    approvalRef: '云住建检备〔2026〕131号', legalBasis: '《建设工程安全生产管理条例》第四十三条',
  });
  await as(world, 'u-fengyu', { action: 'visit.checkout', scene, outcome: '检查加层施工现场，口头提出整改要求' });

  // 2. the enterprise complains on its visit history (anonymous toward 住建局)
  const ent = await open(390);
  await loginAs(ent, '许明');
  await ent.goto(`${world.base}/#/subpkg-visit/history/index?id=${visit._id}`);
  await visible(ent, '投诉本次入企').click();
  await field(ent, '如：未扫码入企').fill('检查人员冯玉要求我们找指定的公司做整改，否则不予验收');
  await button(ent, '提交投诉').click();
  await modalConfirm(ent).click();
  await visible(ent, '已投诉').waitFor();
  const complaint = await until(async () =>
    (await world.server.ports.store.collection<ServiceRequest>(C.requests).find({ visitId: visit._id, channel: 'report' }, { limit: 5 }))[0]);
  expect(complaint.recusal).toMatchObject({ userIds: ['u-fengyu'], userNames: ['冯玉'], deptIds: ['dep-zjj'] });
  // nothing of the recusal reaches the enterprise's page of its complaint
  await ent.goto(`${world.base}/#/subpkg-enterprise/detail/index?id=${complaint._id}`);
  await visible(ent, new RegExp(complaint.no)).waitFor();
  const entText = await ent.locator('body').innerText();
  for (const hidden of ['回避', '须回避', '投诉对象']) expect(entText).not.toContain(hidden);

  // 3. the dispatcher opens it from the ledger: the warning comes first, with who and why
  const desk = await open(1280);
  await loginAs(desk, '孙丽');
  await visible(desk, '台账').click();
  await visible(desk, complaint.no).click();
  await visible(desk, '调度操作').waitFor();
  const notice = desk.locator('.recusal-notice').locator('visible=true').first();
  await notice.waitFor();
  await visible(notice, '须回避').waitFor();
  await visible(notice, '本件是对公职人员的投诉').waitFor();
  await visible(notice, '冯玉').waitFor();
  await visible(notice, /投诉对象：区住房和城乡建设局 冯玉（公务入企 GW\d+，执法检查）/).waitFor();
  await visible(notice, /向被投诉人所在部门（区住房和城乡建设局）下发督办卡，须调度员确认/).waitFor();
  // it sits above the request's columns: the first thing read after the head
  const [noticeTop, columnsTop] = await Promise.all([
    notice.evaluate((el) => el.getBoundingClientRect().top),
    desk.locator('.desk-detail__columns').locator('visible=true').first().evaluate((el) => el.getBoundingClientRect().top),
  ]);
  expect(noticeTop).toBeLessThan(columnsTop);
  // and the desk timeline records it
  await visible(desk, /^回避提示：投诉对象：区住房和城乡建设局 冯玉/).waitFor();
  await shot(desk, 'recusal-01-dispatcher-warning');

  // the card form is where 冯玉's department could be chosen: it warns once 住建局 is picked
  await button(desk, '下发督办卡').click();
  const panel = desk.locator('.action-panel--issueCard').locator('visible=true').first();
  await panel.getByText('区住房和城乡建设局', { exact: true }).first().click();
  await visible(panel, '回避提示').waitFor();
  expect(await panel.innerText()).toContain('冯玉');
  await shot(desk, 'recusal-02-card-form');

  // 4. 冯玉 finds nothing at the request's address
  const handler = await open(1280);
  await loginAs(handler, '冯玉');
  await handler.goto(`${world.base}/#/subpkg-desk/detail/index?id=${complaint._id}`);
  await visible(handler, /未找到该诉求/).waitFor();
  expect(await handler.locator('body').innerText()).not.toContain('检查人员冯玉要求');
  await shot(handler, 'recusal-03-handler-not-found', false);
});
