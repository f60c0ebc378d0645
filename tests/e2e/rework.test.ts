/**
 * A reopen keeps the request red (issue 11, history that stays true), in a real browser on the
 * seeded district: a request three working days overdue and urged is answered late; the enterprise
 * sends it back (退回重办) on its phone; on the desk the ledger still shows it 超期 and in the red
 * filter, and its detail shows the first deadline 超期办结 beside the rework deadline and count.
 * The setup before the enterprise's tap runs through the service function on a fake clock.
 * Screenshots go to E2E_SHOTS.
 */
import { fakeClock } from '../../adapters/local-ports';
import { C } from '../../core/collections';
import type { ServiceRequest } from '../../core/model';
import { useE2EWorld } from '../support/e2e-world';
import { as, button, field, pickDate, settled, visible } from '../support/pages';

jest.setTimeout(600_000);

const bj = (local: string) => new Date(`${local}:00+08:00`);
// Mon 2026-11-16 09:30 Beijing: the general deadline is Mon 11-23 09:30
const clock = fakeClock(bj('2026-11-16T09:30'));
const world = useE2EWorld('rework', { clock });

const viewport = (width: number, height: number) => world.page(width, { height });
const { shot, loginAs } = world;
const requests = () => world.server.ports.store.collection<ServiceRequest>(C.requests);

type Fns = { sweep(e: unknown, c: unknown): Promise<unknown> };

test('a request answered late and sent back by the enterprise stays red on the desk', async () => {
  const description = '厂区外道路路灯损坏已一个月，夜间员工下班通行存在安全隐患，请协调修复。';
  const { request } = await as(world, 'u-linxiao', { action: 'request.submit', clientKey: 'e2e-rework-1', category: 'dianli', description, photos: [], phone: '13612340001' });
  const officer = request.assigneeId as string;
  expect(officer).toBeTruthy();
  await as(world, officer, { action: 'request.accept', id: request._id });
  // Thu 11-26 10:00: three working days past the deadline; the sweep urges, then the officer answers
  clock.set(bj('2026-11-26T10:00'));
  await (world.server.functions as unknown as Fns).sweep({ Type: 'Timer' }, null);
  await as(world, officer, { action: 'request.resolve', id: request._id, result: '已联系供电所更换路灯。' });
  expect(await requests().get(request._id)).toMatchObject({ status: 'resolved', colour: 'red', firstLate: true, urgeCount: 1 });

  // Fri 11-27 10:00: the enterprise sends it back on its phone
  clock.set(bj('2026-11-27T10:00'));
  const phone = await viewport(390, 844);
  await loginAs(phone, '林晓');
  await phone.goto(`${world.base}/#/subpkg-enterprise/detail/index?id=${request._id}`);
  await visible(phone, '问题没有解决？').waitFor();
  await field(phone, '请说明未解决的原因').fill('路灯仍不亮，供电所说不归他们管。');
  await button(phone, '退回重办').click();
  await visible(phone, '重办期限').waitFor();
  await settled(phone);
  const back = (await requests().get(request._id))!;
  expect(back).toMatchObject({
    status: 'assigned', assigneeId: officer, reopenCount: 1, colour: 'red', firstLate: true,
    firstDueAt: bj('2026-11-23T09:30').toISOString(), dueAt: bj('2026-12-04T10:00').toISOString(),
  });
  // the enterprise sees the first deadline missed and the rework deadline
  await visible(phone, '首次办理期限').waitFor();
  await visible(phone, /超期办结（超期约 3 个工作日）/).waitFor();
  await expect(visible(phone, '重办次数').isVisible()).resolves.toBe(true);
  await shot(phone, '41-enterprise-reopened');

  // the desk: the ledger row says 超期 and the red filter keeps it
  const desk = await viewport(1280, 900);
  await loginAs(desk, '孙丽');
  await desk.goto(`${world.base}/#/subpkg-desk/ledger/index`);
  await desk.reload();
  const row = desk.locator('.ledger-row').filter({ hasText: back.no }).locator('visible=true').first();
  await row.waitFor();
  await expect(row.textContent()).resolves.toMatch(/超期/);
  const redChip = desk.locator('.ledger-colours .chip').filter({ hasText: '超期' }).locator('visible=true').first();
  await redChip.click();
  await desk.locator('.ledger-colours .chip.chip--active').filter({ hasText: '超期' }).locator('visible=true').first().waitFor();
  await settled(desk);
  await desk.locator('.ledger-row').filter({ hasText: back.no }).locator('visible=true').first().waitFor();
  await shot(desk, '42-desk-ledger-red', false);

  // its detail: red, the first deadline missed, the rework deadline and count
  await desk.goto(`${world.base}/#/subpkg-desk/detail/index?id=${request._id}`);
  await visible(desk, '办理时限').waitFor();
  const sla = desk.locator('.sla-panel').locator('visible=true').first();
  await expect(sla.textContent()).resolves.toMatch(/首次办理期限.*超期办结/);
  await expect(sla.textContent()).resolves.toMatch(/重办期限/);
  await expect(sla.textContent()).resolves.toMatch(/重办次数1 次/);
  await expect(sla.textContent()).resolves.toMatch(/超期/);
  await expect(sla.textContent()).resolves.toMatch(/重办期限/);
  await shot(desk, '43-desk-detail-reopened');

  // the officer's inbox: the card says it is overdue, sent back, urged, and when it is now due
  const off = await viewport(390, 844);
  await loginAs(off, ({ 'u-zhangwei': '张伟', 'u-wangfang': '王芳' } as Record<string, string>)[officer]);
  await off.goto(`${world.base}/#/subpkg-officer/inbox/index`);
  await off.reload();
  const card = off.locator('.request-card').filter({ hasText: back.no }).locator('visible=true').first();
  await card.waitFor();
  const marks = (await card.locator('.request-card__marks').textContent()) ?? '';
  expect(marks).toMatch(/已超期/);
  expect(marks).toMatch(/重办/);
  expect(marks).toMatch(/期限\s*12-04 10:00/);
  if ((back.urgeCount ?? 0) > 0) expect(marks).toContain(`督办催办 ${back.urgeCount} 次`);
  else expect(marks).not.toContain('督办催办');
  await shot(off, '44-officer-inbox-marks');
});

test('a rejected request shows no officer and no deadline', async () => {
  clock.set(bj('2026-11-27T11:00'));
  const { request } = await as(world, 'u-linxiao', {
    action: 'request.submit', clientKey: 'e2e-rework-2', category: 'dianli', description: '希望政府给我们公司发放一笔奖励资金，用于年终发放员工福利。', photos: [], phone: '13612340001',
  });
  expect(request.assigneeName).toBeTruthy();
  await as(world, 'u-sunli', { action: 'desk.reject', id: request._id, kind: 'out_of_scope', reason: '不属于营商环境诉求受理范围' });

  const phone = await viewport(390, 844);
  await loginAs(phone, '林晓');
  await phone.goto(`${world.base}/#/subpkg-enterprise/detail/index?id=${request._id}`);
  await visible(phone, '不予受理说明').waitFor();
  const info = phone.locator('.card').filter({ hasText: '基本信息' }).locator('visible=true').first();
  await expect(info.textContent()).resolves.not.toMatch(/承办人|办理期限/);
  await shot(phone, '44-enterprise-rejected');

  const desk = await viewport(1280, 900);
  await loginAs(desk, '孙丽');
  await desk.goto(`${world.base}/#/subpkg-desk/detail/index?id=${request._id}`);
  await visible(desk, '办理时限').waitFor();
  await expect(desk.locator('.sla-panel').locator('visible=true').first().textContent()).resolves.toMatch(/不予受理，不计办理时限/);
  const facts = desk.locator('.card').filter({ hasText: '基本信息' }).locator('visible=true').first();
  await expect(facts.textContent()).resolves.not.toMatch(/承办人/);
  await shot(desk, '45-desk-rejected');
});

test('the admin enters 元旦 2027 and the rework limit on the rules page: a provisional deadline gets its date, the mark goes', async () => {
  // Mon 2026-12-28 10:00: five working days on the weekday guess end Mon 2027-01-04 (2027 is not in the holiday library)
  clock.set(bj('2026-12-28T10:00'));
  const { request } = await as(world, 'u-linxiao', {
    action: 'request.submit', clientKey: 'e2e-rework-3', category: 'dianli', description: '园区变电站检修后我司厂房电压不稳，设备多次跳闸，请协调供电部门排查。', photos: [], phone: '13612340001',
  });
  expect(request).toMatchObject({ slaProvisional: true, dueAt: bj('2027-01-04T10:00').toISOString() });

  const admin = await viewport(390, 844);
  await loginAs(admin, '系统管理员');
  await admin.goto(`${world.base}/#/subpkg-admin/rules/index`);
  await visible(admin, '分派规则').waitFor();
  await visible(admin, /重办次数上限/).waitFor();
  await expect(visible(admin, /退回改派时限/).isVisible()).resolves.toBe(true);
  await expect(visible(admin, /督办卡接收时限/).isVisible()).resolves.toBe(true);
  const limit = admin.locator('.field').filter({ hasText: '重办次数上限' }).locator('input').locator('visible=true').first();
  await expect(limit.inputValue()).resolves.toBe('2');
  await admin.locator('.field').filter({ hasText: '退回改派时限' }).locator('visible=true').first().scrollIntoViewIfNeeded();
  await shot(admin, '46-admin-rules-limits-390', false);
  await limit.fill('3');
  await admin.getByText('+ 添加日期', { exact: true }).locator('visible=true').first().click();
  await pickDate(admin, admin.locator('.date-input').locator('visible=true').last(), '2027-01-01');
  await field(admin, '名称，如：国庆节').fill('元旦');
  await admin.locator('.rules-years__select select').locator('visible=true').first().selectOption('2027');
  await button(admin, '加入').click();
  await shot(admin, '46-admin-rules-calendar-390');
  await button(admin, '保存').click();
  await visible(admin, /当前第 1 版/).waitFor();

  const settings = world.server.ports.store.collection(C.settings);
  expect(((await settings.get('sla'))!.value as { maxReworks: number }).maxReworks).toBe(3);
  // 元旦 off: 29, 30, 31, Mon 01-04, Tue 01-05; the mark and the year's warning are gone
  expect(await requests().get(request._id)).toMatchObject({ slaProvisional: false, dueAt: bj('2027-01-05T10:00').toISOString() });
  expect(await world.server.ports.store.collection(C.warnings).count({ resolved: false })).toBe(0);

  const phone = await viewport(390, 844);
  await loginAs(phone, '林晓');
  await phone.goto(`${world.base}/#/subpkg-enterprise/detail/index?id=${request._id}`);
  await visible(phone, '2027-01-05 10:00').waitFor();
  await expect(phone.getByText('期限按周一至周五估算').locator('visible=true').count()).resolves.toBe(0);
  await shot(phone, '47-enterprise-deadline-relaid');
});
