/**
 * 回访 in a real browser on the seeded district (issue 11, item 3), at 1280 px: the dispatcher
 * filters the ledger to 待回访, opens a closed request, records a satisfied callback (it leaves
 * the list); opens another and records 不满意, confirms "将退回重办", and the request is back at
 * work with 重办次数 1 in the ledger. Screenshots go to E2E_SHOTS.
 */
import type { Page } from 'playwright-core';
import { C } from '../../core/collections';
import type { ServiceRequest } from '../../core/model';
import { useE2EWorld } from '../support/e2e-world';
import { button, field, modalConfirm, settled, visible } from '../support/pages';

jest.setTimeout(600_000);

const world = useE2EWorld('callback');
const { shot, loginAs } = world;

const requests = () => world.server.ports.store.collection<ServiceRequest>(C.requests);
const chip = (page: Page, text: string) => page.locator('#panel-callback .chip').filter({ hasText: new RegExp(`^${text}$`) }).locator('visible=true').first();

test('the dispatcher works through 待回访: a satisfied callback, then an unsatisfied one that reopens the request', async () => {
  const closed = (await requests().find({ status: 'closed' }, { limit: 100 })).sort((a, b) => a.no.localeCompare(b.no));
  expect(closed.length).toBeGreaterThanOrEqual(2);
  const [first, second] = closed;

  const desk = await world.page(1280);
  await loginAs(desk, '孙丽');

  // 1. the ledger, 待回访: every closed request, none called back yet
  await desk.goto(`${world.base}/#/subpkg-desk/ledger/index?callback=due`);
  const rowOf = (no: string) => desk.locator('.ledger-row').filter({ hasText: no }).locator('visible=true').first();
  await rowOf(first.no).waitFor();
  await settled(desk);
  await expect(desk.locator('.ledger-row:not(.ledger-row--head)').locator('visible=true').count()).resolves.toBe(closed.length);
  await expect(rowOf(first.no).textContent()).resolves.toContain('待回访');
  await expect(desk.locator('.ledger-row--head').locator('visible=true').first().textContent()).resolves.toMatch(/超期天数.*重办次数.*催办次数.*满意度评分.*回访结果/);
  await shot(desk, 'cb-01-ledger-due');

  // 2. a satisfied call: recorded, and the request leaves the list
  await rowOf(first.no).click();
  await visible(desk, '提交回访').waitFor();
  await settled(desk);
  await shot(desk, 'cb-02-detail-form');
  // nothing is preselected: submitting at once is refused with the reasons
  await button(desk, '提交回访').click();
  await visible(desk, '请选择回访方式').waitFor();
  await visible(desk, '请选择回访结果').waitFor();
  await chip(desk, '电话回访').click();
  await chip(desk, '满意').click();
  await field(desk, '企业的意见').fill('企业表示问题已解决，对办理结果满意。');
  await button(desk, '提交回访').click();
  await desk.locator('#panel-callback .callback-item').locator('visible=true').first().waitFor();
  // called back: the form folds away behind a deliberate 再次回访
  await button(desk, '再次回访').waitFor();
  await expect(button(desk, '提交回访').isVisible()).resolves.toBe(false);
  await settled(desk);
  await shot(desk, 'cb-03-detail-satisfied');
  const one = (await requests().get(first._id))!;
  expect(one.callbacks).toEqual([expect.objectContaining({ method: 'call', outcome: 'satisfied', byName: '孙丽', note: '企业表示问题已解决，对办理结果满意。' })]);
  expect(one.status).toBe('closed');

  // 3. 不满意: the note is required, a confirmation says it goes back to work
  await desk.goto(`${world.base}/#/subpkg-desk/detail/index?id=${second._id}`);
  await visible(desk, '提交回访').waitFor();
  await chip(desk, '上门回访').click();
  await chip(desk, '不满意').click();
  await button(desk, '提交并退回重办').click();
  await visible(desk, '回访不满意时请填写企业反映的问题（至少2个字）').waitFor();
  await field(desk, '企业反映的问题').fill('复检结果仍未书面告知企业，企业不认可。');
  await button(desk, '提交并退回重办').click();
  await visible(desk, '将退回重办').waitFor();
  await shot(desk, 'cb-04-confirm-rework');
  await modalConfirm(desk).click();
  await desk.locator('#panel-callback .callback-item--unsatisfied').locator('visible=true').first().waitFor();
  await settled(desk);
  await shot(desk, 'cb-05-detail-reopened');
  const two = (await requests().get(second._id))!;
  expect(two.status).not.toBe('closed');
  expect(two.reopenCount).toBe(second.reopenCount + 1);
  expect(two.callbacks).toEqual([expect.objectContaining({ method: 'visit', outcome: 'unsatisfied' })]);
  // the form is gone: the request is back at work
  await expect(button(desk, '提交回访').isVisible()).resolves.toBe(false);

  // 4. the ledger: neither is 待回访 any more; the reopened one shows its rework and the callback
  await desk.goto(`${world.base}/#/subpkg-desk/ledger/index?callback=due`);
  await desk.reload();
  await desk.locator('.ledger-toolbar__total').locator('visible=true').first().waitFor();
  await settled(desk);
  await expect(rowOf(first.no).count()).resolves.toBe(0);
  await expect(rowOf(second.no).count()).resolves.toBe(0);
  await desk.goto(`${world.base}/#/subpkg-desk/ledger/index`);
  await desk.reload();
  await rowOf(second.no).waitFor();
  await settled(desk);
  await expect(rowOf(second.no).locator('.ledger-cell--rework').textContent()).resolves.toContain('1');
  await expect(rowOf(second.no).locator('.ledger-cell--callback').textContent()).resolves.toBe('不满意');
  await expect(rowOf(first.no).locator('.ledger-cell--callback').textContent()).resolves.toBe('满意');
  await shot(desk, 'cb-06-ledger-all');
});
