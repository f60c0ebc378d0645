/**
 * The two-level taxonomy in the browser (issue 15 item 2), on a phone (390 px): the leader's
 * dashboard counts 问题类别 by group (大类); tapping a group shows its categories (小类), and a
 * category opens the ledger of its requests, as many as its figure. Screenshots go to E2E_SHOTS.
 */
import { useE2EWorld } from '../support/e2e-world';
import { chartsDrawn, settled, visible } from '../support/pages';
import { C } from '../../core/collections';
import type { ServiceRequest } from '../../core/model';
import { groupOf, leafOf } from '../../core/contract/catalog';

jest.setTimeout(600_000);

const world = useE2EWorld('taxonomy');
const { tallShot, loginAs } = world;

test('the dashboard by group, a group opened to its categories, a category drilled to its requests', async () => {
  const all = await world.server.ports.store.collection<ServiceRequest>(C.requests).find({}, { limit: 100 });
  const inGroup = all.filter((r) => groupOf(r.category) === 'jianshe');
  const inLeaf = all.filter((r) => leafOf(r.category) === 'jianzhu');
  expect(inLeaf.length).toBeGreaterThan(0);

  const phone = await world.page(390, { height: 844 });
  await loginAs(phone, '马建国');
  await visible(phone, '数据看板').click();
  // the year: every seeded request lies in it, whatever the day the test runs
  await phone.locator('.chip', { hasText: /^本年$/ }).locator('visible=true').first().click();
  await phone.locator('.echart canvas').locator('visible=true').first().waitFor();
  const group = phone.locator('.leader-groups .chip', { hasText: '项目建设与用地' }).locator('visible=true').first();
  await group.waitFor();
  expect(await group.textContent()).toBe(`项目建设与用地${inGroup.length}`);
  await group.click();
  const leaf = phone.locator('.leader-group .ftable__row[data-row="jianzhu"]').locator('visible=true').first();
  await leaf.waitFor();
  await visible(phone.locator('.leader-group'), /项目建设与用地（全部）/).waitFor();
  await chartsDrawn(phone);
  await settled(phone);
  await tallShot(phone, 'taxonomy-01-dashboard-group-phone');
  await leaf.click();
  await phone.waitForURL(/subpkg-desk\/ledger/);
  expect(phone.url()).toContain('category=jianzhu');
  const total = phone.locator('.ledger-toolbar__total').locator('visible=true').filter({ hasText: /^共 \d+ 条$/ }).first();
  await total.waitFor();
  expect(Number((await total.textContent())!.match(/\d+/)![0])).toBe(inLeaf.length);
  await settled(phone);
  await tallShot(phone, 'taxonomy-02-ledger-leaf-phone');
});
