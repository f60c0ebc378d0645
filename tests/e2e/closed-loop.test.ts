/**
 * The whole loop in a real browser against the local server on a temp data dir, with two
 * identities: the enterprise submits → the assigned officer finds it, accepts, resolves →
 * the enterprise sees the notification and scores it. Screenshots of each step go to
 * E2E_SHOTS (default .tmp/e2e-shots) for people to look at.
 *
 * It runs twice: on SQLite (the self-hosted store), and on the CloudBase adapter over the CloudBase
 * test bed (tests/cloudbase), the store the WeChat deployment ships on.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { cloudbaseStore } from '../../adapters/cloudbase-store';
import { UNIQUE_INDEXES } from '../../core/collections';
import { createTestBed } from '../cloudbase/testbed';
import { useE2EWorld } from '../support/e2e-world';
import { button, field, modalConfirm, visible } from '../support/pages';

jest.setTimeout(600_000); // a whole journey in a real browser on a busy 2-core machine

const STORE = process.env.E2E_STORE === 'cloudbase' ? 'cloudbase' : 'sqlite';

/** the CloudBase adapter on a fresh test bed, with the unique indexes npm run cloud:setup creates */
function cloudbaseOnTestBed() {
  const bed = createTestBed();
  bed.sdk.init({ env: bed.sdk.DYNAMIC_CURRENT_ENV });
  for (const [collection, list] of Object.entries(UNIQUE_INDEXES)) for (const fields of list) bed.createIndex(collection, fields.split(','), { unique: true });
  return cloudbaseStore(bed.sdk.database());
}

const world = useE2EWorld('loop', () => (STORE === 'cloudbase' ? { store: cloudbaseOnTestBed() } : {}));
beforeAll(() => console.log(`e2e browser: ${world.browserSource}`));

const phone = () => world.page(390, { deviceScaleFactor: 1 });
const shot = (page: Page, name: string) => world.shot(page, STORE === 'cloudbase' ? `cloudbase-${name}` : name, false);
const { loginAs } = world;

const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
  'base64',
);

test('enterprise submits, officer accepts and resolves, enterprise sees the notice and scores', async () => {
  // which store this run is on: SQLite has its handle, the CloudBase adapter has none
  expect('db' in world.server.ports.store).toBe(STORE === 'sqlite');
  const photoPath = join(world.dataDir, 'site.png');
  writeFileSync(photoPath, PHOTO);
  const description = '新建车间需要增容用电，报装申请提交两周仍无人联系，影响设备调试。';

  // 1. the enterprise user (林晓, 东城新材料科技有限公司) submits
  const ent = await phone();
  await loginAs(ent, '林晓');
  await shot(ent, '01-enterprise-home');
  await visible(ent, '提交诉求').click();
  // a group (大类), then its category (小类)
  await visible(ent, '水电气热').click();
  await visible(ent, '获得电力').click();
  await field(ent, '请描述遇到的问题').fill(description);
  const chooser = ent.waitForEvent('filechooser');
  const uploaded = ent.waitForResponse((r) => r.url().endsWith('/upload') && r.status() === 200);
  await ent.locator('.uploader__add').locator('visible=true').first().click();
  await (await chooser).setFiles(photoPath);
  await uploaded;
  await visible(ent, '上传中…').waitFor({ state: 'detached' }).catch(() => undefined);
  await field(ent, '承办人员将通过此电话联系您').fill('13612340001');
  await shot(ent, '02-enterprise-submit-form');
  await button(ent, '提交').click();
  // plain words for the enterprise: who handles it, not the queue, the rule or the officer's load
  await visible(ent, /^已安排网格员\S+为您办理$/).waitFor({ timeout: 15_000 });
  await shot(ent, '03-enterprise-detail-assigned');
  const assignedText = await visible(ent, /^已安排网格员\S+为您办理$/).textContent();
  const officerName = /已安排网格员(\S+?)为您办理/.exec(assignedText ?? '')![1];
  expect(['张伟', '王芳']).toContain(officerName);
  const entText = await ent.locator('body').innerText();
  expect(entText).not.toMatch(/分派队列|在办 \d+ 件|（网格 /);
  const requestNo = /SQ\d{12}/.exec((await visible(ent, /SQ\d{12}/).textContent())!)![0];

  // 2. the assigned officer finds it in the inbox, accepts, adds progress, resolves
  const off = await phone();
  await loginAs(off, officerName);
  await visible(off, '我的工单').click();
  await visible(off, requestNo).click();
  await shot(off, '04-officer-detail-assigned');
  await button(off, '签收').click();
  await visible(off, /已签收，开始办理/).waitFor();
  // one form at a time: 进展 is open, 办结 and 补充材料 are a tap away
  const segments = off.locator('.segmented').locator('visible=true').first();
  expect(await segments.locator('.segmented__item').allInnerTexts()).toEqual(['进展', '办结', '补充材料']);
  expect(await off.locator('textarea').locator('visible=true').count()).toBe(1);
  await field(off, '记录联系企业').fill('已联系供电公司，明天上午现场勘察');
  await button(off, '添加进展').click();
  await visible(off, '已联系供电公司，明天上午现场勘察').waitFor();
  await segments.getByText('办结', { exact: true }).click();
  await field(off, '填写办理结果').fill('已向企业说明增容报装流程，供电公司排期本周五送电');
  // the type is chosen, never defaulted: 办结 without it asks for it
  await button(off, '办结').click();
  await visible(off, '请选择办理结果类型').waitFor();
  await off.locator('#resolve-form').getByText('已解释说明', { exact: true }).click();
  // the officer has scrolled down to the form, as on a phone: again if the page was still gliding back
  // to its top after 添加进展 (showTop's 200 ms scroll, slower on a busy machine, undoes a scroll made meanwhile)
  const scrolled = () => off.evaluate(() => (document.scrollingElement?.scrollTop ?? 0) + Array.from(document.querySelectorAll('.taro_page')).reduce((n, el) => n + el.scrollTop, 0));
  const form = off.locator('#resolve-form').locator('visible=true').first();
  for (let tries = 0; tries < 20; tries++) {
    await form.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await off.waitForTimeout(150);
    if ((await scrolled()) > 0) break;
  }
  expect(await scrolled()).toBeGreaterThan(0);
  await button(off, '办结').click();
  // 办结 cannot be undone: the modal says so, and nothing is sent before it is confirmed
  await visible(off, /将以“已解释说明”办结本诉求/).waitFor();
  await shot(off, '05a-officer-resolve-confirm');
  expect((await world.server.ports.store.collection('requests').find({ no: requestNo }))[0].status).toBe('accepted');
  await modalConfirm(off).click();
  await visible(off, /^办结（已解释说明）：已向企业说明增容报装流程/).waitFor();
  // the page is back at its top, where the new status shows
  await off.waitForFunction(() => (document.scrollingElement?.scrollTop ?? 0) + Array.from(document.querySelectorAll('.taro_page')).reduce((n, el) => n + el.scrollTop, 0) === 0);
  await visible(off, '待评价').waitFor();
  await shot(off, '05-officer-resolved');

  // 3. back to the enterprise: the notification is there; open it and score
  await ent.goto(`${world.base}/#/pages/index/index`);
  await ent.reload();
  await visible(ent, '消息中心').click();
  await visible(ent, '诉求已办结，请评价').waitFor();
  await shot(ent, '06-enterprise-messages');
  await visible(ent, '诉求已办结，请评价').click();
  await button(ent, '确认并评价').waitFor();
  // the enterprise reads the result type before it scores
  await visible(ent.locator('.result-kind'), '已解释说明').waitFor();
  await ent.locator('.nut-rate-item').locator('visible=true').nth(4).click();
  await field(ent, '说说您的感受').fill('响应及时，解决彻底');
  await shot(ent, '07-enterprise-scoring');
  await button(ent, '确认并评价').click();
  await visible(ent, /企业确认办结，评分 5 分/).waitFor();
  await shot(ent, '08-enterprise-closed');

  // what the browser showed is what was stored
  const stored = await world.server.ports.store.collection('requests').find({ no: requestNo });
  expect(stored).toHaveLength(1);
  expect(stored[0]).toMatchObject({ status: 'closed', score: 5, comment: '响应及时，解决彻底', description });
  expect((stored[0].photos as string[])[0]).toMatch(/^local:\/\/uploads\/[a-f0-9]{24}\.png$/);
  expect((stored[0].timeline as Array<{ type: string }>).map((e) => e.type)).toEqual(['submitted', 'assigned', 'accepted', 'progress', 'resolved', 'closed']);
});

test('bad input in the browser gets a Chinese error and stores nothing', async () => {
  const before = await world.server.ports.store.collection('requests').count({});
  const page = await phone();
  await loginAs(page, '何军');
  await visible(page, '提交诉求').click();
  await button(page, '提交').click();
  await visible(page, /请选择诉求类别|请描述遇到的问题/).waitFor();
  await shot(page, '09-submit-errors');
  // a wrong credit code on the bind page of a new user
  await page.goto(`${world.base}/#/pages/login/index`);
  await visible(page, '新企业用户（未绑定）').click();
  await button(page, '绑定企业').click();
  await field(page, '营业执照').fill('云溪精密机械制造有限公司');
  await field(page, '18 位').fill('91130182100000008A');
  await button(page, '绑定企业').click();
  await visible(page, /统一社会信用代码校验失败/).waitFor();
  await shot(page, '10-bind-bad-credit-code');
  expect(await world.server.ports.store.collection('requests').count({})).toBe(before);
});
