/**
 * 并件 in a real browser on the seeded district (issue 15 part 3): two enterprises of 东城一网格
 * report the same broken road; the dispatcher (phone, 390 px) finds them under 疑似重复, keeps the
 * first as the main and merges the second into it; the main is handled and answered; both
 * enterprises are told of the result, and both score it from their own request. Screenshots go
 * to E2E_SHOTS.
 */
import { useE2EWorld } from '../support/e2e-world';
import { as, button, modalConfirm, settled, until, visible } from '../support/pages';
import { submission } from '../support/harness';
import { C } from '../../core/collections';
import type { Message, ServiceRequest } from '../../core/model';
import { devOpenid } from '../../core/seed/demo-district';

jest.setTimeout(600_000);

const world = useE2EWorld('merge');
const { shot, loginAs } = world;
const store = () => world.server.ports.store;
const stored = async (id: string) => (await store().collection<ServiceRequest>(C.requests).get(id))!;

test('two enterprises report the same road; the desk merges them; both are told of the result and both score it', async () => {
  const a = (await as(world, 'u-gaopeng', submission({
    category: 'other', phone: '13612340002',
    description: '东城路与工业大道路口的路灯坏了一个多月，晚上货车进出厂区很危险，路面还有大坑，请尽快修复。',
  }))).request;
  const b = (await as(world, 'u-linxiao', submission({
    category: 'other',
    description: '工业大道和东城路路口路灯一直不亮，路面坑洼，晚上我们厂货车进出很危险，希望尽快修路灯补坑。',
  }))).request;

  // the dispatcher finds them among the likely duplicates of its scope
  const desk = await world.page(390, { height: 844 });
  await loginAs(desk, '孙丽');
  await visible(desk, '疑似重复 · 并件').click();
  const card = desk.locator('.dup').filter({ hasText: a.no }).locator('visible=true').first();
  await card.waitFor();
  await expect(card.textContent()).resolves.toContain(b.no);
  await expect(card.textContent()).resolves.toContain('同一网格');
  // only these two: anything else the cluster holds stays out
  const others = card.locator('.dup__member').filter({ hasNotText: a.no }).filter({ hasNotText: b.no });
  for (let i = 0; i < (await others.count()); i++) {
    const toggle = others.nth(i).getByText('☑ 并入主件');
    if (await toggle.count()) await toggle.click();
  }
  await settled(desk);
  await shot(desk, 'merge-01-desk-duplicates');
  await card.getByRole('button', { name: `合并：1 件并入 ${a.no}` }).click();
  await visible(desk, /将 1 件诉求并入/).waitFor();
  await modalConfirm(desk).click();
  await until(async () => (await stored(b._id)).status === 'merged');
  await world.server.followUpsIdle();
  expect(await stored(b._id)).toMatchObject({ mergedInto: { id: a._id, byName: '孙丽' } });
  expect((await stored(a._id)).mergedFrom?.map((l) => l.id)).toEqual([b._id]);

  // the linked request's desk page says which main it follows, and may be undone
  await desk.goto(`${world.base}/#/subpkg-desk/detail/index?id=${b._id}`);
  await desk.reload();
  await visible(desk, '已与其他企业反映的同一问题合并办理').waitFor();
  await button(desk, '取消并件').waitFor();
  await settled(desk);
  await world.tallShot(desk, 'merge-02-desk-linked');

  // the main is handled and answered by its handler
  const handler = (await stored(a._id)).assigneeId!;
  await as(world, handler, { action: 'request.accept', id: a._id });
  await as(world, handler, { action: 'request.progress', id: a._id, note: '已联系市政养护单位现场查看，安排更换路灯' });
  await as(world, handler, { action: 'request.resolve', id: a._id, result: '路灯已更换，路口坑洼已补平', kind: 'solved' });

  // the linked enterprise is told, on its own request, and scores it
  const linked = await world.page(390, { height: 844 });
  await loginAs(linked, '林晓');
  await visible(linked, '消息中心').click();
  await visible(linked, '诉求已办结，请评价').waitFor();
  await shot(linked, 'merge-03-linked-messages');
  await visible(linked, '诉求已办结，请评价').click();
  await visible(linked, '已与其他企业反映的同一问题合并办理').waitFor();
  await visible(linked, /路灯已更换，路口坑洼已补平/).waitFor();
  // nothing names the other enterprise
  await expect(linked.locator('body').textContent()).resolves.not.toContain('云溪精密机械');
  await button(linked, '确认并评价').waitFor();
  await linked.locator('.nut-rate-item').locator('visible=true').nth(3).click();
  await settled(linked);
  await world.tallShot(linked, 'merge-04-linked-scoring');
  await button(linked, '确认并评价').click();
  await until(async () => (await stored(b._id)).score === 4);

  // the main's enterprise is told as well, and scores its own
  const main = await world.page(390, { height: 844 });
  await loginAs(main, '高鹏');
  await visible(main, '消息中心').click();
  await visible(main, '诉求已办结，请评价').click();
  await button(main, '确认并评价').waitFor();
  await main.locator('.nut-rate-item').locator('visible=true').nth(4).click();
  await button(main, '确认并评价').click();
  await visible(main, /企业确认办结，评分 5 分/).waitFor();
  await shot(main, 'merge-05-main-scored');

  // both scores stored, each on its own request; the main's enterprise never heard of the other
  expect(await stored(a._id)).toMatchObject({ status: 'closed', score: 5 });
  expect(await stored(b._id)).toMatchObject({ status: 'merged', score: 4 });
  const told = (userId: string) => store().collection<Message>(C.messages).find({ userId }, { limit: 100 });
  expect((await told('u-linxiao')).filter((m) => m.requestId === b._id && m.title === '诉求已办结，请评价')).toHaveLength(1);
  expect((await told('u-gaopeng')).filter((m) => m.requestId === a._id && m.title === '诉求已办结，请评价')).toHaveLength(1);
  expect((await told('u-gaopeng')).map((m) => m.body).join()).not.toContain(b.no);

  // the desk's main shows its linked request with its score
  await desk.goto(`${world.base}/#/subpkg-desk/detail/index?id=${a._id}`);
  await desk.reload();
  await visible(desk, '并件办理 · 已并入 1 件').waitFor();
  await visible(desk, '评分 4 分').waitFor();
  await settled(desk);
  await world.tallShot(desk, 'merge-06-desk-main');
});

test('不是重复: the desk takes a request that is another problem out of its cluster, and it stays out', async () => {
  const sewer = '东城路南段下水道堵了，一下大雨污水就返上来，往我们院子里灌，麻烦市政来疏通';
  const a = (await as(world, 'u-gaopeng', submission({ category: 'other', phone: '13612340002', description: sewer }))).request;
  const b = (await as(world, 'u-linxiao', submission({ category: 'other', description: '东城路南头的下水道堵死了，雨水排不出去，倒灌进我们仓库' }))).request;
  // a third enterprise of the grid (恒达物流) writes of its own drain in the same words
  const contact = (await store().collection<any>(C.users).get('u-linxiao'))!;
  await store().collection<any>(C.users).add({ ...contact, _id: 'u-e3', openid: devOpenid('u-e3'), name: '王工', enterpriseId: 'e-003' });
  const c = (await as(world, 'u-e3', submission({ category: 'other', phone: '13612340009', description: '东城路南段我们厂区下水道堵了，一下雨污水就返上来，麻烦来疏通一下' }))).request;

  const desk = await world.page(390, { height: 844 });
  await loginAs(desk, '孙丽');
  await visible(desk, '疑似重复 · 并件').click();
  const card = desk.locator('.dup').filter({ hasText: a.no }).locator('visible=true').first();
  await card.waitFor();
  await expect(card.textContent()).resolves.toContain(c.no);
  await settled(desk);
  await world.tallShot(desk, 'merge-07-desk-cluster-of-three');
  // the dispatcher reads c and finds it is the firm's own drain: 不是重复
  await card.locator('.dup__member').filter({ hasText: c.no }).getByText('不是重复').click();
  await visible(desk, /与本组其他 2 件诉求不是同一问题/).waitFor();
  await modalConfirm(desk).click();
  await until(async () => (await stored(c._id)).notDuplicateOf?.length === 2);
  const after = desk.locator('.dup').filter({ hasText: a.no }).locator('visible=true').first();
  await until(async () => !(await after.textContent())?.includes(c.no));
  await expect(after.textContent()).resolves.toContain(b.no);
  await settled(desk);
  await world.tallShot(desk, 'merge-08-desk-not-duplicate');
  // it stays out on a fresh read, and the audit log says who
  await desk.reload();
  await visible(desk, a.no).waitFor();
  await expect(desk.locator('body').textContent()).resolves.not.toContain(c.no);
  const log = await store().collection<any>(C.audit).find({ action: 'desk.notDuplicate' });
  expect(log.map((e: any) => [e.entityId, e.actorName])).toEqual([[c._id, '孙丽']]);
});
