/**
 * Visits that prove presence, in a real browser against the local server (demo data seeded): an
 * official checks in from far away (the phone's location several kilometres from the enterprise's
 * registered one) and is flagged red; the supervisor's visit list shows it red with the distance;
 * check-out asks what was done and turns a problem found into a request; the enterprise's score
 * forms (a visit, a request) start with no star chosen and refuse to send without one.
 * Screenshots go to E2E_SHOTS (default .tmp/e2e-shots), named presence-*.
 */
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import type { Filter } from '../../core/ports';
import { haversine } from '../../core/visits/presence';
import { gcj02ToWgs84 } from '../../src/shared/gcj02';
import { useE2EWorld } from '../support/e2e-world';
import { button, field, until, visible } from '../support/pages';

jest.setTimeout(600_000);

/** 西湖创想软件开发有限公司 (e-024), as the admin registered it (GCJ-02) */
const SITE = { latitude: 30.2600, longitude: 120.1300 };
/** where the official really is: ~4 km away */
const FAR = { latitude: 30.2900, longitude: 120.1550 };

const world = useE2EWorld('presence', {}, { baseHost: 'localhost' });
beforeAll(async () => {
  await world.server.ports.store.collection('enterprises').update('e-024', {
    $set: { location: { ...SITE, source: 'admin', setAt: new Date().toISOString(), setById: 'u-admin', setByName: '系统管理员', visitId: null, visitNo: null } },
  });
});

/** a phone at a place (GCJ-02; the browser reports WGS-84), or with location refused */
const phone = (width: number, at: { latitude: number; longitude: number } | null) =>
  world.page(width, {
    height: 844, deviceScaleFactor: 1,
    ...(at ? { geolocation: { ...gcj02ToWgs84(at.latitude, at.longitude), accuracy: 30 }, permissions: ['geolocation'] } : {}),
  });

const shot = (page: Page, name: string, full = false) => world.shot(page, name, full);
const { loginAs } = world;
const chip = (page: Page, text: string) => page.locator('.chip', { hasText: text }).locator('visible=true').first();
const visitsOf = (filter: Filter) => world.server.ports.store.collection('visits').find(filter, { limit: 100 });
/** stars shown as chosen in a score form */
const chosenStars = (scope: ReturnType<Page['locator']>) => scope.locator('.nut-rate-item-icon:not(.nut-rate-item-icon-disabled)').count();

/** the enterprise's code URL, decoded from its poster like a phone camera would */
async function posterUrl(contact: string): Promise<string> {
  const page = await phone(390, SITE);
  await loginAs(page, contact);
  await visible(page, '公务入企码').click();
  await visible(page, '公务入企 请扫码备案').waitFor();
  const img = page.locator('.poster__qr').locator('visible=true').first();
  await img.waitFor();
  const src = await img.evaluate((el) => (el.tagName === 'IMG' ? (el as HTMLImageElement) : el.querySelector('img'))?.getAttribute('src') ?? '');
  const png = PNG.sync.read(Buffer.from(await (await fetch(new URL(src, world.base))).arrayBuffer()));
  const found = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  if (!found) throw new Error('no readable code on the poster');
  await page.context().close();
  return found.data;
}

test('a check-in from far away is flagged red with the distance on the supervisor\'s list; check-out asks what was done and files the problem found', async () => {
  const url = await posterUrl('曹颖');

  // 赵磊 scans the code ~4 km from the enterprise
  const off = await phone(390, FAR);
  await loginAs(off, '赵磊');
  await off.goto(url);
  await visible(off, '核验位置').waitFor();
  await visible(off, /与企业登记位置比对；距离超过 500 米的将标红预警/).waitFor();
  await chip(off, '政策宣讲').click();
  await button(off, '确认签到').click();
  await visible(off, '入企中').waitFor();
  await visible(off, /距离过远/).waitFor();
  const [visit] = await visitsOf({ enterpriseId: 'e-024', status: 'open' });
  const expected = Math.round(haversine(FAR, SITE));
  expect(expected).toBeGreaterThan(3000);
  expect(visit).toMatchObject({ flags: ['far'], red: true, site: { source: 'admin' } });
  // the browser's WGS-84 fix, converted back to GCJ-02, lands within metres of where the phone was put
  expect(Math.abs((visit.farthest as number) - expected)).toBeLessThan(20);
  await visible(off, /扫码位置距企业过远/).waitFor();
  await shot(off, 'presence-01-far-checkin', true);

  // the supervisor's list: red, with the distance (desk at 1280 and on a phone)
  const desk = await phone(1280, null);
  await loginAs(desk, '孙丽');
  await desk.goto(`${world.base}/#/subpkg-visit/desk/index`);
  await visible(desk, '按入企事由').waitFor();
  await desk.locator('.tabs__item', { hasText: '红色' }).locator('visible=true').first().click();
  const card = desk.locator('.visit-card', { hasText: '西湖创想软件开发有限公司' }).locator('visible=true').first();
  await card.waitFor();
  const km = `${((visit.farthest as number) / 1000).toFixed(1)} 公里`;
  expect(await card.innerText()).toContain(`扫码位置距企业最远 ${km}`);
  expect(await card.locator('.flag-tag--red', { hasText: '扫码位置距企业过远' }).count()).toBe(1);
  expect(await card.locator('.visit-card__place--far').count()).toBe(1);
  await card.scrollIntoViewIfNeeded();
  await shot(desk, 'presence-02-desk-red-1280');
  await card.click();
  await visible(desk, '企业位置').waitFor();
  await visible(desk, /管理员登记/).waitFor();
  await visible(desk, /签到位置：距企业 .* 公里（定位精度 ±30 米） · 距离过远/).waitFor();
  await shot(desk, 'presence-03-supervisor-detail', true);
  const mobileDesk = await phone(390, null);
  await loginAs(mobileDesk, '孙丽');
  await mobileDesk.goto(`${world.base}/#/subpkg-visit/desk/index`);
  await mobileDesk.locator('.tabs__item', { hasText: '红色' }).locator('visible=true').first().click();
  await mobileDesk.locator('.visit-card', { hasText: '西湖创想软件开发有限公司' }).locator('visible=true').first().scrollIntoViewIfNeeded();
  await shot(mobileDesk, 'presence-04-desk-red-390');

  // check-out: without what was done nothing is sent; with a problem found, it becomes a request
  await off.goto(url);
  await field(off, '本次入企做了什么').waitFor();
  await button(off, '签退').click();
  await visible(off, '请填写办理情况（至少2个字）').waitFor();
  expect((await visitsOf({ _id: visit._id }))[0].status).toBe('open');
  await field(off, '本次入企做了什么').fill('宣讲研发费用加计扣除政策，企业反映办公用房不足');
  await visible(off, /发现问题，代企业反映/).click();
  // a group (大类), then its category (小类)
  await chip(off, '项目建设与用地').click();
  await off.locator('.category-picker__leaf', { hasText: /^用地$/ }).locator('visible=true').first().click();
  await field(off, '企业遇到的问题和诉求').fill('企业扩招研发人员，现有办公用房不足，希望协调园区周转用房');
  await field(off, '承办人员将通过此电话联系企业').fill('13612340008');
  await shot(off, 'presence-05-checkout-form', true);
  await button(off, '签退').click();
  await visible(off, '签退成功').waitFor();
  await until(async () => (await world.server.ports.store.collection('requests').find({ visitId: visit._id }, { limit: 5 })).length === 1);
  const [filed] = await world.server.ports.store.collection('requests').find({ visitId: visit._id }, { limit: 5 });
  expect(filed).toMatchObject({ channel: 'visit', enterpriseId: 'e-024', category: 'yongdi' });
  const closed = (await visitsOf({ _id: visit._id }))[0];
  expect(closed).toMatchObject({ status: 'closed', requestIds: [filed._id] });
  expect((closed.members as Array<{ outcome: string }>)[0].outcome).toBe('宣讲研发费用加计扣除政策，企业反映办公用房不足');

  // the enterprise's visit score starts with no star; sending without one says so and sends nothing
  const ent = await phone(390, SITE);
  await loginAs(ent, '曹颖');
  await ent.goto(`${world.base}/#/subpkg-visit/history/index?id=${visit._id}`);
  const form = ent.locator('.visit-card--highlight .visit-score').locator('visible=true').first();
  await form.waitFor();
  expect(await chosenStars(form)).toBe(0);
  await visible(ent, '请点选星级').waitFor();
  // opened on this visit: its details (what was done) show
  await visible(ent, /宣讲研发费用加计扣除政策/).waitFor();
  await shot(ent, 'presence-06-enterprise-visit-score', true);
  await form.getByRole('button', { name: '提交评价' }).click();
  await visible(ent, '请选择评分').waitFor();
  expect(await world.server.ports.store.collection('visit_feedback').count({ visitId: visit._id })).toBe(0);
  await form.locator('.nut-rate-item').nth(3).click();
  expect(await chosenStars(form)).toBe(4);
  await visible(ent, '满意').waitFor();
  await form.getByRole('button', { name: '提交评价' }).click();
  await until(async () => (await world.server.ports.store.collection('visit_feedback').count({ visitId: visit._id })) === 1);
});

test('the request score form shows no preselected stars and will not send without a choice', async () => {
  // demo data: 曹颖's labour-contract request is resolved and waits for her score
  const [req] = await world.server.ports.store.collection('requests').find({ enterpriseId: 'e-024', status: 'resolved' }, { limit: 1 });
  expect(req).toBeTruthy();
  const ent = await phone(390, null);
  await loginAs(ent, '曹颖');
  await ent.goto(`${world.base}/#/subpkg-enterprise/detail/index?id=${req._id}`);
  await button(ent, '确认并评价').waitFor();
  const form = ent.locator('.action-card').locator('visible=true').first();
  expect(await chosenStars(form)).toBe(0);
  await visible(ent, '请点选星级').waitFor();
  await form.scrollIntoViewIfNeeded();
  await shot(ent, 'presence-07-request-score-empty');
  await button(ent, '确认并评价').click();
  await visible(ent, '请为办理结果打分').waitFor();
  expect((await world.server.ports.store.collection('requests').get(req._id))!.status).toBe('resolved');
  await form.locator('.nut-rate-item').nth(2).click();
  expect(await chosenStars(form)).toBe(3);
  await button(ent, '确认并评价').click();
  await until(async () => (await world.server.ports.store.collection('requests').get(req._id))!.status !== 'resolved');
});

test('the admin sees where an enterprise\'s location came from and registers it from where they stand', async () => {
  // demo data: 东城新材料 (e-002) took its location from its first visit
  const before = (await world.server.ports.store.collection('enterprises').get('e-002'))!.location as { source: string; visitNo: string };
  expect(before).toMatchObject({ source: 'first_visit' });
  const HERE = { latitude: 30.2755, longitude: 120.1570 };
  const admin = await phone(1280, HERE);
  await loginAs(admin, '系统管理员');
  await admin.goto(`${world.base}/#/subpkg-admin/enterprises/index`);
  await field(admin, '企业名称或信用代码').fill('东城新材料');
  await button(admin, '搜索').click();
  const row = admin.locator('.ent-row', { hasText: '东城新材料科技有限公司' }).locator('visible=true').first();
  await row.getByText(`位置：取自首次入企 ${before.visitNo}`, { exact: false }).waitFor();
  await row.getByText('编辑', { exact: true }).click();
  await visible(admin, `当前：取自首次入企 ${before.visitNo}（张伟签到）`).waitFor();
  await button(admin, '取当前位置').click();
  await until(async () => (await field(admin, '纬度').inputValue()) !== String((before as unknown as { latitude: number }).latitude));
  await shot(admin, 'presence-08-admin-location');
  await button(admin, '保存').click();
  await until(async () => ((await world.server.ports.store.collection('enterprises').get('e-002'))!.location as { source: string }).source === 'admin');
  const after = (await world.server.ports.store.collection('enterprises').get('e-002'))!.location as { latitude: number; longitude: number; setByName: string };
  expect(haversine(after, HERE)).toBeLessThan(5);
  expect(after.setByName).toBe('系统管理员');
  await row.getByText('位置：管理员登记（系统管理员）').waitFor();
});
