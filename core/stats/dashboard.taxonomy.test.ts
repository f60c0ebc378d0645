/**
 * Requests stored before the two-level taxonomy (core/contract/taxonomy.ts) keep an old code
 * (shuidian 用电/供水/管网, rexian 12345便民热线): they read with their leaf's name, are counted under
 * its group on the dashboard, and are found by the ledger's filter by that leaf or group.
 * The store is made to look as a deployment of before: the demo's 获得用水用气供热 and 其他 requests
 * carry the old codes, and so do the counters that counted them.
 */
import { C } from '../collections';
import type { CounterDoc } from './counters';
import { verifyCounters } from './recount';
import { seededDistrict } from '../../tests/support/seeded';

const w = seededDistrict();
const OLD: Record<string, string> = { shuiqi: 'shuidian', other: 'rexian' };

beforeAll(async () => {
  // an 其他 request too (the demo has none): filed as 不确定
  await w.as('u-linxiao', { action: 'request.submit', clientKey: 'taxonomy-other-1', category: 'other', description: '园区里有些事情想当面问一下，不知道归哪个部门', photos: [], phone: '13612340001' });
  const requests = w.h.ports.store.collection<{ _id: string; category: string }>(C.requests);
  for (const [leaf, old] of Object.entries(OLD)) {
    for (const r of await requests.find({ category: leaf }, { limit: 100 })) await requests.update(r._id, { $set: { category: old } });
  }
  const counters = w.h.ports.store.collection<CounterDoc>(C.stats);
  for (const doc of await counters.find({}, { limit: 1000 })) {
    const cat = doc.g?.cat;
    if (!cat || !Object.keys(OLD).some((k) => cat[k])) continue;
    const moved = Object.fromEntries(Object.entries(cat).map(([k, v]) => [OLD[k] ?? k, v]));
    await counters.update(doc._id, { $set: { g: { ...doc.g, cat: moved }, v: doc.v + 1 } });
  }
});

test('a stored request with an old code reads with its leaf name and counts under its group', async () => {
  const stored = await w.h.requests().find({ category: 'shuidian' }, { limit: 10 });
  expect(stored.length).toBeGreaterThan(0);
  // the store is consistent as it was before the taxonomy: the counters count the old codes
  expect((await verifyCounters(w.h.ports)).mismatches).toEqual([]);

  const d = await w.as('u-majianguo', { action: 'stats.dashboard', period: 'month' });
  const e = await w.monthCounted();
  // groups only at the top, each the sum of its leaves; no row for an old code
  expect(d.byCategory.map((r: any) => r.id).every((id: string) => ['qiye', 'jianshe', 'yaosu', 'caijin', 'rencai', 'fazhi', 'peitao', 'fuwu'].includes(id))).toBe(true);
  expect(d.byCategory.reduce((s: number, r: any) => s + r.collected, 0)).toBe(e.collected);
  for (const g of d.byCategory) expect([g.id, g.children.reduce((s: number, r: any) => s + r.collected, 0)]).toEqual([g.id, g.collected]);
  const water = d.byCategory.find((r: any) => r.id === 'yaosu');
  expect(water.name).toBe('水电气热');
  const month = (await w.monthCounted({ category: 'shuidian' })).collected;
  expect(water.children.find((c: any) => c.id === 'shuiqi')).toMatchObject({ name: '获得用水用气供热', collected: month });
  expect(d.byCategory.find((r: any) => r.id === 'fuwu').children.find((c: any) => c.id === 'other')).toMatchObject({ name: '其他', collected: 1 });
  expect(JSON.stringify(d.byCategory)).not.toMatch(/shuidian|rexian/);

  // the ledger reads the leaf's name and finds them by the leaf and by the group
  const list = async (category: string) => (await w.as('u-sunli', { action: 'ledger.list', pageSize: 100, category })).items as Array<{ _id: string; categoryName: string }>;
  const byLeaf = await list('shuiqi');
  expect(byLeaf.map((r) => r._id).sort()).toEqual(stored.map((r) => r._id).sort());
  expect(byLeaf.every((r) => r.categoryName === '获得用水用气供热')).toBe(true);
  const byGroup = (await list('yaosu')).map((r) => r._id);
  expect(stored.every((r) => byGroup.includes(r._id))).toBe(true);
  expect(byGroup.length).toBe((await w.h.requests().find({ category: { $in: ['dianli', 'shuiqi', 'shuidian'] } }, { limit: 100 })).length);
  expect((await list('rexian')).map((r) => r.categoryName)).toEqual(['其他']);

  // a new request sent with an old code by an older page is stored under the leaf
  const { request } = await w.as('u-linxiao', { action: 'request.submit', clientKey: 'taxonomy-old-page-1', category: 'shuidian', description: '厂区用水压力不足，高峰时段生产线停机。', photos: [], phone: '13612340001' });
  expect((await w.h.requests().get(request._id))!.category).toBe('shuiqi');
});
