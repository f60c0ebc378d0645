/** 我的诉求 searched: words in the number, description, category, handler or result; the enterprise's own only; with the tabs. */
import { makeHarness, submission, type Harness } from '../../tests/support/harness';

let h: Harness;
beforeEach(async () => { h = await makeHarness(); });
afterEach(() => h.cleanup());

const mine = (q: string, extra: Record<string, unknown> = {}) => h.ok('u-linxiao', { action: 'request.mine', q, ...extra });

test('finds its own requests by words of the description, the number, the category and the handler', async () => {
  const { request: light } = await h.ok('u-linxiao', submission({ description: '厂区东门外路灯损坏，夜间货车进出不便。' }));
  const { request: power } = await h.ok('u-linxiao', submission({ category: 'dianli', description: '新建二号车间需增容至800千伏安。' }));
  await h.ok('u-linxiao', submission({ category: 'nashui', description: '新招员工社保增员系统报错。' }));
  // another enterprise's request with the same words is not found
  await h.ok('u-gaopeng', submission({ description: '东门外路灯损坏。' }));

  expect((await mine('路灯')).items.map((r: any) => r._id)).toEqual([light._id]);
  // every word must be there, in any order
  expect((await mine('车间 增容')).items.map((r: any) => r._id)).toEqual([power._id]);
  expect((await mine('车间 路灯')).total).toBe(0);
  // its number, in any case
  expect((await mine(power.no.toLowerCase())).items.map((r: any) => r._id)).toEqual([power._id]);
  // the category's name, and who handles it
  expect((await mine('纳税')).total).toBe(1);
  expect((await mine(light.assigneeName)).total).toBeGreaterThanOrEqual(1);
  // within a tab: the open ones only
  await h.ok(DESK, { action: 'desk.reject', id: light._id, kind: 'invalid', reason: '无效诉求' });
  expect((await mine('路灯', { tab: 'open' })).total).toBe(0);
  expect((await mine('路灯', { tab: 'done' })).total).toBe(1);
  // no words: the tab's list as before
  expect((await mine('')).total).toBe(3);
  expect(await h.call('u-linxiao', { action: 'request.mine', q: '字'.repeat(51) })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
});

test('pages through what it found, newest first', async () => {
  const ids: string[] = [];
  for (let i = 0; i < 5; i++) ids.push((await h.ok('u-linxiao', submission({ description: `厂区第${i}号路灯损坏，请协调修复。` }))).request._id);
  const first = await mine('路灯', { page: 1, pageSize: 2 });
  const second = await mine('路灯', { page: 2, pageSize: 2 });
  const third = await mine('路灯', { page: 3, pageSize: 2 });
  expect(first.total).toBe(5);
  expect([...first.items, ...second.items, ...third.items].map((r: any) => r._id)).toEqual([...ids].reverse());
});

const DESK = 'u-sunli';
