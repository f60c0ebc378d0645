/**
 * Attachments in a real browser on the seeded district (issue 14): the officer (phone, 390 px)
 * attaches a stamped PDF letter to a progress note; the enterprise (phone) sees it as a named chip
 * on its request and downloads it under its name; asked for more material, the enterprise attaches a
 * Word file to its supplement, which the officer then reads; a co-operating department attaches its
 * findings to its opinion on a supervision card. Screenshots go to E2E_SHOTS.
 */
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { useE2EWorld } from '../support/e2e-world';
import { as, button, field, settled, visible } from '../support/pages';
import { submission } from '../support/harness';
import { minimalDocx, minimalPdf } from '../support/sample-files';
import { C } from '../../core/collections';
import type { ServiceRequest, SupervisionCard } from '../../core/model';

jest.setTimeout(600_000);

const world = useE2EWorld('attachments');
const phone = () => world.page(390, { height: 844 });
const { shot, tallShot, loginAs } = world;
const stored = async (id: string) => (await world.server.ports.store.collection<ServiceRequest>(C.requests).get(id))!;

/** 添加文件 → the browser's file dialog → the file, uploaded before the form is sent */
async function attach(page: Page, scope: string, file: { name: string; mimeType: string; buffer: Buffer }, kind: 'file' | 'photo' = 'file') {
  const chooser = page.waitForEvent('filechooser');
  const uploaded = page.waitForResponse((r) => r.url().endsWith('/upload') && r.status() === 200);
  await page.locator(`${scope} .attachment-uploader__${kind}`).locator('visible=true').first().click();
  await (await chooser).setFiles(file);
  await uploaded;
  const shown = kind === 'file' ? page.locator(`${scope} .attachment-chip__name`).filter({ hasText: file.name }) : page.locator(`${scope} .photo-grid__img`);
  await shown.locator('visible=true').first().waitFor();
}

/** a small photo of the site (a real PNG) */
function sitePhoto() {
  const p = new PNG({ width: 48, height: 32 });
  for (let i = 0; i < p.data.length; i += 4) p.data.set([90 + ((i / 4) % 48) * 3, 140, 200, 255], i);
  return { name: '现场照片.png', mimeType: 'image/png', buffer: PNG.sync.write(p) };
}

test('an officer attaches a PDF to a progress note, the enterprise opens it, and attaches a Word file to its supplement', async () => {
  const { request } = await as(world, 'u-linxiao', submission({ description: '新车间用电增容报装两周无人联系，影响设备调试。' }));
  await as(world, request.assigneeId, { action: 'request.accept', id: request._id });

  // the officer adds progress with a stamped letter
  const off = await phone();
  await loginAs(off, request.assigneeName);
  await off.goto(`${world.base}/#/subpkg-officer/detail/index?id=${request._id}`);
  await off.reload();
  await field(off, '记录联系企业').fill('已与供电公司现场勘察，供电方案见附件');
  const letter = { name: '供电方案（盖章）.pdf', mimeType: 'application/pdf', buffer: minimalPdf() };
  await attach(off, '#progress-form', letter);
  await attach(off, '#progress-form', sitePhoto(), 'photo');
  await expect(off.locator('#progress-form .attachment-chip__type').locator('visible=true').first().textContent()).resolves.toBe('PDF');
  await shot(off, 'att-01-officer-progress-form');
  await button(off, '添加进展').click();
  await off.locator('.timeline .attachment-chip__name').filter({ hasText: letter.name }).locator('visible=true').first().waitFor();
  await settled(off);
  // the form is empty again, its files with it
  await expect(off.locator('#progress-form .attachment-chip').locator('visible=true').count()).resolves.toBe(0);
  const progress = (await stored(request._id)).timeline.find((e) => e.type === 'progress')!;
  expect(progress).toMatchObject({
    text: '已与供电公司现场勘察，供电方案见附件',
    attachments: [{ name: letter.name, type: 'application/pdf', size: letter.buffer.length }, { name: '现场照片.png', type: 'image/png' }],
  });
  await tallShot(off, 'att-02-officer-progress-with-pdf');

  // the enterprise sees the letter on its request, with its type and size, and downloads it under its name
  const ent = await phone();
  await loginAs(ent, '林晓');
  await ent.goto(`${world.base}/#/subpkg-enterprise/detail/index?id=${request._id}`);
  await ent.reload();
  const chip = ent.locator('.timeline .attachment-chip').filter({ hasText: letter.name }).locator('visible=true').first();
  await chip.waitFor();
  await expect(chip.textContent()).resolves.toMatch(/PDF.*供电方案（盖章）\.pdf.*1 KB/);
  // the photo as a thumbnail, loaded from its unguessable address
  const thumb = ent.locator('.timeline .photo-grid__img img').locator('visible=true').first();
  await thumb.waitFor();
  await ent.waitForFunction(() => Array.from(document.querySelectorAll('.timeline .photo-grid__img img')).some((i) => (i as HTMLImageElement).naturalWidth === 48));
  await settled(ent);
  await tallShot(ent, 'att-03-enterprise-sees-pdf');
  const download = ent.waitForEvent('download');
  await chip.click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(letter.name);

  // asked for the equipment list, the enterprise attaches it to its supplement
  await as(world, request.assigneeId, { action: 'request.pause', id: request._id, reason: '请补充用电设备清单（含功率）' });
  await ent.reload();
  await visible(ent, '承办人员需要您补充：请补充用电设备清单（含功率）').waitFor();
  await field(ent, '说明补充的材料或情况').fill('设备清单已整理，见附件');
  const list = { name: '用电设备清单.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: await minimalDocx() };
  await attach(ent, '.action-card--supplement', list);
  await settled(ent);
  await tallShot(ent, 'att-04-enterprise-supplement-form');
  await button(ent, '提交补充材料').click();
  await ent.locator('.timeline .attachment-chip__name').filter({ hasText: list.name }).locator('visible=true').first().waitFor();
  const after = await stored(request._id);
  expect(after.status).toBe('accepted');
  expect(after.timeline.at(-1)).toMatchObject({ type: 'supplemented', attachments: [{ name: list.name, type: list.mimeType }] });

  // the officer reads the supplement with its file
  await off.reload();
  await off.locator('.timeline .attachment-chip').filter({ hasText: list.name }).locator('visible=true').first().waitFor();
  await expect(off.locator('.timeline .attachment-chip').filter({ hasText: list.name }).first().textContent()).resolves.toMatch(/DOCX/);
  await settled(off);
  await tallShot(off, 'att-05-officer-sees-supplement');
});

test('a co-operating department attaches its findings to its opinion on a supervision card', async () => {
  const { request } = await as(world, 'u-linxiao', submission({ description: '厂区扩建用地手续办理缓慢，需要多部门协调。' }));
  const { card } = await as(world, 'u-sunli', {
    action: 'card.issue', id: request._id, leadDeptId: 'dep-zrzy', coDeptIds: ['dep-zjj'], deadline: '2026-12-31', instructions: '请自然资源局牵头，住建局协办',
  });
  await as(world, 'u-fengyu', { action: 'card.accept', cardId: card._id });

  const dept = await phone();
  await loginAs(dept, '冯玉');
  await dept.goto(`${world.base}/#/subpkg-dept/card/index?cardId=${card._id}`);
  await dept.reload();
  await field(dept, '填写本部门的核查情况').fill('经核查，规划许可手续齐全，详见核查意见');
  const findings = { name: '住建局核查意见.pdf', mimeType: 'application/pdf', buffer: minimalPdf() };
  await attach(dept, '#card-reply', findings);
  await settled(dept);
  await tallShot(dept, 'att-06-dept-reply-form');
  await button(dept, '提交协办意见').click();
  // the opinion shows on the card with its file
  await dept.locator('.party .attachment-chip').filter({ hasText: findings.name }).locator('visible=true').first().waitFor();
  const stored = (await world.server.ports.store.collection<SupervisionCard>(C.cards).get(card._id))!;
  expect(stored.parties.find((p) => p.role === 'co')).toMatchObject({ status: 'replied', replyAttachments: [{ name: findings.name, type: 'application/pdf' }] });
  await settled(dept);
  await tallShot(dept, 'att-07-dept-replied-with-file');

  // the desk reads it on the request's card and timeline
  const desk = await world.page(1280);
  await loginAs(desk, '孙丽');
  await desk.goto(`${world.base}/#/subpkg-desk/detail/index?id=${request._id}`);
  await desk.reload();
  await desk.locator('.timeline .attachment-chip').filter({ hasText: findings.name }).locator('visible=true').first().waitFor();
  await settled(desk);
  await shot(desk, 'att-08-desk-sees-reply-file');
});
