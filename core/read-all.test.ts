import { openSqliteStore } from '../adapters/sqlite-store';
import { AppError } from './errors';
import type { Collection, Doc, Filter, FindOptions } from './ports';
import { getMany, pagesOf, readAll } from './read-all';

type Item = Doc & { kind: string; n: number };

function counted(col: Collection<Item>) {
  const calls: Array<{ filter: Filter; options?: FindOptions }> = [];
  const wrapped: Collection<Item> = { ...col, find: (filter, options) => (calls.push({ filter, options }), col.find(filter, options)) };
  return { col: wrapped, calls };
}

const store = openSqliteStore({ file: ':memory:' });
const items = store.collection<Item>('items');
beforeAll(async () => {
  for (let i = 0; i < 1000; i++) await items.add({ _id: `g-${String(i).padStart(4, '0')}`, kind: i % 10 === 0 ? 'ten' : 'grid', n: i });
});
afterAll(() => store.close());

test('readAll reads every matching document past the page of 100, in _id order, in ceil((n + 1) / 100) calls', async () => {
  const { col, calls } = counted(items);
  const all = await readAll(col, { kind: 'grid' });
  expect(all).toHaveLength(900);
  expect(all.map((d) => d._id)).toEqual([...all.map((d) => d._id)].sort());
  expect(calls).toHaveLength(10); // nine full pages and the empty tenth that says it was the last
  const tens = await readAll(col, { kind: 'ten' });
  expect(tens).toHaveLength(100);
  expect(calls).toHaveLength(12);
});

test('an _id bound of the filter is kept while paging', async () => {
  const all = await readAll(items, { _id: { $lt: 'g-0250' } });
  expect(all).toHaveLength(250);
  expect(all.at(-1)!._id).toBe('g-0249');
  expect(await readAll(items, { _id: 'g-0500' })).toHaveLength(1);
});

test('more than the cap is a clear error, not a silent truncation', async () => {
  await expect(readAll(items, {}, { cap: 500, what: '网格' })).rejects.toThrow(new AppError('INTERNAL', '网格超过500条，超出系统单次读取上限，请联系技术支持'));
});

test('pagesOf yields pages of at most 100 and stops at a short page', async () => {
  const sizes: number[] = [];
  for await (const page of pagesOf(items, { n: { $gte: 750 } })) sizes.push(page.length);
  expect(sizes).toEqual([100, 100, 50]);
});

test('getMany reads ids in chunks of 100 and skips missing and empty ids', async () => {
  const { col, calls } = counted(items);
  const ids = Array.from({ length: 250 }, (_, i) => `g-${String(i * 4).padStart(4, '0')}`);
  const got = await getMany(col, [...ids, ids[0], 'missing', null, undefined, '']);
  expect(got.size).toBe(250);
  expect(got.get('g-0996')!.n).toBe(996);
  expect(calls).toHaveLength(3);
});
