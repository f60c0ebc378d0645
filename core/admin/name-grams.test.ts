/** The one-time pass that gives enterprises registered before nameGrams their names' character pairs. */
import { makeHarness, type Harness } from '../../tests/support/harness';
import { C } from '../collections';
import { backfillNameGrams, NAME_GRAMS_MARK } from './name-grams';

let h: Harness;
beforeEach(async () => { h = await makeHarness(); });
afterEach(() => h.cleanup());

const open = { spent: () => false };
const grams = async (id: string) => ((await h.store.collection(C.enterprises).get(id)) as { nameGrams?: string[] } | null)?.nameGrams;
const strip = (id: string) => h.store.collection(C.enterprises).update(id, { $set: { nameGrams: [] } });

test('an enterprise stored without its name\'s pairs is found by a middle word once the pass has run, and the pass runs once', async () => {
  await strip('e-002');
  const find = () => h.ok('u-wangfang', { action: 'request.fileForOptions', q: '新材料' });
  expect((await find()).items).toEqual([]);
  expect(await backfillNameGrams(h.ports, open)).toEqual({ written: 1, done: true });
  expect(await grams('e-002')).toEqual(['东城', '城新', '新材', '材料', '料科', '科技', '技有', '有限', '限公', '公司']);
  expect((await find()).items.map((o: { id: string }) => o.id)).toEqual(['e-002']);
  expect(await h.store.collection(C.settings).get(NAME_GRAMS_MARK)).toMatchObject({ done: true });
  expect(await backfillNameGrams(h.ports, open)).toEqual({ written: 0, done: true });
});

test('a pass cut short resumes after the last enterprise it finished', async () => {
  await h.store.collection(C.settings).add({ _id: NAME_GRAMS_MARK, after: 'e-005', done: false });
  await strip('e-002');
  await strip('e-010');
  expect(await backfillNameGrams(h.ports, open)).toEqual({ written: 1, done: true });
  expect(await grams('e-010')).toContain('金穗');
  // before the mark: the pass had done it (here it was stripped after, which no real store does)
  expect(await grams('e-002')).toEqual([]);
});

test('a spent budget writes nothing and leaves the pass to the next tick', async () => {
  await strip('e-002');
  expect(await backfillNameGrams(h.ports, { spent: () => true })).toEqual({ written: 0, done: false });
  expect(await grams('e-002')).toEqual([]);
  expect(await backfillNameGrams(h.ports, open)).toEqual({ written: 1, done: true });
});
