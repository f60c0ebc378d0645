/**
 * Desk work in a real browser on the seeded district: the dispatcher finds a request in the
 * ledger and issues a supervision card to two departments; both accept, the co-operating one gives
 * its opinion, and the lead department's handler gives the confirmed final answer (最终答复); the ledger shows the request resolved in the right colour; the red ledger's
 * export downloads and parses back with exactly the red rows. Screenshots go to E2E_SHOTS.
 */
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { useE2EWorld } from '../support/e2e-world';
import { as, button, field, modalConfirm, settled, visible } from '../support/pages';
import { C } from '../../core/collections';
import type { ServiceRequest } from '../../core/model';

jest.setTimeout(600_000); // a whole journey in a real browser on a busy 2-core machine

const world = useE2EWorld('desk');
const desktop = () => world.page(1280, { acceptDownloads: true });
const { shot, loginAs } = world;

const requests = () => world.server.ports.store.collection<ServiceRequest>(C.requests);

test('dispatcher issues a card, the lead department answers, the ledger colours it, the export parses back', async () => {
  // the enterprise's new request, assigned to an officer of its grid
  const [open] = await requests().find({ description: { $eq: '新招员工社保增员操作系统报错，无法完成参保登记。' } });
  expect(open).toBeDefined();
  const no = open.no;

  // 1. the dispatcher opens the ledger and the request
  const desk = await desktop();
  await loginAs(desk, '孙丽');
  await visible(desk, '台账').click();
  await visible(desk, no).waitFor();
  const red = await requests().count({ colour: 'red' });
  await shot(desk, '11-dispatcher-ledger');
  await visible(desk, no).click();
  await visible(desk, '调度操作').waitFor();

  // 2. issue a card: lead 区住房和城乡建设局, co 区自然资源局
  await button(desk, '下发督办卡').click();
  const panel = desk.locator('.action-panel--issueCard').locator('visible=true').first();
  await panel.getByText('区住房和城乡建设局', { exact: true }).first().click();
  await panel.locator('.field').filter({ hasText: '协办部门' }).getByText('区自然资源局', { exact: true }).click();
  await panel.locator('textarea').first().fill('请住建局牵头、自然资源局协办，3个工作日内答复企业社保系统问题的办理路径。');
  await shot(desk, '12-dispatcher-card-form');
  await button(panel, '确定').click();
  // the card cannot be taken back but by withdrawing it: the dispatcher confirms first
  await modalConfirm(desk).click();
  await visible(desk, /下发督办卡 DB\d{12}/).waitFor();
  await shot(desk, '13-dispatcher-card-issued');
  const carded = (await requests().get(open._id))!;
  expect(carded).toMatchObject({ status: 'supervised', deptIds: ['dep-zjj', 'dep-zrzy'] });

  // 3. the lead department's handler accepts; the co-operating department accepts and gives its
  // opinion (through the service function); the lead gives the confirmed final answer
  const dept = await desktop();
  await loginAs(dept, '冯玉');
  await visible(dept, '督办卡').click();
  const card = (await world.server.ports.store.collection(C.cards).get(carded.cardId!))!;
  await visible(dept, card.no as string).click();
  await button(dept, '接收').click();
  await visible(dept, '办理进展').waitFor();
  await as(world, 'u-qianjun', { action: 'card.accept', cardId: carded.cardId });
  await as(world, 'u-qianjun', { action: 'card.reply', cardId: carded.cardId, reply: '本局无用地相关事项，同意住建局意见。' });
  await dept.reload();
  await field(dept, '填写办理结果').fill('已协调社保经办机构修复增员接口，企业已完成参保登记。');
  await dept.locator('#card-final').getByText('已解决', { exact: true }).locator('visible=true').first().click();
  await button(dept, '最终答复').click();
  await modalConfirm(dept).click();
  await visible(dept, /^最终答复：已协调社保经办机构/).waitFor();
  await shot(dept, '14-department-answered');
  const resolved = (await requests().get(open._id))!;
  expect(resolved).toMatchObject({ status: 'resolved', result: '已协调社保经办机构修复增员接口，企业已完成参保登记。', closedOnTime: true, colour: 'green' });

  // 4. the ledger shows it resolved and green; the red chip counts what the store counts
  await desk.goto(`${world.base}/#/subpkg-desk/ledger/index`);
  await desk.reload();
  const row = desk.locator('.ledger-row').filter({ hasText: no }).locator('visible=true').first();
  await row.waitFor();
  await expect(row.textContent()).resolves.toMatch(/待评价/);
  await expect(row.textContent()).resolves.toMatch(/正常/);
  const redChip = desk.locator('.ledger-colours .chip').filter({ hasText: '超期' }).locator('visible=true').first();
  await expect(redChip.textContent()).resolves.toContain(String(red));

  // 5. filter red and export: the file holds exactly the red requests
  await redChip.click();
  await desk.locator('.ledger-colours .chip.chip--active').filter({ hasText: '超期' }).locator('visible=true').first().waitFor();
  await settled(desk);
  await shot(desk, '15-ledger-red');
  const download = desk.waitForEvent('download');
  await button(desk, '导出Excel').click();
  const file = join(world.dataDir, 'export.xlsx');
  await (await download).saveAs(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0];
  const header = (ws.getRow(1).values as unknown[]).slice(1);
  // the screen's columns, then the long texts a printed 台账 needs
  expect(header).toEqual(['工单号', '企业', '类别', '等级', '承办人/部门', '受理时间', '期限', '状态', '颜色', '超期天数', '重办次数', '催办次数', '满意度评分', '回访结果', '诉求内容', '办理结果']);
  const rows: string[][] = [];
  ws.eachRow((r, i) => { if (i > 1) rows.push((r.values as unknown[]).slice(1).map((v) => String(v ?? ''))); });
  const redNos = (await requests().find({ colour: 'red' }, { limit: 100 })).map((r) => r.no).sort();
  expect(rows.map((r) => r[0]).sort()).toEqual(redNos);
  expect(rows.every((r) => r[8] === '超期')).toBe(true);
});
