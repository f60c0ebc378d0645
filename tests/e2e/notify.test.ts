/**
 * Issue 17 in a real browser on the seeded demo district: nobody misses a notification.
 *
 * - The admin's 提醒规则 (SMS routes, quiet hours, the daily cap) are saved with the other rules.
 * - A grid officer opens 我的 → 提醒设置 and sees that he holds no new-work reminders; he taps
 *   补充提醒次数, the demo's simulated WeChat sheet asks, he taps 允许, and the page shows the one
 *   consent he now holds (recorded on the server, not just on the page).
 * - Two requests are assigned to him: the first spends his consent and goes by WeChat, the second
 *   finds none and goes by SMS (the default rule for new work). His message center shows each
 *   message's delivery channel.
 * - The dispatcher's 提醒触达 lists him with both assignments and how they reached him; the leader's
 *   dashboard counts the sends per channel and the consent spent.
 *
 * Screenshots (notify-*.png) go to E2E_SHOTS: 390 px for the phone pages, 1280 px for the desk pages.
 */
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { useE2EWorld } from '../support/e2e-world';
import { as, button, settled, visible } from '../support/pages';
import { C } from '../../core/collections';
import type { Message, OutboxEntry, ServiceRequest, Subscription, User } from '../../core/model';
import type { ReachRow } from '../../core/notify/views';

jest.setTimeout(600_000); // a whole journey in a real browser on a busy 2-core machine

const world = useE2EWorld('notify');
const errors: string[] = [];

/**
 * A page that leaves the simulated consent sheet to the test (the world's pages answer it 取消 for
 * suites not about it).
 */
async function open(width: number): Promise<Page> {
  const page = await world.page(width, { consentSheet: 'keep', deviceScaleFactor: 1, onError: (e) => errors.push(e.message) });
  page.setDefaultTimeout(60_000); // a step that does not come fails here, naming the step, not at the suite's timeout
  return page;
}
/**
 * Taro's page transition may start a frame after the page's content is there: wait until nothing finite
 * is moving (a spinner's endless animation does not count), then for the world's usual settling.
 */
async function still(page: Page) {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity), undefined, { polling: 'raf' });
  // Taro's toast box has no size of its own (its children are fixed), so Playwright never sees it visible: ask its style
  await page.waitForFunction(() => Array.from(document.querySelectorAll<HTMLElement>('.taro__toast')).every((t) => t.style.display === 'none'), undefined, { polling: 100 });
  await settled(page);
}
const shot = async (page: Page, name: string) => {
  await still(page);
  await world.shot(page, name, false);
};
const tallShot = async (page: Page, name: string) => {
  await still(page);
  await world.tallShot(page, name);
};
/** one part of a page, as its own picture */
async function part(page: Page, locator: Locator, name: string) {
  await still(page);
  await locator.scrollIntoViewIfNeeded();
  await locator.screenshot({ path: join(world.shots, `${name}.png`) });
}

const store = () => world.server.ports.store;

const OFFICER = { id: 'u-zhangwei', name: '张伟' };
/** a card of the settings page, by the template it is about */
const templateRow = (page: Page, name: string) => page.locator('.tpl').filter({ hasText: name }).locator('visible=true').first();

afterAll(() => {
  expect(errors).toEqual([]);
});

test('the admin sets the reminder rules; an officer tops up his reminders; new work reaches him by WeChat, then SMS; the desk sees the reach', async () => {
  // 林晓's enterprise is in 东城一网格 (张伟, 王芳): with 王芳 off duty, both new requests go to 张伟
  await store().collection<User>(C.users).update('u-wangfang', { $set: { onDuty: false } });

  // 1. the admin's 提醒规则: quiet hours off (so this test's SMS goes whatever the hour), daily cap 30
  const admin = await open(1280);
  await world.loginAs(admin, '系统管理员');
  await admin.goto(`${world.base}/#/subpkg-admin/rules/index`);
  const rulesCard = admin.locator('.card').filter({ has: admin.getByText('提醒规则', { exact: true }) }).locator('visible=true').first();
  await rulesCard.waitFor();
  // the defaults: new work, urges and red requests by SMS when WeChat cannot reach
  for (const label of ['新工单', '催办', '超期转红']) {
    await expect(rulesCard.locator('.routing-row').filter({ hasText: label }).locator('select').inputValue()).resolves.toBe('fallback');
  }
  await rulesCard.locator('.notify-rules__switch .nut-switch').click();
  await visible(rulesCard, '已关闭（随时发送）').waitFor();
  await rulesCard.locator('.field').filter({ hasText: '每人每日短信上限' }).locator('input').fill('30');
  // a robot with a bad webhook is named next to its field and nothing is saved
  await visible(rulesCard, '+ 添加群机器人').click();
  await rulesCard.locator('.robot-row select').selectOption({ label: '云溪区' });
  await rulesCard.locator('.robot-row input').fill('https://example.com/hook');
  await button(admin, '保存').click();
  await visible(admin, '请填写企业微信群机器人的 Webhook 地址').waitFor();
  await part(admin, rulesCard, 'notify-09-admin-rules-error');
  await visible(rulesCard, '删除').click();
  await button(admin, '保存').click();
  await visible(admin, /当前第 \d+ 版/).waitFor();
  await part(admin, rulesCard, 'notify-10-admin-rules-saved');
  const saved = (await store().collection(C.settings).get('notify'))?.value as { quietHours: boolean; dailyCap: number; sms: Record<string, string>; robots: unknown[] };
  expect(saved).toMatchObject({ quietHours: false, dailyCap: 30, sms: { assignment: 'fallback', urge: 'fallback', red: 'fallback', status: 'fallback' }, robots: [] });

  // 2. the officer: 我的 → 提醒设置; no new-work reminders yet
  const officer = await open(390);
  await world.loginAs(officer, OFFICER.name);
  await visible(officer, '我的').click();
  await visible(officer, '提醒设置').waitFor();
  await visible(officer, '网格员').waitFor();
  await shot(officer, 'notify-01-me');
  await visible(officer, '提醒设置').click();
  const row = templateRow(officer, '新工单提醒');
  await visible(row, '没有可用的新工单提醒次数').waitFor();
  await visible(officer, '演示环境：浏览器中没有微信，点按钮会弹出模拟的微信订阅授权窗口，所选结果按真实授权记录。').waitFor();
  await shot(officer, 'notify-02-settings-before');
  await tallShot(officer, 'notify-02b-settings-before-full');

  // 3. 补充提醒次数 → the simulated WeChat sheet → 允许
  await button(row, '补充提醒次数').click();
  const sheet = officer.locator('.demo-consent');
  await visible(sheet, '诉求直通 申请向你发送以下消息').waitFor();
  await visible(sheet, '演示：模拟微信订阅授权').waitFor();
  await visible(sheet, '新工单提醒').waitFor();
  await visible(sheet, '总是保持以上选择，不再询问').waitFor();
  await shot(officer, 'notify-03-consent-sheet');
  await button(sheet, '允许').click();
  await sheet.waitFor({ state: 'detached' });
  await visible(row, '还可接收 1 条新工单提醒').waitFor();
  await shot(officer, 'notify-04-settings-after');
  // the server holds the consent, not just the page
  const sub = await store().collection<Subscription>(C.subscriptions).get(`${OFFICER.id}:newAssignment`);
  expect(sub).toMatchObject({ credits: 1, state: 'accept', granted: 1 });

  // 4. two requests of 林晓's enterprise are assigned to him
  const submit = (n: number, description: string) =>
    as(world, 'u-linxiao', { action: 'request.submit', clientKey: `e2e-notify-${n}`, category: 'dianli', description, photos: [], phone: '13612340001' });
  const first: ServiceRequest = (await submit(1, '新厂房配电柜安装完成，申请送电验收一周无人受理，影响设备调试。')).request;
  const second: ServiceRequest = (await submit(2, '厂区路灯线路老化，夜间多处不亮，存在安全隐患，请协调维修。')).request;
  const requests = store().collection<ServiceRequest>(C.requests);
  expect((await requests.get(first._id))?.assigneeId).toBe(OFFICER.id);
  expect((await requests.get(second._id))?.assigneeId).toBe(OFFICER.id);
  // the first spent the one consent and went by WeChat; the second found none and went by SMS
  const outbox = store().collection<OutboxEntry>(C.outbox);
  const toOfficer = async (r: ServiceRequest) => (await outbox.find({ requestId: r._id, userId: OFFICER.id }, { limit: 20 })).map((e) => `${e.channel ?? 'wechat'}:${e.status}`).sort();
  await expect(toOfficer(first)).resolves.toEqual(['wechat:sent']);
  await expect(toOfficer(second)).resolves.toEqual(['sms:sent', 'wechat:no_consent']);
  expect(await store().collection<Subscription>(C.subscriptions).get(`${OFFICER.id}:newAssignment`)).toMatchObject({ credits: 0, spent: 1 });

  // 5. his message center shows how each reached him
  await officer.goto(`${world.base}/#/pages/index/index`);
  await officer.reload();
  await visible(officer, '消息中心').click();
  const card = (r: ServiceRequest) => officer.locator('.message').filter({ hasText: r.no }).filter({ hasText: '您有新的诉求待签收' }).locator('visible=true').first();
  await card(first).waitFor();
  await expect(card(first).locator('.message__via').allTextContents()).resolves.toEqual(['微信提醒']);
  await expect(card(second).locator('.message__via').allTextContents()).resolves.toEqual(['短信']);
  const messages = await store().collection<Message>(C.messages).find({ userId: OFFICER.id, kind: 'assignment', requestId: { $in: [first._id, second._id] } });
  expect(messages.map((m) => [m.requestId, !!m.delivery?.wechat, !!m.delivery?.sms, m.delivery?.done]).sort()).toEqual(
    [[first._id, true, false, true], [second._id, false, true, true]].sort(),
  );
  await shot(officer, 'notify-05-messages');

  // 6. the dispatcher's 提醒触达, from the ledger
  const desk = await open(1280);
  await world.loginAs(desk, '孙丽');
  await visible(desk, '台账').click();
  await visible(desk, '提醒触达 ›').click();
  const reachRow = desk.locator('.reach-row').filter({ hasText: OFFICER.name }).locator('visible=true').first();
  /** the row as the page should show it, from desk.reach's answer (the seed's earlier assignments count too) */
  const expectedCells = async (days: number) => {
    const report = await as(world, 'u-sunli', { action: 'desk.reach', days });
    const r = (report.rows as ReachRow[]).find((x) => x.id === OFFICER.id)!;
    // this test's two: one by WeChat, one by SMS, both within the 5 minutes
    expect(r.assignments).toBeGreaterThanOrEqual(2);
    expect(r.byChannel.wechat).toBeGreaterThanOrEqual(1);
    expect(r.byChannel.sms).toBeGreaterThanOrEqual(1);
    expect(r).toMatchObject({ credits: 0, longTerm: false, hasPhone: true });
    return [
      `新工单 ${r.assignments}`, `5分钟内触达 ${r.rate === null ? '—' : `${r.rate}%`}`, `微信 ${r.byChannel.wechat}`, `短信 ${r.byChannel.sms}`,
      `仅站内 ${r.byChannel.inapp}`, `待发送 ${r.byChannel.pending}`, '微信提醒次数 0 次',
    ];
  };
  const shownCells = async () => (await reachRow.locator('.reach-cell').allTextContents()).map((t) => t.trim()).slice(1);
  await reachRow.waitFor();
  expect(await shownCells()).toEqual(await expectedCells(30));
  await visible(desk, '近7天').click();
  await desk.locator('.chip--active').filter({ hasText: '近7天' }).locator('visible=true').first().waitFor();
  await settled(desk);
  expect(await shownCells()).toEqual(await expectedCells(7));
  await tallShot(desk, 'notify-06-desk-reach');

  // 7. the leader's dashboard: 提醒发送 this month
  const leader = await open(1280);
  await world.loginAs(leader, '马建国');
  await visible(leader, '数据看板').click();
  const notifyCard = leader.locator('.notify-stats').locator('visible=true').first();
  await notifyCard.waitFor();
  const channelRow = async (label: string) => (await notifyCard.locator('.ftable__row').filter({ hasText: label }).first().locator('.ftable__cell').allTextContents()).map((t) => t.trim());
  // the page shows what stats.notify answers for the same period, and this test's two sends are in it
  const stats = await as(world, 'u-majianguo', { action: 'stats.notify', period: 'month' });
  for (const c of stats.channels as Array<{ label: string; sent: number; noConsent: number; failed: number; skipped: number; pending: number }>) {
    expect(await channelRow(c.label)).toEqual([c.label, ...[c.sent, c.noConsent, c.failed, c.skipped, c.pending].map(String)]);
  }
  const byChannel = Object.fromEntries((stats.channels as Array<{ channel: string; sent: number; noConsent: number }>).map((c) => [c.channel, c]));
  expect(byChannel.wechat.sent).toBeGreaterThanOrEqual(1);
  expect(byChannel.wechat.noConsent).toBeGreaterThanOrEqual(1);
  expect(byChannel.sms.sent).toBeGreaterThanOrEqual(1);
  expect(stats.consentsSpent).toBeGreaterThanOrEqual(1);
  await expect(notifyCard.locator('.notify-stats__num').textContent()).resolves.toBe(String(stats.consentsSpent));
  await part(leader, notifyCard, 'notify-07-dashboard-notify');

  // 8. an enterprise user chooses to get SMS too
  const ent = await open(390);
  await world.loginAs(ent, '林晓');
  await visible(ent, '我的').click();
  await visible(ent, '提醒设置').click();
  const optIn = ent.locator('.sms-optin').locator('visible=true').first();
  await visible(optIn, '同时接收短信提醒').waitFor();
  await visible(templateRow(ent, '办理进度提醒'), '没有可用的办理进度提醒次数').waitFor();
  await optIn.locator('.nut-switch').click();
  await visible(ent, '短信内容：需补充材料、办结、不予受理').waitFor();
  expect((await store().collection<User>(C.users).get('u-linxiao'))?.smsOptIn).toBe(true);
  await tallShot(ent, 'notify-08-enterprise-settings');

  // 9. a district's browser (password sign-in) has no WeChat: the page says so and offers SMS only.
  // Same server, the browser told it signed in with a password (what src/pages/login stores then).
  await ent.evaluate(() => localStorage.setItem('signInKind', JSON.stringify({ data: 'password' })));
  await ent.reload();
  await visible(ent, '浏览器中无法接收微信提醒，请在微信小程序中开启。下方短信提醒与消息中心在浏览器中照常可用。').waitFor();
  await visible(ent, '同时接收短信提醒').waitFor();
  expect(await ent.getByRole('button', { name: '补充提醒次数' }).locator('visible=true').count()).toBe(0);
  expect(await ent.locator('.tpl').locator('visible=true').count()).toBe(0);
  await shot(ent, 'notify-11-browser-only');
});
