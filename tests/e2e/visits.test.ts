/**
 * Official visits by QR code in a real browser against the local server (demo data seeded):
 * the enterprise prints its poster, an officer opens the code's URL and checks in, the enterprise
 * sees the notice and scores, the officer files a problem and checks out, saying what was done, by
 * uploading a photo of the code (the browser's local-test stand-in for the camera); every phone has a
 * location near the enterprise it visits; the over-cap, no-approval and late-registration paths; the visiting department's
 * pages show nothing of who scored or complained; two departments' plans for one enterprise in
 * one week are proposed and merged into one joint inspection. Screenshots go to E2E_SHOTS
 * (default .tmp/e2e-shots), named visit-*.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import type { Filter } from '../../core/ports';
import { DEMO_PLACES } from '../../core/seed/demo-visits';
import { gcj02ToWgs84 } from '../../src/shared/gcj02';
import { useE2EWorld } from '../support/e2e-world';
import { button, field, modalConfirm, pickDate, settled, until, visible } from '../support/pages';

jest.setTimeout(600_000); // a whole journey in a real browser on a busy 2-core machine

/** the server's own public base (world.base): the codes point here, so pages and codes share one origin */
const world = useE2EWorld('visits', {}, { baseHost: 'localhost' });

/** where the phones stand unless told (GCJ-02): enterprises without a registered location take it from the first visit */
const SOMEWHERE = { latitude: 30.2520, longitude: 120.1650 };

/** a phone standing at a place (GCJ-02, as the enterprise's location is kept; the browser reports WGS-84) */
const phone = (width = 390, at: { latitude: number; longitude: number } = SOMEWHERE) =>
  world.page(width, {
    height: 844, deviceScaleFactor: 1,
    geolocation: { ...gcj02ToWgs84(at.latitude, at.longitude), accuracy: 20 }, permissions: ['geolocation'],
  });

const shot = (page: Page, name: string, full = false) => world.shot(page, name, full);
const { loginAs } = world;
const chip = (page: Page, text: string) => page.locator('.chip', { hasText: text }).locator('visible=true').first();

/** wait until the stored state catches up with what the browser did */
const visitsOf = (filter: Filter) => world.server.ports.store.collection('visits').find(filter, { limit: 100 });

/** a code image on the page, fetched like a printer would and decoded back to its URL */
async function fetchCode(page: Page, selector: string): Promise<{ url: string; png: Buffer }> {
  const src = await page.locator(selector).locator('visible=true').first().evaluate((el) => {
    const img = el.tagName === 'IMG' ? (el as HTMLImageElement) : el.querySelector('img');
    return img?.getAttribute('src') ?? '';
  });
  const png = Buffer.from(await (await fetch(new URL(src, world.base))).arrayBuffer());
  const decoded = PNG.sync.read(png);
  const found = jsQR(new Uint8ClampedArray(decoded.data), decoded.width, decoded.height);
  if (!found) throw new Error(`no readable QR code in ${selector}`);
  return { url: found.data, png };
}
const decodePoster = (page: Page) => fetchCode(page, '.poster__qr');
const decodeImage = async (page: Page, selector: string) => (await fetchCode(page, selector)).url;

/** Beijing 'HH:mm' some minutes ago (not before today's midnight) */
function beijingHm(minutesAgo: number): string {
  const bj = new Date(Date.now() + 8 * 3600_000);
  const mins = Math.max(0, bj.getUTCHours() * 60 + bj.getUTCMinutes() - minutesAgo);
  return `${String(Math.floor(mins / 60)).padStart(2, '0')}:${String(mins % 60).padStart(2, '0')}`;
}

async function posterCodeOf(enterpriseUser: string): Promise<{ url: string; png: Buffer; page: Page }> {
  const page = await phone();
  await loginAs(page, enterpriseUser);
  await visible(page, '公务入企码').click();
  await visible(page, '公务入企 请扫码备案').waitFor();
  await page.locator('.poster__qr').locator('visible=true').first().waitFor();
  return { ...(await decodePoster(page)), page };
}

test('officer opens the code URL and checks in; the enterprise is told and scores; the officer files a problem and checks out', async () => {
  // 1. the enterprise (曹颖, 西湖创想软件开发有限公司) prints its poster; its code decodes to the scan page
  const { url, png, page: ent } = await posterCodeOf('曹颖');
  await shot(ent, 'visit-01-poster', true);
  // the code image alone can be downloaded as a file named for the enterprise
  const download = ent.locator('a[download]').locator('visible=true').first();
  await expect(download.getAttribute('download')).resolves.toBe('西湖创想软件开发有限公司-入企扫码.png');
  const image = await ent.request.get(new URL((await download.getAttribute('href'))!, world.base).href);
  expect(image.headers()['content-type']).toMatch(/^image\/png/);
  // 下载海报图片: the whole poster composed on a canvas (WeChat: 保存到相册 / 分享 the same image), a PNG
  // of the poster's size, whose code still reads as the poster's
  const [saved] = await Promise.all([ent.waitForEvent('download'), button(ent, '下载海报图片').click()]);
  expect(saved.suggestedFilename()).toBe('西湖创想软件开发有限公司-入企扫码海报.png');
  const posterPng = readFileSync((await saved.path())!);
  expect(posterPng.subarray(1, 4).toString('latin1')).toBe('PNG');
  const composed = PNG.sync.read(posterPng);
  const bare = PNG.sync.read(png);
  expect(composed.width).toBe(1125); // the 375-unit poster at 3 pixels a unit
  expect(composed.height).toBeGreaterThan(composed.width * 1.5);
  expect([composed.width, composed.height]).not.toEqual([bare.width, bare.height]);
  expect(jsQR(new Uint8ClampedArray(composed.data), composed.width, composed.height)?.data).toBe(url);
  // the red band across the top, white below it, as on the page
  const pixel = (x: number, y: number) => [...composed.data.subarray((y * composed.width + x) * 4, (y * composed.width + x) * 4 + 3)];
  expect(pixel(20, 20)).toEqual([0xc6, 0x28, 0x28]);
  expect(pixel(20, 150)).toEqual([255, 255, 255]);
  writeFileSync(join(world.shots, 'visit-01b-poster-image.png'), posterPng);
  await button(ent, '下载海报图片').scrollIntoViewIfNeeded();
  await shot(ent, 'visit-01c-poster-tools');
  expect(url).toMatch(new RegExp(`^${world.base}/#/subpkg-visit/scan/index\\?scene=[0-9A-Za-z]{20}$`));
  const pngPath = join(world.dataDir, 'poster-code.png');
  writeFileSync(pngPath, png);

  // 2. the grid officer (赵磊) opens the code's URL on a phone not yet signed in: login, then straight back
  const off = await phone();
  await off.goto(url);
  await visible(off, '本地演示登录').waitFor();
  await visible(off, '赵磊').click();
  await visible(off, '西湖创想软件开发有限公司').waitFor();
  await visible(off, '入企人员').waitFor();
  await chip(off, '帮扶走访').click();
  await field(off, '简要说明本次入企要做的事').fill('了解软件企业人才引进和研发补贴需求');
  await shot(off, 'visit-02-checkin', true);
  await button(off, '确认签到').click();
  await visible(off, '入企中').waitFor();
  await visible(off, '代企业反映问题').waitFor();
  await shot(off, 'visit-03-in-visit');
  const [visit] = await visitsOf({ enterpriseId: 'e-024', status: 'open' });
  expect(visit).toMatchObject({ purpose: 'help', memberIds: ['u-zhaolei'], flags: [], location: { missing: null, accuracy: 20 }, site: { source: 'first_visit' } });

  // a problem found on the visit is filed for the enterprise and enters the normal queue
  await chip(off, '用工与人才').click();
  await chip(off, '用工招聘').click();
  await field(off, '企业遇到的问题和诉求').fill('研发岗位招聘困难，希望对接高校人才双选会');
  await field(off, '承办人员将通过此电话联系企业').fill('13612340008');
  await button(off, '提交诉求').click();
  await until(async () => (await world.server.ports.store.collection('requests').find({ visitId: visit._id }, { limit: 5 })).length === 1);
  const [filed] = await world.server.ports.store.collection('requests').find({ visitId: visit._id }, { limit: 5 });
  expect(filed).toMatchObject({ channel: 'visit', enterpriseId: 'e-024', status: 'assigned' });

  // 3. the enterprise sees the check-in notice and scores the visit
  await ent.goto(`${world.base}/#/pages/index/index`);
  await ent.reload();
  await visible(ent, '消息中心').click();
  await visible(ent, '公务入企备案').waitFor();
  await shot(ent, 'visit-04-enterprise-messages');
  await visible(ent, '公务入企备案').click();
  await visible(ent, '本企业入企记录').waitFor();
  await visible(ent, '为本次入企评分（对被访部门匿名）').waitFor();
  await ent.locator('.visit-card .nut-rate-item').locator('visible=true').nth(4).click();
  await field(ent, '说说本次入企的感受').fill('提前沟通，没有打扰生产');
  await button(ent, '提交评价').click();
  await visible(ent, '我的评价').waitFor();
  await shot(ent, 'visit-05-enterprise-history', true);

  // 4. the officer says what was done and checks out by uploading a photo of the code (the browser's local-test stand-in for the camera)
  await field(off, '本次入企做了什么').fill('了解研发补贴申报需求，已介绍人才引进政策');
  await field(off, '本次入企做了什么').scrollIntoViewIfNeeded();
  await shot(off, 'visit-05a-checkout-form');
  const chooser = off.waitForEvent('filechooser');
  await button(off, '扫码签退（仅供本地测试：上传二维码照片）').click();
  await (await chooser).setFiles(pngPath);
  await visible(off, '已签退').waitFor({ timeout: 15_000 });
  const closed = (await visitsOf({ _id: visit._id }))[0];
  expect(closed).toMatchObject({ status: 'closed', scoreSum: 5, scoreCount: 1 });
  expect((closed.members as Array<{ leftBy: string; outcome: string }>)[0]).toMatchObject({ leftBy: 'scan', outcome: '了解研发补贴申报需求，已介绍人才引进政策' });

  await ent.reload();
  await visible(ent, '已签退').waitFor();
  const titles = (await world.server.ports.store.collection('messages').find({ userId: 'u-caoying' }, { limit: 50 })).map((m) => m.title);
  expect(titles).toEqual(expect.arrayContaining(['公务入企备案', '公务入企已签退', '诉求已提交']));
});

test('above the cap check-in asks for a reason and is flagged; the same code checks out', async () => {
  // 东城新材料 had two unrequested visits this month (demo data): the third needs a reason
  const { url } = await posterCodeOf('林晓');
  const off = await phone(390, DEMO_PLACES['e-002']);
  await loginAs(off, '王芳');
  await off.goto(url);
  await visible(off, /本次入企已超出频次/).waitFor();
  await chip(off, '政策宣讲').click();
  await button(off, '确认签到').click();
  await visible(off, /已超出无事不扰频次，请填写入企理由/).first().waitFor();
  await field(off, '说明本次入企的必要性').fill('新出台的稳岗补贴申报截止在即，需当面指导');
  await shot(off, 'visit-06-over-cap', true);
  await button(off, '确认签到').click();
  await visible(off, '超出无事不扰频次').waitFor();
  const [v] = await visitsOf({ enterpriseId: 'e-002', status: 'open' });
  expect(v).toMatchObject({ flags: ['over_cap'], overCapReason: '新出台的稳岗补贴申报截止在即，需当面指导' });

  // scanning the same code again offers check-out, which asks what was done
  await off.goto(url);
  await field(off, '本次入企做了什么').fill('指导企业申报稳岗补贴');
  await button(off, '签退').click();
  await visible(off, '签退成功').waitFor();
  await shot(off, 'visit-07-checked-out');
  expect((await visitsOf({ _id: v._id }))[0].status).toBe('closed');
});

test('an inspection without an approval reference is flagged red for the dispatcher; a late registration is marked', async () => {
  const { url: xumingCode } = await posterCodeOf('许明');
  const { url: gaopengCode } = await posterCodeOf('高鹏');

  // 住建局 inspects without an approval reference
  const insp = await phone();
  await loginAs(insp, '冯玉');
  await insp.goto(xumingCode);
  await chip(insp, '执法检查').click();
  await visible(insp, '未填写报批备案号的执法检查将标红预警，并报营商环境优化中心').waitFor();
  await field(insp, '法律法规名称及条款').fill('《建设工程安全生产管理条例》第四十三条');
  await shot(insp, 'visit-08-inspection-no-approval', true);
  await button(insp, '确认签到').click();
  await visible(insp, /执法检查无报批备案号/).waitFor();

  // two-way codes: the enterprise scans the inspector's personal code at the door
  await insp.goto(`${world.base}/#/subpkg-visit/official-code/index`);
  await visible(insp, '公务人员亮证码').waitFor();
  await insp.locator('.badge__qr').locator('visible=true').first().waitFor();
  await shot(insp, 'visit-08a-official-code');
  const officialUrl = await decodeImage(insp, '.badge__qr');
  expect(officialUrl).toMatch(new RegExp(`^${world.base}/#/subpkg-visit/check/index\\?scene=[0-9A-Za-z]{20}$`));
  const ent = await phone();
  await loginAs(ent, '许明');
  await ent.goto(officialUrl);
  await visible(ent, '✓ 已扫码备案').waitFor();
  await visible(ent, '《建设工程安全生产管理条例》第四十三条').waitFor();
  await visible(ent, '未提供').waitFor();
  await shot(ent, 'visit-08b-enterprise-checks-official', true);

  await insp.goto(xumingCode);
  await field(insp, '本次入企做了什么').fill('检查在建项目施工安全，未发现问题');
  await button(insp, '签退').click();
  await visible(insp, '签退成功').waitFor();

  // 自然资源局: an emergency inspection registered after the fact, before leaving
  const late = await phone(390, DEMO_PLACES['e-001']);
  await loginAs(late, '钱军');
  await late.goto(gaopengCode);
  await visible(late, '紧急执法未能事先扫码？事后补录').click();
  await visible(late, '紧急执法事后补录').waitFor();
  await chip(late, '执法检查').click();
  await field(late, '如：云住建检备').fill('云自然检〔2026〕031号');
  await field(late, '法律法规名称及条款').fill('《土地管理法》第六十七条');
  await late.locator('input[aria-label="实际入企时间"]').locator('visible=true').first().fill(beijingHm(40));
  await field(late, '说明未能事先扫码的紧急情况').fill('接举报厂区违规开挖取土，须立即制止');
  await shot(late, 'visit-09-late-registration', true);
  await button(late, '提交补录').click();
  await visible(late, /事后补录/).first().waitFor();
  await until(async () => (await visitsOf({ enterpriseId: 'e-001', status: 'open' })).length === 1);
  const [lateVisit] = await visitsOf({ enterpriseId: 'e-001', status: 'open' });
  expect(lateVisit.flags).toEqual(['late']);

  // the dispatcher's desk shows both, the no-approval one red
  const desk = await phone(1100);
  await loginAs(desk, '孙丽');
  await visible(desk, '入企监管').click();
  await visible(desk, '按入企事由').waitFor();
  await shot(desk, 'visit-10-desk-figures');
  await desk.locator('.tabs__item', { hasText: '红色' }).locator('visible=true').first().click();
  await visible(desk, '朝阳智能装备有限公司').waitFor();
  await shot(desk, 'visit-11-desk-red', true);
  await desk.locator('.tabs__item', { hasText: '预警' }).locator('visible=true').first().click();
  await visible(desk, '事后补录').waitFor();
  await visible(desk, '云溪精密机械制造有限公司').waitFor();
});

test("the visiting department's pages never show who scored or complained; supervisors see it", async () => {
  // demo data: 高鹏 scored 住建局's inspection of 云溪精密机械 2 stars and complained about it
  const [inspected] = await visitsOf({ enterpriseId: 'e-001', purpose: 'inspection', requested: false, late: null });
  expect(inspected.complaintCount).toBe(1);

  const dept = await phone(1100);
  await loginAs(dept, '冯玉');
  await visible(dept, '本部门入企').click();
  await visible(dept, '按部门').waitFor();
  await dept.goto(`${world.base}/#/subpkg-visit/detail/index?id=${inspected._id}`);
  await visible(dept, '入企人员').waitFor();
  await shot(dept, 'visit-12-department-view', true);
  const seen = await dept.locator('body').innerText();
  for (const secret of ['高鹏', '13612340002', '没有提前通知', '企业评价与投诉', '企业投诉', '低分']) expect(seen).not.toContain(secret);
  await dept.goto(`${world.base}/#/subpkg-visit/desk/index`);
  await visible(dept, '按入企事由').waitFor();
  expect(await dept.locator('body').innerText()).not.toContain('高鹏');

  const sup = await phone(1100);
  await loginAs(sup, '孙丽');
  await sup.goto(`${world.base}/#/subpkg-visit/detail/index?id=${inspected._id}`);
  await visible(sup, '企业评价与投诉').waitFor();
  await visible(sup, /高鹏/).waitFor();
  await shot(sup, 'visit-13-supervisor-view', true);
});

test('two departments plan one enterprise in one week: proposed as one joint inspection and merged', async () => {
  const planFor = async (who: string, items: string, basis: string, fromOffset: number) => {
    const page = await phone();
    await loginAs(page, who);
    await visible(page, '检查计划').click();
    await visible(page, '登记检查计划').waitFor();
    await page.locator('select').locator('visible=true').first().selectOption({ label: '西湖创想软件开发有限公司（西湖二网格）' });
    await field(page, '如：在建厂房施工安全').fill(items);
    await field(page, '法律法规名称及条款').fill(basis);
    const day = (n: number) => new Date(Date.now() + 8 * 3600_000 + n * 86400_000).toISOString().slice(0, 10);
    // the 年/月/日 picker, as in WeChat (the browser's own date input would read mm/dd/yyyy)
    const dates = page.locator('.date-input').locator('visible=true');
    await pickDate(page, dates.nth(0), day(fromOffset));
    await pickDate(page, dates.nth(1), day(fromOffset + 3));
    await button(page, '登记并发送检查预告').click();
    return page;
  };
  await planFor('钱军', '软件园区用地性质核查', '《土地管理法》第六十七条', 2);
  const second = await planFor('冯玉', '研发楼装修消防安全检查', '《建设工程消防监督管理规定》第五条', 3);
  await visible(second, '可合并为联合检查').waitFor();
  await modalConfirm(second).click();
  const proposal = second.locator('.proposal', { hasText: '西湖创想软件开发有限公司' }).locator('visible=true').first();
  await proposal.waitFor();
  await proposal.scrollIntoViewIfNeeded();
  await settled(second); // the toast has faded
  expect(await proposal.innerText()).toContain('区自然资源局');
  expect(await proposal.innerText()).toContain('区住房和城乡建设局');
  await shot(second, 'visit-14-joint-proposal', true);
  await proposal.getByRole('button', { name: '合并为联合检查' }).click();
  await modalConfirm(second).click();
  await until(async () => (await world.server.ports.store.collection('visit_plans').find({ enterpriseId: 'e-024', status: 'merged' }, { limit: 5 })).length === 2);

  // the enterprise sees one joint inspection announced
  const ent = await phone();
  await loginAs(ent, '曹颖');
  await visible(ent, '入企记录').click();
  await visible(ent, /联合检查：区自然资源局、区住房和城乡建设局/).waitFor();
  await shot(ent, 'visit-15-enterprise-joint-notice', true);
});
